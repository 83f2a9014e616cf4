"""RAG chatbot: upload documents, ask questions, get streamed answers citing their passages.

Layout and wiring only; ingestion, search, prompts and the chain live in core/retrieval.
Nothing loads at import or build time; when run as the app, the embedder, chat model and safety
scanners load in a background thread at start (core/warm_up.py).
"""
from __future__ import annotations

import html
import logging
import os
from pathlib import Path

import gradio as gr

from core.config import get_settings

log = logging.getLogger(__name__)

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "assets" / "rag_corpus"
DEFAULT_COLLECTION = "sample"
PROMPT_MODES = [("Zero-shot", "zero_shot"), ("Few-shot", "few_shot"), ("Chain-of-thought", "chain_of_thought")]


def _collections() -> list[str]:
    from core.retrieval.collection import list_collection_names

    names = list_collection_names()
    return names if DEFAULT_COLLECTION in names else [DEFAULT_COLLECTION] + names


def _open(name: str):
    from core.retrieval.collection import open_collection

    try:
        return open_collection((name or "").strip())
    except ValueError as e:
        raise gr.Error(str(e)) from None


def _doc_rows(col) -> list[list]:
    return [[n, d["kind"], d["chunks"], d["pages"], d["ingested_at"]] for n, d in sorted(col.documents().items())]


def _doc_updates(col):
    names = sorted(col.documents())
    return (_doc_rows(col), gr.update(choices=names, value=None), gr.update(choices=names, value=[]))


def ingest(files, collection, chunk_size, chunk_overlap, progress=gr.Progress()):
    """Ingest uploaded files; returns (status markdown, documents table, delete choices, filter choices)."""
    col = _open(collection)
    if not files:
        raise gr.Error("Choose one or more files to upload first.")
    if int(chunk_overlap) >= int(chunk_size):
        raise gr.Error(f"The overlap ({int(chunk_overlap)}) must be smaller than the chunk size ({int(chunk_size)}).")
    paths = [Path(f if isinstance(f, str) else f.name) for f in files]
    report = col.ingest([(p, p.name) for p in paths], progress=lambda f, d: progress(f, desc=d),
                        chunk_size=int(chunk_size), chunk_overlap=int(chunk_overlap))
    # the upload box is emptied, so the next ingest doesn't send these files again
    return (_report_md(report), *_doc_updates(col), gr.update(choices=_collections(), value=col.name), None)


def ingest_sample(collection, chunk_size, chunk_overlap, progress=gr.Progress()):
    col = _open(collection)
    files = sorted(p for p in SAMPLE_DIR.iterdir() if p.is_file())
    report = col.ingest(files, progress=lambda f, d: progress(f, desc=d),
                        chunk_size=int(chunk_size), chunk_overlap=int(chunk_overlap))
    return (_report_md(report), *_doc_updates(col), gr.update(choices=_collections(), value=col.name))


def _report_md(report) -> str:
    lines = [f"**{report.chunks_added} chunk(s) added to `{report.collection}`** in {report.seconds:.1f} s"]
    for f in report.files:
        detail = f.message or f"{f.chunks} chunk(s)"
        status = f"**{f.status.upper()}**" if f.status == "error" else f.status
        lines.append(f"- `{f.name}` — {status}: {detail}")
    return "\n".join(lines)


def switch_collection(collection):
    """Show a collection's documents; a new name is only created when files are ingested into it."""
    from core.retrieval.collection import list_collection_names
    from core.retrieval.store import check_collection_name

    name = (collection or "").strip()
    try:
        check_collection_name(name)
    except ValueError as e:
        raise gr.Error(str(e)) from None
    if name in list_collection_names():
        docs = _doc_updates(_open(name))
        status = ""
    else:
        docs = ([], gr.update(choices=[], value=None), gr.update(choices=[], value=[]))
        status = f"`{name}` is a new, empty collection: upload files or load the sample corpus."
    return (status, *docs, [], "", {}, gr.update(choices=[], value=None), "", "")


def delete_document(collection, name):
    col = _open(collection)
    if not name:
        raise gr.Error("Pick a document to delete.")
    try:
        n = col.delete(name)
    except KeyError as e:
        raise gr.Error(str(e.args[0])) from None
    return (f"Deleted `{name}` ({n} chunks) from `{col.name}`.", *_doc_updates(col))


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


