"""Run implicitization in Singular, Macaulay2, sympy and lcnalg as child processes.

Every run is one child process: wall time includes process start, peak memory is the
child's own ``ru_maxrss`` read with :func:`os.wait4`, and a timeout kills the child (and
its process group).  Each run returns a :class:`Run` with the parsed ``LCNALG`` lines
(see :mod:`lcnalg.export.singular`).

Statuses: ``finished`` (exit 0 and the expected lines), ``timeout``, ``error`` (non-zero
exit or unparsable output; ``message`` says why), ``not installed`` (the program is not on
PATH), ``unavailable`` (lcnalg has no ``equations`` subcommand yet).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

__all__ = [
    "Run", "run_process", "parse_lcnalg_lines", "run_singular", "run_m2", "run_lcnalg",
    "run_sympy", "SYSTEMS", "run_system", "versions", "update_section", "same_ideal",
]

#: System labels understood by :func:`run_system`.
SYSTEMS = ("lcnalg", "sympy", "singular-eliminate", "singular-preimage", "m2-kernel")


@dataclass
class Run:
    """One timed run of one system on one architecture."""

    system: str
    architecture: str
    status: str
    seconds: float | None = None
    peak_mb: float | None = None
    ngens: int | None = None
    degrees: dict[int, int] | None = None  # degree -> number of minimal generators
    dim: int | None = None
    degree: int | None = None
    gens: list[str] = field(default_factory=list)
    message: str = ""
    cpu_seconds: float | None = None
    verdict: str = ""  # lcnalg only: "certified" or "complete up to degree d"
    variety_degree: int | None = None  # lcnalg only: degree of V from the fibre of mu, when computed
    inner_seconds: float | None = None  # lcnalg only: its own "seconds" (the computation, no start-up)

    def summary(self) -> dict[str, Any]:
        """The fields stored in ``baseline_cas.json`` (everything but the generators)."""
        out = asdict(self)
        out.pop("gens")
        if out["degrees"] is not None:
            out["degrees"] = {str(k): v for k, v in sorted(out["degrees"].items())}
        return out


# A tiny launcher started with ``python -S -I``: it forks and execs the measured program,
# enforces the timeout, and reports the grandchild's wall time and ``ru_maxrss`` from
# ``os.wait4``.  Why not ``os.wait4`` on the Popen child directly: Linux keeps the memory
# high-water mark across ``execve``, so a program forked from this (large) Python process
# would report at least this process's footprint.  The launcher is small (~8 MB), far below
# what Singular (~11 MB) or M2 (~100 MB) use when they start, so the reported peak is the
# program's own.
_LAUNCHER = r"""
import os, sys, time, signal
report, timeout, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
status = "exited"
while True:
    got, st, ru = os.wait4(pid, os.WNOHANG)
    if got == pid:
        break
    if time.perf_counter() - t0 > timeout:
        os.kill(pid, signal.SIGKILL)
        got, st, ru = os.wait4(pid, 0)
        status = "timeout"
        break
    time.sleep(0.002 if time.perf_counter() - t0 < 1 else 0.05)
sec = time.perf_counter() - t0
with open(report, "w") as f:
    f.write(f"{status} {sec!r} {ru.ru_maxrss} {os.waitstatus_to_exitcode(st)} {ru.ru_utime + ru.ru_stime!r}")
