"""Implicit equations of a network map without symmetries, up to a requested degree.

Used where the architecture's coordinate symmetries and stopping rule do not apply (filters
restricted to a basis, group-convolutional networks).  Degree after degree the multigraded
interpolation of :mod:`lcnalg.algebra.interpolation` runs on a given grading (the finest
torus grading of the map by default); every equation found is verified by exact substitution
(:func:`~lcnalg.algebra.certify.verify_equations`), the rank sandwich proves completeness up to
the last degree run, and the whole ideal is certified when the certified dimension equals the
number of coordinates that are not identically zero (the vanishing coordinates then generate
it) or by the elimination certificate
(:func:`~lcnalg.algebra.implicitization.certify_by_elimination`): always with ``certify=True``,
by default only for small sets; a caller that knows a cheaper exact argument for its map (a
hypersurface in a coordinate subspace, say) passes it, and it is tried first.
"""

from __future__ import annotations

import time
from typing import Any, Callable

from lcnalg.algebra.certify import verify_equations
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.algebra.grading import Grading, finest_grading
from lcnalg.algebra.implicitization import ImplicitEquations, attempt_elimination_certificate
from lcnalg.algebra.interpolation import InterpolationState, interpolate_degree
from lcnalg.errors import ResourceLimitError, check
from lcnalg.limits import Limits
from lcnalg.printing import poly_text

__all__ = ["equations_up_to_degree"]


def equations_up_to_degree(mu: Any, *, max_degree: int, seed: int, dimension: int | None, certify: bool | None,
                           limits: Limits, architecture: str, method: Callable[[Grading], str],
                           how_to_certify: str, grading: Grading | None = None,
                           cheaper_certificate: Callable[[tuple[Any, ...]], str | None] | None = None
                           ) -> ImplicitEquations:
    """The equations of ``mu`` of degree ``≤ max_degree`` (see the module docstring).

    Parameters
    ----------
    mu : NetworkMap
        The parameterization (any map with the interface of
        :class:`~lcnalg.network_map.NetworkMap`).
    max_degree, seed : int
        Highest degree; seed of the sample points and primes.
    dimension : int or None
        The certified dimension of the image, computed when None.
    certify : bool or None
        Attempt the elimination certificate always (True), never (False), or (None) when the
        equations are at most ``limits.max_certify_generators`` of degree at most
        ``limits.max_certify_degree``, within ``limits.max_certify_entries`` matrix entries.
    limits : Limits
    architecture : str
        The architecture text of the result.
    method : callable
        The result's method text, from the grading used.
    how_to_certify : str
        What to do when the whole ideal is not certified.
    grading : Grading, optional
        A refinement of the finest torus grading (e.g. with a finite weight).
    cheaper_certificate : callable, optional
        An exact whole-ideal argument the caller knows for its map, with no Gröbner basis, tried
        before the elimination certificate (whatever ``certify``): given the verified equations,
        the argument's text when it proves that they generate the ideal, else None.

    Returns
    -------
    ImplicitEquations

    Raises
    ------
    ResourceLimitError
        When the top degree has more than ``limits.max_monomials`` monomials (refused before any
        work), or a graded piece exceeds the interpolation bounds.
    """
    start = time.perf_counter()
    if dimension is None:
        dimension = function_space_dimension(mu, seed=seed, limits=limits).value
    grading = finest_grading(mu) if grading is None else grading
    n = len(grading.variables)
    count = 1  # monomials of the top degree, refused up front (stops growing past the bound)
    for e in range(1, max_degree + 1):
        count = count * (n + e - 1) // e
        if count > limits.max_monomials:
            limits.check("max_monomials", f"monomials of degree {max_degree} in {n} coordinates "
                         f"(at least, degree {e} already)", count)
    state = InterpolationState.start(mu, seed=seed, use_symmetry=False, grading=grading)
    if n <= 1:  # one non-zero coordinate: no equation beyond its degree 1 (a zero coordinate)
        max_degree = 1
    stopped = f"max_degree = {max_degree}"
    while state.degree < max_degree:
        if state.degree >= 1 and not state.generators and dimension == n:
            stopped = "full-dimensional in the non-zero coordinates: no further equations"
            break
        try:
            report = interpolate_degree(state, last=state.degree + 1 == max_degree, limits=limits)
        except ResourceLimitError as err:
            if err.limit != "lift_primes":
                raise
            # met after the degree's linear algebra: the degrees before are kept
            stopped = f"resource bound at degree {state.degree + 1}: {err}"
            break
        if not report.tight:
            stopped = f"the rank sandwich did not close at degree {state.degree}"
            break
    ring = mu.coordinate_ring
    polys = [state.grading.to_full(local, ring) for _, _, local in state.generators]
    for m in state.grading.zero_coordinates:
        v = [0] * mu.ambient_dimension
        v[m] = 1
        polys.append(ring.from_dict({tuple(v): 1}))
    for poly, ok in zip(polys, verify_equations(mu, polys)):
        check(ok, f"interpolation produced a non-equation {poly}")
    polys.sort(key=lambda p: (int(p.total_degree()), str(p)))
    zeros = len(state.grading.zero_coordinates)
    filling = dimension == n and len(polys) == zeros
    small = (zeros < len(polys) <= limits.max_certify_generators
             and max((int(p.total_degree()) for p in polys), default=0) <= limits.max_certify_degree)
    cheaper = None if filling or cheaper_certificate is None else cheaper_certificate(tuple(polys))
    if filling:
        certified, certificate = True, ("the certified dimension equals the number of coordinates that are not "
                                        "identically zero: the vanishing coordinates generate the ideal")
    elif cheaper is not None:
        certified, certificate = True, cheaper
    elif certify or (certify is None and small):
        certified, certificate = attempt_elimination_certificate(mu, tuple(polys), by_default=not certify,
                                                                 limits=limits)
    elif certify is None:
        certified, certificate = False, (
            f"the elimination certificate is attempted by default only for at most {limits.max_certify_generators} "
            f"equations of degree <= {limits.max_certify_degree}; pass certify=True (CLI: --certify) to attempt it")
    else:
        certified, certificate = False, "no whole-ideal certificate was attempted (certify=False)"
    return ImplicitEquations(
        architecture=architecture, method=method(state.grading), certified=certified,
        how_to_certify="" if certified else how_to_certify, seed=seed,
        primes=tuple(sorted(state.primes_used)), seconds=time.perf_counter() - start,
        equations=tuple(poly_text(p) for p in polys), polynomials=tuple(polys),
        degrees=tuple(int(p.total_degree()) for p in polys),
        multidegrees=tuple((int(p.total_degree()),) for p in polys), num_generators=len(polys),
        dimension=dimension, degree=None, hilbert_series=None,
        hilbert_function=tuple([1] + [r.hilbert_lower for r in state.reports]),
        complete_up_to_degree=state.complete_up_to_degree, stopped_by=stopped, certificate=certificate,
        ambient_dimension=mu.ambient_dimension,
    )
