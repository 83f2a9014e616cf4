"""Tokens as HTML chips shaded by a weight: where one output token looked in the input.

Labels are escaped (model output and user text are shown as text, never as markup).
"""
from __future__ import annotations

import html

import numpy as np

CSS = """<style>
.hl { display:inline-block; margin:3px 1px; padding:4px 6px; border-radius:5px; font-family:monospace;
      font-size:1.2rem; line-height:1.8; border:1px solid #ccd; }
.hl sub { font-size:0.55em; opacity:.7; margin-left:2px; }
.hl.new { border:3px solid #d62728; }
.hl.done { background:#e8eefc; }
.hl.todo { opacity:.35; }
</style>"""


def weighted_chips(labels: list[str], weights: np.ndarray, show_values: bool = True) -> str:
    """Input tokens, each shaded by its weight (darkest = the row's maximum)."""
    if len(labels) != len(weights):
        raise ValueError(f"{len(labels)} labels for {len(weights)} weights")
    top = float(np.max(weights)) if len(weights) else 0.0
    chips = []
    for label, w in zip(labels, weights):
        a = float(w) / top if top > 0 else 0.0
        color = "#fff" if a > 0.55 else "#111"
        value = f"<sub>{w:.2f}</sub>" if show_values and w >= 0.05 else ""
        chips.append(f'<span class="hl" style="background:rgba(31,78,156,{a:.3f}); color:{color}" '
                     f'title="weight {w:.3f}">{html.escape(label)}{value}</span>')
    return CSS + "".join(chips)


def output_chips(labels: list[str], step: int) -> str:
    """Output tokens: those before `step` decoded, `step` outlined (being produced), the rest faded."""
    chips = []
    for i, label in enumerate(labels):
        cls = "done" if i < step else ("new" if i == step else "todo")
        chips.append(f'<span class="hl {cls}">{html.escape(label)}</span>')
    return CSS + "".join(chips)
