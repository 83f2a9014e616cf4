"""The RLHF loop in Chromium: a labeler labels, the host trains a tuned model from those labels
(a child process, on a tiny random Llama so it takes seconds), publishes a blind comparison,
the labeler judges base-vs-tuned pairs without knowing which is which, and the host sees the verdict."""
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from policy_helpers import tiny_llama
from prefs_helpers import running_labeling_app

SHOTS = os.environ.get("PREFS_SCREENSHOTS")  # folder to save screenshots in, when set


def _shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.slow
def test_label_train_compare(browser, tmp_path, monkeypatch):
    from core.config import reset_settings

    monkeypatch.setenv("GENAI_LLM_MODEL", str(tiny_llama()))
    monkeypatch.setenv("GENAI_PREFS_OVERLAP", "1")
    reset_settings()
    with running_labeling_app(tmp_path, monkeypatch, 10) as url:
        lab_ctx, host_ctx = (browser.new_context(viewport={"width": 1280, "height": 1000}) for _ in range(2))
        try:
            ann, host = lab_ctx.new_page(), host_ctx.new_page()
            ann.goto(url)
            ann.locator("#join-name").get_by_role("textbox").fill("ann")
            ann.locator("#join-code").locator("input, textarea").first.fill("studio")
            ann.locator("#btn-join").click()
            ann.get_by_text("ann · 0 / 20 labelled").wait_for(timeout=120000)  # a loaded CPU: be patient
            for n in range(1, 9):  # 8 strict preferences: the least a run accepts
                ann.get_by_text(f"ann · {n - 1} / 20 labelled").wait_for(timeout=60000)
                ann.locator("#btn-left").click()
            ann.get_by_text("ann · 8 / 20 labelled").wait_for(timeout=60000)

            host.goto(url)
            host.get_by_role("tab", name="Host").click()
            host.locator("#host-token").locator("input, textarea").first.fill("host-secret")
            host.locator("#btn-host-open").click()
            host.locator("#host-summary").get_by_text(re.compile(r"8\s*labels")).wait_for(timeout=30000)
            host.locator("#tune-max-steps").locator("input").fill("1")
            host.locator("#btn-tune-train").click()
            expect(host.locator("#tune-msg")).to_contain_text("started on 8 preference pairs", timeout=30000)
            progress = host.locator("#tune-progress-box")
            expect(progress).to_contain_text(re.compile(r": done · stage done · step 1 / 1"), timeout=300000)
            expect(host.locator("#tune-history")).to_contain_text("done")

            host.locator("#tune-n-prompts").locator("input").fill("4")  # a quick comparison
            host.locator("#btn-tune-compare").click()
            expect(host.locator("#tune-msg")).to_contain_text("Comparing", timeout=30000)
            expect(host.locator("#tune-compare")).to_contain_text("Blind pairs", timeout=300000)
            # the pairs are published a moment before the report is saved: the next refresh shows it
            expect(host.locator("#tune-compare")).to_contain_text("KL(tuned‖base)", timeout=60000)
            expect(host.locator("#tune-samples")).to_contain_text("base model")

            # back on the labeling page, the next items are the blind base-vs-tuned pairs
            ann.reload()
            heldout = {line.split('"prompt": "')[1].split('"')[0] for line in
                       (Path(__file__).resolve().parents[1] / "assets/labeling/heldout_prompts.jsonl").read_text().splitlines()}
            # the item ann already had open stays hers; the blind pairs come right after it
            ann.get_by_text("ann · 8 / 20 labelled").wait_for(timeout=60000)
            assert ann.locator("#prefs-prompt").inner_text().strip() not in heldout
            ann.locator("#btn-left").click()
            for n in (10, 11):
                ann.get_by_text(f"ann · {n - 1} / 20 labelled").wait_for(timeout=60000)
                assert ann.locator("#prefs-prompt").inner_text().strip() in heldout
                ann.locator("#btn-right").click()
            ann.get_by_text("ann · 11 / 20 labelled").wait_for(timeout=60000)

            verdict = host.locator("#tune-compare")
            expect(verdict).to_contain_text(re.compile(r"won \S+ of 2 judgements"), timeout=60000)
            expect(verdict).to_contain_text("Position bias on these pairs")
            expect(verdict).to_contain_text("not enough labels yet")  # 2 labels: the interval spans 0.5
            _shot(host, "host-tune")
        finally:
            from core.config import get_settings
            from core.preferences.policy_job import job_for

            job_for(get_settings().data_dir).stop()  # no child outlives the test
            lab_ctx.close()
            host_ctx.close()
