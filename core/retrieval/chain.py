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
from dataclasses import asdict, dataclass, field, replace
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
from core.retrieval import abstention as abstention_model
from core.retrieval import extractive, prompts, verified_quotes
from core.retrieval.abstention import Decision, apply_checks, check_evidence, decide, evidence
from core.retrieval.citations import Citation, build_citations
from core.retrieval.collection import open_collection
from core.retrieval.extractive import Quote, rank_sentences, select_quotes
from core.retrieval.flagged_paragraphs import trim_flagged, trimmable_flags
from core.retrieval.focused_context import focus
from core.retrieval.followup import normalize_history, standalone_question
from core.retrieval.grounding import (
    GroundingChecker,
    SentenceGrounding,
    join_list_markers,
    split_sentences,
    strip_markers,
    strip_markers_keep_layout,
)
from core.retrieval.hybrid import Hit, search
from core.retrieval.loops import loop_start
from core.retrieval.prompt_echo import scrub
from core.retrieval.question_shapes import asks_about_collection, collection_answer, has_words, names_something
from core.retrieval.rerank import rerank
from core.retrieval.verified_quotes import verify_ranked
from core.retrieval.verifier import get_verifier
from core.safety import StreamGuard, scan

log = logging.getLogger(__name__)

_ROLE = {"system": "system", "human": "user", "ai": "assistant"}


class CoreChatModel(BaseChatModel):
    """core.models.chat.get_chat_model() as a LangChain chat model (streaming, cancellable).

    Pass `cancel=threading.Event()` and `params=SamplingParams(...)` as call kwargs.
    """

    backend: Any = None  # a core ChatModel; None: the process-wide one from settings

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
        model = self.backend or get_chat_model()
        for delta in model.stream(self._to_dicts(messages), params, cancel=kwargs.get("cancel")):
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
    rerank_depth: int = 0  # candidates reranked by best sentence; 0 or <= k: no reranking

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun
                                ) -> list[Document]:
        timings: dict = {}
        col = open_collection(self.collection)
        if self.rerank_depth > self.k:  # a wider first stage, reordered by best sentence (rerank.py)
            hits = search(col, query, self.rerank_depth, self.mode, self.sources, timings)
            t = time.perf_counter()
            hits = rerank(query, hits, idf=col.bm25.idf)[:self.k]
            timings["rerank_ms"] = _ms(t)
        else:
            hits = search(col, query, self.k, self.mode, self.sources, timings)
        return [Document(page_content=h.text, id=h.id, metadata={**h.to_dict(), "timings": timings})
                for h in hits]


def _hit(doc: Document) -> Hit:
    m = {k: v for k, v in doc.metadata.items() if k != "timings"}
    return Hit(**m)


ANSWER_MODES = ("grounded", "extractive", "abstractive")
# shown with a quote from a passage flagged only as possible injection (GENAI_QUOTE_FLAGGED_PASSAGES, extractive mode)
INJECTION_WARNING = "This passage reads like instructions to an AI model (possible prompt injection): quoted, not followed."
# shown with a quote from a passage whose flagged paragraphs were left out (flagged_paragraphs.py)
TRIMMED_WARNING = ("Part of this passage read like instructions to an AI model (possible prompt injection) and was "
                   "left out; the rest is quoted, not followed.")
ABSTENTION = ("calibrated", "cosine_cutoff")  # cosine_cutoff: the old fixed cut-off, kept to compare
# (#13 session 40) A question flagged only as prompt injection is answered in extractive mode: no model reads the
# question there (it is matched, and the answer quotes the documents), so an instruction in it takes nothing over,
# and a visitor's "show everything except what root has open" is a question, not an attack. Grounded and abstractive
# answers (a model reads it) still refuse. False = refused in every mode
EXTRACTIVE_IGNORES_INPUT_INJECTION = True
ABOUT_COLLECTION = "abstained: the question asks which documents the collection holds, not what they say"


