"""Reference decoding for the batching and prefix-cache tests: what a request gives on its own."""
from __future__ import annotations


def greedy_alone(chat, ids, n: int) -> list[int]:
    """Greedy tokens after a one-pass prefill with FastLlama's single-request loop (no engine, no prefix cache)."""
    ids = ids.reshape(-1)
    cache = chat.fast.new_cache(ids.numel() + n)
    logits, out = chat.fast.prefill(ids, cache), []
    for i in range(n):
        token = int(logits.argmax())
        if token in chat.stop_ids:
            break
        out.append(token)
        logits = chat.fast.step(token, cache, ids.numel() + i)
    return out
