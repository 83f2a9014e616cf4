"""Keep each Gradio session's copy of the page from growing with every request (#15).

Gradio keeps, per session, a copy of the page's components (`SessionState.blocks_config`)
and their config with the last value (`config_values`). An output that receives an update
(`gr.skip()`, `gr.update(...)`) gets a NEW component object in that copy, under the
output's id, but the new object carries a new id of its own. When a later event of the same
session then gives that output a plain value, Gradio files the new object, and the value's
serialised config, under the new object's id as well: one more entry per output per
request. Our streaming handlers do exactly this (text-to-image previews skip the gallery,
timeline and seed, then the final yield fills them; the chatbot skips the trace, prompt and
sources while it streams), so a visitor's session grew by three or four components and their
values (a 60-image gallery, a full trace) with every request, for as long as the page stayed
open: text-to-image +97 MB over the 30-minute room soak (benchmarks/results/memory_issue15.md).

`install()` gives the replacement object the id of the component it stands in for (what
Gradio already does for components re-rendered by key), so the session copy stays the size of
the page. Measured in tests/test_app_memory.py through the real apps.
"""
from __future__ import annotations

from gradio.blocks import Block
from gradio.state_holder import SessionState

_installed = False


def install() -> None:
    """Idempotent; every app calls it when it builds its page."""
    global _installed
    if _installed:
        return
    original = SessionState.__setitem__

    def setitem(self, key, value):
        if isinstance(value, Block) and getattr(value, "_id", key) != key and key in self.blocks_config.blocks:
            value._id = key  # the session's stand-in for component `key`, not a component of its own
        original(self, key, value)

    SessionState.__setitem__ = setitem
    _installed = True
