"""Human preference labeling: store, assignment, agreement, ratings, export, reward model.

    db.py          engine + transactions (SQLite WAL by default, PostgreSQL by URL)
    schema.py      tables and the uniqueness rules that make assignment safe
    importing.py   prompts / pairs from JSONL or CSV, with safety flags
    contestants.py background generation of pairs from configured contestants
    identity.py    join (name + code), labeler tokens, admin token
    assignment.py  next item / skip (k-overlap, never twice, spread evenly)
    submit.py      idempotent submit, undo, own labels
    agreement.py   Cohen's, Fleiss' kappa, Krippendorff's alpha
    ratings.py     Bradley-Terry with bootstrap intervals
    stats.py       the dashboard numbers
    export.py      TRL preference / KTO / raw JSONL
    reward.py      TRL RewardTrainer on the bundled MiniLM; score(prompt, response)
"""
