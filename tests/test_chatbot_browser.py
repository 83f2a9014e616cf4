"""Chromium clicks through the chatbot: upload a file, ingest it, ask, see a cited answer."""
from __future__ import annotations

import pytest
from net_helpers import free_port


@pytest.fixture
def chatbot_url(data_dir, monkeypatch):
    from apps.chatbot.app import build_app
    from core.config import reset_settings

    monkeypatch.setenv("GENAI_LLM_MAX_NEW_TOKENS", "24")  # a short answer is enough to see it cited
    reset_settings()

    demo = build_app().queue()
    port = free_port(8500, 8600)
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, quiet=True)
    yield f"http://127.0.0.1:{port}"
    demo.close()


@pytest.mark.browser
@pytest.mark.slow
def test_upload_ask_and_see_cited_answer(page, chatbot_url, tmp_path):
    doc = tmp_path / "ferry_timetable.md"
    doc.write_text("# Ferry timetable\n\nThe ferry to Skerrit Island leaves at 7:15 every morning "
                   "from pier four. Tickets cost 12 euros.\n", encoding="utf-8")
    page.goto(chatbot_url)
    page.locator("#collection input").fill("ferries")
    page.locator("#collection input").press("Enter")
    page.locator("#upload input[type=file]").set_input_files(str(doc))
    page.get_by_text("ferry_timetable.md").first.wait_for(timeout=30_000)
    page.locator("#ingest").click()
    page.locator("#ingest-status").get_by_text("ferry_timetable.md — added").wait_for(timeout=180_000)
    page.locator("#question textarea").fill("When does the ferry leave?")
    page.locator("#ask").click()
    chat = page.locator("#chat")
    try:
        chat.get_by_text("Sources").wait_for(timeout=400_000)
    finally:
        page.screenshot(path=str(tmp_path / "chatbot-answer.png"), full_page=True)
    text = chat.inner_text()
    assert "[1]" in text and "ferry_timetable.md" in text
    page.screenshot(path=str(tmp_path / "chatbot.png"), full_page=True)
    # picking the citation shows the passage in context
    page.locator("#cite-pick label").first.click()
    page.get_by_text("pier four").last.wait_for(timeout=30_000)
