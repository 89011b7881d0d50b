"""Counting the complex critical points of a squared loss: lcnalg against Singular and Macaulay2.

For each architecture the loss is the seeded generic positive definite form (``--generic``,
seed 0).  The three systems count the same set: the critical points of the loss on lcnalg's
random affine chart of the rescaling torus at which the random minor combination ``g`` of the
Jacobian of μ does not vanish.

| label | what runs |
|---|---|
| `lcnalg` | `python -m lcnalg critical-points ARCH --generic --seed 0 --json` (F4 over the prime 1073741789 on the system with ``z h = 1``, then the points with ``g = 0`` split off by linear algebra on multiplication maps) |
| `singular` | `vdim(std(I))` over GF(32003) of ``I = ⟨∇ℓ, z g − 1⟩``, the script written by `lcnalg.export.singular.zero_dimensional_script` from lcnalg's own system |
| `m2` | the same ideal in Macaulay2 (`dim`, then the length of a basis of the quotient) |

Every run is a child process (wall time with process start, peak memory of the process);
the script checks that the finished counts agree and that lcnalg's count equals the generic
ED degree of the Segre variety when all strides are > 1 ([S24]), and exits 1 otherwise.

Run from the repository root::

    python benchmarks/critical_points.py                        # all cases, 600 s each
    python benchmarks/critical_points.py --cases "2,2 s=2" "3,3 s=2" --timeout 60
    python benchmarks/critical_points.py --install              # as root: apt-get install singular macaulay2
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import cas  # noqa: E402
from benchmarks.implicitization import install_cas, machine  # noqa: E402

CASES = ("2,2 s=2", "2,3 s=2", "3,3 s=2", "3,3 s=3", "2,2,2 s=2,2", "3,2,2 s=2,2", "2x2,2x2 s=2x2",
         "2x2,2x1", "4,4 s=2", "2x2,2x2", "2,2,2,2 s=2,2,2", "3,3,2 s=2,2")
BEGIN = "<!-- critical_points.py: begin -->"
END = "<!-- critical_points.py: end -->"
#: Bounds raised so that every case runs (the defaults refuse the largest ones up front).
RAISED = ["--max-critical-solutions", "100000000", "--max-matrix-entries", "2000000000",
          "--max-total-entries", "100000000000", "--max-quotient-dimension", "100000"]


def run_lcnalg(arch: str, timeout: float) -> dict:
    cmd = [sys.executable, "-m", "lcnalg", "critical-points", arch, "--generic", "--seed", "0", "--json", *RAISED]
    status, sec, code, peak, text, cpu = cas.run_process(cmd, timeout, cwd=str(ROOT))
    out = {"system": "lcnalg", "status": status, "seconds": sec, "peak_mb": peak}
    if status == "exited" and code == 0:
        try:
            data = json.loads(text[text.index("{"):text.rindex("}") + 1])
            out.update(count=data["complex_critical_points"], segre=data["ed_degree_segre"],
                       mu_critical=data.get("mu_critical_points"), status="finished")
        except (ValueError, KeyError) as exc:
            out.update(status="error", message=f"unreadable output: {exc}")
    elif status == "exited":
        out.update(status="error", message=text.strip().splitlines()[-1][:200] if text.strip() else f"exit {code}")
    return out


def system_scripts(arch: str) -> tuple[str, str]:
    """The Singular and Macaulay2 scripts of lcnalg's saturated system for ``arch``."""
    from lcnalg import Architecture
    from lcnalg.export.macaulay2 import zero_dimensional_m2_script
    from lcnalg.export.singular import zero_dimensional_script
    from lcnalg.landscape import QuadraticLoss
    from lcnalg.landscape.critical_points import MODULUS, RANDOM_RANGE, critical_system

    a = Architecture.parse(arch)  # the loss of `critical-points --generic --seed 0`
    loss = QuadraticLoss.generic(a.ambient_dimension, seed=0)
    system = critical_system(a, loss, seed=0, random_range=min(RANDOM_RANGE, MODULUS - 1))  # as the CLI
    polys = list(system["gradient"]) + [system["saturation"]]
    names = list(system["free"]) + ["z"]
    return zero_dimensional_script(polys, names), zero_dimensional_m2_script(polys, names)


