"""Human preference labeling: store, assignment, agreement, ratings, export, reward model.

    db.py          engine + transactions (SQLite WAL by default, PostgreSQL by URL)
    schema.py      tables and the uniqueness rules that make assignment safe
    importing.py   prompts / pairs from JSONL or CSV, with safety flags
    contestants.py background generation of pairs from configured contestants
    identity.py    join (name + code), rejoin (recovery code), labeler tokens, identity caps, host check
    codes.py       join codes (generated per data folder in hosted mode) and recovery codes
    join_desk.py   the room's front door: rate-limited joins, wrong-code limiter, caps by mode
    room_settings.py  caps and overlap the host changes while the room runs
    review.py      the host's review queue of held-back prompts and items: release or drop
    assignment.py  next item / skip (k-overlap, never twice, spread evenly)
    submit.py      idempotent submit, undo, own labels
    agreement.py   Cohen's, Fleiss' kappa, Krippendorff's alpha
    ratings.py     Bradley-Terry with bootstrap intervals
    stats.py       the dashboard numbers
    export.py      TRL preference / KTO / raw JSONL
    reward.py      TRL RewardTrainer on the bundled MiniLM; score(prompt, response)
"""
