"""The LaTeX report: each section with its status, balanced LaTeX, refusals as one line,
a compiled PDF (when pdflatex is installed) and the command line."""

from __future__ import annotations

import re
import shutil
import subprocess
import time

import pytest

from lcnalg import FunctionSpace, InputError, Limits
from lcnalg.cli import main
from lcnalg.export.report import SECTIONS, latex_escape, latex_report, write_report

SMALL = ("3,2 s=2", "2,2", "2,2 r=2", "2,2 c=1,2,1")


def balanced(tex: str) -> None:
    """Braces balance (escaped ones aside, comments ignored) and every environment closes in order."""
    body = "\n".join(line for line in tex.splitlines() if not line.lstrip().startswith("%"))
    body = body.replace(r"\{", "").replace(r"\}", "")
    depth = 0
    for char in body:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    stack = []
    for kind, name in re.findall(r"\\(begin|end)\{([^}]*)\}", body):
        if kind == "begin":
            stack.append(name)
        else:
            assert stack and stack.pop() == name
    assert not stack
    assert body.count(r"\[") == body.count(r"\]")


@pytest.fixture(scope="module")
def reports():
    return {a: latex_report(a) for a in SMALL}


@pytest.mark.parametrize("arch", SMALL)
def test_every_section_with_its_status(reports, arch):
    tex = reports[arch]
    balanced(tex)
    assert tex.startswith(r"\documentclass{article}") and tex.rstrip().endswith(r"\end{document}")
    for heading in SECTIONS.values():
        assert rf"\section{{{heading}}}" in tex
    # each item is a status line or a one-line refusal, and the two counts add up
    items = tex.count(r"\subsection*{")
    statuses = tex.count(r"\textbf{Status:}")
    refusals = len(re.findall(r"\\textbf\{(Refused|Not available)\}:", tex))
    assert items == statuses + refusals == 11


def test_statuses_agree_with_the_results(reports):
    fs = FunctionSpace("3,2 s=2")
    tex = reports["3,2 s=2"]
    for result in (fs.implicit_equations(), fs.is_zariski_closed(), fs.invariants(), fs.hessian_rank(),
                   fs.critical_points("identity")):
        assert latex_escape(result.provenance()) in tex
        assert result.to_latex().strip().splitlines()[-1].strip() in tex or "$" not in result.to_latex()
    # an activation has no Hessian, channels have no equations: one line each, with the message
    assert "Not available}: activation: the Hessian is implemented for linear networks" in reports["2,2 r=2"]
    assert "implicit\\_equations() covers networks with one channel" in reports["2,2 c=1,2,1"]


def test_sections_subset_and_bad_sections():
    tex = latex_report("2,2", sections="hessian,summary")
    assert r"\section{Summary}" in tex and r"\section{Hessian ranks}" in tex
    assert r"\section{Strata}" not in tex
    assert tex.index(r"\section{Summary}") < tex.index(r"\section{Hessian ranks}")
    with pytest.raises(InputError, match="sections"):
        latex_report("2,2", sections=["nope"])


def test_escape():
    text = latex_escape("a_b & 50% {x} $y$ #1 ~ ^ \\ μ ⊊")
    assert not re.search(r"(?<!\\)[&%$#_{}]", text.replace(r"\{", "").replace(r"\}", "").replace("{}", "")
                         .replace(r"\ensuremath{\mu}", "").replace(r"\ensuremath{\subsetneq}", ""))
    assert text.isascii()


def test_huge_architecture_is_refused_quickly():
    start = time.perf_counter()
    tex = latex_report("3000,3000")
    assert time.perf_counter() - start < 5
    assert tex.count(r"\textbf{Refused}") >= 6
    balanced(tex)
    # a bound lowered: the refusal names its option
    tex = latex_report(FunctionSpace("3,2 s=2", limits=Limits(max_terms=1)), sections="equations")
    assert "Refused}" in tex and "max-terms" in tex


def test_tex_with_picture(tmp_path):
    pytest.importorskip("matplotlib")
    out = write_report("3,2 s=2", tmp_path / "r.tex", sections="strata")
    tex = out.read_text()
    assert r"\includegraphics" in tex and (tmp_path / "r-strata.pdf").read_bytes().startswith(b"%PDF")


def test_pdf(tmp_path):
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed (texlive is an optional system dependency)")
    out = write_report("3,2 s=2", tmp_path / "r.pdf")
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 10_000
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_cli(tmp_path, capsys):
    assert main(["report", "2,2", "-o", str(tmp_path / "x.tex"), "--sections", "summary,flow"]) == 0
    assert "wrote" in capsys.readouterr().out
    assert r"\section{Gradient flow" in (tmp_path / "x.tex").read_text()
    for bad in (str(tmp_path / "x.txt"), str(tmp_path / "missing" / "x.tex"), str(tmp_path), ""):
        assert main(["report", "2,2", "-o", bad]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "-o" in err
    assert main(["report", "2,2", "-o", str(tmp_path / "y.tex"), "--sections", "bogus"]) == 2
    assert "--sections" in capsys.readouterr().err


def test_missing_pdflatex_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["report", "2,2", "-o", str(tmp_path / "x.pdf"), "--sections", "summary"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "-o" in err and "pdflatex is not installed" in err


@pytest.mark.parametrize("argv", [
    ["inequalities", "2,2"], ["boundary", "2,2"], ["inequalities", "3,3"], ["boundary", "3,3"],
    ["critical-locus", "2,3,2 s=2,2"], ["strata", "2,3,2 s=2,2"], ["strata", "2x2,2x2 s=2x1"],
    ["equations", "3,2 s=2"], ["info", "2x1,2x1"],
])
def test_latex_fragments_compile(argv, tmp_path, capsys):
    # each --latex output is text-mode LaTeX a paper can include as it is (formulas in $...$ or a
    # display environment, text escaped); compiled when pdflatex is there, checked for ASCII always
    assert main(argv + ["--latex"]) == 0
    fragment = capsys.readouterr().out
    assert fragment.isascii()
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed (texlive is an optional system dependency)")
    doc = tmp_path / "f.tex"
    doc.write_text("\\documentclass{article}\\usepackage{amsmath,amssymb}\\begin{document}\n"
                   + fragment + "\n\\end{document}\n")
    run = subprocess.run(["pdflatex", "-halt-on-error", "-interaction=nonstopmode", doc.name], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-1500:]


def test_long_equations_are_broken_across_lines(tmp_path, capsys):
    # a generator longer than a line is broken at its + and - (it ran 10,000 pt off the page)
    assert main(["equations", "3x2,2x2 s=2x2", "--latex"]) == 0
    fragment = capsys.readouterr().out
    assert "&\\quad " in fragment and max(len(line) for line in fragment.splitlines()) < 200
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed (texlive is an optional system dependency)")
    (tmp_path / "f.tex").write_text("\\documentclass{article}\\usepackage{amsmath,amssymb}\\begin{document}\n"
                                    + fragment + "\n\\end{document}\n")
    run = subprocess.run(["pdflatex", "-halt-on-error", "-interaction=nonstopmode", "f.tex"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-1500:]
    over = [float(x) for x in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", run.stdout)]
    assert max(over, default=0) < 100, over
