"""RAG chatbot: upload documents, ask questions, get streamed answers citing their passages.

Layout and wiring only; ingestion, search, prompts and the chain live in core/retrieval.
Nothing loads at import or build time; when run as the app, the embedder, chat model and safety
scanners load in a background thread at start (core/warm_up.py).
"""
from __future__ import annotations

import html
import logging
import os
import time
from pathlib import Path

import gradio as gr

from apps import gradio_sessions
from apps.chatbot import access
from apps.escape import md_literal
from apps.hosting import Room, new_visitor_id
from core.config import get_settings

log = logging.getLogger(__name__)

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "assets" / "rag_corpus"
DEFAULT_COLLECTION = "sample"
# A streamed answer is sent at most this often, and only the chat changes meanwhile: every
# update is serialised and diffed for each visitor on the server's one event loop, which with
# ten visitors streaming took a quarter of the app's CPU beside the model (py-spy).
STREAM_EVERY_S = 0.15
PROMPT_MODES = [("Zero-shot", "zero_shot"), ("Few-shot", "few_shot"), ("Chain-of-thought", "chain_of_thought")]


def _room() -> Room:
    return Room.for_app()


def _collections(visitor_key: str = "") -> list:
    return access.choices(_room(), visitor_key)


def _open(name: str):
    from core.retrieval.collection import open_collection

    try:
        return open_collection((name or "").strip())
    except ValueError as e:
        raise gr.Error(str(e)) from None


def _target(collection, visitor_id, request, token=None, write: bool = False, action: str = ""):
    """(visitor key, resolved collection) for reading, or with write=True for changing; `action`
    counts against that action's rate limit."""
    room = _room()
    key = room.visitor(visitor_id, request)
    resolved = access.resolve(room, collection, key)
    if write:
        access.require_writable(room, resolved, token, request)
    if action:
        room.limit(action, key)
    return key, resolved


def _open_existing(target):
    """A collection to read: one that holds documents (reading never creates one)."""
    from core.retrieval.collection import list_collection_names

    if target.name not in list_collection_names() or _open(target.name).count() == 0:
        raise gr.Error(f"Collection '{target.shown}' has no documents yet: upload files or load the sample corpus.")
    return _open(target.name)


def _doc_rows(col) -> list[list]:
    return [[n, d["kind"], d["chunks"], d["pages"], d["ingested_at"]] for n, d in sorted(col.documents().items())]


def _doc_updates(col):
    names = sorted(col.documents())
    return (_doc_rows(col), gr.update(choices=names, value=None), gr.update(choices=names, value=[]))


def ingest(files, collection, chunk_size, chunk_overlap, visitor_id=None, host_token=None, reports=None,
           request: gr.Request = None, progress=gr.Progress()):
    """Ingest uploaded files; returns (status markdown, documents table, delete choices, filter choices)."""
    if not files:
        raise gr.Error("Choose one or more files to upload first; a file still uploading counts once its name "
                       "shows in the upload box.")
    key, target = _target(collection, visitor_id, request, host_token, write=True, action="ingest")
    access.check_room_for(_room(), target, key)
    col = _open(target.name)
    if int(chunk_overlap) >= int(chunk_size):
        raise gr.Error(f"The overlap ({int(chunk_overlap)}) must be smaller than the chunk size ({int(chunk_size)}).")
    paths = [Path(f if isinstance(f, str) else f.name) for f in files]
    try:
        report = col.ingest([(p, p.name) for p in paths], progress=lambda f, d: progress(f, desc=d),
                            chunk_size=int(chunk_size), chunk_overlap=int(chunk_overlap))
    finally:
        _discard_uploads(paths)
    # the upload box is emptied, so the next ingest doesn't send these files again
    return (*_reported(report, reports), *_doc_updates(col), gr.update(choices=_collections(key), value=col.name),
            None)


def _discard_uploads(paths: list[Path]) -> None:
    """Uploads are read once: remove them from Gradio's cache, accepted or refused."""
    from gradio.utils import get_upload_folder

    cache = Path(get_upload_folder()).resolve()
    for p in paths:
        try:
            if Path(p).resolve().is_relative_to(cache):  # never a path outside the upload cache
                Path(p).unlink(missing_ok=True)
        except OSError:
            pass


