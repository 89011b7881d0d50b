"""Macaulay2 input scripts computing the vanishing ideal of a function space.

The script computes ``kernel map(W, C, {μ_0, ...})`` of the ring map ``Q[c] → Q[w]``,
``c_m ↦ μ_m`` (docs/theory.md#neurovariety), then ``mingens``, ``dim`` and ``degree``, and prints the same
machine-readable lines as :mod:`lcnalg.export.singular`::

    LCNALG ngens 1
    LCNALG degrees 2
    LCNALG dim 3
    LCNALG degree 2
    LCNALG gens c1*c2-c0*c3

Names: in Macaulay2 ``x_i`` is an indexed variable and ``w1_0_0`` does not parse as a
ring variable, so the script renames ``_`` to ``u`` (``w1_0 → w1u0``, ``c0_1 → c0u1``;
the letter ``u`` appears in no lcnalg name) and maps the names back in the ``LCNALG
gens`` line.  ``C`` carries degree ``D`` on every variable, ``D`` the degree of every
``μ_m`` in ``w`` (``L``, the number of layers, for a linear network; ``r^{L−1} + ⋯ + 1``
for the activation ``t ↦ t^r``, :func:`lcnalg.export.singular.coordinate_weight`), so that
the map is homogeneous and the kernel is computed with homogeneous Gröbner bases; the kernel
is then moved to a standard-graded copy of ``Q[c]``.  Polynomial networks are
parameterized by the coefficients of their output form
(:class:`~lcnalg.polynomial_parameterization.PolynomialParameterization`).
"""

from __future__ import annotations

from typing import Any, Sequence

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.export.singular import coordinate_weight, script_parameterization
from lcnalg.parameterization import Parameterization

__all__ = ["macaulay2_script", "m2_name", "zero_dimensional_m2_script"]


def m2_name(name: str) -> str:
    """The Macaulay2 spelling of an lcnalg variable name (``_`` becomes ``u``).

    Examples
    --------
    >>> m2_name("w1_0_1"), m2_name("c3")
    ('w1u0u1', 'c3')
    """
    return name.replace("_", "u")


def macaulay2_script(arch: Architecture | str | Parameterization | Any) -> str:
    """A complete Macaulay2 input computing the implicit equations of ``arch``.

    Parameters
    ----------
    arch : Architecture, str, Parameterization or PolynomialParameterization
        The architecture (``"2,2 s=2"``, ``"2,2 r=2"`` etc.).

    Returns
    -------
    str
        The script; run it with ``M2 --script FILE``.  It prints the ``LCNALG`` lines and
        ends with ``exit 0``.

    Examples
    --------
    >>> lines = macaulay2_script("2,2 s=2").splitlines()
    >>> print(lines[3])
    W = QQ[w1u0,w1u1,w2u0,w2u1];
    >>> print(lines[5])
    phi = map(W, Cw, {w1u0*w2u0, w1u1*w2u0, w1u0*w2u1, w1u1*w2u1});
    >>> print(macaulay2_script("2,2 r=2").splitlines()[4])
    Cw = QQ[c0u0,c0u1,c1u1,c1u2,c2u2, Degrees => {3,3,3,3,3}];
    """
    mu, merged = script_parameterization(arch)
    w = [m2_name(n) for n in mu.parameter_names]
    c = [m2_name(n) for n in mu.coordinate_names]
    polys = [m2_name(str(p)) for p in mu.coordinates]
    D = coordinate_weight(mu)
    lines = [
        f"-- lcnalg: implicit equations of the function space of {arch if merged else mu.architecture} (kernel)",
        *([f"-- {merged}"] if merged else []),
        "-- names: '_' is renamed 'u' (w1_0 -> w1u0), since x_i is indexed-variable syntax in M2;",
        "-- the LCNALG gens line maps the names back",
        f"W = QQ[{','.join(w)}];",
        f"Cw = QQ[{','.join(c)}, Degrees => {{{','.join(str(D) for _ in c)}}}];",
        "phi = map(W, Cw, {" + ", ".join(polys) + "});",
        "Kw = kernel phi;",
        f"C = QQ[{','.join(c)}];",
        "K = (map(C, Cw, gens C)) Kw;",
        "gs = flatten entries mingens K;",
        'stdio << "LCNALG ngens " << #gs << endl;',
        'stdio << "LCNALG degrees " << demark(",", apply(gs, g -> toString first degree g)) << endl;',
        'stdio << "LCNALG dim " << toString dim K << endl;',
        'stdio << "LCNALG degree " << toString degree K << endl;',
        'stdio << "LCNALG gens " << replace("u", "_", demark(",", apply(gs, toString))) << endl;',
        "exit 0",
    ]
    return "\n".join(lines) + "\n"


def zero_dimensional_m2_script(polys: Sequence[Any], names: Sequence[str], modulus: int = 32003) -> str:
    """A Macaulay2 input counting the solutions of a polynomial system with multiplicity.

    Prints ``LCNALG vdim N`` (``N = dim_k k[x]/I`` from a basis of the quotient; ``-1`` if it is
    not finite) and ``LCNALG dim d`` over ``ZZ/modulus``.

    Examples
    --------
    >>> print(zero_dimensional_m2_script(["x^2-1", "y_0-x"], ["x", "y_0"]))
    R = ZZ/32003[x,yu0];
    I = ideal(x^2-1, yu0-x);
    d = dim I;
    print("LCNALG vdim " | toString(if d == 0 then numColumns basis(R^1/I) else -1));
    print("LCNALG dim " | toString d);
    exit 0
    """
    if not names or not all(isinstance(n, str) and n.replace("_", "").isalnum() for n in names):
        raise InputError("names: expected variable names made of letters, digits and '_'")
    if not isinstance(modulus, int) or isinstance(modulus, bool) or not 2 <= modulus < 2**31:
        raise InputError(f"modulus: expected a prime below 2^31, got {modulus!r}")
    gens = ", ".join(_rename(str(p).replace(" ", ""), names) for p in polys)
    return (f"R = ZZ/{modulus}[{','.join(m2_name(n) for n in names)}];\n"
            f"I = ideal({gens});\n"
            "d = dim I;\n"
            'print("LCNALG vdim " | toString(if d == 0 then numColumns basis(R^1/I) else -1));\n'
            'print("LCNALG dim " | toString d);\n'
            "exit 0")


def _rename(text: str, names: Sequence[str]) -> str:
    """``text`` with every variable name replaced by its Macaulay2 spelling (longest first)."""
    import re

    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r"(?![A-Za-z0-9_])")
    return pattern.sub(lambda m: m2_name(m.group(0)), text)
