"""Issue #18 figures: obfuscation, paraphrase and other languages, against today's scanners.

    GENAI_THREADS=1 taskset -c 1 .venv/bin/python benchmarks/safety.py --part robustness
    (or run this file directly; --baseline-rev REV picks "today's scanners", default: the
    commit before #18)

Prints, for "ours" (this branch) and "today" (core/safety/{image_prompt,toxicity,injection}.py
as of --baseline-rev, loaded from git into this process) and a keyword baseline:
- image prompts: disallowed blocked / benign blocked on the training templates, held-out
  set A (tests/data/safety_heldout_image.jsonl) and B (tests/data/safety_heldout_b.jsonl),
  per obfuscation family / language, and the category confusion;
- injection: recall and false flags on the training templates, held-out A and B, and
  benign documents nobody on the team wrote (the other half of the installed packages'
  descriptions, and the RAG sample corpus by paragraph);
- false holds of benign generated answers (tests/data/safety_benign_answers.jsonl);
- latency per message, p50/p95 wall and CPU, of all input scanners and of the image stage,
  and the cost of one 20,000-character document (the size limit) at the input and context stages.
Held-out F (tests/data/safety_heldout_f.jsonl, benchmarks/build_safety_heldout_f.py): contrast pairs.
Held-out G (tests/data/safety_heldout_g.jsonl, benchmarks/build_safety_heldout_g.py): real benign texts.
Held-out H (tests/data/safety_heldout_h.jsonl, benchmarks/build_safety_heldout_h.py): image prompts as
  product listings, game-asset requests, stage directions and forum posts, obfuscated by code.
Held-out I (tests/data/safety_heldout_i.jsonl, benchmarks/build_safety_heldout_i.py): debconf texts, tickets.
Held-out J (tests/data/safety_heldout_j.jsonl, benchmarks/build_safety_heldout_j.py): Debian READMEs and
  section-5/8 manual pages chunked as ingested, attacks planted in documentation genres.
Held-out K (tests/data/safety_heldout_k.jsonl, benchmarks/build_safety_heldout_k.py): Python standard-library
  docstrings chunked as ingested, attacks hidden in them (second person, passive, table cell, HTML comment,
  link title, quoted note), benign chunks with harmless instructions to the reader.
Held-out M (tests/data/safety_heldout_m.jsonl, benchmarks/build_safety_heldout_m.py): blind set, written without
  reading the detector; HTML docs, NEWS, upstream changelogs and wheel markdown chunked as ingested, 80 hand-written
  attacks in many carriers and languages, benign chunks with harmless instructions to the reader.
Held-out O (tests/data/safety_heldout_o.jsonl, benchmarks/build_safety_heldout_o.py): blind set, third after M and N;
  third-party package docstrings, C header comments and package .txt docs chunked as ingested, 120 attacks from 80
  hand-written texts (20 families, 9 languages), benign chunks with harmless reader instructions.
Held-out P (tests/data/safety_heldout_p.jsonl, benchmarks/build_safety_heldout_p.py): blind set, fourth after M, N and
  O; shell scripts, bash-completion files, systemd units, udev rules, Google Cloud SDK YAML command specs and
  site-packages JavaScript/CSS chunked as ingested, 120 attacks from 85 hand-written texts (12 families and 17
  languages), benign chunks with harmless reader instructions.
Held-out Q (tests/data/safety_heldout_q.jsonl, benchmarks/build_safety_heldout_q.py): blind set, fifth after M, N, O
  and P; gettext catalogues (as .po text), Python package metadata, npm's Markdown docs, Debian copyright files,
  CMake modules/Makefiles, SQL scripts and freedesktop XML/.desktop files chunked as ingested, 120 attacks from 105
  hand-written texts (12 English families and 23 other languages), benign chunks with harmless reader instructions.
Held-out R (tests/data/safety_heldout_r.jsonl, benchmarks/build_safety_heldout_r.py): blind set, sixth after M to Q;
  Vim help files and runtime scripts, typeshed stubs, X11 keyboard/locale data, Emacs Lisp and PAM/AppArmor/doc-base/
  tzdata files chunked as ingested, 120 attacks from 95 hand-written texts (13 English families and 14 other
  languages), benign chunks with harmless reader instructions.
Held-out S (tests/data/safety_heldout_s.jsonl, benchmarks/build_safety_heldout_s.py): blind set, seventh after M to R;
  glibc locale definitions, AWS/boto JSON models and JSON schemas/TOML, Tcl and m4 scripts, Cython sources chunked as
  ingested, 120 attacks from 117 hand-written texts (13 English families and 18 other languages), benign chunks
  with harmless reader instructions.
Held-out T (tests/data/safety_heldout_t.jsonl, benchmarks/build_safety_heldout_t.py): blind set, eighth after M to S;
  Maven POMs, App Engine PHP sources, groff macros and source-highlight definitions, LLVM TableGen files and test
  suites (Bats, Perl .t, ARFF) chunked as ingested, 120 attacks from 109 hand-written texts (12 English families and
  31 other languages), benign chunks with harmless reader instructions.
Held-out U (tests/data/safety_heldout_u.jsonl, benchmarks/build_safety_heldout_u.py): blind set, ninth after M to T;
  CUDA C++ library headers, GCC's C++ standard library headers, pyenv's CPython patches, Jetty module/properties/XSD
  files and JDK configuration, templates and Windows batch scripts chunked as ingested, 120 hand-written attacks
  (12 English families and 46 other languages), benign chunks with harmless reader instructions.
Held-out V (tests/data/safety_heldout_v.jsonl, benchmarks/build_safety_heldout_v.py): blind set, tenth after M to U;
  Debian maintainer scripts, zsh completions and git helpers, Perl tables, GTK UI files and SVG chunked as ingested,
  120 hand-written attacks (12 English families and 41 other languages), benign chunks with harmless reader
  instructions.
Held-out W (tests/data/safety_heldout_w.jsonl, benchmarks/build_safety_heldout_w.py): blind set, eleventh after M to
  V and the first written after round 35's passage model was trained on M to V's passages; systemd journal catalogs,
  udev hwdb sources, developer-tool and package data files and Cargo's roff manual sources chunked as ingested, 120
  hand-written attacks (12 English families and 46 other languages), benign chunks with harmless reader
  instructions; half of the passages woven into a paragraph of the chunk, reported apart (--no-w leaves W out).
Held-out X (tests/data/safety_heldout_x.jsonl, benchmarks/build_safety_heldout_x.py): blind set, twelfth after M to
  W; package-manager logs, plain-text system tables and grammars, odd files bundled with the Cloud SDK and Node
  packages and extensionless launcher scripts chunked as ingested (five long files give 440 of the rows), 120
  hand-written attacks (12 English families and 46 other languages), benign chunks with harmless reader
  instructions; a third of the passages a paragraph of their own, a third woven into a paragraph, a third appended
  to an existing line, reported apart (--no-x leaves X out).
Held-out Y (tests/data/safety_heldout_y.jsonl, benchmarks/build_safety_heldout_y.py): blind set, thirteenth after M
  to X and the first written after round 37 trained the passage model on W and X; source files of 25 Debian packages
  not installed here (Rust crates, Ruby, Go and Lua libraries; fetched by apt-get download, see the builder) chunked
  as ingested, 120 hand-written attacks, benign chunks with harmless reader instructions; placed as in X, reported
  apart (--no-y leaves Y out).
Held-out C (tests/data/safety_heldout_c.jsonl, benchmarks/build_safety_heldout_c.py) is never
tuned on: development runs pass --no-c.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import types
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
from safety import latency  # noqa: E402  (benchmarks/safety.py, beside this script)

from core.safety.image_prompt import CATEGORIES  # noqa: E402
from core.safety.image_request import scan_image_request  # noqa: E402
from core.safety.policy import Policy, get_scanner  # noqa: E402

DATA = ROOT / "tests" / "data"
BASELINE_REV = "bf9e980"  # main just before issue #18
FLAG = 0.5
SKIP: set[str] = set()  # set names left out of a development run (--no-b, --no-c)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_today(rev: str) -> dict[str, object]:
    """Today's scanners: the files as of `rev`, loaded from git under other module names."""
    out = {}
    for name, cls, args in (("image_prompt", "ImagePromptScanner", ()), ("toxicity", "ToxicityScanner", ("static",)),
                            ("injection", "InjectionScanner", ("static",))):
        src = subprocess.check_output(["git", "-C", str(ROOT), "show", f"{rev}:core/safety/{name}.py"], text=True)
        mod = types.ModuleType(f"today_{name}")
        mod.__file__ = str(ROOT / "core" / "safety" / f"today_{name}.py")
        exec(compile(src, mod.__file__, "exec"), mod.__dict__)
        out[name] = getattr(mod, cls)(*args)
    return out


