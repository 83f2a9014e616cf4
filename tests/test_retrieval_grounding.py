"""Per-sentence grounding with the real bundled MiniLM: numbers, negation, paraphrase, spans."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.retrieval.grounding import GroundingChecker, numbers, quantities, split_sentences
from core.retrieval.hybrid import Hit

CONSTITUTION = (Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
                / "us_constitution_excerpts.md").read_text(encoding="utf-8")


def _hits() -> list[Hit]:
    senate = CONSTITUTION.index("## Article I, Section 3")
    return [Hit("c1", CONSTITUTION[senate:senate + 420], "us.md", 1, 3, 0.5),
            Hit("c2", "Employees receive 25 days of paid leave per year. Unused days expire on 31 March.\n\n"
                      "The office is not open on public holidays.", "handbook.md", 2, 0, 0.4)]


@pytest.fixture(scope="module")
def checker():
    return GroundingChecker(_hits())


def test_a_misquoted_number_is_unsupported(checker):
    wrong = checker.check("Senators are elected for two Years [1].")
    assert not wrong.supported and wrong.citations == []
    assert "2" in wrong.reason and "6" in wrong.reason  # it says which number disagrees
    right = checker.check("Senators are elected for six Years [1].")
    assert right.supported and right.citations == [1]
    # the supporting span is the sentence of the chunk that says so, by offsets into the chunk
    hit = _hits()[0]
    assert right.span.text == hit.text[right.span.start:right.span.end]
    assert "six Years" in right.span.text
    invented = checker.check("The Senate has 231 Senators.")
    assert not invented.supported and "231" in invented.reason


def test_paraphrase_is_supported_and_cites_the_right_chunk(checker):
    g = checker.check("Staff get 25 days of paid leave each year.")
    assert g.supported and g.citations == [2]
    assert "25 days" in g.span.text


def test_negation_and_unrelated_claims_are_unsupported(checker):
    flipped = checker.check("Unused days do not expire on 31 March.")
    assert not flipped.supported and "negation" in flipped.reason
    assert checker.check("The office is not open on public holidays.").supported
    assert not checker.check("The cafeteria serves vegan lunches on Fridays.").supported
    assert not checker.check("Yes.").supported  # nothing to check is not support


def test_check_answer_gives_each_sentence_and_the_share(checker):
    result = checker.check_answer("Each State has two Senators [1]. Unused days expire on 31 March. "
                                  "Senators serve for ten Years.")
    assert [s.supported for s in result.sentences] == [True, True, False]
    assert result.sentences[1].citations == [2]
    assert result.grounded_share == pytest.approx(2 / 3)
    assert result.ms > 0


def test_number_and_sentence_parsing():
    assert numbers("two Senators, for six Years, 1,000 votes") == {2.0, 6.0, 1000.0}
    assert (6.0, "year") in quantities("for six Years;")
    text = "It costs 2.5 euros, e.g. on Mondays. Then it closes.\n\n## Heading\nNext line."
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts == ["It costs 2.5 euros, e.g. on Mondays.", "Then it closes.", "## Heading", "Next line."]


def test_a_quote_of_a_wrapped_passage_supports_itself():
    """Manual pages wrap and indent: a quote (whitespace collapsed) must still match its source."""
    text = ("-maxdepth     Descend at most 3" + " " * 45 + "\n        levels of directories, "
            "where the default is 2 levels below the starting points.\n")
    g = GroundingChecker([Hit("m", text, "ssh.1.txt", 1, 0, 0.5)])
    for a, b in split_sentences(text):
        sg = g.check(" ".join(text[a:b].split()))
        assert sg.supported, (text[a:b], sg.reason)
