"""The mechanics the blind held-out injection set builders share (#18 sets P-U): listing candidate files, the usable
chunk test, the seeded per-genre draw of chunks, planting the attack and reader passages, and writing the rows.

Each builder keeps what is its own (its passages, genres, quotas, seed and how it renders a document) and calls these
functions; the seeded draws happen in the order the builders made them before they shared this code, so every set
rebuilds byte-identical (tests/test_safety_heldout_u.py rebuilds U).
"""
from __future__ import annotations

import glob
import json
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks.doc_chunks import chunks, insert_paragraph, seen_text


def whole_passage(family: str, text: str) -> list[str]:
    """A builder's `pieces` when it plants every passage whole (sets V, W and X)."""
    return [text]


def text_file(path: str) -> bool:
    """No NUL byte in the first 4 kB (a folder of scripts can hold compiled programs beside them)."""
    with open(path, "rb") as f:
        return b"\0" not in f.read(4096)


def source_files(pattern: str, recursive: bool = False) -> list[str]:
    """The regular files (no links) under 400 kB that `pattern` matches, sorted."""
    return sorted(p for p in glob.glob(pattern, recursive=recursive)
                  if os.path.isfile(p) and not os.path.islink(p) and os.path.getsize(p) < 400_000)


def usable_chunk(c: str) -> bool:
    """Enough words to read: at least 250 characters, 30 words and 40 % letters, no undecodable bytes."""
    return (len(c) >= 250 and len(c.split()) >= 30 and "\ufffd" not in c
            and sum(ch.isalpha() for ch in c) >= 0.4 * len(c))


def build_by_genre(b, survey: bool = False) -> list[dict]:
    """The rows of a set whose builder module `b` draws QUOTA[genre] chunks per genre (sets R-U): b.SEED, b.OUT,
    b.ATTACKS, b.READER, b.N_BLOCK, b.N_READER, b.N_PLAIN, b.QUOTA, b.PER_GENRE_DOC, b.candidates(), b.render and
    b.pieces. With `survey`, prints per genre how many documents and chunks a doubled quota would find and
    returns no rows."""
    rng = random.Random(b.SEED)
    seen = seen_text(b.OUT, training_snapshots=True)
    every_piece = [p for f, t in b.ATTACKS + b.READER for p in b.pieces(f, t)]
    slots: list[tuple[str, str]] = []
    texts_seen: set[str] = set()
    for genre, paths in b.candidates().items():
        paths = list(paths)
        rng.shuffle(paths)
        got = docs = 0
        for path in paths:
            if got >= b.QUOTA[genre] * (2 if survey else 1):
                break
            text = b.render(path)
            if not text.strip() or seen.shares_line(text) or any(p in text for p in every_piece):
                continue
            cs = [c for c in chunks(os.path.basename(path), text) if usable_chunk(c) and c not in texts_seen]
            cs = list(dict.fromkeys(cs))
            k = min(b.PER_GENRE_DOC[genre], len(cs), b.QUOTA[genre] - got if not survey else 99)
            for c in rng.sample(cs, k):
                texts_seen.add(c)
                slots.append((path, c))
            got += k
            docs += bool(k)
        if survey:
            print(genre, len(paths), "docs used", docs, "chunks", got, flush=True)
        assert survey or got == b.QUOTA[genre], f"{genre}: only {got} chunks"
    if survey:
        return []
    rng.shuffle(slots)
    return plant_rows(rng, slots, b.ATTACKS, b.READER, (b.N_BLOCK, b.N_READER, b.N_PLAIN), b.pieces,
                      weave_half=getattr(b, "WEAVE_HALF", False), thirds=getattr(b, "PLACE_THIRDS", False))


def line_breaks(chunk: str) -> list[int]:
    """The line breaks inside a paragraph of `chunk`: indexes i of its lines (split at "\n") where line i-1 and
    line i both hold text."""
    lines = chunk.split("\n")
    return [i for i in range(1, len(lines)) if lines[i - 1].strip() and lines[i].strip()]


def weave_line(rng: random.Random, chunk: str, text: str) -> str:
    """`chunk` with `text` woven into a paragraph: a line of its own at a line break drawn by `rng` among
    line_breaks(chunk), with single newlines before and after (no blank line), so it reads as part of the
    surrounding paragraph (set W)."""
    lines = chunk.split("\n")
    i = rng.choice(line_breaks(chunk))
    return "\n".join(lines[:i] + [text] + lines[i:])


def inline_lines(chunk: str) -> list[int]:
    """The lines of `chunk` (split at "\n") that a passage can be appended to: at least 20 characters of text."""
    return [i for i, line in enumerate(chunk.split("\n")) if len(line.strip()) >= 20]


def append_inline(rng: random.Random, chunk: str, text: str) -> str:
    """`chunk` with `text` appended to the end of one of its lines, drawn by `rng` among inline_lines(chunk), on that
    same line after one space ("existing text. PASSAGE"; the line's trailing whitespace dropped) (set X)."""
    lines = chunk.split("\n")
    i = rng.choice(inline_lines(chunk))
    lines[i] = lines[i].rstrip() + " " + text
    return "\n".join(lines)