def ask(question, history, collection, mode, k, prompt_mode, only_docs, answer_mode="extractive", model=None):
    """Stream (chat history, cleared input, trace, sentence picker, prompt view, sources per sentence)."""
    from apps.chatbot.sources_html import answer_html, sentences_html
    from core.models.model_picker import chat_model_for, find_backend
    from core.retrieval.chain import ANSWER_MODES as MODES
    from core.retrieval.chain import RagChain
    from core.retrieval.collection import list_collection_names

    question = (question or "").strip()
    if not question:
        raise gr.Error("Type a question first.")
    if answer_mode not in MODES:
        raise gr.Error(f"Answer mode must be one of {MODES}.")
    try:
        backend = find_backend(_backends(), model)
    except ValueError as e:  # only configured backends: a visitor can't point the server at a URL
        raise gr.Error(str(e)) from None
    name = (collection or "").strip()
    if name not in list_collection_names() or _open(name).count() == 0:
        raise gr.Error(f"Collection '{name}' has no documents yet: upload files or load the sample corpus.")
    col = _open(name)
    chain = RagChain(col.name, k=int(k), mode=mode, prompt_mode=prompt_mode, sources=only_docs or None,
                     answer_mode=answer_mode, chat_model=chat_model_for(backend, get_settings().models))
    past = _history_for_chain(history)
    history = list(history or []) + [{"role": "user", "content": question},
                                     {"role": "assistant", "content": "…"}]
    trace: dict = {}
    yield history, "", trace, gr.update(), "", ""
    answer = None
    for event in chain.stream(question, past):
        if event["type"] == "retrieved":
            trace = event["trace"]
            history[-1] = {"role": "assistant", "content": "<i>Retrieved {} passages; answering…</i>".format(
                len(event["hits"]))}
            yield history, "", trace, gr.update(), "", ""
        elif event["type"] == "delta":
            history[-1] = {"role": "assistant", "content": html.escape(event["text"])}
            yield history, "", trace, gr.update(), "", ""
        elif event["type"] == "done":
            answer = event["answer"]
    d = answer.to_dict()
    history[-1] = {"role": "assistant", "content": answer_html(
        answer.answer, d["sentences"], d["citations"], answer.abstained,
        None if answer.abstained or answer.blocked else answer.grounded_share)}
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


def show_context(collection, pick):
    """The picked passage in context; `pick` is a chunk id, or 'chunk_id@start-end' for a sentence's span."""
    from apps.chatbot.sources_html import passage_html

    if not pick:
        return ""
    chunk_id, start, end = str(pick), None, None
    if "@" in chunk_id:
        chunk_id, _, span = chunk_id.rpartition("@")
        try:
            start, end = (int(x) for x in span.split("-", 1))
        except ValueError:
            raise gr.Error(f"Not a passage reference: {pick!r}") from None
    col = _open(collection)
    return passage_html(col.neighbours(chunk_id, around=1), chunk_id, start, end)


def search_api(query, collection, mode, k):
    """JSON results for scripts (the CLI's `search` over HTTP)."""
    from core.retrieval.hybrid import search

    if not (query or "").strip():
        raise gr.Error("Type a query first.")
    return [h.to_dict() for h in search(_open(collection), query, int(k), mode)]


def build_app() -> gr.Blocks:
    s = get_settings()
    with gr.Blocks(title="RAG chatbot") as demo:
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
        ingest_btn.click(ingest, [upload, collection, chunk_size, chunk_overlap],
                         [status, *doc_outputs, collection, upload], api_name="ingest")
        sample_btn.click(ingest_sample, [collection, chunk_size, chunk_overlap],
                         [status, *doc_outputs, collection], api_name="ingest_sample")
        collection.change(switch_collection, [collection],
                          [status, *doc_outputs, chat, prompt_view, trace, cite_pick, context_view, sentence_view],
                          api_name="switch_collection")
        delete_btn.click(delete_document, [collection, to_delete], [status, *doc_outputs], api_name="delete")
        inputs = [question, chat, collection, mode, k, prompt_mode, only_docs, answer_mode, model]
        outputs = [chat, question, trace, cite_pick, prompt_view, sentence_view]
        # several visitors stream at once, as many as the generation engine batches (#15);
        # beyond that Gradio queues them and shows each its position
        answering = {"concurrency_limit": s.models.llm_max_batch, "concurrency_id": "answer"}
        ev1 = send.click(ask, inputs, outputs, api_name="ask", **answering)
        ev2 = question.submit(ask, inputs, outputs, api_name=False, **answering)
        stop.click(None, None, None, cancels=[ev1, ev2])
        cite_pick.change(show_context, [collection, cite_pick], [context_view], api_name="context")
        search_btn = gr.Button(visible=False)
        search_out = gr.JSON(visible=False)
        search_btn.click(search_api, [question, collection, mode, k], [search_out], api_name="search")
        # a reload lists collections created since the page was built
        demo.load(lambda: gr.update(choices=_collections()), None, [collection], api_name=False)
        demo.load(switch_collection, [collection],
                  [status, *doc_outputs, chat, prompt_view, trace, cite_pick, context_view, sentence_view],
                  api_name=False)
    return demo


# `python apps/chatbot/app.py` starts the app alone; `gradio apps/chatbot/app.py` reloads it on
# edits (gradio takes the module-level `demo` and re-runs this file, not as __main__, on each edit).
demo = build_app() if __name__ == "__main__" or os.environ.get("GRADIO_WATCH_DIRS") else None

if __name__ == "__main__":
    from apps.chatbot.warm_up import parts
    from core.retrieval.writer_lock import claim
    from core.warm_up import start_warm_up

    claim(get_settings().data_dir)  # a CLI ingest into this folder meanwhile is refused, not invisible
    start_warm_up(parts())
    demo.queue().launch()
