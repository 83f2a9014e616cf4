"""The model's prompt holds the passages' best sentences (core/retrieval/focused_context.py):
real chain, real Chroma, BM25, MiniLM and the bundled model."""
from __future__ import annotations

import re

import pytest

from core.models.sampling import SamplingParams
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.extractive import Quote
from core.retrieval.focused_context import GAP, focus
from core.retrieval.hybrid import Hit

FILLER = ("The committee reviewed the annual report in detail. Several members asked about the archive. "
          "Printing costs were discussed at length without a decision. The minutes were approved unanimously. ")
HANDBOOK = f"""# Staff handbook

## Leave
{FILLER}Employees receive 25 days of paid leave per year. {FILLER}Unused leave days expire on 31 March of the following year.

## Equipment
{FILLER}Each employee may claim a home-office budget of 450 euros once every three years. {FILLER}
"""


def _user_turn(answer) -> str:
    return answer.trace["prompt"][-1]["content"]


@pytest.fixture
def handbook(tmp_path):
    (tmp_path / "handbook.md").write_text(HANDBOOK, encoding="utf-8")
    col = open_collection("handbook")
    assert col.ingest([tmp_path / "handbook.md"], chunk_size=1000, chunk_overlap=200).ok  # the app's chunking
    return col


def test_prompt_keeps_the_answer_sentence_and_drops_filler(handbook):
    params = SamplingParams(max_new_tokens=8)
    question = "How many days of paid leave do employees get?"
    focused = RagChain("handbook", answer_mode="grounded", params=params, context_chars=400).ask(question)
    whole = RagChain("handbook", answer_mode="grounded", params=params, context_chars=0).ask(question)
    short, long_ = _user_turn(focused), _user_turn(whole)
    assert "Employees receive 25 days of paid leave per year." in short
    assert len(short) < 0.6 * len(long_)
    assert long_.count("Printing costs were discussed") > short.count("Printing costs were discussed")
    # every passage keeps its number, so the model's [n] still point at the right chunk
    numbers = lambda text: re.findall(r"^\[(\d+)\] \(source:", text, flags=re.M)  # noqa: E731
    assert numbers(short) == numbers(long_)
    # the check still reads whole passages: a supported sentence's span is a piece of the stored chunk
    for s in focused.sentences:
        if s.supported:
            cited = next(c for c in focused.citations if c.n == s.citations[0])
            assert s.span.text in cited.text


def _quote(n, start, text, score):
    return Quote(n, f"c{n}", start, start + len(text), text, score, score, score)


def _hit(n, text):
    return Hit(f"c{n}", text, "doc.txt", 1, n, 1.0)


def test_budget_document_order_gaps_and_every_passage_kept():
    one = "Alpha one is first. Beta two is filler. Gamma three is the answer."
    two = "Delta four stands alone here."
    hits = [_hit(1, one), _hit(2, two)]
    ranked = [_quote(1, one.index("Gamma"), "Gamma three is the answer.", 0.9),
              _quote(1, 0, "Alpha one is first.", 0.5),
              _quote(2, 0, "Delta four stands alone here.", 0.2),
              _quote(1, one.index("Beta"), "Beta two is filler.", 0.1)]
    out = focus(hits, ranked, budget_chars=80)
    assert out[0].text == "Alpha one is first." + GAP + "Gamma three is the answer."  # in document order
    assert out[1].text == two  # its best sentence, though it ranks below the budget's cut
    assert hits[0].text == one  # the retrieved hits themselves are not changed
    adjacent = focus(hits, ranked, budget_chars=1000)
    assert adjacent[0].text == one  # neighbours are joined without a gap marker
    assert focus(hits, ranked, budget_chars=0) is hits
