"""RLHF preference labeling: labelers compare two answers; the host watches and exports.

Stable API (drive a session with gradio_client):
    /join(name, join_code) -> {"labeler_id", "name", "token"}
    /next_item(token) -> {"status": item|quota|empty, "assignment_id", "prompt", "left", "right", "done", "quota"}
    /submit(token, assignment_id, choice, strength, rationale, client_id) -> {"label_id", "duplicate", "done", "quota"}
    /skip(token, assignment_id), /undo(token), /my_labels(token)
choice is what the labeler saw: left | right | tie | both_bad. Everything is computed in
core.preferences; this file is layout and wiring.
"""
from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

import gradio as gr

from core.preferences import assignment, identity
from core.preferences import submit as store
from core.preferences.contestants import ASSETS, worker
from core.preferences.db import DatabaseUnavailable, get_engine
from core.preferences.identity import AccessDenied

GUIDELINES = (ASSETS / "guidelines.md").read_text(encoding="utf-8")
STRENGTH_CHOICES = [("(not said)", ""), ("slightly", "slightly"), ("clearly", "clearly"), ("much", "much")]
SHORTCUTS = "**Keys:** `1` left better · `2` right better · `3` tie · `4` both bad · `S` skip · `U` undo"

KEYS_JS = """
() => {
  if (window.__prefsKeys) return;
  window.__prefsKeys = true;
  const map = {"1": "btn-left", "2": "btn-right", "3": "btn-tie", "4": "btn-bad", "s": "btn-skip", "u": "btn-undo"};
  document.addEventListener("keydown", (e) => {
    const t = e.target, tag = ((t && t.tagName) || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || (t && t.isContentEditable)) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const id = map[(e.key || "").toLowerCase()];
    const el = id && document.getElementById(id);
    if (!el || el.offsetParent === null || el.disabled) return;
    e.preventDefault();
    el.click();
  });
}
"""

CSS = """
#prefs-left, #prefs-right {min-height: 180px}
"""


def _guard(fn, *args):
    """Core errors become gr.Error: the caller sees the message, the app keeps serving."""
    try:
        return fn(*args)
    except (AccessDenied, ValueError, DatabaseUnavailable) as e:
        raise gr.Error(str(e)) from None


# --- stable API (gradio_client) ---------------------------------------------------------

def api_join(name: str, join_code: str) -> dict:
    ident = _guard(identity.join, name, join_code)
    return {"labeler_id": ident.labeler_id, "name": ident.name, "token": ident.token}


def api_next_item(token: str) -> dict:
    return _guard(assignment.next_item, token).to_dict()


def api_submit(token: str, assignment_id: int, choice: str, strength: str, rationale: str, client_id: str) -> dict:
    return _guard(store.submit, token, assignment_id, choice, strength or None, rationale, client_id).to_dict()


def api_skip(token: str, assignment_id: int) -> dict:
    return _guard(assignment.skip, token, assignment_id).to_dict()


def api_undo(token: str) -> dict:
    return _guard(store.undo, token).to_dict()


def api_my_labels(token: str) -> list:
    return _guard(store.my_labels, token)


# --- labeler page ------------------------------------------------------------------------

def _show(served, name: str):
    """Outputs for one served item: (current, progress, prompt, left, right, labeling-visible, message)."""
    progress = f"**{name}** · {served.done} / {served.quota} labelled"
    if served.status != "item":
        return (None, progress, "", "", "", gr.update(visible=False), served.message)
    current = {"assignment_id": served.assignment_id, "client_id": uuid.uuid4().hex}
    return (current, progress, served.prompt, served.left, served.right, gr.update(visible=True), "")


def ui_join(name, code):
    ident = _guard(identity.join, name, code)
    served = _guard(assignment.next_item, ident.token)
    return (ident.token, gr.update(visible=False), gr.update(visible=True)) + _show(served, ident.name)


def ui_resume(token):
    """Reload of the page: the token in this browser's local storage resumes the session."""
    hidden = (None, "", "", "", "", gr.update(visible=False), "")
    if not token:
        return (gr.update(visible=True), gr.update(visible=False)) + hidden
    try:
        ident = identity.whoami(token)
    except AccessDenied:
        return (gr.update(visible=True), gr.update(visible=False)) + hidden
    return (gr.update(visible=False), gr.update(visible=True)) + _show(assignment.next_item(token), ident.name)


