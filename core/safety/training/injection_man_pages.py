"""Round-21 training texts for the embedding half of the injection classifier: English reference
documentation (manual-page paragraphs), plain (benign) and with an attack planted in it (attack).

Why: round 20 found that most benign documentation chunks the context scan still flags are whole
reference sentences about the reader or the user ("don't use this unless you know what you are doing"),
which the embedding half reads as requests to an assistant; its only real documentation was package
READMEs. Half of the paragraphs get a twin with one attack inserted at a sentence boundary (as round 8
did for other languages), so the model learns the addressee, not the genre. The planted attacks take
turns: a line addressed to the AI reading the document (the templates' doc_address x doc_act, bare or
in one of their hidden wrappers), any English template attack, and a role-play persona; with the
template attacks alone (round 20's c5) the tuning look lost attacks planted in short documents and
"pretend you are a terminal" role-play (benchmarks/results/safety_issue18_round21.md).

Procedure: the paragraphs are frozen in man_paragraphs_train.jsonl beside this file (this machine's
section-1 pages outside the tuning pool and held-out sets G and J; benchmarks/build_training_snapshots.py
says how they were drawn); attacks and positions are drawn with a fixed seed.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

MAN_PARAGRAPHS_FILE = Path(__file__).parent / "man_paragraphs_train.jsonl"


def paragraphs() -> list[str]:
    with MAN_PARAGRAPHS_FILE.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


WRAPS = ["{a}", "<!-- {a} -->", "| note | {a} |", "[//]: # ({a})", "```\n{a}\n```", '<span style="display:none">{a}</span>']


def build(seed: int = 20) -> list[tuple[str, str]]:
    """(text, label): every frozen paragraph as benign, and the first half again with one attack inserted after
    a sentence end (or at the end): in turn a line to the AI reading it, an English template attack (ASCII,
    under 300 characters), a role-play persona."""
    from core.safety.training.injection_templates import EN
    from core.safety.training.injection_templates import build as templates

    rng = random.Random(seed)
    paras = paragraphs()
    attacks = [t for t, label in templates() if label == "attack" and t.isascii() and len(t) < 300]
    out = [(p, "benign") for p in paras]
    for i, p in enumerate(paras[: len(paras) // 2]):
        at = rng.choice([m.end() for m in re.finditer(r"[.!?]\s", p)] or [len(p)])
        if i % 3 == 0:
            wrap = rng.choice(WRAPS)
            a = wrap.format(a=f"{rng.choice(EN['doc_address'])} {rng.choice(EN['doc_act'])}.")
        elif i % 3 == 1:
            a = rng.choice(attacks)
        else:
            persona = rng.choice(EN["persona"])
            a = persona.format(n=rng.choice(EN["names"]), s=rng.choice(EN["secrets"]))
        out.append((p[:at].rstrip() + " " + a + " " + p[at:].lstrip(), "attack"))
    return out
