"""Benchmark: a whole ideal certified by lcnalg where Singular and Macaulay2 hit a CPU-time limit.

Usage::

    python benchmarks/hard_certificate.py [--cases ARCH ...] [--cpu-limit 300] [--skip-cas]

For every case, ``lcnalg equations ARCH --json`` runs with the options listed in ``CASES`` (one
child process, wall and CPU time, peak memory) and its verdict is printed (``certified`` means an
exact proof that the equations generate the whole ideal, here the length certificate,
docs/theory.md#length-certificate).  Then Singular (``eliminate`` of the graph ideal, the
script of ``lcnalg equations ARCH --singular``) and Macaulay2 (``kernel`` of the ring map, the
script of ``lcnalg equations ARCH --m2``) run one after the other, each under a CPU-time limit
(``ulimit -t``, default 300 s) at ``nice 10``: on a shared machine a CPU limit, unlike a wall
clock, gives each system the same amount of computation whatever the load.  A run killed by the
limit is reported as ``> LIMIT s CPU``; one that finishes prints its CPU time, the number of
generators and the degree it found.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cas  # noqa: E402

#: Architecture -> the lcnalg options it needs (the bounds raised so that the length certificate
#: is attempted).  The candidates of benchmarks/RESULTS.md ("a certified ideal beyond Singular and
#: Macaulay2"): the largest certified ones and the nearest uncertified ones.
_RAISED = ("--max-total-entries", "200000000000", "--max-matrix-entries", "300000000")
CASES: dict[str, tuple[str, ...]] = {
    "3,3,6 s=2,2": _RAISED,
    "3,3,7 s=2,2": _RAISED,
    # the default work bound stops these before their quartics, which the certificate needs
    "3,3,8 s=2,2": ("--max-degree", "4", "--max-total-entries", "2000000000000", "--max-matrix-entries", "1000000000"),
    "3,3,9 s=2,2": ("--max-degree", "4", "--max-total-entries", "2000000000000", "--max-matrix-entries", "1000000000"),
    "4,3,5 s=2,2": _RAISED,
    "2,2,3,2,2 s=2,2,2,2": _RAISED,
    "4,4,4 s=2,2": (),
}


def lcnalg_run(arch: str, options: tuple[str, ...], timeout: float) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, "-m", "lcnalg", "equations", arch, "--json", "--no-progress", *options]
    status, sec, code, peak, text, cpu = cas.run_process(cmd, timeout, cwd=str(ROOT), env=env)
    out = {"status": status, "seconds": sec, "cpu": cpu, "peak": peak}
    if status == "timeout":
        return out
    try:
        data = json.loads(text[text.index("{"):text.rindex("}") + 1])
    except ValueError:
        out["status"] = f"error (exit {code})"
        return out
    out.update(status="finished", verdict=data["status"], ngens=data["num_generators"],
               degrees=dict(sorted(Counter(data["degrees"]).items())), dim=data["dimension"],
               variety_degree=data["variety_degree"], certificate=data["certificate"])
    return out


def cas_run(program: str, args: list[str], script: str, suffix: str, cpu_limit: int) -> dict:
    exe = shutil.which(program)
    if exe is None:
        return {"status": "not installed"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"job{suffix}"
        path.write_text(script)
        inner = f"ulimit -t {int(cpu_limit)}; exec nice -n 10 {shlex.quote(exe)} " + \
            " ".join(shlex.quote(a) for a in [*args, str(path)])
        # the wall-clock timeout only guards against a stuck process: the CPU limit decides
        status, sec, code, peak, text, cpu = cas.run_process(["bash", "-c", inner], 20 * cpu_limit + 60, cwd=tmp)
    out = {"seconds": sec, "cpu": cpu, "peak": peak}
    parsed = cas.parse_lcnalg_lines(text)
    if status == "exited" and code == 0 and parsed.get("ngens") is not None:
        out.update(status="finished", ngens=parsed["ngens"], degree=parsed.get("degree"))
    elif cpu >= cpu_limit - 1 or (code == -9 and cpu >= 0.95 * cpu_limit):
        # SIGKILL at the hard CPU limit; the CPU time read back can fall a few seconds short
        out["status"] = f"> {cpu_limit} s CPU (killed by the limit)"
    else:
        out["status"] = f"{status} (exit {code})"
    return out


def main() -> int:
    from lcnalg.export.macaulay2 import macaulay2_script
    from lcnalg.export.singular import singular_script

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", nargs="+", default=list(CASES), help="architectures (default: CASES)")
    ap.add_argument("--cpu-limit", type=int, default=300, help="CPU seconds for Singular and for M2")
    ap.add_argument("--lcnalg-timeout", type=float, default=1800.0, help="wall seconds for lcnalg")
    ap.add_argument("--skip-cas", action="store_true", help="run lcnalg only")
    args = ap.parse_args()
    print("| architecture | lcnalg options | lcnalg wall / CPU s | peak MB | generators | verdict | "
          f"Singular eliminate (CPU limit {args.cpu_limit} s) | peak MB | M2 kernel | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for arch in args.cases:
        options = CASES.get(arch, ())
        a = lcnalg_run(arch, options, args.lcnalg_timeout)
        if a["status"] == "finished":
            gens = " ".join(f"{v}×d{k}" for k, v in a["degrees"].items())
            lc = (f"{a['seconds']:.1f} / {a['cpu']:.1f}", f"{a['peak']:.0f}", gens, a["verdict"])
        else:
            lc = (a["status"], f"{a.get('peak', 0):.0f}", "–", "–")
        cells = []
        if not args.skip_cas:
            runs = (("Singular", ["-q", "--no-rc"], singular_script(arch, "eliminate"), ".sing"),
                    ("M2", ["--script"], macaulay2_script(arch), ".m2"))
            for program, pargs, script, suffix in runs:
                r = cas_run(program, pargs, script, suffix, args.cpu_limit)
                if r["status"] == "finished":
                    cells += [f"{r['cpu']:.1f} s CPU: {r['ngens']} generators, degree {r['degree']}",
                              f"{r['peak']:.0f}"]
                else:
                    cells += [r["status"], f"{r.get('peak', 0):.0f}"]
        else:
            cells = ["–"] * 4
        opts = " ".join(options) or "default"
        print(f"| {arch} | `{opts}` | " + " | ".join(lc) + " | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
