"""What the shipped model knows, on the page: clickable vocabulary, grammar, and the prompt check.

Only the text-to-image app draws this. The check itself is core.diffusion.vocabulary; a Hub
model (GENAI_IMAGE_MODEL) has an open vocabulary, so the panel says the check is off.
"""
from __future__ import annotations

import html
import json

import gradio as gr

from core.diffusion.background_fill import added_background
from core.diffusion.vocabulary import GRAMMAR, TEACHING, check_prompt, vocabulary

CHECK_ID = "prompt-check"
MAX_CHECK_CHARS = 2000


def check_markdown(prompt: str, checks_vocabulary: bool, fills_background: bool = False) -> str:
    """The warnings shown under the prompt before generating (empty prompt: nothing), and the background the model
    adds when the prompt names none (`fills_background`: the model folder's `background_fill`)."""
    if not checks_vocabulary or not (prompt or "").strip():
        return ""
    if len(prompt) > MAX_CHECK_CHARS:  # generation refuses it anyway; say so without parsing it
        return f"⚠ the prompt is {len(prompt)} characters long; this model's captions are under 100"
    findings = check_prompt(prompt)
    added = added_background(prompt) if fills_background else None
    fill = (f"\n\nℹ No background named: drawn **on a {added} background**, the colour farthest from the shapes', "
            "so none is hidden (name one to choose it)" if added else "")
    if not findings:
        return "✓ every word and construction is in the model's vocabulary" + fill
    lines = [f"- **{f.kind.replace('-', ' ')}**: {html.escape(f.message)}" for f in findings]
    return ("⚠ **Outside what this model was trained on** — it will still draw, but expect it to guess:\n"
            + "\n".join(lines) + fill)


def build_panel(prompt: gr.Textbox, is_tiny: bool, model_name: str) -> gr.Markdown:
    """Under the prompt: the check's result, and an accordion with the vocabulary (click inserts)."""
    warning = gr.Markdown("", elem_id=CHECK_ID)
    if not is_tiny:
        gr.Markdown(f"Vocabulary check off: **{html.escape(model_name)}** is a Hub model with its own, open vocabulary.")
        return warning
    with gr.Accordion("What this model knows (click a word to add it)", open=False, elem_id="vocabulary"):
        gr.Markdown(TEACHING)
        gr.Markdown("**Grammar:** " + " · ".join(f"`{g}`" for g in GRAMMAR)
                    + "  \nAnything else — other words, *not*/*no*, numbers, plurals, three shapes — it never saw.")
        for role, phrases in vocabulary().items():
            with gr.Row():
                gr.Markdown(f"**{role}**", min_height=0)
                for phrase in phrases:
                    btn = gr.Button(phrase, size="sm", min_width=60, elem_classes=["vocab-word"])
                    # Inserted in the browser: no server round trip, no public API endpoint.
                    btn.click(None, prompt, prompt, js=f"(p) => ((p || '').trimEnd() + ' ' + {json.dumps(phrase)}).trim()")
    return warning
