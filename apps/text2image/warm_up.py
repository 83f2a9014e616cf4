"""What text-to-image loads at start (core/warm_up.py runs it in a background thread)."""
from __future__ import annotations

from core.warm_up import Parts


def parts() -> Parts:
    """The configured pipeline (with its text encoder), the safety scanners."""
    from core.diffusion.pipeline import load_pipeline
    from core.safety import warm_up as warm_up_safety

    return {"pipeline": load_pipeline, "safety": warm_up_safety}
