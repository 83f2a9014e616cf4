"""What the host changes while a room runs, without a restart: identity caps and overlap.

Stored in the preference store (table room_settings), so every app process and a restart see
the same values; a key never set falls back to its GENAI_PREFS_* setting.

    room_value(s, "overlap", settings.prefs.overlap)   # inside a transaction
    set_room_values({"labelers_per_browser": 3})        # the Host tab
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.preferences.db import transaction
from core.preferences.schema import RoomSetting

# key -> (smallest, largest) allowed value; 0 = no cap for the caps
ROOM_KEYS = {
    "labelers_per_browser": (0, 1000),
    "labelers_per_client": (0, 100_000),
    "overlap": (1, 50),
}


def room_value(s: Session, key: str, default: int) -> int:
    row = s.get(RoomSetting, key)
    return default if row is None else int(row.value)


def room_values(defaults: dict[str, int]) -> dict[str, int]:
    with transaction(durable=False) as s:
        stored = {r.key: int(r.value) for r in s.scalars(select(RoomSetting))}
    return {k: stored.get(k, v) for k, v in defaults.items()}


def set_room_values(values: dict[str, int]) -> None:
    """Validate every value first (errors name the setting and the bounds), then store them all."""
    clean = {}
    for key, value in values.items():
        if key not in ROOM_KEYS:
            raise ValueError(f"unknown room setting {key!r}; known: {', '.join(ROOM_KEYS)}")
        low, high = ROOM_KEYS[key]
        try:  # a gr.Number sends 3.0
            number = float(value)
            whole = number == int(number)
        except (TypeError, ValueError, OverflowError):
            whole = False
        if not whole or not low <= number <= high:
            raise ValueError(f"{key} must be a whole number from {low} to {high}, got {value!r}")
        clean[key] = int(number)
    with transaction() as s:
        for key, n in clean.items():
            row = s.get(RoomSetting, key)
            if row is None:
                s.add(RoomSetting(key=key, value=str(n)))
            else:
                row.value = str(n)