@dataclass
class Answer:
    answer: str
    citations: list[Citation]
    question: str  # the standalone question used for retrieval
    found: bool  # False when the chain abstained (the documents don't hold the answer)
    blocked: bool = False  # the input or output guard stopped it
    trace: dict = field(default_factory=dict)
    sentences: list[SentenceGrounding] = field(default_factory=list)
    abstained: bool = False
    abstain_reason: str = ""
    answer_mode: str = "grounded"

    @property
    def grounded_share(self) -> float:
        return sum(s.supported for s in self.sentences) / len(self.sentences) if self.sentences else 0.0

    @property
    def p_answerable(self) -> float | None:
        """The abstention's estimate that the documents answer the question (None: no estimate was made)."""
        return (self.trace.get("abstention") or {}).get("p_answerable")

    @property
    def low_confidence(self) -> bool:
        """Answered, but under abstention.LOW_CONFIDENCE: the quotes may not answer the question."""
        p = self.p_answerable
        return not (self.abstained or self.blocked) and p is not None and p < abstention_model.LOW_CONFIDENCE

    def to_dict(self) -> dict:
        d = asdict(self)
        d["citations"] = [c.to_dict() for c in self.citations]
        d["sentences"] = [s.to_dict() for s in self.sentences]
        d["grounded_share"] = round(self.grounded_share, 3)
        d["p_answerable"] = self.p_answerable
        d["low_confidence"] = self.low_confidence
        return d


