"""RLHF preference labeling: labelers compare two answers; the host watches and exports.

Stable API (drive a session with gradio_client):
    /join(name, join_code) -> {"labeler_id", "name", "token", "recovery_code"}  (recovery code: shown once)
    /rejoin(name, recovery_code) -> {"labeler_id", "name", "token"}
    /next_item(token) -> {"status": item|quota|empty, "assignment_id", "prompt", "left", "right", "done", "quota"}
    /submit(token, assignment_id, choice, strength, rationale, client_id) -> {"label_id", "duplicate", "done", "quota"}
    /skip(token, assignment_id), /undo(token), /my_labels(token)
choice is what the labeler saw: left | right | tie | both_bad. Everything is computed in
core.preferences; this file is layout and wiring. Hosted mode (docs/hosting.md): a generated
join code, caps on identities per browser and per address, rate-limited joins, and a Host tab
that appears only once the host token is entered; every host function checks the token itself.
Prompts and answers are untrusted (imported by anyone the host trusted, or model output):
they are shown as escaped text, never as HTML or Markdown.
"""
from __future__ import annotations

import html
import os
import sys
import tempfile
import uuid
from functools import cache
from pathlib import Path

import gradio as gr

from apps import gradio_sessions
from apps.escape import md_literal
from apps.hosting import VISITOR_STORAGE_KEY, new_visitor_id
from apps.labeling.room import desk, join_panel, new_join_code, room
from apps.labeling.tune_tab import tune_section
from core.caches import register_cache
from core.preferences import assignment, identity
from core.preferences import submit as store
from core.preferences.contestants import ASSETS, worker
from core.preferences.dashboard_snapshot import Snapshots, store_version
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
/* fixed-height answer boxes that scroll inside: the buttons stay put whatever the answer length */
#prefs-left, #prefs-right {height: 300px; overflow-y: auto}
/* untrusted text, escaped: keep its line breaks and spaces as written */
.prefs-text {white-space: pre-wrap; overflow-wrap: anywhere; padding: 8px 12px; font-size: var(--text-md)}
"""


def as_text(text: str) -> str:
    """Untrusted text (a prompt, an answer) as HTML that shows it literally: no tag, link, image
    or Markdown of its own survives."""
    return f"<div class='prefs-text'>{html.escape(text or '', quote=True)}</div>"


def _guard(fn, *args):
    """Core errors become gr.Error: the caller sees the message, the app keeps serving."""
    try:
        return fn(*args)
    except (AccessDenied, ValueError, DatabaseUnavailable) as e:
        raise gr.Error(str(e)) from None


def _host(admin, request: gr.Request | None) -> None:
    """Every host function starts here: the host token, checked on the server (rate-limited per
    client address), whatever the page shows, so calling a function directly gains nothing."""
    _guard(identity.check_admin, admin, room().client(request))


def _join(name, code, visitor_id, request: gr.Request | None):
    """A browser joins with its visitor id; an API client, with its connection's session."""
    return _guard(desk().join, name, code, room().visitor(visitor_id, request), room().client(request))


# --- stable API (gradio_client) ---------------------------------------------------------

def api_join(name: str, join_code: str, request: gr.Request) -> dict:
    ident = _join(name, join_code, None, request)
    return {"labeler_id": ident.labeler_id, "name": ident.name, "token": ident.token,
            "recovery_code": ident.recovery_code}


def api_rejoin(name: str, recovery_code: str, request: gr.Request) -> dict:
    ident = _guard(desk().rejoin, name, recovery_code, room().client(request))
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
    progress = f"**{md_literal(name)}** · {served.done} / {served.quota} labelled"
    if served.status != "item":
        return (None, progress, "", "", "", gr.update(visible=False), served.message)
    current = {"assignment_id": served.assignment_id, "client_id": uuid.uuid4().hex}
    return (current, progress, as_text(served.prompt), as_text(served.left), as_text(served.right),
            gr.update(visible=True), "")


