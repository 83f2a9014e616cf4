"""What the chatbot loads at start (core/warm_up.py runs it in a background thread)."""
from __future__ import annotations

from core.warm_up import Parts


def parts() -> Parts:
    """The retrieval embedder, the safety scanners, the chat model."""
    from core.models.chat import get_chat_model
    from core.models.fast_embeddings import get_fast_embedder
    from core.safety import warm_up as warm_up_safety

    return {"embedder": lambda: get_fast_embedder().embed(["warm up"]),
            "safety": warm_up_safety,
            "chat model": get_chat_model}
