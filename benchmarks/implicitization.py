"""Benchmark: implicit equations of function spaces, lcnalg against sympy, Singular, Macaulay2.

Each (architecture, system) pair runs as one child process with a timeout; wall seconds
include process start, memory is the child's own peak RSS (see ``benchmarks/cas.py``).
The systems must agree on the number and degrees of minimal generators, the dimension and
the degree wherever both finished, and lcnalg's equations must generate Singular's ideal
(checked exactly by Singular: each set reduces to zero modulo a standard basis of the
other); a disagreement is printed and recorded.

Usage::

    python benchmarks/implicitization.py [--cases "2,2 s=2" "3x3,2x2" ...] [--timeout 300]
        [--systems lcnalg,sympy,singular,m2] [--jobs 2] [--output benchmarks/RESULTS.md]
        [--json benchmarks/implicitization.json] [--install]

``singular`` runs both Singular routes (``eliminate`` and ``preimage``), ``m2`` runs the
Macaulay2 ``kernel``.  ``--install`` (as root) installs missing Singular / Macaulay2 with
``apt-get install -y singular macaulay2``; without it missing systems are reported as
"not installed".
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cas  # noqa: E402

#: The architectures of the benchmark, small to large.
CASES = (
    "2,2 s=2", "3,2 s=2", "2,2,2 s=2,2", "3,3 s=3", "2,3 s=3", "2,2,2 s=3,2", "2x2,2x2",
    "2x2,2x2 s=2x2", "2x2,2x2,2x2", "3x3,2x2", "2x3,3x2", "3,3,3 s=2,2", "2,2,2,2 s=2,2,2",
    "4,4 s=2", "3x3,3x3",
    # sizes where Singular needs 0.1-10 s: 1D and 2D, strides, three to five layers
    "3,3,3 s=3,2", "3,3,3 s=2,3", "4,3,2 s=2,2", "3,2,2,2 s=2,2,2", "2,3,2,2 s=2,2,2",
    "2,2,2,2,2 s=2,2,2,2", "2x2,2x2 s=1x2", "2x1,2x2,1x2 s=2x2,1x1", "3x2,2x2 s=2x2",
    "2x2,2x2,2x1 s=2x2,1x1", "3x2,2x3 s=2x2", "2x2,3x3 s=2x2",
    # from a seeded random sweep against Singular: generators up to degree 6-8, where a default
    # run's work bound meets the last degree
    "1x2,3x3 s=2x1", "2,4,3,2 s=2,1,2", "4,4,4 s=1,2", "3,3,4,3 s=1,1,2",
    # elimination bases that reach above the degree the work bound refuses (generators of degree 8)
    "5,4,2,2 s=1,2,2", "4,5,4 s=1,2",
)

#: ``--systems`` names and the runs each stands for.
GROUPS = {
    "lcnalg": ("lcnalg",),
    "sympy": ("sympy",),
    "singular": ("singular-eliminate", "singular-preimage"),
    "m2": ("m2-kernel",),
}

BEGIN, END = "<!-- implicitization:begin -->", "<!-- implicitization:end -->"


def machine() -> dict[str, str]:
    """CPU model, number of processors, memory, OS."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
                break
    except OSError:
        pass
    return {"cpu": cpu, "nproc": str(os.cpu_count()), "memory": mem, "os": platform.platform()}


def install_cas(allowed: bool) -> None:
    """Install Singular and Macaulay2 with apt-get when missing, root and ``allowed``."""
    missing = [p for p, exe in (("singular", "Singular"), ("macaulay2", "M2")) if not shutil.which(exe)]
    if not missing:
        return
    if not allowed:
        print(f"not installed: {', '.join(missing)} (pass --install as root to apt-get them)")
        return
    if os.geteuid() != 0:
        print(f"--install needs root; {', '.join(missing)} stay not installed")
        return
    subprocess.run(["apt-get", "update"], check=False)
    subprocess.run(["apt-get", "install", "-y", *missing], check=False)


def _hist(h: dict | None) -> str:
    if not h:
        return "-" if h is None else "none"
    return " ".join(f"{v}×d{k}" for k, v in sorted((int(k), v) for k, v in h.items()))


