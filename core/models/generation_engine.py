"""Continuous batching: one generation engine per model, shared by every request in the process.

    engine = GenerationEngine(fast, stop_ids, max_batch=8)
    request = engine.submit(prompt_ids, budget=64, params=SamplingParams(), cancel=event, prefix_len=n)
    for token in request:          # new token ids, as the engine produces them
        ...

A worker thread owns the model. Between two decode steps it drops the requests that
finished or were cancelled and admits waiting ones (prefill, then their first token), so a
request joins and leaves the batch at any step, not at batch boundaries (the scheduling
of Orca / vLLM). Each step then feeds one token of every active request through one batched
forward pass (batched_decode.py): the weights are read once for all of them, which is
what decode on a CPU is bound by. Every request keeps its own sampling settings,
`torch.Generator` (so a seed reproduces its text whatever else runs), token budget and
cancel event. Requests beyond `max_batch` wait in arrival order; `waiting()` says how many.
A prompt that starts with a prefix stored in the engine's `PrefixCache` (the RAG system turn)
prefills only the rest (core/models/prefix_cache.py).

Stop strings are text, so they are applied by the caller that detokenizes
(`LocalChatModel.stream`, core/models/stop_strings.py), which cancels the request here.
"""
from __future__ import annotations

import atexit
import logging
import queue
import threading
import weakref
from collections import deque
from typing import Iterator

import torch

from core.models.batched_decode import BatchKVCache, SlotView, batched_step
from core.models.compiled_step import CompiledStep
from core.models.fast_llama import FastLlama
from core.models.native_memory import release_free_memory
from core.models.prefix_cache import PrefixCache, prefill
from core.models.sampling import SamplingParams, make_generator, sample_next

log = logging.getLogger(__name__)

_DONE = object()
IDLE_EXIT_S = 5.0  # seconds without requests before the worker thread ends


class EngineRequest:
    """One prompt being generated; iterate it for its new token ids."""

    def __init__(self, ids: torch.Tensor, budget: int, params: SamplingParams, cancel: threading.Event | None,
                 prefix_len: int = 0):
        self.ids = ids.reshape(-1)
        self.prefix_len = prefix_len  # tokens of a shared prefix (the system turn) worth storing; 0: none
        self.budget, self.params = budget, params
        self.caller_cancel = cancel  # the caller's event: read, never set here (callers may share one)
        self.stopped = threading.Event()  # this request alone
        self.generator = make_generator(params.seed)
        self.out: queue.SimpleQueue = queue.SimpleQueue()
        self.produced = 0
        self.last_token = -1
        self.position = 0  # where the next fed token goes (the prompt fills 0..T-1)

    @property
    def cancelled(self) -> bool:
        return self.stopped.is_set() or (self.caller_cancel is not None and self.caller_cancel.is_set())

    def cancel(self) -> None:
        self.stopped.set()

    def __iter__(self) -> Iterator[int]:
        try:
            while True:
                item = self.out.get()
                if item is _DONE:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:  # the consumer stopped early (break, closed stream, error): free the slot
            self.cancel()


