"""Round 20's retrain experiments (#18), measured and NOT shipped (benchmarks/results/safety_issue18_round20.md).

    PYTHONPATH=. python benchmarks/safety_round20_retrain.py --variant both|embedding|sentences|plain

Writes the retrained injection classifier half (or halves) over core/safety/curated/ in the working tree,
so that benchmarks/safety_robustness.py measures them; `git checkout core/safety/curated` restores the
shipped models. Variants:
- both: both halves retrained with English manual-page paragraphs as benign text, each of half of them
  with a twin that has one round-1/2 template attack planted in it (as round 8 did for other languages);
- embedding: the same data, the embedding half only (it reads English sentences only);
- sentences: the embedding half with 3,000 benign sentences of those pages, no twins;
- plain: the embedding half refit on today's training data alone (the shipped one is not reproduced here).
Pages: section-1 pages at index 6 and 18 mod 25 of the non-gcloud pages (not the tuning pages, 0 and 12
mod 25), a page left out when it shares a 60-character line with held-out G or J.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doc_chunks import ROOT, SeenText, jsonl_texts, man1_pages, render_man  # noqa: E402


def paragraphs() -> list[str]:
    seen = SeenText(jsonl_texts(ROOT / "tests/data/safety_heldout_g.jsonl") + jsonl_texts(ROOT / "tests/data/safety_heldout_j.jsonl"))
    pages = man1_pages()
    out = []
    for p in pages[6::25] + pages[18::25]:
        text = render_man(p)
        if not text or seen.shares_line(text):
            continue
        out += [para for para in (" ".join(b.split()) for b in re.split(r"\n\s*\n", text)) if 40 <= len(para) <= 600]
    return out


def with_twins(paras: list[str], seed: int = 20, n: int = 2000) -> list[tuple[str, str]]:
    from core.safety.training.injection_templates import build

    rng = random.Random(seed)
    paras = rng.sample(paras, min(n, len(paras)))
    attacks = [t for t, label in build() if label == "attack" and t.isascii() and len(t) < 300]
    out = [(p, "benign") for p in paras]
    for p in paras[: n // 2]:
        at = rng.choice([m.end() for m in re.finditer(r"[.!?]\s", p)] or [len(p)])
        out.append((p[:at].rstrip() + " " + rng.choice(attacks) + " " + p[at:].lstrip(), "attack"))
    return out


def sentences(paras: list[str], seed: int = 20, n: int = 3000) -> list[tuple[str, str]]:
    from core.safety import text as textutil

    segs = sorted({s for p in paras for s in textutil.segments(p) if len(s.split()) >= 4})
    return [(s, "benign") for s in random.Random(seed).sample(segs, min(n, len(segs)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--variant", choices=("both", "embedding", "sentences", "plain"), required=True)
    args = ap.parse_args()
    from core.safety.embedding_classifier import MODEL_FILE as EMB_FILE
    from core.safety.embedding_classifier import EmbeddingClassifier
    from core.safety.injection_classifier import MODEL_FILE
    from core.safety.linear_text_model import LinearTextModel
    from core.safety.training.train import injection_data

    extra = []
    if args.variant in ("both", "embedding"):
        extra = with_twins(paragraphs())
    elif args.variant == "sentences":
        extra = sentences(paragraphs())
    data = injection_data() + extra
    texts, labels = [t for t, _ in data], [c for _, c in data]
    if args.variant == "both":
        LinearTextModel.fit(texts, labels).save(MODEL_FILE)
    EmbeddingClassifier.fit(texts, [int(c == "attack") for c in labels]).save(EMB_FILE)
    print(f"{args.variant}: {len(extra)} extra texts ({sum(c == 'attack' for _, c in extra)} attacks); "
          "restore the shipped models with `git checkout core/safety/curated`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
