"""The room policy every Gradio app applies: who the visitor is, what they may change, how often.

    room = Room.for_app()                       # reads settings and the bind address once
    key = room.visitor(visitor_id, request)     # a stable, private key for this browser
    room.limit("ask", key)                      # gr.Error past GENAI_RATE_ASK_PER_MIN (hosted mode)
    room.require_host(token, request, "Changing 'sample'",   # gr.Error without the host token,
                      "use your own private collection")     # saying what a visitor can do instead

In local mode (one person on loopback) every check passes: today's one-user experience. In hosted
mode visitors are strangers: shared things change only with the host token (core/hosting/).
"""
from __future__ import annotations

import hashlib
import os
import re
import secrets
from functools import lru_cache

import gradio as gr

from core.caches import register_cache
from core.config import Settings, get_settings
from core.hosting.host_token import WrongHostToken, require_host
from core.hosting.mode import is_hosted
from core.hosting.rate_limit import RateLimited, RateLimiter
from core.hosting.secrets_file import persistent_secret

_VISITOR_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
VISITOR_STORAGE_KEY = "genai-visitor"


def new_visitor_id(current=None) -> str:
    """The browser's visitor id: kept if it is one of ours, else a fresh random one (BrowserState)."""
    return current if isinstance(current, str) and _VISITOR_ID.match(current) else secrets.token_urlsafe(24)


class Room:
    def __init__(self, settings: Settings, bind_host: str | None):
        self.settings = settings
        self.hosted = is_hosted(settings, bind_host)
        a = settings.apps
        self.limiters = {
            "ask": RateLimiter("ask", a.rate_ask_per_min, 60, "GENAI_RATE_ASK_PER_MIN"),
            "ingest": RateLimiter("ingest", a.rate_ingest_per_min, 60, "GENAI_RATE_INGEST_PER_MIN"),
            "generate": RateLimiter("generate", a.rate_generate_per_min, 60, "GENAI_RATE_GENERATE_PER_MIN"),
            "train": RateLimiter("train", a.rate_train_per_hour, 3600, "GENAI_RATE_TRAIN_PER_HOUR"),
        }

    @classmethod
    def for_app(cls) -> Room:
        return _room(os.environ.get("GRADIO_SERVER_NAME"))

    # --- who is calling --------------------------------------------------------------------
    def visitor(self, visitor_id, request: gr.Request | None) -> str:
        """A key naming this visitor's private things: from the browser's secret id when the page
        sent one (kept across reloads), else from the connection's session (API clients)."""
        if isinstance(visitor_id, str) and _VISITOR_ID.match(visitor_id):
            basis = "browser:" + visitor_id
        else:
            basis = "session:" + str(getattr(request, "session_hash", None) or "anonymous")
        return hashlib.sha256(basis.encode()).hexdigest()

    @staticmethod
    def client(request: gr.Request | None) -> str:
        """The client address, for limits a visitor cannot reset by opening a new session."""
        c = getattr(request, "client", None)
        return str(getattr(c, "host", None) or "unknown")

    def browser_state(self, storage_key: str = VISITOR_STORAGE_KEY) -> gr.BrowserState:
        """A BrowserState whose secret is kept per data folder, so stored values survive restarts."""
        return gr.BrowserState(None, storage_key=storage_key,
                               secret=persistent_secret(self.settings.data_dir / "browser-state-secret"))

    # --- what they may do ------------------------------------------------------------------
    def limit(self, action: str, key: str) -> None:
        if not self.hosted:
            return
        try:
            self.limiters[action].check(key)
        except RateLimited as e:
            raise gr.Error(str(e)) from None

    def is_host(self, token, request: gr.Request | None) -> bool:
        if not self.hosted:
            return True
        from core.hosting.host_token import is_host

        try:
            return is_host(token, self.client(request), self.settings)
        except RateLimited as e:
            raise gr.Error(str(e)) from None

    def require_host(self, token, request: gr.Request | None, what: str, instead: str = "") -> None:
        if not self.hosted:
            return
        try:
            require_host(token, self.client(request), self.settings, what, instead)
        except (WrongHostToken, RateLimited) as e:
            raise gr.Error(str(e)) from None

    def max_file_size(self, mb: float | None = None) -> int:
        """Gradio's `max_file_size` (bytes) for launch(): GENAI_MAX_FILE_MB unless the app names its own."""
        return int((mb or self.settings.apps.max_file_mb) * 2**20)


@lru_cache(maxsize=4)
def _room(bind_host: str | None) -> Room:
    return Room(get_settings(), bind_host)


register_cache("room policy", _room.cache_clear)