"""


def run_process(cmd: Sequence[str], timeout: float, cwd: str | os.PathLike | None = None,
                env: dict[str, str] | None = None) -> tuple[str, float, int, float, str, float]:
    """Run ``cmd``; return ``(status, seconds, returncode, peak_mb, stdout+stderr, cpu_seconds)``.

    ``status`` is ``"exited"`` or ``"timeout"``; ``seconds`` is the wall time from just
    before the fork to the reaping of the process (process start included); ``peak_mb``
    is the process's own ``ru_maxrss`` (MiB) from :func:`os.wait4`, ``cpu_seconds`` its user +
    system time (on a loaded machine a timeout may have had much less CPU than wall time).  Output goes to
    temporary files, so no pipe can fill up.
    """
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report"
        with open(Path(tmp) / "out", "w+b") as out, open(Path(tmp) / "err", "w+b") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-S", "-I", "-c", _LAUNCHER, str(report), str(timeout), *cmd],
                stdout=out, stderr=err, cwd=cwd, env=env, start_new_session=True,
            )
            status = "exited"
            while True:
                pid, wstatus, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid == proc.pid:
                    break
                if time.perf_counter() - start > timeout + 30:  # launcher is stuck
                    try:
                        os.killpg(proc.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    pid, wstatus, usage = os.wait4(proc.pid, 0)
                    status = "timeout"
                    break
                time.sleep(0.002 if time.perf_counter() - start < 1 else 0.05)
            proc.returncode = os.waitstatus_to_exitcode(wstatus)
            seconds = time.perf_counter() - start
            peak = usage.ru_maxrss / 1024.0
            code = proc.returncode
            cpu = usage.ru_utime + usage.ru_stime
            if report.exists():
                rstatus, rsec, rpeak, rcode, rcpu = report.read_text().split()
                status = "timeout" if rstatus == "timeout" else status
                seconds, peak, code, cpu = float(rsec), int(rpeak) / 1024.0, int(rcode), float(rcpu)
            out.seek(0)
            err.seek(0)
            text = out.read().decode(errors="replace")
            errtext = err.read().decode(errors="replace")
    return status, seconds, code, peak, text + ("\n" + errtext if errtext else ""), cpu


def parse_lcnalg_lines(text: str) -> dict[str, Any]:
    """Parse ``LCNALG key value`` lines.

    Examples
    --------
    >>> d = parse_lcnalg_lines("LCNALG ngens 2\\nLCNALG degrees 1,2\\nLCNALG dim 3\\n"
    ...                        "LCNALG degree 2\\nLCNALG gens c0,c1*c2-c0*c3\\n")
    >>> d["ngens"], d["degrees"], d["dim"], d["degree"], d["gens"]
    (2, {1: 1, 2: 1}, 3, 2, ['c0', 'c1*c2-c0*c3'])
    """
    out: dict[str, Any] = {}
    for line in text.splitlines():
        parts = line.strip().split(None, 2)
        if len(parts) < 2 or parts[0] != "LCNALG":
            continue
        key, value = parts[1], parts[2] if len(parts) > 2 else ""
        if key in ("ngens", "dim", "degree"):
            out[key] = int(value)
        elif key == "degrees":
            out[key] = dict(sorted(Counter(int(x) for x in value.split(",") if x.strip()).items()))
        elif key == "gens":
            out[key] = [g.strip() for g in value.split(",") if g.strip()]
    return out


def _finish(system: str, arch: str, status: str, seconds: float, code: int, peak: float,
            text: str, cpu: float | None = None) -> Run:
    if status == "timeout":
        return Run(system, arch, "timeout", seconds, peak, cpu_seconds=cpu)
    parsed = parse_lcnalg_lines(text)
    if code != 0 or not {"ngens", "dim", "degree"} <= parsed.keys():
        return Run(system, arch, "error", seconds, peak, message=f"exit {code}: {text[-500:]}",
                   cpu_seconds=cpu)
    return Run(system, arch, "finished", seconds, peak, parsed["ngens"], parsed.get("degrees", {}),
               parsed["dim"], parsed["degree"], parsed.get("gens", []), cpu_seconds=cpu)


def _run_script(system: str, arch: str, program: str, args: Sequence[str], script: str,
                suffix: str, timeout: float) -> Run:
    exe = shutil.which(program)
    if exe is None:
        return Run(system, arch, "not installed")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"job{suffix}"
        path.write_text(script)
        status, sec, code, peak, text, cpu = run_process([exe, *args, str(path)], timeout, cwd=tmp)
    return _finish(system, arch, status, sec, code, peak, text, cpu)


def run_singular(arch: str, method: str = "eliminate", timeout: float = 300) -> Run:
    """Run :func:`lcnalg.export.singular.singular_script` in ``Singular -q``."""
    from lcnalg.export.singular import singular_script

    return _run_script(f"singular-{method}", arch, "Singular", ["-q", "--no-rc"],
                       singular_script(arch, method), ".sing", timeout)


def same_ideal(arch: str, gens_a: Sequence[str], gens_b: Sequence[str], timeout: float = 300) -> bool | None:
    """Whether two lists of polynomials in the coordinates of ``arch`` generate the same ideal
    of ``Q[c]``, decided by Singular: each list reduces to zero modulo a standard basis of the
    other (``reduce(A, std(B))`` and ``reduce(B, std(A))``, over the rationals, so the answer
    is exact).  ``None`` when Singular is not installed, times out or fails.

    ``gens`` are the strings of :class:`Run` (``**`` or ``^`` for powers, as lcnalg's JSON and
    Singular's ``LCNALG gens`` line write them).
    """
    from lcnalg.parameterization import Parameterization

    exe = shutil.which("Singular")
    if exe is None:
        return None
    names = ",".join(Parameterization(arch).coordinate_names)

    def ideal(name: str, gens: Sequence[str]) -> str:
        body = ", ".join(g.replace("**", "^") for g in gens) or "0"
        return f"ideal {name} = {body};"

    script = "\n".join([
        f"ring R = 0, ({names}), dp;", ideal("A", gens_a), ideal("B", gens_b),
        "option(redSB);",
        "int same = (size(reduce(A, std(B))) == 0) && (size(reduce(B, std(A))) == 0);",
        'print("LCNALG same " + string(same));', "quit;", ""])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "same.sing"
        path.write_text(script)
        status, _, code, _, text, _ = run_process([exe, "-q", "--no-rc", str(path)], timeout, cwd=tmp)
    for line in text.splitlines():
        parts = line.split()
        if status == "exited" and code == 0 and parts[:2] == ["LCNALG", "same"] and len(parts) == 3:
            return parts[2] == "1"
    return None


def run_m2(arch: str, timeout: float = 300) -> Run:
    """Run :func:`lcnalg.export.macaulay2.macaulay2_script` in ``M2 --script``."""
    from lcnalg.export.macaulay2 import macaulay2_script

    return _run_script("m2-kernel", arch, "M2", ["--script"], macaulay2_script(arch), ".m2",
                       timeout)


def _lcnalg_has_equations() -> bool:
    try:
        import importlib

        cli = importlib.import_module("lcnalg.cli")
        return "equations" in getattr(cli, "SUBCOMMANDS", ())
    except Exception:  # pragma: no cover - broken checkout
        return False


def compile_lcnalg() -> None:
    """Byte-compile the checkout's ``lcnalg`` (what is already compiled is kept), so that each
    timed run starts from compiled modules, as an installed package does (pip compiles at
    install).  Without it, a checkout run with ``PYTHONDONTWRITEBYTECODE`` set compiles every
    module at every start: 0.20 s instead of 0.13 s for ``equations "2,2 s=2"``."""
    # deferred: only the runs of lcnalg need it
    import compileall

    compileall.compile_dir(str(ROOT / "lcnalg"), quiet=1)


def run_lcnalg(arch: str, extra_args: Sequence[str] = (), timeout: float = 300) -> Run:
    """Run ``python -m lcnalg equations ARCH --json [extra]`` and read its JSON object.

    Returns status ``unavailable`` while the ``equations`` subcommand does not exist.
    """
    if not _lcnalg_has_equations():
        return Run("lcnalg", arch, "unavailable", message="lcnalg has no 'equations' subcommand yet")
    compile_lcnalg()
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, "-m", "lcnalg", "equations", arch, "--json", *extra_args]
    status, sec, code, peak, text, cpu = run_process(cmd, timeout, cwd=str(ROOT), env=env)
    if status == "timeout":
        return Run("lcnalg", arch, "timeout", sec, peak, cpu_seconds=cpu)
    try:
        start = text.index("{")
        data, _ = json.JSONDecoder().raw_decode(text[start:])
    except ValueError:
        return Run("lcnalg", arch, "error", sec, peak, message=f"exit {code}: {text[-500:]}")
    if code != 0:
        return Run("lcnalg", arch, "error", sec, peak, message=f"exit {code}: {text[-500:]}")
    eqs = [str(e) for e in data.get("equations", [])]
    degs = data.get("degrees")
    if isinstance(degs, dict):
        hist = {int(k): int(v) for k, v in degs.items()}
    elif isinstance(degs, list):
        hist = dict(sorted(Counter(int(d) for d in degs).items()))
    else:
        hist = None
    msg = f"certified={data.get('certified')} method={data.get('method')}"
    return Run("lcnalg", arch, "finished", sec, peak, data.get("num_generators", len(eqs)), hist,
               data.get("dimension"), data.get("degree"), eqs, msg, cpu,
               verdict=str(data.get("status", "")), variety_degree=data.get("variety_degree"),
               inner_seconds=data.get("seconds"))


_SYMPY_CHILD = r"""
import sys, json
from collections import Counter
sys.path.insert(0, sys.argv[2])
import sympy
from sympy import Poly
from lcnalg.parameterization import Parameterization
mu = Parameterization(sys.argv[1])
w = sympy.symbols(list(mu.parameter_names))
c = sympy.symbols(list(mu.coordinate_names))
exprs = mu.to_sympy()
graph = [ci - e for ci, e in zip(c, exprs)]
G = sympy.groebner(graph, *w, *c, order="lex")
elim = [g for g in G.exprs if not (g.free_symbols & set(w))]
# minimal generators of the (homogeneous) elimination ideal: reduced GB in grevlex, then
# drop elements lying in the ideal of the others of lower or equal degree
H = sympy.groebner(elim, *c, order="grevlex") if elim else None
gens = list(H.exprs) if H is not None else []
gens.sort(key=lambda g: sympy.Poly(g, *c).total_degree())
minimal = []
for g in gens:
    if minimal:
        B = sympy.groebner(minimal, *c, order="grevlex")
        if B.contains(g):
            continue
    minimal.append(g)
# dimension and degree from the Hilbert series of the leading-term ideal (grevlex):
# N(I + (m)) = N(I) - t^deg(m) N(I : m), HS = N(t) / (1 - t)^n
lead = [Poly(g, *c).monoms(order="grevlex")[0] for g in gens] if gens else []
n = len(c)
def minimize(ms):
    ms = sorted(set(ms), key=sum)
    out = []
    for m in ms:
        if not any(all(a <= b for a, b in zip(o, m)) for o in out):
            out.append(m)
    return out
def numerator(ms):
    # integer coefficient list of N(t) for R / (ms)
    ms = minimize(ms)
    if not ms:
        return [1]
    *rest, m = ms
    first = numerator(rest)
    colon = [tuple(max(a - b, 0) for a, b in zip(o, m)) for o in rest]
    second = numerator(colon)
    d = sum(m)
    out = [0] * max(len(first), len(second) + d)
    for i, x in enumerate(first):
        out[i] += x
    for i, x in enumerate(second):
        out[i + d] -= x
    return out
num = numerator(lead)
k = 0
while len(num) > 1 and sum(num) == 0:
    # divide by (1 - t)
    q, acc = [], 0
    for x in num[:-1]:
        acc += x
        q.append(acc)
    num = q
    k += 1
dim, degree = n - k, sum(num)
print("LCNALG ngens", len(minimal))
print("LCNALG degrees", ",".join(str(Poly(g, *c).total_degree()) for g in minimal))
print("LCNALG dim", dim)
print("LCNALG degree", degree)
print("LCNALG gens", ",".join(str(g).replace(" ", "").replace("**", "^") for g in minimal))
"""


def run_sympy(arch: str, timeout: float = 300) -> Run:
    """Eliminate with ``sympy.groebner`` (lex, ``w`` before ``c``) in a child process.

    Minimal generators come from a grevlex basis of the eliminated ideal, dimension and
    degree from the Hilbert series of its leading-term ideal.
    """
    cmd = [sys.executable, "-c", _SYMPY_CHILD, arch, str(ROOT)]
    status, sec, code, peak, text, cpu = run_process(cmd, timeout, cwd=str(ROOT))
    return _finish("sympy", arch, status, sec, code, peak, text, cpu)


def run_system(system: str, arch: str, timeout: float = 300, lcnalg_args: Sequence[str] = ()) -> Run:
    """Dispatch on a label of :data:`SYSTEMS` (``lcnalg_args`` are extra CLI arguments)."""
    if system == "lcnalg":
        return run_lcnalg(arch, lcnalg_args, timeout=timeout)
    if system == "sympy":
        return run_sympy(arch, timeout)
    if system == "singular-eliminate":
        return run_singular(arch, "eliminate", timeout)
    if system == "singular-preimage":
        return run_singular(arch, "preimage", timeout)
    if system == "m2-kernel":
        return run_m2(arch, timeout)
    raise ValueError(f"system: {system!r} is not one of {', '.join(SYSTEMS)}")


def versions() -> dict[str, str]:
    """Versions of the systems compared (``"not installed"`` when absent)."""
    out: dict[str, str] = {}
    try:
        import flint

        out["python-flint"] = flint.__version__
    except ImportError:
        out["python-flint"] = "not installed"
    try:
        import sympy

        out["sympy"] = sympy.__version__
    except ImportError:
        out["sympy"] = "not installed"
    out["python"] = sys.version.split()[0]
    if shutil.which("Singular"):
        r = subprocess.run(["Singular", "-q", "--no-rc", "-c", 'print(string(system("version")));quit;'],
                           capture_output=True, text=True, timeout=60)
        v = r.stdout.strip()
        out["Singular"] = f"{v[0]}.{v[1]}.{v[2:]}" if v.isdigit() and len(v) >= 4 else v
    else:
        out["Singular"] = "not installed"
    if shutil.which("M2"):
        r = subprocess.run(["M2", "--version"], capture_output=True, text=True, timeout=60)
        out["Macaulay2"] = r.stdout.strip()
    else:
        out["Macaulay2"] = "not installed"
    return out


def update_section(path: str | os.PathLike, section: str, begin: str, end: str) -> None:
    """Replace the part of the results file ``path`` between the markers ``begin`` and ``end``
    by ``section`` (which starts with ``begin`` and ends with ``end``), or append it."""
    path = Path(path)
    text = path.read_text() if path.exists() else "# lcnalg benchmark results\n\n"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + section.rstrip("\n") + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)
