"""Round 11 of #18, development figures: the intent lexicon and the non-English n-gram retrain on tuning data only.

    PYTHONPATH=. GENAI_THREADS=1 taskset -c 1 .venv/bin/python benchmarks/safety_round11_dev.py \
        --models main=/path/to/main.npz,retrained=core/safety/curated/injection_classifier.npz

Every n-gram model file, alone, with the intent lexicon, and with the lexicon and the round-10 gate, scans the same development sets in one
process: the training templates' non-English attacks, held-out A, B and C (dev sets since rounds 1-3), the
round-8 prompt questions, the round-11 dev messages (tests/data/safety_round11_dev.jsonl: 30 attacks and 12
look-alikes in the six other languages, hand-written as tuning data), the chatbot questions, the installed packages' README paragraphs (eval half), real
READMEs and docstrings (dev half of benchmarks/safety_real_texts.py), and paragraphs of the CHECK half of this
machine's gettext catalogs (never trained on) in the six other languages, plain (benign) and with a line from
round 8's planted-line grammar (attack). No set D-I is read.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

DATA = ROOT / "tests" / "data"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def catalog_set(per_lang: int = 50) -> list[dict]:
    from core.safety.training.injection_docs_ml import PLANT, catalog_messages

    rng = random.Random(1111)
    rows = []
    for lang, (who, drop, do) in PLANT.items():
        msgs = catalog_messages(lang, "check")
        for _ in range(per_lang):
            para = " ".join(rng.sample(msgs, min(len(msgs), rng.randint(1, 3))))
            rows.append({"text": para, "label": "allow"})
            line = f"{rng.choice(who)} {rng.choice(drop)} {rng.choice(do)}.".replace("  ", " ")
            parts = para.split(". ")
            parts.insert(rng.randrange(len(parts) + 1), line)
            rows.append({"text": ". ".join(parts), "label": "block"})
    return rows


def dev_sets() -> dict[str, list[dict]]:
    from safety_real_texts import paragraphs

    from core.safety.language_guess import english_share as _english_share
    from core.safety.training import injection_families
    from core.safety.training.injection_templates import package_docs

    fam = [{"text": t, "label": "block"} for t, c in injection_families.build() if c == "attack" and _english_share(t) < 0.15]
    fam = [fam[i] for i in random.Random(0).sample(range(len(fam)), min(400, len(fam)))]
    b = [r for r in read_jsonl(DATA / "safety_heldout_b.jsonl") if r["kind"] == "injection"]
    c = [r for r in read_jsonl(DATA / "safety_heldout_c.jsonl") if r["kind"] == "injection" and r["scope"] == "target"]
    return {
        "round-11 dev messages (six languages, hand-written)": read_jsonl(DATA / "safety_round11_dev.jsonl"),
        "templates: non-English attacks (400 sampled)": fam,
        "gettext catalogs, check half: plain / planted line": catalog_set(),
        "held-out A (dev)": read_jsonl(DATA / "safety_heldout_injection.jsonl"),
        "held-out B (dev)": b,
        "held-out C (dev since round 3)": c,
        "prompt questions (round 8)": read_jsonl(DATA / "safety_prompt_questions.jsonl"),
        "chatbot questions": [{"text": json.loads(line)["question"], "label": "allow"}
                              for f in sorted((ROOT / "assets").glob("rag_qa*.jsonl"))
                              for line in f.read_text(encoding="utf-8").splitlines() if line.strip()],
        "package READMEs, eval half": [{"text": t, "label": "allow"} for t in package_docs("eval")],
        "real READMEs + docstrings, dev half": [{"text": r["text"], "label": "allow"} for r in paragraphs() if r["half"] == "dev"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", required=True, help="name=path,name=path: n-gram model files to compare")
    ap.add_argument("--list", default="", help="print the texts a system gets wrong on sets whose name starts with this")
    args = ap.parse_args()
    from core.safety import injection
    from core.safety.injection_classifier import load_injection_classifier

    sets = dev_sets()
    systems = []
    for spec in args.models.split(","):
        name, path = spec.split("=", 1)
        for lex, gate in ((False, False), (True, False), (True, True)):
            s = injection.InjectionScanner("static")
            s.classifier = load_injection_classifier(Path(path))
            if not gate:
                s.round10 = None
            systems.append((f"{name}{' + lexicon' if lex else ''}{' + round-10 gate' if gate else ''}", s, lex))
    print("| set | " + " | ".join(n for n, _, _ in systems) + " |")
    print("|---|" + "---|" * len(systems))
    wrong = []
    for set_name, rows in sets.items():
        cells = []
        for name, s, lex in systems:
            injection.INTENT_LEXICON = lex
            flagged = [s.scan(r["text"]).score >= 0.5 for r in rows]
            pos = [f for f, r in zip(flagged, rows) if r["label"] == "block"]
            neg = [f for f, r in zip(flagged, rows) if r["label"] == "allow"]
            cells.append(" / ".join(x for x in (f"{sum(pos)}/{len(pos)}" if pos else "-",
                                                f"{sum(neg)}/{len(neg)}" if neg else "") if x))
            if args.list and set_name.startswith(args.list):
                wrong += [(name, r["label"], r["text"]) for f, r in zip(flagged, rows) if f != (r["label"] == "block")]
        print(f"| {set_name} | " + " | ".join(cells) + " |", flush=True)
    for name, label, text in wrong:
        print(f"\n[{name}] {label}: {text[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
