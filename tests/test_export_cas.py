"""Singular and Macaulay2 script writers: well-formed scripts, live runs when installed,
and exact checks (substitution c ↦ μ(w) in Z[w]) of the equations they return."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import flint
import pytest

from lcnalg.export.macaulay2 import m2_name, macaulay2_script
from lcnalg.export.singular import METHODS, singular_script
from lcnalg.parameterization import Parameterization

HAVE_SINGULAR = shutil.which("Singular") is not None
HAVE_M2 = shutil.which("M2") is not None
needs_singular = pytest.mark.skipif(not HAVE_SINGULAR, reason="Singular not installed")
needs_m2 = pytest.mark.skipif(not HAVE_M2, reason="Macaulay2 not installed")

# architecture -> (degree histogram of minimal generators, dim, degree) [MATH.md §2]
EXPECTED = {
    "2,2 s=2": ({2: 1}, 3, 2),
    "3,2 s=2": ({3: 1}, 4, 3),
    "2,3 s=3": ({1: 2, 2: 3}, 4, 3),
}

# Minimal generators as printed by Singular 4.3 (singular_script, eliminate); checked
# exactly below whether or not a CAS is installed.
RECORDED = {
    "2,2 s=2": ["c1*c2-c0*c3"],
    "3,2 s=2": ["c1*c2*c3-c0*c3^2-c1^2*c4"],
    "2,3 s=3": ["c5", "c2", "c4*c6-c3*c7", "c1*c6-c0*c7", "c1*c3-c0*c4"],
}

ARCHS = list(EXPECTED) + ["2x2,2x2", "2,2,2 s=2,2", "2x3,3x2 s=1x1"]

_TERM = re.compile(r"([+-]?)([^+-]+)")


def parse_poly(text: str, ctx: flint.fmpz_mpoly_ctx) -> flint.fmpz_mpoly:
    """Exact parse of a CAS polynomial string (``2*c0^2*c1-c3``) into ``ctx``."""
    names = {str(n): i for i, n in enumerate(ctx.names())}
    terms: dict[tuple[int, ...], int] = {}
    text = text.replace(" ", "")
    assert text, "empty polynomial"
    for sign, body in _TERM.findall(text):
        coeff, exps = 1, [0] * len(names)
        for factor in body.split("*"):
            base, _, power = factor.partition("^")
            e = int(power) if power else 1
            if base.isdigit():
                coeff *= int(base) ** e
            else:
                exps[names[base]] += e
        key = tuple(exps)
        terms[key] = terms.get(key, 0) + (-coeff if sign == "-" else coeff)
    return ctx.from_dict({k: v for k, v in terms.items() if v})


def assert_vanishes(arch: str, gens: list[str]) -> None:
    """Each generator is zero after substituting c_m ↦ μ_m(w), exactly in Z[w]."""
    mu = Parameterization(arch)
    assert gens
    for g in gens:
        poly = parse_poly(g, mu.coordinate_ring)
        assert poly != 0
        assert poly.compose(*mu.coordinates, ctx=mu.ring) == 0, g


def run(cmd: list[str], script: str, tmp_path, suffix: str) -> dict:
    path = tmp_path / f"job{suffix}"
    path.write_text(script)
    proc = subprocess.run(cmd + [str(path)], capture_output=True, text=True, timeout=600,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out: dict = {}
    for line in proc.stdout.splitlines():
        parts = line.split(None, 2)
        if len(parts) >= 2 and parts[0] == "LCNALG":
            out[parts[1]] = parts[2] if len(parts) > 2 else ""
    assert set(out) == {"ngens", "degrees", "dim", "degree", "gens"}, proc.stdout
    return out


def check_output(arch: str, out: dict) -> None:
    hist, dim, degree = EXPECTED[arch]
    degs = [int(d) for d in out["degrees"].split(",")]
    gens = out["gens"].split(",")
    assert int(out["ngens"]) == len(degs) == len(gens) == sum(hist.values())
    assert dict(Counter(degs)) == hist
    assert int(out["dim"]) == dim
    assert int(out["degree"]) == degree
    assert_vanishes(arch, gens)


# ------------------------------------------------------------------ well-formed scripts
@pytest.mark.parametrize("arch", ARCHS)
@pytest.mark.parametrize("method", METHODS)
def test_singular_script_well_formed(arch, method):
    mu = Parameterization(arch)
    script = singular_script(arch, method)
    for p in mu.coordinates:
        assert str(p) in script
    ring_lines = [l for l in script.splitlines() if l.startswith("ring ")]
    declared = set()
    for line in ring_lines:
        declared |= set(line.split("(", 1)[1].split(")", 1)[0].split(","))
    assert declared == set(mu.parameter_names) | set(mu.coordinate_names)
    if method == "eliminate":
        assert len(ring_lines[0].split("(", 1)[1].split(")", 1)[0].split(",")) == (
            mu.num_parameters + mu.ambient_dimension
        )
    for key in ("ngens", "degrees", "dim", "degree", "gens"):
        assert f'"LCNALG {key} "' in script
    assert script.rstrip().endswith("quit;")


@pytest.mark.parametrize("arch", ARCHS)
def test_macaulay2_script_well_formed(arch):
    mu = Parameterization(arch)
    script = macaulay2_script(arch)
    for p in mu.coordinates:
        assert m2_name(str(p)) in script
    lines = script.splitlines()
    w_line = next(l for l in lines if l.startswith("W = QQ["))
    c_line = next(l for l in lines if l.startswith("C = QQ["))
    assert w_line[len("W = QQ["):-2].split(",") == [m2_name(n) for n in mu.parameter_names]
    assert c_line[len("C = QQ["):-2].split(",") == [m2_name(n) for n in mu.coordinate_names]
    assert not any("_" in l for l in lines if not l.startswith(("--", "stdio")))
    assert script.rstrip().endswith("exit 0")


def test_singular_rejects_unknown_method():
    with pytest.raises(ValueError, match="method"):
        singular_script("2,2 s=2", "magic")


# ------------------------------------------------------------------ exact checks (no CAS)
@pytest.mark.parametrize("arch", list(RECORDED))
def test_recorded_generators_vanish_exactly(arch):
    assert_vanishes(arch, RECORDED[arch])
    hist, _, _ = EXPECTED[arch]
    degs = [parse_poly(g, Parameterization(arch).coordinate_ring).total_degree() for g in RECORDED[arch]]
    assert dict(Counter(degs)) == hist


def test_substitution_detects_a_non_equation():
    mu = Parameterization("2,2 s=2")
    with pytest.raises(AssertionError):
        assert_vanishes("2,2 s=2", ["c0*c3-c1^2"])
    assert parse_poly("2*c0^2-c3", mu.coordinate_ring).total_degree() == 2


# ------------------------------------------------------------------ live runs
@needs_singular
@pytest.mark.parametrize("arch", list(EXPECTED))
@pytest.mark.parametrize("method", METHODS)
def test_singular_runs(arch, method, tmp_path):
    out = run(["Singular", "-q", "--no-rc"], singular_script(arch, method), tmp_path, ".sing")
    check_output(arch, out)


@needs_m2
@pytest.mark.parametrize("arch", list(EXPECTED))
def test_macaulay2_runs(arch, tmp_path):
    out = run(["M2", "--script"], macaulay2_script(arch), tmp_path, ".m2")
    check_output(arch, out)
