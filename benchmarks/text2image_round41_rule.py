"""Apply #19 round 41's rule (benchmarks/results/text2image_issue19_round41.md) to the logs of
`benchmarks/text2image.py --models ORIG,bundled@fill=0,bundled@fill=1,CANDIDATE@fill=1 --n 48 --seed S`.

    python benchmarks/text2image_round41_rule.py LOG_SEED16 LOG_SEED17
    python benchmarks/text2image_round41_rule.py LOG_SEED18 LOG_SEED19     (round 41b: three models, part A only;
                                                                           also: no other set changes with the fill)

Prints every check of part A (the background fill on the shipped model) and part B (the candidate with the fill)
with PASS/FAIL; exits 0 when A passes, 2 when A and B pass, 1 when A fails.
"""
from __future__ import annotations

import statistics
import sys

from text2image_round37_rule import SETS, TARGETS, Checks, parse, rule_parser

FILL_GAIN = 10  # background right, images of 96
FILL_COST = 2  # images of 96, per other two-object column
SHAPES_GAIN, CONTRAST_TOLERANCE, FAINT_IMAGES, BACKGROUND_IMAGES = 6, 0.05, 4, 4


def speed_and_flatness(check: Checks, log: str, rows: dict, times: dict, orig: str, cand: str, speed: str,
                       flatness: str) -> None:
    """One draw's checks: 25 steps <= 1 CPU s, two-object flatness <= 0.5x the original model (rounds 41-42)."""
    # the speed table names models by their last 34 characters, the adherence table by their last 28
    cpu = next(t for name, t in times.items() if name.endswith(cand))
    check(cpu <= 1.0, f"{speed} time {log}: {cpu:.3f} CPU s <= 1 s")
    for set_name in SETS[2:]:
        c, o = rows[(cand, set_name)]["flatness"], rows[(orig, set_name)]["flatness"]
        check(c <= 0.5 * o, f"{flatness} flatness {log} {set_name}: {c:.2f} <= 0.5 x {o:.2f} ({c / o:.2f}x)")


def shapes_and_one_object_guards(check: Checks, parsed: list, images, shipped: str, cand: str, gain_label: str,
                                 guard_label: str) -> None:
    """The draws pooled: two-object shapes gain, one-object contrast and faint guards (rounds 41-42)."""
    gain = sum(images(cand, s, "shapes") - images(shipped, s, "shapes") for s in SETS[2:4])
    check(gain >= SHAPES_GAIN, f"{gain_label} two-object shapes, four held-out cells: {gain:+d} images "
          f"(>= +{SHAPES_GAIN})")
    for set_name in SETS[:2]:
        c, s = (statistics.mean(rows[(m, set_name)]["contrast"] for rows, _, _ in parsed) for m in (cand, shipped))
        check(c >= s - CONTRAST_TOLERANCE - 1e-9,
              f"{guard_label} contrast, {set_name}, mean of draws: {c:.3f} >= {s:.3f} - {CONTRAST_TOLERANCE}")
    c, s = (sum(images(m, set_name, "faint") for set_name in SETS[:2]) for m in (cand, shipped))
    check(c <= s + FAINT_IMAGES, f"{guard_label} faint, four one-object cells: {c} <= {s} + {FAINT_IMAGES} images")


def main() -> int:
    args = rule_parser(__doc__).parse_args()
    parsed = [parse(p) for p in args.logs]
    orig, without, shipped, *rest = parsed[0][2][:4]

    def images(model: str, set_name: str, col: str) -> int:
        return sum(round(rows[(model, set_name)][col] * args.n) for rows, _, _ in parsed)

    print("part A: the background fill on the shipped model")
    a = Checks()
    gain = images(shipped, SETS[4], "background") - images(without, SETS[4], "background")
    a(gain >= FILL_GAIN, f"A background right, no-background set: {gain:+d} images (>= +{FILL_GAIN})")
    for col in ("colours", "shapes", "relation"):
        d = images(shipped, SETS[4], col) - images(without, SETS[4], col)
        a(d >= -FILL_COST, f"A {col}, no-background set: {d:+d} images (>= -{FILL_COST})")
    for log, (rows, _, _) in zip(args.logs, parsed):  # round 41b: every other set is drawn the same with the fill
        for set_name in SETS[:4]:
            a(rows[(shipped, set_name)] == rows[(without, set_name)], f"A {log} {set_name}: every column unchanged")
    if not rest:
        print("A:", "PASS" if a.ok else "FAIL")
        return 0 if a.ok else 1
    cand = rest[0]

    print("part B: the candidate with the fill against the shipped model with it")
    b = Checks()
    for log, (rows, times, _) in zip(args.logs, parsed):
        for set_name in SETS[:4]:
            for col, target in TARGETS[set_name[:3]].items():
                v = rows[(cand, set_name)][col]
                b(v >= target - 1e-9, f"B1 target {log} {set_name} {col}: {v:.0%} >= {target:.0%}")
        speed_and_flatness(b, log, rows, times, orig, cand, "B1", "B2")
    shapes_and_one_object_guards(b, parsed, images, shipped, cand, "B3", "B4")
    c, s = images(cand, SETS[4], "background"), images(shipped, SETS[4], "background")
    b(c >= s - BACKGROUND_IMAGES, f"B4 no-background background right: {c} >= {s} - {BACKGROUND_IMAGES} of 96")
    print("A:", "PASS" if a.ok else "FAIL", " B:", "PASS" if b.ok else "FAIL")
    return 1 if not a.ok else (2 if b.ok else 0)


if __name__ == "__main__":
    sys.exit(main())
