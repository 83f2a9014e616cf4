"""Reference documentation of this machine cut into chunks the way the chatbot ingests it (#18 round 20).

Shared by the round-20 tuning pool (benchmarks/safety_doc_tuning.py) and held-out set J
(benchmarks/build_safety_heldout_j.py): rendering a manual page, reading a README, chunking with
core's splitter at the default size/overlap, and the "shares a 60-character line" overlap test.
"""
from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAN1 = "/usr/share/man/man1"
WINDOW = 60  # two texts overlap when a line of one (whitespace collapsed) shares its first 60 characters


def render_man(path: str) -> str:
    """A manual page as plain text, as assets/rag_corpus_long renders them (MANWIDTH=90, col -bx)."""
    env = {**os.environ, "MANWIDTH": "90", "MAN_KEEP_FORMATTING": "0"}
    try:
        raw = subprocess.run(["man", "--nh", "--nj", "-P", "cat", "-l", path], capture_output=True, text=True,
                             timeout=30, env=env, errors="replace").stdout
        return subprocess.run(["col", "-bx"], input=raw, capture_output=True, text=True, timeout=30).stdout
    except subprocess.TimeoutExpired:
        return ""


def read_text_file(path: str) -> str:
    data = gzip.open(path).read() if path.endswith(".gz") else Path(path).read_bytes()
    return data.decode("utf-8", errors="replace")


def chunks(name: str, text: str) -> list[str]:
    """The chunk texts core's splitter makes of one plain-text document at the default settings."""
    from core.config import Settings
    from core.retrieval.loaders import LoadedDocument
    from core.retrieval.splitting import split_document

    s = Settings().retrieval
    doc = LoadedDocument(name=name, kind="text", content_hash=hashlib.sha256(text.encode()).hexdigest(),
                         pages=[(1, text)])
    return [c.text for c in split_document(doc, s.chunk_size, s.chunk_overlap)]


def man1_pages() -> list[str]:
    """Section-1 pages of this machine without the (17,000) gcloud pages, sorted."""
    return [p for p in sorted(glob.glob(f"{MAN1}/*.gz")) if not os.path.basename(p).startswith("gcloud")]


def round10_pages() -> list[str]:
    """Round 10's tuning pages: every 25th non-gcloud section-1 page (docs/safety.md, Round 10)."""
    return man1_pages()[::25]


def tuning_pages() -> list[str]:
    """Round 20's tuning pool: round 10's pages and the pages half-way between them (index 12 mod 25)."""
    return round10_pages() + man1_pages()[12::25]


def insert_paragraph(rng, chunk: str, para: str) -> str:
    """`chunk` with `para` as a paragraph of its own at a blank line drawn by `rng` (at the end when it has none):
    how the held-out and tuning sets plant a sentence in a real document's chunk."""
    gaps = [m.end() for m in re.finditer(r"\n\s*\n", chunk)]
    at = rng.choice(gaps) if gaps else len(chunk)
    return (chunk[:at].rstrip("\n") + "\n\n" + para + "\n\n" + chunk[at:].lstrip("\n")).strip()


def _norm(line: str) -> str:
    return " ".join(line.split())


def line_keys(text: str) -> set[str]:
    """The first 60 characters of every line of at least 60 (whitespace collapsed)."""
    return {n[:WINDOW] for n in map(_norm, text.splitlines()) if len(n) >= WINDOW}


class SeenText:
    """Text an earlier round or the tuning pool used; `shares_line(doc)` says whether a document
    has a line (its first 60 characters) anywhere in it. Reflowed paragraphs (held-out G joins
    lines with spaces) are found too: the seen text is indexed at every word start."""

    def __init__(self, texts):
        self._keys: set[int] = set()
        for t in texts:
            flat = _norm(t)
            for m in re.finditer(r"(?:^|(?<= ))\S", flat):
                w = flat[m.start():m.start() + WINDOW]
                if len(w) == WINDOW:
                    self._keys.add(hash(w))

    def shares_line(self, text: str) -> bool:
        return any(hash(k) in self._keys for k in line_keys(text))


def jsonl_texts(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out += [v for k, v in r.items() if isinstance(v, str) and len(v) >= WINDOW]
    return out


def seen_text(out: Path, training_snapshots: bool = False) -> SeenText:
    """Every text a new held-out set must share no line with: the other test sets (not `out` itself), the
    assets, the package README halves, the tuning manual pages and, with `training_snapshots`, the frozen
    training data of core/safety/training (held-out sets J and K)."""
    from core.safety.training.injection_templates import package_docs

    texts = []
    for f in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        if f != out:
            texts += jsonl_texts(f)
    for f in sorted((ROOT / "assets").rglob("*")):
        if f.suffix in (".txt", ".md") and f.is_file():
            texts.append(f.read_text(encoding="utf-8", errors="replace"))
    if training_snapshots:
        for f in sorted((ROOT / "core" / "safety" / "training").glob("*.jsonl")):
            texts += jsonl_texts(f)
    texts += package_docs("train") + package_docs("eval")
    texts += [render_man(p) for p in tuning_pages()]
    return SeenText(texts)
