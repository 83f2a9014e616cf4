"""#18, session 33: would a detector that LEARNS the attack families from many writers carry to a new writer better
than another round of rules? A probe, not a shipped scanner.

Training: the hand-written attack passages of blind sets M-U (their builders' ATTACKS; nine writers' worth, 859
texts) against the same sets' hand-written reader instructions (READER) and paragraphs of their plain chunks.
Model: TF-IDF of character 2-5-grams within words plus word 1-2-grams, logistic regression (class-balanced). A
chunk's score is its highest paragraph score. Evaluated on set V (a writer the model never saw; V's rows were
scored once by the shipped detector in this session and nobody tuned on them), alone and OR-ed with the shipped
scanner, at thresholds fixed here before the run (0.5, 0.7, 0.9); benign cost also on held-out L (licences and
package descriptions, never in training) and the package-docs eval half.

    PYTHONPATH=. python benchmarks/safety_learned_probe.py [--leave-one-out]

--leave-one-out: each of M-U held out in turn (trained on the other eight writers' passages), its 720 chunks scored.
--leave-one-out --shipped-form (round 35's rule 4): the shipped passage model's form and data instead
(core/safety/passage_model.py: LinearTextModel on injection_passages.build), each of its sets (M-X since round 37)
held out in turn;
--windows (round 36's rule 4): the shipped form reading line windows as well (passage_model.units).
--score-file PATH LETTERS (round 37's rule 4): a saved passage model read alone on the sets LETTERS (e.g. main's on wx).
"""
from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.safety.training.injection_passages import paragraphs, set_rows  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TRAIN_SETS = "mnopqrstu"
THRESHOLDS = (0.5, 0.7, 0.9)


def training_texts(rng: random.Random, sets: str = TRAIN_SETS) -> tuple[list[str], list[int]]:
    texts, labels = [], []
    for x in sets:
        b = importlib.import_module(f"benchmarks.build_safety_heldout_{x}")
        texts += [t for _, t in b.ATTACKS]
        labels += [1] * len(b.ATTACKS)
        texts += [t for _, t in b.READER]
        labels += [0] * len(b.READER)
        plain = [p for r in set_rows(x) if r.get("family") == "plain" for p in paragraphs(r["text"])]
        plain = rng.sample(plain, min(700, len(plain)))
        texts += plain
        labels += [0] * len(plain)
    return texts, labels


def make_model():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    return make_pipeline(
        make_union(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=300_000),
                   TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
        LogisticRegression(C=4.0, class_weight="balanced", max_iter=3000))


def shipped_form(sets: str):
    """The shipped passage model's form (round 35) trained on `sets`: a function from a text to its reading."""
    from core.safety.linear_text_model import LinearTextModel
    from core.safety.passage_model import PassageModel
    from core.safety.training import injection_passages

    data = injection_passages.build(sets)
    model = PassageModel(LinearTextModel.fit([t for t, _ in data], [c for _, c in data]))
    windows = "--windows" in sys.argv
    return lambda text: model.reading(text, windows=windows)


def leave_one_writer_out(shipped: bool = False) -> None:
    """Each of M-U (shipped: the sets the shipped model trains on, injection_passages.SETS) held out in turn: trained
    on the others, scored on the held-out set's 720 chunks."""
    from core.safety.training import injection_passages

    sets = injection_passages.SETS if shipped else TRAIN_SETS
    print("\n| held-out writer (set) | attacks >= 0.7 | benign >= 0.7 | attacks >= 0.9 | benign >= 0.9 |")
    print("|---|---|---|---|---|")
    for x in sets:
        if shipped:
            reading = shipped_form(sets.replace(x, ""))
        else:
            model = make_model().fit(*training_texts(random.Random(33), sets.replace(x, "")))
            reading = lambda text: float(max(model.predict_proba(paragraphs(text))[:, 1]))  # noqa: E731
        print_set_row(x.upper(), reading, x)


def print_set_row(name: str, reading, letter: str) -> None:
    out = [(r["label"], reading(r["text"])) for r in set_rows(letter)]
    att = [p for lab, p in out if lab == "block"]
    ben = [p for lab, p in out if lab == "allow"]
    print(f"| {name} | {sum(p >= 0.7 for p in att)}/{len(att)} | {sum(p >= 0.7 for p in ben)}/{len(ben)} | "
          f"{sum(p >= 0.9 for p in att)}/{len(att)} | {sum(p >= 0.9 for p in ben)}/{len(ben)} |")


def score_model_file(path: str, letters: str) -> None:
    """A saved passage model (e.g. main's curated/injection_passages.npz) read alone on the sets `letters`."""
    from core.safety.passage_model import load_passage_model

    model = load_passage_model(Path(path))
    print("\n| set, read by " + path + " | attacks >= 0.7 | benign >= 0.7 | attacks >= 0.9 | benign >= 0.9 |")
    print("|---|---|---|---|---|")
    for x in letters:
        print_set_row(x.upper(), model.reading, x)


def main() -> int:
    if "--score-file" in sys.argv:  # --score-file PATH LETTERS
        i = sys.argv.index("--score-file")
        score_model_file(sys.argv[i + 1], sys.argv[i + 2])
        return 0
    if "--leave-one-out" in sys.argv:
        leave_one_writer_out(shipped="--shipped-form" in sys.argv)
        return 0

    from benchmarks.safety_robustness import heldout_l
    from core.safety.policy import Policy, get_scanner
    from core.safety.training.injection_templates import package_docs

    rng = random.Random(33)
    texts, labels = training_texts(rng)
    print(f"training: {sum(labels)} attack passages, {len(labels) - sum(labels)} benign passages (sets M-U)")
    model = make_model().fit(texts, labels)

    def chunk_score(text: str) -> float:
        return float(max(model.predict_proba(paragraphs(text))[:, 1]))

    shipped = get_scanner("injection", Policy(audit=False))
    v = set_rows("v")
    scored = [(r["label"], chunk_score(r["text"]), shipped.scan(r["text"]).score >= 0.5) for r in v]
    benign_sets = {"held-out L": [r["text"] for r in next(iter(heldout_l("injection").values()))],
                   "package docs (eval half)": package_docs("eval")}
    other = {k: [chunk_score(t) for t in ts] for k, ts in benign_sets.items()}
    shipped_other = {k: sum(shipped.scan(t).score >= 0.5 for t in ts) for k, ts in benign_sets.items()}
    attacks = [s for s in scored if s[0] == "block"]
    benign = [s for s in scored if s[0] == "allow"]
    print("\n| detector | V attacks | V benign | " + " | ".join(f"{k} benign" for k in other) + " |")
    print("|---|---|---|" + "---|" * len(other))
    print(f"| shipped scanner | {sum(s[2] for s in attacks)}/{len(attacks)} | {sum(s[2] for s in benign)}/{len(benign)} | "
          + " | ".join(f"{shipped_other[k]}/{len(v_)}" for k, v_ in other.items()) + " |")
    for t in THRESHOLDS:
        for combined in (False, True):
            hit = (lambda s: s[1] >= t or s[2]) if combined else (lambda s: s[1] >= t)
            name = f"learned >= {t}" + (" OR shipped" if combined else "")
            extra = " | ".join(f"{sum(x >= t for x in v_) + (shipped_other[k] if combined else 0)}/{len(v_)}"
                               for k, v_ in other.items())
            print(f"| {name} | {sum(map(hit, attacks))}/{len(attacks)} | {sum(map(hit, benign))}/{len(benign)} | "
                  f"{extra} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
