r"""A LaTeX report on an architecture: everything lcnalg computes about it, in one document.

Algorithm.  The report is a list of sections (:data:`SECTIONS`); each section asks the
:class:`~lcnalg.FunctionSpace` for its results (the summary and the parameterization, the
implicit equations, closedness, inequalities and boundary, the strata, the critical points of
the squared loss with ``Q = I`` and with a generic ``Q``, the conserved quantities and the
metric of gradient flow, the Hessian ranks) and writes each result's own ``to_latex()`` under a
heading, followed by its status and provenance (:meth:`lcnalg.results.Result.provenance`).  A
computation that lcnalg refuses (a :class:`~lcnalg.ResourceLimitError`: the request is beyond a
bound of :class:`~lcnalg.Limits`, refused up front with its estimate) or that does not apply to
the architecture (any other :class:`~lcnalg.LCNAlgError`) becomes one line with the error
message; the report is still written.  The strata are drawn as their Hasse diagram
(:func:`lcnalg.plot.stratification_figure`) into a PDF next to the ``.tex`` file when matplotlib
is installed.

Why the document is what lcnalg knows.  Nothing is computed here: every number, equation and
status comes from a result object, and its LaTeX from that object's ``to_latex()``, so the
report cannot disagree with the other outputs of lcnalg.  Text that is not LaTeX (error
messages, provenance, architecture strings) is escaped with :func:`latex_escape`, and the
characters outside ASCII that results use are mapped to LaTeX commands, so the document compiles
with ``pdflatex`` and the packages of texlive-latex-base (``amsmath``, ``amssymb``, ``graphicx``,
``geometry``).  Long lists of equations are ``align*`` environments under
``\allowdisplaybreaks``, which may break across pages.

References
----------
The statements behind each section are cited by the results themselves; see docs/theory.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, LCNAlgError, ResourceLimitError
from lcnalg.function_space import FunctionSpace
from lcnalg.limits import Limits
from lcnalg.printing import align, latex_char, latex_escape, latex_paragraph, poly_latex, polynomial_expr

__all__ = ["SECTIONS", "latex_escape", "latex_report", "write_report", "compile_pdf"]

#: The sections of a report, in order, with their headings.
SECTIONS = {
    "summary": "Summary",
    "parameterization": "Parameterization",
    "equations": "Implicit equations",
    "real": "Real geometry",
    "strata": "Strata",
    "critical": "Critical points of the squared loss",
    "flow": "Gradient flow: conserved quantities and metric",
    "hessian": "Hessian ranks",
}

#: Terms of the parameterization typeset in full; beyond, the coordinates are abbreviated as
#: ``lcnalg info`` abbreviates them (typesetting costs about 10^-3 s a term).
MAX_PARAMETERIZATION_TERMS = 2000

#: Seconds each pdflatex run may take before it is stopped.
PDFLATEX_TIMEOUT = 120

def _latex_ascii(latex: str) -> str:
    """LaTeX from a result with its characters outside ASCII mapped to LaTeX commands (in a
    comment line, to ``?``)."""
    lines = []
    for line in latex.splitlines():
        if line.lstrip().startswith("%"):
            lines.append("".join(c if ord(c) < 128 else "?" for c in line))
        else:
            lines.append("".join(c if ord(c) < 128 else latex_char(c) for c in line))
    return "\n".join(lines)


#: Equations written out in a report (the others are counted): thousands of them (degree 2 of
#: ``2,5,3,2,3,4 s=2,2,2,2,3`` has 8398) would take longer to typeset than to compute.
REPORT_EQUATIONS = 200


def _as_block(latex: str) -> str:
    """A result's ``to_latex()`` as a paragraph (:func:`~lcnalg.printing.latex_paragraph`: a bare
    formula is displayed), its characters outside ASCII mapped to LaTeX."""
    return latex_paragraph(_latex_ascii(latex.strip()))


def _status_line(result: Any) -> str:
    return r"\noindent\textbf{Status:} " + latex_escape(result.provenance()) + "\n"


def _refusal(what: str | None, exc: LCNAlgError) -> str:
    """One line: refused (a resource bound) or not available (does not apply), with the message."""
    kind = "Refused" if isinstance(exc, ResourceLimitError) else "Not available"
    message = checks.short(str(exc).replace("\n", " "), 900)
    where = f" ({latex_escape(what)})" if what else ""
    return rf"\noindent\textbf{{{kind}}}{where}: {latex_escape(message)}" + "\n"


def _item(heading: str, compute: Callable[[], Any], render: Callable[[Any], str] | None = None) -> tuple[str, Any]:
    """One item: the heading (LaTeX, one of this module's), the result's LaTeX and its status,
    or the refusal line."""
    try:
        result = compute()
    except LCNAlgError as exc:
        return rf"\subsection*{{{heading}}}" + "\n" + _refusal(None, exc), None
    body = render(result) if render else _as_block(result.to_latex())
    return (rf"\subsection*{{{heading}}}" + "\n" + body + "\n\n" + _status_line(result), result)


def _summary(fs: FunctionSpace) -> str:
    arch = fs.architecture
    rows = [("architecture", r"\texttt{" + latex_escape(str(arch)) + "}"),
            ("axes $D$", str(arch.ndim)), ("layers $L$", str(arch.num_layers)),
            ("filter sizes", latex_escape("; ".join("x".join(map(str, f)) for f in arch.filters))),
            ("strides", latex_escape("; ".join("x".join(map(str, s)) for s in arch.strides))),
            ("activation exponent $r$", "none (linear)" if arch.activation is None else str(arch.activation)),
            ("channels", "none" if arch.channels is None else latex_escape(",".join(map(str, arch.channels)))),
            ("end-to-end filter", latex_escape("x".join(map(str, arch.end_to_end_filter_shape)))),
            ("parameters", str(arch.num_parameters)), ("ambient dimension", str(arch.ambient_dimension))]
    extra = ""
    try:
        s = fs.summary()
    except LCNAlgError as exc:
        extra = _refusal("dimension and degree", exc)
    else:
        rows.append(("dimension", f"{s.dimension} ({latex_escape(s.provenance())})"))
        rows.append(("filling", "yes" if s.is_filling else "no (thin)"))
        if s.degree is not None:
            degree = "undecided" if s.degree.value is None else str(s.degree.value)
            rows.append(("degree", f"{degree} ({latex_escape(s.degree.provenance())})"))
    table = "\n".join([r"\begin{tabular}{lp{11cm}}"] + [f"{k} & {v}\\\\" for k, v in rows] + [r"\end{tabular}"])
    return table + "\n\n" + extra


def _terms(text: str) -> list[str]:
    """The terms of a coordinate's text (``"w1_0*w2_0 + 2*w1_1*w2_0 - ..."``), signs kept."""
    return re.split(r" (?=[+-] )", text)


def _parameterization(summary: Any) -> str:
    """Every coordinate of mu in an ``align*``, or (beyond :data:`MAX_PARAMETERIZATION_TERMS`
    terms in all) the first coordinates with their first terms."""
    items = list(summary.parameterization.items())
    total = sum(len(_terms(text)) for _, text in items)
    if total <= MAX_PARAMETERIZATION_TERMS:
        return _as_block(summary.to_latex())
    import sympy  # deferred: sympy typesets the polynomials, and is imported only when LaTeX is asked for

    coords, terms = summary.ABBREVIATE_COORDINATES, summary.ABBREVIATE_TERMS
    lines = []
    for name, text in items[:coords]:
        parts = _terms(text)
        rhs = poly_latex(polynomial_expr(" ".join(parts[:terms])))
        lines.append((poly_latex(sympy.Symbol(name)), rhs + (r" + \dots" if len(parts) > terms else "")))
    if len(items) > coords:
        lines.append((r"\vdots", r"\quad\text{(" + str(len(items) - coords) + " more coordinates)}"))
    return (f"The parameterization has {len(items)} coordinates with {total} terms in all; shown: the first "
            f"{min(coords, len(items))} coordinates with their first {terms} terms each (the order of sympy).\n"
            + align(lines))


def _strata(fs: FunctionSpace, figure: Path | None) -> str:
    text, strat = _item("Strata and the closure relation", fs.stratification,
                        lambda s: r"{\small" + "\n" + _as_block(s.to_latex()) + "\n}")
    if strat is None:
        return text
    if figure is None:
        return text + "\n" + r"\noindent The Hasse diagram is drawn when the report is written to a file." + "\n"
    try:
        # deferred: the plot extra (matplotlib) is optional; without it the report says so
        from lcnalg.plot import save_figure, stratification_figure

        save_figure(stratification_figure(strat), figure)
    except LCNAlgError as exc:
        return text + "\n" + _refusal("Hasse diagram", exc)
    return (text + "\n" + r"\begin{figure}[ht]\centering" + "\n"
            + rf"\includegraphics[width=\linewidth,height=0.6\textheight,keepaspectratio]{{{figure.name}}}" + "\n"
            + r"\caption{Hasse diagram of the strata (one row per dimension; a line joins a stratum to the "
            r"smallest strata whose closure contains it).}" + "\n" + r"\end{figure}" + "\n")


def _sections(value: Any) -> tuple[str, ...]:
    if value is None:
        return tuple(SECTIONS)
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",")]
    if not isinstance(value, (list, tuple)) or not value:
        raise InputError(f"sections: expected a list of section names from {', '.join(SECTIONS)}, "
                         f"got {checks.short(value)}")
    for name in value:
        if not isinstance(name, str) or name not in SECTIONS:
            raise InputError(f"sections: {checks.short(name, 40)} is not a section; expected names from "
                             + ", ".join(SECTIONS))
    return tuple(n for n in SECTIONS if n in value)


