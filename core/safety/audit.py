"""Audit log: one JSON line per flagged check in data_dir/safety/audit.jsonl.

Only redacted text is written (PII replaced by [EMAIL], [CARD], ... even when the stage's
policy does not redact), cut to MAX_LOGGED_CHARS, so the log never holds raw personal data.
"""
from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from core.config import get_settings

log = logging.getLogger(__name__)
MAX_LOGGED_CHARS = 2000
_lock = threading.Lock()


def audit_path() -> Path:
    return get_settings().data_dir / "safety" / "audit.jsonl"


def record(stage: str, action: str, flagged: dict[str, float], reasons: list[str],
           redacted_text: str, original_chars: int) -> None:
    entry = {
        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "stage": stage,
        "action": action,
        "flagged": flagged,
        "reasons": reasons,
        "text": redacted_text[:MAX_LOGGED_CHARS],
        "chars": original_chars,
    }
    path = audit_path()
    try:
        with _lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError as e:  # a full disk must not take the app down; the verdict still holds
        log.warning("could not write the safety audit log %s: %s", path, e)


def read(path: Path | None = None) -> list[dict]:
    path = path or audit_path()
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
