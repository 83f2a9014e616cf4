"""Labeling details a room notices: whole-sentence answers, undo that shows what was undone,
why agreement is n/a, and the disagreement view with rationales."""
from __future__ import annotations

from prefs_helpers import load_pairs


def test_answers_cut_by_the_token_cap_end_at_a_whole_sentence():
    from core.preferences.contestants import whole_sentences

    assert whole_sentences("The sky is blue. Light scatters in the air. The") == \
        "The sky is blue. Light scatters in the air."
    assert whole_sentences("Tips:\n1. Sleep well\n2. Eat") == "Tips:\n1. Sleep well"  # "2." is no sentence end
    assert whole_sentences("no sentence end in sight") == "no sentence end in sight…"


def test_undo_returns_the_previous_choice_in_the_labelers_terms(tmp_path):
    from core.preferences import assignment, identity, submit

    load_pairs(tmp_path, 3)
    tok = identity.join("ann", "studio").token
    served = assignment.next_item(tok)
    submit.submit(tok, served.assignment_id, "right", "much", "the right one is direct", "cid-prev-0001")
    again = submit.undo(tok)
    assert again.assignment_id == served.assignment_id and (again.left, again.right) == (served.left, served.right)
    assert again.previous == {"choice": "right", "strength": "much", "rationale": "the right one is direct"}


def test_agreement_says_why_it_is_missing_and_disagreements_show_rationales(tmp_path, monkeypatch):
    from core.config import reset_settings
    from core.preferences import assignment, identity, submit
    from core.preferences.disagreement import disagreements
    from core.preferences.stats import collect

    monkeypatch.setenv("GENAI_PREFS_OVERLAP", "1")
    reset_settings()
    load_pairs(tmp_path, 2)
    a = identity.join("ann", "studio").token
    s = assignment.next_item(a)
    submit.submit(a, s.assignment_id, "left", None, "", "cid-agree-001")
    note = collect(bootstrap=0)["agreement"]["note"]
    assert "overlap k=1" in note and "at least two" in note

    monkeypatch.setenv("GENAI_PREFS_OVERLAP", "2")
    reset_settings()
    b = identity.join("bob", "studio").token
    served_b = assignment.next_item(b)
    # bob gets the item ann did not label first (least covered); label it, then the shared one
    submit.submit(b, served_b.assignment_id, "tie", None, "", "cid-agree-002")
    served_b2 = assignment.next_item(b)
    assert served_b2.prompt == s.prompt
    left_is_ann_left = served_b2.left == s.left
    submit.submit(b, served_b2.assignment_id, "right" if left_is_ann_left else "left", "clearly",
                  "the other answer is longer", "cid-agree-003")
    assert collect(bootstrap=0)["agreement"]["note"] == ""
    [d] = disagreements()
    votes = {v["labeler"]: v for v in d["votes"]}
    assert votes["ann"]["choice"] != votes["bob"]["choice"]
    assert votes["bob"]["rationale"] == "the other answer is longer" and votes["bob"]["strength"] == "clearly"
    assert d["majority_share"] == 0.5
