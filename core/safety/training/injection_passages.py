"""Training data of the passage model (#18 round 35, core/safety/passage_model.py): the hand-written passages of
the blind held-out sets M-V, ten writers who never read the detector.

- attack: every set's ATTACKS (an order to an AI reader, as its writer planted it in a real document);
- benign: every set's READER (a harmless instruction to the human reader) and up to PLAIN_PER_SET paragraphs of
  its plain chunks (real documents of the set's genres, drawn by the seed); and ordinary documentation (candidate 2:
  a model that saw only the sets' genres read "user", "password" and a URL as an attack): the frozen manual-page
  and package README paragraphs the sentence classifier trains on, and passage_negatives_train.jsonl (paragraphs
  of a training quarter of real documents, half of them mined as hard negatives;
  benchmarks/build_passage_negatives.py); and (candidate 3: candidate 2 read benign text ABOUT assistants, prompts
  and answers as an attack) the benign side of the sentence classifier's template data (how-to guides that say
  what to click or ignore, questions about AI security, a human "assistant", security tips); and (round 36) the
  paragraphs of the project's own documentation (benchmarks/build_passage_negatives.py --project-docs).

The passages live in the sets' builders (benchmarks/build_safety_heldout_*.py) and the plain chunks in their rows
(tests/data/safety_heldout_*.jsonl), both committed, so a refit trains on the same texts in the same order anywhere.
Once trained on, a set no longer judges the model: only a set written after it (W on) does.
"""
from __future__ import annotations

import importlib
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SETS = "mnopqrstuv"
# Sets whose planted paragraphs are trained on too (W and X weave passages into paragraphs or append them to lines:
# the paragraph holding each passage, labelled as its row). Round 37 measured SETS + "wx" with PLANTED_SETS = "wx"
# (candidate C2) and without it (C1); neither shipped (benchmarks/results/safety_issue18_round37.md), so it is empty.
PLANTED_SETS = ""
PLAIN_PER_SET = 700
SEED = 34
HERE = Path(__file__).parent
DOC_FILES = ("man_paragraphs_train.jsonl", "package_docs_train.jsonl", "passage_negatives_train.jsonl",
             "passage_project_docs_train.jsonl")


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs (blank-line split) of 20 characters or more; the whole text when it has none."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) >= 20] or [text]


def set_rows(letter: str) -> list[dict]:
    path = ROOT / "tests" / "data" / f"safety_heldout_{letter}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def documentation() -> list[str]:
    """The frozen paragraphs of ordinary documentation (DOC_FILES), in file order."""
    return [json.loads(line)["text"] for name in DOC_FILES
            for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def look_alikes() -> list[str]:
    """The benign texts of the sentence classifier's template data (rounds 1-4), in build order."""
    from core.safety.training import injection_families, injection_reader_guides, injection_templates

    data = injection_templates.build() + injection_families.build() + injection_reader_guides.build()
    return [t for t, label in data if label == "benign"]


def planted_paragraphs(letter: str, passages: list[str]) -> list[tuple[str, str]]:
    """(paragraph, label) for each row of set `letter` that planted one of `passages` inside a larger paragraph:
    the paragraph holding it, labelled as the row is (block: attack, allow: benign). Paragraphs that are the bare
    passage are left out (the passage itself is trained on already)."""
    out = []
    for row in set_rows(letter):
        if row["family"] == "plain":
            continue
        held = [p for p in passages if p in row["text"]]
        for para in paragraphs(row["text"]):
            if any(p in para and p.strip() != para.strip() for p in held):
                out.append((para, "attack" if row["label"] == "block" else "benign"))
    return out


def build(sets: str = SETS, seed: int = SEED, docs: bool = True) -> list[tuple[str, str]]:
    """(text, "attack" | "benign") pairs from the hand-written passages and plain paragraphs of `sets`, and (with
    `docs`) the frozen documentation paragraphs and the template look-alikes."""
    rng = random.Random(seed)
    data: list[tuple[str, str]] = []
    for letter in sets:
        builder = importlib.import_module(f"benchmarks.build_safety_heldout_{letter}")
        data += [(t, "attack") for _, t in builder.ATTACKS]
        data += [(t, "benign") for _, t in builder.READER]
        plain = [p for r in set_rows(letter) if r["family"] == "plain" for p in paragraphs(r["text"])]
        data += [(p, "benign") for p in rng.sample(plain, min(PLAIN_PER_SET, len(plain)))]
        if letter in PLANTED_SETS:
            data += planted_paragraphs(letter, [t for _, t in builder.ATTACKS] + [t for _, t in builder.READER])
    if docs:
        data += [(p, "benign") for p in documentation() + look_alikes()]
    return data
