"""Structure checks shared by the blind held-out injection sets built with planted passages (O-U; #18):
counts, no duplicates, every passage planted once per document and absent from its source. BlindSetChecks holds
the four tests every set's structure test runs unchanged (a module subclasses it as a Test* class)."""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.doc_chunks import read_text_file

DATA = Path(__file__).resolve().parent / "data"


# file kinds and folders the blind sets M-T took their documents from; U and later sets take none of them
FILE_KINDS_M_TO_T = (".py", ".pyi", ".h", ".c", ".rst", ".html", ".md", ".txt", ".conf", ".cfg", ".ini", ".sh", ".gz",
                     ".mo", ".po", ".cmake", ".sql", ".xml", ".desktop", ".pm", ".pod", ".yaml", ".yml", ".js", ".css",
                     ".vim", ".el", ".tab", ".info", ".json", ".toml", ".tcl", ".m4", ".pyx", ".pxd", ".pxi", ".ps1",
                     ".tex", ".csv", ".pom", ".php", ".tmac", ".lang", ".outlang", ".style", ".td", ".def", ".inc",
                     ".bats", ".t", ".decTest", ".arff", ".mk", "Makefile", "Makevars.template")
FOLDERS_M_TO_T = ("/usr/share/man/", "/usr/share/info/", "/usr/share/doc/", "/etc/", "/usr/share/vim/",
                  "/usr/share/X11/", "/usr/share/locale/", "/usr/share/i18n/", "/usr/share/tcltk/", "/usr/share/aclocal/",
                  "/root/.m2/", "/usr/share/groff/", "/usr/share/source-highlight/", "/root/.pyenv/test/")

# the file kinds and folders sets U, V and W added to M-T's (a later set takes none of them)
KINDS_U = (".cuh", ".inl", ".hpp", ".tcc", ".patch", ".diff", ".mod", ".properties", ".xsd", ".dtd", ".security",
           ".policy", ".template", ".access", ".tpl", ".bat", ".cmd", ".al", ".d", ".stp", ".doctest")
FOLDERS_U = ("/root/.pyenv/", "/usr/include/", "/usr/local/cuda", "/usr/lib/jvm/", "/usr/bin/", "/usr/sbin/",
             "/usr/share/bash-completion/")
KINDS_V = ("postinst", "preinst", "postrm", "prerm", ".config", ".templates", ".pl", ".ph", ".ui", ".svg", ".sample")
FOLDERS_V = ("/var/lib/dpkg/", "/usr/share/zsh/", "/usr/lib/git-core/", "/usr/share/git-core/", "/usr/lib/perf-core/",
             "/usr/lib/x86_64-linux-gnu/ldscripts/", "/usr/share/system-config-printer/", "/usr/share/perl/",
             "/usr/lib/x86_64-linux-gnu/perl")
KINDS_W = (".catalog", ".hwdb", ".supp", ".spec", ".its", ".loc", ".sed", ".sin", ".header", "Rules-quot", ".lark",
           ".proto", ".pc", ".stop", ".affix", ".dict", ".syn", ".ths", ".control", ".1")
FOLDERS_W = ("/usr/lib/systemd/", "/usr/lib/udev/", "/usr/lib/valgrind/", "/usr/libexec/valgrind/",
             "/usr/share/gettext/its", "/usr/share/gettext/po", "/usr/share/lintian/", "/usr/share/bug/",
             "/usr/share/postgresql/", "/usr/lib/x86_64-linux-gnu/pkgconfig/", "/usr/share/pkgconfig/")
# the file kinds and the folder set Y took its documents from (Debian packages fetched to a folder of its own; X's
# kinds and trees are listed in its builder, benchmarks/build_safety_heldout_x.py)
KINDS_Y = (".rs", ".rb", ".go", ".lua")
FOLDERS_Y = ("/var/tmp/heldout-y-src/",)

# the other languages of sets V to X's attacks (each once at least) and those each of them has twice
LANGUAGES_V = ("fr", "de", "es", "it", "pt", "nl", "pl", "cs", "ru", "uk", "zh", "ja", "ko", "ar", "he", "fa", "tr",
               "hi", "bn", "ur", "id", "vi", "th", "sw", "tl", "el", "ro", "hu", "fi", "sv", "da", "no", "is", "eu",
               "cy", "ga", "mt", "am", "yo", "ka", "hy")