class RagChain:
    def __init__(self, collection: str, k: int | None = None, mode: str | None = None,
                 prompt_mode: str | None = None, sources: list[str] | None = None,
                 params: SamplingParams | None = None, answer_mode: str | None = None,
                 chat_model=None, abstention: str = "calibrated", verifier: bool | None = None,
                 evidence_checks: bool | None = None, model_rewrite: bool | None = None,
                 context_chars: int | None = None, near_miss_check: bool | None = None,
                 quote_flagged: bool | None = None):
        s = get_settings()
        self.quote_flagged = s.retrieval.quote_flagged_passages if quote_flagged is None else quote_flagged
        self.near_miss_check = s.retrieval.near_miss_check if near_miss_check is None else near_miss_check
        self.context_chars = s.retrieval.context_chars if context_chars is None else context_chars
        self.model_rewrite = s.retrieval.model_rewrite if model_rewrite is None else model_rewrite
        self.verify = s.retrieval.answer_verifier if verifier is None else verifier
        self.evidence_checks = s.retrieval.evidence_checks if evidence_checks is None else evidence_checks
        self.collection = collection
        self.k = k or s.retrieval.retrieval_k
        self.mode = mode or s.retrieval.retrieval_mode
        self.prompt_mode = prompt_mode or s.retrieval.prompt_mode
        if self.prompt_mode not in prompts.MODES:
            raise ValueError(f"prompt mode must be one of {prompts.MODES}, got {self.prompt_mode!r}")
        self.answer_mode = answer_mode or s.retrieval.answer_mode
        if self.answer_mode not in ANSWER_MODES:
            raise ValueError(f"answer mode must be one of {ANSWER_MODES}, got {self.answer_mode!r}")
        if abstention not in ABSTENTION:
            raise ValueError(f"abstention must be one of {ABSTENTION}, got {abstention!r}")
        self.abstention = abstention
        self.params = params or SamplingParams(max_new_tokens=s.models.llm_max_new_tokens)
        self.llm = CoreChatModel(backend=chat_model)
        self.retriever = CollectionRetriever(collection=collection, k=self.k, mode=self.mode,
                                             sources=sources, rerank_depth=s.retrieval.rerank_depth)

    def ask(self, question: str, history: list | None = None) -> Answer:
        for event in self.stream(question, history):
            if event["type"] == "done":
                return event["answer"]
        raise RuntimeError("the chain ended without an answer")  # pragma: no cover

    def _rewrite(self, cancel):
        condense = (RunnableLambda(lambda x: prompts.condense_messages(**x))
                    | self.llm.bind(params=SamplingParams(max_new_tokens=48), cancel=cancel))
        return lambda question, history: condense.invoke({"question": question, "history": history}).content

    def stream(self, question: str, history: list | None = None,
               cancel: threading.Event | None = None) -> Iterator[dict]:
        """Events: retrieved, delta (text so far), sentence (one checked sentence), done."""
        t0 = time.perf_counter()
        history = normalize_history(history)
        trace: dict = {"collection": self.collection, "mode": self.mode, "prompt_mode": self.prompt_mode,
                       "answer_mode": self.answer_mode, "k": self.k, "timings_ms": {}}
        timings = trace["timings_ms"]
        if not isinstance(question, str) or not question.strip():
            raise ValueError("the question is empty")
        if not has_words(question):
            raise ValueError("the question has no words to search for (only punctuation, symbols or control characters)")

        verdict = scan(question, "input")
        trace["input_verdict"] = verdict.to_dict()
        if not verdict.allowed and EXTRACTIVE_IGNORES_INPUT_INJECTION and self.answer_mode == "extractive" \
                and injection_only(verdict):
            trace["input_injection_ignored"] = ("the injection scanner flagged the question; an extractive answer "
                                                "quotes the documents and no model reads the question")
            verdict = replace(verdict, allowed=True, action="allow")
        if not verdict.allowed:
            text = "I can't help with that request (" + "; ".join(verdict.reasons or ["blocked"]) + ")."
            yield {"type": "done", "answer": Answer(text, [], question, False, True, trace,
                                                    answer_mode=self.answer_mode)}
            return
        question = verdict.redacted
        if not history and asks_about_collection(question):
            only = self.retriever.sources
            documents = [d for d in open_collection(self.collection).documents() if not only or d in only]
            trace["abstention"] = {"abstain": True, "reason": ABOUT_COLLECTION}
            yield {"type": "done", "answer": Answer(collection_answer(documents), [], question, False, False, trace, [],
                                                    True, ABOUT_COLLECTION, self.answer_mode)}
            return

        t = time.perf_counter()
        # extractive answers never call the model, so neither does their follow-up handling; the other
        # modes ask it only when GENAI_MODEL_REWRITE is on (the bundled model's rewrite found no more)
        asks_model = history and self.model_rewrite and self.answer_mode != "extractive"
        rewrite = self._rewrite(cancel) if asks_model else None
        standalone_q = standalone_question(question, history, rewrite)
        standalone = standalone_q.text
        if history:
            timings["condense"] = _ms(t)
            trace["condensed"] = standalone_q.rewrite
        trace["question"] = standalone
        trace["standalone_question"] = {"text": standalone, "method": standalone_q.method,
                                        "model_rewrite": standalone_q.rewrite, "history_turns": len(history)}

        t = time.perf_counter()
        docs = self.retriever.invoke(standalone)
        timings["retrieve"] = _ms(t)
        if docs:
            timings.update({f"retrieve.{k}": v for k, v in docs[0].metadata["timings"].items()})
        hits = [_hit(d) for d in docs]

        t = time.perf_counter()
        flagged, used = [], []
        for i, h in enumerate(hits):
            v = scan(h.text, "context")
            if not keeps_out(v):
                used.append(h)
            else:
                quoted = self.quote_flagged and self.answer_mode == "extractive" and injection_only(v)
                # extractive mode only: no model reads the rest, so a piece of a planted text the paragraph scan
                # missed can at worst be quoted, never obeyed
                trimmable = not quoted and self.answer_mode == "extractive" and trimmable_flags(flagged_by(v))
                blame = None if injection_only(v) else injection_flagged  # flagged by PII/toxicity too
                trimmed = trim_flagged(h.text, context_flagged, blame) if trimmable else None
                flagged.append({"id": h.id, "source": h.source, "page": h.page, "reasons": v.reasons,
                                "quoted": quoted, "trimmed": trimmed.removed if trimmed else None})
                if trimmed:  # the passage's other paragraphs stay (flagged_paragraphs.py)
                    h = hits[i] = replace(h, text=trimmed.text)
                if quoted or trimmed:
                    used.append(h)
            h.scores["context_flagged"] = not v.allowed
        timings["scan_context"] = _ms(t)
        trace["hits"] = [h.to_dict() for h in hits]
        trace["flagged"] = flagged

        t = time.perf_counter()
        checker = GroundingChecker(used, question=standalone if history else question)
        col = open_collection(self.collection)
        idf = col.bm25.idf
        ranked = rank_sentences(question, checker, idf, context=standalone if history else None)
        cheap_best = ranked[:1]
        if extractive.ABSTAIN_WITHOUT_BONUS and ranked:  # the named-entry bonus picks quotes, not the abstention
            cheap_best = [max(ranked, key=lambda q: q.score - q.named_bonus)]
        verified_best = None
        if self.verify and ranked:  # the cross-encoder re-scores the best candidates (verified_quotes.py)
            tv = time.perf_counter()
            ranked, verified_best = verify_ranked(standalone if history else question, ranked, get_verifier())
            timings["verifier"] = _ms(tv)
        quotes = select_quotes(question, checker, idf, ranked=ranked)
        evidence_idf = idf
        if abstention_model.SMALL_COLLECTION_IDF and used and col.count() <= len(hits):
            evidence_idf = abstention_model.sentence_idf(used)  # every chunk is a passage (abstention.py)
            trace["evidence_idf"] = "sentences"
        features = evidence(standalone if history else question, used, cheap_best, evidence_idf)
        if verified_best is not None and verified_quotes.FEEDS_ABSTENTION:
            features["verifier"] = round(verified_best, 3)
        decision = decide(features)
        if not names_something(standalone if history else question):
            # "What?", "What can you do?": no word to weigh, so every coverage is complete (or rests on "you") and
            # the scores answered with any passage
            decision = Decision(True, 0.0, "abstained: the question names nothing to look for (only words such as "
                                "'what', 'is' or 'it'): ask about something the documents might say", features)
        if self.abstention == "cosine_cutoff":
            min_sim = get_settings().retrieval.min_similarity
            found = any(h.scores.get("bm25", 0) > 0 or h.scores.get("vector", -1.0) >= min_sim for h in used)
            decision = Decision(not found, 1.0 if found else 0.0,
                                f"fixed cut-off: {'a' if found else 'no'} passage has BM25 > 0 or cosine >= "
                                f"{min_sim}", features)
        timings["abstention"] = _ms(t)  # includes embedding the passages' sentences (once, cached)
        if self.evidence_checks and self.abstention == "calibrated" and used:
            te = time.perf_counter()
            openings = {src: col.opening(src) for src in {h.source for h in used}}
            checks = check_evidence(question, used, quotes, openings,  # the question as asked: its own terms
                                    near_miss=self.near_miss_check)
            decision = apply_checks(decision, checks)
            timings["evidence_checks"] = _ms(te)
            trace["evidence_checks"] = checks
        trace["abstention"] = decision.to_dict()
        # the quotes an extractive answer gives (also when abstaining: the trace shows what was closest)
        trace["quotes"] = [{"n": q.n, "text": q.text, "score": round(q.score, 4), "verified": q.verified}
                           for q in quotes]
        yield {"type": "retrieved", "question": standalone, "hits": hits, "flagged": flagged, "trace": trace}

        warned = {f["id"]: INJECTION_WARNING if f["quoted"] else TRIMMED_WARNING
                  for f in flagged if f["quoted"] or f["trimmed"]}
        citations_for = lambda sentences: _citations(used, sentences, warned)  # noqa: E731
        if self.answer_mode == "extractive" and used and not quotes and not decision.abstain:
            # passages of list numbers, headings or two-word fragments only: an empty answer is no answer
            decision = Decision(True, decision.p_answerable, "abstained: no sentence of the passages can be quoted "
                                "(they hold only headings, list numbers or fragments of a few words)", decision.features)
            trace["abstention"] = decision.to_dict()
        if decision.abstain or not used:
            text = prompts.NOT_FOUND
            trace["prompt"] = None
            timings["total"] = _ms(t0)
            yield {"type": "delta", "text": text}
            answer = Answer(text, citations_for([]), standalone, False, False, trace, [], True,
                            decision.reason if used else "no passage was retrieved", self.answer_mode)
            yield {"type": "done", "answer": answer}
            return

        if self.answer_mode == "extractive":
            trace["prompt"] = None
            tg = time.perf_counter()
            sentences = [_quote_grounding(q, checker) for q in quotes]
            timings["grounding"] = _ms(tg)
            text = _compose(sentences)
            timings["first_text"] = _ms(t0)
            yield {"type": "delta", "text": text}
            for sg in sentences:
                yield {"type": "sentence", "grounding": sg}
            timings["total"] = _ms(t0)
            yield {"type": "done", "answer": Answer(text, citations_for(sentences), standalone, True, False, trace,
                                                    sentences, False, "", self.answer_mode)}
            return

        shown_hits = focus(used, ranked, self.context_chars)
        nonce = prompts.content_nonce(question, shown_hits, history)
        messages = prompts.build_messages(question, shown_hits, self.prompt_mode, history, nonce=nonce)
        trace["context_chars"] = self.context_chars
        trace["prompt"] = messages
        guard = StreamGuard("output")
        t = time.perf_counter()
        raw, blocked_verdict = "", None
        checked: list[SentenceGrounding] = []
        grounding_ms = 0.0

        def check_complete(text: str, final: bool) -> Iterator[dict]:
            nonlocal grounding_ms
            text = scrub(text, nonce, final)  # the prompt's fence code is never shown (prompt_echo.py)
            spans = join_list_markers(text, split_sentences(strip_markers_keep_layout(text)))
            done = spans if final else spans[:-1]  # the last one may still be growing
            for a, b in done[len(checked):]:
                tg = time.perf_counter()
                sg = checker.check(text[a:b])
                grounding_ms += (time.perf_counter() - tg) * 1000
                checked.append(sg)
                yield {"type": "sentence", "grounding": sg}

        def shown() -> str:
            if self.answer_mode == "grounded":
                return _compose([sg for sg in checked if sg.supported])
            return scrub(guard.safe_text, nonce, final=False)

        for chunk in self.llm.stream(messages, params=self.params, cancel=cancel):
            if "first_token" not in timings:
                timings["first_token"] = _ms(t0)
            raw += chunk.content
            if loop_start(raw) is not None:  # stuck repeating a sentence: stop the model here
                trace["stopped"] = "repeating itself"
                break
            before = shown()
            v = guard.feed(chunk.content)
            if v is not None and not v.allowed:
                blocked_verdict = v
                break  # closing the stream stops the model
            yield from check_complete(guard.safe_text, final=False)
            now = shown()
            if now != before and now:
                timings.setdefault("first_text", _ms(t0))
                yield {"type": "delta", "text": now}
        final = blocked_verdict or guard.finish()
        timings["generate"] = _ms(t)
        text = guard.safe_text
        if final.allowed and final.redacted != text:
            text = final.redacted
        if trace.get("stopped") and (cut := loop_start(text, repeats=2)) is not None:
            text = text[:cut].rstrip()
        if final.allowed:
            if text != guard.safe_text:  # redacted or cut: check the final text from scratch
                checked.clear()
            yield from check_complete(text, final=True)
        trace["output_verdict"] = final.to_dict()
        trace["raw_answer_chars"] = len(raw)
        trace["model_sentences"] = [sg.to_dict() for sg in checked]
        timings["grounding"] = round(grounding_ms + checker.setup_ms, 1)

        sentences = list(checked)
        if self.answer_mode == "grounded":
            kept = [sg for sg in checked if sg.supported]
            trace["dropped_sentences"] = [sg.text for sg in checked if not sg.supported]
            if not kept:  # nothing the model said is supported: quote the passages instead
                kept = [_quote_grounding(q, checker) for q in quotes]
                trace["fell_back_to_quotes"] = True
            sentences = kept
        out = _compose(sentences) if self.answer_mode == "grounded" else _compose(sentences, unsupported=True)
        if not final.allowed:
            out = (out + "\n\n" if out else "") + "[The rest of the answer was withheld: " + \
                "; ".join(final.reasons or ["unsafe output"]) + "]"
        yield {"type": "delta", "text": out}
        citations, unknown = build_citations(raw, used)
        trace["unknown_markers"] = unknown
        trace["model_markers"] = [c.n for c in citations if c.cited]
        timings["total"] = _ms(t0)
        yield {"type": "done", "answer": Answer(out, citations_for(sentences), standalone, True,
                                                not final.allowed, trace, sentences, False, "", self.answer_mode)}


