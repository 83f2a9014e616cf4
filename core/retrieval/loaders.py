"""Read an uploaded file into text pages: PDF (pypdf, page numbers kept), DOCX, Markdown,
HTML and plain text.

    doc = load_file(path, name="handbook.pdf")   # LoadedDocument(name, content_hash, pages)

Every way a file can be unusable (empty, too big, encrypted, not really a PDF, no text
layer, not UTF-8, a hostile name) raises `LoadError` with a message a user can act on,
before anything is written to a collection.
"""
from __future__ import annotations

import hashlib
import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from core.config import get_settings

log = logging.getLogger(__name__)

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".txt": "text", ".text": "text", ".rst": "text"}


class LoadError(ValueError):
    """A file can't be ingested; the message says why and what to do."""


@dataclass
class LoadedDocument:
    name: str  # safe base name, e.g. "handbook.pdf"
    kind: str  # pdf | docx | markdown | html | text
    content_hash: str  # sha256 of the file's bytes
    pages: list[tuple[int, str]]  # (1-based page number, text); one "page" for non-PDF files

    @property
    def n_chars(self) -> int:
        return sum(len(t) for _, t in self.pages)


def safe_name(name: str) -> str:
    """The base name of an upload, stripped of any directory part ('../../etc/passwd' -> 'passwd').

    The name is only ever used as a label in metadata, never as a path to write to, but
    a traversal attempt is still refused outright rather than silently renamed.
    """
    if not isinstance(name, str) or not name.strip():
        raise LoadError("the file has no name")
    parts = re.split(r"[\\/]+", name.strip())
    if ".." in parts:
        raise LoadError(f"file name {name!r} contains '..'; upload the file under a plain name")
    base = unicodedata.normalize("NFC", parts[-1]).strip()
    base = "".join(c for c in base if c.isprintable())
    if base in ("", ".", "..") or len(base) > 255:
        raise LoadError(f"file name {name!r} is not a usable name")
    return base


def load_file(path: str | Path, name: str | None = None, limits=None) -> LoadedDocument:
    """Read `path` (its display name is `name`, default the path's base name) within `limits`
    (RetrievalSettings; default the current settings)."""
    limits = limits or get_settings().retrieval
    path = Path(path)
    name = safe_name(name if name is not None else path.name)
    if not path.is_file():  # first: a mistyped path is "no such file", not an unsupported type
        raise LoadError(f"{name}: " + ("a folder, not a file" if path.is_dir() else "no such file"))
    kind = SUFFIXES.get(Path(name).suffix.lower())
    if kind is None:
        raise LoadError(f"{name}: unsupported file type {Path(name).suffix or '(none)'!r}; "
                        f"supported: {', '.join(sorted(SUFFIXES))}")
    limit_mb = limits.max_upload_mb
    size = path.stat().st_size
    if size > limit_mb * 1024 * 1024:
        raise LoadError(f"{name} is {size / 2**20:.1f} MB; the upload limit is {limit_mb:g} MB "
                        "(setting GENAI_MAX_UPLOAD_MB)")
    if size == 0:
        raise LoadError(f"{name} is empty")
    data = path.read_bytes()
    if kind == "docx":
        check_zip(data, name, limits.max_unzipped_mb, limits.max_zip_entries)
    pages = _READERS[kind](data, name)
    chars = sum(len(t) for _, t in pages)
    if chars > limits.max_chars_per_file:
        raise LoadError(f"{name} holds {chars:,} characters of text; the limit per file is "
                        f"{limits.max_chars_per_file:,} (setting GENAI_MAX_CHARS_PER_FILE): split it into smaller files")
    pages = [(p, _clean(t)) for p, t in pages]
    pages = [(p, t) for p, t in pages if t.strip()]
    if not pages:
        hint = " (a scanned PDF? it has no text layer, and OCR is not supported)" if kind == "pdf" else ""
        raise LoadError(f"{name} contains no text{hint}")
    return LoadedDocument(name, kind, hashlib.sha256(data).hexdigest(), pages)


def _clean(text: str) -> str:
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is refused, not guessed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LoadError(f"{name} is not UTF-8 text (bad byte 0x{data[e.start]:02x} at offset {e.start}); "
                        "save it as UTF-8 and upload it again") from None


def _read_text(data: bytes, name: str) -> list[tuple[int, str]]:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(f"{name} looks like a binary file, not text")
    return [(1, _decode(data, name))]


