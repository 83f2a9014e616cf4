"""How closely a prompt split at a stored prefix (core/models/prefix_cache.py) matches one pass.

For three synthetic RAG prompts (309-840 tokens) and several cut points (the system turn's end, inside
and at the edge of a 512-key block, MIN_PART from either end), prefill the first part, then the rest
from the cache, and compare the logits with one pass of the whole prompt: bit for bit, else the largest
logit difference and whether the most likely next token is the same. Run with the default model
(4-bit decode; the prefill's weights follow the CPU, GENAI_LLM_PREFILL) and with --float32.

    .venv/bin/python benchmarks/prefix_cache_exactness.py [--float32] [--threads 1 2]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.models.chat import LocalChatModel  # noqa: E402
from core.models.prefix_cache import MIN_PART  # noqa: E402
from core.retrieval import prompts  # noqa: E402
from core.retrieval.hybrid import Hit  # noqa: E402

PASSAGE = "The Zanzibar widget must be oiled every {n} weeks with grade {g} oil, by a certified technician. "
QUESTIONS = (("How often must the widget be oiled?", 3), ("Which oil grade is used?", 12), ("Who may oil the widget?", 1))


def rag_messages(question: str, n: int = 2, repeat: int = 3, system: str | None = None) -> list[dict]:
    """The chatbot's prompt for `question` over `n` passages of PASSAGE repeated `repeat` times (also used by
    tests/test_prefix_cache.py); `system` replaces the system turn."""
    hits = [Hit(f"x{i}", PASSAGE.format(n=i + 2, g=7 + i) * repeat, "widget.md", i + 1, 0, 0.5) for i in range(n)]
    messages = prompts.build_messages(question, hits)
    if system is not None:
        messages[0] = {"role": "system", "content": system}
    return messages


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--float32", action="store_true", help="a float32 model instead of the default")
    p.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = p.parse_args()
    print("| threads | model | prompt tokens | cut | split vs one pass |")
    print("|---:|---|---:|---:|---|")
    for threads in args.threads:
        torch.set_num_threads(threads)
        chat = LocalChatModel(dtype=torch.float32, max_batch=1) if args.float32 else LocalChatModel(max_batch=1)
        model = chat.fast.quantized or "float32"
        for question, repeat in QUESTIONS:
            messages = rag_messages(question, repeat=repeat)
            ids = chat.prompt_ids(messages)[0]
            expected = chat.fast.prefill(ids, chat.fast.new_cache(ids.numel()))
            cuts = (chat.prefix_length(messages, ids), MIN_PART, 37, 200, 511, 512, ids.numel() - MIN_PART)
            for cut in sorted({c for c in cuts if MIN_PART <= c <= ids.numel() - MIN_PART}):
                cache = chat.fast.new_cache(ids.numel())
                chat.fast.prefill(ids[:cut], cache)
                got = chat.fast.prefill(ids[cut:], cache, start=cut)
                verdict = "bit for bit" if torch.equal(got, expected) else (
                    f"max logit diff {float((got - expected).abs().max()):.3f}, "
                    f"same next token: {int(got.argmax()) == int(expected.argmax())}")
                print(f"| {threads} | {model} | {ids.numel()} | {cut} | {verdict} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
