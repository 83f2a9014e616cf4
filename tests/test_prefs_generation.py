"""Contestants answer prompts in the background with the bundled chat model."""
import json
import time

import pytest
from sqlalchemy import select

from core.config import reset_settings
from core.preferences.contestants import load_contestants, most_different, opening_distance, pending_prompts, worker
from core.preferences.db import transaction
from core.preferences.importing import import_file
from core.preferences.schema import Item


def test_contestants_file_is_validated(tmp_path):
    p = tmp_path / "c.json"
    p.write_text(json.dumps([{"name": "only-one"}]))
    with pytest.raises(ValueError, match="at least two"):
        load_contestants(p)
    p.write_text(json.dumps([{"name": "a"}, {"name": "b", "temprature": 1}]))
    with pytest.raises(ValueError, match="contestant 1"):
        load_contestants(p)
    p.write_text(json.dumps([{"name": "a"}, {"name": "b", "samples": 3}]))  # greedy: 3 identical answers
    with pytest.raises(ValueError, match="temperature > 0"):
        load_contestants(p)
    p.write_text(json.dumps([{"name": "a"}, {"name": "b", "samples": 0, "temperature": 1}]))
    with pytest.raises(ValueError, match="samples must be"):
        load_contestants(p)
    p.write_text(json.dumps([{"name": "a"}, {"name": "b", "samples": 4, "temperature": 1}]))
    assert [c.samples for c in load_contestants(p)] == [1, 4]


def test_pairs_are_the_candidates_whose_openings_differ_most():
    greedy = ["A glacier is a large mass of ice that moves slowly. It forms over centuries."]
    sampled = ["A glacier is a large mass of ice that moves slowly. Glaciers carve valleys.",  # same opening
               "Oh, picture a frozen river creeping down a mountain! That is a glacier.",
               "A glacier is a huge body of ice."]
    assert opening_distance(greedy[0], sampled[0]) == 0.0  # only the first sentence counts
    assert opening_distance("Yes.", "No.") == 1.0
    assert most_different(greedy, sampled) == (greedy[0], sampled[1])
    # word-for-word identical answers only when nothing else is left
    assert most_different(["Same text."], ["Same text.", "Same text!"]) == ("Same text.", "Same text!")
    assert most_different(["Same text."], ["Same text."]) == ("Same text.", "Same text.")
    with pytest.raises(ValueError, match="at least one"):
        most_different([], sampled)


@pytest.mark.slow
def test_background_generation_makes_pairs(tmp_path, monkeypatch):
    contestants = [{"name": "greedy", "max_new_tokens": 6, "temperature": 0},
                   {"name": "sampled", "max_new_tokens": 6, "temperature": 1.0, "seed": 3, "samples": 3},
                   {"name": "terse", "system": "Answer in one word.", "max_new_tokens": 4}]
    (tmp_path / "c.json").write_text(json.dumps(contestants))
    monkeypatch.setenv("GENAI_PREFS_CONTESTANTS", str(tmp_path / "c.json"))
    reset_settings()
    (tmp_path / "p.jsonl").write_text('{"prompt": "What is 2 + 2?"}\n')
    import_file(tmp_path / "p.jsonl")
    cs = load_contestants()
    assert len(pending_prompts(cs)) == 1
    status = worker().start()
    assert status.prompts_total == 1
    deadline = time.time() + 300
    while worker().status.running and time.time() < deadline:
        time.sleep(0.5)
    assert worker().status.errors == [] and worker().status.items_added == 3
    with transaction() as s:
        items = list(s.scalars(select(Item)))
    assert {(i.contestant_a, i.contestant_b) for i in items} == {("greedy", "sampled"), ("greedy", "terse"),
                                                                ("sampled", "terse")}
    assert all(i.source == "generated" and i.response_a.strip() for i in items)
    # several samples, one item per pair of contestants (the most different candidates)
    assert worker().status.items_added == 3 and len(items) == 3
    assert pending_prompts(cs) == []
