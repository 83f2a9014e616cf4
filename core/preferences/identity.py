"""Who is labelling: join with name + join code, then act with a secret token.

The token is the only credential the labeling API accepts; a labeler never learns
another's token, so they cannot read or change another's labels. The host is
identified by the admin token (from settings, or generated once per data folder).
"""
from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.config import get_settings
from core.preferences.db import transaction
from core.preferences.schema import Labeler

NAME_RE = re.compile(r"^[\w .'-]{1,40}$", re.UNICODE)


class AccessDenied(PermissionError):
    """Wrong join code, unknown token, or someone else's data."""


@dataclass(frozen=True)
class Identity:
    labeler_id: int
    name: str
    token: str


def join(name: str, join_code: str) -> Identity:
    """Register a new labeler; raises AccessDenied (bad code) or ValueError (bad/taken name)."""
    expected = get_settings().prefs.join_code
    if not expected:
        raise AccessDenied("joining is closed: the host has not set a join code (GENAI_PREFS_JOIN_CODE)")
    if not hmac.compare_digest(str(join_code or "").strip().encode(), expected.encode()):
        raise AccessDenied("wrong join code")
    name = " ".join(str(name or "").split())
    if not NAME_RE.match(name):
        raise ValueError(f"name {name!r}: use 1-40 letters, digits, spaces, . ' - or _")
    token = secrets.token_urlsafe(24)
    try:
        with transaction() as s:
            if s.scalar(select(Labeler.id).where(Labeler.name == name)) is not None:
                raise ValueError(f"the name {name!r} is already taken in this session; pick another")
            row = Labeler(name=name, token=token)
            s.add(row)
            s.flush()
            return Identity(row.id, name, token)
    except IntegrityError:  # two people joined with the same name at the same moment
        raise ValueError(f"the name {name!r} is already taken in this session; pick another") from None


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


def check_admin(token: str) -> None:
    expected = admin_token()
    if not hmac.compare_digest(str(token or "").encode(), expected.encode()):
        raise AccessDenied("wrong admin token")
