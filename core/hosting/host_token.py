"""The one host token of the suite: it changes shared things (collections, items, training) in hosted mode.

GENAI_HOST_TOKEN sets it (GENAI_PREFS_ADMIN_TOKEN, its older name, is still read); otherwise it is
generated once per data folder, like Jupyter's token, and the launcher prints it. Compared in constant
time; wrong attempts are rate-limited per client, so guessing it online is hopeless.
"""
from __future__ import annotations

import hmac
import threading

from core.config import Settings
from core.hosting.rate_limit import RateLimiter
from core.hosting.secrets_file import persistent_secret


class WrongHostToken(Exception):
    pass


def host_token(settings: Settings) -> str:
    configured = settings.apps.host_token or settings.prefs.admin_token
    if configured:
        return configured
    older = settings.data_dir / "preferences" / "admin-token"  # before the token served every app
    return persistent_secret(older if older.exists() else settings.data_dir / "host-token")


_failures: dict[int, RateLimiter] = {}
_failures_lock = threading.Lock()


def _failure_limiter(settings: Settings) -> RateLimiter:
    limit = settings.apps.rate_token_failures_per_min
    with _failures_lock:
        if limit not in _failures:
            _failures[limit] = RateLimiter("wrong host-token", limit, 60.0, "GENAI_RATE_TOKEN_FAILURES_PER_MIN")
        return _failures[limit]


def is_host(token: str | None, client: str, settings: Settings) -> bool:
    """True for the right token. Raises RateLimited once `client` has guessed wrong too often."""
    if not token:
        return False
    limiter = _failure_limiter(settings)
    if limiter.full(client):  # refused before comparing: a right guess after too many wrong ones fails too
        limiter.check(client)
    ok = hmac.compare_digest(str(token).strip().encode(), host_token(settings).encode())
    if not ok:
        limiter.check(client)  # counts this failure; raises past the limit
    return ok


def require_host(token: str | None, client: str, settings: Settings, what: str, instead: str = "") -> None:
    """`instead`: what a visitor can do without the token, said after the refusal."""
    if not is_host(token, client, settings):
        raise WrongHostToken(f"{what} needs the host token (hosted mode): ask the host"
                             + (f", or {instead}" if instead else ""))
