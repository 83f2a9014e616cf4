"""Generate replies to many prompts at once, or one after another, and time them.

Used by `python -m core chat --json -` and benchmarks/batching.py. Concurrent mode gives
every prompt its own thread; with the local model those requests meet in its
GenerationEngine and decode together, with a server backend they are concurrent HTTP
requests. Sequential mode is the one-at-a-time baseline.
"""
from __future__ import annotations

import statistics
import threading
import time
from dataclasses import asdict, dataclass

from core.models.sampling import SamplingParams
from core.models.types import TokenCounter


@dataclass
class Timed:
    index: int
    text: str
    new_tokens: int
    seconds: float  # submit to last token
    first_token_s: float | None  # submit to first text
    tokens_per_s: float  # this stream's decode rate after its first text
    error: str | None = None


def timed_reply(model, messages: list[dict], params: SamplingParams, index: int = 0) -> Timed:
    counter, parts = TokenCounter(), []
    start = time.perf_counter()
    first = None
    try:
        for delta in model.stream(messages, params, counter=counter):
            first = first or time.perf_counter()
            parts.append(delta)
    except Exception as e:  # noqa: BLE001 - one failed prompt is reported in its line, the rest go on
        return Timed(index, "", counter.count, time.perf_counter() - start, None, 0.0, f"{type(e).__name__}: {e}")
    end = time.perf_counter()
    decode = (counter.count - 1) / (end - first) if first and counter.count > 1 and end > first else 0.0
    return Timed(index, "".join(parts), counter.count, end - start, first and first - start, decode)


def run_many(model, conversations: list[list[dict]], params: SamplingParams,
             sequential: bool = False) -> tuple[list[Timed], dict]:
    """Replies in input order, and a summary with the aggregate tokens/s over the wall time."""
    results: list[Timed | None] = [None] * len(conversations)
    start = time.perf_counter()
    if sequential:
        for i, messages in enumerate(conversations):
            results[i] = timed_reply(model, messages, params, i)
    else:
        def work(i: int) -> None:
            results[i] = timed_reply(model, conversations[i], params, i)

        threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(len(conversations))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    wall = time.perf_counter() - start
    done = [r for r in results if r is not None]
    tokens = sum(r.new_tokens for r in done)
    firsts = [r.first_token_s for r in done if r.first_token_s is not None]
    rates = [r.tokens_per_s for r in done if r.tokens_per_s]
    summary = {"summary": True, "mode": "sequential" if sequential else "concurrent", "prompts": len(done),
               "errors": sum(r.error is not None for r in done), "new_tokens": tokens, "wall_s": round(wall, 3),
               "aggregate_tokens_per_s": round(tokens / wall, 2) if wall > 0 else 0.0,
               "median_first_token_s": round(statistics.median(firsts), 3) if firsts else None,
               "median_stream_tokens_per_s": round(statistics.median(rates), 2) if rates else None}
    return done, summary


def as_json(r: Timed) -> dict:
    out = asdict(r)
    for key in ("seconds", "first_token_s", "tokens_per_s"):
        if out[key] is not None:
            out[key] = round(out[key], 3)
    return out