def _read_html(data: bytes, name: str) -> list[tuple[int, str]]:
    from core.retrieval.html_text import html_to_text  # bs4 is imported only when a page is read

    return [(1, html_to_text(_decode(data, name)))]


MAX_ZIP_RATIO = 100  # an entry over 1 MB unpacked and compressed more than this is refused


def check_zip(data: bytes, name: str, max_unzipped_mb: float, max_entries: int) -> None:
    """Refuse a zip-based file (DOCX) whose contents would unpack beyond the limits, from its
    directory alone, before any entry is decompressed: a 96 KB zip can hold gigabytes of XML."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            entries = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise LoadError(f"{name} is not a readable DOCX file ({type(e).__name__})") from None
    if len(entries) > max_entries:
        raise LoadError(f"{name} holds {len(entries):,} zip entries; the limit is {max_entries:,} "
                        "(setting GENAI_MAX_ZIP_ENTRIES)")
    total = sum(e.file_size for e in entries)
    for e in entries:  # office XML compresses about 5-15:1; a bomb's repeated text, hundreds to one
        if e.file_size > 2**20 and e.file_size > MAX_ZIP_RATIO * max(e.compress_size, 1):
            raise LoadError(f"{name}: {e.filename} is compressed {e.file_size / max(e.compress_size, 1):,.0f}:1 "
                            f"({e.file_size / 2**20:,.0f} MB unpacked), more than any real document "
                            f"({MAX_ZIP_RATIO}:1); refused as a likely zip bomb")
    if total > max_unzipped_mb * 2**20:
        raise LoadError(f"{name} would unpack to {total / 2**20:,.0f} MB; the limit is {max_unzipped_mb:g} MB "
                        "(setting GENAI_MAX_UNZIPPED_MB)")


def _read_docx(data: bytes, name: str) -> list[tuple[int, str]]:
    import docx
    import docx.table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises zipfile/KeyError/ValueError variants
        raise LoadError(f"{name} is not a readable DOCX file ({type(e).__name__})") from None
    # in document order, a paragraph per block and a table's rows as Markdown rows: joined by single
    # line breaks, a heading read as the first words of the sentence under it ("Leave Employees get ...")
    # and every table came after the last paragraph; headings and list items are marked as Markdown marks them
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            rows = ["| " + " | ".join(" ".join(c.text.split()) for c in row.cells) + " |" for row in item.rows]
            blocks.append("\n".join(rows))
        elif item.text.strip():
            blocks.append(_docx_marker(item) + item.text.strip())
    return [(1, "\n\n".join(blocks))]


def _docx_marker(paragraph) -> str:
    """A heading's or list paragraph's Markdown mark ("## ", "- "), as html_text writes a page's (#13 round 26)."""
    from core.retrieval import html_text

    if not html_text.MARKDOWN_STRUCTURE:
        return ""
    try:
        style = getattr(paragraph.style, "name", "") or ""
    except Exception:  # a hostile or broken file's style reference: read the paragraph as plain text
        return ""
    if style == "Title":
        return "# "
    if m := re.fullmatch(r"Heading ([1-6])", style):
        return "#" * int(m.group(1)) + " "
    return "- " if style.startswith("List") else ""


def _read_pdf(data: bytes, name: str) -> list[tuple[int, str]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if b"%PDF-" not in data[:1024]:
        raise LoadError(f"{name} is not a PDF (no %PDF header); is it another file renamed to .pdf?")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # many PDFs are "encrypted" with an empty user password and open anyway
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise LoadError(f"{name} is password-protected; remove the password and upload it again")
        pages = []
        for i, page in enumerate(reader.pages, start=1):
            try:
                pages.append((i, page.extract_text() or ""))
            except Exception as e:  # one broken page shouldn't lose the rest
                log.warning("%s: page %d unreadable: %s", name, i, e)
        return pages
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, IndexError) as e:
        raise LoadError(f"{name} is a damaged or unreadable PDF ({e})") from None
    except Exception as e:  # pypdf has many internal error types; never crash the app
        if type(e).__name__ == "DependencyError":
            raise LoadError(f"{name} is encrypted with a cipher this server can't open") from None
        raise LoadError(f"{name} is an unreadable PDF ({type(e).__name__}: {e})") from None


_READERS = {"pdf": _read_pdf, "docx": _read_docx, "markdown": _read_text, "html": _read_html,
            "text": _read_text}
