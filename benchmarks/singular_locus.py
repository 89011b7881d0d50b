"""Benchmark: singular locus of the neurovariety, lcnalg vs Singular.

Usage: ``python benchmarks/singular_locus.py [--timeout S] [--cases ARCH ...]``.  Each run is a
fresh process (``python -c`` / ``Singular -q``), so wall times include process start and
imports (and, for lcnalg, computing the implicit equations).  Both compute ``dim Sing V`` by
the Jacobian criterion on the same ideal ``I`` (from ``implicit_equations()``):

* Singular: ``dim(std(I + minor(jacob(I), codim)))`` over GF(32003) -- all minors, one
  Gröbner basis mod p (an upper bound on the dimension over Q, equal for all but finitely
  many p; no components);
* lcnalg: ``singular_locus(arch)`` (``method="auto"``: toric orbits, or the certified
  sandwich of families and linear sections; components with dimensions, degrees for toric).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

CASES = ["3,3 s=2", "3,2,2 s=2,2", "2x2,2x2 s=2x2"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

LCNALG = """
import sys
from lcnalg.errors import ResourceLimitError
from lcnalg.singularities.singular_locus import singular_locus
try:
    r = singular_locus(sys.argv[1])
    comps = '; '.join(f"{c.name} dim {c.dimension}" + (' (component)' if c.component else '')
                      for c in r.components)
    print(r.dimension, ('certified' if r.certified else 'not certified'), r.route, '--', comps or 'no components')
except ResourceLimitError as err:
    print('refused', str(err).split(';')[0])
"""


def singular_script(arch: str) -> str:
    """A Singular script: ring, the ideal of implicit equations, dim of the Jacobian-criterion ideal."""
    from lcnalg import FunctionSpace

    fs = FunctionSpace(arch)
    eqs = fs.implicit_equations()
    names = fs.parameterization.coordinate_names
    codim = fs.ambient_dimension - fs.dimension.value
    gens = ",\n".join(str(p).replace("**", "^") for p in eqs.equations)
    return (f"ring R = 32003, ({', '.join(names)}), dp;\nideal I = {gens};\n"
            f"ideal S = I + minor(jacob(I), {codim});\nprint(dim(std(S)));\nquit;\n")


def timed(cmd: list[str], timeout: float) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                             env={**os.environ, "PYTHONPATH": ROOT})
        text = (out.stdout.strip().splitlines() or [out.stderr.strip()[:60]])[-1]
    except subprocess.TimeoutExpired:
        text = f"timeout ({timeout:.0f} s)"
    return time.perf_counter() - start, text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--cases", nargs="+", default=CASES)
    args = parser.parse_args()
    singular = shutil.which("Singular")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cpus, Python {platform.python_version()}, "
          f"{platform.platform()}")
    print("| architecture | lcnalg s | lcnalg answer | Singular s | Singular dim | ratio Singular/lcnalg |")
    print("|---|---|---|---|---|---|")
    for arch in args.cases:
        t1, a1 = timed([sys.executable, "-c", LCNALG, arch], args.timeout)
        if singular:
            with tempfile.NamedTemporaryFile("w", suffix=".sing", delete=False) as fh:
                fh.write(singular_script(arch))
            t2, a2 = timed([singular, "-q", fh.name], args.timeout)
            os.unlink(fh.name)
            ratio = (">" if a2.startswith("timeout") else "") + f"{t2 / t1:.2f}"
        else:
            t2, a2, ratio = float("nan"), "not installed", "-"
        print(f"| {arch} | {t1:.2f} | {a1} | {t2:.2f} | {a2} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
