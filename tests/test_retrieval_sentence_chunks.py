"""Chunks of a PDF end at a sentence's end where the text allows it: a PDF page has no blank lines,
and a chunk cut at any line break left half a sentence at its end, which the chatbot then quoted
("The default weight value is" [1]). Text and Markdown files keep their order (splitting.py)."""
import random

from core.retrieval.loaders import LoadedDocument
from core.retrieval.splitting import split_document


def _wrapped_page(seed: int) -> str:
    """Paragraphs hard-wrapped at ~70 characters, as pypdf reads a PDF page: a paragraph ends at a
    line's end, sentences also end inside lines, and there are no blank lines."""
    rng = random.Random(seed)
    words = "glob weight pattern element attribute default value maximum file type rule".split()
    lines = []
    for _ in range(25):
        sentences = [" ".join(rng.choice(words) for _ in range(rng.randint(8, 22))).capitalize() + "."
                     for _ in range(rng.randint(2, 4))]
        line = ""
        for word in " ".join(sentences).split():
            if len(line) + len(word) > 70:
                lines.append(line)
                line = ""
            line = f"{line} {word}".strip()
        lines.append(line)
    return "\n".join(lines)


def test_chunks_of_a_wrapped_pdf_page_end_at_sentence_ends():
    for seed in range(3):
        doc = LoadedDocument(name="spec.pdf", kind="pdf", content_hash=f"{seed}" * 64, pages=[(1, _wrapped_page(seed))])
        chunks = split_document(doc, 1000, 200, headers=False)
        assert len(chunks) > 4
        assert all(c.text.rstrip().endswith(".") for c in chunks), [c.text[-40:] for c in chunks]
        assert all(len(c.text) <= 1000 for c in chunks)


def test_a_long_pdf_line_keeps_each_period_with_its_sentence():
    text = " ".join(f"Sentence number {i} says something about weights and values here." for i in range(80))
    doc = LoadedDocument(name="notes.pdf", kind="pdf", content_hash="9" * 64, pages=[(1, text)])
    chunks = split_document(doc, 500, 100, headers=False)
    assert len(chunks) > 4
    assert all(c.text.startswith("Sentence") and c.text.endswith(".") for c in chunks)


def test_a_pdf_page_number_is_not_a_chunk_of_its_own():
    # four sentence lines that fill a 1000-character chunk, each longer than the overlap: the footer's
    # page number is left alone in the next chunk
    line = ("The glob weight attribute of a pattern element " * 6)[:248] + "."
    page = "\n".join([line] * 4) + "\n3"
    doc = LoadedDocument(name="spec.pdf", kind="pdf", content_hash="7" * 64, pages=[(3, page)])
    chunks = split_document(doc, 1000, 200, headers=False)
    assert chunks and not [c.text for c in chunks if c.text.isdigit()]