def placement(row: dict, attacks, reader) -> str | None:
    """How a row's passage (one of `attacks` for a block row, `reader` for an allow row: (family, text) pairs) was
    placed: "inline" (appended to the end of a line of the chunk after one space, text before it on that line),
    "woven" (a line of its own with text on the line before it and on the line after it) or "paragraph" (a blank
    line, or the chunk's start or end, on either side). Plain rows, and rows holding no or several passages: None."""
    if row["family"] == "plain":
        return None
    found = [t for _, t in (attacks if row["label"] == "block" else reader) if t in row["text"]]
    if len(found) != 1:
        return None
    at = row["text"].index(found[0])
    before, after = row["text"][:at], row["text"][at + len(found[0]):]
    if before.endswith(" ") and before.rsplit("\n", 1)[-1].strip() and (after == "" or after.startswith("\n")):
        return "inline"
    if (before.endswith("\n") and before[:-1].rsplit("\n", 1)[-1].strip()
            and after.startswith("\n") and after[1:].split("\n", 1)[0].strip()):
        return "woven"
    return "paragraph"


def plant_rows(rng: random.Random, slots: list[tuple[str, str]], attacks, reader, counts: tuple[int, int, int],
               pieces: Callable[[str, str], list[str]], draw_repeats: bool = True,
               weave_half: bool = False, thirds: bool = False) -> list[dict]:
    """The set's rows from the shuffled (path, chunk) `slots`: n_block chunks with an attack planted, n_reader with
    a reader passage, then n_plain chunks as they are (counts = (n_block, n_reader, n_plain)), shuffled by `rng`.
    Every passage is planted once and the rest of a kind's rows repeat passages: a seeded draw (`draw_repeats`) or
    the first ones in order (set P). A passage goes at most once into one document; a split passage (two pieces)
    has its second half planted after the first. With `weave_half` (set W), a seeded half of each kind's rows has
    its (whole) passage woven into a paragraph (weave_line) instead of planted as a paragraph of its own. With
    `thirds` (set X), a seeded third of each kind's rows (len // 3) has its passage woven, another third appended
    to the end of an existing line (append_inline) and the rest planted as a paragraph of its own."""
    n_block, n_reader, n_plain = counts

    def plant(passages, taken, n):
        extra = rng.sample(passages, n - len(passages)) if draw_repeats else passages[: n - len(passages)]
        uses = passages + extra  # every text once, some twice
        rows, used = [], set()
        inline: set[int] = set()
        if thirds:
            order = rng.sample(range(len(uses)), len(uses))
            woven, inline = set(order[: len(uses) // 3]), set(order[len(uses) // 3: 2 * (len(uses) // 3)])
        else:
            woven = set(rng.sample(range(len(uses)), len(uses) // 2)) if weave_half else set()
        for j, (fam, t) in enumerate(uses):
            i = next(i for i, (p, c) in enumerate(taken) if (p, t) not in used and (j not in woven or line_breaks(c))
                     and (j not in inline or inline_lines(c)))
            path, c = taken.pop(i)
            used.add((path, t))
            ps = pieces(fam, t)
            if j in inline:
                assert len(ps) == 1, "only a whole passage is appended to a line"
                rows.append((path, fam, append_inline(rng, c, t)))
                continue
            if j in woven:
                assert len(ps) == 1, "only a whole passage is woven"
                rows.append((path, fam, weave_line(rng, c, t)))
                continue
            out = insert_paragraph(rng, c, ps[0])
            if len(ps) == 2:  # second half after the first, in a later paragraph (or at the end)
                at = out.index(ps[0]) + len(ps[0])
                tail = out[at:]
                out = out[:at] + "\n\n" + (insert_paragraph(rng, tail, ps[1]) if tail.strip() else ps[1])
            rows.append((path, fam, out))
        return rows

    taken = list(slots)
    attack_rows = plant(attacks, taken, n_block)
    reader_rows = plant(reader, taken, n_reader)
    rows = [{"kind": "injection", "label": "block", "family": f, "source": p, "text": t} for p, f, t in attack_rows]
    rows += [{"kind": "injection", "label": "allow", "family": f, "source": p, "text": t} for p, f, t in reader_rows]
    rows += [{"kind": "injection", "label": "allow", "family": "plain", "source": p, "text": c}
             for p, c in taken[:n_plain]]
    assert len(rows) == n_block + n_reader + n_plain
    rng.shuffle(rows)
    return rows


def write_rows(out: Path, rows: list[dict]) -> None:
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} rows to {out}")


def main(build: Callable[..., list[dict]], out: Path) -> None:
    """A builder's command line: `--survey` prints what each genre would give; otherwise the rows go to `out`."""
    if "--survey" in sys.argv:
        build(survey=True)
        return
    write_rows(out, build())
