"""Fast embeddings for retrieval: the same sentence-transformers model, its encoder run by ONNX Runtime.

    emb = get_fast_embedder()        # an OnnxEmbedder, or the torch Embedder as a fallback
    emb.embed(["text", ...])         # (n, dimension) float32, unit rows, like Embedder.embed

Ingestion time is almost all the encoder's forward pass. Two things make it cheaper here
without changing the model (measured in docs/rag.md, checked in tests/test_fast_embeddings.py):

- Token-budget batching. sentence-transformers sorts texts by length but pads batches of 64
  to the longest text in each; on the sample corpus that is 1.5-1.7x the real tokens. We
  batch sorted texts up to TOKEN_BUDGET padded tokens (about 1.06x), which also keeps each
  batch's activations in cache.
- ONNX Runtime, optionally with int8 weights. The encoder is exported once with
  torch.onnx.export into settings.cache_dir (keyed by the weights and the library versions,
  rebuilt when missing) and, for "onnx-int8", quantised (int8 weights and activations; fast on
  CPUs with VNNI). Dynamic quantisation (one activation scale per matrix) of every matrix
  costs up to 0.025 in cosine on some chunks; the feed-forward matrices of the first half of
  the encoder are the most sensitive, so those get ORT's MatMulNBits instead (8-bit weights in
  blocks of 128, activations quantised per row and block), and every chunk stays >= 0.99
  cosine. Dynamic quantisation's one scale covers the whole batch, so int8 runs one text at a
  time: a text's vector never depends on which texts shared its batch (costs ~13-15%).
- Parallel runs. Each run is single-threaded; runs go side by side on one worker thread per
  core. Small runs split over threads spend their time synchronising (262 vs 318 chunks/s).

Pooling and normalisation are the model's own sentence-transformers modules, run on the
ONNX output, so any model whose first module is a Transformer works (plain mean pooling, as in
MiniLM, is done in numpy: the same arithmetic without a trip through torch per batch). Any
failure to build (no `onnx` package, an architecture the exporter can't trace) falls back to
the torch Embedder with a warning: slower, never different.
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from core.caches import register_cache
from core.config import get_settings
from core.models.device import pick_device
from core.models.embedding_runtimes import EMBEDDING_RUNTIMES
from core.models.embeddings import Embedder, get_embedder
from core.models.lazy import Lazy

log = logging.getLogger(__name__)
_pool_lock = threading.Lock()

# Part of the cache key: change it when _export or _quantize change what they write.
RECIPE = "export-opset17 int8: dynamic-per-channel, first-half FFN MatMulNBits-8bit-b128-acc4"
TOKEN_BUDGET = 512  # padded tokens per batch (measured: 512 beats 1024 and 2048 on one core)
MAX_BATCH = 64


def cpu_has_vnni() -> bool:
    """True when the CPU has int8 dot-product instructions (AVX512-VNNI or AVX-VNNI)."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return bool(re.search(r"\b(avx512_vnni|avx_vnni)\b", flags))


