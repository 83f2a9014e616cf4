"""#18 round 42: "dick", "cock", "erection" in an image prompt are sexual by their role (owned, had), not as words."""
from __future__ import annotations

import pytest

from core.safety import body_slang
from core.safety import policy as safety_policy
from core.safety.policy import scan


def _sexual_terms(text: str) -> list[str]:
    verdict = scan(text, "image", audit_log=False)
    return [r for r in verdict.reasons if r.startswith("image_prompt: sexual content:")]


@pytest.mark.parametrize("prompt", ["she licked his dick", "a man with an erection",
                                    "realistic photo, her boyfriend's dick, close-up", "her hand on his hard cock",
                                    "she licked his d.i.c.k"])
def test_owned_or_had_slang_is_a_sexual_term(prompt):
    assert _sexual_terms(prompt), scan(prompt, "image", audit_log=False).reasons


@pytest.mark.parametrize("prompt", ["a man reading his Moby Dick paperback on a train",
                                    "my grandfather Dick at his 90th birthday party",
                                    "a woman at the erection of a circus tent", "a woman feeding a cock and three hens",
                                    "anime, boy, his cock and hens, farmyard", "a detective named Dick Tracy in a yellow coat"])
def test_names_birds_and_buildings_are_not(prompt):
    assert scan(prompt, "image", audit_log=False).allowed


def test_the_switch_is_what_blocks(monkeypatch):
    assert not scan("she rides his dick", "image", audit_log=False).allowed
    monkeypatch.setattr(body_slang, "ROLE_RULE", False)  # before round 42 the prompt was allowed
    safety_policy._scanners.clear()
    try:
        assert scan("she rides his dick", "image", audit_log=False).allowed
    finally:
        safety_policy._scanners.clear()


def test_a_man_named_dick_is_not_an_insult(monkeypatch):
    """#18 round 43: the toxicity scanner reads "Dick" written as a name as a name."""
    from core.safety import toxicity

    scanner = toxicity.ToxicityScanner()
    names = ["a portrait of Dick Van Dyke dancing with a broom", "can you draw my friend Dick playing golf please"]
    assert all(scanner.scan(t).score < 0.5 for t in names)
    assert scanner.scan("You are such a dick.").score >= 0.5 and scanner.scan("You Dick!").score >= 0.5
    monkeypatch.setattr(toxicity, "NAMES_READ_AS_NAMES", False)  # before round 43
    assert all(scanner.scan(t).score >= 0.5 for t in names)


@pytest.mark.parametrize("prompt", ["my neighbour's dick in her hand", "Maria touching Carlos's cock",
                                    "grabbing Tom's Dick under the table"])
def test_an_owner_of_any_kind_owns_it(prompt):
    """#18 round 45: an owner written with "'s" counts whoever it is, not only the listed person nouns."""
    assert _sexual_terms(prompt), scan(prompt, "image", audit_log=False).reasons


@pytest.mark.parametrize("prompt", ["my uncle's Moby Dick poster on the wall", "my brother's Dick Tracy comic collection",
                                    "the farmer's cock crowing on the fence", "the library's Philip K. Dick shelf"])
def test_an_owner_with_a_name_title_or_bird_is_not(prompt):
    assert scan(prompt, "image", audit_log=False).allowed


def test_the_owner_switch_is_what_blocks(monkeypatch):
    monkeypatch.setattr(body_slang, "ANY_OWNER", False)  # before round 45: a neighbour was no owner
    safety_policy._scanners.clear()
    try:
        assert scan("my neighbour's dick in her hand", "image", audit_log=False).allowed
    finally:
        safety_policy._scanners.clear()
