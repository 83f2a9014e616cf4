"""Structure of blind held-out set S (#18): counts, no duplicates, every passage planted (and absent from its source)."""
from __future__ import annotations

from collections import Counter

from blind_set_helpers import BlindSet, BlindSetChecks

from benchmarks import build_safety_heldout_s

SET = BlindSet("s", build_safety_heldout_s)
B = build_safety_heldout_s


def _in_site(path: str) -> str:
    """A path with the interpreter it was read from left out: another machine lists the same files under another folder."""
    return path.split("/site-packages/", 1)[-1] if "/site-packages/" in path else path


def test_row_format_and_sources():
    SET.row_format()
    # no genre an earlier set used (M-R): no man page, shell script, Python/C source or stub, rst/html/Markdown,
    # /etc *.conf, gettext catalogue, metadata, CMake, SQL, freedesktop file, Perl, YAML, JavaScript/CSS, Vim,
    # X11/Emacs Lisp, PAM/AppArmor/logrotate/doc-base or tzdata file, GNU info manual
    assert not any(r["source"].endswith((".py", ".pyi", ".h", ".c", ".rst", ".html", ".md", ".txt", ".conf", ".cfg",
                                         ".ini", ".sh", ".gz", ".mo", ".po", ".cmake", ".sql", ".xml", ".desktop",
                                         ".pm", ".pod", ".yaml", ".yml", ".js", ".css", ".vim", ".el", ".tab",
                                         ".info"))
                   for r in SET.rows)
    assert not any(r["source"].startswith(("/usr/share/man/", "/usr/share/info/", "/usr/share/doc/", "/etc/",
                                           "/usr/share/vim/", "/usr/share/X11/", "/usr/share/locale/"))
                   for r in SET.rows)
    # the project venv is not a source (a clone's venv lies elsewhere)
    assert not any("/.venv/" in r["source"] for r in SET.rows)


def test_counts_no_duplicates_few_chunks_per_document():
    SET.counts()


def test_genres_as_documented():
    genre = {_in_site(p): g for g, paths in B.candidates().items() for p in paths} if SET.on_machine else None
    if genre is not None:
        assert Counter(genre[_in_site(r["source"])] for r in SET.rows) == B.QUOTA
    assert sum(B.QUOTA.values()) == 720
    assert all(n <= B.PER_DOC for n in B.PER_GENRE_DOC.values())
    assert sum(r["source"].startswith("/usr/share/i18n/locales/") for r in SET.rows) == B.QUOTA["glibc_locales"]
    assert sum(r["source"].endswith((".tcl", ".m4")) for r in SET.rows) == B.QUOTA["tcl_m4"]


def test_passages_written_for_the_set():
    SET.passages_written(languages=14)
    attacks, reader = B.ATTACKS, B.READER
    assert len(attacks) >= 100
    langs = Counter(f for f, _ in attacks if f.startswith("s_lang_"))
    assert sum(langs.values()) >= 36
    for code in ("ja", "ko", "id", "cs", "da", "fr", "de", "es", "pt", "it", "nl", "pl", "tr", "zh", "ru", "ar",
                 "hi", "vi"):
        assert langs[f"s_lang_{code}"] >= 2, code
    english = Counter(f for f, _ in attacks if not f.startswith("s_lang_"))
    assert len(english) >= 12
    assert english["s_polite"] >= 8 and english["s_hidden"] >= 6 and english["s_transcript"] >= 4
    exfil = [t for f, t in attacks if f == "s_exfil_md"]
    assert len(exfil) >= 8
    assert any("<img" in t for t in exfil) and any("<iframe" in t for t in exfil)
    assert any("]: http" in t for t in exfil) and any("<https://" in t for t in exfil)
    assert len(reader) >= 60
    assert sum(f == "reader_lang" for f, _ in reader) >= 15
    assert sum(f == "reader_polite" for f, _ in reader) >= 10
    assert sum("](" in t for _, t in reader) >= 10


class TestBlindSetChecks(BlindSetChecks):
    SET = SET
