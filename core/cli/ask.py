"""`python -m core ask --collection NAME [--json] QUESTION`: a cited answer from a collection."""
from __future__ import annotations

import sys

from core.cli._output import print_json, read_text_arg


def register(sub) -> None:
    p = sub.add_parser("ask", help="answer QUESTION from a collection's documents, with citations")
    p.add_argument("question", metavar="QUESTION", help="the question ('-' reads stdin)")
    p.add_argument("--collection", required=True)
    p.add_argument("--k", type=int, default=None, help="chunks to retrieve (GENAI_RETRIEVAL_K)")
    p.add_argument("--mode", choices=("vector", "bm25", "hybrid"), default=None)
    p.add_argument("--prompt-mode", choices=("zero_shot", "few_shot", "chain_of_thought"), default=None)
    p.add_argument("--answer-mode", choices=("extractive", "grounded", "abstractive"), default=None,
                   help="quote the passages, keep only supported model sentences, or the model's answer "
                        "with each sentence checked (GENAI_ANSWER_MODE)")
    p.add_argument("--history", metavar="FILE", default=None,
                   help='earlier turns for a follow-up: a JSON list of {"role": "user"|"assistant", "content"}')
    p.add_argument("--max-new-tokens", type=int, default=None)
    p.add_argument("--trace", action="store_true", help="with --json, include the trace (prompt, scores, timings)")
    p.add_argument("--json", action="store_true",
                   help='print {"answer", "sentences": [{"text", "citations", "supported"}], "grounded_share", '
                        '"abstained", "abstain_reason", "p_answerable", "low_confidence", "standalone_question", '
                        '"citations": [{"n", "source", "page", "text"}]}')
    p.set_defaults(func=run)


def run(args) -> int:
    from core.config import get_settings
    from core.models.sampling import SamplingParams
    from core.retrieval.chain import RagChain, left_out
    from core.retrieval.collection import existing_collection

    question = read_text_arg(args.question).strip()
    if not question:
        raise ValueError("QUESTION is empty")
    if existing_collection(args.collection).count() == 0:
        raise ValueError(f"collection {args.collection!r} is empty; add documents with "
                         f"`python -m core ingest --collection {args.collection} PATH...`")
    history = _read_history(args.history) if args.history else []
    params = SamplingParams(max_new_tokens=args.max_new_tokens or get_settings().models.llm_max_new_tokens)
    chain = RagChain(args.collection, k=args.k, mode=args.mode, prompt_mode=args.prompt_mode, params=params,
                     answer_mode=args.answer_mode)
    if args.json:
        a = chain.ask(question, history)
        out = {"answer": a.answer, "answer_mode": a.answer_mode, "found": a.found, "blocked": a.blocked,
               "question": a.question, "standalone_question": a.question,
               "standalone_method": a.trace.get("standalone_question", {}).get("method"),
               "sentences": [{"text": s.text, "citations": s.citations, "supported": s.supported,
                              "span": s.span.text if s.span and s.supported else None,
                              "reason": s.reason} for s in a.sentences],
               "grounded_share": round(a.grounded_share, 3),
               "abstained": a.abstained, "abstain_reason": a.abstain_reason,
               "p_answerable": a.p_answerable, "low_confidence": a.low_confidence,
               "citations": [c.to_dict() for c in a.citations]}
        if args.trace:
            out["trace"] = a.trace
        print_json(out)
        return 0
    answer = None
    shown = ""
    for event in chain.stream(question, history):
        if event["type"] == "delta":  # the guard releases checked text sentence by sentence
            sys.stdout.write(event["text"][len(shown):] if event["text"].startswith(shown) else "\n" + event["text"])
            sys.stdout.flush()
            shown = event["text"]
        elif event["type"] == "done":
            answer = event["answer"]
    sys.stdout.write("\n")
    if answer.abstained:
        print(f"(abstained: {answer.abstain_reason})")
    else:
        print(f"({answer.grounded_share:.0%} of sentences supported)")
        if answer.low_confidence:
            print(f"(low confidence: an estimated {answer.p_answerable:.0%} chance that the documents answer this; "
                  "the quotes may not answer it)")
    for s in answer.sentences:
        print(("  ok " if s.supported else "  ?? ") + s.text[:100] + (f"  -> {s.citations}" if s.supported
                                                                        else f"  ({s.reason})"))
    if left := left_out(answer.trace.get("flagged")):
        print(f"({len(left)} retrieved passage(s) left out by the safety scan: "
              + "; ".join(f"{f['source']}: {', '.join(f['reasons'])}" for f in left) + ")")
    for c in answer.citations:
        mark = "*" if c.cited else " "
        print(f"{mark}[{c.n}] {c.source} p.{c.page}: {' '.join(c.text.split())[:120]}")
        if c.warning:
            print(f"     ⚠ {c.warning}")
    return 0


def _read_history(path: str) -> list[dict]:
    import json
    from pathlib import Path

    try:
        data = json.loads(Path(path).read_text())
    except (OSError, ValueError) as e:
        raise ValueError(f"--history {path!r}: {e}") from None
    if not isinstance(data, list) or not all(
            isinstance(t, dict) and t.get("role") in ("user", "assistant") and "content" in t for t in data):
        raise ValueError(f'--history {path!r} must be a JSON list of {{"role": "user"|"assistant", "content"}}')
    return data