def _recovery_note(ident) -> str:
    return (f"Welcome, **{md_literal(ident.name)}**. Your recovery code is **`{ident.recovery_code}`**. Write it down: "
            "with your name it brings you back on another browser or device. It is shown only now.")


def ui_join(name, code, visitor_id, request: gr.Request):
    ident = _join(name, code, visitor_id, request)
    served = _guard(assignment.next_item, ident.token)
    return ((ident.token, gr.update(visible=False), gr.update(visible=True)) + _show(served, ident.name)
            + (_recovery_note(ident),))


def ui_rejoin(name, recovery_code, request: gr.Request):
    ident = _guard(desk().rejoin, name, recovery_code, room().client(request))
    served = _guard(assignment.next_item, ident.token)
    return ((ident.token, gr.update(visible=False), gr.update(visible=True)) + _show(served, ident.name)
            + (f"Welcome back, **{md_literal(ident.name)}**.",))


def ui_resume(token, visitor_id, request: gr.Request):
    """Page load: this browser's visitor id (kept, or made), the join code from a join link
    (?code=...), and the labeler token in local storage resumes the session."""
    visitor_id = new_visitor_id(visitor_id)
    code = (dict(getattr(request, "query_params", None) or {}).get("code") or "")[:40]
    start = (visitor_id, code or gr.skip())
    hidden = (None, "", "", "", "", gr.update(visible=False), "")
    if not token:
        return start + (gr.update(visible=True), gr.update(visible=False)) + hidden
    try:
        ident = identity.whoami(token)
    except AccessDenied:
        return start + (gr.update(visible=True), gr.update(visible=False)) + hidden
    return start + (gr.update(visible=False), gr.update(visible=True)) + _show(assignment.next_item(token), ident.name)


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


SHOWN_NAMES = {"left": "left better", "right": "right better", "tie": "tie", "both_bad": "both bad"}


def ui_undo(token):
    served = _guard(store.undo, token)
    prev = served.previous or {}
    said = SHOWN_NAMES.get(prev.get("choice"), "?") + (f" ({prev['strength']})" if prev.get("strength") else "")
    note = f"Your last label was removed. You had chosen **{said}**"
    note += (": your rationale is back in the box below." if prev.get("rationale") else ".") + " Label this item again."
    shown = _show(served, identity.whoami(token).name)[:-1] + (note,)
    return shown + (prev.get("strength") or "", prev.get("rationale") or "")


def labeler_tab():
    # Both secrets are kept per data folder (Room.browser_state): a restart of the app keeps
    # every labeler's session, as the same identity with the same quota.
    token = room().browser_state("genai-prefs-token")
    visitor = room().browser_state(VISITOR_STORAGE_KEY)
    current = gr.State(None)
    with gr.Column(visible=True) as join_box:
        with gr.Group():
            gr.Markdown("### Join the labeling session")
            with gr.Row():
                name = gr.Textbox(label="Your name", max_length=40, elem_id="join-name")
                code = gr.Textbox(label="Join code", type="password", max_length=40, elem_id="join-code")
            join_btn = gr.Button("Join", variant="primary", elem_id="btn-join")
        with gr.Accordion("Joined before? Rejoin with your recovery code", open=False, elem_id="rejoin-box"):
            with gr.Row():
                re_name = gr.Textbox(label="Your name", max_length=40, elem_id="rejoin-name")
                re_code = gr.Textbox(label="Recovery code", type="password", max_length=40, elem_id="rejoin-code")
            rejoin_btn = gr.Button("Rejoin", elem_id="btn-rejoin")
    with gr.Column(visible=False) as work_box:
        recovery = gr.Markdown(elem_id="prefs-recovery")
        progress = gr.Markdown(elem_id="prefs-progress")
        message = gr.Markdown(elem_id="prefs-message")
        with gr.Column(visible=False) as item_box:
            gr.Markdown("#### Prompt")
            prompt = gr.HTML(elem_id="prefs-prompt", container=True)
            with gr.Row(equal_height=True):
                with gr.Column():
                    gr.Markdown("#### Left answer")
                    left = gr.HTML(elem_id="prefs-left", container=True)
                with gr.Column():
                    gr.Markdown("#### Right answer")
                    right = gr.HTML(elem_id="prefs-right", container=True)
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
    join_btn.click(ui_join, [name, code, visitor], [token, join_box, work_box] + shown + [recovery],
                   api_visibility="private")
    rejoin_btn.click(ui_rejoin, [re_name, re_code], [token, join_box, work_box] + shown + [recovery],
                     api_visibility="private")
    for btn, choice in ((b_left, "left"), (b_right, "right"), (b_tie, "tie"), (b_bad, "both_bad")):
        btn.click(lambda t, c, s, r, _ch=choice: ui_choose(_ch, t, c, s, r),
                  [token, current, strength, rationale], shown + [strength, rationale],
                  api_visibility="private", concurrency_limit=None)
    b_skip.click(ui_skip, [token, current], shown, api_visibility="private", concurrency_limit=None)
    b_undo.click(ui_undo, [token], shown + [strength, rationale], api_visibility="private", concurrency_limit=None)
    return token, visitor, code, join_box, work_box, shown


