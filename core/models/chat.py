"""The chat LLM behind one interface, whichever backend runs it.

    model = get_chat_model()
    for delta in model.stream(messages, SamplingParams(max_new_tokens=64), cancel=event):
        ...
    result = model.generate(messages, params)   # ChatResult(text, model, new_tokens, seconds)

Backends (core/models/backends.py): `LocalChatModel` below runs a transformers causal LM in
this process (the bundled SmolLM2 GGUF or any HF id); `OpenAICompatChatModel`
(openai_compat.py) talks to a server. Shared types live in core/models/types.py.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from contextlib import closing
from typing import Iterator

import torch

from core.caches import register_cache
from core.config import get_settings
from core.models import fast_llama
from core.models.backends import build_chat_model
from core.models.causal_lm import load_causal_lm
from core.models.compiled_step import CompiledStep, compile_in_background, compile_step
from core.models.device import pick_device, pick_dtype
from core.models.fast_llama import FastLlama
from core.models.generation_engine import GenerationEngine
from core.models.lazy import Lazy
from core.models.openmp_threads import run_off_main_thread
from core.models.prefix_cache import PrefixCache, prefill
from core.models.sampling import SamplingParams, make_generator, sample_next
from core.models.stop_strings import StopStrings
from core.models.types import ChatModel, ChatResult, TokenCounter, validate_messages

__all__ = ["ChatModel", "ChatResult", "LocalChatModel", "TokenCounter", "get_chat_model", "validate_messages"]

log = logging.getLogger(__name__)

COMPILING_IN_BACKGROUND = "compiling the step in the background (eager until then)"


class IncrementalDetokenizer:
    """Text deltas from a growing list of token ids, decoding only a short window a step.

    Decoding the whole reply after every token costs O(n) per step; this keeps two
    offsets (the approach of TGI and vLLM): `prefix` where the current window starts
    and `read` up to which text was emitted. A window that ends inside a multi-byte
    character decodes to U+FFFD and is held back until the next token completes it.
    """

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.ids: list[int] = []
        self.prefix = self.read = 0

    def push(self, token: int) -> str:
        self.ids.append(token)
        decode = self.tokenizer.decode
        before = decode(self.ids[self.prefix:self.read], skip_special_tokens=True)
        text = decode(self.ids[self.prefix:], skip_special_tokens=True)
        if len(text) > len(before) and not text.endswith("\ufffd"):
            self.prefix, self.read = self.read, len(self.ids)
            return text[len(before):]
        return ""


class LocalChatModel:
    """A transformers causal LM with its own decode loop (prefill, then one token a step).

    Our own loop, not `model.generate`, so that every request gets its own seeded
    generator, streaming and cancellation are a `yield` and an Event check, and there is
    no per-step overhead from the generic generation machinery. Llama-architecture
    models (the bundled SmolLM2) run through `FastLlama` (fast_llama.py), a lean forward
    over the same weights, with 4-bit weights for the bundled model by default
    (GENAI_LLM_QUANTIZE); others through the transformers forward with its cache.

    On the FastLlama path, concurrent requests share one `GenerationEngine`
    (generation_engine.py): continuous batching of up to `max_batch` requests
    (GENAI_LLM_MAX_BATCH). max_batch=1 turns the engine off: each request then runs its own
    loop on its caller's thread, as before the engine.

    On the FastLlama path a conversation that opens with a system turn has that turn's keys and
    values stored once and reused by every later prompt that opens with it
    (core/models/prefix_cache.py; GENAI_LLM_PREFIX_CACHE_MB, 0 turns it off).
    """

    def __init__(self, model: str = "bundled", dtype: torch.dtype | None = None, fast: bool = True,
                 quantize: str | None = None, adapter: str = "", max_batch: int | None = None,
                 prefix_cache_mb: float | None = None):
        # loaded off the main thread: a parallel region there slows the engine thread's decode 2.5x
        run_off_main_thread(lambda: self._load(model, dtype, fast, quantize, adapter, max_batch, prefix_cache_mb))

    def _load(self, model, dtype, fast, quantize, adapter, max_batch, prefix_cache_mb) -> None:
        dtype = dtype or pick_dtype(get_settings().models.llm_dtype)
        quantize = get_settings().models.llm_quantize if quantize is None else quantize
        self.max_batch = get_settings().models.llm_max_batch if max_batch is None else max_batch
        prefix_cache_mb = get_settings().models.llm_prefix_cache_mb if prefix_cache_mb is None else prefix_cache_mb
        loaded = load_causal_lm(model, dtype=dtype, attn_implementation="sdpa")
        self.lm, self.tokenizer = loaded.model, loaded.tokenizer
        self.name, self.source = loaded.name, loaded.source
        if adapter:  # a tuned model from the labeling app: merged into a private copy of the weights
            from core.models.tuned import merge_adapter

            self.lm, tag = merge_adapter(self.lm, adapter)
            self.name = f"{self.name}+{tag}"
        self.max_context = getattr(self.lm.config, "max_position_embeddings", 2048)
        self.stop_ids = self._stop_ids()
        self.fast = self._fast_path(fast)
        if quantize == "auto":
            quantize = "int4" if (self.source == "bundled" and self.fast and self.fast.dtype == torch.bfloat16
                                  and self.fast.device.type == "cpu" and not fast_llama.missing_operators()) else "none"
        if quantize == "int4":
            if self.fast is None:
                raise ValueError(f"GENAI_LLM_QUANTIZE=int4 needs a Llama-architecture model; {self.name} is not")
            try:
                prefill = get_settings().models.llm_prefill
                # a compiled step keeps the int8 output matrix: inductor cannot lower the AMX-packed one
                head = "int8" if get_settings().models.llm_compile != "off" else "auto"
                self.fast.quantize_int4(head=head, prefill=None if prefill == "auto" else prefill)
            except RuntimeError as e:
                raise ValueError(f"GENAI_LLM_QUANTIZE=int4: {e}; set GENAI_LLM_QUANTIZE=none") from e
        compile_setting = get_settings().models.llm_compile
        self.compiled, self.compile_note = self._compiled_step(compile_setting)
        self.prefixes = PrefixCache(int(prefix_cache_mb * 2**20)) if self.fast is not None else None
        self.engine = GenerationEngine(self.fast, self.stop_ids, self.max_batch, self.prefixes, self.compiled) \
            if self.fast is not None and self.max_batch > 1 else None
        # GENAI_LLM_COMPILE=background: the compile's thread (None when not compiling in the background)
        self.compiling = compile_in_background(self.fast, self._use_compiled) \
            if self.compile_note == COMPILING_IN_BACKGROUND else None
        log.info("%s decodes with %s", self.name, self.decode_path)

    def _fast_path(self, wanted: bool) -> FastLlama | None:
        """FastLlama when it reproduces this model; else None (the transformers forward)."""
        if not wanted or not fast_llama.supports(self.lm):
            return None
        try:
            return FastLlama(self.lm)
        except Exception as e:  # noqa: BLE001 - an unexpected config: the generic path still works
            log.warning("FastLlama cannot run %s (%s: %s); using the transformers forward", self.name,
                        type(e).__name__, e)
            return None

    def _compiled_step(self, setting: str) -> tuple[CompiledStep | None, str]:
        """GENAI_LLM_COMPILE=on: the compiled single-request step (compiled_step.py), or None and why not.
        background: None and a note; the caller starts the compile once the engine exists."""
        if setting == "off":
            return None, ""
        if self.fast is None or not self.fast.fused_decode_attention:
            return None, f"eager step (GENAI_LLM_COMPILE={setting} needs FastLlama on a CPU with native bfloat16)"
        # inductor's compiled kernels kept with the suite's other caches: a restarted app compiles warm
        # (6 s instead of 25-36 s, #15 round 24); a host's own TORCHINDUCTOR_CACHE_DIR wins
        os.environ.setdefault("TORCHINDUCTOR_CACHE_DIR", str(get_settings().cache_dir / "inductor"))
        if setting == "background":
            return None, COMPILING_IN_BACKGROUND
        compiled = compile_step(self.fast)
        return compiled, "compiled step" if compiled else "eager step (compiling failed, see the log)"

    def _use_compiled(self, compiled: CompiledStep | None) -> None:
        """The background compile's end: later steps (the engine's and a lone request's loop) run `compiled`."""
        if compiled is None:
            self.compile_note = "eager step (compiling in the background failed, see the log)"
            return
        self.compiled = compiled
        if self.engine is not None:
            self.engine.compiled = compiled
        self.compile_note = "compiled step (compiled in the background)"

    @property
    def decode_path(self) -> str:
        """Which decode loop runs, for logs, `core chat --json` and the benchmarks."""
        if self.fast is None:
            return "transformers forward"
        path = f"FastLlama ({self.fast.quantized or str(self.fast.dtype).removeprefix('torch.')})"
        path = f"{path}, {self.compile_note}" if self.compile_note else path
        return f"{path}, batched up to {self.max_batch}" if self.engine else path

    def _stop_ids(self) -> set[int]:
        ids = set()
        for source in (self.tokenizer.eos_token_id, getattr(self.lm.generation_config, "eos_token_id", None)):
            if isinstance(source, int):
                ids.add(source)
            elif source:
                ids.update(source)
        im_end = self.tokenizer.convert_tokens_to_ids("<|im_end|>")
        if isinstance(im_end, int) and im_end != self.tokenizer.unk_token_id:
            ids.add(im_end)
        return ids

    def prompt_ids(self, messages: list[dict]) -> torch.Tensor:
        validate_messages(messages)
        enc = self.tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, return_tensors="pt", return_dict=True)
        return enc["input_ids"]

    def prefix_length(self, messages: list[dict], ids: torch.Tensor) -> int:
        """Tokens of `ids` that are the opening system turn (0 without one): the part of a prompt
        that other prompts share and the prefix cache stores."""
        if self.prefixes is None or not self.prefixes.enabled or not messages or messages[0]["role"] != "system":
            return 0
        system = self.tokenizer.apply_chat_template(messages[:1], tokenize=True, return_dict=True)["input_ids"]
        n = len(system)
        return n if ids.reshape(-1)[:n].tolist() == list(system) else 0

    def stream(self, messages, params: SamplingParams = SamplingParams(), cancel=None,
               counter: TokenCounter | None = None) -> Iterator[str]:
        ids = self.prompt_ids(messages)
        budget = min(params.max_new_tokens, self.max_context - ids.shape[1])
        if budget <= 0:
            raise ValueError(f"the prompt is {ids.shape[1]} tokens; the model's context is {self.max_context}")
        yield from self._decode(ids, budget, params, cancel, counter or TokenCounter(),
                                self.prefix_length(messages, ids))

    def token_ids(self, ids: torch.Tensor, budget: int, params: SamplingParams,
                  cancel: threading.Event | None = None, prefix_len: int = 0) -> Iterator[int]:
        """The raw decode loop: new token ids after prompt `ids` (1, T), up to a stop token.
        `prefix_len`: leading tokens shared with other prompts (the system turn), for the prefix cache."""
        if self.engine is not None:
            yield from self._engine_ids(ids, budget, params, cancel, prefix_len)
            return
        generator = make_generator(params.seed)
        steps = self._fast_steps(ids, budget, prefix_len) if self.fast else self._hf_steps(ids)
        if cancel is not None and cancel.is_set():
            return
        logits = next(steps)
        for i in range(budget):
            token = sample_next(logits, params, generator)
            if token in self.stop_ids:
                return
            yield token
            # checked after the yield: a consumer that cancels costs no further forward pass
            if i + 1 == budget or (cancel is not None and cancel.is_set()):
                return
            logits = steps.send(token)

    def _engine_ids(self, ids, budget, params, cancel, prefix_len=0) -> Iterator[int]:
        if cancel is not None and cancel.is_set():
            return
        request = self.engine.submit(ids, budget, params, cancel, prefix_len)
        try:
            for token in request:
                yield token
                # checked after the yield, as in the loop above: nothing more reaches a consumer that cancelled
                if cancel is not None and cancel.is_set():
                    return
        finally:  # also when the consumer closes this generator early: the engine frees the slot
            request.cancel()

    def _fast_steps(self, ids, budget, prefix_len=0):
        cache = self.fast.new_cache(ids.shape[1] + budget)
        pos = ids.shape[1]
        token = yield prefill(self.fast, ids, cache, self.prefixes, prefix_len)
        while True:
            compiled = self.compiled  # read at every step: a background compile may finish mid-reply
            token = yield (compiled.step if compiled else self.fast.step)(token, cache, pos)
            pos += 1

    @torch.inference_mode()
    def _hf_steps(self, ids):
        device = pick_device()
        out = self.lm(input_ids=ids.to(device), use_cache=True, logits_to_keep=1)
        while True:
            token = yield out.logits[0, -1]
            out = self.lm(input_ids=torch.tensor([[token]], device=device), cache=out.cache, use_cache=True)

    def _decode(self, ids, budget, params, cancel, counter, prefix_len=0) -> Iterator[str]:
        detok = IncrementalDetokenizer(self.tokenizer)
        stops = StopStrings(params.stop)
        with closing(self.token_ids(ids, budget, params, cancel, prefix_len)) as tokens:
            for token in tokens:
                counter.count += 1
                delta = stops.push(detok.push(token))
                if delta:
                    yield delta
                if stops.stopped:
                    return  # closing() ends the decode loop (and frees the engine's slot)
        if tail := stops.flush():
            yield tail

    def generate(self, messages, params: SamplingParams = SamplingParams(), cancel=None) -> ChatResult:
        start, counter = time.perf_counter(), TokenCounter()
        text = "".join(self.stream(messages, params, cancel, counter))
        return ChatResult(text, self.name, counter.count, time.perf_counter() - start)


_chat: Lazy[ChatModel] = Lazy(lambda: build_chat_model(get_settings().models))
register_cache("chat model", _chat.reset)


def get_chat_model() -> ChatModel:
    """The process-wide chat model from settings (loaded once, shared by all sessions)."""
    return _chat.get()


def reset_chat_model() -> None:
    _chat.reset()