def _quote_grounding(q: Quote, checker: GroundingChecker) -> SentenceGrounding:
    """A verbatim quote is supported by the sentence it was taken from (checked all the same)."""
    sg = checker.check(q.text, quote=True)
    if not sg.supported or q.n not in sg.citations:  # pragma: no cover - a quote always matches itself
        log.warning("a quote did not ground to its own chunk: %r", q.text[:80])
    return sg


def _compose(sentences: list[SentenceGrounding], unsupported: bool = False) -> str:
    """Sentences with their [n] markers; unsupported ones unmarked (the UI flags them)."""
    parts = []
    for sg in sentences:
        body = strip_markers(sg.text)
        if sg.supported and sg.citations:
            body += " " + "".join(f"[{n}]" for n in sg.citations[:3])
        elif not unsupported:
            continue
        parts.append(body)
    return " ".join(parts)


def _citations(hits, sentences: list[SentenceGrounding], warned: dict[str, str] | None = None) -> list[Citation]:
    """One citation per passage shown to the model; `cited` when a supported sentence rests on it; the
    warning of each passage in `warned` (chunk id -> its text)."""
    used = {n for sg in sentences if sg.supported for n in sg.citations}
    citations, _ = build_citations(" ".join(strip_markers(sg.text) for sg in sentences), hits)
    for c in citations:
        c.cited = c.n in used
        if c.id in (warned or {}):
            c.warning = warned[c.id]
    return citations