def _usable_cores() -> int:
    """CPUs this process may run on (respects taskset / cgroup CPU sets)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def resolve_runtime(setting: str | None = None) -> str:
    """torch | onnx | onnx-int8 for the setting (auto picks by device and CPU)."""
    setting = setting or get_settings().models.embedding_runtime
    if setting != "auto":
        return setting
    if pick_device().type != "cpu":
        return "torch"
    return "onnx-int8" if cpu_has_vnni() else "onnx"


def _fingerprint(base: Embedder) -> str:
    """Changes when the weights or any library that shapes the exported graph changes."""
    import onnx
    import onnxruntime
    import torch
    import transformers

    h = hashlib.sha256()
    nbits = importlib.util.find_spec("onnx_ir") is not None  # see _quantize
    h.update(f"{RECIPE}|nbits {nbits}|{base.name}|torch {torch.__version__}|onnx {onnx.__version__}|ort {onnxruntime.__version__}|"
             f"transformers {transformers.__version__}|max_seq {base.max_seq_length}".encode())
    for name, tensor in base.model[0].auto_model.state_dict().items():
        h.update(name.encode())
        h.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return h.hexdigest()[:16]


def cache_folder(base: Embedder) -> Path:
    slug = re.sub(r"[^A-Za-z0-9.-]+", "-", base.name).strip("-").lower()
    return get_settings().cache_dir / "onnx-embeddings" / f"{slug}-{_fingerprint(base)}"


def _input_names(base: Embedder) -> list[str]:
    features = base.model.preprocess(["a"])
    return [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in features]


def _export(base: Embedder, target: Path) -> None:
    import torch

    names = _input_names(base)
    encoder = base.model[0].auto_model.eval()

    class Encoder(torch.nn.Module):  # positional inputs -> last hidden state, for the tracer
        def __init__(self):
            super().__init__()
            self.encoder = encoder

        def forward(self, *inputs):
            return self.encoder(**dict(zip(names, inputs))).last_hidden_state

    sample = base.model.preprocess(["an example sentence to trace", "and a second, longer one to pad"])
    axes = {n: {0: "batch", 1: "tokens"} for n in names}
    axes["token_embeddings"] = {0: "batch", 1: "tokens"}
    # the wrapper in eval mode: the exporter puts a module back in the mode it found it in, and
    # train(True) on a fresh wrapper reached the shared encoder, leaving its dropout on for the
    # rest of the process (the safety checks' static token table was then built with dropout)
    wrapper = Encoder().eval()
    try:
        with torch.no_grad():
            torch.onnx.export(wrapper, tuple(sample[n] for n in names), str(target), input_names=names,
                              output_names=["token_embeddings"], dynamic_axes=axes, opset_version=17,
                              dynamo=False)
    finally:
        encoder.eval()


def _quantize(source: Path, target: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    matmuls = [n.name for n in onnx.load(str(source), load_external_data=False).graph.node if n.op_type == "MatMul"]
    layers = {int(m.group(1)) for n in matmuls if (m := re.search(r"layer\.(\d+)/", n))}
    sensitive = [n for n in matmuls if (m := re.search(r"layer\.(\d+)/", n)) and int(m.group(1)) < (len(layers) + 1) // 2
                 and ("intermediate" in n or ("/output/dense" in n and "attention" not in n))]
    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True,
                     nodes_to_exclude=sensitive)
    try:  # the sensitive ones: int8 weights in blocks of 128, activations quantised per row and block
        from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer
    except ImportError as e:  # needs onnx-ir; without it they stay float32 (slower, as accurate)
        log.info("sensitive feed-forward layers stay float32 (%s)", e)
        return
    quantizer = MatMulNBitsQuantizer(onnx.load(str(target)), bits=8, block_size=128, is_symmetric=True,
                                     accuracy_level=4, nodes_to_include=sensitive)
    quantizer.process()
    quantizer.model.save_model_to_file(str(target), False)


def build_model_file(base: Embedder, runtime: str) -> Path:
    """The ONNX file for `runtime` (onnx | onnx-int8), exported/quantised once into the cache."""
    folder = cache_folder(base)
    path = folder / ("model.int8.onnx" if runtime == "onnx-int8" else "model.onnx")
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    fp32 = folder / "model.onnx"
    if not fp32.exists():
        log.info("exporting %s to ONNX once into %s", base.name, folder)
        partial = folder / f"model.onnx.{os.getpid()}.partial"
        _export(base, partial)
        partial.replace(fp32)  # atomic: a crash never leaves a half-written model
    if runtime == "onnx-int8":
        log.info("quantising %s to int8 once", fp32)
        partial = folder / f"model.int8.onnx.{os.getpid()}.partial"
        _quantize(fp32, partial)
        partial.replace(path)
    return path


def _is_mean_pooling(base: Embedder) -> bool:
    """True when the model after its encoder is exactly mean pooling then normalisation."""
    from sentence_transformers.models import Normalize, Pooling

    modules = list(base.model)[1:]
    if len(modules) != 2 or type(modules[0]) is not Pooling or type(modules[1]) is not Normalize:
        return False
    config = modules[0].get_config_dict()
    return config.get("pooling_mode") == "mean" and config.get("include_prompt", True)


class OnnxEmbedder(Embeddings):
    """Embedder's interface (embed, embed_documents, embed_query, name, dimension) over ONNX Runtime."""

    def __init__(self, base: Embedder, runtime: str):
        import onnxruntime as ort

        if runtime not in ("onnx", "onnx-int8"):
            raise ValueError(f"runtime must be 'onnx' or 'onnx-int8', got {runtime!r}")
        self.base, self.runtime = base, runtime
        self.name, self.dimension, self.source = base.name, base.dimension, base.source
        self.max_seq_length = base.max_seq_length
        self.path = build_model_file(base, runtime)
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Each run uses one thread; batches run side by side on `workers` Python threads (ORT
        # releases the GIL and a session may run concurrently). Splitting one small run over two
        # threads syncs at every op: 262 vs 318 chunks/s on two cores (docs/rag.md).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # GENAI_THREADS=0 means every core this process may run on (respects taskset).
        self.workers = get_settings().models.threads or _usable_cores()
        self._pool: ThreadPoolExecutor | None = None
        self.session = ort.InferenceSession(str(self.path), options, providers=["CPUExecutionProvider"])
        self.input_names = [i.name for i in self.session.get_inputs()]
        self.mean_pooling = _is_mean_pooling(base)
        log.info("embeddings %s on ONNX Runtime (%s, %s)", self.name, runtime, self.path)

    @property
    def cache_key(self) -> str:
        """Vectors from different runtimes differ slightly: the embedding cache keeps them apart."""
        return f"{get_settings().models.embedding_model}|{self.runtime}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dimension) float32, each row of unit length."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a list of strings; wrap a single text in a list")
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if len(texts) == 0:
            return out
        features = self.base.model.preprocess(list(texts))  # one tokenisation; batches slice it
        arrays = {n: features[n].numpy() for n in self.input_names}
        lengths = arrays["attention_mask"].sum(1)
        order = np.argsort(-lengths, kind="stable")  # longest first: workers finish together
        batches, start = [], 0
        most = 1 if self.runtime == "onnx-int8" else MAX_BATCH  # see the module docstring
        while start < len(order):
            n = int(max(1, min(most, TOKEN_BUDGET // max(int(lengths[order[start]]), 1))))
            batches.append(order[start:start + n])
            start += n

        def run(rows: np.ndarray) -> None:
            width = int(lengths[rows].max())
            feeds = {k: v[rows, :width] for k, v in arrays.items()}
            out[rows] = self._pool_and_normalise(self.session.run(None, feeds)[0], feeds["attention_mask"])

        if self.workers == 1 or len(batches) == 1:
            for rows in batches:
                run(rows)
        else:
            list(self._executor().map(run, batches))  # list(): re-raises a worker's exception
        return out

    def _executor(self) -> ThreadPoolExecutor:
        with _pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="onnx-embed")
            return self._pool

    def _pool_and_normalise(self, hidden: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        import torch

        if self.mean_pooling:  # the same arithmetic in numpy: ~8% of int8's time saved
            mask = attention_mask[..., None].astype(np.float32)
            v = (hidden * mask).sum(1) / np.maximum(mask.sum(1), 1e-9)
        else:
            pooled = {"token_embeddings": torch.from_numpy(hidden),
                      "attention_mask": torch.from_numpy(attention_mask)}
            with torch.no_grad():
                for module in list(self.base.model)[1:]:  # the model's own pooling (+ normalise)
                    pooled = module(pooled)
            v = pooled["sentence_embedding"].float().numpy()
        return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)

    # LangChain Embeddings interface
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0].tolist()


def build_fast_embedder(base: Embedder | None = None, runtime: str | None = None) -> Embeddings:
    """An OnnxEmbedder for the runtime setting, or `base` (torch) when that is the setting or fails."""
    base = base or get_embedder()
    runtime = resolve_runtime(runtime)
    try:
        return EMBEDDING_RUNTIMES.get(runtime)(base)
    except Exception as e:  # noqa: BLE001 - any export/load failure: same model on torch instead
        if runtime == "torch":
            raise
        log.warning("%s embeddings unavailable for %s (%s: %s); using sentence-transformers on torch",
                    runtime, base.name, type(e).__name__, e)
        return base


def cache_key(embedder) -> str:
    """Key of the embedding cache for vectors from `embedder` (torch vectors keep the plain model name)."""
    return getattr(embedder, "cache_key", get_settings().models.embedding_model)


_fast: Lazy[Embeddings] = Lazy(build_fast_embedder)
register_cache("retrieval embedder", _fast.reset)


def get_fast_embedder() -> Embeddings:
    """The process-wide retrieval embedder (built on first use, shared by every session)."""
    return _fast.get()

