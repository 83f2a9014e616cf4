"""Host page, "Tune & compare": train a tuned chat model from the room's labels, then let the
same room judge it blind against the base model. Layout and wiring only: the work happens
in core.preferences (policy_train, policy_job, compare) in a child process.
"""
from __future__ import annotations

import html

import gradio as gr

from core.preferences import identity
from core.preferences.identity import AccessDenied

HISTORY_HEADERS = ["run", "method", "status", "pairs", "step", "loss", "seconds", "data hash"]
SAMPLE_HEADERS = ["prompt", "base model", "tuned model"]


def _job():
    from core.config import get_settings
    from core.preferences.policy_job import job_for

    s = get_settings()
    return job_for(s.data_dir, threads=s.prefs.policy_threads)


def _check(admin, request: gr.Request | None):
    from apps.labeling.room import room

    try:
        identity.check_admin(admin, room().client(request))
    except AccessDenied as e:
        raise gr.Error(str(e)) from None


def ui_train(admin, method, max_steps, request: gr.Request = None):
    from apps.labeling.room import room
    from core.config import get_settings
    from core.preferences.export import trl_rows

    _check(admin, request)
    room().limit("train", "host:" + room().client(request))
    steps = int(max_steps or 0)
    if steps < 0:
        raise gr.Error("max steps must be 0 (one full pass over the labels) or a positive number")
    rows = trl_rows("standard", "drop", margin=False, include_compare=False)
    try:
        run = _job().start_training(rows, method, get_settings().models.llm_model, max_steps=steps if steps > 0 else -1)
    except ValueError as e:
        raise gr.Error(str(e)) from None
    return f"Training run `{run['id']}` started on {run['pairs']} preference pairs (in the background)."


def ui_cancel(admin, request: gr.Request = None):
    _check(admin, request)
    return _job().cancel().capitalize() + "."


def ui_compare(admin, run_id, n_prompts, request: gr.Request = None):
    _check(admin, request)
    if not run_id:
        raise gr.Error("choose a finished run to compare")
    n = int(n_prompts or 0)
    if not 1 <= n <= 200:
        raise gr.Error("held-out prompts must be between 1 and 200")
    try:
        _job().start_compare(run_id, limit=n)
    except ValueError as e:
        raise gr.Error(str(e)) from None
    return (f"Comparing `{run_id}` with the base model: answering held-out prompts; the blind pairs "
            "reach the labelers in a minute or two.")


def _progress_html(run: dict | None, job_status: dict) -> str:
    if run is None:
        return "<div id='tune-progress'>No training run yet.</div>"
    p = run.get("progress") or {}
    step, total = int(p.get("step") or 0), p.get("max_steps")
    value = f"value='{step}' max='{int(total)}'" if total else ""
    loss = p.get("loss")
    text = (f"Run {run['id']}: {run['status']} · stage {p.get('stage', '?')} · step {step}"
            + (f" / {int(total)}" if total else "") + (f" · loss {loss:.3f}" if isinstance(loss, float) else ""))
    if run.get("error"):
        text += f" · error: {run['error']}"
    if job_status.get("kind") == "compare" and job_status.get("busy"):
        text += f" · comparing {job_status['run_id']}…"
    elif job_status.get("error"):
        text += f" · {job_status['error']}"
    return (f"<div id='tune-progress'><progress style='width:100%' {value}></progress>"
            f"<div>{html.escape(text)}</div></div>")


def _fmt(v, digits=3):
    return "n/a" if v is None else f"{v:.{digits}f}"


def _compare_md(run_id: str | None, data_dir) -> tuple[str, list]:
    from core.preferences.compare import blind_results, load_report

    if not run_id:
        return "Train a run, then compare it with the base model.", []
    try:
        report = load_report(data_dir, run_id)
    except ValueError:
        return "", []
    blind = blind_results(run_id, bootstrap=100)
    lines = []
    w = blind["tuned_win_rate"]
    if blind["labels"]:
        lines.append(f"**Blind verdict of the room** on `{run_id}`: the tuned model won "
                     f"**{_fmt(w['win_rate'])}** of {w['n']} judgements (ties count half; 95 % interval "
                     f"{_fmt(w['low'])}–{_fmt(w['high'])}; {w['wins']} wins, {w['ties']} ties, {w['losses']} losses, "
                     f"{blind['both_bad']} both bad).")
        pb = blind["position_bias"]
        lines.append(f"Position bias on these pairs: the left answer won {_fmt(pb['left_rate'])} of "
                     f"{pb['strict_labels']} strict preferences (p = {_fmt(pb['p_value'])}; 0.5 = none).")
        for r in blind["ratings"]:
            lines.append(f"- Bradley–Terry `{r['contestant']}`: {r['rating']:.0f} [{r['low']:.0f}, {r['high']:.0f}]")
        if w["low"] is not None and w["low"] <= 0.5 <= w["high"]:
            lines.append("The interval still contains 0.5: not enough labels yet to say the tuned model is better or worse.")
    elif blind["published"]:
        lines.append(f"Blind pairs for `{run_id}` are being served to the labelers; no labels on them yet.")
    if report:
        kl, pp, rm = report["kl_to_base"], report["perplexity"], report["reward_model"]
        lines.append(f"**Automatic figures** on {report['prompts']} held-out prompts: KL(tuned‖base) "
                     f"{_fmt(kl['kl_per_token'], 4)} nats/token ({_fmt(kl['kl_per_answer'], 2)} per answer); "
                     f"perplexity on ordinary text {pp['base']:.2f} → {pp['tuned']:.2f} ({100 * pp['rise']:+.1f} %).")
        if rm.get("available"):
            lines.append(f"Reward-model score {rm['base']:.3f} → {rm['tuned']:.3f} (shift {rm['shift']:+.3f}; "
                         f"tuned higher on {100 * rm['tuned_higher']:.0f} % of prompts).")
        else:
            lines.append(f"Reward-model score shift: n/a ({rm.get('reason')}).")
        samples = [[s["prompt"], s["base"], s["tuned"]] for s in report["samples"][:8]]
    else:
        samples = []
    return "\n\n".join(lines), samples


