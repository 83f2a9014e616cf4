"""How close each output-matrix format keeps the bundled model to its float32 self, teacher-forced.

Each prompt is answered greedily in float32 (`--tokens` tokens); every quantized variant (int4 layers and the output
matrix as `--heads`) is then fed those same tokens, and at each position its logits are compared with float32's:
top-1 agreement and KL(float32 || quantized). Unlike greedy agreement up to the first difference, one near-tie does
not decide the rest of a reply (#15 rounds 26-27).

    .venv/bin/python benchmarks/output_head_quality.py --heads int8 bf16-amx [--prompts-file FILE]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.models.chat import LocalChatModel  # noqa: E402

PROMPTS = [  # round 27's, written before its measurement
    "How do I boil an egg so the yolk stays soft?",
    "Summarise the plot of Romeo and Juliet in three sentences.",
    "What are the main differences between a virus and a bacterium?",
    "Write a short poem about autumn rain.",
    "Explain recursion to a ten-year-old.",
    "Which planets in the solar system have rings?",
    "Give two reasons to learn a second language.",
    "Describe how a bicycle gear works.",
    "What should I pack for a weekend hike?",
    "Translate 'good morning, how are you?' into French and explain each word.",
]


def prompt_ids(tokenizer, prompt: str) -> torch.Tensor:
    return tokenizer.apply_chat_template([{"role": "user", "content": prompt}], add_generation_prompt=True,
                                         return_tensors="pt", return_dict=True)["input_ids"][0]


def greedy(fast, ids: torch.Tensor, tokens: int) -> list[int]:
    cache = fast.new_cache(len(ids) + tokens + 1)
    logits, out = fast.prefill(ids, cache), []
    for i in range(tokens):
        out.append(int(logits.argmax()))
        logits = fast.step(out[-1], cache, len(ids) + i)
    return out


def forced_logits(fast, sequences: list[tuple[torch.Tensor, list[int]]]) -> torch.Tensor:
    rows = []
    for ids, reply in sequences:
        cache = fast.new_cache(len(ids) + len(reply) + 1)
        logits = fast.prefill(ids, cache)
        rows.append(logits.float())
        for i, token in enumerate(reply[:-1]):
            logits = fast.step(token, cache, len(ids) + i)
            rows.append(logits.float())
    return torch.stack(rows)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--heads", nargs="+", default=["int8", "bf16-amx"])
    p.add_argument("--tokens", type=int, default=64)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--prompts-file", type=Path, help="a JSON list of prompts instead of round 27's")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    prompts = json.loads(args.prompts_file.read_text()) if args.prompts_file else PROMPTS
    reference = LocalChatModel(dtype=torch.float32, max_batch=1)
    sequences = [(ids, greedy(reference.fast, ids, args.tokens))
                 for ids in (prompt_ids(reference.tokenizer, text) for text in prompts)]
    expected = forced_logits(reference.fast, sequences)
    print(f"{len(prompts)} prompts x {args.tokens} tokens = {len(expected)} positions, float32 greedy replies fed to each")
    print("| output matrix | top-1 agreement with float32 | KL(float32 || quantized) mean | median | max |")
    print("|---|---:|---:|---:|---:|")
    for head in args.heads:
        model = LocalChatModel(max_batch=1, quantize="none")
        model.fast.quantize_int4(head=head)
        got = forced_logits(model.fast, sequences)
        top1 = (got.argmax(-1) == expected.argmax(-1)).float().mean().item()
        kl = F.kl_div(got.log_softmax(-1), expected.log_softmax(-1), log_target=True, reduction="none").sum(-1)
        print(f"| int4 layers, {head} | {top1:.4f} | {kl.mean().item():.5f} | {kl.median().item():.5f} | "
              f"{kl.max().item():.4f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