def _fmt_sec(r: cas.Run) -> str:
    if r.status == "finished":
        return f"{r.seconds:.2f}"
    if r.status == "timeout":
        return f">{r.seconds:.0f} (timeout)"
    return r.status


def _invariants(r: cas.Run) -> tuple:
    return (r.ngens, tuple(sorted((int(k), v) for k, v in (r.degrees or {}).items())), r.dim, r.degree)


def _up_to(r: cas.Run, cut: int | None) -> tuple:
    """The invariants that a run with verdict ``complete up to degree cut`` shares with the whole
    ideal: the dimension and the generators of degree at most ``cut`` (all of them when
    ``cut`` is None)."""
    if cut is None:
        return _invariants(r)
    return (tuple(sorted((int(k), v) for k, v in (r.degrees or {}).items() if int(k) <= cut)), r.dim)


def agreement(runs: list[cas.Run]) -> list[str]:
    """Disagreements between finished runs on one architecture (empty when all agree); a run
    ``complete up to degree d`` is compared on the dimension and the generators of degree at
    most ``d`` only."""
    done = [r for r in runs if r.status == "finished"]
    problems = []
    for r in done[1:]:
        cuts = [c for c in (complete_degree(r.verdict), complete_degree(done[0].verdict)) if c is not None]
        cut = min(cuts, default=None)
        if _up_to(r, cut) != _up_to(done[0], cut):
            problems.append(
                f"{r.architecture}: {done[0].system} {_invariants(done[0])} != {r.system} {_invariants(r)}"
            )
    return problems


def complete_degree(verdict: str | None) -> int | None:
    """``d`` of a verdict ``complete up to degree d`` (None for any other verdict).

    >>> complete_degree("complete up to degree 7"), complete_degree("certified")
    (7, None)
    """
    prefix = "complete up to degree "
    return int(verdict[len(prefix):]) if verdict and verdict.startswith(prefix) else None


def _total_degree(poly: str) -> int:
    # deferred: only a verdict short of the whole ideal needs its generators' degrees
    import sympy

    return int(sympy.Poly(sympy.sympify(poly.replace("^", "**"))).total_degree())


def ideal_checks(results: dict[str, dict[str, cas.Run]], timeout: float) -> dict[str, bool | None]:
    """For each architecture where lcnalg and one of Singular's runs finished: whether
    lcnalg's equations generate exactly Singular's ideal (:func:`cas.same_ideal`, exact over
    Q); for a verdict ``complete up to degree d``, the ideal of Singular's generators of degree
    at most ``d`` (generators of higher degree add nothing in degrees up to ``d``, so that is
    the ideal generated by the whole ideal's part of degree at most ``d``); ``None`` where
    that check could not run."""
    out: dict[str, bool | None] = {}
    for arch, by_system in results.items():
        ref = by_system.get("lcnalg")
        other = next((by_system[s] for s in ("singular-eliminate", "singular-preimage")
                      if s in by_system and by_system[s].status == "finished" and by_system[s].gens), None)
        if ref is not None and ref.status == "finished" and other is not None:
            cut = complete_degree(ref.verdict)
            gens = other.gens if cut is None else [g for g in other.gens if _total_degree(g) <= cut]
            out[arch] = True if not gens and not ref.gens else cas.same_ideal(arch, ref.gens, gens, timeout)
    return out


def _same(value: bool | None, verdict: str | None = None) -> str:
    if value is None:
        return "-"
    cut = complete_degree(verdict)
    return ("yes" if value else "no") + (f" (degrees <= {cut})" if cut is not None else "")


def rows(results: dict[str, dict[str, cas.Run]], systems: list[str],
         same: dict[str, bool | None] | None = None) -> list[list[str]]:
    """Table rows: architecture, system, seconds, peak MB, generators, dim, degree, ratio,
    verdict, and (on lcnalg's row) whether its ideal is Singular's."""
    same = same or {}
    out = []
    for arch, by_system in results.items():
        ref = by_system.get("lcnalg")
        for s in systems:
            r = by_system.get(s)
            if r is None:
                continue
            ratio = "-"
            if (ref is not None and ref.status == "finished" and r.status == "finished"
                    and s != "lcnalg" and ref.seconds):
                ratio = f"{r.seconds / ref.seconds:.2f}"
            elif ref is not None and ref.status == "finished" and r.status == "timeout":
                ratio = f">{r.seconds / ref.seconds:.0f}"
            out.append([
                arch, s, _fmt_sec(r),
                f"{r.cpu_seconds:.2f}" if r.cpu_seconds is not None else "-",
                f"{r.peak_mb:.0f}" if r.peak_mb is not None else "-",
                str(r.ngens) if r.ngens is not None else "-", _hist(r.degrees),
                str(r.dim) if r.dim is not None else "-",
                str(r.degree) if r.degree is not None else "-", ratio,
                r.verdict or ("whole ideal" if r.status == "finished" else "-"),
                _same(same.get(arch), r.verdict) if s == "lcnalg" else "-",
            ])
    return out


