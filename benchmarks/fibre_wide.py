"""group_conv_contains on architectures with dim M < N - (L - 1), where every non-empty fibre chart is
positive-dimensional and the fibre step used to be skipped: how many sampled filters are undecided before
(the fibre step skipped) and after (the fibre step run), and the time of the fibre step.

The fibre step is the last one for non-cyclic groups (and after the lifts for cyclic ones), so where it was
skipped (the "skipped before" column) a filter decided through it ("the real points of the fibre" in the
method) was undecided before; elsewhere the step ran before too.  Sample (seeded): images of weights in
{-1, 0, 1} and sparse random filters in {-1, ..., 2}.  Run from the repository root:

    python benchmarks/fibre_wide.py --seed 7 --per-arch 30
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.groups import GroupConvParameterization, group_conv_contains

ARCHS = ["C3xC2: 2,2,2", "S3: 2,2", "S3: 2,2,2", "D4: 2,2,2", "C3: 2,2,2", "C4: 2,3", "C4: 2,2,2,2"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-arch", type=int, default=30)
    ap.add_argument("--archs", nargs="*", default=ARCHS)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    print("| architecture | skipped before | filters | undecided before | decided by the fibre step (contained / "
          "not) | undecided after | slowest call reaching the fibre step (s) | seconds in all |")
    print("|---|---|---|---|---|---|---|---|")
    for arch in args.archs:
        mu = GroupConvParameterization(arch)
        dim = function_space_dimension(mu)
        skipped = dim.certified and dim.value < mu.num_parameters - (mu.architecture.num_layers - 1)
        n = yes = no = still = 0
        slowest = total = 0.0
        for k in range(args.per_arch):
            if k % 2:
                f = list(mu.evaluate([rng.choice([-1, 0, 0, 1]) for _ in range(mu.num_parameters)]))
            else:
                f = [rng.choice([-1, 0, 0, 0, 1, 2]) for _ in range(mu.architecture.order)]
            if not any(f):
                continue
            n += 1
            t = time.perf_counter()
            r = group_conv_contains(mu, f)
            total += time.perf_counter() - t
            fibre = (r.data or {}).get("fibre")
            if "real points of the fibre" in r.method:
                yes += r.contained is True
                no += r.contained is False
            still += r.contained is None
            if fibre is not None:
                slowest = max(slowest, time.perf_counter() - t)
        before = yes + no + still if skipped else still
        print(f"| {arch} | {'yes' if skipped else 'no'} | {n} | {before} | {yes} / {no} | {still} | {slowest:.2f} | "
              f"{total:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
