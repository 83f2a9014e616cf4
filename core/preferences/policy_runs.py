"""Versioned policy-training runs in the data folder.

    <data_dir>/policy_runs/<run_id>/
        run.json     id, method, status, base model, data hash, settings, progress, metrics, error
        data.jsonl   the exact preference rows trained on (the data hash is their sha256)
        adapter/     the LoRA adapter (PEFT format) once the run is done; the base model is never written
        cancel       present = a cancel was asked for; the trainer stops at the next step

status: queued | running | done | cancelled | failed. Every write of run.json is atomic
(temp file + rename), so a reader (the host page, another process) never sees half a file.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from datetime import UTC, datetime
from pathlib import Path

RUN_ID_RE = re.compile(r"^[A-Za-z0-9_.-]{1,80}$")
FINAL = ("done", "cancelled", "failed")


def runs_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "policy_runs"


def data_hash(rows: list[dict]) -> str:
    h = hashlib.sha256()
    for row in rows:
        h.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def _write_json(path: Path, obj: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(obj, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def create_run(data_dir: Path, method: str, rows: list[dict], settings: dict, base_model: str) -> dict:
    """A new run folder holding its data; returns run.json's content (status queued)."""
    digest = data_hash(rows)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    root = runs_dir(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    run_id = f"{stamp}-{method}-{digest[:8]}"
    n = 1
    while (root / run_id).exists():  # two runs in the same second on the same data
        n += 1
        run_id = f"{stamp}-{method}-{digest[:8]}-{n}"
    folder = root / run_id
    folder.mkdir()
    with (folder / "data.jsonl").open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    run = {"id": run_id, "method": method, "status": "queued", "created_at": time.time(), "finished_at": None,
           "base_model": base_model, "data_hash": digest, "pairs": len(rows), "settings": settings,
           "progress": {"step": 0, "max_steps": None, "stage": "queued", "loss": None}, "metrics": {}, "error": None}
    _write_json(folder / "run.json", run)
    return run


def run_folder(data_dir: Path, run_id: str) -> Path:
    if not isinstance(run_id, str) or not RUN_ID_RE.match(run_id):
        raise ValueError(f"run id must be letters, digits, '.', '_' or '-', got {run_id!r}")
    folder = runs_dir(data_dir) / run_id
    if not (folder / "run.json").exists():
        raise ValueError(f"no policy run {run_id!r} in {runs_dir(data_dir)}")
    return folder


def load_run(data_dir: Path, run_id: str) -> dict:
    return json.loads((run_folder(data_dir, run_id) / "run.json").read_text(encoding="utf-8"))


def update_run(data_dir: Path, run_id: str, **changes) -> dict:
    """Merge `changes` into run.json (dicts one level deep: progress, metrics)."""
    folder = run_folder(data_dir, run_id)
    run = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(run.get(key), dict):
            run[key] = {**run[key], **value}
        else:
            run[key] = value
    _write_json(folder / "run.json", run)
    return run


def read_rows(data_dir: Path, run_id: str) -> list[dict]:
    lines = (run_folder(data_dir, run_id) / "data.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def adapter_dir(data_dir: Path, run_id: str) -> Path:
    return run_folder(data_dir, run_id) / "adapter"


def list_runs(data_dir: Path) -> list[dict]:
    """Every run, newest first. A run whose run.json cannot be read is listed as failed."""
    root = runs_dir(data_dir)
    if not root.is_dir():
        return []
    out = []
    for folder in root.iterdir():
        if not folder.is_dir() or not (folder / "run.json").exists():
            continue
        try:
            out.append(json.loads((folder / "run.json").read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError) as e:
            out.append({"id": folder.name, "status": "failed", "error": f"unreadable run.json: {e}",
                        "created_at": folder.stat().st_mtime})
    return sorted(out, key=lambda r: r.get("created_at") or 0, reverse=True)


def latest_done(data_dir: Path) -> dict | None:
    return next((r for r in list_runs(data_dir) if r.get("status") == "done"), None)


def resolve_adapter(data_dir: Path, spec: str) -> Path:
    """An adapter folder from a run id, 'latest' (newest finished run) or a folder path."""
    if spec == "latest":
        run = latest_done(data_dir)
        if run is None:
            raise ValueError(f"GENAI_LLM_ADAPTER=latest: no finished policy run in {runs_dir(data_dir)}; "
                             "train one (python -m core prefs train-policy)")
        spec = run["id"]
    path = Path(spec).expanduser()
    if path.is_dir() and (path / "adapter_config.json").exists():
        return path
    if RUN_ID_RE.match(spec) and (runs_dir(data_dir) / spec / "run.json").exists():
        folder = adapter_dir(data_dir, spec)
        if not (folder / "adapter_config.json").exists():
            raise ValueError(f"policy run {spec!r} has no adapter (status {load_run(data_dir, spec)['status']})")
        return folder
    raise ValueError(f"GENAI_LLM_ADAPTER={spec!r}: not a run id in {runs_dir(data_dir)}, 'latest', "
                     "or a folder with adapter_config.json")


def request_cancel(data_dir: Path, run_id: str) -> None:
    (run_folder(data_dir, run_id) / "cancel").touch()


def cancel_requested(data_dir: Path, run_id: str) -> bool:
    return (runs_dir(data_dir) / run_id / "cancel").exists()
