"""Who is labelling: join with name + join code, then act with a secret token.

The token is the only credential the labeling API accepts; a labeler never learns
another's token, so they cannot read or change another's labels. Joining also hands out a
recovery code, shown once: with their name it brings the labeler back on another browser
(`rejoin`). In hosted mode a join records hashed browser and client keys, and the room's caps
on identities per browser and per client address are checked in the same transaction that
adds the labeler. The host is identified by the host token (core/hosting/host_token.py).
"""
from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.config import get_settings
from core.preferences.codes import LOCAL_JOIN_CODE, code_hash, normalise, readable_code
from core.preferences.db import transaction
from core.preferences.room_settings import room_value
from core.preferences.schema import Labeler, LabelerJoin

NAME_RE = re.compile(r"^[\w .'-]{1,40}$", re.UNICODE)


class AccessDenied(PermissionError):
    """Wrong join code, unknown token, or someone else's data."""


@dataclass(frozen=True)
class Identity:
    labeler_id: int
    name: str
    token: str
    recovery_code: str = ""  # only right after joining: it is stored hashed, never shown again


@dataclass(frozen=True)
class Origin:
    """Where a join comes from (hashed keys) and the caps that apply (0 = no cap)."""
    browser: str = ""
    client: str = ""
    per_browser: int = 0
    per_client: int = 0


class TooManyIdentities(AccessDenied):
    """This browser or client address already joined as many labelers as the room allows."""


def check_join_code(join_code: str, expected: str | None = None) -> None:
    """Raises AccessDenied for a wrong code (compared in constant time) or a closed room."""
    expected = get_settings().prefs.join_code if expected is None else expected
    expected = LOCAL_JOIN_CODE if expected is None else expected
    if not expected:
        raise AccessDenied("joining is closed: the host has not set a join code (GENAI_PREFS_JOIN_CODE)")
    if not hmac.compare_digest(normalise(join_code).encode(), normalise(expected).encode()):
        raise AccessDenied("wrong join code")


def clean_name(name) -> str:
    name = " ".join(str(name or "").split())
    if not NAME_RE.match(name):
        raise ValueError(f"name {name!r}: use 1-40 letters, digits, spaces, . ' - or _")
    return name


def _check_caps(s: Session, origin: Origin) -> None:
    per_browser = room_value(s, "labelers_per_browser", origin.per_browser)
    per_client = room_value(s, "labelers_per_client", origin.per_client)
    for key, column, cap, what, setting in (
            (origin.browser, LabelerJoin.browser, per_browser, "this browser", "labelers_per_browser"),
            (origin.client, LabelerJoin.client, per_client, "your network address", "labelers_per_client")):
        if not key or cap <= 0:
            continue
        n = s.scalar(select(func.count()).select_from(LabelerJoin).where(column == key)) or 0
        if n >= cap:
            raise TooManyIdentities(
                f"{what} has already joined as {n} labeler(s), the most this room allows "
                f"(GENAI_PREFS_{setting.upper()}={cap}). Rejoin with your name and recovery code, "
                "or ask the host to allow more.")


def join(name: str, join_code: str, expected: str | None = None, origin: Origin | None = None) -> Identity:
    """Register a new labeler; raises AccessDenied (bad code, caps) or ValueError (bad/taken name).

    expected: the room's join code (default GENAI_PREFS_JOIN_CODE, else 'studio')."""
    check_join_code(join_code, expected)
    name = clean_name(name)
    origin = origin or Origin()
    token, recovery = secrets.token_urlsafe(24), readable_code()
    try:
        with transaction() as s:
            if s.scalar(select(Labeler.id).where(Labeler.name == name)) is not None:
                raise ValueError(f"the name {name!r} is already taken in this session; pick another "
                                 "(or rejoin with your recovery code if it is you)")
            _check_caps(s, origin)
            row = Labeler(name=name, token=token)
            s.add(row)
            s.flush()
            s.add(LabelerJoin(labeler_id=row.id, browser=origin.browser, client=origin.client,
                              recovery_hash=code_hash(recovery)))
            return Identity(row.id, name, token, recovery)
    except IntegrityError:  # two people joined with the same name at the same moment
        raise ValueError(f"the name {name!r} is already taken in this session; pick another") from None


def rejoin(name: str, recovery_code: str) -> Identity:
    """The labeler `name` again, on any browser, with the recovery code shown when they joined."""
    name = " ".join(str(name or "").split())
    given = code_hash(recovery_code)
    with transaction() as s:
        row = s.execute(select(Labeler, LabelerJoin.recovery_hash).join(LabelerJoin, LabelerJoin.labeler_id == Labeler.id)
                        .where(Labeler.name == name)).first()
        stored = row[1] if row is not None else code_hash(readable_code())  # same work either way
        if row is None or not stored or not hmac.compare_digest(given.encode(), stored.encode()):
            raise AccessDenied("wrong name or recovery code")
        return Identity(row[0].id, row[0].name, row[0].token)


def labeler_for(s: Session, token: str, lock: bool = False) -> Labeler:
    """The labeler with this token. lock=True: hold their row until the transaction ends, so one
    labeler's requests (two tabs, a double click) take turns on PostgreSQL, whose transactions
    overlap; SQLite runs one write transaction at a time anyway (it renders no FOR UPDATE)."""
    if not token or not isinstance(token, str):
        raise AccessDenied("join first: no labeler token")
    q = select(Labeler).where(Labeler.token == token)
    if lock:  # FOR NO KEY UPDATE: other transactions can still insert rows that reference this one
        q = q.with_for_update(key_share=True)
    row = s.scalar(q)
    if row is None:
        raise AccessDenied("unknown labeler token; join again")
    return row


def whoami(token: str) -> Identity:
    with transaction() as s:
        row = labeler_for(s, token)
        return Identity(row.id, row.name, row.token)


def admin_token() -> str:
    """The host's token, shared by every app (core/hosting/host_token.py)."""
    from core.hosting.host_token import host_token

    return host_token(get_settings())


def check_admin(token: str, client: str = "local") -> None:
    """The host token, compared in constant time; wrong guesses are rate-limited per `client`
    (GENAI_RATE_TOKEN_FAILURES_PER_MIN), so pass the caller's address (apps: Room.client)."""
    from core.hosting.host_token import is_host
    from core.hosting.rate_limit import RateLimited

    try:
        ok = is_host(token, client, get_settings())
    except RateLimited as e:
        raise AccessDenied(str(e)) from None
    if not ok:
        raise AccessDenied("wrong host token")
