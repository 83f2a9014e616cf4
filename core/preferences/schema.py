"""The tables of the preference store (SQLAlchemy 2 ORM).

    prompts      one row per prompt (imported or from the sample set)
    items        a prompt with two responses (A, B) from two contestants: the unit labelled
    labelers     a person who joined with name + join code; `token` is their secret
    assignments  a slot: item X served to labeler Y, with the left/right order they saw.
                 UNIQUE(item_id, slot) with slot in [0, overlap) is what stops two
                 concurrent labelers from getting the same slot; UNIQUE(item_id,
                 labeler_id) stops one person from getting an item twice.
    labeler_joins  how each labeler joined (hosted mode): hashed browser and client keys, for the
                 identity caps, and the hash of the recovery code that lets them rejoin by name
    room_settings  what the host changes while the room runs (caps, overlap): key -> value
    labels       one per (item, labeler), written in the same transaction that closes
                 its assignment; UNIQUE(client_id) makes submit idempotent.
Choices are stored in item terms (A / B / tie / both_bad), whatever side A was shown on.
"""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

CHOICES = ("A", "B", "tie", "both_bad")
STRENGTHS = ("slightly", "clearly", "much")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # naive UTC: same on SQLite and PG


class Base(DeclarativeBase):
    pass


class Prompt(Base):
    __tablename__ = "prompts"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)  # the import's id, or a text hash
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(100), default="")
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    flag_reasons: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Item(Base):
    __tablename__ = "items"
    __table_args__ = (UniqueConstraint("prompt_id", "contestant_a", "contestant_b"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    prompt_id: Mapped[int] = mapped_column(ForeignKey("prompts.id"), index=True)
    response_a: Mapped[str] = mapped_column(Text)
    response_b: Mapped[str] = mapped_column(Text)
    contestant_a: Mapped[str] = mapped_column(String(200))
    contestant_b: Mapped[str] = mapped_column(String(200))
    # imported | generated | compare; indexed for the blind pairs served first (stores made before
    # the index existed have none: a scan, ~3 ms at 10,000 items)
    source: Mapped[str] = mapped_column(String(20), index=True)
    # Held back from labelers (prompt or a response flagged by core.safety); host only.
    flagged: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    flag_reasons: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Labeler(Base):
    __tablename__ = "labelers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LabelerJoin(Base):
    """A separate table, not new columns: create_all adds it to a store made before it existed."""
    __tablename__ = "labeler_joins"
    labeler_id: Mapped[int] = mapped_column(ForeignKey("labelers.id"), primary_key=True)
    browser: Mapped[str] = mapped_column(String(64), default="", index=True)  # sha256 of the browser's key
    client: Mapped[str] = mapped_column(String(64), default="", index=True)  # sha256 of the client address
    recovery_hash: Mapped[str] = mapped_column(String(64), default="")  # sha256 of the recovery code
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RoomSetting(Base):
    __tablename__ = "room_settings"
    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class Assignment(Base):
    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("item_id", "labeler_id"), UniqueConstraint("item_id", "slot"))
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    labeler_id: Mapped[int] = mapped_column(ForeignKey("labelers.id"), index=True)
    # 0..overlap-1 while the assignment holds a slot; NULL once skipped or expired
    # (NULLs never collide in a UNIQUE constraint, on SQLite and PostgreSQL alike).
    slot: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)  # open|done|skipped|expired
    left_is_a: Mapped[bool] = mapped_column(Boolean)  # what this labeler saw on the left
    assigned_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Label(Base):
    __tablename__ = "labels"
    __table_args__ = (UniqueConstraint("item_id", "labeler_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id"), unique=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    labeler_id: Mapped[int] = mapped_column(ForeignKey("labelers.id"), index=True)
    choice: Mapped[str] = mapped_column(String(10))  # A | B | tie | both_bad
    left_is_a: Mapped[bool] = mapped_column(Boolean)
    strength: Mapped[str | None] = mapped_column(String(10), nullable=True)
    rationale: Mapped[str] = mapped_column(Text, default="")
    seconds: Mapped[float] = mapped_column(Float)  # served -> submitted, measured by the server
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
