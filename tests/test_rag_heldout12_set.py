"""The "held-out 12" set (#13, round 33): six documents nobody on the team had used, on six subjects (the cscope and
ldap.conf manual pages, psutil's METADATA description, zstd's CONTRIBUTING.md, gdb's Debian README, the Xrender
library's text description) and questions written in three styles (short direct, a visitor's situation, search-box
or non-native wording). Its shape, that every passage is a verbatim span of its file found there exactly once, that
no document is shared with another corpus or the question-encoder training documents, and its registration.
Report-only: never tune on it."""
from qa_set_helpers import ROOT, QaSet, QaSetChecks

SET = QaSet(ROOT / "assets" / "rag_corpus_heldout12", ROOT / "assets" / "rag_qa_heldout12.jsonl",
            files={"cscope.1.txt", "ldap.conf.5.txt", "psutil.METADATA.txt", "zstd-CONTRIBUTING.md.txt",
                   "gdb.README.txt", "libXrender.txt"},
            families={"cscope", "ctags", "ldap", "slapd", "psutil", "zstd", "zstandard", "gdb", "xrender",
                      "x11proto", "libx11"})


def test_each_passage_is_the_one_place_in_its_file():
    SET.passages_once()


def test_registered_as_held_out_set():
    SET.registered("held-out 12", "heldout12", "HELDOUT12_QA")


class TestQaSetChecks(QaSetChecks):
    SET = SET
