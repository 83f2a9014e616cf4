"""Resolve a Hugging Face model id without ever hanging when the Hub is unreachable.

A local folder is used as is. For a hub id we first look in the local HF cache; only
if it is not there do we probe the Hub with a short timeout, and fail with a message
that names the setting to change.
"""
from __future__ import annotations

import logging
import os
import socket
from pathlib import Path
from urllib.parse import urlparse

from core.config import get_settings

log = logging.getLogger(__name__)


class ModelUnavailable(RuntimeError):
    """The requested model cannot be loaded here (offline, missing, not a model)."""


def is_local(model: str) -> bool:
    return Path(model).expanduser().is_dir()


def hub_reachable(timeout: float | None = None) -> bool:
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes"):
        return False
    endpoint = os.environ.get("HF_ENDPOINT", "https://huggingface.co")
    host = urlparse(endpoint).hostname or "huggingface.co"
    port = urlparse(endpoint).port or 443
    timeout = get_settings().models.hub_timeout if timeout is None else timeout
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def in_local_cache(model_id: str) -> bool:
    try:
        from huggingface_hub import try_to_load_from_cache

        hit = try_to_load_from_cache(model_id, "config.json")
        return isinstance(hit, str)
    except Exception:  # malformed id etc.: treat as not cached
        return False


def require_model(model_id: str, setting: str) -> dict:
    """Keyword arguments for from_pretrained that load `model_id` or raise fast.

    `setting` is the env var a user changes to pick another model; it goes in the message.
    """
    if is_local(model_id):
        return {}
    if in_local_cache(model_id):
        return {"local_files_only": True}
    if not hub_reachable():
        raise ModelUnavailable(
            f"model {model_id!r} is not in the local Hugging Face cache and the Hub cannot "
            f"be reached. Set {setting} to 'bundled' (the model shipped with the suite) or "
            f"to a local folder, or connect to the network."
        )
    return {}