def _space(space: Any, seed: int, limits: Limits | None) -> FunctionSpace:
    if isinstance(space, FunctionSpace):
        return space
    if not isinstance(space, (str, Architecture)):
        raise InputError(f"space: expected a FunctionSpace, an Architecture or an architecture string, "
                         f"got {checks.short(space)}")
    return FunctionSpace(space, seed=seed, limits=limits)


def _figure_name(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9_-]", "-", path.stem)[:80] or "report"
    return f"{stem}-strata.pdf"


def latex_report(space: Any, *, sections: Iterable[str] | str | None = None, seed: int = 0,
                 limits: Limits | None = None, path: str | Path | None = None) -> str:
    r"""One LaTeX document with everything lcnalg computes about an architecture.

    Parameters
    ----------
    space : FunctionSpace, Architecture or str
        The architecture (an architecture is studied with ``seed`` and ``limits``; a
        FunctionSpace with its own).
    sections : list of str, str or None
        Names from :data:`SECTIONS` (a list, or one comma-separated string); None: all.
    seed : int
        Seed of the random choices, when ``space`` is not a FunctionSpace.
    limits : Limits or None
        Resource bounds, when ``space`` is not a FunctionSpace.
    path : str, Path or None
        Where the ``.tex`` file will be written: the Hasse diagram of the strata is drawn as a
        PDF in its directory (``<stem>-strata.pdf``, matplotlib needed).  None: no picture.

    Returns
    -------
    str
        A complete ``article`` document (amsmath, amssymb, graphicx, geometry).

    Raises
    ------
    InputError
        For an unknown section, or a ``path`` whose directory does not exist.  A computation
        that is refused or does not apply is one line of the report, not an exception.

    Examples
    --------
    >>> tex = latex_report("3,2 s=2", sections="summary,equations")
    >>> tex.startswith(r"\documentclass{article}"), r"\section{Implicit equations}" in tex
    (True, True)
    >>> "Status:} certified" in tex
    True
    """
    chosen = _sections(sections)
    seed = checks.integer(seed, "seed", low=0, form="a non-negative integer") if not isinstance(
        space, FunctionSpace) else 0
    fs = _space(space, seed, limits)
    figure = None
    if path is not None:
        if not isinstance(path, (str, Path)) or not str(path).strip():
            raise InputError(f"path: expected a file name, got {checks.short(path)}")
        path = Path(path)
        if not path.parent.is_dir():
            raise InputError(f"path: the directory {checks.short(str(path.parent), 60)} does not exist")
        figure = path.parent / _figure_name(path)
    name = latex_escape(str(fs.architecture))
    body = []
    for key in chosen:
        body.append(rf"\section{{{SECTIONS[key]}}}")
        if key == "summary":
            body.append(_summary(fs))
        elif key == "parameterization":
            body.append(_item(r"Coordinates of the parameterization $\mu$", fs.summary, _parameterization)[0])
        elif key == "equations":
            body.append(_item("Generators of the vanishing ideal", fs.implicit_equations,
                              lambda r: _as_block(r.to_latex(max_equations=REPORT_EQUATIONS)))[0])
        elif key == "real":
            body.append(_item(r"Closedness: is $\mathcal{M}$ the set of real points of its Zariski closure?",
                              fs.is_zariski_closed)[0])
            body.append(_item("Semi-algebraic description (inequalities)", fs.inequalities)[0])
            body.append(_item("Boundary", fs.boundary)[0])
        elif key == "strata":
            body.append(_strata(fs, figure))
        elif key == "critical":
            body.append(_item(r"Squared loss with $Q = I$ (ED degree)", lambda: fs.critical_points("identity"))[0])
            body.append(_item(r"Squared loss with a generic $Q$", lambda: fs.critical_points("generic"))[0])
        elif key == "flow":
            body.append(_item("Conserved quantities", fs.invariants)[0])
            body.append(_item(r"Metric $K = J_\mu J_\mu^{\mathsf T}$", fs.metric)[0])
        elif key == "hessian":
            body.append(_item("Ranks of the loss Hessian at a random point", fs.hessian_rank)[0])
    preamble = "\n".join([
        r"\documentclass{article}",
        r"\usepackage[utf8]{inputenc}",
        r"\usepackage{amsmath,amssymb,graphicx}",
        r"\usepackage[margin=2.2cm]{geometry}",
        r"\allowdisplaybreaks",
        r"\setlength{\parindent}{0pt}",
        r"\setlength{\parskip}{0.5em}",
        rf"\title{{lcnalg report: \texttt{{{name}}}}}",
        r"\date{}",
        r"\begin{document}",
        r"\maketitle",
        (r"Everything below is computed by lcnalg (seed " + str(fs.seed) + "). Each item states its status: "
         r"\emph{certified} (proved by an exact computation), \emph{probabilistic} (with its failure bound), "
         r"\emph{complete up to degree d}, \emph{bounds}, or \emph{undecided} (with the reason); "
         r"a computation refused by a resource bound, or that does not apply to this architecture, "
         r"is one line with the reason."),
    ])
    return preamble + "\n\n" + "\n\n".join(body) + "\n\n" + r"\end{document}" + "\n"


