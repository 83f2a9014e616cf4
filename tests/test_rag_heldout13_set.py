"""The "held-out 13" set (#13, session 37): six documents nobody on the team had used, on six subjects (ruff's METADATA
description, the magic(5) and gcloud run deploy manual pages, zutty's user guide, lazr.restfulclient's entries
doctest, the libxslt pipes tutorial) and questions written in three styles (short direct, a visitor's situation,
search-box or non-native wording). Its shape, that every passage is a verbatim span of its file found there exactly
once, that no document is shared with another corpus or the question-encoder training documents, and its
registration. Report-only: never tune on it."""
from qa_set_helpers import ROOT, QaSet, QaSetChecks

SET = QaSet(ROOT / "assets" / "rag_corpus_heldout13", ROOT / "assets" / "rag_qa_heldout13.jsonl",
            files={"ruff.METADATA.txt", "magic.5.txt", "gcloud_run_deploy.1.txt", "zutty-USAGE.org.txt",
                   "lazr.restfulclient-entries.rst.txt", "libxslt_pipes.xml.txt"},
            families={"ruff", "magic", "gcloud", "google-cloud", "zutty", "lazr", "restfulclient", "launchpad",
                      "xslt", "libxml"})


def test_each_passage_is_the_one_place_in_its_file():
    SET.passages_once()


def test_registered_as_held_out_set():
    SET.registered("held-out 13", "heldout13", "HELDOUT13_QA")


class TestQaSetChecks(QaSetChecks):
    SET = SET