HEADER = ["architecture", "system", "seconds", "CPU s", "peak MB", "ngens", "degrees", "dim", "degree",
          "time / lcnalg", "verdict", "ideal = Singular's"]


def print_table(table: list[list[str]]) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        widths = [max(len(x) for x in col) for col in zip(HEADER, *table)]
        for row in [HEADER] + table:
            print("  ".join(x.ljust(w) for x, w in zip(row, widths)))
        return
    t = Table(title="implicit equations: wall seconds (process start included), peak RSS")
    for h in HEADER:
        t.add_column(h)
    for row in table:
        t.add_row(*row)
    Console(width=max(140, shutil.get_terminal_size().columns)).print(t)


def markdown(table: list[list[str]], info: dict, versions: dict, command: str,
             problems: list[str], timeout: float, jobs: int, reused: list[str] = ()) -> str:
    lines = [
        BEGIN,
        "## Implicitization (`benchmarks/implicitization.py`)",
        "",
        f"- Date: {info['date']}",
        f"- Machine: {info['cpu']}, {info['nproc']} processors, {info['memory']} RAM, {info['os']}",
        "- Versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()),
        f"- Timeout {timeout:g} s per run, {jobs} run(s) at a time; seconds are wall time "
        "including process start; CPU s is the child's user + system time (less than wall time "
        "when the machine is shared); peak MB is the child's own `ru_maxrss`.",
        f"- Command: `{command}`",
        "- `degrees`: minimal generators as count×d(degree); `time / lcnalg`: ratio of wall times; "
        "`verdict`: lcnalg's (`certified`, or `complete up to degree d`); Singular's and Macaulay2's "
        "eliminations always return the whole ideal; `ideal = Singular's`: lcnalg's equations and "
        "Singular's generate the same ideal of Q[c] (each reduces to zero modulo a standard basis of the "
        "other, computed by Singular over Q); `(degrees <= d)` for a verdict `complete up to degree d`: "
        "the same ideal as Singular's generators of degree at most d; `-` where not both finished.",
        "- lcnalg runs `python -m lcnalg equations ARCH --json` (all generators, stopping rule, "
        "elimination certificate for small ideals) except: "
        + "; ".join(f"`{a}` with `{' '.join(v)}`" for a, v in LCNALG_CASE_ARGS.items())
        + " (every generator up to that degree, verdict 'complete up to degree d').",
    ]
    lines += [f"- Singular / M2 / sympy runs reused from {r}" for r in reused]
    lines += [
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join("---" for _ in HEADER) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in table]
    lines.append("")
    if problems:
        lines.append("**Disagreements:**")
        lines += [f"- {p}" for p in problems]
    else:
        lines.append("All systems that finished agree on ngens, degrees, dim and degree, and every "
                     "certified lcnalg ideal that could be compared is Singular's.")
    lines.append(END)
    return "\n".join(lines) + "\n"


#: Per-case arguments of the lcnalg runs: the three cases no CAS finishes are asked for
#: every generator up to degree 8 (verdict "complete up to degree 8"), on 2 processes;
#: 3x3,3x3 up to degree 6.  Stated in RESULTS.md next to the table.
LCNALG_CASE_ARGS = {
    "2x2,2x2,2x2": ["--max-degree", "8", "--jobs", "2"],
    "3x3,2x2": ["--max-degree", "8", "--jobs", "2"],
    "2x3,3x2": ["--max-degree", "8", "--jobs", "2"],
    "3x3,3x3": ["--max-degree", "6", "--jobs", "2"],
}