def ingest_sample(collection, chunk_size, chunk_overlap, visitor_id=None, host_token=None, reports=None,
                  request: gr.Request = None, progress=gr.Progress()):
    key, target = _target(collection, visitor_id, request, host_token, write=True, action="ingest")
    access.check_room_for(_room(), target, key)
    col = _open(target.name)
    files = sorted(p for p in SAMPLE_DIR.iterdir() if p.is_file())
    report = col.ingest(files, progress=lambda f, d: progress(f, desc=d),
                        chunk_size=int(chunk_size), chunk_overlap=int(chunk_overlap))
    return (*_reported(report, reports), *_doc_updates(col), gr.update(choices=_collections(key), value=col.name))


def _report_md(report) -> str:
    from core.retrieval.private_collections import shown_name

    lines = [f"**{report.chunks_added} chunk(s) added to {md_literal(shown_name(report.collection))}** "
             f"in {report.seconds:.1f} s"]
    for f in report.files:
        detail = md_literal(f.message) if f.message else f"{f.chunks} chunk(s)"
        status = f"**{f.status.upper()}**" if f.status == "error" else f.status
        lines.append(f"- {md_literal(f.name)} — {status}: {detail}")
    return "\n".join(lines)


def _reported(report, reports: dict | None) -> tuple[str, dict]:
    """The ingest report, shown now and kept per collection for this browser session: the ingest's
    own update of the collection box (a private name resolved) triggers switch_collection next."""
    md = _report_md(report)
    return md, {**(reports or {}), report.collection: md}


def switch_collection(collection, visitor_id=None, reports=None, request: gr.Request = None):
    """Show a collection's documents (and this session's last ingest report for it); a new name
    is only created when files are ingested into it."""
    from core.retrieval.collection import list_collection_names

    _, target = _target(collection, visitor_id, request)
    if target.name in list_collection_names():
        docs = _doc_updates(_open(target.name))
        status = (reports or {}).get(target.name, "") if target.private or not _room().hosted else (
            f"{md_literal(target.shown)} is shared: ask questions about it, or type a new name above to "
            "make a private collection of your own documents.")
    else:
        docs = ([], gr.update(choices=[], value=None), gr.update(choices=[], value=[]))
        status = f"{md_literal(target.shown)} is a new, empty collection: upload files or load the sample corpus."
    return (status, *docs, [], "", {}, gr.update(choices=[], value=None), "", "")


def delete_document(collection, name, visitor_id=None, host_token=None, request: gr.Request = None):
    _, target = _target(collection, visitor_id, request, host_token, write=True, action="ingest")
    col = _open(target.name)
    if not name:
        raise gr.Error("Pick a document to delete.")
    try:
        n = col.delete(name)
    except KeyError as e:
        raise gr.Error(str(e.args[0])) from None
    return (f"Deleted {md_literal(name)} ({n} chunks) from {md_literal(target.shown)}.", *_doc_updates(col))


ANSWER_MODES = [("Extractive: quote the passages", "extractive"),
                ("Grounded: model sentences only where supported", "grounded"),
                ("Abstractive: the model's answer, each sentence checked", "abstractive")]
NUDGE = ("Note: the bundled model is tiny (135 M parameters): it often misreads passages, so answers quote the "
         "documents by default and every sentence is checked against them. Answers improve with a bigger "
         "model: pick one above when this host offers it.")


def _backends():
    from core.models.model_picker import configured_backends

    return configured_backends(get_settings())


def _history_for_chain(history) -> list[dict]:
    from core.retrieval.followup import normalize_history

    return normalize_history(history)