def ui_choose(choice, token, current, strength, rationale):
    if not current:
        raise gr.Error("no item is open; reload the page")
    if choice not in ("left", "right"):
        strength = ""
    result = _guard(store.submit, token, current["assignment_id"], choice, strength or None, rationale,
                    current["client_id"])
    served = _guard(assignment.next_item, token)
    name = identity.whoami(token).name
    shown = _show(served, name)
    note = "Saved (already stored)." if result.duplicate else "Saved."
    return shown[:-1] + (shown[-1] or note, "", "")


def ui_skip(token, current):
    if not current:
        raise gr.Error("no item is open")
    served = _guard(assignment.skip, token, current["assignment_id"])
    return _show(served, identity.whoami(token).name)[:-1] + ("Skipped.",)


def ui_undo(token):
    served = _guard(store.undo, token)
    return _show(served, identity.whoami(token).name)[:-1] + ("Your last label was removed: label this item again.",)


def labeler_tab():
    token = gr.BrowserState(None, storage_key="genai-prefs-token")
    current = gr.State(None)
    with gr.Group(visible=True) as join_box:
        gr.Markdown("### Join the labeling session")
        with gr.Row():
            name = gr.Textbox(label="Your name", max_length=40, elem_id="join-name")
            code = gr.Textbox(label="Join code", type="password", elem_id="join-code")
        join_btn = gr.Button("Join", variant="primary", elem_id="btn-join")
    with gr.Column(visible=False) as work_box:
        progress = gr.Markdown(elem_id="prefs-progress")
        message = gr.Markdown(elem_id="prefs-message")
        with gr.Column(visible=False) as item_box:
            gr.Markdown("#### Prompt")
            prompt = gr.Markdown(elem_id="prefs-prompt", container=True)
            with gr.Row(equal_height=True):
                with gr.Column():
                    gr.Markdown("#### Left answer")
                    left = gr.Markdown(elem_id="prefs-left", container=True)
                with gr.Column():
                    gr.Markdown("#### Right answer")
                    right = gr.Markdown(elem_id="prefs-right", container=True)
            with gr.Row():
                b_left = gr.Button("Left better  [1]", variant="primary", elem_id="btn-left")
                b_right = gr.Button("Right better  [2]", variant="primary", elem_id="btn-right")
                b_tie = gr.Button("Tie  [3]", elem_id="btn-tie")
                b_bad = gr.Button("Both bad  [4]", elem_id="btn-bad")
            with gr.Row():
                strength = gr.Radio(STRENGTH_CHOICES, value="", label="How much better? (optional)",
                                    elem_id="prefs-strength")
                rationale = gr.Textbox(label="Rationale (optional)", max_lines=3, elem_id="prefs-rationale")
            with gr.Row():
                b_skip = gr.Button("Skip  [S]", size="sm", elem_id="btn-skip")
        b_undo = gr.Button("Undo last  [U]", size="sm", elem_id="btn-undo")
        gr.Markdown(SHORTCUTS)
    with gr.Accordion("Guidelines", open=True):
        gr.Markdown(GUIDELINES)

    shown = [current, progress, prompt, left, right, item_box, message]
    join_btn.click(ui_join, [name, code], [token, join_box, work_box] + shown, api_visibility="private")
    for btn, choice in ((b_left, "left"), (b_right, "right"), (b_tie, "tie"), (b_bad, "both_bad")):
        btn.click(lambda t, c, s, r, _ch=choice: ui_choose(_ch, t, c, s, r),
                  [token, current, strength, rationale], shown + [strength, rationale],
                  api_visibility="private", concurrency_limit=None)
    b_skip.click(ui_skip, [token, current], shown, api_visibility="private", concurrency_limit=None)
    b_undo.click(ui_undo, [token], shown, api_visibility="private", concurrency_limit=None)
    return token, join_box, work_box, shown


# --- host page ---------------------------------------------------------------------------

def _fmt(v, digits=3):
    return "n/a" if v is None else f"{v:.{digits}f}"