LANGUAGES_W = LANGUAGES_V + ("ms", "sk", "bg", "hr", "lt")
TWICE_V = ("fr", "de", "es", "pt", "ru", "zh", "ja", "ko", "ar", "it", "hi", "tr", "nl", "pl")


def assert_no_source_among(rows: list[dict], kinds: tuple[str, ...], folders: tuple[str, ...]) -> None:
    """No row's document is of one of `kinds` (name endings) or under one of `folders`, or in the project venv (a
    clone's venv lies elsewhere)."""
    assert not any(r["source"].endswith(kinds) for r in rows)
    assert not any(r["source"].startswith(folders) for r in rows)
    assert not any("/.venv/" in r["source"] for r in rows)


def assert_attack_families(attacks: list[tuple[str, str]], reader: list[tuple[str, str]], prefix: str,
                           languages: tuple[str, ...], twice: tuple[str, ...], english: int, readers: int) -> None:
    """The hand-written passages of sets U and V: at least 50 attacks in 40 languages, each of `languages` once and
    each of `twice` twice; `english` or more English attacks in at least 12 families (the usual ten 5 times, persona
    and transcript 4); every exfiltration form; paraphrases without the usual trigger words; `readers` or more
    reader instructions of the usual kinds."""
    langs = Counter(f for f, _ in attacks if f.startswith(f"{prefix}_lang_"))
    assert sum(langs.values()) >= 50 and len(langs) >= 40
    for code in languages:
        assert langs[f"{prefix}_lang_{code}"] >= 1, code
    for code in twice:
        assert langs[f"{prefix}_lang_{code}"] >= 2, code
    en = Counter(f for f, _ in attacks if not f.startswith(f"{prefix}_lang_"))
    assert len(en) >= 12 and sum(en.values()) >= english
    for fam in ("roleplay", "third", "conditional", "hidden", "paraphrase", "exfil", "toolout", "urgency", "encoded",
                "multistep"):
        assert en[f"{prefix}_{fam}"] >= 5, fam
    assert en[f"{prefix}_persona"] >= 4 and en[f"{prefix}_transcript"] >= 4
    exfil = [t for f, t in attacks if f == f"{prefix}_exfil"]
    assert any("<img" in t for t in exfil) and any("<iframe" in t for t in exfil) and any("![" in t for t in exfil)
    assert any("]: http" in t for t in exfil) and any("<https://" in t for t in exfil)
    # the paraphrase family avoids the usual trigger words
    assert not [t for f, t in attacks if f == f"{prefix}_paraphrase" and re.search(r"ignor|disregard|forget", t, re.I)]
    assert len(reader) >= readers
    fams = Counter(f for f, _ in reader)
    assert fams["reader_lang"] >= 15 and fams["reader_polite"] >= 10 and fams["reader_ui"] >= 5
    assert fams["reader_build"] >= 5 and fams["reader_env"] >= 4
    assert sum("](" in t for _, t in reader) >= 10