# --- host page ---------------------------------------------------------------------------

def _fmt(v, digits=3):
    return "n/a" if v is None else f"{v:.{digits}f}"


def _dashboard_parts() -> tuple:
    """The expensive part of the dashboard (every label counted, bootstrap ratings, figures)."""
    from apps.labeling.plots import coverage_plot, labeler_plot, ratings_plot
    from core.preferences.disagreement import disagreements
    from core.preferences.review import held_back
    from core.preferences.stats import collect

    st = collect(bootstrap=100)
    c, ag, pb = st["counts"], st["agreement"], st["position_bias"]
    summary = (
        f"**{c['labels']}** labels · **{c['labelers']}** labelers · **{c['items']}** items "
        f"(**{c['items_complete']}** complete at k={c['overlap']}, {c['items_flagged']} held back by safety) · "
        f"{c['open_assignments']} open · {c['skipped']} skipped · "
        f"median **{_fmt(st['median_seconds'], 1)} s** per label\n\n"
        f"**Agreement:** Fleiss κ {_fmt(ag['fleiss_kappa'])} · Krippendorff α {_fmt(ag['krippendorff_alpha'])} · "
        f"mean Cohen κ {_fmt(ag['cohen_kappa_mean'])} over {len(ag['cohen_pairs'])} labeler pairs"
        + (f" ({ag['note']})" if ag.get("note") else "") + "\n\n"
        f"**Position bias:** the left answer won {_fmt(pb['left_rate'])} of {pb['strict_labels']} strict "
        f"preferences (binomial p = {_fmt(pb['p_value'])}; 0.5 = no bias)"
    )
    per_labeler = [[n, k] for n, k in st["per_labeler"].items()]
    pairs = [[p["labeler_a"], p["labeler_b"], p["n"], _fmt(p["kappa"])] for p in ag["cohen_pairs"]]
    flagged = [[f["kind"], str(f["id"]), f["prompt"], f["answer_a"], f["answer_b"], f["reasons"]] for f in held_back()]
    split = [[d["item_id"], d["prompt"], f"{100 * d['majority_share']:.0f} %",
              "\n".join(f"{v['labeler']}: {v['choice']}" + (f" ({v['strength']})" if v["strength"] else "")
                        + (f" — {v['rationale']}" if v["rationale"] else "") for v in d["votes"])]
             for d in disagreements()]
    return (summary, ratings_plot(st["ratings"]), labeler_plot(st["per_labeler"]), coverage_plot(st["coverage"]),
            per_labeler, pairs, flagged, split)


@cache
def dashboard() -> Snapshots:
    """One per process, shared by every host tab (core/preferences/dashboard_snapshot.py says why)."""
    from core.preferences.db import database_url

    return Snapshots(compute=_dashboard_parts, version=store_version, scope=database_url)


