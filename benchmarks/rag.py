"""RAG benchmark: retrieval quality, ingestion throughput vs a naive LangChain peer, query latency.

    python benchmarks/rag.py                 # parts 1-4 (several minutes on 2 CPU cores)
    python benchmarks/rag.py --skip-latency --skip-answer
    python benchmarks/rag.py --skip-quality --skip-ingest --skip-latency --answers   # parts 4 and 5

1. Quality: the QA set (assets/rag_qa.jsonl, each question with the verbatim passage that
   answers it) over the sample corpus (assets/rag_corpus). A result is a hit when a chunk
   of the right file contains the passage. hit@1, hit@4 and MRR@10 for vector, BM25 and
   hybrid, at the default chunking (800/120) and at small chunks (300/50), over all questions
   and per kind: the original set, "lexical" questions (exact identifiers, section numbers,
   names, numbers, rare terms) and "paraphrase" questions (the answer's meaning, not its words).
2. Ingestion chunks/s: our Collection.ingest (load, split, embed, Chroma + BM25) against the
   named peer, LangChain `Chroma.add_documents` with the same embedder (given the chunks
   already split, so it pays only for embedding and storing), both into fresh stores, in
   this run. Then a new version of the corpus (one file edited) into a new collection.
3. Query latency p50/p95 at 1k and 10k chunks. Chunk texts are recombined corpus sentences
   (deterministic); their vectors are the normalised mean of the sentence embeddings, so
   building 10k chunks needs only the corpus sentences embedded. Reported with and without
   the query's own embedding.
4. Answer latency: seconds from asking to the first model token and to the first text the
   output guard releases, with the bundled chat model.
5. Answers: every 4th QA question answered in full per prompt mode: whether the answering
   passage was in the prompt and cited with [n], the share of its content words in the answer,
   "not found" replies, answers the loop guard stopped (core/retrieval/loops.py), and whether
   repeated sentences remain. Only with --answers (it takes minutes).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

CORPUS = ROOT / "assets" / "rag_corpus"
QA = ROOT / "assets" / "rag_qa.jsonl"
MODES = ("vector", "bm25", "hybrid")


def use_data_dir(path: Path) -> None:
    from core.config import reset_settings

    os.environ["GENAI_DATA_DIR"] = str(path)
    reset_settings()


def norm(s: str) -> str:
    return " ".join(s.split())


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


# --- 1. quality ----------------------------------------------------------------------------
def quality(workdir: Path, runtimes: tuple[str, ...] = ("auto", "torch")) -> list[dict]:
    qa = [json.loads(line) for line in QA.read_text().splitlines() if line.strip()]
    kinds = sorted({q.get("kind", "original") for q in qa})  # original set, lexical, paraphrase
    rows = []
    for runtime in runtimes:  # the same model through each runtime: quality must not move
        use_data_dir(workdir / f"quality-{runtime}")
        resolved = _use_runtime(runtime)
        rows += _quality_rows(qa, kinds, resolved)
    use_data_dir(workdir / "quality")
    _use_runtime("auto")
    return rows


def _quality_rows(qa: list[dict], kinds: list[str], runtime: str) -> list[dict]:
    from core.retrieval.collection import open_collection
    from core.retrieval.hybrid import search

    rows = []
    for size, overlap in ((1000, 200), (800, 120), (300, 50)):
        col = open_collection(f"qa-{size}")
        col.ingest(sorted(CORPUS.iterdir()), chunk_size=size, chunk_overlap=overlap)
        for mode in MODES:
            ranks = []
            for q in qa:
                hits = search(col, q["question"], k=10, mode=mode)
                ranks.append(next((i for i, h in enumerate(hits, 1)
                                   if h.source == q["source"] and q["passage"] in norm(h.text)), None))
            for subset in ("all", *kinds):
                got = [r for q, r in zip(qa, ranks) if subset == "all" or q.get("kind", "original") == subset]
                n = len(got)
                rows.append({"runtime": runtime, "chunking": f"{size}/{overlap}", "chunks": col.count(), "mode": mode,
                             "questions": subset,
                             "hit@1": sum(r == 1 for r in got if r) / n, "hit@4": sum(r <= 4 for r in got if r) / n,
                             "MRR@10": sum(1 / r for r in got if r) / n, "n": n})
    return rows


# --- 2. ingestion --------------------------------------------------------------------------
def _naive_ingest(files: list[Path], folder: Path, name: str, size: int, overlap: int) -> tuple[int, float]:
    """The peer: LangChain Chroma.add_documents with our embedder, chunks pre-split."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_core.documents import Document

    from core.models.embeddings import get_embedder
    from core.retrieval.loaders import load_file
    from core.retrieval.splitting import split_document

    docs = [Document(page_content=c.text, metadata={"source": c.source, "page": c.page})
            for f in files for c in split_document(load_file(f), size, overlap)]
    client = chromadb.PersistentClient(path=str(folder), settings=ChromaSettings(anonymized_telemetry=False))
    store = Chroma(collection_name=name, embedding_function=get_embedder(), client=client)
    t = time.perf_counter()
    store.add_documents(docs)
    return len(docs), time.perf_counter() - t


def _ours_ingest(files: list[Path], name: str, size: int, overlap: int) -> tuple[int, float, dict]:
    from core.retrieval.collection import open_collection

    t = time.perf_counter()
    report = open_collection(name).ingest(files, chunk_size=size, chunk_overlap=overlap)
    return report.chunks_added, time.perf_counter() - t, {**report.embedding, **report.timings}


def _use_runtime(runtime: str) -> str:
    """Switch our retrieval embedder's runtime in this process; returns the resolved runtime."""
    from core.models import fast_embeddings

    os.environ["GENAI_EMBEDDING_RUNTIME"] = runtime
    from core.config import reset_settings

    reset_settings()
    fast_embeddings._fast.reset()
    emb = fast_embeddings.get_fast_embedder()
    emb.embed(["warm up"])  # export/load outside the timed part, as the peer's model is loaded
    return getattr(emb, "runtime", "torch")


def ingestion(workdir: Path, chunkings: tuple[str, ...] = ("300/50", "800/120"), repeats: int = 3,
              runtimes: tuple[str, ...] = ("auto", "onnx", "torch")) -> list[dict]:
    """Each repeat runs the peer and ours back to back in a fresh data folder; medians reported."""
    from core.models.embeddings import get_embedder

    get_embedder().embed(["warm up"])
    files = sorted(CORPUS.iterdir())
    v2 = workdir / "corpus_v2"
    shutil.copytree(CORPUS, v2)
    guide = v2 / "genai_studio_guide.md"
    guide.write_text(guide.read_text().replace("about 25 tokens per second", "about 30 tokens per second")
                     + "\n## Changelog\n\nVersion 2 adds this changelog and a faster decoder.\n")
    files_v2 = sorted(v2.iterdir())
    data_dir = os.environ.get("GENAI_DATA_DIR")
    rows = []
    for chunking in chunkings:
        size, overlap = (int(x) for x in chunking.split("/"))
        for runtime in runtimes:
            rows.extend(_ingestion_rows(workdir, files, files_v2, runtime, chunking, size, overlap, repeats))
    if data_dir is not None:
        os.environ["GENAI_DATA_DIR"] = data_dir
    _use_runtime("auto")
    return rows


def _ingestion_rows(workdir: Path, files: list[Path], files_v2: list[Path], runtime: str, chunking: str,
                    size: int, overlap: int, repeats: int) -> list[dict]:
    resolved, rows = None, []
    runs: dict[str, list] = {"fresh corpus": [], "new version (1 file edited)": []}
    tag = f"{runtime}-{size}-{overlap}"
    for r in range(repeats):
        use_data_dir(workdir / f"ingest-{tag}-{r}")  # empty embedding cache: really fresh
        resolved = _use_runtime(runtime)
        for scenario, fs, version in (("fresh corpus", files, "v1"), ("new version (1 file edited)", files_v2, "v2")):
            n, naive_s = _naive_ingest(fs, workdir / f"naive-{tag}-{r}", f"naive-{version}", size, overlap)
            n_ours, ours_s, info = _ours_ingest(fs, f"ours-{version}", size, overlap)
            runs[scenario].append((n / naive_s, n_ours / ours_s, n, info))
    for scenario, got in runs.items():
        naive = statistics.median(g[0] for g in got)
        ours = statistics.median(g[1] for g in got)
        steps = got[[g[1] for g in got].index(ours)][3] if len(got) % 2 else got[0][3]
        rows.append({"scenario": scenario, "chunking": chunking,
                     "ours runtime": resolved + (" (auto)" if runtime == "auto" else ""),
                     "chunks": got[0][2], "naive chunks/s": naive, "ours chunks/s": ours, "ratio": ours / naive,
                     "ratios per run": " ".join(f"{g[1] / g[0]:.2f}" for g in got), "ours (median run)": steps})
    return rows


# --- 3. query latency ----------------------------------------------------------------------
def _sentences() -> list[tuple[str, str]]:
    out = []
    for f in sorted(CORPUS.iterdir()):
        for s in re.split(r"(?<=[.;:])\s+|\n\s*\n", f.read_text()):
            s = norm(s)
            if len(s) > 25:
                out.append((f.name, s))
    return out


def latency(workdir: Path, sizes: list[int]) -> list[dict]:
    import numpy as np

    from core.models.embeddings import get_embedder
    from core.retrieval.collection import open_collection
    from core.retrieval.hybrid import search

    sents = _sentences()
    vecs = get_embedder().embed([s for _, s in sents])
    qa = [json.loads(line)["question"] for line in QA.read_text().splitlines() if line.strip()]
    rows = []
    use_data_dir(workdir / "latency")
    for size in sizes:
        rng = random.Random(size)
        col = open_collection(f"lat-{size}")
        ids, texts, metas, vectors = [], [], [], []
        for i in range(size):
            pick = rng.sample(range(len(sents)), rng.randint(3, 6))
            text = " ".join(sents[j][1] for j in pick)
            v = vecs[pick].mean(0)
            ids.append(f"synthetic-{i:06d}")
            texts.append(text)
            metas.append({"source": f"synthetic_{i % 50:02d}.txt", "page": 1 + i % 7, "index": i, "start": 0,
                          "doc_hash": "synthetic"})
            vectors.append(v / np.linalg.norm(v))
        t = time.perf_counter()
        col.store.add(ids, np.stack(vectors), texts, metas)
        col.bm25.add(ids, texts, [m["source"] for m in metas])
        build_s = time.perf_counter() - t
        for mode in MODES:
            search(col, qa[0], k=4, mode=mode)  # warm caches
            totals, search_only = [], []
            for q in qa * 2:
                timings: dict = {}
                t = time.perf_counter()
                search(col, q, k=4, mode=mode, timings=timings)
                total = (time.perf_counter() - t) * 1000
                totals.append(total)
                search_only.append(total - timings.get("embed_ms", 0.0))
            rows.append({"chunks": col.count(), "mode": mode, "p50 ms": pct(totals, 50), "p95 ms": pct(totals, 95),
                         "p50 ms (no query embedding)": pct(search_only, 50),
                         "p95 ms (no query embedding)": pct(search_only, 95),
                         "queries": len(totals), "store build s": build_s})
    return rows


# --- 4. answer latency ---------------------------------------------------------------------
def _qa_collection(workdir: Path):
    """The corpus at the default chunking, as part 1 left it (built here when part 1 was skipped)."""
    from core.retrieval.collection import open_collection

    use_data_dir(workdir / "quality")
    col = open_collection("qa-800")
    if col.count() == 0:
        col.ingest(sorted(CORPUS.iterdir()))
    return col


def answer_latency(workdir: Path, n: int = 5) -> list[dict]:
    from core.models.chat import get_chat_model
    from core.models.sampling import SamplingParams
    from core.retrieval.chain import RagChain

    col = _qa_collection(workdir)
    get_chat_model()  # load once: the app keeps it loaded
    qa = [json.loads(line)["question"] for line in QA.read_text().splitlines() if line.strip()]
    rows = []
    for prompt_mode in ("zero_shot", "few_shot", "chain_of_thought"):
        chain = RagChain(col.name, prompt_mode=prompt_mode, params=SamplingParams(max_new_tokens=24))
        first_token, first_text = [], []
        for q in qa[:n]:
            t = time.perf_counter()
            shown = None
            for ev in chain.stream(q):
                if ev["type"] == "delta" and shown is None:
                    shown = time.perf_counter() - t
                if ev["type"] == "done":
                    first_token.append(ev["answer"].trace["timings_ms"].get("first_token", float("nan")) / 1000)
            first_text.append(shown)
        rows.append({"prompt mode": prompt_mode, "questions": n,
                     "first token p50 s": statistics.median(first_token), "first token max s": max(first_token),
                     "first shown text p50 s": statistics.median(first_text)})
    return rows


