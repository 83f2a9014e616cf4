"""Import prompts, or prompts with pre-generated response pairs, from JSONL or CSV.

Each row (a JSON object per line, or a CSV row with a header):
    prompt       required, the user prompt
    id           optional stable key (default: a hash of the prompt text)
    category     optional
    response_a, response_b   optional, both or neither: a pre-generated pair
    model_a, model_b         optional names of who wrote them (default "imported-a"/"-b")

The whole file is validated before anything is written, and written in one transaction:
a bad file changes nothing. Rows already present (same key; same pair) are skipped, so
re-importing a file is harmless. Every prompt is scanned by core.safety at stage "input"
and every response at stage "output"; flagged ones are stored but held back from
labelers (the host sees them).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from core.config import get_settings
from core.preferences.db import transaction
from core.preferences.schema import Item, Prompt
from core.safety import scan

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 20_000
FIELDS = ("id", "prompt", "category", "response_a", "response_b", "model_a", "model_b")


class ImportFormatError(ValueError):
    """The file cannot be imported; the message names the line and the field."""


@dataclass
class Row:
    line: int
    key: str
    prompt: str
    category: str = ""
    response_a: str | None = None
    response_b: str | None = None
    model_a: str = "imported-a"
    model_b: str = "imported-b"


@dataclass
class ImportResult:
    rows: int = 0
    prompts_added: int = 0
    items_added: int = 0
    skipped: int = 0
    flagged: int = 0
    flagged_keys: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def prompt_key(text: str) -> str:
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _text(value, line: int, name: str, required: bool) -> str | None:
    if value is None or (isinstance(value, str) and value == "" and not required):
        if required:
            raise ImportFormatError(f"line {line}: missing field {name!r}")
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ImportFormatError(f"line {line}: field {name!r} must be text, got {type(value).__name__}")
    value = str(value)
    if required and not value.strip():
        raise ImportFormatError(f"line {line}: field {name!r} is empty")
    if len(value) > MAX_TEXT_CHARS:
        raise ImportFormatError(f"line {line}: field {name!r} is {len(value)} characters (max {MAX_TEXT_CHARS})")
    return value


def _row(obj, line: int) -> Row:
    if not isinstance(obj, dict):
        raise ImportFormatError(f"line {line}: expected a JSON object, got {type(obj).__name__}")
    prompt = _text(obj.get("prompt"), line, "prompt", required=True)
    a = _text(obj.get("response_a"), line, "response_a", required=False)
    b = _text(obj.get("response_b"), line, "response_b", required=False)
    if (a is None) != (b is None):
        missing = "response_b" if b is None else "response_a"
        raise ImportFormatError(f"line {line}: missing field {missing!r} (a pair needs both response_a and response_b)")
    key = _text(obj.get("id"), line, "id", required=False) or prompt_key(prompt)
    row = Row(line, key[:200], prompt, (_text(obj.get("category"), line, "category", False) or "")[:100], a, b)
    row.model_a = (_text(obj.get("model_a"), line, "model_a", False) or row.model_a)[:200]
    row.model_b = (_text(obj.get("model_b"), line, "model_b", False) or row.model_b)[:200]
    if a is not None and row.model_a == row.model_b:
        raise ImportFormatError(f"line {line}: model_a and model_b are both {row.model_a!r}; name the two sides differently")
    return row


def parse(data: str, fmt: str) -> list[Row]:
    """Validate a whole file's text; raise ImportFormatError on the first bad row."""
    rows: list[Row] = []
    if fmt == "jsonl":
        for n, raw in enumerate(data.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as e:
                raise ImportFormatError(f"line {n}: not valid JSON ({e.msg} at column {e.colno})") from None
            rows.append(_row(obj, n))
    elif fmt == "csv":
        reader = csv.DictReader(io.StringIO(data))
        if not reader.fieldnames or "prompt" not in reader.fieldnames:
            raise ImportFormatError(f"line 1: the CSV header must include 'prompt' (got {reader.fieldnames})")
        try:
            for rec in reader:
                if None in rec:
                    raise ImportFormatError(f"line {reader.line_num}: more values than header columns")
                rows.append(_row({k: v for k, v in rec.items() if v is not None}, reader.line_num))
        except csv.Error as e:
            raise ImportFormatError(f"line {reader.line_num}: malformed CSV ({e})") from None
    else:
        raise ImportFormatError(f"unknown format {fmt!r}: use jsonl or csv")
    if not rows:
        raise ImportFormatError("the file has no rows")
    return rows


def read_file(path: str | Path) -> list[Row]:
    path = Path(path)
    if not path.is_file():
        raise ImportFormatError(f"{path}: no such file")
    limit = get_settings().prefs.max_import_mb
    size = path.stat().st_size
    if size > limit * 1024 * 1024:
        raise ImportFormatError(f"{path}: {size / 1024 / 1024:.1f} MB is over the import limit of {limit} MB "
                                "(GENAI_PREFS_MAX_IMPORT_MB)")
    suffix = path.suffix.lower()
    fmt = {".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}.get(suffix)
    if fmt is None:
        raise ImportFormatError(f"{path}: unknown file type {suffix!r}; use .jsonl or .csv")
    try:
        data = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise ImportFormatError(f"{path}: not UTF-8 text (byte {e.start})") from None
    return parse(data, fmt)


def flag_reasons(prompt: str, responses: tuple[str, ...] = ()) -> list[str]:
    """core.safety reasons to hold an item back ([] = fine to show labelers)."""
    reasons = []
    v = scan(prompt, stage="input")
    if not v.allowed:
        reasons += [f"prompt: {r}" for r in (v.reasons or ["blocked"])]
    for side, text in zip("AB", responses):
        v = scan(text, stage="output")
        if not v.allowed:
            reasons += [f"response {side}: {r}" for r in (v.reasons or ["blocked"])]
    return reasons


def import_rows(rows: list[Row]) -> ImportResult:
    result = ImportResult(rows=len(rows))
    with transaction() as s:
        for row in rows:
            prompt = s.scalar(select(Prompt).where(Prompt.key == row.key))
            if prompt is None:
                reasons = flag_reasons(row.prompt)
                prompt = Prompt(key=row.key, text=row.prompt, category=row.category,
                                flagged=bool(reasons), flag_reasons="; ".join(reasons))
                s.add(prompt)
                s.flush()
                result.prompts_added += 1
            elif row.response_a is None:
                result.skipped += 1
            if row.response_a is None:
                continue
            exists = s.scalar(select(Item.id).where(
                Item.prompt_id == prompt.id, Item.contestant_a == row.model_a, Item.contestant_b == row.model_b))
            if exists:
                result.skipped += 1
                continue
            reasons = flag_reasons(row.prompt, (row.response_a, row.response_b))
            s.add(Item(prompt_id=prompt.id, response_a=row.response_a, response_b=row.response_b,
                       contestant_a=row.model_a, contestant_b=row.model_b, source="imported",
                       flagged=bool(reasons), flag_reasons="; ".join(reasons)))
            result.items_added += 1
            if reasons:
                result.flagged += 1
                result.flagged_keys.append(row.key)
    log.info("imported %s", result)
    return result


def import_file(path: str | Path) -> ImportResult:
    return import_rows(read_file(path))