def left_out(flagged: list[dict] | None) -> list[dict]:
    """The trace's flagged passages that no answer used (not quoted with a warning, not kept without the
    paragraphs that were flagged)."""
    return [f for f in flagged or [] if not f.get("quoted") and not f.get("trimmed")]


def trimmed_out(flagged: list[dict] | None) -> list[dict]:
    """The trace's flagged passages kept without the paragraphs that read like injection."""
    return [f for f in flagged or [] if f.get("trimmed")]


def keeps_out(verdict) -> bool:
    """Whether a context-stage verdict keeps its passage out of the answer."""
    return not verdict.allowed or verdict.action == "block"


def context_flagged(text: str) -> bool:
    """The context-stage scan a retrieved passage gets, as a yes/no (also per paragraph: flagged_paragraphs.py)."""
    return keeps_out(scan(text, "context"))


def injection_flagged(text: str) -> bool:
    """Whether the context-stage injection scanner itself flags `text` (a paragraph the trimming removes)."""
    r = scan(text, "context").scanners.get("injection")
    return bool(r and r.flagged)


def flagged_by(verdict) -> set[str]:
    """The scanners that flagged a verdict's text."""
    return {name for name, r in verdict.scanners.items() if r.flagged}


def injection_only(verdict) -> bool:
    """Flagged by the injection scanner and by no other (only such a passage may be quoted whole, with a warning)."""
    return flagged_by(verdict) == {"injection"}


def _ms(t: float) -> float:
    return round((time.perf_counter() - t) * 1000, 1)
