"""Printing shared by every result: polynomial text, architecture names, LaTeX of polynomials
and equation lists.

The one text convention for polynomials is ``^`` for powers and ``*`` for products (as
Singular and Macaulay2 write them); :func:`poly_text` produces it from a FLINT or sympy
polynomial.  ``sympy.parse_expr(text, transformations=standard_transformations +
(convert_xor,))`` (or ``sympy.sympify(text, convert_xor=True)``) reads it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import sympy

__all__ = ["poly_text", "function_space_symbol", "poly_latex", "align"]


def poly_text(expr: object) -> str:
    """Text of a polynomial with ``^`` for powers and ``*`` for products.

    Parameters
    ----------
    expr : flint polynomial, sympy expression or str

    Examples
    --------
    >>> import sympy
    >>> x, y = sympy.symbols("x y")
    >>> poly_text(x**2*y - 3*y**3)
    'x^2*y - 3*y^3'
    """
    return str(expr).replace("**", "^")


def function_space_symbol(architecture: str) -> str:
    r"""``\mathcal{M}`` subscripted with the architecture string in typewriter type.

    Examples
    --------
    >>> function_space_symbol("3,2 s=2")
    '\\mathcal{M}_{\\texttt{3,2 s=2}}'
    """
    return r"\mathcal{M}_{\texttt{" + architecture + "}}"


def _symbol_names(names: Sequence[str]) -> dict:
    """Map names like ``c1_2`` / ``w1_0`` to LaTeX ``c_{1,2}`` / ``w_{1,0}``."""
    import sympy

    out = {}
    for n in names:
        head, _, rest = n.partition("_") if n[0] == "w" else (n[0], "", n[1:])
        if n[0] == "w":
            idx = [head[1:]] + rest.split("_")
        else:
            idx = rest.split("_")
        out[sympy.Symbol(n)] = f"{n[0]}_{{{','.join(idx)}}}"
    return out


def poly_latex(expr: "sympy.Expr") -> str:
    """LaTeX of a polynomial in lcnalg's variable names, indices typeset as subscripts.

    Examples
    --------
    >>> import sympy
    >>> c0, c1_2, w1_0 = sympy.symbols("c0 c1_2 w1_0")
    >>> poly_latex(c0 * c1_2 - w1_0**2)
    'c_{0} c_{1,2} - w_{1,0}^{2}'
    """
    import sympy

    names = [str(s) for s in expr.free_symbols]
    return sympy.latex(expr, symbol_names=_symbol_names(names), order="grevlex")


def align(lines: Sequence[tuple[str, str]], width: int = 80) -> str:
    r"""An ``align*`` environment, one ``lhs &= rhs`` per line, long right sides broken.

    A right side longer than ``width`` characters is broken before a ``+`` or ``-`` at
    top level onto continuation lines ``&\quad …``.

    Examples
    --------
    >>> print(align([("c_{0}", "0")]))
    \begin{align*}
    c_{0} &= 0
    \end{align*}
    """
    body = []
    for lhs, rhs in lines:
        chunks = _break(rhs, width)
        first = f"{lhs} &= {chunks[0]}"
        rest = [rf"&\quad {c}" for c in chunks[1:]]
        body.append(" \\\\\n".join([first] + rest))
    return "\\begin{align*}\n" + " \\\\\n".join(body) + "\n\\end{align*}"


def _break(text: str, width: int) -> list[str]:
    chunks: list[str] = []
    depth = 0
    start = 0
    last_cut = 0
    for i, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch in "+-" and depth == 0 and i > 0 and text[i - 1] == " ":
            if i - start > width and last_cut > start:
                chunks.append(text[start:last_cut].rstrip())
                start = last_cut
            last_cut = i
    if len(text) - start > width and last_cut > start:
        chunks.append(text[start:last_cut].rstrip())
        start = last_cut
    chunks.append(text[start:].rstrip())
    return chunks