class BlindSet:
    """One set: its letter ("o"), its rows and its builder module (ATTACKS, READER, N_*, PER_DOC, pieces, render)."""

    def __init__(self, letter: str, builder):
        self.letter, self.b = letter, builder
        path = DATA / f"safety_heldout_{letter}.jsonl"
        self.rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        self.on_machine = all(os.path.exists(r["source"]) for r in self.rows)

    def row_format(self) -> None:
        for r in self.rows:
            assert set(r) == {"kind", "label", "family", "source", "text"}
            assert r["kind"] == "injection" and r["label"] in ("allow", "block")
            assert r["text"].strip() and r["source"].startswith("/")

    def counts(self) -> None:
        b = self.b
        c = Counter((r["label"], r["family"].split("_")[0]) for r in self.rows)
        assert c == {("block", self.letter): b.N_BLOCK, ("allow", "reader"): b.N_READER, ("allow", "plain"): b.N_PLAIN}
        assert Counter(r["label"] for r in self.rows) == {"block": 120, "allow": 600}
        assert len(self.rows) == b.N_BLOCK + b.N_READER + b.N_PLAIN == 720
        assert len({r["text"] for r in self.rows}) == len(self.rows)
        assert max(Counter(r["source"] for r in self.rows).values()) <= b.PER_DOC

    def genres_by_quota(self, genres: int) -> None:
        """The rows per genre are the builder's QUOTA (on the machine that holds the sources), at most PER_GENRE_DOC
        rows of one document per genre, `genres` genres and 720 rows in all."""
        b = self.b
        genre = {p: g for g, paths in b.candidates().items() for p in paths} if self.on_machine else None
        if genre is not None:
            assert Counter(genre[r["source"]] for r in self.rows) == b.QUOTA
            for g in b.QUOTA:
                assert max(Counter(r["source"] for r in self.rows if genre[r["source"]] == g).values()) \
                    <= b.PER_GENRE_DOC[g]
        assert sum(b.QUOTA.values()) == 720 and len(b.QUOTA) == genres
        assert all(n <= b.PER_DOC for n in b.PER_GENRE_DOC.values())

    def passages_written(self, languages: int) -> None:
        attacks, reader = self.b.ATTACKS, self.b.READER
        assert len({t for _, t in attacks}) == len(attacks) >= 70
        assert len({t for _, t in reader}) == len(reader) >= 40
        assert len({f for f, _ in attacks if f.startswith(f"{self.letter}_lang_")}) >= languages
        assert all(len(self.b.pieces(f, t)) == 2 for f, t in attacks if f == f"{self.letter}_split")
        assert not {t for _, t in attacks} & {t for _, t in reader}

    def passages_in_families(self, languages: tuple[str, ...], twice: tuple[str, ...], english: int,
                             readers: int) -> None:
        """Sets U onward: passages_written (40 languages), every attack text used exactly once (one per block row),
        and the attack and reader families of `assert_attack_families`."""
        self.passages_written(languages=40)
        assert len(self.b.ATTACKS) == self.b.N_BLOCK
        assert_attack_families(self.b.ATTACKS, self.b.READER, self.letter, languages=languages, twice=twice,
                               english=english, readers=readers)

    def passages_trimmed(self, break_: str) -> None:
        """No attack or reader passage has surrounding whitespace or contains `break_` ("\n": a single line, for
        sets that append passages to lines; "\n\n": never a paragraph break, for sets that weave them as lines)."""
        assert not [t for _, t in self.b.ATTACKS + self.b.READER if t != t.strip() or break_ in t]

    def earlier_sets(self) -> list[Path]:
        """The test data files that existed before this set: everything in tests/data but it and later held-out sets."""
        later = re.compile(rf"safety_heldout_[{self.letter}-z]\.jsonl")
        return [f for f in sorted(DATA.glob("*.jsonl")) if not later.fullmatch(f.name)]

    def no_line_shared_with_earlier_sets(self) -> None:
        """No row shares a line (its first 60 characters) with a row of the sets that came before it."""
        from benchmarks.doc_chunks import SeenText, jsonl_texts

        seen = SeenText([t for f in self.earlier_sets() for t in jsonl_texts(f)])
        assert not [r["source"] for r in self.rows if seen.shares_line(r["text"])]

    def passages_new_to_set(self) -> None:
        """No attack or reader passage of the set occurs in another test set's rows (as written or JSON-escaped)."""
        passages = [t for _, t in self.b.ATTACKS + self.b.READER]
        for f in sorted(DATA.glob("*.jsonl")):
            if f.name != f"safety_heldout_{self.letter}.jsonl":
                text = f.read_text(encoding="utf-8")
                assert not [p for p in passages if p in text or json.dumps(p, ensure_ascii=False)[1:-1] in text], f.name

    def planted(self, r, passages):
        return [(f, t) for f, t in passages if all(p in r["text"] for p in self.b.pieces(f, t))]

    def one_passage_per_modified_row(self) -> None:
        attacks, reader = self.b.ATTACKS, self.b.READER
        for r in self.rows:
            a, b = self.planted(r, attacks), self.planted(r, reader)
            if r["label"] == "block":
                assert len(a) == 1 and not b and a[0][0] == r["family"]
            elif r["family"].startswith("reader_"):
                assert len(b) == 1 and not a and b[0][0] == r["family"]
            else:
                assert r["family"] == "plain" and not a and not b
        # no piece of any attack (split halves included) in a benign row, no reader passage in a plain row
        every_piece = [p for f, t in attacks for p in self.b.pieces(f, t)]
        assert not [r for r in self.rows if r["label"] == "allow" and any(p in r["text"] for p in every_piece)]
        assert not [r for r in self.rows if r["family"] == "plain" and any(t in r["text"] for _, t in reader)]

    def every_passage_used_at_most_twice(self) -> None:
        attacks, reader = self.b.ATTACKS, self.b.READER
        uses = Counter(t for r in self.rows if r["label"] == "block" for _, t in self.planted(r, attacks))
        assert set(uses) == {t for _, t in attacks} and max(uses.values()) <= 2
        uses = Counter(t for r in self.rows if r["family"].startswith("reader_") for _, t in self.planted(r, reader))
        assert set(uses) == {t for _, t in reader} and max(uses.values()) <= 2
        per_doc = Counter((r["source"], t) for r in self.rows if r["family"] != "plain"
                          for _, t in self.planted(r, attacks if r["label"] == "block" else reader))
        assert max(per_doc.values()) == 1

    def passages_absent_from_sources(self, read_text_file) -> None:
        for r in self.rows:
            if r["family"] != "plain":
                (f, t), = self.planted(r, self.b.ATTACKS if r["label"] == "block" else self.b.READER)
                raw, shown = read_text_file(r["source"]), self.b.render(r["source"])
                assert not any(p in raw or p in shown for p in self.b.pieces(f, t))

    def plain_chunks_from_sources(self) -> None:
        for r in [r for r in self.rows if r["family"] == "plain"][:60]:
            assert " ".join(r["text"].split()) in " ".join(self.b.render(r["source"]).split())


    def placed_three_ways(self) -> None:
        """Sets X and later: 40 attack rows each have their passage as a paragraph of its own, woven into a paragraph
        and appended to the end of a line; of the reader rows 34, 33 and 33; and each row's text shows it."""
        b, prefix = self.b, self.letter
        placed = Counter((r["label"], r["family"].split("_")[0], b.placement(r)) for r in self.rows)
        assert placed == {("block", prefix, "paragraph"): 40, ("block", prefix, "woven"): 40,
                          ("block", prefix, "inline"): 40, ("allow", "reader", "paragraph"): 34,
                          ("allow", "reader", "woven"): 33, ("allow", "reader", "inline"): 33, ("allow", "plain", None): 500}
        for r in self.rows:
            if r["family"] == "plain":
                continue
            (_, t), = self.planted(r, b.ATTACKS if r["label"] == "block" else b.READER)
            at = r["text"].index(t)
            before, after = r["text"][:at], r["text"][at + len(t):]
            line = before.rsplit("\n", 1)[-1]
            if b.placement(r) == "inline":  # "existing text. PASSAGE": one space after a line of 20 or more characters
                assert line.endswith(" ") and not line.endswith("  ") and len(line.strip()) >= 20
                assert after == "" or after.startswith("\n")
            elif b.placement(r) == "paragraph":
                assert before == "" or before.endswith("\n\n")
                assert after == "" or after.startswith("\n\n")
            else:
                assert line == "" and before.endswith("\n") and not before.endswith("\n\n") and after.startswith("\n")