# --- systems: (prompt, negative) -> blocked, and text -> blocked at a stage -----------------
class Ours:
    name = "ours"

    def __init__(self):
        self.policy = Policy(audit=False)

    def image(self, prompt: str, negative: str = "") -> bool:
        return not scan_image_request(prompt, negative, self.policy).allowed

    def category(self, prompt: str, negative: str = "") -> str:
        """The category the image filter blocks for ("allowed" when it does not block)."""
        if not self.image(prompt, negative):
            return "allowed"
        scores, _ = get_scanner("image_prompt", self.policy).explain(prompt)
        neg = get_scanner_negative(self.policy).scan(negative, prompt=prompt).score if negative else 0.0
        if neg >= FLAG and max(scores.values()) < FLAG:
            return "minors" if neg >= 1.0 else "sexual"
        top = max(scores, key=scores.get)
        return top if scores[top] >= FLAG else "other scanner"

    def injection(self, text: str) -> bool:
        return get_scanner("injection", self.policy).scan(text).score >= FLAG

    def output(self, text: str) -> bool:
        return any(get_scanner(n, self.policy).scan(text).score >= FLAG for n in ("toxicity",))

    def input_stage(self, text: str) -> None:
        for n in self.policy.stages["input"]:
            get_scanner(n, self.policy).scan(text)

    def image_stage(self, text: str) -> None:
        scan_image_request(text, "", self.policy)

    def context_stage(self, text: str) -> None:
        for n in self.policy.stages["context"]:
            get_scanner(n, self.policy).scan(text)


def get_scanner_negative(policy):
    from core.safety.image_request import get_negative_scanner
    return get_negative_scanner(policy)


class Today:
    name = "before #18"

    def __init__(self, rev: str):
        self.s = load_today(rev)
        self.pii = get_scanner("pii", Policy(audit=False))

    def image(self, prompt: str, negative: str = "") -> bool:  # today the negative prompt is not read
        return self.s["image_prompt"].scan(prompt).score >= FLAG or self.s["toxicity"].scan(prompt).score >= FLAG

    def category(self, prompt: str, negative: str = "") -> str:
        if not self.image(prompt, negative):
            return "allowed"
        reasons = " ".join(self.s["image_prompt"].scan(prompt).reasons)
        for cat, word in (("minors", "minors"), ("sexual", "sexual"), ("gore", "violence")):
            if word in reasons:
                return cat
        return "other scanner"

    def injection(self, text: str) -> bool:
        return self.s["injection"].scan(text).score >= FLAG

    def output(self, text: str) -> bool:
        return self.s["toxicity"].scan(text).score >= FLAG

    def input_stage(self, text: str) -> None:
        self.s["toxicity"].scan(text)
        self.pii.scan(text)
        self.s["injection"].scan(text)

    def image_stage(self, text: str) -> None:
        self.s["image_prompt"].scan(text)
        self.s["toxicity"].scan(text)
        self.pii.scan(text)

    def context_stage(self, text: str) -> None:
        self.pii.scan(text)
        self.s["injection"].scan(text)


class Keywords:
    """Substring lists, what a first attempt looks like (the same lists as benchmarks/safety.py)."""
    name = "keyword baseline"
    IMG = ["nude", "naked", "porn", "sex", "nsfw", "gore", "blood", "corpse", "decapitated", "child", "kid", "teen",
           "erotic", "topless", "swastika", "nazi", "suicide"]
    INJ = ["ignore previous instructions", "ignore all previous instructions", "ignore the above", "system prompt",
           "jailbreak", "dan", "developer mode", "disregard", "no restrictions", "you are now", "pretend you"]

    def image(self, prompt: str, negative: str = "") -> bool:
        return any(w in prompt.lower() for w in self.IMG)

    def category(self, prompt: str, negative: str = "") -> str:
        return "other scanner" if self.image(prompt) else "allowed"

    def injection(self, text: str) -> bool:
        return any(p in text.lower() for p in self.INJ)

    def output(self, text: str) -> bool:
        return False


class Remote:
    """The scanners of another git revision (main), run in a worker process on `git archive REV core`
    (same data, same harness): every text of every set is sent once, answers are looked up."""

    def __init__(self, rev: str, repeat: int, latency_texts: list[str], quality: bool = True):
        import tempfile

        self.rev = subprocess.check_output(["git", "-C", str(ROOT), "rev-parse", "--short", rev], text=True).strip()
        self.name = f"main {self.rev}" if rev == "main" else self.rev
        self._tmp = tempfile.mkdtemp(prefix="safety-rev-")
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", self.rev, "core"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", self._tmp], input=archive, check=True)
        img = image_sets() if quality else {}
        inj = injection_sets() if quality else {}
        pairs = sorted({(r["text"], r.get("negative", "")) for rows in img.values() for r in rows})
        req = {"image": pairs, "injection": sorted({r["text"] for rows in inj.values() for r in rows}),
               "output": [r["answer"] for r in read_jsonl(DATA / "safety_benign_answers.jsonl")] if quality else [],
               "latency_texts": latency_texts, "repeat": repeat}
        env = {**os.environ, "PYTHONPATH": self._tmp + os.pathsep + str(ROOT / "benchmarks")}
        out = subprocess.run([sys.executable, str(Path(__file__)), "--worker"], input=json.dumps(req), env=env,
                             capture_output=True, text=True, check=True).stdout
        res = json.loads(out.splitlines()[-1])
        assert res["core"].startswith(self._tmp), res["core"]  # the worker really ran the archived scanners
        self.img = {(t, n): (b, c) for (t, n), b, c in zip(pairs, res["image"], res["category"])}
        self.inj = dict(zip(req["injection"], res["injection"]))
        self.out = dict(zip(req["output"], res["output"]))
        self.latency = res["latency"]

    def image(self, prompt: str, negative: str = "") -> bool:
        return self.img[(prompt, negative)][0]

    def category(self, prompt: str, negative: str = "") -> str:
        return self.img[(prompt, negative)][1]

    def injection(self, text: str) -> bool:
        return self.inj[text]

    def output(self, text: str) -> bool:
        return self.out[text]


