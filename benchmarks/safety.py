"""Safety benchmark: quality and latency of core.safety on tests/data/safety_eval.jsonl.

    .venv/bin/python benchmarks/safety.py [--modes static,off,full] [--repeat 3]
    .venv/bin/python benchmarks/safety.py --part robustness    # issue #18's figures

Prints, per split (dev = what the thresholds were tuned on, heldout = not tuned on):
- block recall and precision for toxicity, injection and image prompts, the false-block
  rate on every item labelled allow (hard negatives included), PII redaction recall
  (listed PII strings that no longer appear) and the number of allow items that got
  anything redacted ("benign redactions", target 0);
- p50/p95 latency of one scan() call at the input stage (all input scanners together),
  and per scanner;
against peers measured in the same run on the same items:
- "keyword baseline": substring lists (swear words, injection phrases, image terms) and
  unvalidated PII regexes, what a first attempt usually looks like;
- "profanity-check alone": alt-profanity-check's predict_prob >= 0.5 on the whole text,
  as the toxicity scanner; no injection/PII/image checks.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402

from core.safety.policy import Policy, get_scanner, scan  # noqa: E402

EVAL = ROOT / "tests" / "data" / "safety_eval.jsonl"


def load() -> list[dict]:
    return [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- peers ----------------------------------------------------------------------------
_BAD = ["fuck", "shit", "bitch", "cunt", "asshole", "idiot", "moron", "stupid", "retard", "whore", "slut",
        "bastard", "dick", "cock", "kill", "die", "hate", "ugly", "loser", "crap", "damn", "hell", "twat", "wanker"]
_INJ = ["ignore previous instructions", "ignore all previous instructions", "ignore the above", "system prompt",
        "jailbreak", "dan", "developer mode", "disregard", "no restrictions", "you are now", "pretend you"]
_IMG = ["nude", "naked", "porn", "sex", "nsfw", "gore", "blood", "corpse", "decapitated", "child", "kid", "teen",
        "erotic", "topless"]
_NAIVE_PII = [re.compile(p) for p in [
    r"[\w.+-]+@[\w-]+\.[\w.]+", r"\+?\d[\d ().-]{7,}\d", r"\b(?:\d{1,3}\.){3}\d{1,3}\b", r"\bsk-\w+", r"\bAKIA\w+",
    r"\bghp_\w+"]]


class KeywordBaseline:
    name = "keyword baseline"

    def verdict(self, text: str, stage: str) -> tuple[bool, str]:
        low = text.lower()
        flagged = any(w in low for w in _BAD) or (stage != "image" and any(p in low for p in _INJ)) \
            or (stage == "image" and any(w in low for w in _IMG))
        red = text
        for rx in _NAIVE_PII:
            red = rx.sub("[PII]", red)
        return flagged, red


class ProfanityCheckAlone:
    name = "profanity-check alone"

    def __init__(self):
        from profanity_check import predict_prob
        self.predict_prob = predict_prob

    def verdict(self, text: str, stage: str) -> tuple[bool, str]:
        return bool(self.predict_prob([text])[0] >= 0.5), text


class Ours:
    def __init__(self, embeddings: str):
        self.policy = Policy(embeddings=embeddings, audit=False)
        self.name = f"core.safety ({embeddings} embeddings)"

    def verdict(self, text: str, stage: str) -> tuple[bool, str]:
        v = scan(text, stage, policy=self.policy)
        return not v.allowed, v.redacted


# --- metrics --------------------------------------------------------------------------
def evaluate(system, rows: list[dict], verdicts: list | None = None) -> dict:
    """Metrics over rows; verdicts (blocked, redacted) per row are computed unless given."""
    out = {}
    if verdicts is None:
        verdicts = [system.verdict(r["text"], r["stage"]) for r in rows]
    for kind in ("toxicity", "injection", "image"):
        pos = [b for r, (b, _) in zip(rows, verdicts) if r["kind"] == kind and r["label"] == "block"]
        neg_same = [b for r, (b, _) in zip(rows, verdicts) if r["kind"] == kind and r["label"] == "allow"]
        tp, fp = sum(pos), sum(neg_same)
        out[f"{kind} recall"] = tp / len(pos) if pos else float("nan")
        out[f"{kind} precision"] = tp / (tp + fp) if tp + fp else float("nan")
    allow = [b for r, (b, _) in zip(rows, verdicts) if r["label"] in ("allow", "redact")]
    out["false-block rate"] = sum(allow) / len(allow)
    total = found = 0
    for r, (_, red) in zip(rows, verdicts):
        for s in r.get("pii", []):
            total += 1
            found += s not in red
    out["PII redaction recall"] = found / total if total else float("nan")
    out["benign redactions"] = sum(1 for r, (_, red) in zip(rows, verdicts)
                                   if r["label"] == "allow" and red != r["text"])
    return out


def latency(fn, texts: list[str], repeat: int) -> tuple[float, float, float, float]:
    """(wall p50, wall p95, CPU p50, CPU p95) in ms. CPU time (all threads of this process)
    is the work a call costs; wall time adds waiting for a core on a shared machine."""
    wall, cpu = [], []
    for _ in range(repeat):
        for t in texts:
            c0, t0 = time.process_time(), time.perf_counter()
            fn(t)
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    return (float(np.percentile(wall, 50)), float(np.percentile(wall, 95)),
            float(np.percentile(cpu, 50)), float(np.percentile(cpu, 95)))


def fmt(x) -> str:
    if isinstance(x, int):
        return str(x)
    return "n/a" if x != x else f"{x:.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--modes", default="static,off,full", help="embedding modes of core.safety to measure")
    ap.add_argument("--repeat", type=int, default=3, help="latency passes over the eval texts")
    ap.add_argument("--part", choices=("quality", "robustness", "all"), default="quality",
                    help="robustness: issue #18's figures (obfuscation, paraphrase, other languages, negative prompts, "
                         "generated answers) against today's scanners, see benchmarks/safety_robustness.py")
    args = ap.parse_args()
    if args.part in ("robustness", "all"):
        import safety_robustness  # beside this script (the script's folder is on sys.path)

        safety_robustness.main(["--repeat", str(args.repeat)])
        if args.part == "robustness":
            return 0
    rows = load()
    modes = [m for m in args.modes.split(",") if m]
    systems = [Ours(m) for m in modes] + [KeywordBaseline(), ProfanityCheckAlone()]
    for s in systems:  # load models before timing anything
        s.verdict("warm up", "input")
        s.verdict("warm up", "image")

    print(f"eval set: {EVAL.relative_to(ROOT)}, {len(rows)} items "
          f"({sum(r['split'] == 'dev' for r in rows)} dev, {sum(r['split'] == 'heldout' for r in rows)} heldout)\n")
    verdicts = {s.name: [s.verdict(r["text"], r["stage"]) for r in rows] for s in systems}
    for split in ("dev", "heldout", "all"):
        idx = [i for i, r in enumerate(rows) if split == "all" or r["split"] == split]
        part = [rows[i] for i in idx]
        results = {s.name: evaluate(s, part, [verdicts[s.name][i] for i in idx]) for s in systems}
        metrics = list(next(iter(results.values())))
        print(f"### quality, {split} ({len(part)} items)\n")
        print("| metric | " + " | ".join(results) + " |")
        print("|---|" + "---|" * len(results))
        for m in metrics:
            print(f"| {m} | " + " | ".join(fmt(results[n][m]) for n in results) + " |")
        print()

    texts = [r["text"] for r in rows]
    sample = texts[::5]  # full-MiniLM mode is ~100x slower: timed on every 5th text, one pass
    print(f"### latency per call, input stage, ms ({len(texts)} texts x {args.repeat}; full embeddings: "
          f"{len(sample)} texts x 1; CPU threads: {os.cpu_count()}, load avg {os.getloadavg()[0]:.1f})\n")
    print("| system | wall p50 | wall p95 | CPU p50 | CPU p95 |")
    print("|---|---|---|---|---|")
    for s in systems:
        full = isinstance(s, Ours) and s.policy.embeddings == "full"
        lat = latency(lambda t, s=s: s.verdict(t, "input"), sample if full else texts, 1 if full else args.repeat)
        print(f"| {s.name}: all input scanners | " + " | ".join(f"{x:.2f}" for x in lat) + " |")
    for mode in modes:
        pol = Policy(embeddings=mode, audit=False)
        for name in ("toxicity", "pii", "injection", "image_prompt"):
            if mode != modes[0] and name in ("pii", "image_prompt"):
                continue
            sc = get_scanner(name, pol)
            lat = latency(sc.scan, sample if mode == "full" else texts, 1 if mode == "full" else args.repeat)
            print(f"| {name} scanner ({mode}) | " + " | ".join(f"{x:.2f}" for x in lat) + " |")
    # worst cases: texts at the length limit (longer ones are blocked unscanned)
    pol = Policy(embeddings=modes[0], audit=False)
    rng = np.random.default_rng(0)
    big = {
        "prose": ("The committee reviewed the budget and approved the plan. " * 400)[:pol.max_chars],
        "binary junk": bytes(rng.integers(0, 256, pol.max_chars, dtype=np.uint8)).decode("latin-1"),
        "digits": ("4111 2222 3333 " * 2000)[:pol.max_chars],
        "emoji + scripts": ("🙂 混合 смешанный مختلط " * 2000)[:pol.max_chars],
    }
    print(f"\n### worst case: one scan() of a {pol.max_chars}-character text ({modes[0]} embeddings), ms\n")
    print("| text | input stage | image stage |")
    print("|---|---|---|")
    for name, text in big.items():
        row = []
        for stage in ("input", "image"):
            t0 = time.perf_counter()
            scan(text, stage, policy=pol)
            row.append(f"{(time.perf_counter() - t0) * 1000:.0f}")
        print(f"| {name} | " + " | ".join(row) + " |")
    t0 = time.perf_counter()
    scan("x" * 1_000_000, "input", policy=pol)
    print(f"| 1 MB (over the limit: blocked unscanned) | {(time.perf_counter() - t0) * 1000:.1f} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
