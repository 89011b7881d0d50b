"""Benchmark: the elimination Gröbner basis of the graph ideal alone (the main stage of the
elimination certificate, docs/theory.md#elimination-certificate).

For each architecture: the graph ideal ``<c - mu(w)>`` of the merged architecture, its reduced
Gröbner basis modulo the certificate's first prime for the block order ``w >> c``, by the
function ``certify_by_elimination`` calls (``graph_elimination_basis``).  Prints
one Markdown row per architecture: the best wall time of ``--repeat`` runs in this process, the
number of elements, and a digest of the basis (equal digests: the same basis, so two versions
of the engine can be compared on their output as well as on their time).

Usage::

    python benchmarks/graph_ideal.py "4,3,3 s=2,2" "5,3,3 s=2,2" [--repeat 1]
"""

from __future__ import annotations

import argparse
import hashlib
import time

from lcnalg.algebra.implicitization import graph_elimination_basis
from lcnalg.parameterization import Parameterization
from lcnalg.polys.modular import PRIMES_31


def run(arch: str) -> tuple[float, int, str]:
    """Seconds, elements and digest of the graph ideal's elimination basis of ``arch`` (merged
    over C first, as the certificate does), modulo the certificate's first prime."""
    mu = Parameterization(arch)
    merged = mu.architecture.merged_over_c()
    if merged != mu.architecture:
        mu = Parameterization(merged)
    start = time.perf_counter()
    gb = graph_elimination_basis(mu, PRIMES_31[0])
    seconds = time.perf_counter() - start
    digest = hashlib.sha1(repr(sorted(sorted(g.items()) for g in gb.polys)).encode()).hexdigest()[:12]
    return seconds, len(gb.polys), digest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="+", help="architecture strings")
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the best is printed (1)")
    args = parser.parse_args()
    print("| architecture | seconds | elements | digest |")
    print("|---|---|---|---|")
    for arch in args.cases:
        runs = [run(arch) for _ in range(max(1, args.repeat))]
        seconds = min(r[0] for r in runs)
        print(f"| `{arch}` | {seconds:.2f} | {runs[0][1]} | {runs[0][2]} |", flush=True)


if __name__ == "__main__":
    main()