def host_view(admin):
    """Everything the dashboard shows, from core.preferences.stats."""
    from apps.labeling.plots import coverage_plot, labeler_plot, ratings_plot
    from core.preferences.reward import training_job
    from core.preferences.stats import collect

    identity.check_admin(admin)
    st = collect(bootstrap=100)
    c, ag, pb = st["counts"], st["agreement"], st["position_bias"]
    summary = (
        f"**{c['labels']}** labels · **{c['labelers']}** labelers · **{c['items']}** items "
        f"(**{c['items_complete']}** complete at k={c['overlap']}, {c['items_flagged']} held back by safety) · "
        f"{c['open_assignments']} open · {c['skipped']} skipped · "
        f"median **{_fmt(st['median_seconds'], 1)} s** per label\n\n"
        f"**Agreement:** Fleiss κ {_fmt(ag['fleiss_kappa'])} · Krippendorff α {_fmt(ag['krippendorff_alpha'])} · "
        f"mean Cohen κ {_fmt(ag['cohen_kappa_mean'])} over {len(ag['cohen_pairs'])} labeler pairs\n\n"
        f"**Position bias:** the left answer won {_fmt(pb['left_rate'])} of {pb['strict_labels']} strict "
        f"preferences (binomial p = {_fmt(pb['p_value'])}; 0.5 = no bias)"
    )
    gen = worker().status
    job = training_job.state
    status = f"Generation: {gen.prompts_done}/{gen.prompts_total} prompts, {gen.items_added} items added" + (
        " (running)" if gen.running else "") + (f", errors: {gen.errors[-1]}" if gen.errors else "")
    if job["running"]:
        status += "\n\nReward model: training…"
    elif job["result"]:
        r = job["result"]
        status += (f"\n\nReward model: held-out pairwise accuracy **{_fmt(r['heldout_accuracy'])}** on "
                   f"{r['heldout_pairs']} pairs (longer-answer baseline {_fmt(r['length_baseline_accuracy'])}), "
                   f"{r['train_pairs']} training pairs, {r['seconds']:.0f} s, saved to `{r['path']}`")
    elif job["error"]:
        status += f"\n\nReward model: failed: {job['error']}"
    per_labeler = [[n, k] for n, k in st["per_labeler"].items()]
    pairs = [[p["labeler_a"], p["labeler_b"], p["n"], _fmt(p["kappa"])] for p in ag["cohen_pairs"]]
    flagged = ([["prompt", f["prompt_key"], f["prompt"], f["reasons"]] for f in st["flagged_prompts"]]
               + [["item", str(f["item_id"]), f["prompt"], f["reasons"]] for f in st["flagged_items"]])
    return (summary, status, ratings_plot(st["ratings"]), labeler_plot(st["per_labeler"]),
            coverage_plot(st["coverage"]), per_labeler, pairs, flagged)


def ui_host_open(admin):
    try:
        identity.check_admin(admin)
    except AccessDenied as e:
        raise gr.Error(str(e)) from None
    return (admin, gr.update(visible=False), gr.update(visible=True), gr.Timer(active=True)) + host_view(admin)


def ui_host_refresh(admin):
    if not admin:
        return (gr.skip(),) * 8
    return _guard(host_view, admin)


def ui_import(admin, file):
    from core.preferences.importing import import_file

    _guard(identity.check_admin, admin)
    if file is None:
        raise gr.Error("choose a .jsonl or .csv file first")
    result = _guard(import_file, file)
    worker().start()  # prompts without pairs get answers in the background
    return (f"Imported {result.prompts_added} prompts and {result.items_added} pairs "
            f"({result.skipped} already present, {result.flagged} held back by safety).")


def ui_generate(admin):
    _guard(identity.check_admin, admin)
    st = _guard(worker().start)
    return f"Generating pairs for {st.prompts_total} prompts in the background."


def ui_export(admin, fmt, style, ties):
    from core.preferences.export import export

    _guard(identity.check_admin, admin)
    out = Path(tempfile.mkdtemp(prefix="prefs-export-")) / f"preferences-{fmt}.jsonl"
    n = _guard(export, out, fmt, style, ties)
    return str(out), f"Exported {n} rows."


def ui_train(admin):
    from core.preferences.reward import training_job

    _guard(identity.check_admin, admin)
    training_job.start()
    return "Reward model training started in the background; the status above updates."


def ui_score(admin, prompt, response):
    from core.preferences.reward import score

    _guard(identity.check_admin, admin)
    if not (prompt or "").strip() or not (response or "").strip():
        raise gr.Error("enter a prompt and a response to score")
    return f"reward = {_guard(score, prompt, response):.4f}"


