"""The benign answers for the false-hold figure come from the contestants the labeling app ships:
names and settings are read from assets/labeling/contestants.json, so a renamed or retuned
contestant's old answers are not kept under its old name."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from benchmarks.safety_benign_answers import EXTRA, OUT, current_rows, fingerprint
from core.preferences.contestants import load_contestants

ROOT = Path(__file__).resolve().parents[1]


def test_a_renamed_or_retuned_contestant_is_answered_afresh():
    greedy, sampled, *_ = load_contestants(ROOT / "assets/labeling/contestants.json")
    rows = [{"prompt": "q", "contestant": greedy.name, "settings": fingerprint(greedy), "answer": "a"},
            {"prompt": "q", "contestant": sampled.name, "settings": fingerprint(sampled), "answer": "b"},
            {"prompt": "gone", "contestant": greedy.name, "settings": fingerprint(greedy), "answer": "c"}]
    assert current_rows(rows, [greedy, sampled], ["q"]) == rows[:2]
    renamed = replace(sampled, name="smollm2-other")
    assert current_rows(rows, [greedy, renamed], ["q"]) == rows[:1]
    retuned = replace(greedy, max_new_tokens=greedy.max_new_tokens + 1)  # same name, other answers
    assert current_rows(rows, [retuned, sampled], ["q"]) == rows[1:2]
    legacy = [{k: v for k, v in rows[0].items() if k != "settings"}]  # made before settings were recorded
    assert current_rows(legacy, [greedy, sampled], ["q"]) == []


def test_the_stored_answers_match_the_shipped_contestants():
    contestants = load_contestants(ROOT / "assets/labeling/contestants.json")
    prompts = [json.loads(line)["prompt"] for line in (ROOT / "assets/labeling/prompts.jsonl").read_text().splitlines()
               if line.strip()] + EXTRA
    rows = [json.loads(line) for line in OUT.read_text().splitlines()]
    assert current_rows(rows, contestants, prompts) == rows  # every row: a shipped contestant, its current settings
    assert {(r["prompt"], r["contestant"]) for r in rows} == {(p, c.name) for p in prompts for c in contestants}
