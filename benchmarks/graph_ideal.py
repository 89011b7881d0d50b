"""Benchmark: the elimination Gröbner basis of the graph ideal alone (the main stage of the
elimination certificate, docs/theory.md#elimination-certificate).

For each architecture: the graph ideal ``<c - mu(w)>`` of the merged architecture, its reduced
Gröbner basis modulo the certificate's first prime for the block order ``w >> c``, as
``certify_by_elimination`` computes it (``GraphIdeal.elimination_basis``, the Hilbert function
of the quotient by layers refined by the positions along each axis).  Prints one Markdown row
per architecture: the best wall time of ``--repeat`` runs in this process, the entries of its
Macaulay matrices, the degree at which the refined counts were given up (``-``: kept), the
number of elements and a digest of the basis (equal digests: the same basis, so two versions
of the engine can be compared on their output as well as on their time).  With
``--layers-only`` the same elimination is also timed with the layers' Hilbert function alone
(no positions), in the same process, with the ratio of the two times.

Usage::

    python benchmarks/graph_ideal.py "4,3,3 s=2,2" "5,3,3 s=2,2" [--repeat 1] [--layers-only]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import time

from lcnalg.algebra.elimination_certificate import GraphIdeal
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization
from lcnalg.polys.modular import PRIMES_31


def run(arch: str, positions: bool = True) -> tuple[float, int, str, int, str]:
    """Seconds, elements, digest, matrix entries and the degree where the refinement was given
    up, of the graph ideal's elimination basis of ``arch`` (merged over C first, as the
    certificate does), modulo the certificate's first prime; without the positions' refinement
    when ``positions`` is false."""
    mu = Parameterization(arch)
    merged = mu.architecture.merged_over_c()
    if merged != mu.architecture:
        mu = Parameterization(merged)
    graph = GraphIdeal.of(mu)
    if not positions:
        graph = dataclasses.replace(graph, position_rows=())
    start = time.perf_counter()
    gb = graph.elimination_basis(PRIMES_31[0], limits=Limits(max_total_entries=10**11))
    seconds = time.perf_counter() - start
    digest = hashlib.sha1(repr(sorted(sorted(g.items()) for g in gb.polys)).encode()).hexdigest()[:12]
    stats = gb.stats or {}
    return (seconds, len(gb.polys), digest, int(stats.get("total_entries", 0)),
            str(stats.get("refinement_given_up_at_degree", "-")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="+", help="architecture strings")
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the best is printed (1)")
    parser.add_argument("--layers-only", action="store_true",
                        help="also time the elimination with the layers' Hilbert function alone")
    args = parser.parse_args()
    head = "| architecture | seconds | entries | refinement given up at | elements | digest |"
    if args.layers_only:
        head += " layers only: seconds | entries | digest | ratio |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for arch in args.cases:
        runs = [run(arch) for _ in range(max(1, args.repeat))]
        seconds = min(r[0] for r in runs)
        row = f"| `{arch}` | {seconds:.2f} | {runs[0][3]:,} | {runs[0][4]} | {runs[0][1]} | {runs[0][2]} |"
        if args.layers_only:
            plain = [run(arch, positions=False) for _ in range(max(1, args.repeat))]
            before = min(r[0] for r in plain)
            row += f" {before:.2f} | {plain[0][3]:,} | {plain[0][2]} | {before / seconds:.2f} |"
        print(row, flush=True)


if __name__ == "__main__":
    main()
