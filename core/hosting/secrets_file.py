"""Secrets kept per data folder: generated once, readable by the owner only, surviving restarts."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def persistent_secret(path: Path, nbytes: int = 16) -> str:
    """The secret stored at `path`, created (mode 0600) on first use."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another app process created it first: use theirs
            return path.read_text().strip()
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(nbytes))
    return path.read_text().strip()
