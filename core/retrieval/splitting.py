"""Cut a loaded document into chunks with LangChain's recursive character splitter.

Chunks never cross a PDF page, so every chunk has one page number to cite. A chunk's id is
derived from the document's content hash and its position, so re-ingesting the same bytes
yields the same ids.

Chunks end, where they can, at a blank line followed by a line indented at most 8 spaces:
in a manual page or any definition list that is where a new entry or section starts, while
the deeper-indented paragraphs of an entry stay with it. Plain paragraphs (no indent) split
as before. On the long-document set this raised vector hit@4 from 0.782 to 0.818 and hybrid
MRR@10 from 0.756 to 0.768 at 1000/200 (docs/rag.md, "Measured").

A command-line option entry ("-X", "--name" after a blank line) always starts a new chunk
(ENTRY_CHUNKS): the long set's hybrid hit@4 0.909 -> 0.945 (#13 round 8).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from core.retrieval.chunk_headers import Headings, header
from core.retrieval.loaders import LoadedDocument


@dataclass
class Chunk:
    id: str
    text: str
    source: str  # the document's name
    page: int  # 1-based; 1 for documents without pages
    index: int  # position of the chunk in its document
    start: int  # character offset in its page
    doc_hash: str
    header: str = ""  # document title and section heading, for retrieval only (chunk_headers.py)

    def metadata(self) -> dict:
        d = asdict(self)
        d.pop("id"), d.pop("text")
        return d


# tried in order (regular expressions): a new entry or section, any paragraph, line, sentence, word
SEPARATORS = [r"\n\n(?=[ \t]{0,8}\S)", r"\n\n", r"\n", r"\. ", " ", ""]
# A PDF page as pypdf reads it has no blank lines and hard-wrapped lines: cut at any line break, half
# its chunks ended inside a sentence and the cut half was quoted as the answer ("The default weight
# value is" [1]). There a line that ends a sentence comes first, and the period stays with its
# sentence. On text and Markdown the same order lost 3 held-out answers of 297 (#13 round 20:
# benchmarks/results/rag_issue13_round20_sentence_chunks.md), so they keep the order above.
PDF_SEPARATORS = SEPARATORS[:2] + [r"(?<=[.!?])\n", r"\n", r"(?<=[.!?]) ", " ", ""]
# a PDF page's number in its footer, cut off as a chunk of its own: nothing to retrieve or cite
_PAGE_NUMBER = re.compile(r"\d{1,4}|[ivxlcdm]{1,7}", re.IGNORECASE)
# each command-line option entry ("-X", "--name" after a blank line, at most 8 spaces in) starts
# its own chunk, so one entry's vector is not diluted by its neighbours' (#13 rounds 7-8)
ENTRY_CHUNKS = True
ENTRY_START = re.compile(r"\n\n(?=[ \t]{0,8}--?[A-Za-z])")


def _segments(text: str) -> list[tuple[int, str]]:
    """(offset, text) pieces of a page: the whole page, or cut before every option entry."""
    if not ENTRY_CHUNKS:
        return [(0, text)]
    cuts = [0] + [m.start() for m in ENTRY_START.finditer(text)] + [len(text)]
    return [(a, text[a:b]) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def chunk_id(content_hash: str, index: int) -> str:
    """A chunk's id: its document's content hash and its position (re-ingesting the same bytes
    gives the same ids; a new version of a document gets new ones)."""
    return f"{content_hash[:20]}-{index:05d}"


def split_document(doc: LoadedDocument, chunk_size: int, chunk_overlap: int,
                   headers: bool = True) -> list[Chunk]:
    if chunk_size <= 0 or not 0 <= chunk_overlap < chunk_size:
        raise ValueError(f"need chunk_size > 0 and 0 <= chunk_overlap < chunk_size, "
                         f"got chunk_size={chunk_size}, chunk_overlap={chunk_overlap}")
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size, chunk_overlap=chunk_overlap, add_start_index=True,
        separators=PDF_SEPARATORS if doc.kind == "pdf" else SEPARATORS, is_separator_regex=True)
    chunks: list[Chunk] = []
    for page, text in doc.pages:
        headings = Headings(text) if headers else None
        for offset, segment in _segments(text):
            for piece in splitter.create_documents([segment]):
                body = piece.page_content.strip()
                if not body or (doc.kind == "pdf" and _PAGE_NUMBER.fullmatch(body)):
                    continue
                i = len(chunks)
                start = offset + piece.metadata["start_index"]
                chunks.append(Chunk(id=chunk_id(doc.content_hash, i), text=body, source=doc.name,
                                    page=page, index=i, start=start, doc_hash=doc.content_hash,
                                    header=header(doc.name, headings.at(start)) if headings else ""))
    return chunks
