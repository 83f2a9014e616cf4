"""Streamed answers released by clause as well as by sentence (GENAI_SAFETY_STREAM_CLAUSE_WORDS):
how much sooner the first words come, and what the output check gives up for it.

1. Sooner: the chatbot's abstractive answers (the bundled model, greedy, so every setting sees
   the same tokens) to the batching benchmark's first questions and the sample corpus's QA
   questions; per setting, the model tokens streamed before the first text is shown (median,
   p90). Tokens, not seconds: the figure does not depend on the machine's load; under ten
   visitors one token is one shared decode step (benchmarks/batching.py measures the seconds).
2. Given up: every output-stage text of tests/data/safety_eval.jsonl the sentence guard blocks or
   redacts (toxicity "block", PII "redact"), and 30 hostile sentences with clauses written for this
   (tests/data/safety_stream_clauses.jsonl), streamed word by word after a harmless sentence;
   per setting, how many are still cut, how many show some words of the flagged sentence
   before the cut (leaked), and how many show PII unredacted at the end.

    GENAI_DATA_DIR=/tmp/stream-release .venv/bin/python benchmarks/stream_release.py --words 0 4 6 8 --margins 0.5 1.0
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LEAD = "Here is what the documents say. "


def tokens_to_first_text(questions: list[str], settings: list[int]) -> dict[int, list[int]]:
    from core.config import reset_settings
    from core.models.sampling import SamplingParams
    from core.retrieval.chain import RagChain
    from core.retrieval.collection import open_collection

    col = open_collection("sample")
    if col.count() == 0:
        col.ingest(sorted((ROOT / "assets" / "rag_corpus").iterdir()))
    counts: dict[int, list[int]] = {w: [] for w in settings}
    for words in settings:  # the chain's StreamGuard reads the setting
        os.environ["GENAI_SAFETY_STREAM_CLAUSE_WORDS"] = str(words)
        reset_settings()
        chain = RagChain("sample", answer_mode="abstractive", params=SamplingParams(max_new_tokens=48))
        counts[words] = [_first_text_tokens(chain, q) for q in questions]
    os.environ.pop("GENAI_SAFETY_STREAM_CLAUSE_WORDS")
    reset_settings()
    return counts


class _CountingModel:
    """The chat model, counting the chunks it streams."""

    def __init__(self, model):
        self.model, self.seen = model, 0

    def __getattr__(self, name):
        return getattr(self.model, name)

    def stream(self, *a, **kw):
        for chunk in self.model.stream(*a, **kw):
            self.seen += 1
            yield chunk


def _first_text_tokens(chain, question: str) -> int:
    """Model chunks streamed before the chain's first shown text (all of them if none shown early)."""
    inner = chain.llm.model if isinstance(chain.llm, _CountingModel) else chain.llm
    counting = chain.llm = _CountingModel(inner)
    for event in chain.stream(question):
        if event["type"] == "delta" and event["text"]:
            return counting.seen
    return counting.seen


SAFETY_SETS = {"safety_eval": "safety_eval.jsonl",  # the margin was chosen on this one
               "clauses (held-out)": "safety_stream_clauses.jsonl"}  # written before any run of it


def safety_cases(name: str) -> list[dict]:
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / SAFETY_SETS[name]).open()]
    return [r for r in rows if (r["kind"], r["label"]) in {("toxicity", "block"), ("pii", "redact")}]


def stream_words(guard, text: str) -> tuple[bool, str]:
    """(cut, text shown at the end) for LEAD + text streamed word by word."""
    words = (LEAD + text + " Thanks for asking. ").split(" ")
    for i, w in enumerate(words):
        v = guard.feed(w + (" " if i < len(words) - 1 else ""))
        if v is not None and not v.allowed:
            return True, guard.safe_text
    final = guard.finish()
    return not final.allowed, guard.safe_text


def given_up(set_name: str, settings: list[int]) -> list[dict]:
    from core.safety import StreamGuard

    cases = safety_cases(set_name)
    baseline = {r["id"]: stream_words(StreamGuard("output", clause_words=0), r["text"]) for r in cases}
    out = []
    for words in settings:
        cut = leaked = pii_shown = 0
        for r in cases:
            was_cut, shown = stream_words(StreamGuard("output", clause_words=words), r["text"])
            if r["kind"] == "toxicity":
                cut += was_cut
                leaked += was_cut and len(shown) > len(LEAD)  # flagged words shown before the cut
            elif shown.count("[") < baseline[r["id"]][1].count("["):
                pii_shown += 1  # fewer placeholders than the sentence guard left: something slipped
        tox = sum(r["kind"] == "toxicity" for r in cases)
        out.append({"words": words, "toxic": tox, "cut": cut, "leaked": leaked,
                    "pii": len(cases) - tox, "pii_shown": pii_shown})
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--words", type=int, nargs="+", default=[0, 4, 6, 8])
    p.add_argument("--margins", type=float, nargs="+", default=[0.5, 1.0],
                   help="core.safety.stream.CLAUSE_MARGIN values; the first one is used for the token counts")
    p.add_argument("--qa", type=int, default=30, help="sample-corpus QA questions besides the batching ones")
    args = p.parse_args()
    from benchmarks.batching import QUESTIONS
    from core.safety import stream

    print("## Output check given up (tests/data/, output stage)\n")
    print("| set | clause margin | clause words | toxic texts | cut | leaked before the cut | PII texts | "
          "PII shown unredacted |\n|---|---:|---:|---:|---:|---:|---:|---:|")
    for set_name in SAFETY_SETS:
        for margin in args.margins:
            stream.CLAUSE_MARGIN = margin
            for r in given_up(set_name, args.words):
                print(f"| {set_name} | {margin} | {r['words']} | {r['toxic']} | {r['cut']} | {r['leaked']} | "
                      f"{r['pii']} | {r['pii_shown']} |")
    stream.CLAUSE_MARGIN = args.margins[0]

    qa = [json.loads(line)["question"] for line in (ROOT / "assets" / "rag_qa.jsonl").open()][: args.qa]
    for name, questions in (("batching benchmark, first questions", [q for q, _ in QUESTIONS]),
                            (f"sample corpus QA, first {len(qa)}", qa)):
        if not questions:
            continue
        counts = tokens_to_first_text(questions, args.words)
        print(f"\n## Model tokens before the first shown text: {name} (abstractive, greedy)\n")
        print("| clause words | answers | median | p90 | mean |\n|---:|---:|---:|---:|---:|")
        for w, c in counts.items():
            p90 = sorted(c)[int(0.9 * (len(c) - 1))]
            print(f"| {w} | {len(c)} | {statistics.median(c):.0f} | {p90} | {statistics.mean(c):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