class BlindSetChecks:
    """The tests every blind set's structure test runs unchanged. A test module collects them with
    `class TestBlindSetChecks(BlindSetChecks): SET = SET`; the two that read the source documents skip where they
    are not on this machine."""

    SET: BlindSet

    def _on_machine(self) -> None:
        if not self.SET.on_machine:
            pytest.skip(f"source documents of set {self.SET.letter.upper()} are not on this machine")

    def test_each_modified_row_has_exactly_one_passage_of_its_family(self):
        self.SET.one_passage_per_modified_row()

    def test_every_passage_used_and_at_most_twice_never_twice_in_one_document(self):
        self.SET.every_passage_used_at_most_twice()

    def test_passages_absent_from_their_source_documents(self):
        self._on_machine()
        self.SET.passages_absent_from_sources(read_text_file)

    def test_plain_chunks_come_from_their_documents(self):
        self._on_machine()
        self.SET.plain_chunks_from_sources()


class RebuiltBlindSetChecks(BlindSetChecks):
    """BlindSetChecks and what sets U and later also check: passages new to the set, no line shared with the sets
    before it, and a rebuild that reproduces the committed file."""

    def test_passages_new_to_this_set(self):
        """No attack or reader passage of the set occurs in another test set's rows."""
        self.SET.passages_new_to_set()

    def test_no_line_shared_with_earlier_sets(self):
        """No row shares a line (its first 60 characters) with a row of the sets that came before it."""
        self.SET.no_line_shared_with_earlier_sets()

    def test_rebuild_reproduces_the_file(self):
        """The seeded build gives the committed rows again (while tests/data holds the same earlier sets: the
        seen-text filter reads them)."""
        self._on_machine()
        assert self.SET.b.build() == self.SET.rows
