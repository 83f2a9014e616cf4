"""Apply #19 round 37's ship rule (benchmarks/results/text2image_issue19_round37.md) to two logs of
`benchmarks/text2image.py --models ORIG,bundled,CANDIDATE --n 48 --seed S`, one per decision seed.

    python benchmarks/text2image_round37_rule.py LOG_SEED4 LOG_SEED5 [--n 48] [--candidate MODEL]

Reads the printed tables (shares are whole percents, so an image count is share x n, rounded),
prints every check with PASS/FAIL and exits 0 only when all pass. With --choose it instead prints,
per model, the two-object "shapes" images summed over the three two-object sets and the logs given
(round 37's choice between candidates on the tuning draws).
"""
from __future__ import annotations

import argparse
import re
import sys

ONE = ("colour", "background", "shape", "position", "size")
TWO = ("colours", "shapes", "relation", "sizes", "background")
QUALITY = ("flatness", "grid", "contrast", "faint")
SETS = ("one: held-out phrasings", "one: held-out combinations", "two: held-out phrasings",
        "two: held-out combinations", "two: no background")
TARGETS = {"one": {"colour": 0.98, "position": 0.98, "shape": 0.90},
           "two": {"colours": 0.90, "shapes": 0.75, "relation": 0.85}}
TOLERANCE_IMAGES = 4      # per set, summed over both seeds (96 images)
CONTRAST_TOLERANCE = 0.02
TIME_RATIO = 1.10


def parse(path: str) -> tuple[dict, dict, list[str]]:
    """({(model, set): {column: value}}, {model: cpu s per image}, models in order) from one log."""
    text = open(path).read()
    table = text.split("adherence (share of images right) and quality (medians)", 1)[1]
    rows: dict = {}
    models: list[str] = []
    for line in table.splitlines():
        for set_name in SETS:
            m = re.match(rf"^(.{{28}}) (\S+)\s+{re.escape(set_name)}\s+(.*)$", line)
            if not m:
                continue
            model = m.group(1).strip()
            cols = (*(ONE if set_name.startswith("one") else TWO), *QUALITY)
            values = m.group(3).split()
            rows[(model, set_name)] = {c: _value(v) for c, v in zip(cols, values)}
            if model not in models:
                models.append(model)
    times = {}
    for line in text.splitlines():
        m = re.match(r"^(.{34}) ddim\s+25\s+\S+\s+\S+\s+\S+x\s+(\S+)$", line)
        if m:
            times[m.group(1).strip()] = float(m.group(2))
    return rows, times, models


def rule_parser(doc: str) -> argparse.ArgumentParser:
    """The arguments every round's rule script takes: the benchmark logs, one per draw, and images per set."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("logs", nargs="+")
    ap.add_argument("--n", type=int, default=48)
    return ap


class Checks:
    """Prints each check as PASS or FAIL; `ok` is whether all passed."""

    def __init__(self):
        self.ok = True

    def __call__(self, passed: bool, what: str) -> None:
        self.ok &= passed
        print(("PASS  " if passed else "FAIL  ") + what)


def _value(v: str) -> float | None:
    if v == "-":
        return None
    return float(v[:-1]) / 100 if v.endswith("%") else float(v)


def decide(logs: list[str], n: int, candidate: str = "") -> bool:
    parsed = [parse(p) for p in logs]
    orig, shipped, cand = parsed[0][2][:3]
    cand = candidate or cand
    check = Checks()
    for seed, (rows, times, _) in zip(logs, parsed):
        for set_name in SETS[:4]:
            kind = set_name[:3]
            for col, target in TARGETS[kind].items():
                v = rows[(cand, set_name)][col]
                check(v >= target - 1e-9, f"1 target {seed} {set_name} {col}: {v:.0%} >= {target:.0%}")
        for set_name in SETS[2:]:
            c, o = rows[(cand, set_name)]["flatness"], rows[(orig, set_name)]["flatness"]
            check(c <= 0.5 * o, f"1 flatness {seed} {set_name}: {c:.2f} <= 0.5 x {o:.2f} ({c / o:.2f}x)")
        check(times[cand] <= 1.0, f"1 time {seed}: {times[cand]:.3f} CPU s <= 1 s")
        check(times[cand] <= TIME_RATIO * times[shipped],
              f"3 time {seed}: {times[cand]:.3f} <= {TIME_RATIO} x shipped {times[shipped]:.3f}")
        for set_name in SETS:
            c, s = rows[(cand, set_name)]["contrast"], rows[(shipped, set_name)]["contrast"]
            check(c >= s - CONTRAST_TOLERANCE - 1e-9, f"3 contrast {seed} {set_name}: {c:.2f} >= {s:.2f} - {CONTRAST_TOLERANCE}")

    def images(model: str, set_name: str, col: str) -> int:
        return sum(round(rows[(model, set_name)][col] * n) for rows, _, _ in parsed
                   if rows[(model, set_name)][col] is not None)

    gain = sum(images(cand, s, "shapes") - images(shipped, s, "shapes") for s in SETS[2:4])
    check(gain >= 6, f"2 two-object shapes, four held-out cells: candidate - shipped = {gain:+d} images (>= +6)")
    for set_name in SETS:
        for col in ONE if set_name.startswith("one") else TWO:
            c, s = images(cand, set_name, col), images(shipped, set_name, col)
            check(c >= s - TOLERANCE_IMAGES, f"3 {set_name} {col}: {c} >= {s} - {TOLERANCE_IMAGES} (of {n * len(logs)})")
    return check.ok


def choose(logs: list[str], n: int) -> None:
    parsed = [parse(p) for p in logs]
    for model in parsed[0][2]:
        total = sum(round(rows[(model, s)]["shapes"] * n) for rows, _, _ in parsed for s in SETS[2:])
        print(f"{model:<30} two-object shapes, three sets x {len(logs)} logs: {total} of {3 * n * len(logs)}")


def main() -> int:
    ap = rule_parser(__doc__)
    ap.add_argument("--choose", action="store_true", help="print the candidates' two-object shapes totals")
    ap.add_argument("--candidate", default="",
                    help="judge this model of the logs (default: the third; round 38 judged each of several)")
    args = ap.parse_args()
    if args.choose:
        choose(args.logs, args.n)
        return 0
    passed = decide(args.logs, args.n, args.candidate)
    print("\nSHIP" if passed else "\nNOT SHIPPED")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
