"""Codes people type: the room's join code and each labeler's recovery code.

Readable on a projector and over the shoulder: lower-case letters and digits without the
look-alikes (0/o, 1/l/i), in groups of four. The join code in hosted mode is derived from a
secret kept per data folder (like the host token), so it survives restarts and every app
process agrees on it; "new join code" on the Host tab replaces that secret.
"""
from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from core.hosting.secrets_file import persistent_secret

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
LOCAL_JOIN_CODE = "studio"  # local mode only: one person on a laptop


def _group(chars: str) -> str:
    return "-".join(chars[i:i + 4] for i in range(0, len(chars), 4))


def readable_code(n_chars: int = 12) -> str:
    """A fresh random code, e.g. 'k7mq-x9pa-3trw' (12 characters: about 59 bits)."""
    return _group("".join(secrets.choice(ALPHABET) for _ in range(n_chars)))


def _secret_path(data_dir: Path) -> Path:
    return Path(data_dir) / "preferences" / "join-code-secret"


def generated_join_code(data_dir: Path) -> str:
    """8 characters (about 40 bits) derived from the data folder's join-code secret."""
    number = int.from_bytes(hashlib.sha256(persistent_secret(_secret_path(data_dir)).encode()).digest(), "big")
    chars = []
    for _ in range(8):
        number, digit = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[digit])
    return _group("".join(chars))


def replace_join_code(data_dir: Path) -> str:
    """A new generated join code; the old one stops working at once (in every app process)."""
    _secret_path(data_dir).unlink(missing_ok=True)
    return generated_join_code(data_dir)


def join_code(configured: str | None, hosted: bool, data_dir: Path) -> str:
    """The code labelers type: GENAI_PREFS_JOIN_CODE when set ('' = joining closed); else
    'studio' in local mode and a generated one in hosted mode (no default a stranger could know)."""
    if configured is not None:
        return configured
    return generated_join_code(data_dir) if hosted else LOCAL_JOIN_CODE


def normalise(code: str | None) -> str:
    """What a person typed, compared without case, spaces or dashes ('K7MQ X9PA' = 'k7mq-x9pa')."""
    return "".join(ch for ch in str(code or "").lower() if ch not in " -\t")


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()