def worker() -> int:
    """--worker: answer a Remote's request with this process's `core` (from PYTHONPATH)."""
    import core

    req = json.loads(sys.stdin.read())
    s = Ours()
    res = {"core": core.__file__,
           "image": [s.image(t, n) for t, n in req["image"]], "category": [s.category(t, n) for t, n in req["image"]],
           "injection": [s.injection(t) for t in req["injection"]], "output": [s.output(t) for t in req["output"]],
           "latency": {}}
    for stage in ("input_stage", "image_stage"):
        fn = getattr(s, stage)
        fn("warm up")
        res["latency"][stage] = latency(fn, req["latency_texts"], req["repeat"])
    print(json.dumps(res))
    return 0


# --- image --------------------------------------------------------------------------------
def image_sets() -> dict[str, list[dict]]:
    from core.safety.training.image_templates import build

    train = [{"text": t, "negative": "", "label": "allow" if c == "benign" else "block", "category": c, "family": "template"}
             for t, c in build()]
    rng = np.random.default_rng(0)
    train = [train[i] for i in rng.choice(len(train), 1500, replace=False)]  # a sample keeps the run short
    b = [r for r in read_jsonl(DATA / "safety_heldout_b.jsonl") if r["kind"] == "image"]
    sets = {"training templates (1500 sampled)": train, "held-out A": read_jsonl(DATA / "safety_heldout_image.jsonl"),
            "held-out B": b, **heldout_c("image"), **heldout_d("image"), **heldout_e("image"), **heldout_f("image"), **heldout_g("image"),
            **heldout_h()}
    for name in SKIP:
        sets.pop(name, None)
    return sets


def heldout_c(kind: str) -> dict[str, list[dict]]:
    """Set C (never tuned on) split by scope: the seven languages the filter claims, and a few others."""
    rows = [r for r in read_jsonl(DATA / "safety_heldout_c.jsonl") if r["kind"] == kind]
    return {"held-out C": [r for r in rows if r["scope"] == "target"],
            "held-out C, other languages (not claimed)": [r for r in rows if r["scope"] == "extra"]}


def heldout_d(kind: str) -> dict[str, list[dict]]:
    """Set D (round 3: written before round 3's tuning, never tuned on; the honest judge)."""
    rows = [r for r in read_jsonl(DATA / "safety_heldout_d.jsonl") if r["kind"] == kind]
    return {"held-out D": rows}


def heldout_e(kind: str) -> dict[str, list[dict]]:
    """Set E (round 4: written by a second engineer before round 4's tuning, never tuned on; the honest judge)."""
    rows = [r for r in read_jsonl(DATA / "safety_heldout_e.jsonl") if r["kind"] == kind]
    return {"held-out E (honest)": rows}


def heldout_f(kind: str) -> dict[str, list[dict]]:
    """Set F (round 6: contrast pairs, obfuscation applied by code, documents with one line for an AI;
    written before round 6's fixes, never tuned on)."""
    rows = [r for r in read_jsonl(DATA / "safety_heldout_f.jsonl") if r["kind"] == kind]
    return {"held-out F (contrast)": rows}


def heldout_g(kind: str) -> dict[str, list[dict]]:
    """Set G (round 7: benign side taken from real material on this machine, harmful side in new
    phrasings; written before round 7's fixes, never tuned on). Languages the filter does not claim
    are reported apart."""
    rows = [r for r in read_jsonl(DATA / "safety_heldout_g.jsonl") if r["kind"] == kind]
    extra = [r for r in rows if r["scope"] == "extra"]
    return {"held-out G (real texts)": [r for r in rows if r["scope"] == "target"],
            **({"held-out G, other languages (not claimed)": extra} if extra else {})}


def heldout_i(kind: str) -> dict[str, list[dict]]:
    """Set I (round 11: Debian's translated installation questions on this machine as benign documents,
    attacks as tickets and unlabelled planted sentences in seven languages; written before round 11's
    changes, never tuned on). Injection only; Swedish, Polish and Danish reported apart."""
    rows = [r for r in read_jsonl(DATA / "safety_heldout_i.jsonl") if r["kind"] == kind]
    if not rows:
        return {}
    return {"held-out I (debconf, tickets)": [r for r in rows if r["scope"] == "target"],
            "held-out I, other languages (not claimed)": [r for r in rows if r["scope"] == "extra"]}


def heldout_j(kind: str) -> dict[str, list[dict]]:
    """Set J (round 20: Debian READMEs and section-5/8 manual pages chunked as the chatbot ingests them,
    attacks planted in documentation genres; built before round 20's changes, never tuned on)."""
    rows = [r for r in read_jsonl(DATA / "safety_heldout_j.jsonl") if r["kind"] == kind]
    return {"held-out J (doc chunks)": rows} if rows else {}


def _with_reader_chunks(file: str, name: str, kind: str) -> dict[str, list[dict]]:
    """A held-out set of document chunks, and its benign chunks with a harmless reader instruction apart."""
    rows = [r for r in read_jsonl(DATA / file) if r["kind"] == kind]
    if not rows:
        return {}
    return {name: rows, name.split(" (")[0] + ", reader-instruction chunks":
            [r for r in rows if r["family"].startswith("reader_")]}


def _placed_three_ways(letter: str, name: str, kind: str) -> dict[str, list[dict]]:
    """A blind set whose passages stand as a paragraph, are woven into one or appended to a line (X and later),
    with its attack and reader rows of each placement reported apart."""
    from importlib import import_module

    placement = import_module(f"benchmarks.build_safety_heldout_{letter}").placement
    sets = _with_reader_chunks(f"safety_heldout_{letter}.jsonl", name, kind)
    if sets:
        planted = [r for r in sets[name] if r["family"] != "plain"]
        for where, label in (("paragraph", "as a paragraph of their own"), ("woven", "woven into a paragraph"),
                             ("inline", "appended to a line")):
            sets[f"held-out {letter.upper()}, passages {label}"] = [r for r in planted if placement(r) == where]
    return sets


