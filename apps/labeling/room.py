"""The labeling app's room: its policy (apps/hosting.Room), front door, join code, join link and QR code.

Settings are read here, at the edge, and handed to core.preferences.
"""
from __future__ import annotations

import html
from functools import lru_cache
from urllib.parse import urlencode, urlsplit, urlunsplit

import gradio as gr

from apps.hosting import Room
from core.caches import register_cache
from core.config import get_settings
from core.preferences.codes import join_code, replace_join_code
from core.preferences.join_desk import JoinDesk


def room() -> Room:
    return Room.for_app()


def current_join_code() -> str:
    s = get_settings()
    return join_code(s.prefs.join_code, room().hosted, s.data_dir)


def new_join_code() -> str:
    s = get_settings()
    if s.prefs.join_code is not None:
        raise gr.Error("the join code is set by GENAI_PREFS_JOIN_CODE; change it there and restart")
    return replace_join_code(s.data_dir)


@lru_cache(maxsize=1)
def desk() -> JoinDesk:
    s = get_settings()
    return JoinDesk(current_join_code, room().hosted, s.prefs.labelers_per_browser, s.prefs.labelers_per_client,
                    s.prefs.join_per_min, s.apps.rate_token_failures_per_min)


register_cache("labeling join desk", desk.cache_clear)


def join_link(request: gr.Request | None, code: str) -> str:
    """The page the host is looking at, with ?code=...: labelers who open it find the code filled in.
    Taken from the browser's Referer (right behind a reverse proxy too), else the Host header."""
    headers = dict(getattr(request, "headers", None) or {})
    page = headers.get("referer") or ""
    parts = urlsplit(page)
    if not (parts.scheme in ("http", "https") and parts.netloc):
        scheme = headers.get("x-forwarded-proto", "http").split(",")[0].strip() or "http"
        parts = urlsplit(f"{scheme}://{headers.get('host', '127.0.0.1')}/")
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode({"code": code}), ""))


def qr_svg(text: str) -> str:
    import segno  # pure Python, no downloads; only the host page draws one

    return segno.make(text, error="m").svg_inline(scale=5, dark="#111", light="#fff")


def join_panel(request: gr.Request | None) -> str:
    """What the host shows the room: the code, the link and its QR code (HTML; every part escaped)."""
    code = current_join_code()
    if not code:
        return "<p>Joining is closed: GENAI_PREFS_JOIN_CODE is empty.</p>"
    link = join_link(request, code)
    return (f"<div id='host-join' style='display:flex;gap:24px;align-items:center'>"
            f"<div>{qr_svg(link)}</div><div><p>Join code: <b id='host-join-code' style='font-size:1.6em'>"
            f"{html.escape(code)}</b></p><p>Join link: <a id='host-join-link' href='{html.escape(link, quote=True)}'>"
            f"{html.escape(link)}</a></p><p>Show this to the room. Anyone with the code can join; "
            f"<i>New join code</i> stops the old one at once.</p></div></div>")
