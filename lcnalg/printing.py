"""Printing shared by every result: polynomial text, architecture names, LaTeX of polynomials
and equation lists, and what notebooks display (:func:`notebook_latex`, :func:`html_table`).

The one text convention for polynomials is ``^`` for powers and ``*`` for products (as
Singular and Macaulay2 write them); :func:`poly_text` produces it from a FLINT or sympy
polynomial.  ``sympy.parse_expr(text, transformations=standard_transformations +
(convert_xor,))`` (or ``sympy.sympify(text, convert_xor=True)``) reads it back.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    import sympy

__all__ = ["poly_text", "function_space_symbol", "poly_latex", "polynomial_expr", "align", "notebook_latex", "html_table",
           "latex_char", "latex_escape", "latex_unescape", "latex_paragraph"]


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


_NAME = r"[a-z]+[0-9][0-9_]*"
_FACTOR = rf"{_NAME}(?:(?:\^|\*\*)[0-9]+)?"
_TERM = re.compile(rf"(?:([0-9]+)\*)?({_FACTOR}(?:\*{_FACTOR})*)|([0-9]+)")


def polynomial_expr(text: str) -> "sympy.Expr":
    """The sympy expression of a polynomial's text as FLINT writes it (``"3*w1_0^2*w2_1 - w1_1"``;
    sympy's ``**`` for powers is read too).

    Integer coefficients times products of powers of names like ``w1_0`` are built directly
    (``Symbol``, ``Pow``, ``Mul``, ``Add``: the expression ``sympify`` gives, without its parser,
    which costs about ten times as much on a parameterization of thousands of terms); any
    other text is read by ``sympy.sympify`` (``^`` as power).

    Examples
    --------
    >>> import sympy
    >>> polynomial_expr("3*w1_0^2*w2_1 - w1_1 + 5") == sympy.sympify("3*w1_0**2*w2_1 - w1_1 + 5")
    True
    >>> polynomial_expr("-w1_0**2 + 2*w2_0**2") == sympy.sympify("-w1_0**2 + 2*w2_0**2")
    True
    >>> polynomial_expr("1/2*x0 + y")   # not integer coefficients: sympify
    x0/2 + y
    """
    import sympy

    terms = []
    for i, part in enumerate(re.split(r" (?=[+-] )", text.strip())):
        sign = 1
        if i and part[:2] in ("+ ", "- "):
            sign, part = (-1 if part[0] == "-" else 1), part[2:]
        elif not i and part[:1] == "-":
            sign, part = -1, part[1:]
        match = _TERM.fullmatch(part)
        if match is None:
            return sympy.sympify(text.replace("^", "**"))
        coeff, monomial, constant = match.groups()
        if constant is not None:
            terms.append(sympy.Integer(sign * int(constant)))
            continue
        factors = [sympy.Integer(sign * int(coeff or 1))]
        for factor in monomial.replace("**", "^").split("*"):
            name, _, exp = factor.partition("^")
            symbol = sympy.Symbol(name)
            factors.append(sympy.Pow(symbol, sympy.Integer(int(exp))) if exp else symbol)
        terms.append(sympy.Mul(*factors))
    return sympy.Add(*terms)


def align(lines: Sequence[tuple[str, str]], width: int = 80) -> str:
    r"""An ``align*`` environment, one ``lhs &= rhs`` per line, long right sides broken.

    A right side longer than ``width`` characters is broken before a ``+`` or ``-`` at
    top level onto continuation lines ``&\quad …``; so is a left side (an equation ``f = 0``),
    its lines then set from the alignment point and ``= rhs`` after the last one.

    Examples
    --------
    >>> print(align([("c_{0}", "0")]))
    \begin{align*}
    c_{0} &= 0
    \end{align*}
    >>> print(align([("a + b - c", "0")], width=4))
    \begin{align*}
    &a \\
    &\quad + b \\
    &\quad - c = 0
    \end{align*}
    """
    body = []
    for lhs, rhs in lines:
        if len(lhs) > width:
            left = _break(lhs, width)
            rows = [f"&{left[0]}"] + [rf"&\quad {c}" for c in left[1:]]
            rows[-1] += f" = {rhs}"
            body.append(" \\\\\n".join(rows))
            continue
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


#: Environments MathJax typesets on their own (outside ``$ … $``).
DISPLAY_ENVIRONMENTS = ("align", "align*", "equation", "equation*", "gather", "gather*", "multline", "multline*")


def _top_level_dollar(text: str) -> bool:
    """Whether ``text`` has an unescaped ``$`` outside every brace group (text with inline math,
    rather than math whose ``\text{…}`` holds a ``$``)."""
    depth, escaped = 0, False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "$" and depth == 0:
            return True
    return False


#: Environments of text mode (a paragraph that holds one is text already, not a bare formula).
TEXT_ENVIRONMENTS = ("itemize", "enumerate", "description", "tabular", "center", "table", "figure", "quote")


def latex_paragraph(latex: str) -> str:
    r"""A result's LaTeX as a paragraph of a document body: a bare formula (no ``$`` at top
    level, no ``\[``, no display environment such as ``align*`` and no text environment such as
    ``itemize``) is displayed in ``\[ … \]``; text with its own math is returned as it is.  Comment lines (``%``) before the formula stay
    before it.

    Examples
    --------
    >>> latex_paragraph(r"\operatorname{rank} H = 4")
    '\\[\\operatorname{rank} H = 4\\]'
    >>> latex_paragraph(r"$\dim \mathcal{M} = 3$ in $\mathbb{R}^{3}$.")
    '$\\dim \\mathcal{M} = 3$ in $\\mathbb{R}^{3}$.'
    >>> print(latex_paragraph("% a comment\n\\begin{array}{l} x \\end{array}"))
    % a comment
    \[\begin{array}{l} x \end{array}\]
    """
    text = latex.strip()
    lines = text.splitlines()
    head = []
    while lines and lines[0].lstrip().startswith("%"):
        head.append(lines.pop(0))
    body = "\n".join(lines)
    shown = (not body or _top_level_dollar(body) or r"\[" in body or r"\noindent" in body
             or any(rf"\begin{{{env}}}" in body for env in DISPLAY_ENVIRONMENTS + TEXT_ENVIRONMENTS))
    return "\n".join(head + [body if shown else r"\[" + body + r"\]"]) if body else "\n".join(head)


def _text_cell(cell: str) -> str:
    """A text-mode table cell as math: text runs in ``\text{…}`` (their escapes undone: MathJax
    shows ``\text`` literally), ``$…$`` runs as they are."""
    out = []
    for i, part in enumerate(re.split(r"(?<!\\)\$", cell.strip())):
        if i % 2:
            out.append(part)
        elif part:
            text = latex_unescape(part.replace(r"\^{}", "^"))
            out.append(r"\text{" + text.replace("\\ ", " ") + "}")
    return " ".join(out)


def _tabular_to_array(latex: str) -> str:
    r"""``\begin{tabular}{spec} … \end{tabular}`` (text mode, not typeset by MathJax) as an
    ``array`` in ``$$ … $$``."""
    match = re.search(r"\\begin\{tabular\}\{((?:[^{}]|\{[^{}]*\})*)\}(.*?)\\end\{tabular\}", latex, re.S)
    if match is None:
        return latex
    spec = re.sub(r"[pmb]\{[^{}]*\}", "l", match.group(1))
    rows, hline = [], False
    for chunk in re.split(r"\\\\", match.group(2)):
        chunk = chunk.strip()
        if chunk.startswith(r"\hline"):
            hline, chunk = True, chunk[len(r"\hline"):].strip()
        if not chunk:
            continue
        cells = " & ".join(_text_cell(c) for c in re.split(r"(?<!\\)&", chunk))
        rows.append((r"\hline " if hline else "") + cells)
        hline = False
    return "$$\\begin{array}{" + spec + "}\n" + " \\\\\n".join(rows) + "\n\\end{array}$$"


def notebook_latex(latex: str) -> str:
    r"""What a notebook shows for ``to_latex()`` output (``_repr_latex_``, typeset by MathJax).

    Comment lines (``% …``) are dropped; a ``tabular`` (text mode, which MathJax does not
    typeset) becomes an ``array`` in ``$$ … $$``; text with inline ``$ … $`` and a display
    environment (:data:`DISPLAY_ENVIRONMENTS`) are kept as they are, and so is plain text (no
    backslash, no ``$``); anything else is math: put in ``$\displaystyle … $``, or, when it
    has several lines (``\\`` outside an environment), in a ``gathered`` in ``$$ … $$``.

    Parameters
    ----------
    latex : str

    Returns
    -------
    str

    Examples
    --------
    >>> notebook_latex(r"\dim M = 4")
    '$\\displaystyle \\dim M = 4$'
    >>> notebook_latex("% a comment\n$M$: closed.")
    '$M$: closed.'
    >>> notebook_latex(r"a = b \\ c = d")
    '$$\\begin{gathered}a = b \\\\ c = d\\end{gathered}$$'
    >>> print(notebook_latex("\\begin{tabular}{lp{3cm}}\na\\_b & $x^2$\\\\ \\hline\nc & d\\\\\n\\end{tabular}"))
    $$\begin{array}{ll}
    \text{a_b} & x^2 \\
    \hline \text{c} & \text{d}
    \end{array}$$
    """
    body = "\n".join(line for line in latex.splitlines() if not line.lstrip().startswith("%")).strip()
    if "\\" not in body and "$" not in body:
        return body   # plain text
    if r"\begin{tabular}" in body:
        return _tabular_to_array(body)
    env = re.match(r"\\begin\{([a-z*]+)\}", body)
    if _top_level_dollar(body) or (env is not None and env.group(1) in DISPLAY_ENVIRONMENTS):
        return body
    if "\\\\" in re.sub(r"\\begin\{([a-z*]+)\}.*?\\end\{\1\}", "", body, flags=re.S):
        return r"$$\begin{gathered}" + body + r"\end{gathered}$$"   # lines: one formula each
    return r"$\displaystyle " + body + "$"


def _html_cell(value: Any) -> str:
    import html  # deferred: only notebooks show HTML (start-up of every command)

    if isinstance(value, (list, tuple)):
        return "<br>".join(html.escape(str(v)) for v in value)
    return html.escape(str(value))


def html_table(caption: str, header: Sequence[str], rows: Sequence[Sequence[Any]],
               notes: Sequence[str] = ()) -> str:
    """An HTML table (what a notebook shows for a result that is a table, ``_repr_html_``).

    Every text is escaped; a cell that is a list or tuple shows one item a line.

    Parameters
    ----------
    caption : str
    header : sequence of str
    rows : sequence of sequences
        One value per column.
    notes : sequence of str
        Lines under the table (the status, notes).

    Returns
    -------
    str

    Examples
    --------
    >>> print(html_table("x < y", ["a"], [[1], [("p", "q&r")]], ["ok"]).replace(' style="text-align:left"', ""))
    <table><caption>x &lt; y</caption><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr><tr><td>p<br>q&amp;r</td></tr></tbody></table><p>ok</p>
    """
    import html  # deferred: only notebooks show HTML (start-up of every command)

    head = "".join(f'<th style="text-align:left">{html.escape(str(h))}</th>' for h in header)
    body = "".join("<tr>" + "".join(f'<td style="text-align:left">{_html_cell(c)}</td>' for c in row) + "</tr>"
                   for row in rows)
    tail = "".join(f"<p>{html.escape(n)}</p>" for n in notes)
    return (f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>{tail}")


#: Characters outside ASCII that results and messages use, as LaTeX (valid in text and math).
_UNICODE = {
    "⊊": r"\ensuremath{\subsetneq}", "⊆": r"\ensuremath{\subseteq}", "⊂": r"\ensuremath{\subset}",
    "⊇": r"\ensuremath{\supseteq}", "∖": r"\ensuremath{\setminus}", "∈": r"\ensuremath{\in}",
    "∩": r"\ensuremath{\cap}", "∪": r"\ensuremath{\cup}", "⊔": r"\ensuremath{\sqcup}", "∅": r"\ensuremath{\emptyset}",
    "⇔": r"\ensuremath{\Leftrightarrow}", "∀": r"\ensuremath{\forall}", "∃": r"\ensuremath{\exists}",
    "∉": r"\ensuremath{\notin}", "≤": r"\ensuremath{\le}", "≥": r"\ensuremath{\ge}", "≠": r"\ensuremath{\neq}",
    "≈": r"\ensuremath{\approx}", "∘": r"\ensuremath{\circ}", "·": r"\ensuremath{\cdot}",
    "×": r"\ensuremath{\times}", "∞": r"\ensuremath{\infty}", "→": r"\ensuremath{\to}",
    "↦": r"\ensuremath{\mapsto}", "⇒": r"\ensuremath{\Rightarrow}", "±": r"\ensuremath{\pm}",
    "∂": r"\ensuremath{\partial}", "∑": r"\ensuremath{\sum}", "√": r"\ensuremath{\surd}",
    "²": r"\ensuremath{^2}", "³": r"\ensuremath{^3}", "⁻": r"\ensuremath{^-}", "¹": r"\ensuremath{^1}",
    "…": r"\dots{}", "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''", "\u00a0": "~",
}


#: Text-mode escapes of the ASCII characters that LaTeX treats specially.
_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
            "%": r"\%", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
            "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}"}


def latex_char(char: str) -> str:
    r"""LaTeX for one character outside ASCII: a known symbol, a Greek letter, the letter
    without its accent, or ``?``.

    Examples
    --------
    >>> print(latex_char("∂"), latex_char("κ"), latex_char("é"))
    \ensuremath{\partial} \ensuremath{\kappa} e
    """
    if char in _UNICODE:
        return _UNICODE[char]
    parts = unicodedata.normalize("NFKD", char)
    if len(parts) == 2 and parts[1] == "\u0304" and parts[0].isascii() and parts[0].isalpha():
        return rf"\ensuremath{{\bar{{{parts[0]}}}}}"   # ā: a conjugate
    name = unicodedata.name(char, "")
    greek = re.fullmatch(r"GREEK (SMALL|CAPITAL) LETTER ([A-Z]+)", name)
    if greek:
        letter = greek.group(2).lower()
        letter = {"lamda": "lambda"}.get(letter, letter)
        if greek.group(1) == "CAPITAL":
            letter = letter.capitalize()
            if letter in ("Alpha", "Beta", "Epsilon", "Zeta", "Eta", "Iota", "Kappa", "Mu", "Nu", "Omicron", "Rho",
                          "Tau", "Chi"):
                return letter[0]  # no command: the Latin capital looks the same
        return rf"\ensuremath{{\{letter}}}"
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return plain if plain.isprintable() and plain else "?"


def latex_escape(text: Any) -> str:
    r"""Text made safe for LaTeX's text mode: its special characters escaped, characters
    outside ASCII mapped to LaTeX commands (or ``?``), control characters dropped.

    Parameters
    ----------
    text : str
        Any text (an architecture string, an error message); other values are converted with ``str``.

    Returns
    -------
    str

    Examples
    --------
    >>> latex_escape("50% of {x_1} & #2 ~ a^b \\ c")
    '50\\% of \\{x\\_1\\} \\& \\#2 \\textasciitilde{} a\\textasciicircum{}b \\textbackslash{} c'
    >>> latex_escape("M ⊊ V(R), μ")
    'M \\ensuremath{\\subsetneq} V(R), \\ensuremath{\\mu}'
    >>> print(latex_escape("M ∩ closure, b̄ → ā"))
    M \ensuremath{\cap} closure, \ensuremath{\bar{b}} \ensuremath{\to} \ensuremath{\bar{a}}
    """
    out = []
    text = str(text)
    for char in text:
        if char == "\u0304":    # a combining macron: the letter before it is barred (b̄: a conjugate)
            if out and len(out[-1]) == 1 and out[-1].isascii() and out[-1].isalpha():
                out[-1] = rf"\ensuremath{{\bar{{{out[-1]}}}}}"
            continue
        if char in _SPECIAL:
            out.append(_SPECIAL[char])
        elif char in "\n\t\r":
            out.append(" ")
        elif ord(char) < 32 or ord(char) == 127:
            continue
        elif ord(char) < 128:
            out.append(char)
        else:
            out.append(latex_char(char))
    return "".join(out)


#: The escapes of :func:`latex_escape` for ASCII characters, undone by :func:`latex_unescape`.
_ESCAPED = {v: k for k, v in _SPECIAL.items()}
#: The symbols of :data:`_UNICODE` that :func:`latex_unescape` reads back.
_SYMBOLS = {v: k for k, v in _UNICODE.items() if v.startswith("\\ensuremath")}
#: One alternation of the escapes, longest first.
_ESCAPES = re.compile("|".join(re.escape(k) for k in sorted(_ESCAPED, key=len, reverse=True)))


def latex_unescape(text: str) -> str:
    r"""The text that :func:`latex_escape` made ``text`` from, as far as it can be told (the
    symbols and Greek letters back to their characters, a bar back to a combining macron): what a
    notebook's MathJax shows inside ``\text{…}``, which typesets no text-mode command.

    Examples
    --------
    >>> latex_unescape(latex_escape("∂_V M = M ∩ closure(V(R) ∖ M), κ(P), 1<->2, b̄ ~ 50%"))
    '∂_V M = M ∩ closure(V(R) ∖ M), κ(P), 1<->2, b̄ ~ 50%'
    """
    def command(match: "re.Match[str]") -> str:
        inner = match.group(0)
        if inner in _SYMBOLS:
            return _SYMBOLS[inner]
        bar = re.fullmatch(r"\\ensuremath\{\\bar\{([A-Za-z])\}\}", inner)
        if bar:
            return bar.group(1) + "\u0304"
        name = match.group(1)
        try:
            return unicodedata.lookup(f"GREEK {'CAPITAL' if name[0].isupper() else 'SMALL'} LETTER "
                                      f"{ {'lambda': 'lamda'}.get(name.lower(), name.lower()).upper()}")
        except (KeyError, TypeError):
            return inner

    text = re.sub(r"\\ensuremath\{\\([A-Za-z]+)(?:\{[A-Za-z]\})?\}", command, text)
    return _ESCAPES.sub(lambda m: _ESCAPED[m.group(0)], text)