# --- 5. answers ----------------------------------------------------------------------------
_STOP = frozenset("the a an of to and or in on for is are be by with that this it as at from".split())


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def answer_quality(workdir: Path, n: int = 30, modes: tuple[str, ...] = ("zero_shot", "few_shot", "chain_of_thought"),
                   without_guard: bool = False) -> list[dict]:
    """Every 4th QA question (all kinds), full-length answers at the default settings, per prompt mode.
    without_guard: also each mode with the chain's loop guard switched off, the named peer."""
    from core.retrieval import chain as chain_module
    from core.retrieval.chain import RagChain

    col = _qa_collection(workdir)
    qa = [json.loads(line) for line in QA.read_text().splitlines() if line.strip()][::4][:n]
    rows = []
    guard = chain_module.loop_start
    for prompt_mode, guarded in [(m, g) for m in modes for g in ((True, False) if without_guard else (True,))]:
        chain_module.loop_start = guard if guarded else (lambda text, repeats=3: None)
        try:
            got = [_answer_row(RagChain(col.name, prompt_mode=prompt_mode), q) for q in qa]
        finally:
            chain_module.loop_start = guard
        k = len(got)
        rows.append({"prompt mode": prompt_mode, "loop guard": "on" if guarded else "off", "questions": k,
                     "answer passage in prompt": sum(g["gold shown"] for g in got) / k,
                     "answer passage cited [n]": sum(g["gold cited"] for g in got) / k,
                     "passage words in answer": sum(g["cover"] for g in got) / k,
                     "said not found": sum(g["not found"] for g in got),
                     "stopped looping": sum(g["stopped"] for g in got),
                     "repeats left": sum(g["repeats left"] for g in got),
                     "mean chars": sum(g["chars"] for g in got) / k,
                     "mean s": sum(g["s"] for g in got) / k})
    return rows


def _answer_row(chain, q: dict) -> dict:
    from core.retrieval import prompts
    from core.retrieval.loops import loop_start

    t = time.perf_counter()
    a = chain.ask(q["question"])
    gold = _content_words(q["passage"])
    return {"s": time.perf_counter() - t,
            "gold shown": any(q["passage"] in norm(c.text) for c in a.citations),
            "gold cited": any(c.cited and q["passage"] in norm(c.text) for c in a.citations),
            "cover": len(gold & _content_words(a.answer)) / max(len(gold), 1),
            "not found": prompts.NOT_FOUND in a.answer,
            "stopped": bool(a.trace.get("stopped")),
            "repeats left": loop_start(a.answer, repeats=2) is not None,  # even after the guard
            "chars": len(a.answer)}


# --- 6. retrieval on long unseen documents -------------------------------------------------
LONG_CORPUS = ROOT / "assets" / "rag_corpus_long"
LONG_QA = ROOT / "assets" / "rag_qa_long.jsonl"
UNANSWERABLE = ROOT / "assets" / "rag_qa_unanswerable.jsonl"
# the held-out set: report only, never tuned on (assets/rag_corpus_heldout/SOURCES.md)
HELDOUT_CORPUS = ROOT / "assets" / "rag_corpus_heldout"
HELDOUT_QA = ROOT / "assets" / "rag_qa_heldout.jsonl"
# the second held-out set (#13, third round): written before the answer verifier was trained
HELDOUT2_CORPUS = ROOT / "assets" / "rag_corpus_heldout2"
HELDOUT2_QA = ROOT / "assets" / "rag_qa_heldout2.jsonl"
# the third held-out set (#13, fifth round): pydoc API references, written before the evidence checks
HELDOUT3_CORPUS = ROOT / "assets" / "rag_corpus_heldout3"
HELDOUT3_QA = ROOT / "assets" / "rag_qa_heldout3.jsonl"
# the fourth held-out set (#13, eighth round): task-first plain-word questions over wget, zip, patch, ps
HELDOUT4_CORPUS = ROOT / "assets" / "rag_corpus_heldout4"
HELDOUT4_QA = ROOT / "assets" / "rag_qa_heldout4.jsonl"
# the fifth held-out set (#13, eleventh round): Markdown READMEs that Python packages ship
HELDOUT5_CORPUS = ROOT / "assets" / "rag_corpus_heldout5"
HELDOUT5_QA = ROOT / "assets" / "rag_qa_heldout5.jsonl"
# the sixth held-out set (#13, thirteenth round): Debian /usr/share/doc texts, unanswerable questions
# about an attribute the document plausibly has but does not state (written before the abstention work)
HELDOUT6_CORPUS = ROOT / "assets" / "rag_corpus_heldout6"
HELDOUT6_QA = ROOT / "assets" / "rag_qa_heldout6.jsonl"
# the seventh held-out set (#13, eighteenth round): configuration-file manual pages (section 5), one question
# per drawn SENTENCE; unanswerable questions name a setting the file does not have (written before the
# learned quote ranker was trained)
HELDOUT7_CORPUS = ROOT / "assets" / "rag_corpus_heldout7"
HELDOUT7_QA = ROOT / "assets" / "rag_qa_heldout7.jsonl"
RETRIEVAL_SETS = {"long documents": (LONG_CORPUS, LONG_QA, "long"), "held-out": (HELDOUT_CORPUS, HELDOUT_QA, "heldout"),
                  "held-out 2": (HELDOUT2_CORPUS, HELDOUT2_QA, "heldout2"),
                  "held-out 3": (HELDOUT3_CORPUS, HELDOUT3_QA, "heldout3"),
                  "held-out 4": (HELDOUT4_CORPUS, HELDOUT4_QA, "heldout4"),
                  "held-out 5": (HELDOUT5_CORPUS, HELDOUT5_QA, "heldout5"),
                  "held-out 6": (HELDOUT6_CORPUS, HELDOUT6_QA, "heldout6"),
                  "held-out 7": (HELDOUT7_CORPUS, HELDOUT7_QA, "heldout7")}
# a third TUNING set (#13, round 11): prose READMEs and release notes from git's docs, not manual pages
DEV_PROSE_CORPUS = ROOT / "assets" / "rag_corpus_dev_prose"
DEV_PROSE_QA = ROOT / "assets" / "rag_qa_dev_prose.jsonl"
RETRIEVAL_SETS["dev prose"] = (DEV_PROSE_CORPUS, DEV_PROSE_QA, "devprose")
# a fourth TUNING set (#13, round 12): Markdown READMEs of five other packages, so that Markdown work is
# tuned on Markdown and held-out 5 stays report-only (assets/rag_corpus_dev_readme/SOURCES.md)
DEV_README_CORPUS = ROOT / "assets" / "rag_corpus_dev_readme"
DEV_README_QA = ROOT / "assets" / "rag_qa_dev_readme.jsonl"
RETRIEVAL_SETS["dev readme"] = (DEV_README_CORPUS, DEV_README_QA, "devreadme")
# a fifth TUNING set (#13, session 29): five GNU info manuals (grep, gzip, bc, time, ed) as plain text, with
# questions worded like visitors who have not read them, a third unanswerable
# (assets/rag_corpus_dev_info/SOURCES.md)
DEV_INFO_CORPUS = ROOT / "assets" / "rag_corpus_dev_info"
DEV_INFO_QA = ROOT / "assets" / "rag_qa_dev_info.jsonl"
RETRIEVAL_SETS["dev info"] = (DEV_INFO_CORPUS, DEV_INFO_QA, "devinfo")
# a sixth TUNING set (#13, session 31): visitors' own words over six documents of six genres (jq, ld.so and
# fonts-conf manual pages, sqlite3 pydoc page, langsmith METADATA, lsof quick start), 32 of the 60 answerable
# questions telling the visitor's own setting first, a third unanswerable (assets/rag_corpus_dev_visitors/SOURCES.md)
DEV_VISITORS_CORPUS = ROOT / "assets" / "rag_corpus_dev_visitors"
DEV_VISITORS_QA = ROOT / "assets" / "rag_qa_dev_visitors.jsonl"
RETRIEVAL_SETS["dev visitors"] = (DEV_VISITORS_CORPUS, DEV_VISITORS_QA, "devvisitors")
# a PDF set (#13, round 20): the format visitors upload most; pypdf pages have no blank lines and
# hard-wrapped lines (assets/rag_corpus_pdf/SOURCES.md). Report-only: nothing was tuned on it.
PDF_CORPUS = ROOT / "assets" / "rag_corpus_pdf"
PDF_QA = ROOT / "assets" / "rag_qa_pdf.jsonl"
RETRIEVAL_SETS["pdf"] = (PDF_CORPUS, PDF_QA, "pdf")
# the eighth held-out set (#13, round 21): answers drawn from SHORT sentences (3-7 words) of five
# section-1 manual pages, the facts the extractive answer's length rule skipped. Report-only.
HELDOUT8_CORPUS = ROOT / "assets" / "rag_corpus_heldout8"
HELDOUT8_QA = ROOT / "assets" / "rag_qa_heldout8.jsonl"
RETRIEVAL_SETS["held-out 8"] = (HELDOUT8_CORPUS, HELDOUT8_QA, "heldout8")
# the ninth held-out set (#13, round 30): questions in visitors' own words over six documents nobody on the
# team had used (xz, top, journalctl and apt-get manual pages; pathlib and logging pydoc pages), a third
# unanswerable (assets/rag_corpus_heldout9/SOURCES.md). Report-only.
HELDOUT9_CORPUS = ROOT / "assets" / "rag_corpus_heldout9"
HELDOUT9_QA = ROOT / "assets" / "rag_qa_heldout9.jsonl"
RETRIEVAL_SETS["held-out 9"] = (HELDOUT9_CORPUS, HELDOUT9_QA, "heldout9")
# the tenth held-out set (#13, round 31): visitors' own words over six documents of six genres nobody on the
# team had used (strace and tune2fs manual pages, statistics pydoc page, tqdm METADATA, valgrind FAQ, readline
# info manual), a third unanswerable (assets/rag_corpus_heldout10/SOURCES.md). Report-only.
HELDOUT10_CORPUS = ROOT / "assets" / "rag_corpus_heldout10"
HELDOUT10_QA = ROOT / "assets" / "rag_qa_heldout10.jsonl"
RETRIEVAL_SETS["held-out 10"] = (HELDOUT10_CORPUS, HELDOUT10_QA, "heldout10")
# the eleventh held-out set (#13, round 32): six documents on six subjects nobody on the team had used (mawk,
# hwclock and openssl s_client manual pages, pytest-timeout METADATA, Node.js packages.md, bzip2 info manual),
# questions in three styles, a third unanswerable (assets/rag_corpus_heldout11/SOURCES.md). Report-only.
HELDOUT11_CORPUS = ROOT / "assets" / "rag_corpus_heldout11"
HELDOUT11_QA = ROOT / "assets" / "rag_qa_heldout11.jsonl"
RETRIEVAL_SETS["held-out 11"] = (HELDOUT11_CORPUS, HELDOUT11_QA, "heldout11")
# the twelfth held-out set (#13, round 33): six documents on six subjects nobody on the team had used (cscope and
# ldap.conf manual pages, psutil METADATA, zstd CONTRIBUTING.md, gdb README, Xrender library text), questions in
# three styles, a third unanswerable (assets/rag_corpus_heldout12/SOURCES.md). Report-only.
HELDOUT12_CORPUS = ROOT / "assets" / "rag_corpus_heldout12"
HELDOUT12_QA = ROOT / "assets" / "rag_qa_heldout12.jsonl"
RETRIEVAL_SETS["held-out 12"] = (HELDOUT12_CORPUS, HELDOUT12_QA, "heldout12")
# the thirteenth held-out set (#13, session 37): six documents on six subjects nobody on the team had used (ruff
# METADATA, magic(5) and gcloud run deploy manual pages, zutty user guide, lazr.restfulclient entries doctest,
# libxslt pipes tutorial), questions in three styles, a third unanswerable (assets/rag_corpus_heldout13/SOURCES.md).
# Report-only.
HELDOUT13_CORPUS = ROOT / "assets" / "rag_corpus_heldout13"
HELDOUT13_QA = ROOT / "assets" / "rag_qa_heldout13.jsonl"
RETRIEVAL_SETS["held-out 13"] = (HELDOUT13_CORPUS, HELDOUT13_QA, "heldout13")
# ONE small document per collection (#13 round 25): what a visitor does with a private collection.
# Each item names its "document"; answers_grounded ingests each document into a collection of its own.
# "small docs" is a tuning set (written by the lead); "held-out small" is drawn from this machine's
# package READMEs by another procedure (assets/rag_corpus_heldout_small/SOURCES.md), report-only.
SMALL_DOCS_CORPUS = ROOT / "assets" / "rag_corpus_small_docs"
SMALL_DOCS_QA = ROOT / "assets" / "rag_qa_small_docs.jsonl"
HELDOUT_SMALL_CORPUS = ROOT / "assets" / "rag_corpus_heldout_small"
HELDOUT_SMALL_QA = ROOT / "assets" / "rag_qa_heldout_small.jsonl"
PER_DOCUMENT_SETS = {"small docs": SMALL_DOCS_CORPUS, "held-out small": HELDOUT_SMALL_CORPUS}


