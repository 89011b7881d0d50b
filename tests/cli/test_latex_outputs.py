"""Every ``--latex`` output is a paragraph ready for a document body: pasted between
``\\begin{document}`` and ``\\end{document}`` of an article with amsmath and amssymb, it compiles.
Bare formulas (a membership, a closedness verdict, Hessian ranks, a table of descent
statistics) are displayed; text with its own math is kept as it is; long polynomials are broken."""

from __future__ import annotations

import shutil

import pytest

from lcnalg.errors import InputError
from lcnalg.export.report import compile_pdf
from tests.cli.runner import run

#: One command per kind of LaTeX output: bare formulas, text with inline math, align* blocks,
#: arrays, and the group-convolution outputs that combine several of them.
COMMANDS = [
    ["contains", "2,2", "1,2,1"],
    ["closed", "3,3 s=2"],
    ["hessian-rank", "2,2"],
    ["descend", "2,2"],
    ["metric", "2,2"],
    ["info", "2x2,2x2"],
    ["equations", "3,2 s=2"],
    ["inequalities", "4,4"],  # Sturm-Habicht coefficients of hundreds of terms
    ["boundary", "3,3 s=2"],
    ["critical-points", "2,2 s=2"],
    ["equivariant", "C6", "--on", "pairs", "--to", "pairs"],
    ["group-conv", "S3: 2,2", "--contains", "1,0,0,0,0,0"],
    ["group-conv", "A4: 2", "--irreps"],
    ["group-conv", "C6: 2,2", "--equations"],
]

PREAMBLE = "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2cm]{geometry}\n" \
           "\\allowdisplaybreaks\n\\begin{document}\n"


def _document(bodies):
    return PREAMBLE + "\n\n".join(bodies) + "\n\\end{document}\n"


def test_every_latex_output_compiles_in_a_document_body(tmp_path, capsys):
    bodies = []
    for argv in COMMANDS:
        code, out, err = run(argv + ["--latex"], capsys)
        assert code == 0, (argv, err)
        # no output is a bare formula any more: the math is delimited or in a display environment
        assert out.lstrip().startswith(("%", "$", "\\[", "\\begin{align", "Irreducible")) or "$" in out, argv
        bodies.append(out)
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed (texlive is an optional system dependency)")
    try:
        compile_pdf(_document(bodies), tmp_path / "all.pdf")
    except InputError:
        # name the output that does not compile
        for argv, body in zip(COMMANDS, bodies):
            try:
                compile_pdf(_document([body]), tmp_path / "one.pdf")
            except InputError as err:
                pytest.fail(f"lcnalg {' '.join(argv)} --latex does not compile: {err}")
        raise
