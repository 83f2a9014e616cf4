"""Apply #19 round 42's rule (benchmarks/results/text2image_issue19_round42.md) to the logs of
`benchmarks/text2image.py --models ORIG,bundled,CANDIDATE@fill=1 --n 48 --seed S`, one per draw.

    python benchmarks/text2image_round42_rule.py LOG_SEED20 LOG_SEED21

Targets are judged per set on the draws pooled (images summed); every cell is printed too. Exits 0 only when every
check passes.
"""
from __future__ import annotations

import sys

from text2image_round37_rule import SETS, TARGETS, Checks, parse, rule_parser
from text2image_round41_rule import shapes_and_one_object_guards, speed_and_flatness

GUARD_IMAGES = 4


def main() -> int:
    args = rule_parser(__doc__).parse_args()
    parsed = [parse(p) for p in args.logs]
    orig, shipped, cand = parsed[0][2][:3]
    pooled_n = args.n * len(parsed)

    def images(model: str, set_name: str, col: str) -> int:
        return sum(round(rows[(model, set_name)][col] * args.n) for rows, _, _ in parsed)

    check = Checks()
    for set_name in SETS[:4]:
        for col, target in TARGETS[set_name[:3]].items():
            cells = " / ".join(f"{rows[(cand, set_name)][col]:.0%}" for rows, _, _ in parsed)
            shipped_cells = " / ".join(f"{rows[(shipped, set_name)][col]:.0%}" for rows, _, _ in parsed)
            got = images(cand, set_name, col)
            check(got >= target * pooled_n - 1e-9, f"1 target {set_name} {col}: {got} of {pooled_n} = "
                  f"{got / pooled_n:.1%} >= {target:.0%} (cells {cells}; shipped {shipped_cells})")
    for log, (rows, times, _) in zip(args.logs, parsed):
        speed_and_flatness(check, log, rows, times, orig, cand, "1", "2")
    shapes_and_one_object_guards(check, parsed, images, shipped, cand, "3", "4")
    for col in ("background", "colours", "shapes", "relation"):
        c, s = images(cand, SETS[4], col), images(shipped, SETS[4], col)
        check(c >= s - GUARD_IMAGES, f"4 no-background {col}: {c} >= {s} - {GUARD_IMAGES} of {pooled_n}")
    print("PASS" if check.ok else "FAIL")
    return 0 if check.ok else 1


if __name__ == "__main__":
    sys.exit(main())