class GenerationEngine:
    """Batches concurrent requests on one FastLlama model (thread-safe; one worker thread)."""

    def __init__(self, fast: FastLlama, stop_ids: set[int], max_batch: int = 8,
                 prefixes: PrefixCache | None = None, compiled: CompiledStep | None = None):
        if max_batch < 1:
            raise ValueError(f"max_batch must be >= 1, got {max_batch!r}")
        self.fast, self.stop_ids, self.max_batch = fast, set(stop_ids), max_batch
        # a step of one request runs this compiled single-request step (compiled_step.py), over slot 0
        self.compiled = compiled
        self._slot0: SlotView | None = None
        self.prefixes = prefixes
        self.cache = BatchKVCache(fast, max_batch)
        self._pending: deque[EngineRequest] = deque()
        self._active: list[EngineRequest] = []  # row b of the batch = slot b of the cache
        self._wake = threading.Condition()
        self._worker: threading.Thread | None = None
        self.steps = 0  # batched decode steps run (for tests and benchmarks)
        self.max_seen_batch = 0
        self._closed = False
        # stop the worker before the interpreter tears torch down under it (a weak reference:
        # this hook must not keep a dropped model's weights alive)
        atexit.register(_close_if_alive, weakref.ref(self))

    # --- the caller's side ---------------------------------------------------------------
    def submit(self, ids: torch.Tensor, budget: int, params: SamplingParams,
               cancel: threading.Event | None = None, prefix_len: int = 0) -> EngineRequest:
        """Queue a prompt (token ids) for up to `budget` new tokens; returns the request to iterate.
        `prefix_len`: how many leading tokens are a prefix other prompts share (stored on a miss)."""
        if budget < 1:
            raise ValueError(f"budget must be >= 1, got {budget!r}")
        request = EngineRequest(ids, budget, params, cancel, prefix_len)
        needed = request.ids.numel() + budget
        if needed > self.fast.max_len:
            raise ValueError(f"prompt + budget is {needed} tokens; the model's context is {self.fast.max_len}")
        with self._wake:
            if self._closed:
                raise RuntimeError("the generation engine is closed")
            self._pending.append(request)
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, name="generation-engine", daemon=True)
                self._worker.start()
            self._wake.notify()
        return request

    def waiting(self) -> int:
        """Requests queued behind a full batch."""
        return len(self._pending)

    def active(self) -> int:
        return len(self._active)

    def close(self) -> None:
        """Cancel what is queued or running and stop the worker thread."""
        with self._wake:
            self._closed = True
            for r in self._pending:
                r.cancel()
            for r in self._active:
                r.cancel()
            self._wake.notify()
        if self._worker is not None and self._worker is not threading.current_thread():
            self._worker.join(30)

    # --- the worker ----------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._wake:
                if not self._pending and not self._active:
                    if self.cache.length:  # idle: give the key/value memory back, to the OS too
                        self.cache.release()
                        release_free_memory()
                    self._wake.wait(IDLE_EXIT_S)
                if not self._pending and not self._active:
                    # idle (or closed): the thread ends, so it holds no reference to the engine and
                    # a dropped model can be freed; the next submit() starts a new one
                    self._worker = None
                    return
            try:
                self._admit()
                self._drop_cancelled()
                if self._active:
                    self._step()
            except Exception as e:  # noqa: BLE001 - fail the requests in flight, keep serving the next ones
                log.exception("generation step failed")
                for r in self._active:
                    r.out.put(e)
                self._active.clear()

    def _admit(self) -> None:
        """Prefill waiting requests into free slots; each gets its first token at once."""
        while len(self._active) < self.max_batch:
            with self._wake:
                if not self._pending:
                    return
                r = self._pending.popleft()
            if r.cancelled:
                r.out.put(_DONE)
                continue
            try:
                self.cache.ensure(r.ids.numel() + r.budget)
                slot = len(self._active)
                logits = prefill(self.fast, r.ids, self.cache.claim(slot), self.prefixes, r.prefix_len)
            except Exception as e:  # noqa: BLE001 - this request fails alone
                r.out.put(e)
                continue
            r.position = r.ids.numel()
            if self._emit(r, logits):
                self._active.append(r)

    def _emit(self, r: EngineRequest, logits: torch.Tensor) -> bool:
        """Sample `r`'s next token from its logits and hand it over. False when `r` is finished."""
        token = sample_next(logits, r.params, r.generator)
        if token in self.stop_ids:
            r.out.put(_DONE)
            return False
        r.out.put(token)
        r.produced += 1
        r.last_token = token
        if r.produced >= r.budget or r.cancelled:
            r.out.put(_DONE)
            return False
        return True

    def _drop_cancelled(self) -> None:
        for b in reversed(range(len(self._active))):
            if self._active[b].cancelled:
                self._active[b].out.put(_DONE)
                self._remove(b)

    def _remove(self, b: int) -> None:
        """Free row b, moving the last row into it so rows stay 0..B-1."""
        last = len(self._active) - 1
        if b != last:
            moved = self._active[last]
            self.cache.move(last, b, moved.position)
            self._active[b] = moved
        self._active.pop()

    def _step(self) -> None:
        rows = self._active
        self.max_seen_batch = max(self.max_seen_batch, len(rows))
        if self.compiled is not None and len(rows) == 1:  # rows are 0..B-1: a lone request is in slot 0
            if self._slot0 is None or self._slot0.k[0]._base is not self.cache.k[0]:  # the cache grew or was freed
                self._slot0 = SlotView(self.cache, 0)
            logits = self.compiled.step(rows[0].last_token, self._slot0, rows[0].position)[None]
        else:
            logits = batched_step(self.fast, self.cache, [r.last_token for r in rows], [r.position for r in rows])
        self.steps += 1
        finished = []
        for b, r in enumerate(rows):
            r.position += 1
            if not self._emit(r, logits[b]):
                finished.append(b)
        for b in reversed(finished):
            self._remove(b)


def _close_if_alive(ref: weakref.ref) -> None:
    engine = ref()
    if engine is not None:
        engine.close()