def tune_view(admin, chosen_run, client: str = "local"):
    """Progress, history, run choices and the comparison, for the timer and after each action."""
    from core.config import get_settings
    from core.preferences.policy_runs import list_runs

    identity.check_admin(admin, client)
    data_dir = get_settings().data_dir
    runs = list_runs(data_dir)
    job = _job()
    current = next((r for r in runs if r["id"] == job.run_id), runs[0] if runs else None)
    history = [[r["id"], r.get("method"), r.get("status"), r.get("pairs"), (r.get("progress") or {}).get("step"),
                _fmt((r.get("metrics") or {}).get("dpo_loss")), (r.get("metrics") or {}).get("train_seconds"),
                (r.get("data_hash") or "")[:12]] for r in runs]
    done = [r["id"] for r in runs if r.get("status") == "done"]
    chosen = chosen_run if chosen_run in done else (done[0] if done else None)
    md, samples = _compare_md(chosen, data_dir)
    return (_progress_html(current, job.status()), history, gr.update(choices=done, value=chosen), md, samples)


def tune_section(admin: gr.State, timer: gr.Timer) -> None:
    with gr.Accordion("Tune & compare: a tuned chat model from these labels", open=True):
        gr.Markdown("Train the chat model on the room's preferences (DPO with a LoRA adapter, on this CPU; "
                    "the base model is never overwritten), then let the same labelers judge it **blind** against "
                    "the base model on prompts it never saw. Ties and 'both bad' labels are left out of training.")
        with gr.Row():
            method = gr.Radio([("DPO", "dpo"), ("SFT warm-up, then DPO", "sft-dpo")], value="dpo", label="Method",
                              elem_id="tune-method")
            max_steps = gr.Number(value=0, precision=0, label="Max steps (0 = one pass over the labels)",
                                  elem_id="tune-max-steps")
            train_btn = gr.Button("Train a tuned model from these labels", variant="primary", elem_id="btn-tune-train")
            cancel_btn = gr.Button("Cancel", elem_id="btn-tune-cancel")
        progress = gr.HTML(elem_id="tune-progress-box")
        msg = gr.Markdown(elem_id="tune-msg")
        history = gr.Dataframe(headers=HISTORY_HEADERS, label="Run history", interactive=False, elem_id="tune-history")
        with gr.Row():
            run_pick = gr.Dropdown(choices=[], label="Finished run", elem_id="tune-run-pick")
            n_prompts = gr.Number(value=40, precision=0, label="Held-out prompts", elem_id="tune-n-prompts")
            compare_btn = gr.Button("Compare with the base model (blind pairs to labelers)", elem_id="btn-tune-compare")
        compare_md = gr.Markdown(elem_id="tune-compare")
        samples = gr.Dataframe(headers=SAMPLE_HEADERS, label="Sample answers side by side", interactive=False,
                               wrap=True, elem_id="tune-samples")
    view = [progress, history, run_pick, compare_md, samples]

    def refresh(a, chosen, request: gr.Request):
        from apps.labeling.room import room

        if not a:
            return (gr.skip(),) * len(view)
        try:
            return tune_view(a, chosen, room().client(request))
        except AccessDenied as e:
            raise gr.Error(str(e)) from None

    timer.tick(refresh, [admin, run_pick], view, api_visibility="private", show_progress="hidden")
    train_btn.click(ui_train, [admin, method, max_steps], [msg], api_visibility="private").then(
        refresh, [admin, run_pick], view, api_visibility="private")
    cancel_btn.click(ui_cancel, [admin], [msg], api_visibility="private").then(
        refresh, [admin, run_pick], view, api_visibility="private")
    compare_btn.click(ui_compare, [admin, run_pick, n_prompts], [msg], api_visibility="private")
    run_pick.input(refresh, [admin, run_pick], view, api_visibility="private")
