"""Benchmark: the elimination Gröbner basis of the graph ideal alone (the main stage of the
elimination certificate, docs/theory.md#elimination-certificate).

For each architecture: the graph ideal ``<c - mu(w)>`` of the merged architecture, its reduced
Gröbner basis modulo the certificate's first prime for the block order ``w >> c``, with the
layer multigrading and its Hilbert function, as ``certify_by_elimination`` computes it.  Prints
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

from lcnalg.algebra.implicitization import graph_ideal, graph_multigrading
from lcnalg.limits import DEFAULT_LIMITS
from lcnalg.parameterization import Parameterization
from lcnalg.polys.groebner import groebner_basis
from lcnalg.polys.modular import PRIMES_31
from lcnalg.polys.monomials import elimination


def run(arch: str) -> tuple[float, int, str]:
    """Seconds, elements and digest of the graph ideal's elimination basis of ``arch``."""
    mu = Parameterization(arch)
    merged = mu.architecture.merged_over_c()
    if merged != mu.architecture:
        mu = Parameterization(merged)
    N, n = mu.num_parameters, mu.ambient_dimension
    graph, _ = graph_ideal(mu)
    rows, hf = graph_multigrading(mu)
    start = time.perf_counter()
    gb = groebner_basis(graph, elimination(N), modulus=PRIMES_31[2], nvars=N + n, grading=rows,
                        hilbert_function=hf, limits=DEFAULT_LIMITS)
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
