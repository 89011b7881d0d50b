"""Benchmark: critical locus of the parameterization, lcnalg against Singular's Jacobian minors.

Each run is a fresh process (wall seconds include process start and imports; memory is the
process's own peak RSS), with a timeout.  Both compute ``dim Crit μ`` in parameter space:

* Singular: ``dim(std(minor(jacob(F), dim M)))`` over GF(32003), ``F`` the coordinates of ``μ``
  written into the script (all maximal minors and one Gröbner basis mod p: an upper bound on
  the dimension over Q, equal to it for all but finitely many p);
* lcnalg: ``critical_locus(arch)`` (two layers: the critical families, proved without minors;
  otherwise the minors, with the families' lower bound).

The dimensions must agree wherever both finish; a disagreement is printed and recorded.

Usage::

    python benchmarks/critical_locus.py [--cases "4,4 s=3" ...] [--timeout 120] [--repeat 3]
        [--output benchmarks/RESULTS.md] [--install]
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import re
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cas  # noqa: E402
from implicitization import machine  # noqa: E402
from singular_locus import field, install_singular, timed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

#: Two-layer 1D and 2D cases (strides), then three layers.
CASES = ("3,3 s=2", "4,4 s=3", "5,3 s=2", "2x2,2x2", "2x2,2x2 s=2x2", "3x2,2x2 s=2x2", "2x3,3x2 s=1x2",
         "2,2,2 s=2,2", "3,2,2 s=2,2")

BEGIN, END = "<!-- critical-locus:begin -->", "<!-- critical-locus:end -->"

LCNALG = """
import sys
from lcnalg.errors import ResourceLimitError
from lcnalg.singularities.critical import critical_locus
try:
    r = critical_locus(sys.argv[1])
    print("LCNALG dim", r.dimension)
    print("LCNALG answer", r.dimension, "certified" if r.certified else str(r.status),
          "(families, no minor)" if not r.minors_formed else f"({r.num_minors} minors)")
except ResourceLimitError as err:
    print("LCNALG answer refused:", str(err).split(";")[0][:120])
"""


def singular_script(arch: str) -> str:
    """A Singular script: the ring of the weights, the coordinates of mu, the dimension of the
    ideal of its maximal minors."""
    from lcnalg import Parameterization
    from lcnalg.algebra.dimension import function_space_dimension

    mu = Parameterization(arch)
    names = [str(g) for g in mu.ring.gens()]
    short = {n: f"w{i}" for i, n in enumerate(names)}
    pattern = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))
    coords = [pattern.sub(lambda m: short[m.group(0)], str(c)).replace("**", "^") for c in mu.coordinates]
    rdim = function_space_dimension(mu).value
    return (f"ring R = 32003, ({', '.join(short.values())}), dp;\nideal F = {', '.join(coords)};\n"
            f"ideal M = minor(jacob(F), {rdim});\nprint(\"SINGULAR dim \" + string(dim(std(M))));\nquit;\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=list(CASES), help="architecture strings")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run (120)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case, median shown (3)")
    parser.add_argument("--output", default=None, help="update this results file (markdown)")
    parser.add_argument("--install", action="store_true", help="apt-get install Singular when missing (root only)")
    args = parser.parse_args(argv)
    install_singular(args.install)
    singular = shutil.which("Singular")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rows, disagreements = [], []
    header = ("| architecture | lcnalg s | lcnalg MiB | lcnalg answer | Singular s | Singular MiB | "
              "Singular dim | ratio Singular/lcnalg |")
    print(header + "\n|---|---|---|---|---|---|---|---|", flush=True)
    for arch in args.cases:
        a = timed([sys.executable, "-c", LCNALG, arch], args.timeout, args.repeat, env)
        answer = field(a["text"], "LCNALG answer") or a["status"]
        if singular:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "critical.sing"
                path.write_text(singular_script(arch))
                b = timed([singular, "-q", str(path)], args.timeout, args.repeat)
            sdim = field(b["text"], "SINGULAR dim") if b["status"] == "finished" else None
            s_text = sdim if sdim is not None else (f"timeout ({args.timeout:.0f} s)" if b["status"] == "timeout"
                                                    else b["status"])
            ratio_text = ("> " if b["status"] == "timeout" else "") + f"{b['seconds'] / a['seconds']:.2f}"
            s_cols = f"{b['seconds']:.2f} | {b['peak']:.0f} | {s_text} | {ratio_text}"
            ldim = field(a["text"], "LCNALG dim")
            if sdim is not None and ldim is not None and "certified" in answer and ldim != sdim:
                disagreements.append(f"{arch}: lcnalg {ldim}, Singular {sdim}")
        else:
            s_cols = "- | - | not installed | -"
        row = f"| {arch} | {a['seconds']:.2f} | {a['peak']:.0f} | {answer} | {s_cols} |"
        rows.append(row)
        print(row, flush=True)
    for d in disagreements:
        print("DISAGREEMENT", d)
    if args.output:
        m = machine()
        command = "python benchmarks/critical_locus.py " + " ".join(shlex.quote(x) for x in (argv or sys.argv[1:]))
        section = "\n".join([
            BEGIN, "## Critical locus against Singular's Jacobian minors (`benchmarks/critical_locus.py`)", "",
            f"- Command: `{command}`",
            f"- Machine: {m['cpu']}, {m['nproc']} cpus shared with other jobs (the median of {args.repeat} runs "
            f"is shown, a timeout is run once), {m['memory']}; {m['os']}. Date: {_dt.date.today().isoformat()}.",
            "- Wall seconds include process start and imports. Memory: the process's own peak RSS.",
            "- Singular: `dim(std(minor(jacob(F), dim M)))` over GF(32003), F the coordinates of mu. lcnalg: "
            "`critical_locus(arch)`; two layers are answered from the critical families without minors.",
            "", header, "|---|---|---|---|---|---|---|---|", *rows, "",
            ("Disagreements: " + "; ".join(disagreements)) if disagreements else
            "The dimensions agree wherever both finish.", END, ""])
        cas.update_section(args.output, section, BEGIN, END)
    return 1 if disagreements else 0


if __name__ == "__main__":
    raise SystemExit(main())