def run_cas(system: str, arch: str, script: str, timeout: float) -> dict:
    import shutil
    import tempfile

    program, args, suffix = {"singular": ("Singular", ["-q", "--no-rc"], ".sing"),
                             "m2": ("M2", ["--script"], ".m2")}[system]
    exe = shutil.which(program)
    if exe is None:
        return {"system": system, "status": "not installed"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"job{suffix}"
        path.write_text(script)
        status, sec, code, peak, text, cpu = cas.run_process([exe, *args, str(path)], timeout, cwd=tmp)
    out = {"system": system, "status": status, "seconds": sec, "peak_mb": peak}
    if status == "exited":
        vdim = [line.split()[-1] for line in text.splitlines() if line.startswith("LCNALG vdim")]
        if code == 0 and vdim:
            out.update(status="finished", count=int(vdim[0]))
        else:
            out.update(status="error", message=text.strip()[-200:])
    return out


def fmt(run: dict) -> str:
    if run["status"] == "finished":
        return f"{run['seconds']:.2f} s, {run['peak_mb']:.0f} MB"
    if run["status"] == "timeout":
        return f">{run['seconds']:.0f} s (timeout)"
    return run["status"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=list(CASES))
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--install", action="store_true", help="apt-get install singular macaulay2 (root)")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"),
                        help="RESULTS.md to update ('' to leave it)")
    args = parser.parse_args(argv)
    install_cas(args.install)
    rows, ok = [], True
    for arch in args.cases:
        lc = run_lcnalg(arch, args.timeout)
        sing_script, m2_script = system_scripts(arch)
        sing = run_cas("singular", arch, sing_script, args.timeout)
        m2 = run_cas("m2", arch, m2_script, args.timeout)
        counts = {r["system"]: r["count"] for r in (lc, sing, m2) if r.get("status") == "finished"}
        agree = len(set(counts.values())) <= 1
        strided = "s=" in arch and all(t != "1" for t in arch.split("s=")[1].replace("x", ",").split(","))
        segre_ok = lc.get("count") == lc.get("segre") if strided and "count" in lc else True
        ok &= agree and segre_ok
        ratio = {}
        for other in (sing, m2):
            if lc.get("status") == "finished" and other.get("status") in ("finished", "timeout"):
                sign = ">" if other["status"] == "timeout" else ""
                ratio[other["system"]] = f"{sign}{other['seconds'] / lc['seconds']:.2f}x"
        rows.append([arch, str(lc.get("count", "-")), str(lc.get("segre", "-")), str(lc.get("mu_critical", "-")),
                     fmt(lc), fmt(sing), ratio.get("singular", "-"), fmt(m2), ratio.get("m2", "-"),
                     "yes" if agree else "NO: " + json.dumps(counts)])
        print(" | ".join(rows[-1]), flush=True)
    header = ["architecture", "count", "Segre ED degree", "mu-critical set aside", "lcnalg", "Singular",
              "Singular / lcnalg", "Macaulay2", "M2 / lcnalg", "counts agree"]
    info = machine()
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    table += ["| " + " | ".join(r) + " |" for r in rows]
    command = "python benchmarks/critical_points.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    section = "\n".join([
        BEGIN, "## Critical points of the squared loss: `critical_points.py`", "",
        f"{time.strftime('%Y-%m-%d')}, {info['cpu']}, {info['nproc']} cores, {info['memory']}; "
        f"command `{command.strip()}`; timeout {args.timeout:.0f} s per run, one run at a time.", "",
        "Generic positive definite loss (seed 0); each system counts the critical points on lcnalg's "
        "random chart at which the random minor combination g does not vanish (Singular and Macaulay2: "
        "`vdim` of the ideal with `z g - 1`, over GF(32003); lcnalg: F4 over the prime 1073741789 with the cheap "
        "`z h - 1`, the points with g = 0 split off by linear algebra). Wall time includes process start.", "",
        *table, "", END, ""])
    print("\n".join(table))
    if args.output:
        cas.update_section(args.output, section, BEGIN, END)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