def ask(question, history, collection, mode, k, prompt_mode, only_docs, answer_mode="extractive", model=None,
        visitor_id=None, request: gr.Request = None):
    """Stream (chat history, cleared input, trace, sentence picker, prompt view, sources per sentence)."""
    from apps.chatbot.sources_html import answer_html, sentences_html
    from core.models.model_picker import chat_model_for, find_backend
    from core.retrieval.chain import ANSWER_MODES as MODES
    from core.retrieval.chain import RagChain

    question = _question(question)
    if answer_mode not in MODES:
        raise gr.Error(f"Answer mode must be one of {MODES}.")
    try:
        backend = find_backend(_backends(), model)
    except ValueError as e:  # only configured backends: a visitor can't point the server at a URL
        raise gr.Error(str(e)) from None
    _, target = _target(collection, visitor_id, request, action="ask")
    col = _open_existing(target)
    chain = RagChain(col.name, k=int(k), mode=mode, prompt_mode=prompt_mode, sources=only_docs or None,
                     answer_mode=answer_mode, chat_model=chat_model_for(backend, get_settings().models))
    past = _history_for_chain(history)
    history = list(history or []) + [{"role": "user", "content": question},
                                     {"role": "assistant", "content": "…"}]
    trace: dict = {}
    yield history, "", trace, gr.update(), "", ""
    answer, shown = None, 0.0
    for event in chain.stream(question, past):
        if event["type"] == "retrieved":
            trace = event["trace"]
            history[-1] = {"role": "assistant", "content": "<i>Retrieved {} passages; answering…</i>".format(
                len(event["hits"]))}
            yield history, "", trace, gr.update(), "", ""
        elif event["type"] == "delta":
            history[-1] = {"role": "assistant", "content": html.escape(event["text"])}
            now = time.monotonic()
            if now - shown >= STREAM_EVERY_S:
                shown = now
                yield history, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        elif event["type"] == "done":
            answer = event["answer"]
    d = answer.to_dict()
    history[-1] = {"role": "assistant", "content": answer_html(
        answer.answer, d["sentences"], d["citations"], answer.abstained,
        None if answer.abstained or answer.blocked else answer.grounded_share,
        withheld=len(answer.trace.get("dropped_sentences") or []),
        quoted_instead=bool(answer.trace.get("fell_back_to_quotes")), flagged=answer.trace.get("flagged"),
        low_confidence=answer.p_answerable if answer.low_confidence else None)}
    choices = []
    for i, sg in enumerate(answer.sentences, start=1):
        if sg.span:
            mark = "✓" if sg.supported else "✗"
            label = f"{mark} S{i} → [{sg.span.n}] " + " ".join(strip_text(sg.text).split())[:60]
            choices.append((label, f"{sg.span.chunk_id}@{sg.span.start}-{sg.span.end}"))
    choices += [(f"[{c.n}] {c.source} p.{c.page} (whole passage)", c.id) for c in answer.citations]
    yield (history, "", answer.trace, gr.update(choices=choices, value=choices[0][1] if choices else None),
           _prompt_text(answer.trace.get("prompt"), answer.answer_mode),
           sentences_html(d["sentences"], d["citations"], answer.abstained, answer.abstain_reason))


def strip_text(text: str) -> str:
    from core.retrieval.grounding import strip_markers

    return strip_markers(text)


def _prompt_text(messages, answer_mode: str = "") -> str:
    if not messages:
        if answer_mode == "extractive":
            return "(extractive mode: the answer quotes the passages; the model was not asked)"
        return "(the model was not asked: no relevant passages were found)"
    return "\n\n".join(f"### {m['role']}\n{m['content']}" for m in messages)


def show_context(collection, pick, visitor_id=None, request: gr.Request = None):
    """The picked passage in context; `pick` is a chunk id, or 'chunk_id@start-end' for a sentence's span."""
    from apps.chatbot.sources_html import passage_html

    if not pick:
        return ""
    _, target = _target(collection, visitor_id, request)
    chunk_id, start, end = str(pick), None, None
    if "@" in chunk_id:
        chunk_id, _, span = chunk_id.rpartition("@")
        try:
            start, end = (int(x) for x in span.split("-", 1))
        except ValueError:
            raise gr.Error(f"Not a passage reference: {pick!r}") from None
    col = _open_existing(target)
    return passage_html(col.neighbours(chunk_id, around=1), chunk_id, start, end)


def search_api(query, collection, mode, k, visitor_id=None, request: gr.Request = None):
    """JSON results for scripts (the CLI's `search` over HTTP)."""
    from core.retrieval.hybrid import search

    query = _question(query)
    if mode not in ("hybrid", "vector", "bm25"):
        raise gr.Error("Search mode must be hybrid, vector or bm25.")
    _, target = _target(collection, visitor_id, request, action="ask")
    return [h.to_dict() for h in search(_open_existing(target), query, max(1, min(int(k), 20)), mode)]


