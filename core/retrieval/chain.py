"""The RAG chain: condense a follow-up, retrieve, prompt, stream a guarded, cited answer.

Built with LangChain: `CoreChatModel` is core's chat model as a LangChain chat model,
`CollectionRetriever` is a LangChain retriever over a collection, and the steps are
runnables (`prompt | llm`). `RagChain.stream()` yields events a UI can render as they come:

    {"type": "retrieved", "question", "hits", "flagged", "trace"}
    {"type": "delta", "text"}              # answer text checked by the output guard so far
    {"type": "done", "answer": Answer}     # final answer, citations and trace

Safety: the question is scanned at stage "input", each retrieved chunk at stage "context"
(flagged chunks are shown in the trace and left out of the prompt), and the answer goes
through a StreamGuard at stage "output". The prompt also fences retrieved text as data
(see prompts.py), so a document can't take over the bot even if no scanner flags it.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk
from langchain_core.outputs import ChatResult as LCChatResult
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda

from core.config import get_settings
from core.models.chat import get_chat_model
from core.models.sampling import SamplingParams
from core.retrieval import prompts
from core.retrieval.citations import Citation, build_citations
from core.retrieval.collection import open_collection
from core.retrieval.hybrid import Hit, search
from core.retrieval.loops import loop_start
from core.safety import StreamGuard, scan

log = logging.getLogger(__name__)

_ROLE = {"system": "system", "human": "user", "ai": "assistant"}


class CoreChatModel(BaseChatModel):
    """core.models.chat.get_chat_model() as a LangChain chat model (streaming, cancellable).

    Pass `cancel=threading.Event()` and `params=SamplingParams(...)` as call kwargs.
    """

    @property
    def _llm_type(self) -> str:
        return "genai-studio-core"

    @staticmethod
    def _to_dicts(messages: list[BaseMessage]) -> list[dict]:
        out = []
        for m in messages:
            if m.type not in _ROLE:
                raise ValueError(f"unsupported message type {m.type!r}")
            out.append({"role": _ROLE[m.type], "content": m.content if isinstance(m.content, str)
                        else str(m.content)})
        return out

    def _stream(self, messages, stop=None, run_manager=None, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        params = kwargs.get("params") or SamplingParams(max_new_tokens=get_settings().models.llm_max_new_tokens)
        for delta in get_chat_model().stream(self._to_dicts(messages), params, cancel=kwargs.get("cancel")):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
            if run_manager:
                run_manager.on_llm_new_token(delta, chunk=chunk)
            yield chunk

    def _generate(self, messages, stop=None, run_manager=None, **kwargs: Any) -> LCChatResult:
        text = "".join(c.message.content for c in self._stream(messages, stop, run_manager, **kwargs))
        return LCChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])


class CollectionRetriever(BaseRetriever):
    """A collection as a LangChain retriever; Document.metadata carries the Hit fields."""

    collection: str
    k: int = 4
    mode: str = "hybrid"
    sources: list[str] | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun
                                ) -> list[Document]:
        timings: dict = {}
        hits = search(open_collection(self.collection), query, self.k, self.mode, self.sources, timings)
        return [Document(page_content=h.text, id=h.id, metadata={**h.to_dict(), "timings": timings})
                for h in hits]


def _hit(doc: Document) -> Hit:
    m = {k: v for k, v in doc.metadata.items() if k != "timings"}
    return Hit(**m)


@dataclass
class Answer:
    answer: str
    citations: list[Citation]
    question: str  # the standalone question used for retrieval
    found: bool  # False when the documents held nothing relevant (the model was not asked)
    blocked: bool = False  # the input or output guard stopped it
    trace: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["citations"] = [c.to_dict() for c in self.citations]
        return d


class RagChain:
    def __init__(self, collection: str, k: int | None = None, mode: str | None = None,
                 prompt_mode: str | None = None, sources: list[str] | None = None,
                 params: SamplingParams | None = None):
        s = get_settings()
        self.collection = collection
        self.k = k or s.retrieval.retrieval_k
        self.mode = mode or s.retrieval.retrieval_mode
        self.prompt_mode = prompt_mode or s.retrieval.prompt_mode
        if self.prompt_mode not in prompts.MODES:
            raise ValueError(f"prompt mode must be one of {prompts.MODES}, got {self.prompt_mode!r}")
        self.params = params or SamplingParams(max_new_tokens=s.models.llm_max_new_tokens)
        self.llm = CoreChatModel()
        self.retriever = CollectionRetriever(collection=collection, k=self.k, mode=self.mode,
                                             sources=sources)

    def ask(self, question: str, history: list[dict] | None = None) -> Answer:
        for event in self.stream(question, history):
            if event["type"] == "done":
                return event["answer"]
        raise RuntimeError("the chain ended without an answer")  # pragma: no cover

    def stream(self, question: str, history: list[dict] | None = None,
               cancel: threading.Event | None = None) -> Iterator[dict]:
        t0 = time.perf_counter()
        history = [h for h in (history or []) if h.get("role") in ("user", "assistant")]
        trace: dict = {"collection": self.collection, "mode": self.mode, "prompt_mode": self.prompt_mode,
                       "k": self.k, "timings_ms": {}}
        timings = trace["timings_ms"]
        if not isinstance(question, str) or not question.strip():
            raise ValueError("the question is empty")

        verdict = scan(question, "input")
        trace["input_verdict"] = verdict.to_dict()
        if not verdict.allowed:
            text = "I can't help with that request (" + "; ".join(verdict.reasons or ["blocked"]) + ")."
            yield {"type": "done", "answer": Answer(text, [], question, False, True, trace)}
            return
        question = verdict.redacted

        standalone = question
        if history:
            t = time.perf_counter()
            condense = (RunnableLambda(lambda x: prompts.condense_messages(**x))
                        | self.llm.bind(params=SamplingParams(max_new_tokens=48), cancel=cancel))
            rewritten = condense.invoke({"question": question, "history": history}).content.strip()
            timings["condense"] = _ms(t)
            # a tiny model may ramble: keep the original question with its rewrite
            if rewritten and len(rewritten) < 300:
                standalone = f"{rewritten} {question}" if rewritten.lower() != question.lower() else question
            trace["condensed"] = rewritten
        trace["question"] = standalone

        t = time.perf_counter()
        docs = self.retriever.invoke(standalone)
        timings["retrieve"] = _ms(t)
        if docs:
            timings.update({f"retrieve.{k}": v for k, v in docs[0].metadata["timings"].items()})
        hits = [_hit(d) for d in docs]

        t = time.perf_counter()
        flagged, used = [], []
        for h in hits:
            v = scan(h.text, "context")
            if v.allowed and v.action != "block":
                used.append(h)
            else:
                flagged.append({"id": h.id, "source": h.source, "page": h.page, "reasons": v.reasons})
            h.scores["context_flagged"] = not v.allowed
        timings["scan_context"] = _ms(t)
        trace["hits"] = [h.to_dict() for h in hits]
        trace["flagged"] = flagged
        yield {"type": "retrieved", "question": standalone, "hits": hits, "flagged": flagged, "trace": trace}

        min_sim = get_settings().retrieval.min_similarity
        found = any(h.scores.get("bm25", 0) > 0 or h.scores.get("vector", -1.0) >= min_sim for h in used)
        if not found:
            trace["prompt"] = None
            timings["total"] = _ms(t0)
            yield {"type": "delta", "text": prompts.NOT_FOUND}
            yield {"type": "done", "answer": Answer(prompts.NOT_FOUND, [], standalone, False, False, trace)}
            return

        messages = prompts.build_messages(question, used, self.prompt_mode, history)
        trace["prompt"] = messages
        guard = StreamGuard("output")
        t = time.perf_counter()
        raw, blocked_verdict = "", None
        for chunk in self.llm.stream(messages, params=self.params, cancel=cancel):
            if "first_token" not in timings:
                timings["first_token"] = _ms(t0)
            raw += chunk.content
            if loop_start(raw) is not None:  # stuck repeating a sentence: stop the model here
                trace["stopped"] = "repeating itself"
                break
            before = guard.safe_text
            v = guard.feed(chunk.content)
            if v is not None and not v.allowed:
                blocked_verdict = v
                break  # closing the stream stops the model
            if guard.safe_text != before:
                yield {"type": "delta", "text": guard.safe_text}
        final = blocked_verdict or guard.finish()
        timings["generate"] = _ms(t)
        text = guard.safe_text
        if not final.allowed:
            text = (text + "\n\n" if text else "") + "[The rest of the answer was withheld: " + \
                "; ".join(final.reasons or ["unsafe output"]) + "]"
        elif final.redacted != text:
            text = final.redacted
        if trace.get("stopped") and (cut := loop_start(text, repeats=2)) is not None:
            text = text[:cut].rstrip()
        trace["output_verdict"] = final.to_dict()
        trace["raw_answer_chars"] = len(raw)
        yield {"type": "delta", "text": text}
        citations, unknown = build_citations(text, used)
        trace["unknown_markers"] = unknown
        timings["total"] = _ms(t0)
        yield {"type": "done", "answer": Answer(text, citations, standalone, True, not final.allowed, trace)}


def _ms(t: float) -> float:
    return round((time.perf_counter() - t) * 1000, 1)
