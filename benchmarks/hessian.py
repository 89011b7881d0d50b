"""Exact Hessian ranks over Q against the float64 SVD rank of numpy, on the same matrices.

For each architecture (one channel, 1D and 2D, strides; one output position) and seed, a child
process builds the data, the targets and the point exactly as :func:`lcnalg.hessian.hessian_rank`
does (:func:`lcnalg.hessian.rank.seeded_data` with ``N = d_0 + 1`` samples and
:func:`lcnalg.hessian.rank.seeded_point`), forms the loss Hessian exactly
(:func:`lcnalg.hessian.loss_hessian`, over Q), and then, on the same six matrices (``H_L``,
``H_o``, ``H_F`` in the weights, and in the entries of the dense layer matrices, whose ranks
give the Toeplitz bound):

* ``exact``: ``fmpq_mat.rank()`` (FLINT, over Q) — what lcnalg reports;
* ``float64``: ``numpy.linalg.matrix_rank`` of the matrix converted entry by entry to float64
  (SVD, default tolerance ``σ_max · size · eps``); the conversion is not timed.

Both run on one thread (the child has ``OPENBLAS_NUM_THREADS=1``; FLINT is single-threaded by
default); each rank time is the least of up to five runs while they take under 0.2 s.

Columns: sizes, the ranks (``H_L/H_o/H_F``), whether they agree (and where they do not, the
singular value at the exact rank against numpy's tolerance, both relative to ``σ_max``), the
seconds of the exact Hessian's construction, of the exact ranks and of the SVD ranks, their
ratio, and the child's peak memory (``ru_maxrss``) and its growth above the child's memory after
its imports.

Run from the repository root::

    python benchmarks/hessian.py                    # all cases, writes its section of RESULTS.md
    python benchmarks/hessian.py --quick            # four small cases, print only
    python benchmarks/hessian.py --cases "8,8" "3x3,3x3" --seeds 0 1 2 --output ''
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import cas  # noqa: E402
from benchmarks.implicitization import machine  # noqa: E402

DEEP = [",".join(["2"] * L) for L in (6, 10, 12, 14, 16)]
CASES = ("2,2", "4,4", "8,8", "16,16", "24,24", "4,4,4 s=2,2", "3,3,3,3 s=2,2,2", *DEEP,
         "2x2,2x2", "3x3,3x3", "4x4,4x4", "3x3,3x3 s=2x2", "2x2,2x2,2x2,2x2")
QUICK = ("2,2", "8,8", "2x2,2x2", "3,3 s=2")
BEGIN = "<!-- hessian.py: begin -->"
END = "<!-- hessian.py: end -->"
PARTS = ("loss", "outer", "functional")


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(call):
    """``(value, seconds)``: the least of up to 5 runs while they take under 0.2 s in all."""
    best, spent, value = float("inf"), 0.0, None
    for _ in range(5):
        t = time.perf_counter()
        value = call()
        took = time.perf_counter() - t
        best, spent = min(best, took), spent + took
        if spent > 0.2:
            break
    return value, best


def child(arch: str, seed: int) -> dict:
    """One case, in this process: the exact Hessian, exact and float64 ranks, timings."""
    import numpy as np

    from lcnalg.hessian import architecture_layers, loss_hessian
    from lcnalg.hessian.rank import seeded_data, seeded_point

    np.linalg.matrix_rank(np.random.default_rng(0).normal(size=(50, 50)))  # load LAPACK before timing
    start_mb = _rss_mb()
    rng = random.Random(seed)
    layers = architecture_layers(arch)
    d0, K = layers[0].cols, layers[-1].rows
    N = d0 + 1
    inputs, targets = seeded_data(layers, N, rng)
    X = [[inputs[j][i] for j in range(N)] for i in range(d0)]
    Y = [[targets[j][i] for j in range(N)] for i in range(K)]
    theta = seeded_point(layers, rng)
    t = time.perf_counter()
    H = loss_hessian(layers, theta, X, Y)
    build = time.perf_counter() - t
    out = {"architecture": arch, "seed": seed, "build_seconds": build, "start_mb": start_mb}
    for where, mats in (("weights", (H.loss, H.outer, H.functional)),
                        ("dense", (H.dense_loss, H.dense_outer, H.dense_functional))):
        exact, exact_s = timed(lambda: [M.rank() for M in mats])
        floats = [np.array([float(e) for e in M.entries()], dtype=np.float64).reshape(M.nrows(), M.ncols())
                  for M in mats]
        approx, float_s = timed(lambda: [int(np.linalg.matrix_rank(F)) for F in floats])
        gaps = {}
        for part, F, r, a in zip(PARTS, floats, exact, approx):
            if r != a:
                s = np.linalg.svd(F, compute_uv=False)
                tol = s[0] * max(F.shape) * np.finfo(np.float64).eps
                gaps[part] = {"exact": r, "float": a, "sigma_at_rank": float(s[r - 1] / s[0]) if r else 0.0,
                              "sigma_after": float(s[r] / s[0]) if r < len(s) else 0.0,
                              "tolerance": float(tol / s[0]), "condition": float(s[0] / s[r - 1]) if r else 0.0}
        out[where] = {"size": mats[0].nrows(), "exact": exact, "float": approx, "exact_seconds": exact_s,
                      "float_seconds": float_s, "disagreements": gaps}
    return out


def run_case(arch: str, seed: int, timeout: float) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", arch, "--seed", str(seed)]
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    status, seconds, code, peak, text, _cpu = cas.run_process(cmd, timeout, cwd=str(ROOT), env=env)
    if status != "exited" or code != 0:
        return {"architecture": arch, "seed": seed, "status": status if status != "exited" else "error",
                "message": text.strip().splitlines()[-1][:200] if text.strip() else ""}
    data = json.loads(text[text.index("{"):text.rindex("}") + 1])
    data.update(status="finished", peak_mb=peak)
    return data


def rows_of(result: dict) -> list[list[str]]:
    arch, seed = result["architecture"], str(result["seed"])
    if result["status"] != "finished":
        return [[arch, seed, "-", "-", "-", "-", result["status"], "-", "-", "-", "-", "-"]]
    rows = []
    for where in ("weights", "dense"):
        w = result[where]
        gaps = w["disagreements"]
        agree = "yes" if not gaps else "; ".join(
            f"no: H_{ {'loss': 'L', 'outer': 'o', 'functional': 'F'}[p]} {g['exact']} vs {g['float']} "
            f"(sigma_r/sigma_1 = {g['sigma_at_rank']:.1e}, tol {g['tolerance']:.1e})" for p, g in gaps.items())
        ratio = w["exact_seconds"] / w["float_seconds"] if w["float_seconds"] > 0 else float("inf")
        rows.append([arch, seed, f"{where} {w['size']}x{w['size']}", "/".join(map(str, w["exact"])),
                     "/".join(map(str, w["float"])), agree,
                     f"{result['build_seconds']:.2f}" if where == "weights" else "-",
                     f"{w['exact_seconds']:.2g}", f"{w['float_seconds']:.2g}", f"{ratio:.2g}",
                     f"{result['peak_mb']:.0f}" if where == "weights" else "-",
                     f"{result['peak_mb'] - result['start_mb']:.0f}" if where == "weights" else "-"])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=None, help="architectures (default: the growing list)")
    parser.add_argument("--seeds", nargs="+", type=int, default=[0], help="seeds of data and point (default 0)")
    parser.add_argument("--quick", action="store_true", help="four small cases; print only unless --output is given")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per case (default 600)")
    parser.add_argument("--output", default=None, help="results file (default benchmarks/RESULTS.md; '' prints only)")
    parser.add_argument("--child", metavar="ARCH", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.seed)))
        return 0
    cases = args.cases or list(QUICK if args.quick else CASES)
    output = args.output if args.output is not None else ("" if args.quick else str(ROOT / "benchmarks" / "RESULTS.md"))
    header = ["architecture", "seed", "Hessian", "ranks over Q (H_L/H_o/H_F)", "float64 SVD ranks", "agree",
              "build H over Q s", "exact ranks s", "numpy ranks s", "exact / numpy", "peak MB", "MB above start"]
    rows, disagreements = [], []
    for arch in cases:
        for seed in args.seeds:
            result = run_case(arch, seed, args.timeout)
            for row in rows_of(result):
                rows.append(row)
                print(" | ".join(row), flush=True)
                if row[5].startswith("no"):
                    disagreements.append(row)
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]
    print("\n".join(table))
    print(f"{len(disagreements)} of {len(rows)} rows disagree")
    if output:
        info = machine()
        command = "python benchmarks/hessian.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
        section = "\n".join([
            BEGIN, "## Hessian ranks: exact over Q against the float64 SVD rank (`benchmarks/hessian.py`)", "",
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {info['cpu']}, {info['nproc']} cores; "
            f"command `{command.strip()}`. One child process per case: the loss Hessian at the seeded point of "
            "`hessian_rank` (N = d_0 + 1 random integer samples, one output position) formed exactly over Q; "
            "the same matrices ranked by FLINT (`fmpq_mat.rank`, exact) and by `numpy.linalg.matrix_rank` "
            "after conversion to float64 (SVD, tolerance sigma_max * size * eps; conversion not timed), both on "
            "one thread (OPENBLAS_NUM_THREADS=1), each time the least of up to 5 runs while under 0.2 s. "
            "'weights': H in the convolution weights (what `hessian-rank` reports); 'dense': H in the entries "
            "of the Toeplitz layer matrices (its ranks give the Toeplitz bound). Where the ranks differ, "
            "sigma_r / sigma_1 is the float singular value at the exact rank and tol numpy's threshold, "
            "both relative to sigma_1. Peak MB is the child's ru_maxrss; MB above start, its growth after "
            "the imports.", "",
            *table, "", END, ""])
        cas.update_section(output, section, BEGIN, END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
