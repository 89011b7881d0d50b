"""Every subcommand on a polynomial network (activation r >= 2): an answer, or one line on stderr
naming what is not covered, exit status 2; bad activation exponents likewise."""

from __future__ import annotations

import json

import pytest

from lcnalg.cli import SUBCOMMANDS
from tests.cli.runner import run

ARCH = "2,2 r=2"

#: Subcommands whose support for r >= 2 is decided elsewhere: here only "no crash" is asserted.
ELSEWHERE = {"info", "strata", "critical-locus", "critical-points", "flow", "report"}
#: Subcommands that answer for r >= 2, with the argument list after ARCH.
ANSWERED = {"equations": [], "contains": ["1,2,0,-2,-1"], "invariants": [], "metric": [], "closed": [],
            "inequalities": [], "boundary": []}
#: Subcommands that refuse r >= 2.
REFUSED = {"descend", "hessian-rank"}
#: Subcommands whose argument is not an architecture.
NOT_ARCHITECTURE = {"regions", "equivariant", "verify", "group-conv"}


def _one_line(err: str) -> bool:
    return len(err.strip().splitlines()) == 1


def test_the_table_covers_every_subcommand():
    names = {n.replace("_", "-") for n in SUBCOMMANDS} - NOT_ARCHITECTURE
    assert names == ELSEWHERE | set(ANSWERED) | REFUSED


@pytest.mark.parametrize("command", sorted(ELSEWHERE | set(ANSWERED) | REFUSED))
def test_every_subcommand_answers_or_refuses_in_one_line(command, capsys):
    code, out, err = run([command, ARCH, *ANSWERED.get(command, [])], capsys)
    assert "Traceback" not in err and code != 70
    if command in ANSWERED:
        assert code == 0 and out.strip() and not err
    elif command in REFUSED:
        assert code == 2 and not out and _one_line(err) and "r=" in err and command in err
    else:
        assert code in (0, 2) and (code == 0 or _one_line(err))


def test_equations_in_every_format(capsys):
    code, out, _ = run(["equations", ARCH, "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["degrees"] == [2, 3, 3, 3] and data["dimension"] == 3
    assert "c0_1*c1_2 - 4*c0_0*c2_2" in data["equations"]
    code, out, _ = run(["equations", ARCH, "--latex"], capsys)
    assert code == 0 and r"\begin{align*}" in out and out.count("&= 0") == 4
    # the scripts weigh every coordinate by its degree r + 1 = 3 in the weights
    code, out, _ = run(["equations", ARCH, "--m2"], capsys)
    assert code == 0 and "Degrees => {3,3,3,3,3}" in out and "w1u0^2*w2u0" in out
    code, out, _ = run(["equations", ARCH, "--singular"], capsys)
    assert code == 0 and "wp(3,3,3,3,3)" in out and "c0_0-(w1_0^2*w2_0)" in out


def test_contains_in_every_format(capsys):
    code, out, _ = run(["contains", ARCH, "x0^2 + 2*x0*x1 - 2*x1*x2 - x2^2", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["contained"] and data["witness"] == [["1", "1"], ["1", "-1"]] and data["certified"]
    code, out, _ = run(["contains", ARCH, "1,0,0,0,1"], capsys)
    assert code == 0 and out.startswith("not contained") and "reason: not in M" in out
    code, out, _ = run(["contains", ARCH, "-1,0,1,0,0", "--latex"], capsys)   # -x0^2 + x1^2
    assert code == 0 and r"\in" in out and r"\notin" not in out
    code, out, err = run(["contains", ARCH, "x0*x2"], capsys)
    assert code == 2 and _one_line(err) and "filter" in err and "not a coordinate" in err


@pytest.mark.parametrize("arch, field", [
    ("2,2 r=0", "activation (r)"), ("2,2 r=-1", "activation (r)"), ("2,2 r=1.5", "activation (r)"),
    ("2,2 r=two", "activation (r)"), ("2,2 r=10000000", "activation (r)"), ("3,3,3 r=40", "--max-coordinates"),
    (",".join(["9"] * 30) + " r=1000", "--max-coordinates"),   # refused at once, no huge binomials
])
@pytest.mark.parametrize("command", sorted(ELSEWHERE | set(ANSWERED) | REFUSED))
def test_bad_activations_are_one_line(command, arch, field, capsys):
    code, out, err = run([command, arch, *ANSWERED.get(command, [])], capsys)
    if command == "closed" and field == "--max-coordinates":  # decided by an argument, nothing is built
        assert code == 0 and out.startswith("Zariski closed") and not err
        return
    assert code == 2 and not out and _one_line(err), (command, arch, err)
    if command not in ELSEWHERE and not (command in REFUSED and field == "--max-coordinates"):
        assert field in err, (command, arch, err)


def test_the_coordinate_bound_is_an_option(capsys):
    code, _, err = run(["contains", "2,2,2 r=3", "x0^9", "--max-coordinates", "20"], capsys)
    assert code == 2 and "--max-coordinates" in err and _one_line(err)
    code, out, _ = run(["contains", "2,2,2 r=3", "x0^9", "--max-coordinates", "1000"], capsys)
    assert code == 0 and out.startswith("contained")
