"""Meaning signals for abstention (#13 round 13), computed offline on the TUNING sets' answers.

For every question of the chosen QA sets, main's extractive chain answers it (in a workdir a
`benchmarks/rag.py --grounded` run filled) and, beside its decision, these candidate signals are
computed from what it retrieved and quoted:

  align_*   MiniLM token alignment: each content word of the question is matched to its most
            similar token (contextual all-MiniLM-L6-v2 vectors) of the quoted sentences plus their
            documents' names and headers; an exact stem match counts 1. min = the weakest word,
            idf = the IDF-weighted mean. "the asked-for thing is absent" = one word with no match.
  lm_yes    SmolLM2-135M-Instruct: log P("Yes") - log P("No") for "does this passage answer the
            question?" over the best quote.
  pmi_*     SmolLM2: per question word, log P(word | passage, question so far) - log P(word | question
            so far); min over content words and the mean.

    python benchmarks/rag_abstention_meaning.py --workdir W --qa-sets "sample corpus" ... --out F.json
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.rag import (  # noqa: E402
    DEV_PROSE_QA,
    DEV_README_QA,
    HELDOUT2_QA,
    HELDOUT3_QA,
    HELDOUT4_QA,
    HELDOUT5_QA,
    HELDOUT6_QA,
    HELDOUT_QA,
    LONG_QA,
    QA,
    UNANSWERABLE,
    _load_qa,
    _qa_collection,
    judge,
    use_data_dir,
)
from core.retrieval.abstention import how_words as _how_words  # noqa: E402
from core.retrieval.grounding import content_words  # noqa: E402

SETS = {"sample corpus": (None, lambda: _load_qa(QA) + _load_qa(UNANSWERABLE), "quality"),
        "long documents": ("long-answers", lambda: _load_qa(LONG_QA), "long"),
        "dev prose": ("devprose-answers", lambda: _load_qa(DEV_PROSE_QA), "devprose"),
        "dev readme": ("devreadme-answers", lambda: _load_qa(DEV_README_QA), "devreadme"),
        "held-out": ("heldout-answers", lambda: _load_qa(HELDOUT_QA), "heldout"),
        "held-out 2": ("heldout2-answers", lambda: _load_qa(HELDOUT2_QA), "heldout2"),
        "held-out 3": ("heldout3-answers", lambda: _load_qa(HELDOUT3_QA), "heldout3"),
        "held-out 4": ("heldout4-answers", lambda: _load_qa(HELDOUT4_QA), "heldout4"),
        "held-out 5": ("heldout5-answers", lambda: _load_qa(HELDOUT5_QA), "heldout5"),
        "held-out 6": ("heldout6-answers", lambda: _load_qa(HELDOUT6_QA), "heldout6")}


# --- the bundled chat model's view (measured, not shipped: benchmarks/results/rag_issue13_round13_abstention.md) ---
_lock = threading.Lock()


def _lm():
    from core.models.causal_lm import load_causal_lm

    return load_causal_lm("bundled")


def lm_yes(question: str, passage: str) -> float:
    """log P("Yes") - log P("No") as the reply to "does this passage answer the question?"."""
    import torch

    loaded = _lm()
    tok = loaded.tokenizer
    msg = [{"role": "user", "content": f"Passage: {passage}\n\nQuestion: {question}\n\n"
                                       "Does the passage answer the question? Answer Yes or No."}]
    ids = tok.apply_chat_template(msg, add_generation_prompt=True, return_tensors="pt")
    if not isinstance(ids, torch.Tensor):
        ids = ids["input_ids"]
    with _lock, torch.inference_mode():
        logits = loaded.model(ids).logits[0, -1].float().log_softmax(-1)
    yes = max(logits[i].item() for i in _single_ids(tok, ("Yes", "yes")))
    no = max(logits[i].item() for i in _single_ids(tok, ("No", "no")))
    return round(yes - no, 3)


def _single_ids(tok, words) -> list[int]:
    ids = [tok.encode(w, add_special_tokens=False) for w in words]
    return [i[0] for i in ids if len(i) == 1]


def _question_logprobs(prefix: str, question: str) -> list[tuple[int, int, float]]:
    """(start, end, log-prob) of each token of `question` (char offsets in the question) after `prefix`."""
    import torch

    loaded = _lm()
    tok = loaded.tokenizer
    text = prefix + question
    enc = tok(text, return_offsets_mapping=True, return_tensors="pt")
    offsets = enc.pop("offset_mapping")[0].tolist()
    with _lock, torch.inference_mode():
        logp = loaded.model(enc["input_ids"]).logits[0].float().log_softmax(-1)
    ids = enc["input_ids"][0].tolist()
    out = []
    for t in range(1, len(ids)):
        a, b = offsets[t]
        if a >= len(prefix):
            out.append((a - len(prefix), b - len(prefix), logp[t - 1, ids[t]].item()))
    return out


def lm_pmi(question: str, passage: str) -> dict:
    """Per content word of the question: how much more likely the passage makes it."""
    cond = _question_logprobs(f"Passage: {passage}\nQuestion: ", question)
    base = _question_logprobs("Question: ", question)
    skip = _how_words(question)
    words = []
    for m in re.finditer(r"\w[\w\-./]*", question):
        stems = content_words(m.group(0)) - skip
        if not stems:
            continue
        c = sum(lp for a, b, lp in cond if a < m.end() and b > m.start())
        u = sum(lp for a, b, lp in base if a < m.end() and b > m.start())
        words.append((m.group(0), c - u))
    if not words:
        return {"pmi_min": 0.0, "pmi_mean": 0.0, "pmi_word": ""}
    weakest = min(words, key=lambda x: x[1])
    return {"pmi_min": round(weakest[1], 3), "pmi_mean": round(float(np.mean([x[1] for x in words])), 3),
            "pmi_word": weakest[0]}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--workdir", type=Path, required=True)
    p.add_argument("--qa-sets", nargs="+", default=["sample corpus", "long documents", "dev prose", "dev readme"])
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--lm", action="store_true", help="also the SmolLM2 signals (slower)")
    args = p.parse_args()
    from core.retrieval import meaning_check
    from core.retrieval.chain import RagChain
    from core.retrieval.collection import open_collection

    rows = []
    for set_name in args.qa_sets:
        collection, load, folder = SETS[set_name]
        use_data_dir(args.workdir / folder)
        name = _qa_collection(args.workdir).name if collection is None else collection
        chain = RagChain(name, answer_mode="extractive")
        idf = open_collection(name).bm25.idf
        for q in load():
            a = chain.ask(q["question"])
            j = judge(a, q)
            hits = {h["id"]: h for h in a.trace.get("hits", [])}
            quotes = a.trace.get("quotes") or []
            row = {"set": set_name, "question": q["question"], "answerable": bool(q["source"]),
                   "correct": j["correct"], "quote_right": j["quote_right"], "abstained": a.abstained,
                   "check_fired": j["check_fired"], "p": (a.trace.get("abstention") or {}).get("p_answerable"),
                   "features": j["features"], "quotes": [x["text"] for x in quotes]}
            if quotes and j["features"]:
                used = [h for h in hits.values() if not h["scores"].get("context_flagged")]
                by_n = {i: h for i, h in enumerate(used, 1)}
                names = [f"{by_n[x['n']]['source']} {by_n[x['n']]['header']}" for x in quotes if x["n"] in by_n]
                t = time.perf_counter()
                row.update(meaning_check.alignment(q["question"], [x["text"] for x in quotes], names, idf))
                row["align_ms"] = round((time.perf_counter() - t) * 1000, 1)
                if args.lm:
                    t = time.perf_counter()
                    row["lm_yes"] = lm_yes(q["question"], quotes[0]["text"])
                    row["lm_yes_ms"] = round((time.perf_counter() - t) * 1000, 1)
                    t = time.perf_counter()
                    row.update(lm_pmi(q["question"], " ".join(x["text"] for x in quotes)))
                    row["pmi_ms"] = round((time.perf_counter() - t) * 1000, 1)
            rows.append(row)
        print(set_name, len(rows), flush=True)
    args.out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