def _question(text) -> str:
    from core.retrieval.question_shapes import has_words

    text = (text or "").strip() if isinstance(text, str) else ""
    if not text:
        raise gr.Error("Type a question first.")
    if not has_words(text):
        raise gr.Error("The question has no words to search for: type it in letters or digits.")
    limit = get_settings().retrieval.max_question_chars
    if len(text) > limit:
        raise gr.Error(f"The question is {len(text):,} characters; the limit is {limit:,} "
                       "(setting GENAI_MAX_QUESTION_CHARS).")
    return text


def launch_options() -> dict:
    """What launch() needs beyond the Blocks: the upload size limit, enforced by Gradio before our code."""
    return {"max_file_size": int(get_settings().retrieval.max_upload_mb * 2**20)}


def build_app() -> gr.Blocks:
    gradio_sessions.install()  # a session's copy of the page stays its size (#15)
    s = get_settings()
    room = _room()
    # Gradio's upload cache is swept hourly of files older than an hour (uploads are also removed
    # as soon as they are ingested or refused).
    with gr.Blocks(title="RAG chatbot", delete_cache=(3600, 3600)) as demo:
        visitor = room.browser_state()
        gr.Markdown("# RAG chatbot\nAsk questions about your documents; answers cite the passages they "
                    "come from, or say plainly that the documents don't contain the answer.")
        with gr.Row():
            with gr.Column(scale=1, min_width=320):
                gr.Markdown("### Documents")
                collection = gr.Dropdown(label="Collection (type a new name to create one)",
                                         choices=_collections(), value=DEFAULT_COLLECTION,
                                         allow_custom_value=True, elem_id="collection")
                upload = gr.File(label="Upload PDF, DOCX, Markdown, HTML or text", file_count="multiple",
                                 file_types=[".pdf", ".docx", ".md", ".markdown", ".html", ".htm", ".txt"],
                                 elem_id="upload")
                with gr.Row():
                    chunk_size = gr.Slider(200, 2000, value=s.retrieval.chunk_size, step=50, label="Chunk size (chars)")
                    chunk_overlap = gr.Slider(0, 400, value=s.retrieval.chunk_overlap, step=10, label="Overlap (chars)")
                with gr.Row():
                    ingest_btn = gr.Button("Ingest files", variant="primary", elem_id="ingest")
                    sample_btn = gr.Button("Load sample corpus", elem_id="sample")
                status = gr.Markdown(elem_id="ingest-status")
                docs = gr.Dataframe(headers=["document", "type", "chunks", "pages", "ingested (UTC)"],
                                    value=[], interactive=False, label="In this collection")
                with gr.Row():
                    to_delete = gr.Dropdown(label="Document", choices=[], scale=3)
                    delete_btn = gr.Button("Delete", variant="stop", scale=1)
                with gr.Accordion("Host", open=False, visible=room.hosted):
                    gr.Markdown("This server is hosted for a room: your collections are private to this "
                                "browser; shared ones change only with the host token.")
                    host_token = gr.Textbox(label="Host token", type="password", elem_id="host-token")
            with gr.Column(scale=2):
                backends = _backends()
                with gr.Row():
                    model = gr.Dropdown(label="Model", choices=[b.label for b in backends], value=backends[0].label,
                                        interactive=len(backends) > 1, elem_id="model", scale=2)
                    answer_mode = gr.Dropdown(ANSWER_MODES, value=s.retrieval.answer_mode, label="Answer mode",
                                              elem_id="answer-mode", scale=3)
                gr.Markdown(NUDGE, elem_id="model-nudge")
                chat = gr.Chatbot(label="Chat", height=600, min_height=480, elem_id="chat")
                with gr.Row():
                    question = gr.Textbox(placeholder="Ask about your documents…", show_label=False,
                                          scale=5, elem_id="question")
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                    stop = gr.Button("Stop", scale=1)
                with gr.Accordion("Sources per sentence", open=True):
                    sentence_view = gr.HTML(elem_id="sentence-sources")
                with gr.Accordion("Passage in context", open=True):
                    cite_pick = gr.Radio(label="Pick a sentence or a passage", choices=[], elem_id="cite-pick")
                    context_view = gr.HTML(elem_id="context-view")
                with gr.Accordion("Retrieval and prompt settings", open=False):
                    with gr.Row():
                        mode = gr.Radio(["hybrid", "vector", "bm25"], value=s.retrieval.retrieval_mode, label="Search mode")
                        k = gr.Slider(1, 10, value=s.retrieval.retrieval_k, step=1, label="Passages (k)")
                    prompt_mode = gr.Radio(PROMPT_MODES, value=s.retrieval.prompt_mode, label="Prompt mode")
                    only_docs = gr.Dropdown(label="Only these documents (empty = all)", choices=[],
                                            multiselect=True)
                with gr.Accordion("Trace: standalone question, abstention, prompt, chunks, scores, timings",
                                  open=False):
                    prompt_view = gr.Code(label="Exact prompt sent to the model", language="markdown",
                                          interactive=False, wrap_lines=True, elem_id="prompt-view")
                    trace = gr.JSON(label="Trace")

        doc_outputs = [docs, to_delete, only_docs]
        reports = gr.State({})  # collection -> this session's last ingest report (see _reported)
        ingest_btn.click(ingest, [upload, collection, chunk_size, chunk_overlap, visitor, host_token, reports],
                         [status, reports, *doc_outputs, collection, upload], api_name="ingest")
        sample_btn.click(ingest_sample, [collection, chunk_size, chunk_overlap, visitor, host_token, reports],
                         [status, reports, *doc_outputs, collection], api_name="ingest_sample")
        switched = [status, *doc_outputs, chat, prompt_view, trace, cite_pick, context_view, sentence_view]
        collection.change(switch_collection, [collection, visitor, reports], switched, api_name="switch_collection")
        delete_btn.click(delete_document, [collection, to_delete, visitor, host_token], [status, *doc_outputs],
                         api_name="delete")
        inputs = [question, chat, collection, mode, k, prompt_mode, only_docs, answer_mode, model, visitor]
        outputs = [chat, question, trace, cite_pick, prompt_view, sentence_view]
        # Up to GENAI_CHAT_CONCURRENCY answers (default 8) stream at once through the batching
        # engine; more wait, shown their queue position. 10 visitors x 2 questions: median 14.7 s
        # at 8 against 33.2 s one at a time (benchmarks/results/batching_runs.md).
        answering = {"concurrency_limit": s.apps.chat_concurrency, "concurrency_id": "answer"}
        ev1 = send.click(ask, inputs, outputs, api_name="ask", **answering)
        ev2 = question.submit(ask, inputs, outputs, api_name=False, **answering)
        stop.click(None, None, None, cancels=[ev1, ev2])
        cite_pick.change(show_context, [collection, cite_pick, visitor], [context_view], api_name="context")
        search_btn = gr.Button(visible=False)
        search_out = gr.JSON(visible=False)
        search_btn.click(search_api, [question, collection, mode, k, visitor], [search_out], api_name="search")
        # the browser keeps a secret visitor id (hosted mode's private collections); a reload lists
        # the collections created since the page was built
        demo.load(new_visitor_id, [visitor], [visitor], api_name=False).then(
            _list_collections, [visitor], [collection], api_name=False).then(
            switch_collection, [collection, visitor, reports], switched, api_name=False)
    return demo


def _list_collections(visitor_id, request: gr.Request = None):
    return gr.update(choices=_collections(_room().visitor(visitor_id, request)))


# `python apps/chatbot/app.py` starts the app alone; `gradio apps/chatbot/app.py` reloads it on
# edits (gradio takes the module-level `demo` and re-runs this file, not as __main__, on each edit).
demo = build_app() if __name__ == "__main__" or os.environ.get("GRADIO_WATCH_DIRS") else None

if __name__ == "__main__":
    from apps.chatbot.warm_up import parts
    from core.retrieval.writer_lock import claim
    from core.warm_up import start_warm_up

    claim(get_settings().data_dir)  # a CLI ingest into this folder meanwhile is refused, not invisible
    warm = parts()
    if _room().hosted:  # visitors cannot fill the shared sample themselves: the server does, once
        warm["shared sample collection"] = lambda: access.ensure_shared_sample(SAMPLE_DIR)
    start_warm_up(warm)
    if _room().hosted:
        from core.hosting.periodic import run_every

        ttl = get_settings().apps.private_ttl_hours
        run_every(600, lambda: len(access.sweep_idle(ttl)), "idle private collections")
    demo.queue().launch(**launch_options())
