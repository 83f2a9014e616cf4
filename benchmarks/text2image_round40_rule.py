"""Apply #19 round 40's rule (benchmarks/results/text2image_issue19_round40.md) to the logs of
`benchmarks/text2image.py --models ORIG,bundled,CANDIDATE --n 48 --seed S`.

    python benchmarks/text2image_round40_rule.py --tuning LOG_SEED2 LOG_SEED3
    python benchmarks/text2image_round40_rule.py LOG_SEED10 LOG_SEED11
    python benchmarks/text2image_round40_rule.py --summed-faint LOG_SEED12 LOG_SEED13   (round 40b)

Prints every check with PASS/FAIL and exits 0 only when all pass. Tables are read as round 37's rule reads them.
"""
from __future__ import annotations

import sys

from text2image_round37_rule import SETS, TARGETS, Checks, parse, rule_parser

CONTRAST_TOLERANCE = 0.05  # per one-object cell
FAINT_TOLERANCE = 0.06  # share, per one-object cell
FAINT_IMAGES = 4  # round 40b: images, the four one-object cells summed
BACKGROUND_IMAGES = 4  # background-less prompts, both draws summed
SHAPES_GAIN = 6  # images, four held-out two-object cells summed


def main() -> int:
    ap = rule_parser(__doc__)
    ap.add_argument("--tuning", action="store_true", help="only the tuning draws' flatness condition")
    ap.add_argument("--summed-faint", action="store_true",
                    help="round 40b: the faint guard over the four one-object cells summed, not per cell")
    args = ap.parse_args()
    parsed = [parse(p) for p in args.logs]
    orig, shipped, cand = parsed[0][2][:3]
    check = Checks()

    for log, (rows, times, _) in zip(args.logs, parsed):
        for set_name in SETS[2:]:
            c, o = rows[(cand, set_name)]["flatness"], rows[(orig, set_name)]["flatness"]
            check(c <= 0.5 * o, f"flatness {log} {set_name}: {c:.2f} <= 0.5 x {o:.2f} ({c / o:.2f}x)")
        if args.tuning:
            continue
        for set_name in SETS[:4]:
            for col, target in TARGETS[set_name[:3]].items():
                v = rows[(cand, set_name)][col]
                check(v >= target - 1e-9, f"1 target {log} {set_name} {col}: {v:.0%} >= {target:.0%}")
        check(times[cand] <= 1.0, f"1 time {log}: {times[cand]:.3f} CPU s <= 1 s")
        for set_name in SETS[:2]:
            c, s = rows[(cand, set_name)], rows[(shipped, set_name)]
            check(c["contrast"] >= s["contrast"] - CONTRAST_TOLERANCE - 1e-9,
                  f"3 contrast {log} {set_name}: {c['contrast']:.2f} >= {s['contrast']:.2f} - {CONTRAST_TOLERANCE}")
            if not args.summed_faint:
                check(c["faint"] <= s["faint"] + FAINT_TOLERANCE + 1e-9,
                      f"3 faint {log} {set_name}: {c['faint']:.0%} <= {s['faint']:.0%} + {FAINT_TOLERANCE:.0%}")
    if not args.tuning:
        def images(model: str, set_name: str, col: str) -> int:
            return sum(round(rows[(model, set_name)][col] * args.n) for rows, _, _ in parsed)

        gain = sum(images(cand, s, "shapes") - images(shipped, s, "shapes") for s in SETS[2:4])
        check(gain >= SHAPES_GAIN, f"2 two-object shapes, four held-out cells: {gain:+d} images (>= +{SHAPES_GAIN})")
        if args.summed_faint:
            c, s = (sum(images(m, set_name, "faint") for set_name in SETS[:2]) for m in (cand, shipped))
            check(c <= s + FAINT_IMAGES, f"3 faint, four one-object cells: {c} <= {s} + {FAINT_IMAGES} images")
        c, s = images(cand, SETS[4], "background"), images(shipped, SETS[4], "background")
        check(c >= s - BACKGROUND_IMAGES, f"3 no background, background right: {c} >= {s} - {BACKGROUND_IMAGES}")
    print("\nPASS" if check.ok else "\nFAIL")
    return 0 if check.ok else 1


if __name__ == "__main__":
    sys.exit(main())
