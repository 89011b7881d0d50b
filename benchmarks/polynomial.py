"""Benchmark: implicit equations and degree of polynomial networks (``σ(t) = t^r``), lcnalg
against Singular and Macaulay2 on the same ideal.

The ideal is the kernel of ``Q[c] → Q[w]``, ``c_m ↦ μ_m(w)``, where ``μ`` is
:class:`lcnalg.polynomial_parameterization.PolynomialParameterization` (the coefficients of
the output form, names as its ``coordinate_names``).

| label | what runs |
|---|---|
| `lcnalg` | `python -m lcnalg equations ARCH --json` (multigraded interpolation; verdict `certified` or `complete up to degree d`) |
| `singular-eliminate` | `lcnalg.export.singular.singular_script(arch, "eliminate")`: `eliminate` in `Q[w, c]` (weights 1 on `w`, `D = Σ r^(L−l)` on `c`), `mstd`, `dim`, `mult` |
| `singular-preimage` | `singular_script(arch, "preimage")`: `preimage` of 0 under `Q[c] → Q[w]` |
| `m2-kernel` | `lcnalg.export.macaulay2.macaulay2_script(arch)`: `kernel`, `mingens`, `dim`, `degree` |

Every run is a child process (``benchmarks/cas.py``): wall seconds include process start,
peak MB is the process's own ``ru_maxrss``.  Runs that finish in less than ``--repeat-below``
seconds are repeated ``--repeat`` times and the median wall and CPU times are reported (peak
MB: the largest).  For each architecture every finished CAS run is compared with lcnalg on
the number of minimal generators, their degrees, the dimension and the degree of V; any
difference is printed as ``MISMATCH`` (with lcnalg's verdict, so that generators beyond a
``complete up to degree d`` verdict are told apart from a contradiction of what lcnalg
proved) and the script exits with status 1.

Run from the repository root::

    python benchmarks/polynomial.py                                  # all cases, 300 s per run
    python benchmarks/polynomial.py --cases "2,2 r=2" "3,2 r=2" --systems lcnalg,singular --timeout 60
    python benchmarks/polynomial.py --install        # as root: apt-get install singular macaulay2 if missing
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import shlex
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import cas  # noqa: E402
from benchmarks.implicitization import _fmt_sec, _hist, install_cas, machine  # noqa: E402

#: The architectures: the r = 2 cases and the first r = 3 ones, then the larger r = 3 ones.
CASES = ("2,2 r=2", "2,2 s=2 r=3", "3,2 r=2", "2,2,2 r=2", "2,2,2 s=2,2 r=2",
         "2,2 r=3", "3,2 r=3", "2,2,2 s=2,2 r=3")

GROUPS = {
    "lcnalg": ("lcnalg",),
    "singular": ("singular-eliminate", "singular-preimage"),
    "m2": ("m2-kernel",),
}

BEGIN, END = "<!-- polynomial.py: begin -->", "<!-- polynomial.py: end -->"

HEADER = ["architecture", "system", "seconds", "in-process s", "runs", "CPU s", "peak MB", "ngens", "degrees", "dim",
          "degree", "lcnalg verdict", "time / lcnalg"]


#: lcnalg's whole-run bound raised, so that every row reaches its whole ideal (with the default,
#: ``2,2,2 s=2,2 r=3`` stops at "complete up to degree 2": its degree 3 is estimated at 2.1·10^12).
LCNALG_ARGS = ("--max-equations-work", str(10**15))


def timed(system: str, arch: str, timeout: float, repeat: int, repeat_below: float) -> tuple[cas.Run, int, list]:
    """Run ``system`` on ``arch``; repeat fast runs and keep the median times.

    Returns the run (median seconds and CPU seconds, largest peak), the number of runs and
    the invariants of every repetition (they must all be equal)."""
    first = cas.run_system(system, arch, timeout, LCNALG_ARGS)
    runs = [first]
    while (first.status == "finished" and len(runs) < repeat and first.seconds is not None
           and first.seconds < repeat_below):
        runs.append(cas.run_system(system, arch, timeout, LCNALG_ARGS))
    done = [r for r in runs if r.status == "finished"]
    out = first
    if len(done) == len(runs) and len(runs) > 1:
        out.seconds = statistics.median(r.seconds for r in runs)
        cpus = [r.cpu_seconds for r in runs if r.cpu_seconds is not None]
        out.cpu_seconds = statistics.median(cpus) if cpus else None
        out.peak_mb = max(r.peak_mb for r in runs if r.peak_mb is not None)
        inner = [r.inner_seconds for r in runs if r.inner_seconds is not None]
        out.inner_seconds = statistics.median(inner) if inner else None
    return out, len(runs), [invariants(r) for r in runs]


def invariants(r: cas.Run) -> tuple:
    """(ngens, degree histogram, dim, degree) of a run."""
    return (r.ngens, tuple(sorted((int(k), v) for k, v in (r.degrees or {}).items())), r.dim, r.degree)


def mismatches(by_system: dict[str, cas.Run]) -> list[str]:
    """Every difference between lcnalg and a finished CAS run (and between CAS runs)."""
    arch = next(iter(by_system.values())).architecture
    out = []
    done = {s: r for s, r in by_system.items() if r.status == "finished"}
    ref = done.get("lcnalg")
    cas_runs = [s for s in done if s != "lcnalg"]
    for s in cas_runs[1:]:
        if invariants(done[s]) != invariants(done[cas_runs[0]]):
            out.append(f"{arch}: {cas_runs[0]} {invariants(done[cas_runs[0]])} != {s} {invariants(done[s])}")
    if ref is None or not cas_runs:
        return out
    other = done[cas_runs[0]]
    verdict = ref.verdict or "?"
    complete = None
    if verdict.startswith("complete up to degree"):
        complete = int(verdict.rsplit(" ", 1)[1])
    parts = []
    if ref.degrees != other.degrees or ref.ngens != other.ngens:
        a, b = dict(ref.degrees or {}), dict(other.degrees or {})
        diff = {d: (a.get(d, 0), b.get(d, 0)) for d in sorted(set(a) | set(b)) if a.get(d, 0) != b.get(d, 0)}
        where = ""
        if complete is not None:
            low = [d for d in diff if d <= complete]
            where = (f"; in degree <= {complete}, which lcnalg proved complete: CONTRADICTION" if low
                     else f"; only in degree > {complete}, beyond lcnalg's verdict")
        parts.append(f"minimal generators lcnalg {ref.ngens} vs {other.system} {other.ngens}, "
                     "per degree (lcnalg, CAS) " + ", ".join(f"d{d}: {x}" for d, x in diff.items()) + where)
    if ref.dim != other.dim:
        parts.append(f"dimension lcnalg {ref.dim} vs {other.system} {other.dim}")
    if ref.degree != other.degree and ref.degree is not None:
        parts.append(f"degree lcnalg {ref.degree} vs {other.system} {other.degree}")
    if ref.variety_degree is not None and ref.variety_degree != other.degree:
        parts.append(f"degree of V from the fibre {ref.variety_degree} vs {other.system} {other.degree}")
    if parts:
        out.append(f"{arch} (lcnalg verdict: {verdict}): " + "; ".join(parts))
    return out


def notes(by_system: dict[str, cas.Run]) -> list[str]:
    """What lcnalg did not compute but a CAS did (not a mismatch)."""
    ref = by_system.get("lcnalg")
    done = [r for s, r in by_system.items() if s != "lcnalg" and r.status == "finished"]
    if ref is None or ref.status != "finished" or not done or ref.degree is not None:
        return []
    return [f"{ref.architecture}: lcnalg did not compute the degree ({ref.verdict}); "
            f"{done[0].system} gives {done[0].degree}"]


def table_rows(results: dict[str, dict[str, cas.Run]], counts: dict, systems: list[str]) -> list[list[str]]:
    out = []
    for arch, by_system in results.items():
        ref = by_system.get("lcnalg")
        for s in systems:
            r = by_system.get(s)
            if r is None:
                continue
            ratio = "-"
            if ref is not None and ref.status == "finished" and s != "lcnalg" and ref.seconds:
                if r.status == "finished":
                    ratio = f"{r.seconds / ref.seconds:.2f}"
                elif r.status == "timeout":
                    ratio = f">{r.seconds / ref.seconds:.0f}"
            out.append([
                arch, s, _fmt_sec(r), f"{r.inner_seconds:.2f}" if r.inner_seconds is not None else "-",
                str(counts.get((arch, s), 1)),
                f"{r.cpu_seconds:.2f}" if r.cpu_seconds is not None else "-",
                f"{r.peak_mb:.0f}" if r.peak_mb is not None else "-",
                str(r.ngens) if r.ngens is not None else "-", _hist(r.degrees),
                str(r.dim) if r.dim is not None else "-",
                str(r.degree) if r.degree is not None else "-",
                r.verdict if s == "lcnalg" and r.verdict else "-", ratio,
            ])
    return out


def print_table(table: list[list[str]]) -> None:
    widths = [max(len(x) for x in col) for col in zip(HEADER, *table)]
    for row in [HEADER] + table:
        print("  ".join(x.ljust(w) for x, w in zip(row, widths)))


def markdown(table, info, versions, command, problems, args, remarks=()) -> str:
    lines = [
        BEGIN,
        "## Polynomial networks: implicit equations and degree (`benchmarks/polynomial.py`)",
        "",
        f"- Date: {info['date']}",
        f"- Machine: {info['cpu']}, {info['nproc']} processors, {info['memory']} RAM, {info['os']}",
        "- Versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()),
        f"- Timeout {args.timeout:g} s per run, {args.jobs} run at a time; seconds are wall time including "
        f"process start, the median of `runs` runs for runs under {args.repeat_below:g} s; CPU s is the "
        "child's user + system time (median likewise); peak MB is the child's own `ru_maxrss` (largest "
        "of the runs).",
        f"- Command: `{command}`",
        "- `in-process s`: lcnalg's own `seconds` field (the computation without Python start-up and imports).",
        "- `degrees`: minimal generators as count×d(degree); `degree`: degree of `Q[c]/I` (lcnalg: of the "
        "ideal of the equations it found, the degree of V when certified); `time / lcnalg`: ratio of wall times.",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join("---" for _ in HEADER) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in table]
    lines.append("")
    if problems:
        lines.append("**MISMATCH:**")
        lines += [f"- {p}" for p in problems]
    else:
        lines.append("No mismatch: every CAS run that finished agrees with lcnalg on ngens, degrees, dim "
                     "and degree.")
    if remarks:
        lines.append("")
        lines += [f"- Note: {r}" for r in remarks]
    lines.append(END)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=list(CASES), help="architecture strings")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run (300)")
    parser.add_argument("--systems", default="lcnalg,singular,m2", help="comma-separated: " + ",".join(GROUPS))
    parser.add_argument("--repeat", type=int, default=3, help="runs of each fast case; the median is kept (3)")
    parser.add_argument("--repeat-below", type=float, default=30.0,
                        help="repeat only runs that finish in less than this many seconds (30)")
    parser.add_argument("--jobs", type=int, default=1, help="runs at a time (1; the machine's cores are shared)")
    parser.add_argument("--output", default=str(Path(__file__).resolve().parent / "RESULTS.md"),
                        help="Markdown file to update ('' for none)")
    parser.add_argument("--json", default="", help="also write the raw runs to this JSON file")
    parser.add_argument("--install", action="store_true",
                        help="apt-get install Singular / Macaulay2 when missing (root only)")
    args = parser.parse_args(argv)

    systems: list[str] = []
    for name in args.systems.split(","):
        if name.strip() not in GROUPS:
            parser.error(f"--systems: unknown system {name!r}; choose from {', '.join(GROUPS)}")
        systems += GROUPS[name.strip()]
    install_cas(args.install)

    results: dict[str, dict[str, cas.Run]] = {a: {} for a in args.cases}
    counts: dict = {}
    unstable: list[str] = []
    from concurrent.futures import ThreadPoolExecutor, as_completed

    order = [(a, s) for a in args.cases for s in systems]
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        futures = {pool.submit(timed, s, a, args.timeout, args.repeat, args.repeat_below): (a, s) for a, s in order}
        for fut in as_completed(futures):
            a, s = futures[fut]
            try:
                r, n, seen = fut.result()
            except Exception as exc:  # a harness bug must not lose the other runs
                r, n, seen = cas.Run(s, a, "error", message=repr(exc)), 1, []
            results[a][s], counts[(a, s)] = r, n
            if len(set(seen)) > 1:
                unstable.append(f"{a}: {s} gave different invariants on repetition: {seen}")
            print(f"{a:>18}  {s:<19} {r.status:<9} {_fmt_sec(r)}  (runs: {n})"
                  + (f"  {r.message[-300:]}" if r.status == "error" else ""), flush=True)

    table = table_rows(results, counts, systems)
    print_table(table)
    problems = unstable + [p for a in args.cases for p in mismatches(results[a])]
    for p in problems:
        print("*** MISMATCH ***", p)
    remarks = [n for a in args.cases for n in notes(results[a])]
    for n in remarks:
        print("note:", n)
    info = machine()
    info["date"] = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    versions = cas.versions()
    command = "python benchmarks/polynomial.py " + " ".join(
        shlex.quote(x) for x in (sys.argv[1:] if argv is None else argv))
    if args.json:
        Path(args.json).write_text(json.dumps(
            {"machine": info, "versions": versions, "command": command.strip(), "timeout": args.timeout,
             "runs": {a: {s: dict(r.summary(), runs=counts.get((a, s), 1)) for s, r in by.items()}
                      for a, by in results.items()}},
            indent=1))
    if args.output:
        cas.update_section(args.output, markdown(table, info, versions, command.strip(), problems, args, remarks),
                           BEGIN, END)
        print(f"updated {args.output}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
