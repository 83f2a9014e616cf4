"""RAG chatbot: upload documents, ask questions, get streamed answers citing their passages.

Layout and wiring only; ingestion, search, prompts and the chain live in core/retrieval.
Nothing loads at import or build time; when run as the app, the embedder, chat model and safety
scanners load in a background thread at start (core/warm_up.py).
"""
from __future__ import annotations

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
    return (_report_md(report), *_doc_updates(col), gr.update(choices=_collections(), value=col.name))


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
    return (status, *docs, [], "", {}, gr.update(choices=[], value=None), "")


def delete_document(collection, name):
    col = _open(collection)
    if not name:
        raise gr.Error("Pick a document to delete.")
    try:
        n = col.delete(name)
    except KeyError as e:
        raise gr.Error(str(e.args[0])) from None
    return (f"Deleted `{name}` ({n} chunks) from `{col.name}`.", *_doc_updates(col))


def _history_for_chain(history: list[dict]) -> list[dict]:
    out = []
    for m in history or []:
        content = m.get("content")
        if isinstance(content, str) and m.get("role") in ("user", "assistant"):
            out.append({"role": m["role"], "content": content.split("\n\n**Sources**")[0]})
    return out


def _sources_md(citations) -> str:
    if not citations:
        return ""
    lines = ["\n\n**Sources**"]
    for c in citations:
        if c.cited:
            used = " (cited)"
        elif c.support >= 0.5:
            used = f" _(not cited inline; {c.support:.0%} of the answer's words are in it)_"
        else:
            used = " _(retrieved, not used)_"
        snippet = " ".join(c.text.split())[:140]
        lines.append(f"[{c.n}] `{c.source}`, page {c.page}{used}: “{snippet}…”")
    return "\n".join(lines)


def ask(question, history, collection, mode, k, prompt_mode, only_docs):
    """Stream (chat history, cleared input, trace, citation picker, prompt view)."""
    from core.retrieval.chain import RagChain

    question = (question or "").strip()
    if not question:
        raise gr.Error("Type a question first.")
    from core.retrieval.collection import list_collection_names

    name = (collection or "").strip()
    if name not in list_collection_names() or _open(name).count() == 0:
        raise gr.Error(f"Collection '{name}' has no documents yet: upload files or load the sample corpus.")
    col = _open(name)
    chain = RagChain(col.name, k=int(k), mode=mode, prompt_mode=prompt_mode, sources=only_docs or None)
    past = _history_for_chain(history)
    history = list(history or []) + [{"role": "user", "content": question},
                                     {"role": "assistant", "content": "…"}]
    trace: dict = {}
    yield history, "", trace, gr.update(), ""
    answer = None
    for event in chain.stream(question, past):
        if event["type"] == "retrieved":
            trace = event["trace"]
            history[-1] = {"role": "assistant", "content": "_Retrieved {} passages; answering…_".format(
                len(event["hits"]))}
            yield history, "", trace, gr.update(), ""
        elif event["type"] == "delta":
            history[-1] = {"role": "assistant", "content": event["text"]}
            yield history, "", trace, gr.update(), ""
        elif event["type"] == "done":
            answer = event["answer"]
    history[-1] = {"role": "assistant", "content": answer.answer + _sources_md(answer.citations)}
    choices = [(f"[{c.n}] {c.source} p.{c.page}", c.id) for c in answer.citations]
    prompt_view = _prompt_text(answer.trace.get("prompt"))
    yield history, "", answer.trace, gr.update(choices=choices, value=None), prompt_view


def _prompt_text(messages) -> str:
    if not messages:
        return "(the model was not asked: no relevant passages were found)"
    return "\n\n".join(f"### {m['role']}\n{m['content']}" for m in messages)


def show_context(collection, chunk_id):
    if not chunk_id:
        return ""
    col = _open(collection)
    rows = col.neighbours(chunk_id, around=1)
    if not rows:
        return "_That passage is no longer in the collection._"
    parts = []
    for r in rows:
        text = r["text"].replace("\n", "  \n")
        parts.append(f"**▶ {text}**" if r["id"] == chunk_id else f"<span style='opacity:.6'>{text}</span>")
    head = f"`{rows[0]['source']}`, page {next(r['page'] for r in rows if r['id'] == chunk_id)}"
    return head + "\n\n" + "\n\n---\n\n".join(parts)


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
                chat = gr.Chatbot(label="Chat", height=460, elem_id="chat")
                with gr.Row():
                    question = gr.Textbox(placeholder="Ask about your documents…", show_label=False,
                                          scale=5, elem_id="question")
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                    stop = gr.Button("Stop", scale=1)
                with gr.Accordion("Retrieval and prompt settings", open=False):
                    with gr.Row():
                        mode = gr.Radio(["hybrid", "vector", "bm25"], value=s.retrieval.retrieval_mode, label="Search mode")
                        k = gr.Slider(1, 10, value=s.retrieval.retrieval_k, step=1, label="Passages (k)")
                    prompt_mode = gr.Radio(PROMPT_MODES, value=s.retrieval.prompt_mode, label="Prompt mode")
                    only_docs = gr.Dropdown(label="Only these documents (empty = all)", choices=[],
                                            multiselect=True)
                with gr.Accordion("Cited passage in context", open=True):
                    cite_pick = gr.Radio(label="Pick a citation", choices=[], elem_id="cite-pick")
                    context_view = gr.Markdown()
                with gr.Accordion("Trace: prompt, retrieved chunks, scores, timings", open=False):
                    prompt_view = gr.Code(label="Exact prompt sent to the model", language="markdown",
                                          interactive=False)
                    trace = gr.JSON(label="Trace")

        doc_outputs = [docs, to_delete, only_docs]
        ingest_btn.click(ingest, [upload, collection, chunk_size, chunk_overlap],
                         [status, *doc_outputs, collection], api_name="ingest")
        sample_btn.click(ingest_sample, [collection, chunk_size, chunk_overlap],
                         [status, *doc_outputs, collection], api_name="ingest_sample")
        collection.change(switch_collection, [collection],
                          [status, *doc_outputs, chat, prompt_view, trace, cite_pick, context_view],
                          api_name="switch_collection")
        delete_btn.click(delete_document, [collection, to_delete], [status, *doc_outputs], api_name="delete")
        inputs = [question, chat, collection, mode, k, prompt_mode, only_docs]
        outputs = [chat, question, trace, cite_pick, prompt_view]
        ev1 = send.click(ask, inputs, outputs, api_name="ask")
        ev2 = question.submit(ask, inputs, outputs, api_name=False)
        stop.click(None, None, None, cancels=[ev1, ev2])
        cite_pick.change(show_context, [collection, cite_pick], [context_view], api_name="context")
        search_btn = gr.Button(visible=False)
        search_out = gr.JSON(visible=False)
        search_btn.click(search_api, [question, collection, mode, k], [search_out], api_name="search")
        demo.load(switch_collection, [collection],
                  [status, *doc_outputs, chat, prompt_view, trace, cite_pick, context_view], api_name=False)
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