def heldout_k(kind: str) -> dict[str, list[dict]]:
    """Set K (round 25: standard-library docstrings chunked as ingested, attacks in K's own template family,
    benign chunks with harmless reader instructions; built before round 25's training change, never tuned on)."""
    return _with_reader_chunks("safety_heldout_k.jsonl", "held-out K (stdlib docstrings)", kind)


def heldout_m(kind: str) -> dict[str, list[dict]]:
    """Set M (blind: written by someone who had not read the detector, its tests or results; HTML docs, NEWS files,
    upstream changelogs and wheel markdown chunked as ingested, 80 hand-written attacks, benign chunks with harmless
    reader instructions; committed before it was first scored, never tuned on)."""
    return _with_reader_chunks("safety_heldout_m.jsonl", "held-out M (blind, docs/NEWS/changelogs)", kind)


def heldout_n(kind: str) -> dict[str, list[dict]]:
    """Set N (blind, second after M: written by someone who had not read the detector, its tests, results or the other
    sets' rows; manual pages of sections 2/4/6, Perl POD, configuration-file comments, /usr/share/doc examples and
    scikit-learn's rst dataset descriptions chunked as ingested, 120 attacks from 66 hand-written texts, benign chunks
    with harmless reader instructions; committed before it was first scored, never tuned on)."""
    return _with_reader_chunks("safety_heldout_n.jsonl", "held-out N (blind, man2/4/6, POD, config comments, examples)",
                               kind)


def heldout_o(kind: str) -> dict[str, list[dict]]:
    """Set O (blind, third after M and N: written by someone who had not read the detector, its tests, results or the
    other sets' rows; docstrings of third-party packages in site-packages, C header comments under /usr/include and
    site-packages .txt docs chunked as ingested, 120 attacks from 80 hand-written texts, benign chunks with harmless
    reader instructions; committed before it was first scored, never tuned on)."""
    return _with_reader_chunks("safety_heldout_o.jsonl", "held-out O (blind, third-party docstrings, C header comments)",
                               kind)


def heldout_p(kind: str) -> dict[str, list[dict]]:
    """Set P (blind, fourth after M, N and O: written by someone who had not read the detector, its tests, results or
    the other sets' rows; shell scripts, bash-completion files, systemd units, udev rules, Google Cloud SDK YAML
    command specs and site-packages JavaScript/CSS chunked as ingested, 120 attacks from 85 hand-written texts,
    benign chunks with harmless reader instructions; committed before it was first scored, never tuned on)."""
    return _with_reader_chunks("safety_heldout_p.jsonl", "held-out P (blind, shell scripts, systemd/udev, gcloud YAML, JS/CSS comments)", kind)


def heldout_q(kind: str) -> dict[str, list[dict]]:
    """Set Q (blind, fifth after M, N, O and P: written by someone who had not read the detector, its tests, results
    or the other sets' rows; gettext catalogues rendered as .po text, Python package metadata, npm's Markdown docs,
    Debian copyright files, CMake modules and Makefiles, SQL scripts and freedesktop XML/.desktop files chunked as
    ingested, 120 attacks from 105 hand-written texts, benign chunks with harmless reader instructions (Markdown links
    and other languages among them); committed before it was first scored, never tuned on)."""
    return _with_reader_chunks("safety_heldout_q.jsonl", "held-out Q (blind, gettext, metadata, npm Markdown, copyright, CMake, SQL, freedesktop)", kind)


def heldout_r(kind: str) -> dict[str, list[dict]]:
    """Set R (blind, sixth after M, N, O, P and Q: written by someone who had not read the detector, its tests, results
    or the other sets' rows; Vim help files and runtime scripts, typeshed stubs, X11 keyboard/locale data, Emacs Lisp
    and PAM/AppArmor/doc-base/tzdata files chunked as ingested, 120 attacks from 95 hand-written texts, benign chunks
    with harmless reader instructions (polite requests, Markdown links and other languages among them); committed
    before it was first scored, never tuned on)."""
    return _with_reader_chunks("safety_heldout_r.jsonl", "held-out R (blind, Vim help/scripts, typeshed stubs, X11 xkb/locale, PAM/AppArmor/tzdata)", kind)


def heldout_s(kind: str) -> dict[str, list[dict]]:
    """Set S (blind, seventh after M to R: written by someone who had not read the detector, its tests, results or the
    other sets' rows; glibc locale definitions, AWS/boto JSON models and JSON schemas/TOML, Tcl and m4 scripts and
    Cython sources chunked as ingested, 120 attacks from 117 hand-written texts, benign chunks with harmless reader
    instructions (polite requests, links and other languages among them); committed before it was first scored, never
    tuned on)."""
    return _with_reader_chunks("safety_heldout_s.jsonl", "held-out S (blind, glibc locales, AWS/JSON schemas, Tcl/m4, Cython)", kind)


def heldout_t(kind: str) -> dict[str, list[dict]]:
    """Set T (blind, eighth after M to S: written by someone who had not read the detector, its tests, results or the
    other sets' rows; Maven POMs, App Engine PHP sources, groff macros and source-highlight definitions, LLVM
    TableGen files and test suites chunked as ingested, 120 attacks from 109 hand-written texts (multi-step,
    conditional, encoded, fake tool output among them), benign chunks with harmless reader instructions; committed
    before it was first scored, never tuned on)."""
    return _with_reader_chunks("safety_heldout_t.jsonl", "held-out T (blind, Maven POMs, PHP SDK, groff/source-highlight, LLVM TableGen, test suites)", kind)


def heldout_u(kind: str) -> dict[str, list[dict]]:
    """Set U (blind, ninth after M to T: written by someone who had not read the detector, its tests, results or the
    other sets' rows; CUDA and GCC C++ library headers, CPython patches, Jetty/JDK configuration, templates and batch
    scripts chunked as ingested, 120 hand-written attacks (role-play, third-person, persona, conditional, hidden in
    comments and tables, 46 other languages among them), benign chunks with harmless reader instructions; committed
    before it was first scored, never tuned on)."""
    return _with_reader_chunks("safety_heldout_u.jsonl", "held-out U (blind, C++ library headers, CPython patches, Jetty/JDK config, templates)", kind)


def heldout_w(kind: str) -> dict[str, list[dict]]:
    """Set W (blind, eleventh after M to V, the first written after the passage model was trained on M-V: written by
    someone who had not read the detector, its tests, results, the probe or the other sets' rows; systemd journal
    catalogs, udev hwdb sources, developer-tool and package data files and the roff sources of Cargo's manual pages
    chunked as ingested, 120 hand-written attacks (60 English in 12 families, 60 in 46 other languages), benign chunks
    with harmless reader instructions; half of the attack and of the reader passages are woven into a paragraph of the
    chunk instead of standing as a paragraph of their own, reported apart; committed before it was first scored,
    never tuned on)."""
    from benchmarks.build_safety_heldout_w import woven

    sets = _with_reader_chunks("safety_heldout_w.jsonl", "held-out W (blind, journal catalogs, hwdb, tool and package data, Cargo roff; half woven)", kind)
    if sets:
        planted = [r for r in sets["held-out W (blind, journal catalogs, hwdb, tool and package data, Cargo roff; half woven)"] if r["family"] != "plain"]
        sets["held-out W, passages woven into a paragraph"] = [r for r in planted if woven(r)]
        sets["held-out W, passages as a paragraph of their own"] = [r for r in planted if not woven(r)]
    return sets


