"""Prompt length the model prefills, whole passages vs focused context (core/retrieval/focused_context.py).

The batching benchmark's ten first questions over the sample corpus, grounded mode, hybrid k=4; per
GENAI_CONTEXT_CHARS budget the median and largest prompt in tokens (the bundled model's chat
template), over the questions that were not abstained on (those never reach the model).

    GENAI_DATA_DIR=/tmp/prompt-tokens .venv/bin/python benchmarks/prompt_tokens.py --budgets 0 1200 800
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--budgets", type=int, nargs="+", default=[0, 1200])
    args = p.parse_args()
    from benchmarks.batching import QUESTIONS
    from core.models.chat import get_chat_model
    from core.models.sampling import SamplingParams
    from core.retrieval.chain import RagChain
    from core.retrieval.collection import open_collection

    col = open_collection("sample")
    if col.count() == 0:
        col.ingest(sorted((ROOT / "assets" / "rag_corpus").iterdir()))
    tok = get_chat_model().tokenizer
    print("| context chars | prompts | median tokens | max tokens |\n|---:|---:|---:|---:|")
    for budget in args.budgets:
        chain = RagChain("sample", answer_mode="grounded", context_chars=budget,
                         params=SamplingParams(max_new_tokens=1))
        counts = []
        for question, _ in QUESTIONS:
            prompt = chain.ask(question).trace.get("prompt")
            if prompt:
                text = tok.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True)
                counts.append(len(tok(text)["input_ids"]))
        print(f"| {budget or 'whole passages'} | {len(counts)} | {statistics.median(counts):.0f} | {max(counts)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