register_cache("host dashboard snapshots", lambda: dashboard().clear())


def _job_status() -> str:
    """Generation and reward training: cheap, so always current."""
    from core.preferences.reward import training_job

    gen = worker().status
    job = training_job.state
    status = f"Generation: {gen.prompts_done}/{gen.prompts_total} prompts, {gen.items_added} items added" + (
        " (running)" if gen.running else "") + (f", errors: {gen.errors[-1]}" if gen.errors else "")
    if job["running"]:
        status += "\n\nReward model: training…"
    elif job["result"]:
        r = job["result"]
        verdict = ("" if r.get("trusted") else f"**Not trained yet:** {r.get('warning')}. ")
        status += (f"\n\nReward model: {verdict}held-out pairwise accuracy **{_fmt(r['heldout_accuracy'])}** on "
                   f"{r['heldout_pairs']} pairs (95 % interval {_fmt(r.get('heldout_low'))}–{_fmt(r.get('heldout_high'))}; "
                   f"longer-answer baseline {_fmt(r['length_baseline_accuracy'])}), "
                   f"{r['train_pairs']} training pairs, {r['seconds']:.0f} s, saved to `{r['path']}`")
    elif job["error"]:
        status += f"\n\nReward model: failed: {job['error']}"
    return status


def host_view(admin, client: str = "local", force: bool = False):
    """Everything the dashboard shows; the counted part at most every few seconds unless `force`."""
    identity.check_admin(admin, client)
    summary, *rest = dashboard().get(force=force).value
    return (summary, _job_status(), *rest)


def ui_host_open(admin, request: gr.Request):
    """The right token opens the dashboard, and (hosted mode) reveals the Host tab and selects it."""
    _host(admin, request)
    shown = (admin, gr.update(visible=False), gr.update(visible=True), gr.Timer(active=True),
             gr.update(visible=True), gr.update(selected="host"))
    return shown + host_view(admin, room().client(request), force=True) + room_view(admin, request)


def ui_host_refresh(admin, request: gr.Request):
    if not admin:
        return (gr.skip(),) * 9
    return _guard(host_view, admin, room().client(request))


def _pick_choices(queue_rows) -> list[str]:
    return [f"{kind} {entry_id}" for kind, entry_id, *_ in queue_rows]


def room_view(admin, request: gr.Request | None):
    """The room section: the join panel, the caps and overlap in force, the review queue picker."""
    from core.config import get_settings
    from core.preferences.review import held_back
    from core.preferences.room_settings import room_values

    _host(admin, request)
    p = get_settings().prefs
    values = room_values({"labelers_per_browser": p.labelers_per_browser,
                          "labelers_per_client": p.labelers_per_client, "overlap": p.overlap})
    picks = [f"{e['kind']} {e['id']}" for e in held_back()]
    return (join_panel(request), values["labelers_per_browser"], values["labelers_per_client"], values["overlap"],
            gr.update(choices=picks, value=picks[0] if picks else None))


def ui_review(action, admin, pick, request: gr.Request):
    """Release or drop the picked held-back entry, then redraw the queue."""
    from core.preferences import review

    _host(admin, request)
    kind, _, entry_id = str(pick or "").partition(" ")
    if not entry_id:
        raise gr.Error("pick an entry of the review queue first")
    msg = _guard(review.release if action == "release" else review.drop, kind, entry_id)
    return (msg,) + _guard(host_view, admin, room().client(request), True) + room_view(admin, request)


def ui_release(admin, pick, request: gr.Request):
    return ui_review("release", admin, pick, request)


def ui_drop(admin, pick, request: gr.Request):
    return ui_review("drop", admin, pick, request)


def ui_room_save(admin, per_browser, per_client, overlap, request: gr.Request):
    from core.preferences.room_settings import set_room_values

    _host(admin, request)
    _guard(set_room_values, {"labelers_per_browser": per_browser, "labelers_per_client": per_client,
                             "overlap": overlap})
    return "Saved: new joins and newly served items follow these values now."