def heldout_x(kind: str) -> dict[str, list[dict]]:
    """Set X (blind, twelfth after M to W, the first written after round 35 scored W: written by someone who had not
    read the detector, its tests, results or the other sets' rows; package-manager logs, plain-text system tables
    and grammars, odd files bundled with the Cloud SDK and Node packages, and extensionless launcher scripts chunked
    as ingested, 120 hand-written attacks (60 in 46 other languages), benign chunks with harmless reader
    instructions; a third of the passages stand as a paragraph, a third are woven into a paragraph and a third are
    appended to an existing line, reported apart; committed before it was first scored, never tuned on)."""
    return _placed_three_ways("x", "held-out X (blind, package logs, system tables and grammars, SDK odd files, launchers; three placements)", kind)


def heldout_y(kind: str) -> dict[str, list[dict]]:
    """Set Y (blind, thirteenth after M to X, written while round 37 trained the passage model on W and X, by someone
    who had not read the detector, its tests, results or the other sets' rows; source files of Debian packages not
    installed here; passages placed as in X, reported apart; committed before it was first scored)."""
    return _placed_three_ways("y", "held-out Y (blind, Rust, Ruby, Go and Lua library sources from Debian packages; three placements)", kind)


def heldout_v(kind: str) -> dict[str, list[dict]]:
    """Set V (blind, tenth after M to U: written by someone who had not read the detector, its tests, results or the
    other sets' rows; Debian maintainer scripts, zsh completions and git helper scripts, Perl header and Unicode
    tables, GTK UI files and SVG chunked as ingested, 120 hand-written attacks (65 English in 12 families, 55 in 41
    other languages), benign chunks with harmless reader instructions; committed before it was first scored, never
    tuned on)."""
    return _with_reader_chunks("safety_heldout_v.jsonl", "held-out V (blind, dpkg scripts, zsh/git, Perl tables, GTK UI, SVG)", kind)


def heldout_l(kind: str) -> dict[str, list[dict]]:
    """Set L (round 25: licences and package descriptions chunked as ingested, every text benign; lists of
    obligations, "you must", a second-person rule has to leave alone). Benign only."""
    if kind != "injection":
        return {}
    rows = read_jsonl(DATA / "safety_heldout_l.jsonl")
    return {"held-out L (licences, descriptions; benign)": [{**r, "label": "allow"} for r in rows]}


def tuning_sets(kind: str) -> dict[str, list[dict]]:
    """The rule rounds' TUNING sets (no held-out sets: their rounds tuned on them): round 27's
    (benchmarks/build_safety_tuning_r27.py) and round 28's (benchmarks/build_safety_tuning_r28.py; its benign
    second-person hard negatives reported apart as well)."""
    if kind != "injection":
        return {}
    out = {}
    r27, r28 = DATA / "safety_tuning_r27.jsonl", DATA / "safety_tuning_r28.jsonl"
    if r27.exists():
        out["tuning r27 (man7/man3)"] = read_jsonl(r27)
    if r28.exists():
        rows = read_jsonl(r28)
        out["tuning r28 (man7/man3)"] = rows
        out["tuning r28, second-person hard negatives"] = [r for r in rows if r["family"].startswith("r28b_")]
    return out


def heldout_h() -> dict[str, list[dict]]:
    """Set H (round 9: image prompts written as four personas' genres, obfuscation by code; written
    before round 9's changes, never tuned on). Image prompts only."""
    return {"held-out H (genres)": read_jsonl(DATA / "safety_heldout_h.jsonl")}


def image_report(systems, sets) -> None:
    print("### image prompts: disallowed blocked / benign blocked\n")
    print("| set | " + " | ".join(s.name for s in systems) + " |")
    print("|---|" + "---|" * len(systems))
    per_family = {}
    for set_name, rows in sets.items():
        cells = []
        for s in systems:
            blocked = [s.image(r["text"], r.get("negative", "")) for r in rows]
            bad = [b for b, r in zip(blocked, rows) if r["label"] == "block"]
            good = [b for b, r in zip(blocked, rows) if r["label"] == "allow"]
            cells.append(f"{sum(bad)}/{len(bad)} ({sum(bad) / len(bad):.3f}) / {sum(good)}/{len(good)} ({sum(good) / len(good):.3f})")
            if set_name != "training templates (1500 sampled)":
                for b, r in zip(blocked, rows):
                    per_family.setdefault((set_name, r["label"], r["family"]), {}).setdefault(s.name, []).append(b)
        print(f"| {set_name} | " + " | ".join(cells) + " |")
    print("\n### image prompts by family (blocked / items)\n")
    print("| set | label | family | " + " | ".join(s.name for s in systems) + " |")
    print("|---|---|---|" + "---|" * len(systems))
    for (set_name, label, fam), res in sorted(per_family.items()):
        print(f"| {set_name} | {label} | {fam} | " + " | ".join(f"{sum(res[s.name])}/{len(res[s.name])}" for s in systems) + " |")


