"""The "held-out 11" set (#13, round 32): six documents nobody on the team had used, on six subjects (the mawk and
hwclock manual pages, openssl s_client's manual page, pytest-timeout's METADATA description, Node.js's packages
documentation, the bzip2 info manual) and questions written in three styles (short direct, a visitor's situation,
search-box or non-native wording). Its shape, that every passage is a verbatim span of its file, that no document
is shared with another corpus or the question-encoder training documents, and its registration. Report-only: never
tune on it."""
from qa_set_helpers import ROOT, QaSet

SET = QaSet(ROOT / "assets" / "rag_corpus_heldout11", ROOT / "assets" / "rag_qa_heldout11.jsonl",
            files={"mawk.1.txt", "hwclock.8.txt", "openssl-s_client.1ssl.txt", "pytest_timeout.METADATA.txt",
                   "nodejs-packages.md.txt", "bzip2.info.txt"},
            families={"mawk", "gawk", "awk", "hwclock", "rtc", "s_client", "s_server", "pytest", "nodejs", "npm",
                      "package.json", "bzip2", "bzcat", "bunzip", "libbz2"})


def test_corpus_files_and_sizes():
    SET.corpus_files_and_sizes()


def test_no_document_shared_with_another_corpus_or_the_training_documents():
    SET.no_document_shared()


def test_counts_and_format():
    SET.counts_and_format()


def test_passages_are_verbatim_spans_and_short():
    SET.passages_verbatim()


def test_registered_as_held_out_set():
    from benchmarks import rag

    assert rag.RETRIEVAL_SETS["held-out 11"] == (SET.corpus, SET.qa, "heldout11")
    assert rag.HELDOUT11_QA == SET.qa
