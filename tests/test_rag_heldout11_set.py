"""The "held-out 11" set (#13, round 32): six documents nobody on the team had used, on six subjects (the mawk and
hwclock manual pages, openssl s_client's manual page, pytest-timeout's METADATA description, Node.js's packages
documentation, the bzip2 info manual) and questions written in three styles (short direct, a visitor's situation,
search-box or non-native wording). Its shape, that every passage is a verbatim span of its file, that no document
is shared with another corpus or the question-encoder training documents, and its registration. Report-only: never
tune on it."""
from qa_set_helpers import ROOT, QaSet, QaSetChecks

SET = QaSet(ROOT / "assets" / "rag_corpus_heldout11", ROOT / "assets" / "rag_qa_heldout11.jsonl",
            files={"mawk.1.txt", "hwclock.8.txt", "openssl-s_client.1ssl.txt", "pytest_timeout.METADATA.txt",
                   "nodejs-packages.md.txt", "bzip2.info.txt"},
            families={"mawk", "gawk", "awk", "hwclock", "rtc", "s_client", "s_server", "pytest", "nodejs", "npm",
                      "package.json", "bzip2", "bzcat", "bunzip", "libbz2"})


def test_registered_as_held_out_set():
    SET.registered("held-out 11", "heldout11", "HELDOUT11_QA")


class TestQaSetChecks(QaSetChecks):
    SET = SET
