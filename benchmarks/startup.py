"""Benchmark: start-up of a small ``lcnalg`` request, process start included.

Runs a command ``--runs`` times, each in a fresh process, and prints the median (and the
minimum and maximum) of its wall time and of its CPU time (user + system, from
``os.wait4``), then the same for the floors (``python -c pass``, ``import flint``, ``import
numpy``) so that a loaded machine can be told from a slow start.  With ``--importtime N``
it also runs the command N times under ``python -X importtime`` and prints the median of the
sum of the top-level imports' cumulative times, then those of the last run, largest first.
It does not edit ``RESULTS.md``.

Usage::

    python benchmarks/startup.py                                  # lcnalg equations "2,2 s=2", 15 runs
    python benchmarks/startup.py --runs 25 --importtime 5
    python benchmarks/startup.py --command lcnalg info "2,2 s=2"
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall and user + system seconds of one run of ``argv`` (output discarded)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(argv, stdout=devnull, stderr=devnull)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv!r} failed with status {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime


def summary(argv: list[str], runs: int) -> str:
    walls, cpus = zip(*(timed(argv) for _ in range(runs)))
    return (f"wall median {1000 * statistics.median(walls):6.0f} ms (min {1000 * min(walls):4.0f}, "
            f"max {1000 * max(walls):4.0f}); CPU median {1000 * statistics.median(cpus):6.0f} ms "
            f"(min {1000 * min(cpus):4.0f})")


def importtime(argv: list[str], top: int, runs: int) -> str:
    """The sum of the top-level cumulative import times under ``-X importtime`` (median of
    ``runs``), then the top-level imports of the last run, largest cumulative first."""
    totals = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", *argv], capture_output=True, text=True,
                              check=True)
        rows = []
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or line.count("|") != 2:
                continue
            self_us, cumulative, name = line[len("import time:"):].split("|")
            if not self_us.strip().isdigit():
                continue
            rows.append((len(name) - len(name.lstrip()) - 1, int(cumulative), name.strip()))
        top_level = [(cumulative, name) for depth, cumulative, name in rows if depth == 0]
        totals.append(sum(cumulative for cumulative, _ in top_level))
    lines = [f"imports: {statistics.median(totals) / 1000:.0f} ms median of {runs} (min {min(totals) / 1000:.0f}; "
             "sum of the top-level cumulative times)"]
    for cumulative, name in sorted(top_level, reverse=True)[:top]:
        lines.append(f"  {cumulative / 1000:7.1f} ms  {name}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--command", nargs=argparse.REMAINDER,
                        help='the command to time (default: lcnalg equations "2,2 s=2")')
    parser.add_argument("--importtime", type=int, default=0, metavar="N",
                        help="also N runs under -X importtime (0: none)")
    parser.add_argument("--no-floors", action="store_true", help="skip the floors")
    args = parser.parse_args()
    script = shutil.which("lcnalg", path=os.path.dirname(sys.executable)) or shutil.which("lcnalg")
    command = args.command or ([script] if script else [sys.executable, "-m", "lcnalg"]) + ["equations", "2,2 s=2"]
    print(f"{' '.join(command)}: {summary(command, args.runs)}")
    if not args.no_floors:
        for label, code in (("python -c pass", "pass"), ("import flint", "import flint"),
                            ("import numpy", "import numpy")):
            print(f"{label}: {summary([sys.executable, '-c', code], args.runs)}")
    if args.importtime:
        module_argv = ["-m", "lcnalg", *command[1:]] if command[0] == script else command[1:]
        print(importtime(module_argv, 12, args.importtime))


if __name__ == "__main__":
    main()
