"""Hessian ranks of CNNs with channels at scale: lcnalg's routes against numpy's float64 SVD rank.

For each architecture (channels, one output position, ``N = d_0 + 1`` seeded random samples, the
seeded point of :func:`lcnalg.hessian.hessian_rank`), a child process times

* ``lcnalg sketch``: ``hessian_rank(arch, method="sketch")`` — the Hessian in its block
  structure modulo ``2^61 − 1`` and the ranks of ``Sᵀ H S`` (what ``auto`` runs beyond 300
  weights), end to end;
* ``lcnalg modular``: ``hessian_rank(arch, method="modular")`` — the ``n × n`` matrices
  assembled modulo the prime, ranked by ``nmod_mat`` (where ``n² ≤ --max-dense``);
* ``numpy``: the float64 Hessian assembled from the same exact blocks (over Q, conversion not
  timed) and ``numpy.linalg.matrix_rank`` (SVD), where ``n² ≤ --max-dense``.

Both on one thread (``OPENBLAS_NUM_THREADS=1``).  The ranks are compared; the table goes to
``benchmarks/RESULTS.md`` between its markers.

Run from the repository root::

    python benchmarks/hessian_scale.py            # all cases, writes its section of RESULTS.md
    python benchmarks/hessian_scale.py --quick    # two small cases, print only
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CASES = ("3,3,3 c=1,8,8,1", "3,3,3 c=1,16,16,1", "3x3,3x3,3x3 c=1,8,8,1", "3,3,3 c=1,32,32,1",
         "3x3,3x3,3x3 c=1,16,16,1", "3,3,3 c=1,48,48,1", "3,3,3 c=1,64,64,1")
QUICK = ("3,3,3 c=1,8,8,1", "3,3,3 c=1,16,16,1")
BEGIN = "<!-- hessian_scale.py: begin -->"
END = "<!-- hessian_scale.py: end -->"


def child(arch: str, max_dense: int) -> dict:
    """One case, in this process."""
    import resource

    from lcnalg.hessian import hessian_rank
    from lcnalg.limits import Limits

    limits = Limits(max_hessian_entries=10**8)
    out: dict = {"architecture": arch}
    t = time.perf_counter()
    r = hessian_rank(arch, method="sketch", limits=limits)
    out["sketch_s"] = time.perf_counter() - t
    out["n"] = r.num_parameters
    out["sketch"] = [r.rank_loss, r.rank_outer, r.rank_functional]
    out["certified"] = r.certified_parts
    out["bound"] = [r.bounds["blocks"][p] for p in ("loss", "outer", "functional")]
    if r.num_parameters ** 2 <= max_dense:
        t = time.perf_counter()
        m = hessian_rank(arch, method="modular", limits=limits)
        out["modular_s"] = time.perf_counter() - t
        out["modular"] = [m.rank_loss, m.rank_outer, m.rank_functional]
        out["numpy_s"], out["numpy"] = _numpy_ranks(arch, limits)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _numpy_ranks(arch: str, limits) -> tuple[float, list[int]]:
    """numpy's SVD ranks of the float64 Hessians at hessian_rank's point (assembly not timed)."""
    import random
    from fractions import Fraction

    import numpy as np

    from lcnalg.hessian import convolution_hessian, convolution_layers
    from lcnalg.hessian.rank import seeded_data, seeded_point

    rng = random.Random(0)  # the same data and point as hessian_rank(seed=0)
    layers = convolution_layers(arch, limits=limits)
    d0 = layers[0].cols
    inputs, targets = seeded_data(layers, d0 + 1, rng)
    X = [list(col) for col in zip(*inputs)]
    Y = [list(col) for col in zip(*targets)]
    theta = seeded_point(layers, rng)
    H = convolution_hessian(layers, theta, X, Y, limits=limits)
    mats = [H.loss(), H.outer(), H.functional()]
    floats = [np.array([[float(Fraction(int(e.p), int(e.q))) for e in row] for row in M.table()]) for M in mats]
    t = time.perf_counter()
    ranks = [int(np.linalg.matrix_rank(F)) for F in floats]
    return time.perf_counter() - t, ranks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="+", default=None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--max-dense", type=int, default=2600 ** 2,
                        help="largest n^2 for the modular and numpy routes")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    parser.add_argument("--child", nargs=2, metavar=("ARCH", "MAX_DENSE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]))))
        return 0
    cases = args.cases or (QUICK if args.quick else CASES)
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    rows = []
    for arch in cases:
        proc = subprocess.run([sys.executable, __file__, "--child", arch, str(args.max_dense)], env=env,
                              capture_output=True, text=True)
        if proc.returncode:
            print(f"{arch}: failed: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            continue
        r = json.loads(proc.stdout)
        rank = lambda v: "/".join(map(str, v)) if v else "-"  # noqa: E731
        agree = "-" if "numpy" not in r else ("yes" if r["numpy"] == r["sketch"] == r["modular"] else "no")
        row = (f"| {arch} | {r['n']} | {rank(r['sketch'])} | {rank(r['bound'])} | "
               f"{'/'.join('yes' if r['certified'][p] else 'no' for p in ('loss', 'outer', 'functional'))} | "
               f"{r['sketch_s']:.2f} | {r.get('modular_s', float('nan')):.2f} | "
               f"{rank(r.get('modular'))} | {r.get('numpy_s', float('nan')):.2f} | {rank(r.get('numpy'))} | "
               f"{agree} | {r['peak_mb']:.0f} |")
        print(row, flush=True)
        rows.append(row)
    command = "python benchmarks/hessian_scale.py" + ("" if args.cases is None and not args.quick else
                                                     " " + " ".join(shlex.quote(a) for a in sys.argv[1:]))
    table = "\n".join([
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; command `{command}`. One child process per case "
        "(OPENBLAS_NUM_THREADS=1); N = d_0 + 1 seeded samples, one output position, the seeded point of "
        "`hessian_rank`. 'sketch': `hessian_rank(method=\"sketch\")` end to end (block structure mod 2^61-1, "
        "ranks of S^T H S); 'modular': the n x n matrices mod p ranked by nmod_mat, end to end; 'numpy': "
        "`numpy.linalg.matrix_rank` of the float64 matrices (assembly from the exact blocks not timed), "
        "run where n^2 <= --max-dense. Ranks are H_L/H_o/H_F; 'bound' is the proved block/data bound; "
        "peak MB the child's ru_maxrss.", "",
        "| architecture | weights | sketch ranks | proved bound | certified | sketch s | modular s | "
        "modular ranks | numpy SVD s | numpy ranks | agree | peak MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|", *rows])
    print(table)
    if args.output and not args.quick and args.cases is None:
        path = Path(args.output)
        text = path.read_text()
        section = f"{BEGIN}\n{table}\n{END}"
        if BEGIN in text:
            text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
        else:
            text += ("\n## Hessian ranks at scale: channels, the sketch against numpy "
                     "(`benchmarks/hessian_scale.py`)\n\n" + section + "\n")
        path.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
