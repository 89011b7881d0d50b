"""Benchmark: where the CPU time of ``lcnalg equations ARCH --jobs 1`` goes, stage by stage.

The functions of each stage are wrapped (by module and name, also where another module
imported them) to add up their ``time.process_time``; a stage nested in itself is counted
once.  Stages: the interpolation (sampling, the FLINT matrices built, ranks, echelon forms,
kernels, the stopping rule), the exact substitution check, the summary Gröbner basis, the
length certificate, the elimination certificate and, inside the F4 engine (all its runs, the
summary's too), the Gebauer–Möller update, the symbolic preprocessing (reducer rows, divisor
search, exponent rows), the blocks, the reductions and the Hilbert-function count.  The
wrappers cost a little (the reducer rows are called tens of thousands of times).

Usage::

    python benchmarks/equations_stages.py "2x2,2x2" "3x2,2x2 s=1x2"
    python benchmarks/equations_stages.py --certify "3x2,2x3 s=2x2"
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import io
import sys
import time
from collections import defaultdict

IMPL = "lcnalg.algebra.implicitization"
F4 = "lcnalg.polys.groebner._f4"
#: (module, qualified name, label)
STAGES = (
    (IMPL, "_run_degrees", "interpolation (all)"),
    ("lcnalg.parameterization", "Parameterization.sample_image", "  sampling"),
    ("lcnalg.polys.modmat", "nmod_matrix", "  FLINT matrices built (nmod_matrix)"),
    ("lcnalg.polys.modmat", "rank", "  ranks"),
    ("lcnalg.polys.modmat", "rref", "  echelon forms (also inside F4)"),
    ("lcnalg.polys.modmat", "kernel_reader", "  kernels"),
    (IMPL, "_stopping_rule", "  stopping rule"),
    (IMPL, "_verified_polynomials", "exact substitution check"),
    (IMPL, "_summarise", "summary Gröbner basis"),
    (IMPL, "length_certificate", "length certificate"),
    (IMPL, "certify_by_elimination", "elimination certificate (all)"),
    (IMPL, "graph_ideal", "  graph ideal setup"),
    (F4, "f4_homogeneous", "  F4, all runs (the summary's too)"),
    (F4, "gm_update", "    pair update (Gebauer–Möller)"),
    (F4, "_DegreeCache.row", "    symbolic preprocessing: rows"),
    (F4, "_first_divisors", "    symbolic preprocessing: divisors"),
    (F4, "_DegreeCache.exps", "    symbolic preprocessing: exponents"),
    (F4, "_blocks_and_order", "    blocks and order"),
    (F4, "_reduce_block_blas", "    reduction: BLAS blocks"),
    (F4, "_reduce_few_rows", "    reduction: sparse blocks"),
    (F4, "_block_entries", "    reduction: block entries (in BLAS blocks)"),
    (F4, "_HilbertSkip.complete", "    Hilbert count: complete"),
    (F4, "_HilbertSkip.found", "    Hilbert count: found"),
    (F4, "_reduce_tails", "    tails"),
    ("lcnalg.polys.groebner.basis", "GroebnerBasis.contains", "  membership"),
)


def instrument() -> tuple[dict[str, float], dict[str, int]]:
    """Wrap the stages' functions; returns the seconds and calls per label (filled as it runs)."""
    seconds: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    depth: dict[str, int] = defaultdict(int)
    wrapped = {}
    for module, qual, label in STAGES:
        owner = importlib.import_module(module)
        *path, name = qual.split(".")
        for part in path:
            owner = getattr(owner, part)
        f = getattr(owner, name, None)
        if f is None:
            continue

        def timed(*args, _f=f, _label=label, **kwargs):
            depth[_label] += 1
            start = time.process_time()
            try:
                return _f(*args, **kwargs)
            finally:
                depth[_label] -= 1
                if not depth[_label]:
                    seconds[_label] += time.process_time() - start
                    calls[_label] += 1

        setattr(owner, name, functools.wraps(f)(timed))
        wrapped[f] = getattr(owner, name)
    importlib.import_module("lcnalg.cli")
    for mod_name, mod in list(sys.modules.items()):  # names imported by other modules
        if mod_name.startswith("lcnalg") and mod is not None:
            for key, value in list(vars(mod).items()):
                with contextlib.suppress(TypeError):
                    if value in wrapped:
                        setattr(mod, key, wrapped[value])
    return seconds, calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archs", nargs="+")
    parser.add_argument("--certify", action="store_true", help="pass --certify (the elimination certificate "
                        "whatever the size of the ideal)")
    args = parser.parse_args()
    seconds, calls = instrument()
    from lcnalg.cli import main as cli  # deferred: after the wrappers are in place
    for arch in args.archs:
        seconds.clear()
        calls.clear()
        start, wall = time.process_time(), time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            cli(["equations", arch, "--jobs", "1"] + (["--certify"] if args.certify else []))
        print(f"## {arch}{' --certify' if args.certify else ''}: CPU {time.process_time() - start:.2f} s (wall {time.perf_counter() - wall:.2f} s)")
        for _, _, label in STAGES:
            if calls[label]:
                print(f"{label:48s} {seconds[label]:7.2f} s  ({calls[label]} calls)")


if __name__ == "__main__":
    main()