def ui_new_code(admin, request: gr.Request):
    _host(admin, request)
    new_join_code()
    return join_panel(request)


def ui_import(admin, file, request: gr.Request = None):
    from core.preferences.importing import import_file

    _host(admin, request)
    if file is None:
        raise gr.Error("choose a .jsonl or .csv file first")
    result = _guard(import_file, file)
    worker().start()  # prompts without pairs get answers in the background
    return (f"Imported {result.prompts_added} prompts and {result.items_added} pairs "
            f"({result.skipped} already present, {result.flagged} held back by safety).")


def ui_generate(admin, request: gr.Request = None):
    _host(admin, request)
    st = _guard(worker().start)
    return f"Generating pairs for {st.prompts_total} prompts in the background."


def ui_export(admin, fmt, style, ties, request: gr.Request = None):
    from core.preferences.export import export

    _host(admin, request)
    out = Path(tempfile.mkdtemp(prefix="prefs-export-")) / f"preferences-{fmt}.jsonl"
    n = _guard(export, out, fmt, style, ties)
    return str(out), f"Exported {n} rows."


def ui_train(admin, request: gr.Request = None):
    from core.preferences.reward import training_job

    _host(admin, request)
    room().limit("train", "host:" + room().client(request))
    training_job.start()
    return "Reward model training started in the background; the status above updates."


def ui_score(admin, prompt, response, request: gr.Request = None):
    from core.preferences.reward import score

    _host(admin, request)
    if not (prompt or "").strip() or not (response or "").strip():
        raise gr.Error("enter a prompt and a response to score")
    return f"reward = {_guard(score, prompt, response):.4f}"


def host_login():
    with gr.Group(visible=True) as login:
        admin_in = gr.Textbox(label="Host token", type="password", elem_id="host-token")
        open_btn = gr.Button("Open dashboard", elem_id="btn-host-open")
    return login, admin_in, open_btn


def room_section(admin):
    """Join code, link and QR code; caps and overlap; the review queue of held-back items."""
    with gr.Accordion("Room: join code, limits, review queue", open=True, elem_id="host-room"):
        join_html = gr.HTML(elem_id="host-join-panel")
        new_code_btn = gr.Button("New join code", size="sm", elem_id="btn-new-code",
                                 visible=room().hosted)
        with gr.Row():
            per_browser = gr.Number(label="Labelers per browser (0 = no cap)", precision=0, elem_id="room-per-browser")
            per_client = gr.Number(label="Labelers per network address (0 = no cap)", precision=0,
                                   elem_id="room-per-client")
            overlap = gr.Number(label="Labelers per item (overlap)", precision=0, elem_id="room-overlap")
            save_btn = gr.Button("Save", elem_id="btn-room-save")
        room_msg = gr.Markdown(elem_id="room-msg")
        gr.Markdown("**Review queue:** prompts and answers the safety layer held back (with the scanner and "
                    "score that held them). Release one to serve it to labelers, or drop it.")
        flagged = gr.Dataframe(headers=["kind", "id", "prompt", "answer A", "answer B", "held back because"],
                               interactive=False, wrap=True, label="Held back by safety (host only)",
                               elem_id="host-review")
        with gr.Row():
            pick = gr.Dropdown(choices=[], label="Entry", elem_id="review-pick")
            release_btn = gr.Button("Release to labelers", elem_id="btn-review-release")
            drop_btn = gr.Button("Drop", variant="stop", elem_id="btn-review-drop")
    room_out = [join_html, per_browser, per_client, overlap, pick]
    save_btn.click(ui_room_save, [admin, per_browser, per_client, overlap], [room_msg], api_visibility="private")
    new_code_btn.click(ui_new_code, [admin], [join_html], api_visibility="private")
    return flagged, room_out, pick, room_msg, release_btn, drop_btn


