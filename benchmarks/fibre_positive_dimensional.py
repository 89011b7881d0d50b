"""Membership through the fibre on filters whose fibre charts are positive-dimensional: how many the
zero-dimensional route left open (the module as of a given git revision) are now decided, and the time.

Sample (seeded): on each architecture, images of weights in {-1, 0, 1} (zero divisors and moving factors
give positive-dimensional charts) and sparse random filters in {-1, ..., 2}, kept when the
zero-dimensional route of ``--before`` leaves them open (a positive-dimensional chart, no real point
elsewhere).  Run from the repository root:

    python benchmarks/fibre_positive_dimensional.py --seed 20 --per-arch 8 --before d658cb2

and, against the route that decided only complete intersections (f943396), on architectures with
wrap-around or zero divisors whose charts need more equations than their codimension:

    python benchmarks/fibre_positive_dimensional.py --seed 20 --per-arch 6 --before f943396 \
        --archs "C3: 2,2,2" "C3xC2: 2,2,2" "D4: 2,2,2" "S3: 2,2,2" "C4: 2,3" "C3: 2,2,2,2"

A refusal by a bound (``ResourceLimitError``) counts as open.

Prints one markdown table (architecture, filters, open before, decided after: contained / not contained,
still open, seconds before / after, the largest after) and the per-filter rows with --verbose.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import subprocess
import sys
import tempfile
import time

from lcnalg.groups import GroupConvParameterization
from lcnalg import ResourceLimitError
from lcnalg.groups.fibre_membership import FibreDecision, fibre_membership

ARCHS = ["S3: 3,2", "S3: 3,3", "D4: 3,3", "S3: 2,3,2", "C6: 3,3 s=2", "C6: 4,2 s=3", "C3: 2,3", "C3: 2,2,2",
         "C4: 3,3", "C3xC2: 2,2,2", "D4: 2,2,2"]


def old_module(revision: str):
    """lcnalg.groups.fibre_membership as of ``revision`` (it imports only stable lcnalg names)."""
    text = subprocess.run(["git", "show", f"{revision}:lcnalg/groups/fibre_membership.py"], check=True,
                          capture_output=True, text=True).stdout
    path = tempfile.NamedTemporaryFile("w", suffix=".py", delete=False)
    path.write(text)
    path.close()
    spec = importlib.util.spec_from_file_location("fibre_membership_before", path.name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module            # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def sample(arch: str, rng: random.Random, count: int, old) -> list[list[int]]:
    """Filters the route of ``old`` leaves open (a positive-dimensional chart and no real point elsewhere)."""
    mu = GroupConvParameterization(arch)
    out, seen, tries = [], set(), 0
    while len(out) < count and tries < 40 * count:
        tries += 1
        if tries % 2:
            f = list(mu.evaluate([rng.choice([-1, 0, 0, 1]) for _ in range(mu.num_parameters)]))
        else:
            f = [rng.choice([-1, 0, 0, 0, 1, 2]) for _ in range(mu.architecture.order)]
        key = tuple(f)
        if not any(f) or key in seen:
            continue
        seen.add(key)
        try:
            open_before = old.fibre_membership(mu, f).contained is None
        except ResourceLimitError:
            open_before = True
        if open_before:
            out.append([int(x) for x in f])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--per-arch", type=int, default=8)
    ap.add_argument("--before", default="d658cb2", help="git revision of the zero-dimensional-only route")
    ap.add_argument("--archs", nargs="*", default=ARCHS)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    old = old_module(args.before)
    rng = random.Random(args.seed)
    print("| architecture | filters | open before | contained after | not contained after | still open | "
          "seconds before (sum) | seconds after (sum) | slowest after |")
    print("|---|---|---|---|---|---|---|---|---|")
    totals = [0, 0, 0, 0, 0]
    for arch in args.archs:
        filters = sample(arch, rng, args.per_arch, old)
        opened = yes = no = still = 0
        before = after = slowest = 0.0
        for f in filters:
            t = time.perf_counter()
            try:
                d0 = old.fibre_membership(arch, f)
            except ResourceLimitError as err:
                d0 = FibreDecision(None, str(err))
            before += time.perf_counter() - t
            t = time.perf_counter()
            try:
                d1 = fibre_membership(arch, f)
            except ResourceLimitError as err:          # a bound refused it: still open
                d1 = FibreDecision(None, str(err))
            dt = time.perf_counter() - t
            after += dt
            slowest = max(slowest, dt)
            if d0.contained is not None:
                assert d1.contained is d0.contained, (arch, f)
                continue
            opened += 1
            yes += d1.contained is True
            no += d1.contained is False
            still += d1.contained is None
            if args.verbose:
                print(f"  {arch} {f}: {d1.contained} {dt:.2f} s {d1.reason[:160]}", file=sys.stderr)
        for i, v in enumerate((len(filters), opened, yes, no, still)):
            totals[i] += v
        print(f"| {arch} | {len(filters)} | {opened} | {yes} | {no} | {still} | {before:.2f} | {after:.2f} | "
              f"{slowest:.2f} |", flush=True)
    print(f"| all | {totals[0]} | {totals[1]} | {totals[2]} | {totals[3]} | {totals[4]} | | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
