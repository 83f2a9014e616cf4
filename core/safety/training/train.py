"""Train the safety classifiers from template data and write them next to the scanners.

    python -m core.safety.training.train [--only image|injection|injection-ngram|injection-embedding] [--out FILE]
    python -m core.safety.training.train --only injection --answering-program --out-dir DIR   # round 25's off switch
    python -m core.safety.training.train --only injection --carriers [--halves both|ngram|embedding] --out-dir DIR   # round 28
    python -m core.safety.training.train --only injection-passages [--out FILE]   # round 35's passage model

What ships (round 28): the n-gram half from `--only injection --carriers --halves ngram` (write it with
`--out-dir core/safety/curated`); the embedding half is the one shipped before round 28, unchanged. A plain
`--only injection` rebuilds both halves WITHOUT the round-28 carriers.
(tests/test_safety_round28_classifier.py checks that the shipped n-gram file is what the committed code fits.)

Prints the 5-fold cross-validated accuracy on the TRAINING data (template-made; the
held-out figures come from benchmarks/safety.py on hand-written sets).

Every training text comes from the repository (round 21): templates in this folder, and the real
documentation once read from the machine (package READMEs, gettext catalogs) frozen beside them by
benchmarks/build_training_snapshots.py, so a refit trains on the same texts in the same order anywhere.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from core.safety.linear_text_model import LinearTextModel


def cross_validate(texts: list[str], labels: list[str], folds: int = 5, **kw) -> float:
    idx = np.random.default_rng(0).permutation(len(texts))
    correct = 0
    for k in range(folds):
        test = set(idx[k::folds].tolist())
        tr = [i for i in range(len(texts)) if i not in test]
        m = LinearTextModel.fit([texts[i] for i in tr], [labels[i] for i in tr], **kw)
        te = sorted(test)
        pred = m.predict_proba([texts[i] for i in te]).argmax(1)
        correct += sum(m.classes[p] == labels[i] for p, i in zip(pred, te))
    return correct / len(texts)


def train_image(cv: bool) -> None:
    from core.safety.image_classifier import MODEL_FILE
    from core.safety.training.image_templates import build

    data = build()
    texts, labels = [t for t, _ in data], [c for _, c in data]
    if cv:
        print(f"image: {len(texts)} template prompts, 5-fold CV accuracy {cross_validate(texts, labels):.3f}")
    t0 = time.perf_counter()
    LinearTextModel.fit(texts, labels).save(MODEL_FILE)
    print(f"image: wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size // 1024} KB) in {time.perf_counter() - t0:.1f} s")


def injection_data(non_english_docs: bool = False, man_pages: bool = False,
                   answering_program: bool = False, carriers: bool = False) -> list[tuple[str, str]]:
    """Round 1-2 templates and round 3's families (third person, polite extraction, payload
    splitting, role-play, markup wrappers, other languages) with their benign look-alikes, and
    round 4's documents that instruct their human reader beside ones that instruct the AI, and
    (with non_english_docs) round 8's reference documentation in the six other languages, plain and
    with a planted line (core/safety/training/injection_docs_ml.py), and (with man_pages) round 21's English
    manual-page paragraphs, plain and with a planted template attack (injection_man_pages.py), and (with
    answering_program) round 25's documentation-genre lines to the program answering from the text beside
    reader instructions, bare and planted in README paragraphs (injection_answering_program.py), and (with
    carriers) round 28's lines to whoever answers from the text hidden in ~40 carriers (structured data, metadata,
    quoted mail, code comments, subtitles, prose asides; seven languages) beside benign twins in the same
    carriers (injection_carriers.py)."""
    from core.safety.training import injection_docs_ml, injection_families, injection_reader_guides, injection_templates

    data = injection_templates.build() + injection_families.build() + injection_reader_guides.build()
    if non_english_docs:
        data += injection_docs_ml.build()
    if man_pages:
        from core.safety.training import injection_man_pages

        data += injection_man_pages.build()
    if answering_program:
        from core.safety.training import injection_answering_program

        data += injection_answering_program.build()
    if carriers:
        from core.safety.training import injection_carriers

        data += injection_carriers.build()
    return data


def train_injection_ngram(cv: bool, out=None) -> None:
    """Round 11: the n-gram half alone, with the non-English documentation (the embedding half keeps its
    shipped weights), written to `out` (default: the shipped core/safety/curated/injection_classifier.npz):
        python -m core.safety.training.train --only injection-ngram [--out FILE]
    Measured in round 11 and not shipped (docs/safety.md); the fit is deterministic up to float16 rounding
    of a few coefficients (two fits: 183 of 87,890 differ by one float16 step)."""
    from core.safety.injection_classifier import MODEL_FILE

    MODEL_FILE = Path(out) if out else MODEL_FILE

    _fit_ngram(injection_data(non_english_docs=True), MODEL_FILE, cv, "injection n-grams")


def _fit_ngram(data: list[tuple[str, str]], path: Path, cv: bool, what: str) -> None:
    """Fit the n-gram half on (text, class) pairs and write it to `path`, saying what it did."""
    texts, labels = [t for t, _ in data], [c for _, c in data]
    if cv:
        print(f"{what}: {len(texts)} texts, 5-fold CV accuracy {cross_validate(texts, labels):.3f}")
    t0 = time.perf_counter()
    LinearTextModel.fit(texts, labels).save(path)
    print(f"{what}: {len(texts)} texts ({labels.count('attack')} attacks); wrote {path} "
          f"({path.stat().st_size // 1024} KB) in {time.perf_counter() - t0:.1f} s")


def train_injection_passages(out=None) -> None:
    """Round 35: the passage model (core/safety/passage_model.py) from the blind sets' hand-written passages
    (injection_passages.py), written to `out` (default: the shipped curated/injection_passages.npz)."""
    from core.safety.passage_model import MODEL_FILE
    from core.safety.training import injection_passages

    _fit_ngram(injection_passages.build(), Path(out) if out else MODEL_FILE, False, "injection passages")


def train_injection_embedding(out=None, man_pages: bool = False, answering_program: bool = False) -> None:
    """Round 21: the embedding half alone (the n-gram half keeps its shipped weights), written to `out`
    (default: the shipped core/safety/curated/injection_embedding.npz), with the English manual-page
    paragraphs and their planted twins when man_pages:
        python -m core.safety.training.train --only injection-embedding [--man-pages] [--out FILE]"""
    from core.safety.embedding_classifier import MODEL_FILE, EmbeddingClassifier

    path = Path(out) if out else MODEL_FILE
    data = embedding_data(man_pages=man_pages, answering_program=answering_program)
    texts, labels = [t for t, _ in data], [int(c == "attack") for _, c in data]
    t0 = time.perf_counter()
    EmbeddingClassifier.fit(texts, labels, c=embedding_c(answering_program)).save(path)
    print(f"injection embedding half: {len(texts)} texts ({sum(labels)} attacks); wrote {path} in {time.perf_counter() - t0:.1f} s")


def embedding_data(man_pages: bool = False, answering_program: bool = False, carriers: bool = False) -> list[tuple[str, str]]:
    """The embedding half's texts: injection_data's, with round 25's family as its lines and template attacks
    in its genres instead of its planted paragraphs (injection_answering_program.build_embedding), and round
    28's carrier family's ASCII texts (the embeddings are English MiniLM's)."""
    data = injection_data(man_pages=man_pages)
    if carriers:
        from core.safety.training import injection_carriers

        data += injection_carriers.english_only(injection_carriers.build(man_plain=False))
    if answering_program:
        from core.safety.training import injection_answering_program

        data += injection_answering_program.build_embedding()
    return data


def embedding_c(answering_program: bool, carriers: bool = False) -> float:
    """The embedding half's inverse regularisation: 4 (shipped), round 25's or round 28's EMBEDDING_C with its family."""
    if carriers:
        from core.safety.training.injection_carriers import EMBEDDING_C

        return EMBEDDING_C
    if answering_program:
        from core.safety.training.injection_answering_program import EMBEDDING_C

        return EMBEDDING_C
    return 4.0


def train_injection(cv: bool, answering_program: bool = False, out_dir=None, carriers: bool = False,
                    halves: str = "both") -> None:
    """Both halves: the n-gram half on injection_data(), the embedding half on embedding_data(); with
    answering_program round 25's family is added to both (its candidate: --answering-program --out-dir DIR)."""
    from core.safety.embedding_classifier import MODEL_FILE as EMB_FILE
    from core.safety.embedding_classifier import EmbeddingClassifier
    from core.safety.injection_classifier import MODEL_FILE

    if out_dir:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        MODEL_FILE, EMB_FILE = Path(out_dir) / MODEL_FILE.name, Path(out_dir) / EMB_FILE.name
    if halves in ("both", "ngram"):
        _fit_ngram(injection_data(answering_program=answering_program, carriers=carriers), MODEL_FILE, cv, "injection")
    if halves == "ngram":
        return
    data = embedding_data(answering_program=answering_program, carriers=carriers)
    t0 = time.perf_counter()
    EmbeddingClassifier.fit([t for t, _ in data], [int(c == "attack") for _, c in data], c=embedding_c(answering_program, carriers)).save(EMB_FILE)
    print(f"injection: wrote {EMB_FILE} ({EMB_FILE.stat().st_size // 1024} KB) in {time.perf_counter() - t0:.1f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=("image", "injection", "injection-ngram", "injection-embedding",
                                            "injection-passages"), default=None)
    ap.add_argument("--cv", action="store_true", help="also print 5-fold cross-validated accuracy on the training data")
    ap.add_argument("--out", default=None, help="with --only injection-ngram, injection-embedding or injection-passages: where to write the model")
    ap.add_argument("--man-pages", action="store_true",
                    help="with --only injection-embedding: add round 21's manual-page paragraphs and their planted twins")
    ap.add_argument("--answering-program", action="store_true",
                    help="with --only injection or injection-embedding: add round 25's documentation lines to the program "
                         "answering from a document, beside reader instructions")
    ap.add_argument("--out-dir", default=None, help="with --only injection: write both halves into this folder")
    ap.add_argument("--carriers", action="store_true",
                    help="with --only injection: add round 28's carrier family (injection_carriers.py) to the training data")
    ap.add_argument("--halves", choices=("both", "ngram", "embedding"), default="both",
                    help="with --only injection: which half (halves) to refit (default both)")
    args = ap.parse_args()
    if args.only in (None, "image"):
        train_image(args.cv)
    if args.only in (None, "injection"):
        train_injection(args.cv, args.answering_program, args.out_dir, args.carriers, args.halves)
    if args.only == "injection-ngram":
        train_injection_ngram(args.cv, args.out)
    if args.only == "injection-embedding":
        train_injection_embedding(args.out, args.man_pages, args.answering_program)
    if args.only in (None, "injection-passages"):
        train_injection_passages(args.out if args.only else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
