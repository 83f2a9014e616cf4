"""Gallery and history of generated images, persisted in the data folder.

    <data_dir>/text2image/images/<id>.png      the image as generated, with its metadata chunks
    <data_dir>/text2image/images/<id>@8x.png   nearest-neighbour enlargement for display (small models)
    <data_dir>/text2image/history.jsonl        one line per image: id, time, files, owner, record

In hosted mode each image has an owner (a visitor key, apps/hosting.py): visitors see their own,
the host sees all. Images of local mode have none and are everyone's.

Appends are line-atomic under a lock; a damaged line is skipped, never fatal.
"""
from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from core.config import get_settings
from core.diffusion import metadata

log = logging.getLogger(__name__)

_lock = threading.Lock()
DISPLAY_SIZE = 256


@dataclass(frozen=True)
class Entry:
    id: str
    created: float
    path: Path
    display_path: Path
    record: dict
    owner: str | None = None

    @property
    def prompt(self) -> str:
        return self.record.get("params", {}).get("prompt", "")


def root() -> Path:
    return get_settings().data_dir / "text2image"


def add(image: Image.Image, record: dict, owner: str | None = None) -> Entry:
    folder = root() / "images"
    folder.mkdir(parents=True, exist_ok=True)
    created = time.time()
    eid = time.strftime("%Y%m%d-%H%M%S", time.gmtime(created)) + "-" + uuid.uuid4().hex[:8]
    path = metadata.save_png(image, record, folder / f"{eid}.png")
    display = path
    if image.width < DISPLAY_SIZE:
        factor = DISPLAY_SIZE // image.width
        big = image.resize((image.width * factor, image.height * factor), Image.Resampling.NEAREST)
        display = metadata.save_png(big, record, folder / f"{eid}@{factor}x.png")
    line = json.dumps({"id": eid, "created": created, "path": path.name, "display": display.name,
                       "owner": owner, "record": record}, default=str)
    with _lock:
        with open(root() / "history.jsonl", "a", encoding="utf-8") as f:
            f.write(line + "\n")
    return Entry(eid, created, path, display, record, owner)


ANYONE = object()  # entries(owner=ANYONE): every image, whoever made it (the host's view)


def entries(limit: int = 100, owner=ANYONE) -> list[Entry]:
    """Newest first, of one owner (None: local mode's unowned images) or of anyone; entries whose
    image file is gone are skipped."""
    history = root() / "history.jsonl"
    if not history.exists():
        return []
    out = []
    folder = root() / "images"
    for line in history.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
            e = Entry(row["id"], float(row["created"]), folder / row["path"], folder / row["display"], row["record"],
                      row.get("owner"))
        except (ValueError, KeyError, TypeError):
            log.warning("skipping a damaged history line")
            continue
        if (owner is ANYONE or e.owner == owner) and e.path.exists():
            out.append(e)
    return out[::-1][:limit]


def remove_owned_older_than(age_s: float, now: float | None = None) -> int:
    """Hosted mode's clean-up: delete visitors' images older than age_s; returns how many."""
    history = root() / "history.jsonl"
    if not history.exists():
        return 0
    now = time.time() if now is None else now
    folder = root() / "images"
    kept, removed = [], 0
    with _lock:
        for line in history.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
                old = row.get("owner") is not None and now - float(row["created"]) > age_s
            except (ValueError, KeyError, TypeError):
                continue  # a damaged line is dropped with the rewrite
            if not old:
                kept.append(line)
                continue
            removed += 1
            for name in {row.get("path"), row.get("display")} - {None}:
                (folder / Path(name).name).unlink(missing_ok=True)
        tmp = history.with_suffix(".tmp")
        tmp.write_text("".join(k + "\n" for k in kept), encoding="utf-8")
        tmp.replace(history)
    return removed