def _first_error(log: str) -> str:
    for line in log.splitlines():
        if line.startswith("!"):
            return line[1:].strip()
    return "no error line in the log"


def compile_pdf(tex: str, output: str | Path, *, pictures: Iterable[str | Path] = (),
                timeout: float = PDFLATEX_TIMEOUT) -> Path:
    """Compile a LaTeX document with ``pdflatex`` (twice, in a temporary directory) to ``output``.

    Parameters
    ----------
    tex : str
        The document.
    output : str or Path
        The PDF to write (its directory must exist).
    pictures : iterable of paths
        Files the document includes (copied next to it first).
    timeout : float
        Seconds each pdflatex run may take.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        When pdflatex is not installed, fails (with the first error line of its log) or
        takes longer than ``timeout``.
    """
    output = Path(output)
    exe = shutil.which("pdflatex")
    if exe is None:
        raise InputError("pdflatex is not installed (texlive is an optional system dependency: "
                         "apt-get install texlive-latex-base); write a .tex file instead")
    with tempfile.TemporaryDirectory(prefix="lcnalg-report-") as tmp:
        (Path(tmp) / "report.tex").write_text(tex, encoding="utf-8")
        for picture in pictures:
            shutil.copy(picture, tmp)
        for _ in range(2):
            try:
                run = subprocess.run([exe, "-interaction=nonstopmode", "-halt-on-error", "report.tex"],
                                     cwd=tmp, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
            except subprocess.TimeoutExpired:
                raise InputError(f"pdflatex took longer than {timeout:g} s") from None
            if run.returncode != 0:
                log = Path(tmp) / "report.log"
                text = log.read_text(errors="replace") if log.exists() else run.stdout.decode(errors="replace")
                raise InputError(f"pdflatex failed: {checks.short(_first_error(text), 200)}")
        shutil.copy(Path(tmp) / "report.pdf", output)
    return output


def write_report(space: Any, output: str | Path, *, sections: Iterable[str] | str | None = None, seed: int = 0,
                 limits: Limits | None = None) -> Path:
    """Write the report of :func:`latex_report` to ``output``: a ``.tex`` file with its
    picture next to it, or a ``.pdf`` compiled with pdflatex (:func:`compile_pdf`).

    Parameters
    ----------
    space, sections, seed, limits
        As in :func:`latex_report`.
    output : str or Path
        A file name ending in ``.tex`` or ``.pdf`` in an existing directory.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        For a bad ``output`` (its suffix or directory), or when pdflatex is missing or fails.
    """
    if not isinstance(output, (str, Path)) or not str(output).strip():
        raise InputError(f"output: expected a file name ending in .tex or .pdf, got {checks.short(output)}")
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix not in (".tex", ".pdf"):
        raise InputError(f"output: expected a file name ending in .tex or .pdf, got {checks.short(str(output), 60)}")
    if not output.parent.is_dir():
        raise InputError(f"output: the directory {checks.short(str(output.parent), 60)} does not exist")
    if suffix == ".tex":
        output.write_text(latex_report(space, sections=sections, seed=seed, limits=limits, path=output),
                          encoding="utf-8")
        return output
    with tempfile.TemporaryDirectory(prefix="lcnalg-pictures-") as tmp:
        where = Path(tmp) / "report.tex"
        tex = latex_report(space, sections=sections, seed=seed, limits=limits, path=where)
        pictures = [p for p in Path(tmp).iterdir() if p.suffix == ".pdf"]
        return compile_pdf(tex, output, pictures=pictures)
