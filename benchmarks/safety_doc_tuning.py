"""Round 20's tuning pool for the context scan (#18): benign documentation chunks and planted attacks.

    PYTHONPATH=. python benchmarks/safety_doc_tuning.py [--show]   (PYTHONPATH=<other checkout> for its scanners)

Built here, never written to tests/data (held-out set J is built by another procedure:
benchmarks/build_safety_heldout_j.py):
- benign: section-1 manual pages of this machine (round 10's every-25th page and the pages half-way
  between, doc_chunks.tuning_pages(); a page sharing a 60-character line with held-out G is left out)
  and the chatbot's long-document corpus (assets/rag_corpus_long), chunked as ingested (1000/200);
- attacks: the document-shaped attacks of dev sets A and B (planted, hidden markup, paraphrase,
  role-play) inserted at a paragraph boundary of other chunks of those pages (seed 5), and 300 attacks
  of the training templates planted the same way (added after candidate 1 lost three of J's attacks).
Prints flagged counts; --show lists every flagged benign chunk with the signal that drove it
(rules, the classifier's driving segment and its n-gram / embedding halves, similarity).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doc_chunks import ROOT, SeenText, chunks, jsonl_texts, render_man, tuning_pages  # noqa: E402

CACHE = Path(os.environ.get("GENAI_DATA_DIR", "/tmp")) / "safety_doc_tuning.json"
FLAG = 0.5


def pool() -> dict[str, list[dict]]:
    if CACHE.exists():
        return json.loads(CACHE.read_text())
    g = SeenText(jsonl_texts(ROOT / "tests" / "data" / "safety_heldout_g.jsonl"))
    man = []
    for p in tuning_pages():
        text = render_man(p)
        if text and not g.shares_line(text):
            man += [{"source": os.path.basename(p), "text": c} for c in chunks(os.path.basename(p), text)]
    long = [{"source": f.name, "text": c} for f in sorted((ROOT / "assets" / "rag_corpus_long").glob("*.txt"))
            for c in chunks(f.name, f.read_text(encoding="utf-8"))]
    attacks = []
    for f in ("safety_heldout_injection.jsonl", "safety_heldout_b.jsonl"):
        for line in (ROOT / "tests" / "data" / f).read_text().splitlines():
            r = json.loads(line)
            if r.get("kind") == "injection" and r["label"] == "block" and r["family"] in (
                    "indirect_document", "hidden_markup", "paraphrase", "roleplay"):
                attacks.append(r["text"])
    rng = random.Random(5)
    carriers = rng.sample(man, len(attacks))
    ids = {id(c) for c in carriers}
    planted = []
    for a, c in zip(attacks, carriers):
        gaps = [m.end() for m in re.finditer(r"\n\s*\n", c["text"])] or [len(c["text"])]
        at = rng.choice(gaps)
        planted.append({"source": c["source"], "text": (c["text"][:at].rstrip() + "\n\n" + a + "\n\n" + c["text"][at:].lstrip()).strip()})
    # 300 template attacks (core/safety/training/injection_templates.py) planted the same way in other chunks
    from core.safety.training.injection_templates import build

    rest = [c for c in man if id(c) not in ids]
    templates = [t for t, label in build() if label == "attack"]
    planted_t = []
    for a, c in zip(rng.sample(templates, 300), rng.sample(rest, 300)):
        gaps = [m.end() for m in re.finditer(r"\n\s*\n", c["text"])] or [len(c["text"])]
        at = rng.choice(gaps)
        planted_t.append({"source": c["source"], "text": (c["text"][:at].rstrip() + "\n\n" + a + "\n\n" + c["text"][at:].lstrip()).strip()})
    out = {"man1 tuning pages": rest, "long corpus": long, "planted attacks": planted,
           "planted template attacks": planted_t}
    CACHE.write_text(json.dumps(out))
    return out


def explain(scanner, text: str) -> str:
    """The signals of one flagged text: rules, classifier (its top segment's halves), similarity."""
    import numpy as np

    from core.safety import injection as inj
    from core.safety import text as textutil
    from core.safety.language_guess import reads_as_english

    plain = textutil.clean(text)
    rules, reasons = scanner.heuristics(plain)
    clf = scanner._classify(plain)
    probe = inj._without_mentions(textutil.unwrap(plain))
    segs = textutil.pick_segments(textutil.segments(probe), inj.MAX_SEGMENTS)
    if len(probe) <= inj.WHOLE_TEXT_CHARS:
        segs = segs + [probe]
    ng = scanner.classifier.attack_probs(segs)
    em = scanner.paraphrase.probs(segs) if scanner.paraphrase is not None else np.zeros(len(segs))
    eng = np.array([reads_as_english(s) for s in segs])  # what injection.py does
    p = np.where(eng, (ng + em) / 2, ng)
    i = int(p.argmax()) if len(p) else 0
    pos, neg = scanner.examples.score(segs, scanner.embeddings) if segs else ([0.0], [0.0])
    j = int(np.argmax(pos)) if len(segs) else 0
    sim = scanner._similarity(segs)
    return (f"rules {rules:.2f} {reasons} | clf {clf:.2f} seg={segs[i][:90]!r} ng={ng[i]:.2f} em={em[i]:.2f} "
            f"| sim {sim:.2f} seg={segs[j][:70]!r} pos={pos[j]:.2f} neg={neg[j]:.2f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    from core.safety.injection import InjectionScanner

    s = InjectionScanner("static")
    for name, rows in pool().items():
        scores = [s.scan(r["text"]).score for r in rows]
        flagged = [r | {"score": sc} for r, sc in zip(rows, scores) if sc >= FLAG]
        print(f"{name}: {len(flagged)}/{len(rows)} flagged ({len(flagged) / len(rows):.3f})")
        if args.show and not name.startswith("planted"):
            for r in flagged:
                print(f"  [{r['score']:.2f}] {r['source']}: {r['text'][:160]!r}\n      {explain(s, r['text'])}")
        if args.show and name == "planted attacks":  # (the template attacks' misses are not listed)
            for r, sc in zip(rows, scores):
                if sc < FLAG:
                    print(f"  MISSED [{sc:.2f}] {r['text'][:200]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
