"""Benchmark: singular locus of the neurovariety, lcnalg against Singular's Jacobian minors.

Each run is a fresh process started through :func:`cas.run_process` (wall seconds include
process start and imports; memory is the process's own peak RSS), with a timeout.  Both
compute ``dim Sing V`` by the Jacobian criterion on the same ideal ``I``:

* Singular: ``dim(std(I + minor(jacob(I), codim)))`` over GF(32003) -- all ``codim``-minors of
  the Jacobian of the equations and one Gröbner basis mod p (an upper bound on the dimension
  over Q, equal to it for all but finitely many p; no components).  ``I`` is written into the
  script by this benchmark (from :func:`lcnalg.algebra.implicitization.implicit_equations`,
  not timed for Singular);
* lcnalg: ``singular_locus(arch)`` (``method="auto"``: toric orbits, the birational route, or
  the certified sandwich of filter families and linear sections, then all minors when they do
  not meet), computing the implicit equations itself (timed).

The dimensions must agree wherever both finish; a disagreement is printed and recorded.  The
machine has few cores shared with other jobs: each case runs ``--repeat`` times and the median
is shown (a run that times out is not repeated).

Usage::

    python benchmarks/singular_locus.py [--cases "3,3 s=2" ...] [--timeout 120] [--repeat 3]
        [--output benchmarks/RESULTS.md] [--install]

``--install`` (as root) installs Singular with ``apt-get install -y singular`` when it is
missing, as the other benchmarks do; without it a missing Singular is reported as "not
installed".
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cas  # noqa: E402
from implicitization import machine  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

#: Architectures, small to large: 1D cases (two and three layers), 2D toric, birational and
#: sandwich cases, the 2D case with 77 equations whose minors are far beyond reach, and the
#: toric case with 24 coordinates whose 2^24 supports the face test once refused.
CASES = ("3,3 s=2", "4,2 s=2", "2,2,2 s=1,2", "3,2,2 s=2,2", "3,3,2 s=1,2", "3,2,3 s=2,2",
         "2x2,2x2", "2x2,2x2 s=2x2", "3x2,2x2 s=2x2", "3x1,2x2 s=2x2", "2x2,2x2 s=1x2", "3x3,2x2 s=2x2",
         "2x2,3x2 s=2x2")

BEGIN, END = "<!-- singular-locus:begin -->", "<!-- singular-locus:end -->"

LCNALG = """
import sys
from lcnalg.errors import ResourceLimitError
from lcnalg.singularities.singular_locus import singular_locus
try:
    r = singular_locus(sys.argv[1])
    print("LCNALG dim", r.dimension)
    print("LCNALG answer", r.dimension, "certified" if r.certified else str(r.status), f"({r.route})")
except ResourceLimitError as err:
    print("LCNALG answer refused:", str(err).split(";")[0][:120])