def update_results(path: Path, section: str) -> None:
    """Replace this benchmark's section of ``RESULTS.md`` (or append it)."""
    text = path.read_text() if path.exists() else "# lcnalg benchmark results\n\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        text = head + section.rstrip("\n") + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=list(CASES), help="architecture strings")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run (300)")
    parser.add_argument("--systems", default="lcnalg,sympy,singular,m2",
                        help="comma-separated: " + ",".join(GROUPS))
    parser.add_argument("--jobs", type=int, default=2, help="runs at a time (2)")
    parser.add_argument("--output", default=str(Path(__file__).resolve().parent / "RESULTS.md"),
                        help="Markdown file to update ('' for none)")
    parser.add_argument("--json", default="", help="also write the raw runs to this JSON file")
    parser.add_argument("--reuse", default="",
                        help="JSON file (as written by --json, e.g. benchmarks/baseline_cas.json): "
                             "take the runs it holds instead of running them again")
    parser.add_argument("--lcnalg-args", default="",
                        help="extra arguments for every 'lcnalg equations' run (e.g. '--jobs 2')")
    parser.add_argument("--install", action="store_true",
                        help="apt-get install Singular / Macaulay2 when missing (root only)")
    args = parser.parse_args(argv)

    systems: list[str] = []
    for name in args.systems.split(","):
        name = name.strip()
        if name not in GROUPS:
            parser.error(f"--systems: unknown system {name!r}; choose from {', '.join(GROUPS)}")
        systems += GROUPS[name]
    install_cas(args.install)

    results: dict[str, dict[str, cas.Run]] = {a: {} for a in args.cases}
    reused: list[str] = []
    if args.reuse:
        old = json.loads(Path(args.reuse).read_text())
        for a in args.cases:
            for s, d in old.get("runs", {}).get(a, {}).items():
                if s in systems and s != "lcnalg" and d["status"] in ("finished", "timeout"):
                    d = dict(d)
                    if d.get("degrees") is not None:
                        d["degrees"] = {int(k): v for k, v in d["degrees"].items()}
                    d.setdefault("cpu_seconds", None)
                    results[a][s] = cas.Run(**{k: v for k, v in d.items() if k in cas.Run.__dataclass_fields__})
        reused.append(f"{args.reuse} (measured {old.get('machine', {}).get('date', '?')}, "
                      f"timeout {old.get('timeout', '?')} s)")
    # longest cases first keeps both workers busy until the end
    order = [(a, s) for a in reversed(args.cases) for s in systems if s not in results[a]]
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        futures = {pool.submit(cas.run_system, s, a, args.timeout,
                               LCNALG_CASE_ARGS.get(a, []) + args.lcnalg_args.split()): (a, s)
                   for a, s in order}
        for fut in as_completed(futures):
            a, s = futures[fut]
            try:
                r = fut.result()
            except Exception as exc:  # a harness bug must not lose the other runs
                r = cas.Run(s, a, "error", message=repr(exc))
            results[a][s] = r
            print(f"{a:>18}  {s:<19} {r.status:<9} {_fmt_sec(r)}", flush=True)

    same = ideal_checks(results, args.timeout)
    table = rows(results, systems, same)
    print_table(table)
    problems = [p for a in args.cases for p in agreement([results[a][s] for s in systems])]
    problems += [f"{a}: lcnalg's equations ({results[a]['lcnalg'].verdict}) do not generate Singular's ideal"
                 for a, ok in same.items() if ok is False and results[a]["lcnalg"].verdict == "certified"]
    for p in problems:
        print("DISAGREEMENT:", p)
    info = machine()
    info["date"] = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    versions = cas.versions()
    command = "python benchmarks/implicitization.py " + " ".join(
        shlex.quote(x) for x in (sys.argv[1:] if argv is None else argv)
    )
    if args.json:
        Path(args.json).write_text(json.dumps(
            {"machine": info, "versions": versions, "command": command,
             "timeout": args.timeout, "jobs": args.jobs,
             "runs": {a: {s: r.summary() for s, r in by.items()} for a, by in results.items()}},
            indent=1))
    if args.output:
        update_results(Path(args.output),
                       markdown(table, info, versions, command.strip(), problems, args.timeout,
                                args.jobs, reused))
        print(f"updated {args.output}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