def host_tab():
    admin = gr.State("")
    timer = gr.Timer(5.0, active=False)
    with gr.Group(visible=True) as login:
        admin_in = gr.Textbox(label="Admin token", type="password", elem_id="host-token")
        open_btn = gr.Button("Open dashboard", elem_id="btn-host-open")
    with gr.Column(visible=False) as dash:
        summary = gr.Markdown(elem_id="host-summary")
        status = gr.Markdown(elem_id="host-status")
        with gr.Row():
            ratings = gr.Plot(label="Bradley–Terry ratings (95 % bootstrap intervals)")
            per_lab_plot = gr.Plot(label="Labels per labeler")
            coverage = gr.Plot(label="Items by number of labels")
        with gr.Row():
            per_labeler = gr.Dataframe(headers=["labeler", "labels"], label="Labels per labeler",
                                       elem_id="host-per-labeler", interactive=False)
            pairs = gr.Dataframe(headers=["labeler A", "labeler B", "shared items", "Cohen κ"],
                                 label="Pairwise agreement", interactive=False)
        flagged = gr.Dataframe(headers=["kind", "id", "prompt", "reasons"], interactive=False,
                               label="Held back by safety (host only)")
        with gr.Accordion("Data: import, generate, export", open=False):
            with gr.Row():
                upload = gr.File(label="Prompts or pairs (.jsonl / .csv)", file_types=[".jsonl", ".csv"], type="filepath")
                with gr.Column():
                    import_btn = gr.Button("Import")
                    gen_btn = gr.Button("Generate missing pairs (background)")
                    data_msg = gr.Markdown()
            with gr.Row():
                fmt = gr.Radio(["trl", "raw"], value="trl", label="Format")
                style = gr.Radio(["standard", "conversational"], value="standard", label="TRL form")
                ties = gr.Radio(["drop", "kto"], value="drop", label="Ties / both bad")
                export_btn = gr.Button("Export JSONL")
            export_file = gr.File(label="Export", interactive=False)
            export_msg = gr.Markdown()
        with gr.Accordion("Reward model", open=False):
            train_btn = gr.Button("Train reward model (CPU, background)")
            train_msg = gr.Markdown()
            with gr.Row():
                s_prompt = gr.Textbox(label="Prompt")
                s_resp = gr.Textbox(label="Response")
                score_btn = gr.Button("Score")
            score_out = gr.Markdown()
    view = [summary, status, ratings, per_lab_plot, coverage, per_labeler, pairs, flagged]
    open_btn.click(ui_host_open, [admin_in], [admin, login, dash, timer] + view, api_visibility="private")
    timer.tick(ui_host_refresh, [admin], view, api_visibility="private", show_progress="hidden")
    import_btn.click(ui_import, [admin, upload], [data_msg], api_visibility="private")
    gen_btn.click(ui_generate, [admin], [data_msg], api_visibility="private")
    export_btn.click(ui_export, [admin, fmt, style, ties], [export_file, export_msg], api_visibility="private")
    train_btn.click(ui_train, [admin], [train_msg], api_visibility="private")
    score_btn.click(ui_score, [admin, s_prompt, s_resp], [score_out], api_visibility="private")


def build_app() -> gr.Blocks:
    with gr.Blocks(title="Preference labeling") as app:
        gr.Markdown("## Preference labeling: which answer is better?")
        with gr.Tabs():
            with gr.Tab("Label", id="label"):
                token, join_box, work_box, shown = labeler_tab()
            with gr.Tab("Host", id="host"):
                host_tab()
        app.load(ui_resume, [token], [join_box, work_box] + shown, api_visibility="private")
        app.load(None, None, None, js=KEYS_JS)
        gr.HTML(f"<style>{CSS}</style>", visible=False)
        for fn, name in ((api_join, "join"), (api_next_item, "next_item"), (api_submit, "submit"),
                         (api_skip, "skip"), (api_undo, "undo"), (api_my_labels, "my_labels")):
            gr.api(fn, api_name=name, concurrency_limit=None)
    return app


def main() -> None:
    try:
        get_engine()  # a bad GENAI_PREFS_DATABASE_URL stops the start with its reason, not the first click
    except DatabaseUnavailable as e:
        sys.exit(f"error: {e}")
    demo.queue().launch()


# `python apps/labeling/app.py` starts the app alone; `gradio apps/labeling/app.py` reloads it on
# edits (gradio takes the module-level `demo` and re-runs this file, not as __main__, on each edit).
demo = build_app() if __name__ == "__main__" or os.environ.get("GRADIO_WATCH_DIRS") else None

if __name__ == "__main__":
    main()
