"""The apps the suite knows, and how to start each one as its own process.

Adding an app: a folder apps/<name>/ with app.py (Gradio or Streamlit, thin) plus one
`APPS.register(...)` line below with a port offset no other app uses. The launcher starts it
at GENAI_PORT + offset and the index page lists it. An app is started only when its file
exists, so an app that has not been built yet is simply absent from the index.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from core.registry import Registry

APPS_DIR = Path(__file__).resolve().parent
REPO_ROOT = APPS_DIR.parent


@dataclass(frozen=True)
class AppSpec:
    name: str
    title: str
    framework: str  # gradio | streamlit
    description: str
    models: str  # what the index page says the app runs on
    port_offset: int  # the app listens at the index port + this, whichever other apps run
    script: Path | None = None  # default: apps/<name>/app.py

    @property
    def path(self) -> Path:
        return self.script or APPS_DIR / self.name / "app.py"

    def command(self, host: str, port: int) -> list[str]:
        if self.framework == "streamlit":
            return [sys.executable, "-m", "streamlit", "run", str(self.path),
                    "--server.address", host, "--server.port", str(port),
                    "--server.headless", "true", "--browser.gatherUsageStats", "false",
                    # at start, not only st.set_option in the script: that takes effect from the first
                    # rerun, so a visitor's first page still showed Streamlit's Deploy button
                    "--client.toolbarMode", "minimal"]
        return [sys.executable, str(self.path)]

    def env(self, host: str, port: int) -> dict[str, str]:
        # Gradio's launch() reads these when no server_name/server_port is passed.
        # MALLOC_ARENA_MAX: glibc gives busy threads their own heaps (up to 8 per core); with
        # Gradio's worker threads those heaps fragment and an app's memory crept up request after
        # request. Two heaps: text-to-image +11 MB over 175 images instead of +52 MB, live Python
        # objects flat in both (benchmarks/results/memory_issue15.md). A value already set wins.
        return {"GRADIO_SERVER_NAME": host, "GRADIO_SERVER_PORT": str(port),
                "GRADIO_ANALYTICS_ENABLED": "False", "MALLOC_ARENA_MAX": os.environ.get("MALLOC_ARENA_MAX", "2")}


class AppRegistry(Registry[AppSpec]):
    def register_app(self, spec: AppSpec) -> None:
        if spec.framework not in ("gradio", "streamlit"):
            raise ValueError(f"app {spec.name!r}: framework must be gradio or streamlit, got {spec.framework!r}")
        taken = {self.get(n).port_offset: n for n in self.names() if n != spec.name}
        if spec.port_offset < 1 or spec.port_offset in taken:
            raise ValueError(f"app {spec.name!r}: port offset {spec.port_offset} must be >= 1 and unused "
                             f"(taken: {taken})")
        self.register(spec.name, spec)

    def specs(self) -> list[AppSpec]:
        return [self.get(n) for n in self.names()]


APPS = AppRegistry("app", "python -m apps --only")
APPS.register_app(AppSpec(
    "explorer", "Transformer explorer", "streamlit",
    "Tokens, attention per layer and head, encoder / decoder / encoder-decoder side by side, "
    "cross-attention alignment, next-token sampling, logit lens, positional encodings and bias probes.",
    "SmolLM2-135M-Instruct (decoder), all-MiniLM-L6-v2 (encoder), date T5 trained here (encoder-decoder)",
    port_offset=1))
APPS.register_app(AppSpec(
    "chatbot", "RAG chatbot", "gradio",
    "Upload documents and ask questions; streamed answers cite the passages they use.",
    "chat model + all-MiniLM-L6-v2 embeddings, Chroma", port_offset=2))
APPS.register_app(AppSpec(
    "labeling", "RLHF preference labeling", "gradio",
    "Compare two answers, record preferences, watch agreement, export for TRL, train a reward model.",
    "chat model (contestants), all-MiniLM-L6-v2 (reward model base)", port_offset=3))
APPS.register_app(AppSpec(
    "text2image", "Text-to-image", "gradio",
    "A diffusers pipeline with full controls, live denoising and reproducible PNGs.",
    "shipped shapes diffusion model, or any diffusers checkpoint", port_offset=4))


def available_apps() -> list[AppSpec]:
    return [app for app in APPS.specs() if app.path.exists()]
