"""Rule switches of the safety rounds (module-level booleans such as far_languages.FAR_LANGUAGES) set for one call
and restored after it, so that each round's tests can show a rule's effect by switching it off."""
from __future__ import annotations

import pytest


def with_switch(module, name: str, value: bool, fn):
    """fn() with module.<name> = value, restored afterwards (also when fn raises)."""
    was = getattr(module, name)
    setattr(module, name, value)
    try:
        return fn()
    finally:
        setattr(module, name, was)


def only_switch(modules: dict, names: tuple[str, ...], name: str, fn):
    """fn() with every switch in `names` off except `name` (on); name "" turns all of them off. `modules` maps a
    switch's name to the module that holds it."""
    def nest(rest):
        if not rest:
            return fn()
        return with_switch(modules[rest[0]], rest[0], rest[0] == name, lambda: nest(rest[1:]))
    return nest(list(names))


@pytest.fixture(autouse=True)
def without_passage_model(monkeypatch):
    """The rule rounds' tests (rounds 28-34) show what a rule or the sentence classifier does; the passage model
    (round 35, injection.PASSAGE_MODEL), which only adds flags, is off in a module that imports this fixture. Its
    own tests are in test_safety_passage_model.py; what it adds on these rounds' benign twins is measured by
    benchmarks/safety_round35_twins.py (5 of 116 dev-set twins, benchmarks/results/safety_issue18_round35.md)."""
    from core.safety import injection

    monkeypatch.setattr(injection, "PASSAGE_MODEL", False)
