"""The "held-out 10" set (#13, round 31): six documents of six genres nobody on the team had used (strace and
tune2fs manual pages, the statistics pydoc page, tqdm's METADATA description, valgrind's FAQ, the readline info
manual) and visitor-worded questions. Its shape, that every passage is a verbatim span of its file, that no
document is shared with another corpus or the question-encoder training documents, and its registration.
Report-only: never tune on it."""
from qa_set_helpers import ROOT, QaSet, QaSetChecks

SET = QaSet(ROOT / "assets" / "rag_corpus_heldout10", ROOT / "assets" / "rag_qa_heldout10.jsonl",
            files={"strace.1.txt", "tune2fs.8.txt", "statistics.pydoc.txt", "tqdm.METADATA.txt", "valgrind.FAQ.txt",
                   "rluserman.info.txt"},
            families={"strace", "ltrace", "tune2fs", "e2fs", "mke2fs", "ext4", "statistics", "tqdm", "valgrind",
                      "readline", "rluserman", "inputrc"})


def test_registered_as_held_out_set():
    SET.registered("held-out 10", "heldout10", "HELDOUT10_QA")


class TestQaSetChecks(QaSetChecks):
    SET = SET
