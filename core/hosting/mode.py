"""Local or hosted: who may change what.

Local (the default on loopback) is one person on a laptop with every right. Hosted is a room of
strangers: each visitor's work is private and shared things change only with the host token. Binding a
non-loopback interface implies hosted, so a server opened to a network is never wide open by accident.
"""
from __future__ import annotations

import ipaddress

from core.config import Settings


def is_loopback(host: str | None) -> bool:
    host = (host or "").strip().strip("[]")
    if host in ("", "localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name other than localhost may resolve to anything
        return False


def is_hosted(settings: Settings, bind_host: str | None = None) -> bool:
    """Hosted when configured so, or when the app binds anything but loopback."""
    return settings.apps.hosted or not is_loopback(bind_host if bind_host is not None else settings.apps.host)
