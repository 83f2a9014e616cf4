"""The apps the suite knows, and how to start each one as its own process.

An app is listed only when its file exists, so an app that has not been built yet is
simply absent from the index (no placeholders).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

APPS_DIR = Path(__file__).resolve().parent
REPO_ROOT = APPS_DIR.parent


@dataclass(frozen=True)
class AppSpec:
    name: str
    title: str
    framework: str  # gradio | streamlit
    description: str
    models: str  # what the index page says the app runs on

    @property
    def path(self) -> Path:
        return APPS_DIR / self.name / "app.py"

    def command(self, host: str, port: int) -> list[str]:
        if self.framework == "streamlit":
            return [sys.executable, "-m", "streamlit", "run", str(self.path),
                    "--server.address", host, "--server.port", str(port),
                    "--server.headless", "true", "--browser.gatherUsageStats", "false"]
        return [sys.executable, str(self.path)]

    def env(self, host: str, port: int) -> dict[str, str]:
        # Gradio's launch() reads these when no server_name/server_port is passed.
        return {"GRADIO_SERVER_NAME": host, "GRADIO_SERVER_PORT": str(port),
                "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONPATH": str(REPO_ROOT)}


KNOWN_APPS = (
    AppSpec("explorer", "Transformer explorer", "streamlit",
            "Tokens, attention per layer and head, encoder / decoder / encoder-decoder side by side, "
            "cross-attention alignment, next-token sampling, logit lens, positional encodings and bias probes.",
            "SmolLM2-135M-Instruct (decoder), all-MiniLM-L6-v2 (encoder), date T5 trained here (encoder-decoder)"),
    AppSpec("chatbot", "RAG chatbot", "gradio",
            "Upload documents and ask questions; streamed answers cite the passages they use.",
            "chat model + all-MiniLM-L6-v2 embeddings, Chroma"),
    AppSpec("labeling", "RLHF preference labeling", "gradio",
            "Compare two answers, record preferences, watch agreement, export for TRL, "
            "train a reward model.",
            "chat model (contestants), all-MiniLM-L6-v2 (reward model base)"),
    AppSpec("text2image", "Text-to-image", "gradio",
            "A diffusers pipeline with full controls, live denoising and reproducible PNGs.",
            "shipped shapes diffusion model, or any diffusers checkpoint"),
)


def available_apps() -> list[AppSpec]:
    return [app for app in KNOWN_APPS if app.path.exists()]
