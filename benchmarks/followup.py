"""Follow-up questions: does the bundled model's rewrite find turn 2's passage better than the fallback?

For each conversation of assets/rag_followup.jsonl (turn 1 asked and answered, turn 2 a follow-up
that names its subject only through the conversation) the standalone question is built three ways:

  as asked              the follow-up alone
  previous + follow-up  followup.py's fallback: the previous question followed by the follow-up
  model rewrite         the chain's own rewrite (RagChain._rewrite: condense_messages, up to 48
                        tokens) through followup.py's check, which falls back when the rewrite
                        lacks words of the conversation or of the follow-up; and the raw rewrite
                        searched as is, to see what the check saves

and searched with the chain's retriever at the chatbot's defaults (hybrid, k=4) over the sample
corpus (assets/rag_corpus, default chunking). A hit@4 is turn 2's gold passage inside one of the
4 chunks of its source. Also reported: how often the check accepts the rewrite, how often the
rewrite is a question at all, and the rewrite's time (p50/p90; pin the process and read the
load average printed beside it: timing depends on load, quality does not).

    taskset -c 0 env GENAI_THREADS=1 OMP_NUM_THREADS=1 .venv/bin/python benchmarks/followup.py \\
        --data-dir /tmp/followup-bench --out benchmarks/results/followup.md
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

CORPUS = ROOT / "assets" / "rag_corpus"
FOLLOWUPS = ROOT / "assets" / "rag_followup.jsonl"
COLLECTION = "followup-sample"


def load_set(path: Path = FOLLOWUPS) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if "question" in r]  # the first line says how the set was made


def load_average() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def run(conversations: list[dict]) -> tuple[list[dict], str, str, int]:
    from core.retrieval.chain import RagChain
    from core.retrieval.collection import open_collection
    from core.retrieval.followup import normalize_history, standalone_question

    col = open_collection(COLLECTION)
    if col.count() == 0:
        assert col.ingest(sorted(CORPUS.iterdir())).ok
    chain = RagChain(COLLECTION, answer_mode="grounded")  # retriever and rewrite at the app's defaults
    rewrite = chain._rewrite(None)  # the chain's own rewrite step, whatever the setting says

    def hit(text: str, c: dict) -> int | None:
        """Rank (1-4) of the first retrieved chunk holding the gold passage; None when none does."""
        docs = chain.retriever.invoke(text)
        return next((i for i, d in enumerate(docs, 1) if d.metadata["source"] == c["source"]
                     and c["passage"] in " ".join(d.page_content.split())), None)

    rewrite(conversations[0]["question"], normalize_history(conversations[0]["history"]))  # load the model
    load_before = load_average()
    rows = []
    for c in conversations:
        history = normalize_history(c["history"])
        seconds = []

        def timed(question, turns):
            t = time.perf_counter()
            out = rewrite(question, turns)
            seconds.append(time.perf_counter() - t)
            return out

        fallback = standalone_question(c["question"], history)
        with_model = standalone_question(c["question"], history, timed)
        raw = " ".join((with_model.rewrite or "").split())
        rows.append({"question": c["question"], "method": with_model.method, "rewrite": raw,
                     "is_question": raw.endswith("?"), "rewrite_s": seconds[0] if seconds else None,
                     "hit": {"as asked": hit(c["question"], c),
                             "previous + follow-up": hit(fallback.text, c),
                             "model rewrite, checked": hit(with_model.text, c),
                             "model rewrite, raw": hit(raw, c) if raw else None},
                     "fallback_method": fallback.method})
    return rows, load_before, load_average(), col.count()


def report(rows: list[dict], load_before: str, load_after: str, chunks: int, command: str) -> str:
    n = len(rows)
    methods = ("as asked", "previous + follow-up", "model rewrite, checked", "model rewrite, raw")
    accepted = sum(r["method"] == "model rewrite" for r in rows)
    questions = sum(r["is_question"] for r in rows)
    times = [r["rewrite_s"] for r in rows if r["rewrite_s"] is not None]
    lines = [f"    {command}", "",
             f"{n} conversations (assets/rag_followup.jsonl), sample corpus ({chunks} chunks at the default "
             "chunking), hybrid retrieval, k=4.", "",
             "| standalone question | hit@4 | hit@1 |", "|---|---|---|"]
    for m in methods:
        h4, h1 = sum(r["hit"][m] is not None for r in rows), sum(r["hit"][m] == 1 for r in rows)
        lines.append(f"| {m} | {h4}/{n} = {h4 / n:.3f} | {h1}/{n} = {h1 / n:.3f} |")
    found = {m: [r["hit"][m] is not None for r in rows] for m in methods}
    both = sum(a and not b for a, b in zip(found["previous + follow-up"], found["model rewrite, checked"]))
    only = sum(b and not a for a, b in zip(found["previous + follow-up"], found["model rewrite, checked"]))
    lines += ["", f"- Rewrite accepted by followup.py's check: {accepted}/{n}; rewrites that are a question "
              f"(end with '?'): {questions}/{n}.",
              f"- Conversations the fallback finds and the checked rewrite misses: {both}; the reverse: {only}.",
              f"- Follow-ups followup.py takes as self-contained (searched as asked): "
              f"{sum(r['fallback_method'] == 'as asked' for r in rows)}/{n}.",
              f"- Rewrite time (one call, 48 new tokens at most): p50 {statistics.median(times):.2f} s, "
              f"p90 {pct(times, 90):.2f} s, max {max(times):.2f} s over {len(times)} calls.",
              f"- Load: before `{load_before}`; after `{load_after}`.", "",
              "Per conversation (A = accepted by the check; rank of the gold passage, - = not in the 4: "
              "asked / fallback / checked / raw):", ""]
    for r in rows:
        marks = " ".join(str(r["hit"][m] or "-") for m in methods)
        lines.append(f"- {'A' if r['method'] == 'model rewrite' else ' '} {marks} `{r['question']}` -> "
                     f"`{r['rewrite'][:160]}`")
    return "\n".join(lines) + "\n"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", type=Path, required=True, help="GENAI_DATA_DIR for the benchmark's collection")
    p.add_argument("--limit", type=int, default=0, help="only the first N conversations (0 = all)")
    p.add_argument("--out", type=Path, help="also write the report (markdown) here")
    args = p.parse_args()
    os.environ["GENAI_DATA_DIR"] = str(args.data_dir)
    from core.config import reset_settings

    reset_settings()
    conversations = load_set()[:args.limit or None]
    rows, before, after, chunks = run(conversations)
    command = "benchmarks/followup.py --data-dir " + str(args.data_dir)
    text = report(rows, before, after, chunks, command)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