def _load_qa(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _per_document_chains(corpus: Path, prefix: str, chain_args: dict):
    """document name -> a RagChain over a collection holding that document alone (ingested on first use)."""
    from core.retrieval.chain import RagChain
    from core.retrieval.collection import open_collection

    chains = {}

    def chain_for(document: str):
        if document not in chains:
            name = f"{prefix}-" + re.sub(r"[^a-z0-9]+", "-", document.lower()).strip("-")[:40]
            col = open_collection(name)
            if col.count() == 0:
                col.ingest([corpus / document])
            col.retokenize_if_stale()
            chains[document] = RagChain(name, **chain_args)
        return chains[document]
    return chain_for


def _long_files(corpus: Path = LONG_CORPUS) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md", ".pdf") and p.name != "SOURCES.md")


def _rank_of(hits, q: dict) -> int | None:
    return next((i for i, h in enumerate(hits, 1) if h[0] == q["source"] and q["passage"] in norm(h[1])), None)


def _scores(ranks: list) -> dict:
    n = len(ranks)
    return {"hit@1": sum(r == 1 for r in ranks if r) / n, "hit@4": sum(r <= 4 for r in ranks if r) / n,
            "MRR@10": sum(1 / r for r in ranks if r) / n, "n": n}


def _naive_langchain_ranks(qa: list[dict], files: list[Path], folder: Path) -> tuple[list, int]:
    """The peer: LangChain's RecursiveCharacterTextSplitter at 1000/200 (its common default),
    Chroma vector search, the same MiniLM; nothing else."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from core.models.embeddings import get_embedder
    from core.retrieval.loaders import load_file

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    docs = []
    for f in files:
        d = load_file(f)
        for page, text in d.pages:
            docs += [Document(page_content=t, metadata={"source": d.name}) for t in splitter.split_text(text)]
    client = chromadb.PersistentClient(path=str(folder), settings=ChromaSettings(anonymized_telemetry=False))
    store = Chroma(collection_name="naive", embedding_function=get_embedder(), client=client)
    store.add_documents(docs)
    ranks = []
    for q in qa:
        found = store.similarity_search(q["question"], k=10)
        ranks.append(_rank_of([(d.metadata["source"], d.page_content) for d in found], q))
    return ranks, len(docs)


def long_retrieval(workdir: Path, chunkings: tuple[str, ...] = ("800/120", "1000/200", "600/100"),
                   header_variants: tuple[bool, ...] = (True, False),
                   rerank_modes: tuple[str, ...] = ("vector", "hybrid"),
                   set_name: str = "long documents") -> list[dict]:
    """hit@k and MRR on a long-document set (answerable questions) per chunking and mode,
    beside the naive LangChain peer measured in the same run."""
    from core.retrieval.collection import open_collection
    from core.retrieval.hybrid import search
    from core.retrieval.rerank import rerank

    corpus, qa_file, folder = RETRIEVAL_SETS[set_name]
    qa = [q for q in _load_qa(qa_file) if q["source"]]
    files = _long_files(corpus)
    use_data_dir(workdir / folder)
    ranks, n_chunks = _naive_langchain_ranks(qa, files, workdir / f"{folder}-naive")
    rows = [{"set": set_name, "system": "naive LangChain (1000/200, vector)", "chunks": n_chunks, "mode": "vector",
             **_scores(ranks)}]
    for chunking in chunkings:
        size, overlap = (int(x) for x in chunking.split("/"))
        for headers in header_variants:
            col = open_collection(f"long-{size}-{overlap}-{'h' if headers else 'nh'}")
            if col.count() == 0:
                col.ingest(files, chunk_size=size, chunk_overlap=overlap, headers=headers)
            name = f"ours {chunking}" + (" + headers" if headers else "")
            for mode in MODES:
                got = [_rank_of([(h.source, h.text) for h in search(col, q["question"], k=10, mode=mode)], q)
                       for q in qa]
                rows.append({"set": set_name, "system": name, "chunks": col.count(), "mode": mode, **_scores(got)})
            for mode in rerank_modes:  # the chain's default: 12 candidates reranked by best sentence
                t = time.perf_counter()
                got = [_rank_of([(h.source, h.text) for h in rerank(q["question"], search(
                    col, q["question"], k=12, mode=mode), idf=col.bm25.idf)], q) for q in qa]
                rows.append({"set": set_name, "system": name + " + rerank@12", "chunks": col.count(), "mode": mode, **_scores(got),
                             "ms/query": (time.perf_counter() - t) * 1000 / len(qa)})
    return rows


# --- 7. grounded answers -------------------------------------------------------------------
# (label, answer_mode, prompt_mode, abstention): "today" is the chain as it was before issue #13
ANSWER_SYSTEMS = {
    "today": ("abstractive", "zero_shot", "cosine_cutoff"),
    "abstractive": ("abstractive", "zero_shot", "calibrated"),
    "grounded": ("grounded", "zero_shot", "calibrated"),
    # the model reading the four whole passages (before focused_context.py: GENAI_CONTEXT_CHARS=0)
    "abstractive (whole passages)": ("abstractive", "zero_shot", "calibrated"),
    "grounded (whole passages)": ("grounded", "zero_shot", "calibrated"),
    # #13 round 13: grounded mode with main's grounding check before the coherence rules
    # (grounding.COHERENCE off), beside "grounded" (on)
    "grounded (round 12 check)": ("grounded", "zero_shot", "calibrated"),
    # #13 round 14: grounded mode with round 13's check (the round-14 rules off), and with option/name agreement on
    "grounded (round 13 check)": ("grounded", "zero_shot", "calibrated"),
    "grounded+names": ("grounded", "zero_shot", "calibrated"),
    # #13 round 24: grounding.SUBJECT_SWAP on (a passage sentence copied with another subject is unsupported);
    # the default since round 24, so it equals "grounded" now
    "grounded+swap": ("grounded", "zero_shot", "calibrated"),
    # #15 prefix cache: the prompt before the fence's code moved from the system turn to the user turn
    "grounded (nonce in system turn)": ("grounded", "zero_shot", "calibrated"),
    "abstractive (nonce in system turn)": ("abstractive", "zero_shot", "calibrated"),
    "extractive": ("extractive", "zero_shot", "calibrated"),
    # a sentence's coverage counts its document's name at 1.0 (the default is 0.5: extractive.DOCUMENT_NAME_SHARE)
    "extractive+docname": ("extractive", "zero_shot", "calibrated"),
    # the same with the answer verifier (core/retrieval/verifier.py) re-scoring quotes and abstention
    "extractive+verifier": ("extractive", "zero_shot", "calibrated"),
    "grounded+verifier": ("grounded", "zero_shot", "calibrated"),
    # main before #13's fifth round: no evidence checks, a second quote only within 90% of the best
    "extractive (round 4)": ("extractive", "zero_shot", "calibrated"),
    # main after #13's fifth round: quotes ranked without the previous sentence, no stub neighbour
    "extractive (round 5)": ("extractive", "zero_shot", "calibrated"),
    # round 6 candidates: a sentence's coverage also counts its previous sentence (CONTEXT_SHARE);
    # a short best quote or one ending in ":" brings the next sentence (STUB_WORDS)
    "extractive+context": ("extractive", "zero_shot", "calibrated"),
    "extractive+context25": ("extractive", "zero_shot", "calibrated"),
    "extractive+context100": ("extractive", "zero_shot", "calibrated"),
    "extractive+stub": ("extractive", "zero_shot", "calibrated"),
    "extractive+context+stub": ("extractive", "zero_shot", "calibrated"),
    "extractive+stub5": ("extractive", "zero_shot", "calibrated"),
    "extractive+stub12": ("extractive", "zero_shot", "calibrated"),
    "extractive+context100+stub": ("extractive", "zero_shot", "calibrated"),
    "extractive+k5": ("extractive", "zero_shot", "calibrated"),
    "extractive+k6": ("extractive", "zero_shot", "calibrated"),
    # main after #13's sixth round: BM25 without whole option tokens ("-X", "--create")
    "extractive (round 6)": ("extractive", "zero_shot", "calibrated"),
    # round 8 candidates: every option entry starts its own chunk (splitting.ENTRY_CHUNKS)
    "extractive+entries": ("extractive", "zero_shot", "calibrated"),
    "extractive+rerank12": ("extractive", "zero_shot", "calibrated"),
    "extractive+entries+rerank12": ("extractive", "zero_shot", "calibrated"),
    "extractive+entries+k5": ("extractive", "zero_shot", "calibrated"),
    # the abstention's coverage counts the passage's document name and section header
    "extractive+headercov": ("extractive", "zero_shot", "calibrated"),
    "extractive+entries+headercov": ("extractive", "zero_shot", "calibrated"),
    # main before #13's eighth round: recursive chunks only, coverage without the document name and
    # header, the abstention without the "unseen" feature (its round-2 weights)
    "extractive (round 7)": ("extractive", "zero_shot", "calibrated"),
    # round 8 without the "unseen" feature (4 features refitted the same way)
    "extractive-unseen": ("extractive", "zero_shot", "calibrated"),
    # the entry an option named in the question heads gets a quote bonus (extractive.NAMED_ENTRY_BONUS)
    "extractive-named": ("extractive", "zero_shot", "calibrated"),
    "extractive+named30": ("extractive", "zero_shot", "calibrated"),
    # the abstention reads the unbonused best sentence (extractive.ABSTAIN_WITHOUT_BONUS), bonus 0.15 / 0.3 / 0.5
    "extractive+nb15": ("extractive", "zero_shot", "calibrated"),
    "extractive+nb30": ("extractive", "zero_shot", "calibrated"),
    "extractive+nb50": ("extractive", "zero_shot", "calibrated"),
    # the abstention refitted on the tuning sets (fresh collections), without / with the "unseen" feature
    "extractive+refit4": ("extractive", "zero_shot", "calibrated"),
    "extractive+unseen": ("extractive", "zero_shot", "calibrated"),
    # #13 round 9: an option entry's head counts its whole entry's question words (extractive.ENTRY_SHARE)
    "extractive (round 8)": ("extractive", "zero_shot", "calibrated"),
    "extractive+entryhead": ("extractive", "zero_shot", "calibrated"),
    "extractive+entryall": ("extractive", "zero_shot", "calibrated"),
    "extractive+entryhead50": ("extractive", "zero_shot", "calibrated"),
    # answer_type.ENTRY_BONUS (a definition entry for a "how do I / which option" question) at 0.25 / 0.35
    "extractive+eb15": ("extractive", "zero_shot", "calibrated"),
    "extractive+eb25": ("extractive", "zero_shot", "calibrated"),
    "extractive+eb35": ("extractive", "zero_shot", "calibrated"),
    # main after #13's ninth round (its overrides pin that round's settings of what round 10 changes)
    "extractive (round 9)": ("extractive", "zero_shot", "calibrated"),
    # round 10 candidates: command-key entries ("?pattern") get the definition-entry bonus
    # (answer_type.TERM_ENTRIES, off by default); a question word held with a negating prefix counts
    # (extractive.NEGATED_WORDS, on by default since round 10); both
    "extractive+terms": ("extractive", "zero_shot", "calibrated"),
    "extractive+negated": ("extractive", "zero_shot", "calibrated"),
    "extractive+terms+negated": ("extractive", "zero_shot", "calibrated"),
    # a second quote from the best one's option entry within 0.5 / 0.4 of its score (extractive.SAME_ENTRY_WITHIN)
    "extractive+sameentry50": ("extractive", "zero_shot", "calibrated"),
    "extractive+sameentry40": ("extractive", "zero_shot", "calibrated"),
    # the abstention refitted on the tuning sets after the context-flag fix (core/safety/documentation.py:
    # option sentences no longer flagged, so their chunks reach the answerer and the features)
    "extractive+refit10": ("extractive", "zero_shot", "calibrated"),
    # #13 round 11 candidate (off): the quantity check also for a measure asked by its noun ("What is the
    # salary ...?", abstention.MEASURE_CHECK) and no digit inside a name counted as a quantity
    # (quantity.NAME_DIGITS_ARE_NOT_QUANTITIES); measured at 969e828, where it was the default, beside
    # main's chain as "extractive (round 10)"
    "extractive+measure": ("extractive", "zero_shot", "calibrated"),
    # #13 round 11: main after round 10 (extractive.ANTECEDENT_DEPTH, CONTINUATION_WITHIN,
    # answer_type.INSTRUCTION_BONUS, quantity.COUNT_THROUGH_KINDS off), then each rule alone
    "extractive (round 10)": ("extractive", "zero_shot", "calibrated"),
    "extractive+antecedents": ("extractive", "zero_shot", "calibrated"),
    "extractive+continuation": ("extractive", "zero_shot", "calibrated"),
    "extractive+instructions": ("extractive", "zero_shot", "calibrated"),  # answer_type.INSTRUCTION_BONUS alone
    "extractive+kinds": ("extractive", "zero_shot", "calibrated"),  # quantity.COUNT_THROUGH_KINDS alone
    # #13 round 12: main's chain before Markdown cleaning (chunk_headers.MARKDOWN_CLEAN and
    # grounding.MARKDOWN_SENTENCES off), then each of the two alone
    "extractive (round 11)": ("extractive", "zero_shot", "calibrated"),
    "extractive+mdindex": ("extractive", "zero_shot", "calibrated"),
    "extractive+mdsentences": ("extractive", "zero_shot", "calibrated"),
    "extractive+mdbm25": ("extractive", "zero_shot", "calibrated"),
    "extractive+mdvector": ("extractive", "zero_shot", "calibrated"),
    # #13 round 12, lists: main's chain before list/table lead-ins (extractive.LEAD_IN_SHARE,
    # LEAD_IN_MEANING, ROW_HEADER_QUOTE, grounding.TABLE_ROWS; now off, as in main), the candidate
    # switched on ("extractive+leadins"), and variants of the candidate
    "extractive (round 12)": ("extractive", "zero_shot", "calibrated"),
    "extractive+leadins": ("extractive", "zero_shot", "calibrated"),
    "extractive+leadwords": ("extractive", "zero_shot", "calibrated"),
    "extractive+leadall": ("extractive", "zero_shot", "calibrated"),
    "extractive+leadnorows": ("extractive", "zero_shot", "calibrated"),
    "extractive+leadrowsonly": ("extractive", "zero_shot", "calibrated"),
    # #13 round 13: main's chain before the focus check (meaning_check.FOCUS_CHECK), and with it
    "extractive (round 13)": ("extractive", "zero_shot", "calibrated"),
    "extractive+focus": ("extractive", "zero_shot", "calibrated"),
    # #13 round 14: main's chain with the trained near-miss classifier (near_miss.py) switched on
    "extractive+nearmiss": ("extractive", "zero_shot", "calibrated"),
    # #13 round 15: main's chain before quotes came only from the documents a question names
    "extractive (round 14)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 16: main's chain with the expected-answer check (expected_answer.EXPECTED_ANSWER_CHECK) on
    "extractive+expected": ("extractive", "zero_shot", "calibrated"),
    # #13 round 16, quotes by meaning: main's chain before them (extractive.NAMELESS_MEANING,
    # TITLE_LINE_AS_NAME, NEIGHBOUR_WITHIN), and with the first two only
    "extractive (round 15)": ("extractive", "zero_shot", "calibrated"),
    "extractive+nameless": ("extractive", "zero_shot", "calibrated"),
    # #13 round 17: the question read without a document's name for every document it names (NAMELESS_SCOPE), that
    # reading alone for their sentences (NAMELESS_READING), and a version the question names counted as one of its
    # words (VERSION_TERMS): "extractive+r17" all three; the parts alone
    "extractive+r17": ("extractive", "zero_shot", "calibrated"),
    "extractive+titled": ("extractive", "zero_shot", "calibrated"),
    "extractive+titled+namelessonly": ("extractive", "zero_shot", "calibrated"),
    "extractive+titled+mean": ("extractive", "zero_shot", "calibrated"),
    "extractive+versions": ("extractive", "zero_shot", "calibrated"),
    # #13 round 17, second change: the neighbouring sentence must be near the question on its own
    # (NEIGHBOUR_OWN_MEANING / NEIGHBOUR_OWN_COVERAGE), alone and with the first change
    "extractive+ownneighbour": ("extractive", "zero_shot", "calibrated"),
    "extractive+r17+ownneighbour": ("extractive", "zero_shot", "calibrated"),
    # #13 round 19: passages flagged only as possible prompt injection left out of the answer (main before the
    # round) or quoted with a warning (GENAI_QUOTE_FLAGGED_PASSAGES, RagChain(quote_flagged=...))
    "extractive (flagged left out)": ("extractive", "zero_shot", "calibrated"),
    "extractive+flaggedquotes": ("extractive", "zero_shot", "calibrated"),
    # #13 round 21: short sentences quotable (MIN_QUOTE_WORDS / MIN_QUOTE_CONTENT_WORDS 3/2 and 2/1; main 5/3)
    "extractive+short3": ("extractive", "zero_shot", "calibrated"),
    "extractive+short2": ("extractive", "zero_shot", "calibrated"),
    "extractive+short3b": ("extractive", "zero_shot", "calibrated"),
    "extractive (round 20)": ("extractive", "zero_shot", "calibrated"),
    "extractive+stubfollow": ("extractive", "zero_shot", "calibrated"),
    # #13 round 23: the quote candidates re-ranked by a fitted linear score (quote_ranker.py), every one / the first 10
    "extractive+ranker": ("extractive", "zero_shot", "calibrated"),
    "extractive+ranker10": ("extractive", "zero_shot", "calibrated"),
    "extractive (hand ranking)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 23, second part: a question about a default gets the next candidate that says "default"
    "extractive+defaults50": ("extractive", "zero_shot", "calibrated"),
    "extractive+defaults0": ("extractive", "zero_shot", "calibrated"),
    "extractive (round 22)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 24b: without extractive.SECOND_ANTECEDENT (a pronoun-led second quote about what the question
    # does not ask is taken)
    "extractive (round 24)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 24c: without quantity.PERIODS ("every second Year" is no stated quantity)
    "extractive (round 24b)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 24d: without extractive.SECOND_NOT_BY_NAME (document-name words earn a second quote)
    "extractive (round 24c)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 24e: a short best quote's next sentence comes along whatever it is about (STUB_FOLLOW_ABOUT_QUESTION off)
    "extractive (round 24d)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 24g: a heading best quote does not bring its next sentence unless it is about the question
    "extractive (round 24f)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 25: without the sentence IDF of a collection whose every chunk is a passage (abstention.py) and
    # without FAQ questions as sentences of their own that are never quotes (grounding.py, extractive.py); each alone
    "extractive (round 24g)": ("extractive", "zero_shot", "calibrated"),
    "extractive (25 no idf)": ("extractive", "zero_shot", "calibrated"),
    "extractive (25 no emphasis)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 25e: plain-text heading lines still shown at the start of a quote (extractive.HEADING_LINE_OFF_QUOTES)
    "extractive (25 heading lines)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 26: main before the round (its five visitor-found rules and the helper's asked-value check off), and
    # each visitor rule alone off: an FAQ's bold lead is
    # not a quote (extractive.EMPHASIS_LEADS_ARE_NOT_QUOTES), "doesn't" is "not" (grounding.CONTRACTIONS_ARE_NOT),
    # "how long"/"how old" are the question's form in the coverage (abstention.HOW_WORDS_ARE_FORM)
    "extractive (round 25)": ("extractive", "zero_shot", "calibrated"),
    "extractive (26 no leads)": ("extractive", "zero_shot", "calibrated"),
    "extractive (26 no contractions)": ("extractive", "zero_shot", "calibrated"),
    "extractive (26 no how)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 26d: the asker's "do I need" keeps "need" in the evidence coverage (abstention.ASKER_NEED_IS_FORM off)
    "extractive (26 no need)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 26e: a plain-text document's title line may be quoted (extractive.TITLE_LINES_ARE_NOT_QUOTES off)
    "extractive (26 titles)": ("extractive", "zero_shot", "calibrated"),
    # #13 round 26 (helper): the asked-for value must be stated by a quote (asked_value.ASKED_VALUE_CHECK, on since
    # then): "extractive+asked" = on (as measured), "extractive (round 25i)" = main before it
    "extractive+asked": ("extractive", "zero_shot", "calibrated"),
    "extractive (round 25i)": ("extractive", "zero_shot", "calibrated"),
    # session 28: a chunk flagged as possible injection dropped whole (flagged_paragraphs.TRIM_FLAGGED_PARAGRAPHS off)
    "extractive (flagged chunks whole)": ("extractive", "zero_shot", "calibrated"),
    # session 28: a version number answers "In what year / when first ...?" (asked_value.DATES_ON_THE_CALENDAR off)
    "extractive (versions as dates)": ("extractive", "zero_shot", "calibrated"),
    # session 28: any capitalised name answers "Who founded / maintains X?" (asked_value.AUTHOR_NEEDS_A_ROLE off)
    "extractive (any name)": ("extractive", "zero_shot", "calibrated"),
    # session 29: four passages per question (GENAI_RETRIEVAL_K's default until then; 5 since)
    "extractive (k 4)": ("extractive", "zero_shot", "calibrated"),
    # session 29: British and American spellings kept apart (bm25.US_SPELLING off; the index is re-tokenized)
    "extractive (spellings apart)": ("extractive", "zero_shot", "calibrated"),
    # session 30: quotes ranked by the question encoder tuned on visitors' wording (question_encoder.RANK_QUOTES);
    # at half weight beside the wheel's cosine (a third ranking list in hybrid search, measured in 973dd1e, was removed)
    "extractive+question encoder": ("extractive", "zero_shot", "calibrated"),
    # session 37: question words held in other words (extractive.SOFT_SHARE / SOFT_MIN_COSINE, soft_coverage.py)
    "extractive+soft80": ("extractive", "zero_shot", "calibrated"),
    "extractive+soft80h": ("extractive", "zero_shot", "calibrated"),
    "extractive+soft85": ("extractive", "zero_shot", "calibrated"),
    "extractive+soft85h": ("extractive", "zero_shot", "calibrated"),
    "extractive (tuned 0.5)": ("extractive", "zero_shot", "calibrated"),
    # session 31: key terms only from the sentences that ask (key_terms.ASKING_SENTENCES_ONLY)
    "extractive (asking sentences)": ("extractive", "zero_shot", "calibrated"),
    # session 37: the abstention's coverage from the asking sentences too (abstention.ASKING_SENTENCES_COVERAGE)
    "extractive (asking coverage)": ("extractive", "zero_shot", "calibrated"),
    # session 38: more question forms that name their value (asked_value.MORE_FORMS); a how-many question counts
    # the head of its noun phrase (quantity.COUNTED_HEAD); and both
    "extractive+more forms": ("extractive", "zero_shot", "calibrated"),
    "extractive+counted head": ("extractive", "zero_shot", "calibrated"),
    "extractive+forms+head": ("extractive", "zero_shot", "calibrated"),
    # session 39: a number written as code is no version (expected_answer.CODE_NUMBERS_ARE_NOT_VERSIONS)
    "extractive+code numbers": ("extractive", "zero_shot", "calibrated"),
    # session 39: questions that ask for an age (asked_value.AGE_FORMS); main before it
    "extractive+age forms": ("extractive", "zero_shot", "calibrated"),
    "extractive (session 38)": ("extractive", "zero_shot", "calibrated"),
    # session 40: an injection-only flag on the question does not refuse an extractive answer; main before it
    "extractive+input injection ignored": ("extractive", "zero_shot", "calibrated"),
    "extractive (session 39)": ("extractive", "zero_shot", "calibrated"),
    # main before session 38's question forms (asked_value.MORE_FORMS off)
    "extractive (session 37)": ("extractive", "zero_shot", "calibrated"),
    # session 32: the verifier (retrained on visitor questions) re-ranking the quotes only, at two weights
    "extractive+verifier rerank": ("extractive", "zero_shot", "calibrated"),
    "extractive+verifier rerank 0.5": ("extractive", "zero_shot", "calibrated"),
    # session 32: abstention.THRESHOLD re-derived by its documented rule on the seven tuning sets
    "extractive (threshold 0.22)": ("extractive", "zero_shot", "calibrated"),
    # main before session 32's threshold (abstention.THRESHOLD 0.31), for the held-out sets written after it
    "extractive (threshold 0.31)": ("extractive", "zero_shot", "calibrated"),
    # session 33: the verifier reads the 4 best candidates and feeds the abstention, re-ranking nothing (weight 0)
    "extractive+verifier read": ("extractive", "zero_shot", "calibrated"),
}
# #13 round 12's list/table lead-in candidate, switched on (off by default: it cost held-out 3 two answers)
LEAD_INS = {"lead_in_share": 1.0, "lead_in_meaning": True, "row_header_quote": True, "table_rows": True}
# #13 round 17's candidate (extractive.py): names read out of the question for every document it names, versions
ROUND17 = {"nameless_scope": "titled", "nameless_reading": "nameless", "version_terms": True}
# #13 round 17's stricter neighbour test (extractive.py)
OWN_NEIGHBOUR = {"neighbour_own_meaning": 0.7, "neighbour_own_coverage": 0.3}
# settings a system runs with instead of the defaults: RagChain arguments, and lower-case names of
# core/retrieval/extractive.py's module constants (EXTRACTIVE_KNOBS)
SYSTEM_OVERRIDES = {"today": {"context_chars": 0},
                    "extractive (asking coverage)": {"asking_sentences_coverage": True},
                    "extractive+more forms": {"more_forms": True},
                    "extractive (session 37)": {"more_forms": False},
                    "extractive+counted head": {"counted_head": True},
                    "extractive+forms+head": {"more_forms": True, "counted_head": True},
                    "extractive+code numbers": {"code_numbers_are_not_versions": True},
                    "extractive+age forms": {"age_forms": True},
                    "extractive (session 38)": {"age_forms": False},
                    "extractive+input injection ignored": {"input_injection_ignored": True},
                    "extractive (session 39)": {"input_injection_ignored": False},
                    "extractive+soft80": {"soft_share": 1.0, "soft_min_cosine": 0.8},
                    "extractive+soft80h": {"soft_share": 0.5, "soft_min_cosine": 0.8},
                    "extractive+soft85": {"soft_share": 1.0, "soft_min_cosine": 0.85},
                    "extractive+soft85h": {"soft_share": 0.5, "soft_min_cosine": 0.85},
                    "extractive+short3": {"min_quote_words": 3, "min_quote_content_words": 2},
                    "extractive+short2": {"min_quote_words": 2, "min_quote_content_words": 1},
                    "extractive+short3b": {"min_quote_words": 3, "min_quote_content_words": 2,
                                           "short_quotes_best_only": True},
                    "extractive+stubfollow": {"stub_follow_about_question": True},
                    "extractive+ranker": {"ranker": "fitted", "ranker_depth": None},
                    "extractive+ranker10": {"ranker": "fitted", "ranker_depth": 10},
                    "extractive (hand ranking)": {"ranker": None},
                    "extractive+defaults50": {"default_within": 0.5},
                    "extractive+defaults0": {"default_within": 0.0},
                    "extractive (round 22)": {"default_within": None, "second_antecedent": False, "periods": False,
                                              "second_not_by_name": False, "stub_follow_about_question": False},
                    "extractive (round 24)": {"second_antecedent": False, "periods": False, "second_not_by_name": False, "stub_follow_about_question": False},
                    "extractive (round 24b)": {"periods": False, "second_not_by_name": False, "stub_follow_about_question": False},
                    "extractive (round 24c)": {"second_not_by_name": False, "stub_follow_about_question": False},
                    "extractive (round 24d)": {"stub_follow_about_question": False},
                    "extractive (round 24f)": {"stub_follow_heading": False},
                    "extractive (round 24g)": {"small_collection_idf": False, "emphasis_ends_sentence": False,
                                              "heading_line_off_quotes": False,
                                              "questions_are_not_quotes": False},
                    "extractive (25 no idf)": {"small_collection_idf": False},
                    "extractive (25 no emphasis)": {"emphasis_ends_sentence": False, "questions_are_not_quotes": False},
                    "extractive (25 heading lines)": {"heading_line_off_quotes": False},
                    "extractive (round 25)": {"emphasis_leads_are_not_quotes": False, "contractions_are_not": False,
                                              "how_words_are_form": False, "asker_need_is_form": False,
                                              "title_lines_are_not_quotes": False},  # (and asked_value_check, below)
                    "extractive (26 no leads)": {"emphasis_leads_are_not_quotes": False},
                    "extractive (26 no contractions)": {"contractions_are_not": False},
                    "extractive (26 no how)": {"how_words_are_form": False},
                    "extractive (26 no need)": {"asker_need_is_form": False},
                    "extractive (26 titles)": {"title_lines_are_not_quotes": False},
                    "extractive (round 20)": {"min_quote_words": 5, "min_quote_content_words": 3,
                                              "short_quotes_best_only": False},
                    "extractive (flagged left out)": {"quote_flagged": False},
                    "extractive+flaggedquotes": {"quote_flagged": True},
                    "extractive (round 4)": {"evidence_checks": False, "second_within": 0.9,
                                             "context_share": 0.0, "stub_words": 0},
                    "extractive (round 5)": {"second_within": 0.7, "context_share": 0.0, "stub_words": 0},
                    "extractive+context": {"context_share": 0.5},
                    "extractive+context25": {"context_share": 0.25},
                    "extractive+context100": {"context_share": 1.0},
                    "extractive+stub": {"stub_words": 8},
                    "extractive+context+stub": {"context_share": 0.5, "stub_words": 8},
                    "extractive+stub5": {"stub_words": 5},
                    "extractive+stub12": {"stub_words": 12},
                    "extractive+context100+stub": {"context_share": 1.0, "stub_words": 8},
                    "extractive+k5": {"k": 5},
                    "extractive+k6": {"k": 6},
                    "extractive (round 6)": {"option_tokens": False},
                    "extractive+entries": {"entry_chunks": True},
                    "extractive+rerank12": {"rerank_depth": 12},
                    "extractive (k 4)": {"k": 4},
                    "extractive (spellings apart)": {"us_spelling": False},
                    "extractive+question encoder": {"tuned_questions": True},
                    "extractive (tuned 0.5)": {"tuned_questions": True, "tuned_share": 0.5},
                    "extractive (asking sentences)": {"asking_only": True},
                    "extractive+verifier rerank": {"verifier_feeds_abstention": False, "verifier_weight": 0.2},
                    "extractive+verifier rerank 0.5": {"verifier_feeds_abstention": False, "verifier_weight": 0.5},
                    "extractive (threshold 0.22)": {"threshold": 0.22},
                    "extractive+verifier read": {"verifier_feeds_abstention": True, "verifier_weight": 0.0},
                    "extractive (threshold 0.31)": {"threshold": 0.31},
                    "extractive+entries+rerank12": {"entry_chunks": True, "rerank_depth": 12},
                    "extractive+entries+k5": {"entry_chunks": True, "k": 5},
                    "extractive+headercov": {"header_coverage": True},
                    "extractive+entries+headercov": {"entry_chunks": True, "header_coverage": True},
                    "extractive (round 7)": {"entry_chunks": False, "header_coverage": False, "named_entry_bonus": 0.0,
                                             "abstain_without_bonus": False,
                                             "weights": {"coverage": 3.89, "sentence": 2.2, "vector": 1.74,
                                                         "agreement": 1.07}, "bias": -4.52, "threshold": 0.29},
                    "extractive-named": {"named_entry_bonus": 0.0},
                    "extractive+named30": {"named_entry_bonus": 0.3},
                    "extractive+nb15": {"abstain_without_bonus": True},
                    "extractive+nb30": {"abstain_without_bonus": True, "named_entry_bonus": 0.3},
                    "extractive+nb50": {"abstain_without_bonus": True, "named_entry_bonus": 0.5},
                    "extractive-unseen": {"weights": {"coverage": 4.31, "sentence": 2.89, "vector": 1.29,
                                                      "agreement": 0.05}, "bias": -4.28, "threshold": 0.29},
                    "extractive+refit4": {"weights": {"coverage": 3.7, "sentence": 3.01, "vector": 1.25,
                                                      "agreement": 0.64}, "bias": -4.31, "threshold": 0.27},
                    "extractive+unseen": {"weights": {"coverage": 3.38, "sentence": 2.82, "vector": 1.22,
                                                      "agreement": 0.83, "unseen": -0.87},
                                          "bias": -3.85, "threshold": 0.32},
                    "extractive (round 8)": {"entry_share": 0.0, "entry_bonus": 0.15},
                    "extractive+entryhead": {"entry_share": 1.0, "entry_scope": "head"},
                    "extractive+entryall": {"entry_share": 1.0, "entry_scope": "all"},
                    "extractive+entryhead50": {"entry_share": 0.5, "entry_scope": "head"},
                    "extractive+eb15": {"entry_bonus": 0.15},
                    "extractive+eb25": {"entry_bonus": 0.25},
                    "extractive+eb35": {"entry_bonus": 0.35},
                    "extractive (round 9)": {"term_entries": False, "negated_words": False, "same_entry_within": 0.0},
                    "extractive+terms": {"term_entries": True},
                    "extractive+negated": {"negated_words": True},
                    "extractive+terms+negated": {"term_entries": True, "negated_words": True},
                    "extractive+sameentry50": {"same_entry_within": 0.5},
                    "extractive+sameentry40": {"same_entry_within": 0.4},
                    "extractive+refit10": {"weights": {"coverage": 4.25, "sentence": 2.43, "vector": 1.48,
                                                       "agreement": 0.23, "unseen": -0.73},
                                           "bias": -3.99, "threshold": 0.31},
                    "extractive+measure": {"measure_check": True, "name_digits": True},
                    "extractive+docname": {"document_name_share": 1.0},
                    "abstractive (whole passages)": {"context_chars": 0},
                    "grounded (whole passages)": {"context_chars": 0},
                    "grounded (round 12 check)": {"coherence": False, "round14": False},
                    "grounded (round 13 check)": {"round14": False},
                    "grounded+names": {"names_agree": "passage"},
                    "grounded+swap": {"subject_swap": True},
                    "grounded (nonce in system turn)": {"nonce_in_system": True},
                    "abstractive (nonce in system turn)": {"nonce_in_system": True},
                    "extractive (round 10)": {"antecedent_depth": 0, "continuation_within": 0.0,
                                              "instruction_bonus": 0.0, "count_through_kinds": False},
                    "extractive+antecedents": {"continuation_within": 0.0, "instruction_bonus": 0.0,
                                               "count_through_kinds": False},
                    "extractive+continuation": {"antecedent_depth": 0, "instruction_bonus": 0.0,
                                                "count_through_kinds": False},
                    "extractive+instructions": {"antecedent_depth": 0, "continuation_within": 0.0,
                                                "count_through_kinds": False},
                    "extractive+kinds": {"antecedent_depth": 0, "continuation_within": 0.0, "instruction_bonus": 0.0},
                    "extractive (round 11)": {"markdown_clean": False, "markdown_sentences": False,
                                              "document_name_share": 0.0},
                    "extractive+mdindex": {"markdown_clean": True, "markdown_sentences": False},
                    "extractive+mdsentences": {"markdown_clean": False, "markdown_sentences": True},
                    "extractive+mdbm25": {"markdown_clean": True, "markdown_clean_parts": frozenset({"bm25"}),
                                          "markdown_sentences": False},
                    "extractive+mdvector": {"markdown_clean": True, "markdown_clean_parts": frozenset({"vector"}),
                                            "markdown_sentences": False},
                    "extractive (round 12)": {"document_name_share": 0.0, "lead_in_share": 0.0, "lead_in_meaning": False,
                                              "row_header_quote": False, "table_rows": False},
                    "extractive+leadins": {**LEAD_INS},
                    "extractive+leadwords": {**LEAD_INS, "lead_in_meaning": False},
                    "extractive+leadall": {**LEAD_INS, "lead_in_heading": "all"},
                    "extractive+leadnorows": {**LEAD_INS, "row_header_quote": False, "table_rows": False},
                    "extractive+leadrowsonly": {**LEAD_INS, "lead_in_share": 0.0, "lead_in_meaning": False},
                    "extractive (round 13)": {"focus_check": False},
                    "extractive+focus": {"focus_check": True},
                    "extractive+nearmiss": {"near_miss_check": True},
                    "extractive (round 14)": {"named_document_quotes": False},
                    "extractive+expected": {"expected_answer_check": True},
                    "extractive+asked": {"asked_value_check": True},
                    "extractive (round 25i)": {"asked_value_check": False},
                    "extractive (flagged chunks whole)": {"trim_flagged_paragraphs": False},
                    "extractive (versions as dates)": {"dates_on_the_calendar": False},
                    "extractive (any name)": {"author_needs_a_role": False},
                    "extractive (round 15)": {"nameless_meaning": False, "title_line_as_name": False,
                                              "neighbour_within": 0.0},
                    "extractive+nameless": {"neighbour_within": 0.0},
                    "extractive+r17": {**ROUND17},
                    "extractive+titled": {"nameless_scope": "titled"},
                    "extractive+titled+namelessonly": {"nameless_scope": "titled", "nameless_reading": "nameless"},
                    "extractive+titled+mean": {"nameless_scope": "titled", "nameless_reading": "mean"},
                    "extractive+versions": {"version_terms": True},
                    "extractive+ownneighbour": {**OWN_NEIGHBOUR},
                    "extractive+r17+ownneighbour": {**ROUND17, **OWN_NEIGHBOUR}}
# the systems that reproduce main before #13 round 26 ("extractive (round N)", "extractive (25 ...)") run without its
# asked-value check (asked_value.ASKED_VALUE_CHECK, on since then)
for _name, _overrides in SYSTEM_OVERRIDES.items():
    if _name.startswith(("extractive (round", "extractive (25")):
        _overrides.setdefault("asked_value_check", False)
EXTRACTIVE_KNOBS = ("STUB_FOLLOW_HEADING", "STUB_FOLLOW_WHY", "SECOND_NOT_BY_NAME", "SECOND_ANTECEDENT", "DEFAULT_WITHIN", "DEFAULT_PLACES", "STUB_FOLLOW_ABOUT_QUESTION", "MIN_QUOTE_WORDS", "MIN_QUOTE_CONTENT_WORDS", "SHORT_QUOTES_BEST_ONLY", "DOCUMENT_NAME_SHARE", "SECOND_WITHIN", "CONTEXT_SHARE", "STUB_WORDS", "NAMED_ENTRY_BONUS", "ABSTAIN_WITHOUT_BONUS",
                    "ENTRY_SHARE", "ENTRY_SCOPE", "NEGATED_WORDS", "SAME_ENTRY_WITHIN",
                    "ANTECEDENT_DEPTH", "CONTINUATION_WITHIN", "LEAD_IN_SHARE", "LEAD_IN_HEADING", "LEAD_IN_MEANING",
                    "ROW_HEADER_QUOTE", "NAMED_DOCUMENT_QUOTES", "NAMELESS_MEANING", "TITLE_LINE_AS_NAME",
                    "NEIGHBOUR_WITHIN", "NAMELESS_SCOPE", "NAMELESS_READING",
                    "VERSION_TERMS", "NEIGHBOUR_OWN_MEANING", "NEIGHBOUR_OWN_COVERAGE", "QUESTIONS_ARE_NOT_QUOTES",
                    "HEADING_LINE_OFF_QUOTES", "EMPHASIS_LEADS_ARE_NOT_QUOTES", "TITLE_LINES_ARE_NOT_QUOTES",
                    "SOFT_SHARE", "SOFT_MIN_COSINE")
# core/retrieval/grounding.py's round-14 switches (#13): a system may set each by its lower-case name
GROUNDING_ROUND14 = ("QUOTE_CASE", "NAMES_AGREE", "PROPER_NAMES", "WRONG_DOCUMENT", "NEGATION_SCOPE",
                     "CONDITION_SPLICE", "SUBJECT_SWAP")  # (the last is round 24's, off in "round 13 check" too)
# core/retrieval/abstention.py's module constants a system may set (lower-case names in SYSTEM_OVERRIDES)
ABSTENTION_KNOBS = ("HEADER_COVERAGE", "WEIGHTS", "BIAS", "THRESHOLD", "MEASURE_CHECK", "SMALL_COLLECTION_IDF",
                    "HOW_WORDS_ARE_FORM", "ASKER_NEED_IS_FORM", "ASKING_SENTENCES_COVERAGE")


def _nonce_in_system_messages(build, question, hits, mode="zero_shot", history=None, nonce=None):
    """core/retrieval/prompts.build_messages as it was before #15's prefix cache: the system turn
    named this turn's fence markers (so it differed for every question); the user turn did not."""
    from core.retrieval import prompts

    nonce = nonce or prompts.content_nonce(question, hits, history)
    messages = build(question, hits, mode, history, nonce)  # today's prompts.build_messages
    generic = ("between the markers <<<DOCUMENTS code>>> and <<<END DOCUMENTS code>>>, where code is the one "
               "the user gives with the excerpts. ")
    assert generic in messages[0]["content"]
    messages[0] = {"role": "system", "content": messages[0]["content"].replace(
        generic, f"between the markers <<<DOCUMENTS {nonce}>>> and <<<END DOCUMENTS {nonce}>>>. ")}
    return [{"role": m["role"], "content": m["content"].replace(f"Document excerpts (code {nonce}):", "Document excerpts:")}
            if m["role"] == "user" else m for m in messages]


def _states_fact(passage: str, text: str) -> bool:
    from core.retrieval.grounding import content_words

    gold = content_words(passage)
    return bool(gold) and len(gold & content_words(text)) / len(gold) >= 0.5


def judge(a, q: dict) -> dict:
    """Scores one answer. Grounded-correct: a supported sentence cites a passage holding the QA
    passage, and the supported sentences state it (half of its content words or more).
    For `today`, the model's own [n] markers are also scored (what the app showed then)."""
    supported = [s for s in a.sentences if s.supported]
    gold_ns = {c.n for c in a.citations if q.get("passage") and q["passage"] in norm(c.text)}
    text = " ".join(s.text for s in supported)
    correct = bool(q.get("source")) and not a.abstained and bool(gold_ns) and any(
        set(s.citations) & gold_ns for s in supported) and _states_fact(q["passage"], text)
    marker_correct = bool(q.get("source")) and not a.abstained and any(
        n in gold_ns for n in a.trace.get("model_markers", [])) and _states_fact(q["passage"], a.answer)
    quotes = a.trace.get("quotes") or []
    # whether the extractive quotes are right, whatever the abstention decided (to refit it offline)
    quote_right = bool(q.get("source")) and any(x["n"] in gold_ns for x in quotes) and _states_fact(
        q["passage"], " ".join(x["text"] for x in quotes))
    return {"correct": correct, "marker_correct": marker_correct, "abstained": a.abstained, "quote_right": quote_right,
            "features": (a.trace.get("abstention") or {}).get("features"),
            "grounded_share": a.grounded_share, "sentences": len(a.sentences),
            # the model's own sentences as checked (grounded mode shows only the supported ones)
            "model_sentences": len(a.trace.get("model_sentences") or []),
            "model_supported": sum(bool(s.get("supported")) for s in a.trace.get("model_sentences") or []),
            "fell_back": bool(a.trace.get("fell_back_to_quotes")),
            "grounding_ms": a.trace["timings_ms"].get("grounding"),
            "evidence_ms": a.trace["timings_ms"].get("abstention"),
            "checks_ms": a.trace["timings_ms"].get("evidence_checks"),
            "check_fired": (a.trace.get("evidence_checks") or {}).get("fired") if a.abstained else None,
            "verifier_ms": a.trace["timings_ms"].get("verifier"),
            "first_text_s": (a.trace["timings_ms"].get("first_text") or a.trace["timings_ms"].get("total", 0)) / 1000}


def got_all(got) -> list[dict]:
    return [j for _, j in got]


def _p50_max(values) -> str:
    values = [v for v in values if v is not None]
    return f"{statistics.median(values):.2f} / {max(values):.2f}" if values else "-"


def answer_sets(workdir: Path, qa_sets) -> dict:
    """{set name: (collection, QA items, data folder)} for every answer QA set; the collections of
    `qa_sets` are ingested first when empty."""
    from core.retrieval.collection import open_collection

    sets = {"sample corpus": (_qa_collection(workdir).name, _load_qa(QA) + _load_qa(UNANSWERABLE), "quality"),
            "long documents": ("long-answers", _load_qa(LONG_QA), "long"),
            "held-out": ("heldout-answers", _load_qa(HELDOUT_QA), "heldout"),
            "held-out 2": ("heldout2-answers", _load_qa(HELDOUT2_QA), "heldout2"),
            "held-out 3": ("heldout3-answers", _load_qa(HELDOUT3_QA), "heldout3"),
            "held-out 4": ("heldout4-answers", _load_qa(HELDOUT4_QA), "heldout4"),
            "held-out 5": ("heldout5-answers", _load_qa(HELDOUT5_QA), "heldout5"),
            "held-out 6": ("heldout6-answers", _load_qa(HELDOUT6_QA), "heldout6"),
            "held-out 7": ("heldout7-answers", _load_qa(HELDOUT7_QA), "heldout7"),
            "dev prose": ("devprose-answers", _load_qa(DEV_PROSE_QA), "devprose"),
            "dev readme": ("devreadme-answers", _load_qa(DEV_README_QA), "devreadme"),
            "dev info": ("devinfo-answers", _load_qa(DEV_INFO_QA), "devinfo"),
            "dev visitors": ("devvisitors-answers", _load_qa(DEV_VISITORS_QA), "devvisitors"),
            "pdf": ("pdf-answers", _load_qa(PDF_QA), "pdf"),
            "held-out 8": ("heldout8-answers", _load_qa(HELDOUT8_QA), "heldout8"),
            "held-out 9": ("heldout9-answers", _load_qa(HELDOUT9_QA), "heldout9"),
            "held-out 10": ("heldout10-answers", _load_qa(HELDOUT10_QA), "heldout10"),
            "held-out 11": ("heldout11-answers", _load_qa(HELDOUT11_QA), "heldout11"),
            "held-out 12": ("heldout12-answers", _load_qa(HELDOUT12_QA), "heldout12"),
            "held-out 13": ("heldout13-answers", _load_qa(HELDOUT13_QA), "heldout13"),
            "small docs": ("smalldocs", _load_qa(SMALL_DOCS_QA), "smalldocs"),
            "held-out small": ("heldoutsmall", _load_qa(HELDOUT_SMALL_QA), "heldoutsmall")}
    for set_name, (corpus, _, folder) in RETRIEVAL_SETS.items():
        if set_name in qa_sets:
            use_data_dir(workdir / folder)
            col = open_collection(sets[set_name][0])
            if col.count() == 0:
                col.ingest(_long_files(corpus))
    return sets


def answers_grounded(workdir: Path, systems: tuple[str, ...], n_llm: int, dump: Path | None,
                     qa_sets: tuple[str, ...] = ("sample corpus", "long documents")) -> list[dict]:
    """Every system on both QA sets. Extractive answers every question; the model-based systems
    a fixed spread of `n_llm` answerable questions per set plus every unanswerable one."""
    from core.models.chat import get_chat_model
    from core.models.sampling import SamplingParams
    from core.retrieval import abstention as abstention_model
    from core.retrieval import (
        answer_type,
        asked_value,
        bm25,
        chunk_headers,
        extractive,
        flagged_paragraphs,
        grounding,
        key_terms,
        meaning_check,
        quantity,
        question_encoder,
        quote_ranker,
        splitting,
        verified_quotes,
    )
    from core.retrieval import chain as chain_module
    from core.retrieval import expected_answer as expected_check
    from core.retrieval import prompts as prompt_module
    from core.retrieval.chain import RagChain
    from core.retrieval.collection import open_collection

    build_messages_default = prompt_module.build_messages
    knob_defaults = {k: getattr(extractive, k) for k in EXTRACTIVE_KNOBS}
    option_tokens_default = bm25.OPTION_TOKENS
    us_spelling_default = bm25.US_SPELLING
    tuned_questions_default = question_encoder.RANK_QUOTES
    tuned_share_default = question_encoder.TUNED_SHARE
    asking_only_default = key_terms.ASKING_SENTENCES_ONLY
    feeds_abstention_default = verified_quotes.FEEDS_ABSTENTION
    verifier_weight_default = verified_quotes.WEIGHT
    entry_chunks_default = splitting.ENTRY_CHUNKS
    markdown_clean_default = chunk_headers.MARKDOWN_CLEAN
    markdown_parts_default = chunk_headers.MARKDOWN_CLEAN_PARTS
    markdown_sentences_default = grounding.MARKDOWN_SENTENCES
    table_rows_default = grounding.TABLE_ROWS
    emphasis_default = grounding.EMPHASIS_ENDS_SENTENCE
    contractions_default = grounding.CONTRACTIONS_ARE_NOT
    coherence_default = grounding.COHERENCE
    round14_defaults = {k: getattr(grounding, k) for k in GROUNDING_ROUND14}
    entry_bonus_default = answer_type.ENTRY_BONUS
    term_entries_default = answer_type.TERM_ENTRIES
    name_digits_default = quantity.NAME_DIGITS_ARE_NOT_QUANTITIES
    periods_default = quantity.PERIODS
    instruction_bonus_default = answer_type.INSTRUCTION_BONUS
    kinds_default = quantity.COUNT_THROUGH_KINDS
    focus_default = meaning_check.FOCUS_CHECK
    expected_default = expected_check.EXPECTED_ANSWER_CHECK
    asked_default = asked_value.ASKED_VALUE_CHECK
    trim_default = flagged_paragraphs.TRIM_FLAGGED_PARAGRAPHS
    calendar_default = asked_value.DATES_ON_THE_CALENDAR
    role_default = asked_value.AUTHOR_NEEDS_A_ROLE
    more_forms_default = asked_value.MORE_FORMS
    counted_head_default = quantity.COUNTED_HEAD
    code_numbers_default = expected_check.CODE_NUMBERS_ARE_NOT_VERSIONS
    age_forms_default = asked_value.AGE_FORMS
    input_injection_default = chain_module.EXTRACTIVE_IGNORES_INPUT_INJECTION
    abstention_defaults = {k: getattr(abstention_model, k) for k in ABSTENTION_KNOBS}
    ranker_defaults = (quote_ranker.WEIGHTS, quote_ranker.DEPTH)
    sets = answer_sets(workdir, qa_sets)
    rows, dumped = [], []
    for set_name, (collection, qa, data) in sets.items():
        if set_name not in qa_sets:
            continue
        use_data_dir(workdir / data)
        answerable = [q for q in qa if q["source"]]
        unanswerable = [q for q in qa if not q["source"]]
        step = max(1, len(answerable) // n_llm)
        for label in systems:
            system, _, within = label.partition("@")  # "extractive@0.8": the second-quote rule at 0.8
            answer_mode, prompt_mode, abstention = ANSWER_SYSTEMS[system]
            if answer_mode != "extractive":
                get_chat_model()
            picked = answerable if answer_mode == "extractive" else answerable[::step][:n_llm]
            overrides = dict(SYSTEM_OVERRIDES.get(system, {}))
            for knob, default in knob_defaults.items():
                setattr(extractive, knob, overrides.pop(knob.lower(), default))
            if within:
                extractive.SECOND_WITHIN = float(within)
            bm25.OPTION_TOKENS = overrides.pop("option_tokens", option_tokens_default)
            bm25.US_SPELLING = overrides.pop("us_spelling", us_spelling_default)
            question_encoder.RANK_QUOTES = overrides.pop("tuned_questions", tuned_questions_default)
            question_encoder.TUNED_SHARE = overrides.pop("tuned_share", tuned_share_default)
            key_terms.ASKING_SENTENCES_ONLY = overrides.pop("asking_only", asking_only_default)
            verified_quotes.FEEDS_ABSTENTION = overrides.pop("verifier_feeds_abstention", feeds_abstention_default)
            verified_quotes.WEIGHT = overrides.pop("verifier_weight", verifier_weight_default)
            answer_type.ENTRY_BONUS = overrides.pop("entry_bonus", entry_bonus_default)
            answer_type.TERM_ENTRIES = overrides.pop("term_entries", term_entries_default)
            quantity.NAME_DIGITS_ARE_NOT_QUANTITIES = overrides.pop("name_digits", name_digits_default)
            quantity.PERIODS = overrides.pop("periods", periods_default)
            answer_type.INSTRUCTION_BONUS = overrides.pop("instruction_bonus", instruction_bonus_default)
            quantity.COUNT_THROUGH_KINDS = overrides.pop("count_through_kinds", kinds_default)
            meaning_check.FOCUS_CHECK = overrides.pop("focus_check", focus_default)
            ranker = overrides.pop("ranker", "default")  # "fitted": quote_ranker.FITTED; None: the hand order
            quote_ranker.WEIGHTS = {"default": ranker_defaults[0], "fitted": quote_ranker.FITTED, None: None}[ranker]
            quote_ranker.DEPTH = overrides.pop("ranker_depth", ranker_defaults[1])
            expected_check.EXPECTED_ANSWER_CHECK = overrides.pop("expected_answer_check", expected_default)
            asked_value.ASKED_VALUE_CHECK = overrides.pop("asked_value_check", asked_default)
            flagged_paragraphs.TRIM_FLAGGED_PARAGRAPHS = overrides.pop("trim_flagged_paragraphs", trim_default)
            asked_value.DATES_ON_THE_CALENDAR = overrides.pop("dates_on_the_calendar", calendar_default)
            asked_value.AUTHOR_NEEDS_A_ROLE = overrides.pop("author_needs_a_role", role_default)
            asked_value.MORE_FORMS = overrides.pop("more_forms", more_forms_default)
            quantity.COUNTED_HEAD = overrides.pop("counted_head", counted_head_default)
            expected_check.CODE_NUMBERS_ARE_NOT_VERSIONS = overrides.pop("code_numbers_are_not_versions",
                                                                         code_numbers_default)
            asked_value.AGE_FORMS = overrides.pop("age_forms", age_forms_default)
            chain_module.EXTRACTIVE_IGNORES_INPUT_INJECTION = overrides.pop("input_injection_ignored",
                                                                           input_injection_default)
            if overrides.pop("nonce_in_system", False):
                prompt_module.build_messages = lambda *a, **k: _nonce_in_system_messages(build_messages_default, *a, **k)
            else:
                prompt_module.build_messages = build_messages_default
            for knob, default in abstention_defaults.items():
                setattr(abstention_model, knob, overrides.pop(knob.lower(), default))
            name = collection
            splitting.ENTRY_CHUNKS = overrides.pop("entry_chunks", entry_chunks_default)
            chunk_headers.MARKDOWN_CLEAN = overrides.pop("markdown_clean", markdown_clean_default)
            chunk_headers.MARKDOWN_CLEAN_PARTS = overrides.pop("markdown_clean_parts", markdown_parts_default)
            grounding.MARKDOWN_SENTENCES = overrides.pop("markdown_sentences", markdown_sentences_default)
            grounding.TABLE_ROWS = overrides.pop("table_rows", table_rows_default)
            grounding.EMPHASIS_ENDS_SENTENCE = overrides.pop("emphasis_ends_sentence", emphasis_default)
            grounding.CONTRACTIONS_ARE_NOT = overrides.pop("contractions_are_not", contractions_default)
            grounding.COHERENCE = overrides.pop("coherence", coherence_default)
            round14 = overrides.pop("round14", True)  # False: every round-14 rule off (round 13's check)
            for knob, default in round14_defaults.items():
                setattr(grounding, knob, overrides.pop(knob.lower(), default if round14 else
                                                       (None if knob == "NAMES_AGREE" else False)))
            if splitting.ENTRY_CHUNKS != entry_chunks_default:  # other chunks: its own collection
                name = collection + ("-entries" if splitting.ENTRY_CHUNKS else "-no-entries")
            chain_args = dict(answer_mode=answer_mode, prompt_mode=prompt_mode, abstention=abstention,
                              params=SamplingParams(max_new_tokens=96), verifier="+verifier" in system,
                              **overrides)
            if set_name in PER_DOCUMENT_SETS:
                per_document = _per_document_chains(PER_DOCUMENT_SETS[set_name], name, chain_args)
            else:
                per_document = None
            files = (sorted(CORPUS.iterdir()) if set_name == "sample corpus" else
                     _long_files(PER_DOCUMENT_SETS[set_name] if per_document else RETRIEVAL_SETS[set_name][0]))
            cleaned = sorted(chunk_headers.MARKDOWN_CLEAN_PARTS) if chunk_headers.MARKDOWN_CLEAN else []
            if cleaned != (sorted(markdown_parts_default) if markdown_clean_default else []) and any(
                    chunk_headers.is_markdown(f.name) for f in files):  # another index: its own collection
                name += "-md-" + ("-".join(cleaned) or "raw")
            if per_document is None:
                if name != collection:
                    if open_collection(name).count() == 0:
                        open_collection(name).ingest(files)
                open_collection(name).retokenize_if_stale()  # BM25 rows for this system's tokenizer
                chain = RagChain(name, **chain_args)
            got = []
            for q in picked + unanswerable:
                a = (per_document(q["document"]) if per_document else chain).ask(q["question"])
                j = judge(a, q)
                got.append((q, j))
                dumped.append({"set": set_name, "system": label, "question": q["question"], "source": q["source"],
                               "passage": q["passage"], **j, "answer": a.answer,
                               "sentences": [s.to_dict() for s in a.sentences],
                               "reason": a.abstain_reason,
                               # the abstention's features and evidence checks (#13 round 16: read the misses)
                               "abstention": a.trace.get("abstention"), "evidence_checks": a.trace.get("evidence_checks"),
                               # for the error analysis: which [n] hold the QA passage, what was quoted
                               "gold_ns": sorted(c.n for c in a.citations
                                                 if q.get("passage") and q["passage"] in norm(c.text)),
                               "quotes": a.trace.get("quotes") or [],
                               # every sentence the model wrote, as checked, and the passages it was
                               # checked against (to label them and re-check them offline, #13 round 13)
                               "model_sentences": a.trace.get("model_sentences") or [],
                               "passages": [{"n": c.n, "id": c.id, "source": c.source, "page": c.page,
                                             "text": c.text} for c in a.citations],
                               "hits": [(h["source"], h.get("page")) for h in a.trace.get("hits", [])]})
            ans = [j for q, j in got if q["source"]]
            una = [j for q, j in got if not q["source"]]
            gms = [j["grounding_ms"] for j in ans if j["grounding_ms"] is not None]
            vms = [j["verifier_ms"] for j in ans if j["verifier_ms"] is not None]
            rows.append({"set": set_name, "system": label, "answerable": len(ans), "unanswerable": len(una),
                         "grounded correct": sum(j["correct"] for j in ans) / len(ans),
                         "correct by model markers": sum(j["marker_correct"] for j in ans) / len(ans),
                         "abstained (answerable)": sum(j["abstained"] for j in ans) / len(ans),
                         "abstained (unanswerable)": sum(j["abstained"] for j in una) / max(len(una), 1),
                         "mean sentences (answered)": statistics.mean(j["sentences"] for j in ans if not j["abstained"])
                         if any(not j["abstained"] for j in ans) else 0.0,
                         "mean grounded share": statistics.mean(j["grounded_share"] for j in ans
                                                                if not j["abstained"]) if any(
                             not j["abstained"] for j in ans) else 0.0,
                         "model sentences supported": f"{sum(j['model_supported'] for j in ans)} / "
                                                      f"{sum(j['model_sentences'] for j in ans)}",
                         "fell back to quotes": sum(j["fell_back"] for j in ans),
                         "grounding ms p50": statistics.median(gms) if gms else float("nan"),
                         "grounding ms max": max(gms) if gms else float("nan"),
                         "evidence ms p50": statistics.median(j["evidence_ms"] for j in ans
                                                              if j["evidence_ms"] is not None),
                         "vetoed by evidence checks (answerable / unanswerable)":
                             f"{sum(bool(j['check_fired']) for j in ans)} / {sum(bool(j['check_fired']) for j in una)}",
                         "evidence checks ms p50 / max": _p50_max([j["checks_ms"] for j in got_all(got)]),
                         "verifier ms p50": statistics.median(vms) if vms else float("nan"),
                         "verifier ms max": max(vms) if vms else float("nan"),
                         "first text s p50": statistics.median(j["first_text_s"] for j in ans)})
            print(table(rows[-1:], list(rows[-1])), flush=True)
    if dump:
        dump.write_text(json.dumps(dumped, indent=1, default=str))
    return rows


def fit_abstention(workdir: Path, verifier: bool = False) -> dict:
    """Fit the abstention weights (core/retrieval/abstention.py) on both tuning sets (the sample
    corpus's questions and the long-document set), each set weighing the same and the classes
    balanced within each; the threshold is the highest that abstains on at most 10% of each
    tuning set's answerable questions. The held-out set is only scored at that threshold."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from core.retrieval import abstention
    from core.retrieval.chain import RagChain
    from core.retrieval.collection import open_collection

    def features(collection: str, qa: list[dict]):
        chain = RagChain(collection, answer_mode="extractive", verifier=verifier)
        X, y = [], []
        for q in qa:
            trace = chain.ask(q["question"]).trace
            if "abstention" not in trace:  # the input guard refused the question
                print(f"(skipped, input guard: {q['question']!r})", flush=True)
                continue
            f = trace["abstention"]["features"]
            X.append([f["coverage"], f["sentence"], f["vector"] if f["vector"] is not None else f["sentence"],
                      f["agreement"]] + ([f["verifier"]] if verifier else [f["unseen"]]))
            y.append(1 if q["source"] else 0)
        return np.array(X), np.array(y)

    data = {"sample": features(_qa_collection(workdir).name, _load_qa(QA) + _load_qa(UNANSWERABLE))}
    for set_name, name in (("long documents", "long"), ("held-out", "held-out"), ("held-out 2", "held-out 2"),
                           ("held-out 3", "held-out 3"), ("held-out 4", "held-out 4"), ("held-out 5", "held-out 5")):
        corpus, qa_file, folder = RETRIEVAL_SETS[set_name]
        use_data_dir(workdir / folder)
        col = open_collection(f"{folder}-answers")
        if col.count() == 0:
            col.ingest(_long_files(corpus))
        data[name] = features(col.name, _load_qa(qa_file))
    tuning = ("sample", "long")
    X = np.vstack([data[n][0] for n in tuning])
    y = np.concatenate([data[n][1] for n in tuning])
    w = np.concatenate([np.where(data[n][1] == 1, 0.5 / (data[n][1] == 1).sum(), 0.5 / (data[n][1] == 0).sum())
                        for n in tuning]) * len(y)
    model = LogisticRegression(C=1.0).fit(X, y, sample_weight=w)
    names = abstention.FEATURES_VERIFIED if verifier else abstention.FEATURES
    weights = dict(zip(names, (round(float(v), 2) for v in model.coef_[0])))
    bias = round(float(model.intercept_[0]), 2)
    p = {n: model.predict_proba(data[n][0])[:, 1] for n in data}
    grid = [round(t, 2) for t in np.arange(0.05, 0.96, 0.01)]
    ok = [t for t in grid if all(np.mean(p[n][data[n][1] == 1] < t) <= 0.10 for n in tuning)]
    threshold = max(ok) if ok else min(grid)
    out = {"weights": weights, "bias": bias, "threshold": threshold, "sweep": []}
    for t in grid[::5] + ([threshold] if threshold not in grid[::5] else []):
        row = {"threshold": t}
        for n in (tuning if t != threshold else data):  # the held-out set only at the chosen threshold
            for kind, label in (("answerable", 1), ("unanswerable", 0)):
                row[f"{n}: abstain {kind}"] = round(float(np.mean(p[n][data[n][1] == label] < t)), 3)
        out["sweep"].append(row)
    return out


def fit_verifier(workdir: Path, depths=(0, 4, 8), weights=(0.1, 0.2, 0.3, 0.5, 1.0, 3.0)) -> list[dict]:
    """Top-1 quote right (its chunk holds the QA passage and it states half of the passage's
    words or more) on the TUNING sets' answerable questions, per verifier depth and weight.
    The held-out sets are not read here."""
    from core.retrieval.collection import open_collection
    from core.retrieval.extractive import rank_sentences
    from core.retrieval.grounding import GroundingChecker
    from core.retrieval.hybrid import search
    from core.retrieval.verified_quotes import verify_ranked
    from core.retrieval.verifier import get_verifier

    verifier = get_verifier()
    probs: dict = {}  # each (question, sentence) read once; the grid below reuses them

    class Cached:
        @staticmethod
        def score(question, texts):
            return [probs[(question, t)] for t in texts]

    sets = {"sample corpus": (_qa_collection(workdir).name, _load_qa(QA), "quality")}
    use_data_dir(workdir / "long")
    col = open_collection("long-answers")
    if col.count() == 0:
        col.ingest(_long_files(LONG_CORPUS))
    sets["long documents"] = ("long-answers", [q for q in _load_qa(LONG_QA) if q["source"]], "long")
    per_set = {}
    for set_name, (name, qa, data) in sets.items():
        use_data_dir(workdir / data)
        col = open_collection(name)
        items = []
        for q in qa:
            hits = search(col, q["question"], k=4, mode="hybrid")
            checker = GroundingChecker(hits)
            ranked = rank_sentences(q["question"], checker, col.bm25.idf)
            gold = {i for i, h in enumerate(hits, 1) if h.source == q["source"] and q["passage"] in norm(h.text)}
            top = ranked[:max(depths)]
            probs.update({(q["question"], c.text): float(p) for c, p in zip(
                top, verifier.score(q["question"], [c.text for c in top]))})
            items.append((q["question"], ranked, gold, q["passage"]))
        per_set[set_name] = items
    rows = []
    for depth in depths:
        for weight in (weights if depth else (0.0,)):
            row = {"depth": depth, "weight": weight}
            for set_name, items in per_set.items():
                right = 0
                for question, ranked, gold, passage in items:
                    order = verify_ranked(question, ranked, Cached, depth, weight)[0] if depth else ranked
                    right += bool(order) and order[0].n in gold and _states_fact(passage, order[0].text)
                row[f"{set_name}: top-1 right"] = right / len(items)
            row["mean"] = statistics.mean(v for k, v in row.items() if k.endswith("right"))
            rows.append(row)
    return rows


def refit_from_dump(dump: Path, system: str = "extractive+verifier") -> dict:
    """Fit the abstention with the verifier's feature on the TUNING sets' answers of one run
    (`--grounded --dump-answers`), then score every set at the chosen threshold. Valid because
    an extractive answer's quotes do not depend on the decision (the dump keeps them and whether
    they are right, `quote_right`). Same weighting and threshold rule as --fit-abstention."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from core.retrieval import abstention

    rows = [r for r in json.loads(dump.read_text()) if r["system"] == system and r.get("features")]
    names = abstention.FEATURES_VERIFIED

    def x(r):
        f = r["features"]
        return [f["coverage"], f["sentence"], f["vector"] if f["vector"] is not None else f["sentence"],
                f["agreement"], f["verifier"]]

    sets = sorted({r["set"] for r in rows})
    data = {n: (np.array([x(r) for r in rows if r["set"] == n]), np.array([1 if r["source"] else 0 for r in rows
                                                                         if r["set"] == n]),
                np.array([r["quote_right"] for r in rows if r["set"] == n])) for n in sets}
    tuning = [n for n in ("sample corpus", "long documents") if n in data]
    X = np.vstack([data[n][0] for n in tuning])
    y = np.concatenate([data[n][1] for n in tuning])
    w = np.concatenate([np.where(data[n][1] == 1, 0.5 / (data[n][1] == 1).sum(), 0.5 / (data[n][1] == 0).sum())
                        for n in tuning]) * len(y)
    model = LogisticRegression(C=1.0).fit(X, y, sample_weight=w)
    p = {n: model.predict_proba(data[n][0])[:, 1] for n in sets}
    grid = [round(t, 2) for t in np.arange(0.05, 0.96, 0.01)]
    ok = [t for t in grid if all(np.mean(p[n][data[n][1] == 1] < t) <= 0.10 for n in tuning)]
    threshold = max(ok) if ok else min(grid)
    out = {"weights": dict(zip(names, (round(float(v), 2) for v in model.coef_[0]))),
           "bias": round(float(model.intercept_[0]), 2), "threshold": threshold, "rows": []}
    for n in sets:
        X_, y_, right = data[n]
        abstain = p[n] < threshold
        out["rows"].append({"set": n, "system": system + " (refit)", "answerable": int(y_.sum()),
                            "unanswerable": int((1 - y_).sum()),
                            "grounded correct": float(np.mean(right[y_ == 1] & ~abstain[y_ == 1])),
                            "abstained (answerable)": float(np.mean(abstain[y_ == 1])),
                            "abstained (unanswerable)": float(np.mean(abstain[y_ == 0])) if (y_ == 0).any() else 0.0,
                            "quotes right if answered": float(np.mean(right[y_ == 1]))})
    return out


def _system(label: str) -> str:
    system, _, within = label.partition("@")
    if system not in ANSWER_SYSTEMS:
        raise argparse.ArgumentTypeError(f"unknown system {system!r}; choose from {list(ANSWER_SYSTEMS)}")
    if within:
        float(within)
    return label


def table(rows: list[dict], keys: list[str]) -> str:
    def fmt(v):
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(fmt(r.get(k, "")) for k in keys) + " |" for r in rows]
    return "\n".join(lines)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--skip-quality", action="store_true")
    p.add_argument("--skip-ingest", action="store_true")
    p.add_argument("--skip-latency", action="store_true")
    p.add_argument("--skip-answer", action="store_true")
    p.add_argument("--answers", action="store_true",
                   help="run part 5 (full answers to 30 questions per mode: ~2-4 min per mode on 2 cores)")
    p.add_argument("--answer-quality-questions", type=int, default=30,
                   help="QA questions answered in full per prompt mode in part 5")
    p.add_argument("--answer-modes", nargs="+", default=["zero_shot", "few_shot", "chain_of_thought"])
    p.add_argument("--without-loop-guard", action="store_true",
                   help="part 5: also answer with the chain's loop guard off, for comparison")
    p.add_argument("--quality-runtimes", nargs="+", default=["auto", "torch"],
                   help="our embedder's runtimes to measure retrieval quality with in part 1")
    p.add_argument("--repeats", type=int, default=3, help="ingestion runs per runtime (median reported)")
    p.add_argument("--chunking", nargs="+", default=["300/50", "800/120"],
                   help="SIZE/OVERLAP chunkings to measure ingestion at in part 2")
    p.add_argument("--runtimes", nargs="+", default=["auto", "onnx", "torch"],
                   help="our embedder's runtimes to measure in part 2 (GENAI_EMBEDDING_RUNTIME values)")
    p.add_argument("--answer-questions", type=int, default=3, help="questions per prompt mode in part 4")
    p.add_argument("--long", action="store_true",
                   help="part 6: retrieval on the long-document set beside a naive LangChain peer")
    p.add_argument("--long-chunking", nargs="+", default=["800/120", "1000/200"])
    p.add_argument("--grounded", action="store_true",
                   help="part 7: grounded-correct answers, abstention and grounding cost per answer mode")
    p.add_argument("--systems", nargs="+", default=list(ANSWER_SYSTEMS), type=_system,
                   help=f"of {list(ANSWER_SYSTEMS)}; SYSTEM@X runs it with extractive.SECOND_WITHIN = X "
                        "(a second quote within X of the best one's score; tune on the tuning sets only)")
    p.add_argument("--llm-questions", type=int, default=20,
                   help="part 7: answerable questions per set for the model-based systems")
    p.add_argument("--dump-answers", type=Path, default=None, help="part 7: write every answer to this JSON")
    p.add_argument("--qa-sets", nargs="+", default=["sample corpus", "long documents", "held-out"],
                   choices=["sample corpus", "long documents", "held-out", "held-out 2", "held-out 3", "held-out 4",
                            "held-out 5", "held-out 6", "held-out 7", "held-out 8", "held-out 9", "held-out 10",
                            "held-out 11", "held-out 12", "held-out 13",
                            "dev prose", "dev readme",
                            "dev info", "dev visitors",
                            "pdf",
                            "small docs", "held-out small"],
                   help="part 7: which QA sets (held-out: report only, never tune on it)")
    p.add_argument("--retrieval-sets", nargs="+", default=["long documents", "held-out"],
                   choices=list(RETRIEVAL_SETS), help="part 6: which long-document sets")
    p.add_argument("--fit-abstention", action="store_true",
                   help="fit core/retrieval/abstention.py's weights on the sample set; check on the long set")
    p.add_argument("--verifier", action="store_true", help="--fit-abstention: with the answer verifier's feature")
    p.add_argument("--fit-verifier", action="store_true",
                   help="top-1 quote accuracy on the tuning sets per verifier depth and weight")
    p.add_argument("--refit-from-dump", type=Path, default=None,
                   help="fit the abstention with the verifier's feature from a --dump-answers file")
    p.add_argument("--json", type=Path, default=None, help="also write all rows to this JSON file")
    p.add_argument("--workdir", type=Path, default=None,
                   help="keep the ingested collections here and reuse them in the next run (default: a temp folder)")
    args = p.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="rag-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    out = {}
    try:
        if not args.skip_quality:
            out["quality"] = quality(workdir, tuple(args.quality_runtimes))
            print("## Retrieval quality (QA set over the sample corpus)\n")
            print(table(out["quality"], ["runtime", "chunking", "chunks", "mode", "questions", "n", "hit@1", "hit@4", "MRR@10"]), "\n", flush=True)
        if not args.skip_ingest:
            out["ingestion"] = ingestion(workdir, tuple(args.chunking), args.repeats, tuple(args.runtimes))
            print("## Ingestion throughput vs LangChain Chroma.add_documents (same embedder)\n")
            print(table(out["ingestion"], ["scenario", "chunking", "ours runtime", "chunks", "naive chunks/s", "ours chunks/s",
                                           "ratio", "ratios per run", "ours (median run)"]), "\n", flush=True)
        if not args.skip_latency:
            out["latency"] = latency(workdir, args.sizes)
            print("## Query latency (k=4)\n")
            print(table(out["latency"], ["chunks", "mode", "p50 ms", "p95 ms", "p50 ms (no query embedding)",
                                         "p95 ms (no query embedding)", "queries"]), "\n", flush=True)
        if not args.skip_answer:
            out["answer"] = answer_latency(workdir, args.answer_questions)
            print("## Answer latency (bundled chat model, model already loaded)\n")
            print(table(out["answer"], ["prompt mode", "questions", "first token p50 s", "first token max s",
                                        "first shown text p50 s"]), "\n", flush=True)
        if args.answers:
            out["answers"] = answer_quality(workdir, args.answer_quality_questions, tuple(args.answer_modes),
                                           args.without_loop_guard)
            print("## Answers (bundled chat model, full length, default settings)\n")
            print(table(out["answers"], ["prompt mode", "loop guard", "questions", "answer passage in prompt",
                                         "answer passage cited [n]", "passage words in answer", "said not found",
                                         "stopped looping", "repeats left", "mean chars", "mean s"]), "\n", flush=True)
        if args.fit_verifier:
            out["verifier_fit"] = fit_verifier(workdir)
            print("## Verifier depth and weight (tuning sets)\n")
            print(table(out["verifier_fit"], list(out["verifier_fit"][0])), "\n", flush=True)
        if args.fit_abstention:
            out["abstention_fit"] = fit_abstention(workdir, args.verifier)
            print("## Abstention fit\n\n" + json.dumps(out["abstention_fit"], indent=1), "\n", flush=True)
        if args.long:
            out["long"] = [row for set_name in args.retrieval_sets
                           for row in long_retrieval(workdir, tuple(args.long_chunking), set_name=set_name)]
            print("## Retrieval on long unseen documents (assets/rag_qa_long.jsonl, answerable questions)\n")
            print(table(out["long"], ["set", "system", "chunks", "mode", "n", "hit@1", "hit@4", "MRR@10", "ms/query"]), "\n",
                  flush=True)
        if args.grounded:
            out["grounded"] = answers_grounded(workdir, tuple(args.systems), args.llm_questions, args.dump_answers,
                                               tuple(args.qa_sets))
            print("## Grounded answers (bundled chat model; max 96 new tokens)\n")
            print(table(out["grounded"], list(out["grounded"][0])), "\n", flush=True)
        if args.refit_from_dump:
            out["refit"] = refit_from_dump(args.refit_from_dump)
            print("## Abstention refit with the verifier's feature (tuning sets only)\n")
            print(json.dumps({k: v for k, v in out["refit"].items() if k != "rows"}))
            print(table(out["refit"]["rows"], list(out["refit"]["rows"][0])), "\n", flush=True)
        if args.json:
            args.json.write_text(json.dumps(out, indent=1, default=str))
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
