"""Benchmark: lcnalg's default implicit equations against Singular's ideal, generator by generator.

Usage::

    python benchmarks/ideal_check.py [--cases ARCH ...] [--timeout 300] [--install]

For every architecture, ``lcnalg equations ARCH --json`` runs with DEFAULT options (one child
process, wall time with process start) and Singular runs ``eliminate`` on the graph ideal (the
script of ``lcnalg equations ARCH --singular``), then checks in the same Singular session that
the two ideals are equal: every generator of lcnalg reduces to 0 modulo Singular's standard
basis and every element of that standard basis reduces to 0 modulo a standard basis of
lcnalg's equations.  The table gives both wall times, their ratio, lcnalg's verdict
(``certified`` or ``complete up to degree d``) and the equality.  ``--install`` (as root)
apt-installs Singular when it is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cas  # noqa: E402

#: Architectures of the size where Singular needs a noticeable time: 1D and 2D, strides,
#: three and four layers.
CASES = (
    "3,3,2 s=2,2", "2,3,3 s=2,2", "3,2,2 s=2,3", "2,2,2,2 s=2,2,3", "3,3,3 s=2,3", "4,3 s=2",
    "2,3,2,2 s=2,2,2", "2x2,2x2 s=2x1", "3x2,2x2 s=2x2", "2x1,2x2,1x2", "2x2,1x2,2x1 s=1x2,2x1",
    "2x2,2x2,2x1 s=2x2,1x1",
)


def lcnalg_run(arch: str, timeout: float) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, "-m", "lcnalg", "equations", arch, "--json", "--no-progress"]
    status, sec, code, peak, text, _ = cas.run_process(cmd, timeout, cwd=str(ROOT), env=env)
    if status == "timeout":
        return {"status": "timeout", "seconds": sec, "peak": peak}
    try:
        data = json.loads(text[text.index("{"):])
    except ValueError:
        return {"status": f"error (exit {code})", "seconds": sec, "peak": peak}
    return {"status": "finished", "seconds": sec, "peak": peak, "equations": data["equations"],
            "verdict": data["status"], "method": data["method"]}


def singular_run(arch: str, equations: list[str], timeout: float) -> dict:
    from lcnalg.export.singular import singular_script

    exe = shutil.which("Singular")
    if exe is None:
        return {"status": "not installed"}
    script = singular_script(arch, "eliminate")
    gens = ", ".join(equations) if equations else "0"
    check = (f"ideal J = {gens};\nideal SJ = std(J);\n"
             "print(\"LCNALG equal \" + string((size(reduce(S, SJ)) == 0) && (size(reduce(J, S)) == 0)));\n")
    script = script.replace("quit;", check + "quit;")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "job.sing"
        path.write_text(script)
        status, sec, code, peak, text, _ = cas.run_process([exe, "-q", "--no-rc", str(path)], timeout, cwd=tmp)
    if status == "timeout":
        return {"status": "timeout", "seconds": sec, "peak": peak}
    equal = next((line.split()[-1] for line in text.splitlines() if line.startswith("LCNALG equal")), None)
    if equal is None:
        return {"status": f"error (exit {code})", "seconds": sec, "peak": peak, "message": text[-300:]}
    return {"status": "finished", "seconds": sec, "peak": peak, "equal": equal == "1"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", nargs="+", default=list(CASES))
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--install", action="store_true")
    args = ap.parse_args()
    if args.install and shutil.which("Singular") is None:
        subprocess.run(["apt-get", "install", "-y", "singular"], check=False)
    print("| architecture | lcnalg (s) | verdict | peak MB | Singular eliminate + check (s) | peak MB | "
          "Singular / lcnalg | same ideal |")
    print("|---|---|---|---|---|---|---|---|")
    bad = 0
    for arch in args.cases:
        a = lcnalg_run(arch, args.timeout)
        if a["status"] != "finished":
            print(f"| {arch} | {a['status']} | | | | | | |", flush=True)
            continue
        s = singular_run(arch, a["equations"], args.timeout)
        ratio = f"{s['seconds'] / a['seconds']:.2f}x" if s.get("seconds") and s["status"] == "finished" else "–"
        same = {True: "yes", False: "**NO**"}.get(s.get("equal"), s["status"])
        bad += s.get("equal") is False
        sing = f"{s['seconds']:.2f}" if s["status"] == "finished" else f"{s['status']} ({s.get('seconds', 0):.0f})"
        print(f"| {arch} | {a['seconds']:.2f} | {a['verdict']} | {a['peak']:.0f} | {sing} | "
              f"{s.get('peak', 0):.0f} | {ratio} | {same} |", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
