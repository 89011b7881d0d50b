"""Singular input scripts: the vanishing ideal of a function space, and solution counts of
zero-dimensional systems (:func:`zero_dimensional_script`).

For the vanishing ideal:

The script builds the graph ideal ``⟨c_m − μ_m(w)⟩`` of the parameterization (docs/theory.md#elimination-certificate)
and eliminates the weights, either with ``eliminate`` in one ring holding
``w`` and ``c`` or with ``preimage`` of the zero ideal under the ring map
``Q[c] → Q[w], c_m ↦ μ_m``.  It prints machine-readable lines::

    LCNALG ngens 1
    LCNALG degrees 2
    LCNALG dim 3
    LCNALG degree 2
    LCNALG gens c1*c2-c0*c3

``ngens``/``degrees``/``gens`` describe a minimal generating set (``mstd``), ``dim`` is the
Krull dimension of ``Q[c]/I`` (the dimension of the function space) and ``degree`` is
``mult`` of a standard basis (the degree of the neurovariety).  Generators are separated
by commas (polynomials never contain one).  Singular accepts lcnalg's variable names
(``w1_0``, ``c0_1``) as they are.

The elimination is run in rings with weights ``1`` on every ``w`` and ``D`` on every
``c``, where ``D`` is the degree of every ``μ_m`` in ``w``: ``D = L`` (number of layers)
for a linear network, where ``μ`` is multilinear, and ``D = r^{L−1} + ⋯ + r + 1`` for the
activation ``t ↦ t^r``, where layer ``l``'s filter enters with degree ``r^{L−l}``
(docs/theory.md#polynomial-networks).  So the graph ideal is weighted homogeneous and
Singular can use its Hilbert-driven algorithms.  The result is
mapped to a standard-graded ring ``Q[c]`` before minimal generators, dimension and degree
are taken.
"""

from __future__ import annotations

from typing import Any, Sequence

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.parameterization import Parameterization, parameterize

__all__ = ["singular_script", "zero_dimensional_script", "coordinate_weight", "script_parameterization", "METHODS"]

#: Elimination routes understood by :func:`singular_script`.
METHODS = ("eliminate", "preimage")

_REPORT = """\
list L = mstd(E);
ideal S = L[1];
ideal M = L[2];
int n = size(M);
int i;
string degs = "";
string gs = "";
for (i = 1; i <= ncols(M); i++)
{
  if (M[i] != 0)
  {
    if (size(degs) > 0) { degs = degs + ","; gs = gs + ","; }
    degs = degs + string(deg(M[i]));
    gs = gs + string(M[i]);
  }
}
print("LCNALG ngens " + string(n));
print("LCNALG degrees " + degs);
print("LCNALG dim " + string(dim(S)));
print("LCNALG degree " + string(mult(S)));
print("LCNALG gens " + gs);
quit;
"""


def script_parameterization(arch: Any) -> tuple[Any, str]:
    """The parameterization a script eliminates, and a comment line saying how it was chosen.

    ``arch`` itself when it is a parameterization (linear or polynomial: the caller's choice);
    for an architecture, that of :meth:`~lcnalg.architecture.Architecture.merged_over_c`:
    consecutive 1D layers joined by stride one merged into one (the same complex image, hence
    the same vanishing ideal, docs/theory.md#complex-image), so the script eliminates fewer
    weights (``2,2,4,3 s=1,1,2`` is eliminated as ``6,3 s=2``: 9 weights instead of 11, which
    Singular's ``eliminate`` does in a fraction of a second instead of not in two minutes).

    Examples
    --------
    >>> mu, note = script_parameterization("2,2,4,3 s=1,1,2")
    >>> str(mu.architecture), mu.num_parameters, note
    ('6,3 s=2', 9, 'layers joined by stride one merged first: 6,3 s=2 has the same complex image')
    >>> script_parameterization("2,2 s=2")[1]
    ''
    """
    if hasattr(arch, "coordinates") and hasattr(arch, "layer_degrees"):
        return arch, ""
    a = Architecture.coerce(arch)
    merged = a.merged_over_c()
    if merged == a:
        return parameterize(a), ""
    return parameterize(merged), f"layers joined by stride one merged first: {merged} has the same complex image"


def coordinate_weight(mu: Any) -> int:
    """The degree ``D`` of every coordinate ``μ_m`` in the weights (all of weight 1).

    Layer ``l`` contributes ``mu.layer_degrees[l]`` (1 for a linear network, ``r^{L−l}``
    for the activation ``t ↦ t^r``), so ``D = L`` when linear and ``(r^L − 1)/(r − 1)``
    otherwise.  The scripts give every ``c`` this weight, which makes ``c_m − μ_m(w)``
    homogeneous.

    Examples
    --------
    >>> from lcnalg.parameterization import parameterize
    >>> coordinate_weight(parameterize("2,2,2 s=2,2")), coordinate_weight(parameterize("2,2,2 r=2"))
    (3, 7)
    """
    return int(sum(mu.layer_degrees))


