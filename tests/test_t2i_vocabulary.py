"""The vocabulary check against the prompt lists written before it was implemented (issue #19)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.diffusion import dataset, pair_dataset
from core.diffusion.vocabulary import check_prompt, known_words, vocabulary

LISTS = json.loads((Path(__file__).resolve().parents[1] / "assets" / "t2i_prompts" / "vocabulary_check.json").read_text())


@pytest.mark.parametrize("prompt", LISTS["flagged"])
def test_every_out_of_vocabulary_prompt_is_flagged(prompt):
    assert check_prompt(prompt), prompt


@pytest.mark.parametrize("prompt", LISTS["clean"])
def test_no_in_vocabulary_prompt_is_flagged(prompt):
    assert check_prompt(prompt) == [], prompt


def test_the_kinds_name_what_is_wrong():
    kinds = lambda p: {f.kind for f in check_prompt(p)}  # noqa: E731
    assert "negation" in kinds("a circle that is not red")
    assert "count" in kinds("two red circles")
    assert {"unknown-word", "no-object"} <= kinds("a cat")
    assert "no-relation" in kinds("a red circle and a blue square")
    assert "too-many-objects" in kinds("a red circle above a blue square to the left of a green triangle")
    assert "same-colour" in kinds("a red circle to the left of a red square")
    assert "position" in kinds("a red circle at the top")
    unknown = [f for f in check_prompt("Draw me a purple triangle, please!") if f.kind == "unknown-word"][0]
    assert set(unknown.words) == {"draw", "me", "please"}


def test_every_training_caption_passes_the_check():
    """The check's vocabulary is the training captions' own: a sample of them is never flagged."""
    sampler = pair_dataset.MixedSampler(3)
    for _ in range(400):
        _, caption, _ = sampler.next()
        assert check_prompt(caption) == [], caption
    for template in dataset.TRAIN_TEMPLATES:
        caption = pair_dataset.with_articles(dataset.train_scenes()[7].caption(template))
        assert check_prompt(caption) == [], caption


def test_vocabulary_shown_on_the_page_is_known():
    for phrases in vocabulary().values():
        for phrase in phrases:
            assert all(w in known_words() for w in phrase.split()), phrase