def host_tab(login_parts, host_tab_item, tabs):
    login, admin_in, open_btn = login_parts
    admin = gr.State("")
    timer = gr.Timer(5.0, active=False)
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
        flagged, room_out, pick, room_msg, release_btn, drop_btn = room_section(admin)
        split = gr.Dataframe(headers=["item", "prompt", "majority", "labels and rationales"], interactive=False,
                             wrap=True, label="Disagreements: items the labelers split on, with their rationales",
                             elem_id="host-disagreements")
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
        tune_section(admin, timer)
    view = [summary, status, ratings, per_lab_plot, coverage, per_labeler, pairs, flagged, split]
    open_btn.click(ui_host_open, [admin_in], [admin, login, dash, timer, host_tab_item, tabs] + view + room_out,
                   api_visibility="private")
    for btn, fn in ((release_btn, ui_release), (drop_btn, ui_drop)):
        btn.click(fn, [admin, pick], [room_msg] + view + room_out, api_visibility="private")
    timer.tick(ui_host_refresh, [admin], view, api_visibility="private", show_progress="hidden")
    import_btn.click(ui_import, [admin, upload], [data_msg], api_visibility="private")
    gen_btn.click(ui_generate, [admin], [data_msg], api_visibility="private")
    export_btn.click(ui_export, [admin, fmt, style, ties], [export_file, export_msg], api_visibility="private")
    train_btn.click(ui_train, [admin], [train_msg], api_visibility="private")
    score_btn.click(ui_score, [admin, s_prompt, s_resp], [score_out], api_visibility="private")


def build_app() -> gr.Blocks:
    gradio_sessions.install()  # a session's copy of the page stays its size (#15)
    hosted = room().hosted
    # Uploads (host imports) past the limit are refused by Gradio; its upload cache is emptied
    # hourly of files older than an hour, and at every start.
    with gr.Blocks(title="Preference labeling", delete_cache=(3600, 3600)) as app:
        gr.Markdown("## Preference labeling: which answer is better?")
        with gr.Tabs() as tabs:
            with gr.Tab("Label", id="label"):
                token, visitor, code, join_box, work_box, shown = labeler_tab()
            # Hosted: the Host tab stays hidden until the host token is entered below the page.
            with gr.Tab("Host", id="host", visible=not hosted) as host_item:
                login_parts = None if hosted else host_login()
                dash_slot = gr.Column()
        if hosted:
            with gr.Accordion("Host sign-in", open=False, elem_id="host-signin"):
                login_parts = host_login()
        with dash_slot:
            host_tab(login_parts, host_item, tabs)
        app.load(ui_resume, [token, visitor], [visitor, code, join_box, work_box] + shown, api_visibility="private",
                 show_progress="hidden")
        app.load(None, None, None, js=KEYS_JS)
        gr.HTML(f"<style>{CSS}</style>", visible=False)
        for fn, name in ((api_join, "join"), (api_rejoin, "rejoin"), (api_next_item, "next_item"),
                         (api_submit, "submit"), (api_skip, "skip"), (api_undo, "undo"), (api_my_labels, "my_labels")):
            gr.api(fn, api_name=name, concurrency_limit=None)
    return app


def upload_limit() -> int:
    """Gradio's max_file_size (bytes): only the host uploads (imports), so the smaller of the two
    limits, GENAI_MAX_FILE_MB and GENAI_PREFS_MAX_IMPORT_MB."""
    from core.config import get_settings

    s = get_settings()
    return room().max_file_size(min(s.apps.max_file_mb, s.prefs.max_import_mb))


def main() -> None:
    try:
        get_engine()  # a bad GENAI_PREFS_DATABASE_URL stops the start with its reason, not the first click
    except DatabaseUnavailable as e:
        sys.exit(f"error: {e}")
    demo.queue().launch(max_file_size=upload_limit())


# `python apps/labeling/app.py` starts the app alone; `gradio apps/labeling/app.py` reloads it on
# edits (gradio takes the module-level `demo` and re-runs this file, not as __main__, on each edit).
demo = build_app() if __name__ == "__main__" or os.environ.get("GRADIO_WATCH_DIRS") else None

if __name__ == "__main__":
    main()