"""


def install_singular(allowed: bool) -> None:
    """Install Singular with apt-get when it is missing, as root and ``allowed``."""
    if shutil.which("Singular"):
        return
    if not allowed:
        print("not installed: singular (pass --install as root to apt-get it)")
        return
    if os.geteuid() != 0:
        print("--install needs root; singular stays not installed")
        return
    subprocess.run(["apt-get", "update"], check=False)
    subprocess.run(["apt-get", "install", "-y", "singular"], check=False)


def singular_script(arch: str) -> str:
    """A Singular script: the ring, the ideal of the implicit equations, the dimension of the
    ideal of the Jacobian criterion (``I`` plus all ``codim``-minors of its Jacobian)."""
    from lcnalg import FunctionSpace

    fs = FunctionSpace(arch)
    eqs = fs.implicit_equations()
    names = fs.parameterization.coordinate_names
    codim = fs.ambient_dimension - fs.dimension.value
    gens = ",\n".join(str(p).replace("**", "^") for p in eqs.equations)
    return (f"ring R = 32003, ({', '.join(names)}), dp;\nideal I = {gens};\n"
            f"ideal S = I + minor(jacob(I), {codim});\nprint(\"SINGULAR dim \" + string(dim(std(S))));\nquit;\n")


def timed(cmd: list[str], timeout: float, repeat: int, env: dict | None = None) -> dict:
    """Median wall seconds and peak MiB of ``repeat`` runs (one when it times out), its output."""
    runs = []
    for _ in range(max(repeat, 1)):
        status, sec, code, peak, text, cpu = cas.run_process(cmd, timeout, env=env)
        runs.append((sec, peak))
        if status == "timeout":
            return {"status": "timeout", "seconds": sec, "peak": peak, "text": text, "runs": 1}
        if code != 0:
            return {"status": "error", "seconds": sec, "peak": peak, "text": text[-300:], "runs": 1}
    return {"status": "finished", "seconds": statistics.median(s for s, _ in runs),
            "peak": max(p for _, p in runs), "text": text, "runs": len(runs)}


def field(text: str, key: str) -> str | None:
    for line in text.splitlines():
        if line.startswith(key + " "):
            return line[len(key) + 1:].strip()
    return None


HEADER = ("| architecture | lcnalg s | lcnalg MiB | lcnalg answer | Singular s | Singular MiB | "
          "Singular dim | ratio Singular/lcnalg |")


def compare(cases: list[str], lcnalg_code: str, script_for: Callable[[str], str], singular: str | None,
            timeout: float, repeat: int) -> tuple[list[str], list[str]]:
    """Run lcnalg (``lcnalg_code`` with the architecture as argument, printing ``LCNALG dim`` and
    ``LCNALG answer``) and Singular (``script_for(arch)``, printing ``SINGULAR dim``) on each case;
    returns the table rows (printed as they come) and the disagreements between certified answers."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rows, disagreements = [], []
    print(HEADER + "\n|---|---|---|---|---|---|---|---|", flush=True)
    for arch in cases:
        a = timed([sys.executable, "-c", lcnalg_code, arch], timeout, repeat, env)
        answer = field(a["text"], "LCNALG answer") or a["status"]
        if singular:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "case.sing"
                path.write_text(script_for(arch))
                b = timed([singular, "-q", str(path)], timeout, repeat)
            sdim = field(b["text"], "SINGULAR dim") if b["status"] == "finished" else None
            s_text = sdim if sdim is not None else (f"timeout ({timeout:.0f} s)" if b["status"] == "timeout"
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
    return rows, disagreements


def write_section(output: str, begin: str, end: str, title: str, command: str, repeat: int, how: list[str],
                  rows: list[str], disagreements: list[str]) -> None:
    """Replace (or append) the section between ``begin`` and ``end`` of the results file."""
    m = machine()
    section = "\n".join([
        begin, title, "", f"- Command: `{command}`",
        f"- Machine: {m['cpu']}, {m['nproc']} cpus shared with other jobs (timings are noisy: the median of "
        f"{repeat} runs is shown, a timeout is run once), {m['memory']}; {m['os']}. "
        f"Date: {_dt.date.today().isoformat()}.", *how,
        "", HEADER, "|---|---|---|---|---|---|---|---|", *rows, "",
        ("Disagreements: " + "; ".join(disagreements)) if disagreements else
        "The dimensions agree wherever both finish.", end, ""])
    cas.update_section(output, section, begin, end)


def arguments(argv: list[str] | None, doc: str, cases: tuple[str, ...]) -> argparse.Namespace:
    """The command line shared by the Singular comparisons (Singular installed first if asked)."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=list(cases), help="architecture strings")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run (120)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case, median shown (3)")
    parser.add_argument("--output", default=None, help="update this results file (markdown)")
    parser.add_argument("--install", action="store_true", help="apt-get install Singular when missing (root only)")
    args = parser.parse_args(argv)
    install_singular(args.install)
    return args


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv, __doc__, CASES)
    rows, disagreements = compare(args.cases, LCNALG, singular_script, shutil.which("Singular"), args.timeout,
                                  args.repeat)
    if args.output:
        command = "python benchmarks/singular_locus.py " + " ".join(shlex.quote(x) for x in (argv or sys.argv[1:]))
        write_section(args.output, BEGIN, END,
                      "## Singular locus against Singular's Jacobian minors (`benchmarks/singular_locus.py`)",
                      command, args.repeat, [
                          "- Wall seconds include process start and imports; lcnalg's include computing the implicit "
                          "equations, Singular gets them in its script. Memory: the process's own peak RSS.",
                          "- Singular: `dim(std(I + minor(jacob(I), codim)))` over GF(32003) (all minors, a Gröbner "
                          "basis mod p: an upper bound, equal for all but finitely many p). lcnalg: "
                          "`singular_locus(arch)`; `certified` = proved over Q (toric orbits; the birational route's "
                          "families; or the sandwich of certified families and an upper bound; `dim V - 1` needs no "
                          "computation)."], rows, disagreements)
    return 1 if disagreements else 0


if __name__ == "__main__":
    raise SystemExit(main())
