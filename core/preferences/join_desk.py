"""The room's front door: who may join or rejoin, how often.

    desk = JoinDesk(lambda: code, hosted=True, per_browser=1, per_client=40, join_per_min=30, failures_per_min=5)
    ident = desk.join(name, code, browser_key, client_key)     # Identity with its recovery code
    ident = desk.rejoin(name, recovery_code, client_key)

Wrong join codes and wrong recovery codes count against the same kind of failure limiter as
the host token (a client past it is refused before its code is even compared, so online
guessing is hopeless); in hosted mode every attempt also counts against `join_per_min`, and
the caps on identities per browser and per client address apply. Local mode keeps one person's
laptop simple: no caps, no attempt limit, only the failure limiter. Keys are hashed before they
are stored, so the store never holds a browser's secret or a visitor's address.
"""
from __future__ import annotations

import hashlib
from typing import Callable

from core.hosting.rate_limit import RateLimited, RateLimiter
from core.preferences import identity
from core.preferences.identity import AccessDenied, Identity, Origin


def hashed(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest() if key else ""


class JoinDesk:
    def __init__(self, join_code: Callable[[], str | None], hosted: bool, per_browser: int, per_client: int,
                 join_per_min: int, failures_per_min: int):
        self.join_code, self.hosted = join_code, hosted
        self.per_browser, self.per_client = per_browser, per_client
        self.attempts = RateLimiter("join", join_per_min, 60.0, "GENAI_PREFS_JOIN_PER_MIN")
        self.failures = RateLimiter("wrong join-code or recovery-code", failures_per_min, 60.0,
                                    "GENAI_RATE_TOKEN_FAILURES_PER_MIN")

    def _admit(self, client: str) -> None:
        try:
            if self.hosted:
                self.attempts.check(client)
            if self.failures.full(client):
                self.failures.check(client)  # raises: no comparison once a client is past the limit
        except RateLimited as e:
            raise AccessDenied(str(e)) from None

    def _failed(self, client: str) -> None:
        try:
            self.failures.check(client)
        except RateLimited as e:
            raise AccessDenied(str(e)) from None

    def join(self, name: str, code: str, browser: str, client: str) -> Identity:
        self._admit(client)
        try:
            expected = self.join_code()  # read each time: the host may replace it while the room runs
            identity.check_join_code(code, expected)
        except AccessDenied:
            self._failed(client)
            raise
        origin = Origin(hashed(browser), hashed(client),
                        self.per_browser if self.hosted else 0, self.per_client if self.hosted else 0)
        return identity.join(name, code, expected, origin)

    def rejoin(self, name: str, recovery_code: str, client: str) -> Identity:
        self._admit(client)
        try:
            return identity.rejoin(name, recovery_code)
        except AccessDenied:
            self._failed(client)
            raise