def singular_script(arch: Architecture | str | Any, method: str = "eliminate") -> str:
    """A complete Singular input computing the implicit equations of ``arch``.

    Parameters
    ----------
    arch : Architecture, str, Parameterization or PolynomialParameterization
        The architecture (``"2,2 s=2"``, ``"2,2 r=2"`` etc.); a polynomial network
        (activation ``t ↦ t^r``) is eliminated through its coefficients of the output form.
    method : {"eliminate", "preimage"}
        ``"eliminate"``: ``eliminate`` the weights from the graph ideal in ``Q[w, c]``;
        ``"preimage"``: ``preimage`` of the zero ideal under ``Q[c] → Q[w]``.

    Returns
    -------
    str
        The script; run it with ``Singular -q FILE``.  It prints the ``LCNALG`` lines
        described in the module docstring and ends with ``quit;``.

    Raises
    ------
    InputError
        When ``method`` is not one of :data:`METHODS`.

    Examples
    --------
    >>> print(singular_script("2,2 s=2").splitlines()[4])
    ring R = 0, (w1_0,w1_1,w2_0,w2_1,c0,c1,c2,c3), (wp(1,1,1,1),wp(2,2,2,2));
    >>> print(singular_script("2,2 s=2").splitlines()[5])
    ideal G = c0-(w1_0*w2_0), c1-(w1_1*w2_0), c2-(w1_0*w2_1), c3-(w1_1*w2_1);
    >>> "preimage(W, phi, zero)" in singular_script("2,2 s=2", method="preimage")
    True
    >>> print(singular_script("2,2 r=2").splitlines()[4])
    ring R = 0, (w1_0,w1_1,w2_0,w2_1,c0_0,c0_1,c1_1,c1_2,c2_2), (wp(1,1,1,1),wp(3,3,3,3,3));
    >>> print(singular_script("2,2 r=2").splitlines()[5])
    ideal G = c0_0-(w1_0^2*w2_0), c0_1-(2*w1_0*w1_1*w2_0), c1_1-(w1_1^2*w2_0 + w1_0^2*w2_1), c1_2-(2*w1_0*w1_1*w2_1), c2_2-(w1_1^2*w2_1);
    >>> singular_script("2,2 s=2", method="groebner")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: method: 'groebner' is not one of eliminate, preimage
    """
    if method not in METHODS:
        raise InputError(f"method: {method!r:.40} is not one of {', '.join(METHODS)}")
    mu, merged = script_parameterization(arch)
    w = list(mu.parameter_names)
    c = list(mu.coordinate_names)
    polys = [str(p) for p in mu.coordinates]
    D = coordinate_weight(mu)
    ones = ",".join("1" for _ in w)
    heavy = ",".join(str(D) for _ in c)
    head = [
        f"// lcnalg: implicit equations of the function space of {arch if merged else mu.architecture} ({method})",
        "// variables are named exactly as in lcnalg (Singular accepts underscores in names)",
        f"// weights: 1 on each w, {D} on each c -- every coordinate of mu has degree {D} in w",
        "option(redSB);",
    ]
    if merged:
        head.insert(1, f"// {merged}")
    if method == "eliminate":
        body = [
            f"ring R = 0, ({','.join(w + c)}), (wp({ones}),wp({heavy}));",
            "ideal G = " + ", ".join(f"{ci}-({p})" for ci, p in zip(c, polys)) + ";",
            f"ideal E = eliminate(G, {'*'.join(w)});",
            f"ring C = 0, ({','.join(c)}), dp;",
            "ideal E = imap(R, E);",
        ]
    else:
        body = [
            f"ring W = 0, ({','.join(w)}), wp({ones});",
            "ideal zero = 0;",
            f"ring Cw = 0, ({','.join(c)}), wp({heavy});",
            "setring W;",
            "map phi = Cw, " + ", ".join(polys) + ";",
            "setring Cw;",
            "ideal K = preimage(W, phi, zero);",
            f"ring C = 0, ({','.join(c)}), dp;",
            "ideal E = imap(Cw, K);",
        ]
    return "\n".join(head + body) + "\n" + _REPORT


def zero_dimensional_script(polys: Sequence[Any], names: Sequence[str], modulus: int = 32003) -> str:
    """A Singular input counting the solutions of a polynomial system with multiplicity.

    The script computes a standard basis (``std``, degrevlex) over ``GF(modulus)`` and prints
    ``LCNALG vdim N`` (``N = dim_k k[x]/I``, ``-1`` if the ideal is not zero-dimensional) and
    ``LCNALG dim d``.

    Parameters
    ----------
    polys : sequence of flint polynomials or str
        The system (``fmpz_mpoly``/``fmpq_mpoly`` print with ``*`` and ``^``, which Singular
        reads; rational coefficients are read in ``GF(modulus)``).
    names : sequence of str
        The variables, in the order of the polynomials' context.
    modulus : int
        A prime below ``2^31`` (Singular's prime fields).

    Returns
    -------
    str

    Examples
    --------
    >>> print(zero_dimensional_script(["x^2-1", "y-x"], ["x", "y"]))
    ring R = 32003, (x,y), dp;
    option(redSB);
    ideal I = x^2-1, y-x;
    ideal G = std(I);
    print("LCNALG vdim " + string(vdim(G)));
    print("LCNALG dim " + string(dim(G)));
    quit;
    """
    if not names or not all(isinstance(n, str) and n.replace("_", "").isalnum() for n in names):
        raise InputError("names: expected variable names made of letters, digits and '_'")
    if not isinstance(modulus, int) or isinstance(modulus, bool) or not 2 <= modulus < 2**31:
        raise InputError(f"modulus: expected a prime below 2^31, got {modulus!r}")
    gens = ", ".join(str(p).replace(" ", "") for p in polys)
    return (f"ring R = {modulus}, ({','.join(names)}), dp;\n"
            "option(redSB);\n"
            f"ideal I = {gens};\n"
            "ideal G = std(I);\n"
            'print("LCNALG vdim " + string(vdim(G)));\n'
            'print("LCNALG dim " + string(dim(G)));\n'
            "quit;")
