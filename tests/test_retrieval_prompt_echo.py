"""What the model repeats of the prompt never reaches the visitor (#13 round 25). Seen in the browser,
abstractive mode, sample collection: "The document excerpt f101791815fb contains a question that is
answered with no answer." (the fence's code), and a numbered list shown as "...as follows: ✗ 1. ✗ The
chatbot ... ✗ 2. ✗". Real Chroma, BM25 and MiniLM over two shipped licences, the real chain; the writer is a
stand-in that repeats the code it is given, cut across chunks as a streaming model would."""
from __future__ import annotations

import re
from pathlib import Path

from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection
from core.retrieval.grounding import join_list_markers, split_sentences
from core.retrieval.prompt_echo import scrub

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "rag_corpus"
QUESTION = "What does the MIT license disclaim?"
FAITHFUL = 'The MIT license says the software is provided "as is", without warranty of any kind.'


class EchoingWriter:
    """Writes a sentence that names the fence's code, then a numbered list, in 5-character chunks."""

    def __init__(self):
        self.code = ""

    def stream(self, messages, params, cancel=None):
        self.code = re.search(r"\(code ([0-9a-f]{12})\)", messages[-1]["content"]).group(1)
        text = (f"The document excerpt {self.code} answers it. The licence says this:\n"
                f"1. {FAITHFUL}\n2.")
        for i in range(0, len(text), 5):
            yield text[i:i + 5]


def test_the_fence_code_and_bare_list_numbers_are_never_shown():
    assert open_collection("licences").ingest([CORPUS / "mit_license.txt", CORPUS / "apache_license_2.0.txt"]).ok
    writer = EchoingWriter()
    chain = RagChain("licences", answer_mode="abstractive", chat_model=writer)
    events = list(chain.stream(QUESTION))
    shown = [e["text"] for e in events if e["type"] == "delta"]
    code = writer.code
    assert code and len(shown) > 3
    # no prefix of the code either, while the text still grows (4 hex digits and more)
    assert not any(code[:4] in text for text in shown), [t for t in shown if code[:4] in t]
    answer = events[-1]["answer"]
    sentences = [s["text"] for s in answer.trace["model_sentences"]]
    assert sentences[0] == "The document excerpt answers it."
    assert f"1. {FAITHFUL}" in sentences and "2." not in sentences and "1." not in sentences, sentences
    assert all(not s.endswith(("1.", "2.")) or s == f"1. {FAITHFUL}" for s in sentences), sentences


def test_scrub_keeps_numbers_and_words_that_only_look_like_the_code():
    code = "4afe0c01bd77"
    assert scrub("The term is 4 years.", code) == "The term is 4 years."
    assert scrub("A cafe.", "cafe12345678") == "A cafe."  # a word, not the code
    assert scrub("see <<<END DOCUMENTS 4afe0c01bd77>>> and (code 4afe0c01bd77).", code) == "see and."
    assert scrub("It says 4afe", code, final=False) == "It says "  # the code's start is held back while streaming
    assert scrub("It says 4afe", code, final=True) == "It says 4afe"  # ... but not when the text is complete


def test_a_list_marker_goes_with_the_item_after_it_and_a_number_ending_a_sentence_stays():
    text = "The rules are as follows: 1. Answer. 2) Cite.\n- Be brief. 3."
    assert [text[a:b] for a, b in join_list_markers(text, split_sentences(text))] == [
        "The rules are as follows:", "1. Answer.", "2) Cite.", "- Be brief."]
    text = "The term is 4. It was 1990."
    assert [text[a:b] for a, b in join_list_markers(text, split_sentences(text))] == ["The term is 4.", "It was 1990."]