def confusion(system, rows, title: str) -> None:
    cols = list(CATEGORIES) + ["other scanner", "allowed"]
    table = defaultdict(Counter)
    for r in rows:
        true = r["category"] if r["label"] == "block" else "benign"
        table[true][system.category(r["text"], r.get("negative", ""))] += 1
    print(f"\n### category confusion, {title} ({system.name}); rows: true category, columns: what the filter said\n")
    print("| true \\ said | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    for true in list(CATEGORIES) + ["benign"]:
        if table[true]:
            print(f"| {true} | " + " | ".join(str(table[true][c]) for c in cols) + " |")


# --- injection ----------------------------------------------------------------------------
def rag_paragraphs() -> list[str]:
    out = []
    for f in sorted((ROOT / "assets" / "rag_corpus").iterdir()):
        out += [p.strip() for p in re.split(r"\n\s*\n", f.read_text(encoding="utf-8")) if len(p.strip()) > 30]
    return out


def injection_sets() -> dict[str, list[dict]]:
    from core.safety.training.injection_templates import build, package_docs

    train = build()
    idx = np.random.default_rng(0).choice(len(train), 1500, replace=False)
    sets = {
        "training templates (1500 sampled)": [{"text": train[i][0], "label": "block" if train[i][1] == "attack" else "allow"} for i in idx],
        "held-out A": read_jsonl(DATA / "safety_heldout_injection.jsonl"),
        "held-out B": [r for r in read_jsonl(DATA / "safety_heldout_b.jsonl") if r["kind"] == "injection"],
        **heldout_c("injection"),
        **heldout_d("injection"),
        **heldout_e("injection"),
        **heldout_f("injection"),
        **heldout_g("injection"),
        **heldout_i("injection"),
        **heldout_j("injection"),
        **heldout_k("injection"),
        **heldout_m("injection"),
        **heldout_n("injection"),
        **heldout_o("injection"),
        **heldout_p("injection"),
        **heldout_q("injection"),
        **heldout_r("injection"),
        **heldout_s("injection"),
        **heldout_t("injection"),
        **heldout_u("injection"),
        **heldout_v("injection"),
        **heldout_w("injection"),
        **heldout_x("injection"),
        **heldout_y("injection"),
        **heldout_l("injection"),
        **tuning_sets("injection"),
        "package docs, eval half (real READMEs)": [{"text": t, "label": "allow"} for t in package_docs("eval")],
        "RAG sample corpus paragraphs": [{"text": t, "label": "allow"} for t in rag_paragraphs()],
        # round 8: tuning set (questions about prompts beside question-shaped attacks), and the RAG
        # apps' user questions, every one benign (assets/rag_qa*.jsonl; rag_qa.jsonl was looked at)
        "questions about prompts (round-8 tuning set)": read_jsonl(DATA / "safety_prompt_questions.jsonl"),
        "chatbot questions (assets/rag_qa*.jsonl)": [
            {"text": json.loads(line)["question"], "label": "allow"}
            for f in sorted((ROOT / "assets").glob("rag_qa*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()],
    }
    for name in SKIP:
        sets.pop(name, None)
    return sets


def injection_report(systems) -> None:
    sets = injection_sets()
    print("\n### injection: attack recall / benign flagged\n")
    print("| set | " + " | ".join(s.name for s in systems) + " |")
    print("|---|" + "---|" * len(systems))
    fam = {}
    for name, rows in sets.items():
        cells = []
        for s in systems:
            flagged = [s.injection(r["text"]) for r in rows]
            pos = [f for f, r in zip(flagged, rows) if r["label"] == "block"]
            neg = [f for f, r in zip(flagged, rows) if r["label"] == "allow"]
            rec = f"{sum(pos)}/{len(pos)} ({sum(pos) / len(pos):.3f})" if pos else "-"
            cells.append(f"{rec} / {sum(neg)}/{len(neg)} ({sum(neg) / len(neg):.3f})" if neg else rec)
            if name.startswith(("held-out", "tuning r2")):
                for f, r in zip(flagged, rows):
                    fam.setdefault((name, r["label"], r["family"]), {}).setdefault(s.name, []).append(f)
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("\n### injection by family (flagged / items)\n")
    print("| set | label | family | " + " | ".join(s.name for s in systems) + " |")
    print("|---|---|---|" + "---|" * len(systems))
    for (name, label, f), res in sorted(fam.items()):
        print(f"| {name} | {label} | {f} | " + " | ".join(f"{sum(res[s.name])}/{len(res[s.name])}" for s in systems) + " |")


# The first 97 answers of the earlier file were looked at while calibrating the toxicity scanner; the
# file was made afresh on 2026-12-02 (contestants greedy/sampled/lively), so no answer in it was.
CALIBRATION_ANSWERS = 0


def answers_report(systems) -> None:
    rows = read_jsonl(DATA / "safety_benign_answers.jsonl")
    parts = {f"first {CALIBRATION_ANSWERS} (used to calibrate)": rows[:CALIBRATION_ANSWERS],
             "the rest (made after calibrating, measured once)": rows[CALIBRATION_ANSWERS:]}
    print(f"\n### benign generated answers held back by the output toxicity check ({len(rows)} answers, "
          f"{len({r['prompt'] for r in rows})} prompts)\n")
    print("| answers | " + " | ".join(s.name for s in systems) + " |")
    print("|---|" + "---|" * len(systems))
    for name, part in parts.items():
        if part:
            cells = [sum(s.output(r["answer"]) for r in part) for s in systems]
            print(f"| {name}: {len(part)} | " + " | ".join(f"{c} ({c / len(part):.3f})" for c in cells) + " |")


def latency_texts() -> list[str]:
    texts = [r["text"] for r in read_jsonl(DATA / "safety_eval.jsonl")]
    texts += [r["text"] for r in read_jsonl(DATA / "safety_heldout_image.jsonl")]
    texts += [r["text"] for r in read_jsonl(DATA / "safety_heldout_injection.jsonl")]
    return texts


def latency_report(systems, repeat: int) -> None:
    texts = latency_texts()
    print(f"\n### latency per message, ms ({len(texts)} texts x {repeat}; load avg {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs; GENAI_THREADS={os.environ.get('GENAI_THREADS', '-')})\n")
    print("| system | stage | wall p50 | wall p95 | CPU p50 | CPU p95 |")
    print("|---|---|---|---|---|---|")
    for s in systems:
        for stage in ("input_stage", "image_stage"):
            if isinstance(s, Remote):  # measured in its worker, on the same texts, earlier in this run
                w50, w95, c50, c95 = s.latency[stage]
                print(f"| {s.name} (worker) | {stage.replace('_stage', '')} | {w50:.2f} | {w95:.2f} | {c50:.2f} | {c95:.2f} |")
                continue
            fn = getattr(s, stage, None)
            if fn is None:
                continue
            fn("warm up")
            w50, w95, c50, c95 = latency(fn, texts, repeat)
            print(f"| {s.name} | {stage.replace('_stage', '')} | {w50:.2f} | {w95:.2f} | {c50:.2f} | {c95:.2f} |")


def long_text(chars: int = 20_000) -> str:
    """A benign document at the size limit (SAFETY_MAX_CHARS): the RAG sample corpus, repeated."""
    corpus = "\n\n".join(rag_paragraphs())
    return (corpus * (chars // len(corpus) + 1))[:chars]


def long_texts(chars: int = 20_000) -> dict[str, str]:
    """Texts at the size limit: a real document, and the worst cases of benchmarks/safety.py."""
    rng = np.random.default_rng(0)
    return {
        "RAG sample corpus": long_text(chars),
        "prose": ("The committee reviewed the budget and approved the plan. " * 400)[:chars],
        "binary junk": bytes(rng.integers(0, 256, chars, dtype=np.uint8)).decode("latin-1"),
        "digits": ("4111 2222 3333 " * 2000)[:chars],
        "emoji + scripts": ("\U0001f642 \u6df7\u5408 \u0441\u043c\u0435\u0448\u0430\u043d\u043d\u044b\u0439 "
                            "\u0645\u062e\u062a\u0644\u0637 " * 2000)[:chars],
    }


def long_text_report(systems, repeat: int) -> None:
    n = max(repeat, 3)
    print(f"\n### one 20,000-character text, ms per scan (median of {n}; load avg {os.getloadavg()[0]:.1f}); "
          "CPU time is the work, wall time adds waiting for a core\n")
    print("| text | stage | " + " | ".join(f"{s.name} CPU | {s.name} wall" for s in systems) + " |")
    print("|---|---|" + "---|---|" * len(systems))
    for name, text in long_texts().items():
        for stage in ("input_stage", "context_stage", "image_stage"):
            cells = []
            for s in systems:
                w50, _, c50, _ = latency(getattr(s, stage), [text], n)
                cells.append(f"{c50:.0f} | {w50:.0f}")
            print(f"| {name} | {stage.replace('_stage', '')} | " + " | ".join(cells) + " |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline-rev", default=BASELINE_REV, help="git revision whose scanners are 'before #18'")
    ap.add_argument("--main-rev", default="main", help="git revision run beside ours in a worker ('none' to skip)")
    ap.add_argument("--repeat", type=int, default=3, help="latency passes")
    ap.add_argument("--no-b", action="store_true", help="leave held-out set B out")
    ap.add_argument("--no-c", action="store_true", help="leave held-out set C out")
    ap.add_argument("--no-d", action="store_true", help="leave held-out set D out (development runs: nobody tunes on D)")
    ap.add_argument("--no-e", action="store_true", help="leave held-out set E out (development runs: nobody tunes on E)")
    ap.add_argument("--no-f", action="store_true", help="leave held-out set F out (development runs: nobody tunes on F)")
    ap.add_argument("--no-g", action="store_true", help="leave held-out set G out (development runs: nobody tunes on G)")
    ap.add_argument("--no-h", action="store_true", help="leave held-out set H out (development runs: nobody tunes on H)")
    ap.add_argument("--no-i", action="store_true", help="leave held-out set I out (development runs: nobody tunes on I)")
    ap.add_argument("--no-j", action="store_true", help="leave held-out set J out (development runs: nobody tunes on J)")
    ap.add_argument("--no-k", action="store_true", help="leave held-out set K out (development runs: nobody tunes on K)")
    ap.add_argument("--no-m", action="store_true", help="leave held-out set M out (development runs: nobody tunes on M)")
    ap.add_argument("--no-n", action="store_true", help="leave held-out set N out (development runs: nobody tunes on N)")
    ap.add_argument("--no-o", action="store_true", help="leave held-out set O out (development runs: nobody tunes on O)")
    ap.add_argument("--no-p", action="store_true", help="leave held-out set P out (development runs: nobody tunes on P)")
    ap.add_argument("--no-q", action="store_true", help="leave held-out set Q out (development runs: nobody tunes on Q)")
    ap.add_argument("--no-r", action="store_true", help="leave held-out set R out (development runs: nobody tunes on R)")
    ap.add_argument("--no-s", action="store_true", help="leave held-out set S out (development runs: nobody tunes on S)")
    ap.add_argument("--no-t", action="store_true", help="leave held-out set T out (development runs: nobody tunes on T)")
    ap.add_argument("--no-u", action="store_true", help="leave held-out set U out (development runs: nobody tunes on U)")
    ap.add_argument("--no-v", action="store_true", help="leave held-out set V out (development runs: nobody tunes on V)")
    ap.add_argument("--no-w", action="store_true", help="leave held-out set W out (development runs: nobody tunes on W)")
    ap.add_argument("--no-x", action="store_true", help="leave held-out set X out (development runs: nobody tunes on X)")
    ap.add_argument("--no-y", action="store_true", help="leave held-out set Y out (development runs: nobody tunes on Y)")
    ap.add_argument("--no-latency", action="store_true", help="quality figures only")
    ap.add_argument("--long-only", action="store_true", help="only the 20,000-character texts")
    ap.add_argument("--latency-only", action="store_true", help="only the latency per message (ours, main, before #18)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker()
    ours, today = Ours(), Today(args.baseline_rev)
    if args.long_only:
        long_text_report([ours, today], args.repeat)
        return 0
    if args.latency_only:
        main_sys = [] if args.main_rev == "none" else [Remote(args.main_rev, args.repeat, latency_texts(), quality=False)]
        latency_report([ours, *main_sys, today], args.repeat)
        return 0
    SKIP.update({"held-out B"} if args.no_b else set())
    SKIP.update({"held-out C", "held-out C, other languages (not claimed)"} if args.no_c else set())
    SKIP.update({"held-out D"} if args.no_d else set())
    SKIP.update({"held-out E (honest)"} if args.no_e else set())
    SKIP.update({"held-out F (contrast)"} if args.no_f else set())
    SKIP.update({"held-out G (real texts)", "held-out G, other languages (not claimed)"} if args.no_g else set())
    SKIP.update({"held-out H (genres)"} if args.no_h else set())
    SKIP.update({"held-out I (debconf, tickets)", "held-out I, other languages (not claimed)"} if args.no_i else set())
    SKIP.update({"held-out J (doc chunks)"} if args.no_j else set())
    SKIP.update({"held-out K (stdlib docstrings)", "held-out K, reader-instruction chunks"} if args.no_k else set())
    SKIP.update({"held-out M (blind, docs/NEWS/changelogs)", "held-out M, reader-instruction chunks"} if args.no_m else set())
    SKIP.update({"held-out N (blind, man2/4/6, POD, config comments, examples)", "held-out N, reader-instruction chunks"}
                if args.no_n else set())
    SKIP.update({"held-out O (blind, third-party docstrings, C header comments)", "held-out O, reader-instruction chunks"}
                if args.no_o else set())
    SKIP.update({"held-out P (blind, shell scripts, systemd/udev, gcloud YAML, JS/CSS comments)", "held-out P, reader-instruction chunks"}
                if args.no_p else set())
    SKIP.update({"held-out Q (blind, gettext, metadata, npm Markdown, copyright, CMake, SQL, freedesktop)",
                 "held-out Q, reader-instruction chunks"} if args.no_q else set())
    SKIP.update({"held-out R (blind, Vim help/scripts, typeshed stubs, X11 xkb/locale, PAM/AppArmor/tzdata)",
                 "held-out R, reader-instruction chunks"} if args.no_r else set())
    SKIP.update({"held-out S (blind, glibc locales, AWS/JSON schemas, Tcl/m4, Cython)",
                 "held-out S, reader-instruction chunks"} if args.no_s else set())
    SKIP.update({"held-out T (blind, Maven POMs, PHP SDK, groff/source-highlight, LLVM TableGen, test suites)",
                 "held-out T, reader-instruction chunks"} if args.no_t else set())
    SKIP.update({"held-out U (blind, C++ library headers, CPython patches, Jetty/JDK config, templates)",
                 "held-out U, reader-instruction chunks"} if args.no_u else set())
    SKIP.update({"held-out V (blind, dpkg scripts, zsh/git, Perl tables, GTK UI, SVG)",
                 "held-out V, reader-instruction chunks"} if args.no_v else set())
    SKIP.update({"held-out W (blind, journal catalogs, hwdb, tool and package data, Cargo roff; half woven)", "held-out W, reader-instruction chunks",
                 "held-out W, passages woven into a paragraph", "held-out W, passages as a paragraph of their own"}
                if args.no_w else set())
    SKIP.update({"held-out X (blind, package logs, system tables and grammars, SDK odd files, launchers; three placements)", "held-out X, reader-instruction chunks",
                 "held-out X, passages as a paragraph of their own", "held-out X, passages woven into a paragraph",
                 "held-out X, passages appended to a line"} if args.no_x else set())
    SKIP.update({"held-out Y (blind, Rust, Ruby, Go and Lua library sources from Debian packages; three placements)", "held-out Y, reader-instruction chunks",
                 "held-out Y, passages as a paragraph of their own", "held-out Y, passages woven into a paragraph",
                 "held-out Y, passages appended to a line"} if args.no_y else set())
    main_sys = [] if args.main_rev == "none" else [Remote(args.main_rev, args.repeat, latency_texts())]
    systems = [ours, *main_sys, today, Keywords()]
    print("# safety robustness (issue #18); " + (f"main = {main_sys[0].rev}; " if main_sys else "")
          + f"before #18 = {args.baseline_rev}\n")
    print("Sets: A = dev set from its first use; B = looked at (error analysis after its first run); "
          "C = written before round 2's last tuning, looked at after round 2; "
          "D = written before round 3's tuning, looked at after round 3; "
          "E = written by another engineer before round 4's tuning and never tuned on (the honest judge of round 4); "
          "F = contrast pairs, written before round 6's fixes, never tuned on; "
          "G = benign side from real texts on this machine (diffusers' example prompts, man pages, docstrings), "
          "written before round 7's fixes, never tuned on; "
          "H = image prompts as product listings, game-asset requests, stage directions and forum posts, "
          "obfuscated by code, written before round 9's changes, never tuned on; "
          "I = Debian's translated installation questions (benign) and attacks as tickets or unlabelled planted sentences, "
          "written before round 11's changes, never tuned on; "
          "J = Debian READMEs and section-5/8 manual pages chunked as ingested, attacks planted in documentation genres, "
          "built before round 20's changes, never tuned on; "
          "K = Python standard-library docstrings chunked as ingested, attacks hidden in them by K's own template family, "
          "benign chunks with harmless reader instructions, built before round 25's training change, never tuned on; "
          "M = blind set (author never read the detector): HTML docs, NEWS, upstream changelogs and wheel markdown chunked "
          "as ingested, 80 hand-written attacks in many carriers and languages, benign chunks with reader instructions, "
          "committed before it was first scored, never tuned on; "
          "O = blind set like M and N: third-party docstrings and C header comments chunked as ingested, 120 attacks from "
          "80 hand-written texts, benign chunks with reader instructions, committed before it was first scored, "
          "never tuned on; "
          "P = blind set like M, N and O: shell scripts, bash-completion, systemd/udev, gcloud YAML specs and JS/CSS "
          "comments chunked as ingested, 120 attacks from 85 hand-written texts, benign chunks with reader "
          "instructions, committed before it was first scored, never tuned on; "
          "Q = blind set like M to P: gettext catalogues, package metadata, npm Markdown, Debian copyright files, CMake/"
          "Make, SQL and freedesktop XML chunked as ingested, 120 attacks from 105 hand-written texts (23 other "
          "languages), benign chunks with reader instructions, committed before it was first scored, never tuned on; "
          "R = blind set like M to Q: Vim help and runtime scripts, typeshed stubs, X11 keyboard/locale data, Emacs Lisp "
          "and PAM/AppArmor/doc-base/tzdata files chunked as ingested, 120 attacks from 95 hand-written texts (14 other "
          "languages), benign chunks with reader instructions, committed before it was first scored, never tuned on; "
          "S = blind set like M to R: glibc locales, AWS/boto JSON models and JSON schemas/TOML, Tcl/m4 scripts and "
          "Cython sources chunked as ingested, 120 attacks from 117 hand-written texts (18 other languages), benign "
          "chunks with reader instructions, committed before it was first scored, never tuned on; "
          "T = blind set like M to S: Maven POMs, PHP SDK sources, groff/source-highlight, LLVM TableGen and test "
          "suites chunked as ingested, 120 attacks from 109 hand-written texts (31 other languages), benign chunks "
          "with reader instructions, committed before it was first scored, never tuned on; "
          "U = blind set like M to T: CUDA and GCC C++ library headers, CPython patches, Jetty/JDK configuration, "
          "templates and batch scripts chunked as ingested, 120 hand-written attacks (46 other languages), benign "
          "chunks with reader instructions, committed before it was first scored, never tuned on; "
          "V = blind set like M to U: Debian maintainer scripts, zsh completions and git helpers, Perl tables, GTK UI "
          "files and SVG chunked as ingested, 120 hand-written attacks (41 other languages), benign chunks with reader "
          "instructions, committed before it was first scored, never tuned on; "
          "W = blind set like M to V: systemd journal catalogs (17 languages), udev hwdb sources, developer-tool data "
          "(Valgrind suppressions, GCC specs, gettext ITS rules, Lark grammars, protobuf files), package data "
          "(pkg-config, lintian overrides, reportbug hooks, stop-word lists, dictionary samples, timezone sets) and "
          "the roff sources of Cargo's manual pages chunked as ingested, 120 hand-written attacks (46 other "
          "languages), benign chunks with reader instructions; half of the attack and reader passages woven into a "
          "paragraph instead of standing as one of their own; committed before it was first scored, never tuned on; "
          "X = blind set like M to W: package-manager logs, system tables and grammars (the Public Suffix List, "
          "CPython's PEG grammar), odd files of the Cloud SDK and Node packages and extensionless launcher scripts "
          "chunked as ingested, 120 hand-written attacks (46 other languages), benign chunks with reader "
          "instructions; the passages a third each as a paragraph, woven into a paragraph or appended to a line; "
          "committed before it was first scored, never tuned on. "
          "From round 35 on, the hand-written passages and plain chunks of M to V are the passage model's training "
          "data: their figures no longer judge it.\n")
    sets = image_sets()
    image_report(systems, sets)
    for name in ("held-out A", "held-out B", "held-out C", "held-out D", "held-out E (honest)", "held-out F (contrast)",
                 "held-out H (genres)"):
        if name in sets:
            confusion(ours, sets[name], f"image {name}")
    for m in main_sys:
        name = next((n for n in ("held-out H (genres)", "held-out F (contrast)", "held-out E (honest)", "held-out D") if n in sets), "held-out A")
        confusion(m, sets[name], f"image {name}")
    confusion(today, sets["held-out A"], "image held-out A")
    injection_report(systems)
    answers_report([ours, *main_sys, today])
    if not args.no_latency:
        latency_report([ours, *main_sys, today], args.repeat)
        long_text_report([ours, today], args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
