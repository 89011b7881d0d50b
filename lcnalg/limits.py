"""Every resource bound of lcnalg, with its default, in one place.

A request that would exceed a bound is refused before it starts (or stops with a partial
answer that names the bound), never left to run for hours or to exhaust memory.  The bounds
are the fields of one frozen :class:`Limits`; every public function and
:class:`~lcnalg.FunctionSpace` accept ``limits=`` and composite requests hand the same object
down unchanged (a stratification passes it to the singular locus and the implicit equations;
inequalities pass it to closedness and membership).  The command line's bound options
(``--max-terms``, ``--max-nodes``, …) are generated from the fields of :class:`Limits`, so a
refusal always names an option that exists.

:class:`Budget` is the per-request counter of a search bounded by one of these fields.

Examples
--------
>>> from lcnalg.limits import Limits
>>> lim = Limits(max_nodes=10)
>>> lim.max_nodes, Limits().max_nodes
(10, 200000)
>>> Limits.option("max_nodes")
'--max-nodes'
>>> print(lim.refuse("max_nodes", "search nodes", 11))
refused: search nodes estimated at 11, above the bound 10; to allow it, raise limits=Limits(max_nodes=...) (CLI: --max-nodes)
"""

from __future__ import annotations

import dataclasses
import math
import numbers
import types
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import flint

from lcnalg.checks import short
from lcnalg.errors import InputError, ResourceLimitError

__all__ = ["Limits", "Budget", "DEFAULT_LIMITS", "VERIFY_LIMITS"]


def _bound(default: int, help: str, *, cli: bool = True) -> Any:
    return field(default=default, metadata={"help": help, "cli": cli})


@dataclass(frozen=True, repr=False)
class Limits:
    """The resource bounds of one request (all positive integers; 0 never means "default").

    Parameters
    ----------
    max_terms : int
        Terms of the parameterization μ (all coordinates together).
    max_monomials : int
        Monomials of one degree of the coordinate ring sampled by interpolation.
    max_piece : int
        Monomials of one graded piece (the size of one interpolation matrix).
    lift_primes : int
        31-bit primes a graded piece of the interpolation may use (one sample pool each): the
        first prime's, then those that lift its new equations to Q by Chinese remaindering and
        rational reconstruction, and those of the checks (at least three).  A degree draws ten
        pools (fewer when the bound is lower); a piece that needs more is run again with twice
        as many, up to the bound.  Ten give about 300 bits for a coefficient vector
        (numerators and denominators together); a graded piece with hundreds of new equations
        has a reduced echelon basis with far larger coefficients.
    max_auto_degree : int
        Highest degree tried by the implicitization when no ``max_degree`` is given.
    max_matrix_entries : int
        Entries of one Macaulay matrix of the Gröbner engine.
    max_total_entries : int
        Total matrix entries of one elimination certificate; a twentieth of it bounds the
        Gröbner basis mod p of one length certificate.
    max_primes : int
        Primes of one multi-modular lift.
    max_summary_generators : int
        Generators up to which a Gröbner summary (degree, Hilbert series) of the equations is formed.
    max_summary_degree : int
        Highest equation degree up to which that summary is formed.
    max_summary_entries : int
        Total matrix entries of that summary's Gröbner basis modulo a prime; beyond it the
        summary is given up and the answer says so (1.5·10^7, 2-4 seconds: the summaries of the
        ideals in benchmarks/RESULTS.md need at most 7·10^6, while 158 equations of degree 3-5
        of `2x2,2x2,2x2 s=1x1,2x1` need more than 4·10^8, minutes).
    max_certify_generators : int
        Generators up to which ``certify=None`` attempts the elimination certificate's membership
        test (the test by its generating degree, which needs no basis of the equations, is
        attempted for any number of them, of degree at most ``max_certify_degree``; 400: the
        ideals of `5,3,3 s=2,2` (300 equations of degree at most 5) and `4,4,3 s=2,2` (368) in
        benchmarks/RESULTS.md are then certified by default, in 1.7-4.6 times the time of
        Singular's ``eliminate`` on them).
    max_certify_degree : int
        Highest equation degree up to which ``certify=None`` attempts it.
    max_certify_entries : int
        Total matrix entries of the elimination certificate that ``certify=None`` attempts
        (``certify=True`` allows ``max_total_entries``); 10^8, about a minute and a half of
        work (the certificate of `5,3,3 s=2,2` needs more than 2·10^7).
    max_read_entries : int
        Total matrix entries of the elimination made when a degree of the equations is refused
        by ``max_equations_work`` or ``max_interpolation_work`` in a run without
        ``max_degree``: when it completes, that degree and every degree up to the highest of its
        ``w``-free part are read from it instead (docs/theory.md#degree-from-elimination,
        docs/theory.md#degrees-from-elimination) and the elimination certifies the equations.
        10^7, a few seconds: `4,4,4 s=1,2` needs 8.2·10^6 (degree 7, 3.7 s) and
        `3,3,4,3 s=1,1,2` 3.8·10^6 (degree 8, 2.1 s), while the eliminations of `2x2,2x2,2x2` and
        `3x3,2x2`, which no system finishes, are given up after 1.5-3 s.  ``lcnalg equations``, asked
        for the whole ideal, reads within ``max_certify_entries`` by default (`4,2,3,3 s=1,2,2`,
        6.1·10^7 entries, is then certified in 30 s).
    max_hilbert_nodes : int
        Nodes of the recursion computing a Hilbert numerator.
    max_fibre_order : int
        Largest root of unity tried when counting the fibre of μ in 1D.
    max_fibre_factors : int
        Factors of the end-to-end filter tried when counting the fibre of μ.
    max_nodes : int
        Nodes of a search over groupings of factors: membership (1D root orbits, 2D grouping of
        factors) and the 2D fibre count of μ at a random point.
    max_field_work : int
        Work (degree times bit size) of an absolute factorization over a number field.
    max_precision : int
        Bits of working precision of a certified real-root or zero test.
    max_states : int
        States of the root-configuration search that decides closedness in 1D.
    max_segre_terms : int
        Terms of the polynomials formed by the Segre closedness argument.
    max_witness_candidates : int
        Candidate witnesses tried by a closedness witness search.
    max_symbolic_degree : int
        Highest degree whose Sturm–Habicht conditions are expanded symbolically.
    max_minors : int
        Minors of a Jacobian formed by the critical and singular loci, as counted before any is
        formed (all ``k × k`` minors of the rows and columns that are not identically zero: an
        upper bound, most of them vanish or repeat).  30,000: the critical loci of `4,2 r=2`
        (12,012 counted, 8,893 formed, 5 s), `1x3,1x3 s=1x2 r=2` (26,208 counted, 3 s) and
        `2,2,3 s=2,2` (whose families alone gave bounds) are then answered exactly; beyond it
        `2,2,2 r=2` (89,775 counted, about 30 s).
    max_locus_terms : int
        Terms of the minors formed for a singular locus.
    max_exact_entries : int
        Matrix entries of the exact (over Q) Gröbner basis of a minors ideal.
    max_hessian_entries : int
        Entries of the dense loss Hessian of a linear network (``lcnalg hessian-rank``).
    max_supports : int
        Facets and faces of the weight cone enumerated by the toric singular-locus route.
    max_certificate_terms : int
        Terms of one certificate polynomial of the singular-locus sandwich.
    max_bordered : int
        Bordered minors formed when certifying a singular family.
    max_section_terms : int
        Terms of the linear section of the singular-locus upper bound.
    max_search_work : int
        Steps of the 1D closedness search (tilings enumerated, count vectors combined), so
        that its time, not only its number of states, is bounded.
    max_root_work : int
        Work of the exact root computations of one 1D test, checked before each starts:
        factoring over Z, ``degree² / 8``; certified root isolation, ``degree² × precision /
        64`` summed over every pass (one isolation of a degree-1000 polynomial at 64 bits is
        10^6, about 15 s); a Sturm or Sturm–Habicht count over Q, ``degree³``.
    max_quotient_dimension : int
        Dimension of the quotient algebra ``K[x]/I`` of a zero-dimensional system (its
        number of solutions with multiplicity) on which multiplication matrices, traces and
        the Hermite form are built (about ``dimension^4`` exact operations).
    max_coordinates : int
        Parameters plus coordinates (entries of the end-to-end filter) named by a
        parameterization.
    max_sample_entries : int
        Entries (points times coordinates, 8 bytes each) of one sample of points of the image of
        μ modulo a prime (``sample_image``); interpolation draws pools far below it.
    max_symbolic_entries : int
        Exponent entries (terms times parameters) of the symbolic coordinates of μ, built at
        about 10^7 a second: the default 10^8 (``300,300`` has 5.4·10^7, ``9x9,9x9,9x9``
        1.3·10^8) is about ten seconds and 1 GB.
    max_jacobian_entries : int
        Entries of a Jacobian whose exact rank is computed at a point (its rank costs at most
        entries^1.5 field operations): the default 4·10^6 (a 2000 x 2000 matrix) takes
        seconds and a few hundred MB.
    max_interpolation_work : int
        Estimated field operations of one degree of the implicitization (the echelon forms of
        its graded pieces up to symmetry, sized by their standard monomials, plus the entries
        moved in and out of FLINT: :func:`lcnalg.algebra.interpolation.interpolation_work`);
        the degree loop stops with a partial answer (complete up to the degree before,
        ``stopped_by`` naming this bound) before a degree beyond it.  The default 10^11 is
        about a minute and a half on one core (about 10^9 of these operations a second): it
        keeps degree 7 of ``2x2,2x2,2x2``, ``2x3,3x2`` and ``3x3,2x2`` (1.8·10^10) and degree 5
        of ``4,4,4 s=2,2`` (6.7·10^9).  The estimate of each degree is shown on the progress
        bar and the bound on stderr when progress is shown.
    max_grading_work : int
        Estimated operations of the finest torus grading computed before the
        implicitization's first degree: building μ, then the echelon form over Q of its
        exponent differences (:func:`lcnalg.algebra.grading.grading_work`, from the sizes of
        the layers).  The default 2·10^9 (about ten seconds) refuses ``50,50,50 s=2,2``
        (3.4·10^9, 17 s), ``300,300`` (3.4·10^10, several minutes) and ``20x20,20x20``.
    max_subminors : int
        Sub-minors formed by the Laplace expansion of the symbolic minors of a Jacobian
        (counted before any arithmetic, on the zero pattern when the closed form is above it).
    max_section_entries : int
        Total entries of the Macaulay matrices of the Gröbner basis (mod p) of one linear
        section of the singular-locus upper bound; beyond it that section is given up (the
        next, smaller one is tried).  Those of the tested cases stay below 2·10^5; the default
        10^7 is a few seconds (``3x1,3x1,1x2``: its first section would need 4.8·10^7, 16 s).
    max_locus_entries : int
        Total entries of the Macaulay matrices of the Gröbner basis (mod p) of a minors
        ideal: the residual minors of the critical locus (beyond it, its dimension is bounded,
        not computed) and the minors route of the singular locus.  The tested cases stay
        below 10^5; ``critical-locus 2x2,2x3`` needs 6.4·10^6 (about 30 s); the default
        2·10^6 stops it after about 10 s.
    max_family_work : int
        Entries of the Jacobian of the implicit equations evaluated by the singular-locus
        sandwich (candidate families × equations × coordinates), checked before the first
        family: ``2x2,2x2`` needs 4.5·10^3; the default 2·10^6 is a few seconds.  The same
        bound holds the entries of ``Jμ`` over the exchange families of the birational route.
    max_strata : int
        Candidate strata (the planted critical families, 1D) of a stratification, counted
        from the architecture before anything is computed: each is sampled and compared with
        the others of its dimension.
    max_minor_terms : int
        Terms of the polynomial sub-minors formed by that expansion (counted as they are
        formed: a bound on its memory and time).
    max_loss_work : int
        Products formed to write a squared loss on function space (samples × output
        positions × end-to-end filter entries²).
    max_critical_solutions : int
        Bézout number ``(2L−1)^r`` of the critical-point system of a loss in parameter
        space (``r`` = dimension of the function space): bounds the number of solutions, the
        size of the quotient ring and the Gröbner work; ``3,3 s=2`` needs 243 (0.3 s),
        ``3,2,2 s=2,2`` 3125 (1 s), ``2x2,2x2 s=2x2`` and ``4,4`` 2187 (6 s); the default
        5000 refuses ``2,2,2,2 s=2,2,2`` (16807, 5 s) and ``3,3,2`` (15625: 15 s, then a
        quotient algebra of dimension 435, above ``max_quotient_dimension``).
    max_exact_critical_solutions : int
        The same Bézout number for a count over Q (``exact=True``), whose rational Gröbner
        basis grows much faster: ``2,2 s=2`` (27) takes a second, ``2,3`` (81) several.
    max_equations_work : int
        Estimated field operations of one whole implicitization: the finest grading
        (:func:`lcnalg.algebra.grading.grading_work`), every degree's monomials and
        interpolation (as ``max_interpolation_work``), the lifting of the equations found and
        the stopping rule's search, summed.  Checked before the grading (a refusal) and before
        each degree (the run stops with a partial answer, complete up to the degree before,
        naming this bound).  The default 1.5·10^9 (about two seconds) keeps the commands that go
        on from the equations to more work (strata, real geometry, report) quick: ``2x2,2x2,2x2``
        and ``2x3,3x2`` stop after degree 5 (degree 6 would bring the run to 2.0·10^9),
        ``4,4,4 s=2,2`` after degree 4, ``2,5,3,2,3,4 s=2,2,2,2,3`` after degree 1 (its 8398
        equations of degree 2 would make each of them slow).  ``lcnalg equations`` has its
        own default 1.5·10^10 (about ten to twenty seconds): the whole degree-5 answer of
        ``4,4,4 s=2,2`` (1023 equations, 8.1·10^9 in all), the degree-6 check that ends
        ``2x2,2x2,2x1 s=2x1,2x1`` (1.1·10^10, 3 s) and ``4,4,3 s=2,2``, ``2x2,2x2,2x2`` and
        ``2x3,3x2`` after degree 7 (about 4 s; degree 8 would bring the run to 1.7·10^10).  Raise it to reach the higher degrees
        (``max_interpolation_work`` still bounds each one).
    max_real_critical_solutions : int
        The same Bézout number for the real critical points (a univariate representation
        lifted from many primes): ``3,2 s=2`` and ``2,3`` (81) take a few seconds, ``3,3 s=2``
        (243) several minutes.
    max_fibre_solutions : int
        Multihomogeneous Bézout number of the system ``μ(y) = μ(θ_0)`` whose solutions count the
        generic fibre of a polynomial network (activation ``r ≥ 2``), refused above it before any
        work: ``2,2,2 r=2`` needs 96, ``3,3,3 r=2`` 13440 (0.1 s per point), ``2x2,2x2,2x2 r=2``
        and ``4,4,4 r=2`` 2150400 (2 s per point).
    max_fibre_chart_work : int
        The work estimate of group-convolutional membership through the fibre charts
        (:func:`~lcnalg.groups.fibre_membership.chart_work`: the charts' multihomogeneous Bézout
        numbers added up), refused above it before any chart is solved.  Measured with the
        chart step alone on images of random weights: 10-400 take under 0.5 s (``S3: 3,2``,
        ``S4: 3,3,3``), 1099 (``S4: 4,3,3``) 1.3 s, 3499 (``S4: 4,4,3``) 4-6 s, 5056-9274
        (``S4: 2,2,2,2,2,2``, ``S4: 4,4,4``, ``S4: 5,4,3``) 16-29 s, 11440 (``S4: 8,8``) 97-145 s;
        the default 20000 is about a minute (up to a few for the worst of these shapes).
    max_lagrange_points : int
        The estimate of one Lagrange system of a positive-dimensional fibre chart
        (:func:`~lcnalg.groups.fibre_membership.lagrange_points`: the Euclidean distance degree
        bound of ``c`` equations of the chart's degrees), refused above it before its minors are
        formed.  Measured (one chart each, in process): 32 (``C3: 2,2,2``, three quadrics in 4
        weights) about 1 s, 960 (``C4: 2,2,2,2``, degrees 4, 2, 3, 4 in 5 weights, 138 critical
        points) 30-60 s, 2496 (``C3: 2,2,2,2``, degrees 4, 4, 3 in 5 weights) over 5 minutes; the
        default 1000 is about a minute.
    max_descent_work : int
        Estimated work of gradient descent, ``runs × steps × layers × n × N`` (``n``
        coordinates, ``N`` weights; the convolutions of one gradient), checked before the
        runs; about 10^8 per second, so the default 5·10^8 is a few seconds (``3,2,31`` with
        20 runs of 20000 steps, 1.5·10^9, is refused; fewer runs or steps, or a raised bound,
        let it run).
    max_flow_evaluations : int
        Right-hand-side evaluations of one gradient-flow integration (each one ``μ``, its
        Jacobian and the loss gradient); an integration that needs more stops with that
        reason instead of running on.
    max_family_size : int
        Architectures of a family that ``verify`` checks (the product of the ranges of its
        specification, or the number drawn with ``--random``), refused up front beyond it.
    max_elimination_variables : int
        Weights plus coordinates of the lex Gröbner bases (sympy) behind the two-layer metric
        formula: ``3,3 s=2`` (13) takes a few seconds, ``2x2,2x2 s=2x2`` (24) minutes.
    max_region_work : int
        Work of the exact count of the linear regions of a rectifier network: simplex tableau
        entries updated (about 0.6 µs each).  Estimated up front from the hidden widths as
        ``sum_l n_l S_l (one linear program with n_1 + ... + n_l rows)``, ``S_l`` Serra et al.'s
        bound of the network truncated after layer ``l``
        (:func:`lcnalg.regions.count.region_work`), and counted during the search against the
        same bound.  The estimate is 100 to 1500 times the work done on random networks (the
        bound is far above the count): ``2 -> 12 -> 12`` is estimated at 3.7·10^8 (0.8 s),
        ``3 -> 8 -> 8`` at 3.4·10^8 (1.3 s); the default 2·10^9 refuses ``3 -> 12 -> 12``
        (8.9·10^9, 6 s) and ``2 -> 20 -> 20`` (10^10, 5 s).
    max_witness_work : int
        Root work (``degree²`` per candidate: its factorization and one root isolation) of
        the membership tests of the candidate witnesses of one closedness decision, summed
        over the candidates; beyond it the search stops with an undecided verdict that names
        this bound.  The default 10^6 is a few seconds (a degree-343 candidate costs
        1.3·10^5, about 0.4 s).
    max_sweep_members : int
        Architectures of one Hessian rank sweep (``lcnalg hessian-rank --sweep``), counted
        from the family's description before any is built; the members' dense Hessians
        together are bounded by ``max_hessian_entries``.
    max_group_order : int
        Elements of a finite permutation group enumerated (``lcnalg.groups``): a named group
        (``S12`` has 479001600) is refused from its order before anything is built; a group
        given by generators is enumerated breadth-first and refused once it passes the bound.
        The default 50000 admits ``S8`` (40320).
    max_equivariant_work : int
        Estimated elementary operations of one computation of equivariant maps: enumerating
        the group, the orbits on ``X × Y``, Burnside's count and the Kondor–Trivedi check
        (about ``|G| · n`` per pass over the group, ``|X| · |Y|`` per pass over the pairs),
        and the entries ``dimension × |X| × |Y|`` of the basis.  An operation touches one point
        of a permutation (3·10^6 to 3·10^7 a second), so the default 10^7 is a few seconds at
        most: ``S7`` on pairs is answered, ``S8`` on pairs (4.8·10^7, one second) needs it raised.
    max_pattern_work : int
        Steps of the enumeration of the factorization patterns of a 2D stride-one function
        space (patterns formed times factor types, estimated by exact counting before it
        starts): ``4x4,4x4`` (9·10^5, 2699 patterns of V(R)) takes under a second; ``5x5,5x5``
        (1.7·10^7, about three seconds for 22678 patterns) needs the default 10^7 raised.
        Also the factor lists of ``M`` times factor types of the relative-boundary dimension
        (:mod:`lcnalg.real.pattern_boundary`).
    max_commutant_entries : int
        Entries of the dense system ``P_Y(g) A = A P_X(g)`` (generators × ``(|X| · |Y|)²``)
        whose exact nullspace the linear-algebra route computes: the default 4·10^6 (a
        1400-unknown system of two generators) is about two seconds.

    Raises
    ------
    InputError
        When a field is not a positive integer.

    Examples
    --------
    >>> Limits(max_minors=100).max_minors
    100
    >>> Limits(max_minors=100)          # only the bounds that differ from the defaults
    Limits(max_minors=100)
    >>> Limits(max_minors=0)
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: limits.max_minors: expected a positive integer, got 0
    """

    max_terms: int = _bound(2_000_000, "terms of the parameterization")
    max_monomials: int = _bound(3_000_000, "monomials of one degree sampled by interpolation")
    max_piece: int = _bound(13_000, "monomials of one graded piece")
    lift_primes: int = _bound(10, "31-bit primes a graded piece may use to lift its interpolated equations to Q")
    max_auto_degree: int = _bound(16, "highest degree tried when no --max-degree is given")
    max_matrix_entries: int = _bound(50_000_000, "entries of one Groebner (Macaulay) matrix")
    max_total_entries: int = _bound(400_000_000, "total matrix entries of an elimination certificate")
    max_primes: int = _bound(64, "primes of one multi-modular lift")
    max_summary_generators: int = _bound(400, "generators up to which a Groebner summary is formed")
    max_summary_degree: int = _bound(6, "equation degree up to which a Groebner summary is formed")
    max_summary_entries: int = _bound(15_000_000, "total matrix entries of the Groebner summary")
    max_certify_generators: int = _bound(400, "generators up to which the certificate's membership test is tried "
                                              "by default (its test by the generating degree is tried for any number)")
    max_certify_degree: int = _bound(6, "equation degree up to which the certificate is tried by default")
    max_certify_entries: int = _bound(100_000_000, "total matrix entries of the elimination certificate tried by default")
    max_read_entries: int = _bound(10_000_000, "total matrix entries of the elimination that reads a refused degree")
    max_hilbert_nodes: int = _bound(200_000, "nodes of a Hilbert-numerator recursion")
    max_fibre_order: int = _bound(24, "largest root of unity tried when counting a fibre")
    max_fibre_factors: int = _bound(24, "factors tried when counting a fibre")
    max_nodes: int = _bound(200_000, "nodes of a membership search")
    max_field_work: int = _bound(2_000, "work of an absolute factorization over a number field")
    max_precision: int = _bound(1 << 18, "bits of working precision of a certified test")
    max_states: int = _bound(200_000, "states of the 1D closedness search")
    max_segre_terms: int = _bound(200_000, "terms formed by the Segre closedness argument")
    max_witness_candidates: int = _bound(400, "candidate witnesses of a closedness search")
    max_symbolic_degree: int = _bound(7, "degree up to which Sturm-Habicht conditions are expanded")
    max_minors: int = _bound(30_000, "minors of a Jacobian")
    max_locus_terms: int = _bound(200_000, "terms of the minors of a singular locus")
    max_exact_entries: int = _bound(100_000_000, "entries of the exact Groebner basis of a minors ideal")
    max_hessian_entries: int = _bound(4_000_000, "entries of the dense loss Hessian of a linear network")
    max_supports: int = _bound(1 << 20, "facets and faces of the weight cone in the toric route")
    max_certificate_terms: int = _bound(20_000, "terms of one singular-locus certificate polynomial")
    max_bordered: int = _bound(20_000, "bordered minors formed to certify a singular family")
    max_section_terms: int = _bound(200_000, "terms of the linear section of the singular-locus bound")
    # time bounds of the real-geometry searches (a bounded number of steps of bounded size)
    max_search_work: int = _bound(60_000_000, "steps of the 1D closedness search (tilings, count vectors)")
    max_root_work: int = _bound(3_000_000, "work of factoring, isolating or counting the roots of a 1D filter")
    max_quotient_dimension: int = _bound(400, "dimension of the quotient algebra of a zero-dimensional system")
    max_coordinates: int = _bound(1_000_000, "parameters plus coordinates of a parameterization")
    max_symbolic_entries: int = _bound(100_000_000, "exponent entries (terms x parameters) of the symbolic mu")
    max_sample_entries: int = _bound(100_000_000, "entries (points x coordinates) of a sample of the image of mu")
    max_jacobian_entries: int = _bound(4_000_000, "entries of a Jacobian whose exact rank is computed")
    max_interpolation_work: int = _bound(100_000_000_000,
                                         "estimated field operations of one implicitization degree")
    max_grading_work: int = _bound(2_000_000_000, "estimated operations of the finest grading of mu")
    max_subminors: int = _bound(1_000_000, "sub-minors of the Laplace expansion of symbolic minors")
    max_section_entries: int = _bound(10_000_000, "total Macaulay entries of one linear section of the "
                                      "singular-locus bound")
    max_locus_entries: int = _bound(2_000_000, "total Macaulay entries of the Groebner basis of a minors ideal")
    max_family_work: int = _bound(2_000_000, "Jacobian entries evaluated over the candidate families of "
                                  "the singular-locus sandwich")
    max_strata: int = _bound(1_000, "candidate strata (planted critical families) of a stratification")
    max_minor_terms: int = _bound(20_000_000, "terms of the polynomial sub-minors of that expansion")
    max_loss_work: int = _bound(100_000_000, "products forming a squared loss on function space")
    max_critical_solutions: int = _bound(5_000, "Bezout number of the critical-point system of a loss")
    max_exact_critical_solutions: int = _bound(27, "Bezout number of a critical-point system counted over Q")
    max_equations_work: int = _bound(1_500_000_000, "estimated field operations of one whole implicitization")
    max_witness_work: int = _bound(1_000_000, "root work (degree^2 per candidate) of a closedness witness search")
    max_real_critical_solutions: int = _bound(81, "Bezout number of a critical-point system solved for its real points")
    max_fibre_solutions: int = _bound(5_000_000, "Bezout number of the fibre system of a polynomial network")
    max_fibre_chart_work: int = _bound(20_000, "Bezout numbers of the fibre charts of a group-convolutional network")
    max_lagrange_points: int = _bound(1_000, "critical points of the squared distance on a positive-dimensional fibre chart")
    max_descent_work: int = _bound(500_000_000, "estimated work of gradient descent (runs x steps x layers x n x N)")
    max_elimination_variables: int = _bound(14, "weights plus coordinates of the elimination behind the two-layer metric formula")
    max_flow_evaluations: int = _bound(200_000, "right-hand-side evaluations of one gradient-flow integration")
    max_sweep_members: int = _bound(64, "architectures of one Hessian rank sweep")
    max_region_work: int = _bound(2_000_000_000, "tableau entries updated by the exact count of linear regions")
    max_group_order: int = _bound(50_000, "elements of a finite permutation group enumerated")
    max_equivariant_work: int = _bound(10_000_000, "estimated operations of one computation of equivariant maps")
    max_commutant_entries: int = _bound(4_000_000, "entries of the dense commutation system solved exactly")
    max_family_size: int = _bound(1_000, "architectures of a family checked by verify")
    max_pattern_work: int = _bound(10_000_000, "steps of the 2D factorization-pattern enumeration")

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, numbers.Integral) and not isinstance(value, (bool, int)):
                value = int(value)  # numpy integers are exact
                object.__setattr__(self, f.name, value)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise InputError(f"limits.{f.name}: expected a positive integer, got {short(value)}")

    # -- construction -----------------------------------------------------------------

    @classmethod
    def coerce(cls, limits: "Limits | None" = None, /, **overrides: int | None) -> "Limits":
        """``limits`` (default: all defaults) with the given fields replaced; ``None`` values
        are ignored, so a function can forward its optional keyword bounds unchanged.

        Raises
        ------
        InputError
            When ``limits`` is not a :class:`Limits`, a name is not a field, or a value is
            not a positive integer.

        Examples
        --------
        >>> Limits.coerce(None, max_nodes=5, max_states=None).max_nodes
        5
        >>> Limits.coerce("x")
        Traceback (most recent call last):
        ...
        lcnalg.errors.InputError: limits: expected a Limits object or None, got 'x'
        """
        if limits is None:
            limits = DEFAULT_LIMITS
        elif not isinstance(limits, Limits):
            raise InputError(f"limits: expected a Limits object or None, got {short(limits, 60)!r}")
        changes = {k: v for k, v in overrides.items() if v is not None}
        if not changes:
            return limits
        names = cls.names()
        for k, v in changes.items():
            if k not in names:
                raise InputError(f"{k}: not a resource bound; the bounds are the fields of Limits")
            if isinstance(v, numbers.Integral) and not isinstance(v, bool):
                v = changes[k] = int(v)
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise InputError(f"{k}: expected a positive integer, got {short(v)}")
        return dataclasses.replace(limits, **changes)

    def __repr__(self) -> str:
        """``Limits(...)`` with the bounds that differ from the defaults, in declaration order
        (64 fields would hide the one that matters); ``eval`` of it gives an equal object."""
        changed = (f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self)
                   if getattr(self, f.name) != f.default)
        return f"Limits({', '.join(changed)})"

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The field names, in declaration order."""
        return tuple(f.name for f in dataclasses.fields(cls))

    @classmethod
    def help(cls, name: str) -> str:
        """One-line description of a field.

        Raises
        ------
        InputError
            When ``name`` is not the name of a field.

        Examples
        --------
        >>> Limits.help("max_nodes")
        'nodes of a membership search'
        """
        return _FIELDS[_field(name)].metadata["help"]

    @staticmethod
    def option(name: str) -> str:
        """The command-line option of a field: ``max_nodes`` → ``--max-nodes``.

        Raises
        ------
        InputError
            When ``name`` is not the name of a field.
        """
        return "--" + _field(name).replace("_", "-")

    def changed(self) -> dict[str, int]:
        """The fields that differ from the defaults (for provenance)."""
        return {n: getattr(self, n) for n in self.names() if getattr(self, n) != getattr(DEFAULT_LIMITS, n)}

    # -- refusals ---------------------------------------------------------------------

    def refuse(self, name: str, what: str, estimate: float | str) -> ResourceLimitError:
        """The error refusing a request whose ``what`` is estimated at ``estimate``, above
        the bound ``name`` (raise it with ``raise limits.refuse(...)``); an estimate of more
        than 60 bits is shown as its power of two (never hundreds of digits).  ``estimate``
        is a real number, or a short text for what is known only as a bound (``">64"``).

        Raises
        ------
        InputError
            When ``name`` is not a field, ``what`` not a text, or ``estimate`` neither a
            real number nor a text of at most 40 characters.

        Examples
        --------
        >>> err = Limits().refuse("max_minors", "minors", 3 ** 400)
        >>> str(err).split(",")[0], err.estimate == 3 ** 400
        ('refused: minors estimated at about 2^633', True)
        >>> str(Limits().refuse("max_primes", "primes", ">64")).split(",")[0]
        'refused: primes estimated at >64'
        """
        name, what = _field(name), _what(what)
        if not (isinstance(estimate, str) and 0 < len(estimate.strip()) <= 40):
            estimate = _estimate(estimate)
        shown: Any = estimate
        magnitude = int(abs(estimate)) if isinstance(estimate, (int, Fraction)) else 0
        if magnitude.bit_length() > 60:
            shown = f"about 2^{magnitude.bit_length() - 1}"
        elif isinstance(estimate, Fraction):
            shown = float(estimate)
        bound = getattr(self, name)
        err = ResourceLimitError(what, shown, bound if bound.bit_length() <= 60 else f"about 2^{bound.bit_length() - 1}",
                                 f"raise limits=Limits({name}=...) (CLI: {self.option(name)})",
                                 limit=name)
        err.estimate, err.bound = estimate, bound
        return err

    def check(self, name: str, what: str, estimate: float) -> None:
        """Refuse (raise :class:`~lcnalg.ResourceLimitError`) when ``estimate`` exceeds the
        bound ``name``.

        Examples
        --------
        >>> Limits(max_minors=10).check("max_minors", "minors", 10)
        >>> Limits(max_minors=10).check("max_minors", "minors", 11)
        Traceback (most recent call last):
        ...
        lcnalg.errors.ResourceLimitError: refused: minors estimated at 11, above the bound 10; to allow it, raise limits=Limits(max_minors=...) (CLI: --max-minors)
        """
        if _estimate(estimate) > getattr(self, _field(name)):
            raise self.refuse(name, what, estimate)
        _what(what)

    def budget(self, name: str, what: str) -> "Budget":
        """A fresh :class:`Budget` of the bound ``name``.

        Raises
        ------
        InputError
            When ``name`` is not a field or ``what`` not a text.
        """
        return Budget(self, name, what)


#: The defaults.
DEFAULT_LIMITS = Limits()
#: The bounds that differ from the defaults in a theorem verification
#: (:func:`lcnalg.theorems.verify_limits`), read-only: each check stays cheap (about a second at most on the
#: families of ``lcnalg verify``) and a larger computation is undecided with the refusal as reason.
VERIFY_LIMITS = types.MappingProxyType({
    "max_terms": 20_000, "max_jacobian_entries": 20_000, "max_fibre_solutions": 2_000,
    "max_critical_solutions": 1_000, "max_hessian_entries": 100_000, "max_region_work": 100_000_000})
#: The fields by name.
_FIELDS = {f.name: f for f in dataclasses.fields(Limits)}


def _field(name: object) -> str:
    """``name`` when it names a field of :class:`Limits`; an :class:`InputError` naming the
    parameter ``name`` otherwise."""
    if not isinstance(name, str) or name not in _FIELDS:
        raise InputError("name: expected the name of a field of Limits (a bound such as 'max_nodes'), "
                         f"got {short(name, 40, quote=True)}")
    return name


def _what(what: object) -> str:
    """``what`` (the text naming what is estimated) when it is a non-empty string."""
    if not isinstance(what, str) or not what.strip():
        raise InputError(f"what: expected a text naming what is estimated (e.g. 'search nodes'), "
                         f"got {short(what, 40, quote=True)}")
    return what


def _estimate(estimate: object) -> Any:
    """``estimate`` when it is a real number (int, float, Fraction; numpy, sympy and flint integers read as ints),
    not a boolean and not NaN: an estimate that compares with nothing would pass every bound."""
    if (isinstance(estimate, numbers.Integral) and not isinstance(estimate, bool)) or isinstance(estimate, flint.fmpz):
        return int(estimate)
    if isinstance(estimate, Fraction):
        return estimate
    if isinstance(estimate, numbers.Real) and not isinstance(estimate, bool) and not math.isnan(estimate):
        return float(estimate)
    raise InputError(f"estimate: expected a real number (int, float or Fraction, not NaN), "
                     f"got {short(estimate, 40, quote=True)}")


class Budget:
    """A counter of one request's work against one bound of :class:`Limits`.

    Parameters
    ----------
    limits : Limits
        Where the bound comes from.
    name : str
        The field of ``limits`` that bounds the count.
    what : str
        What is counted, for the error message.

    Examples
    --------
    >>> b = Limits(max_nodes=2).budget("max_nodes", "search nodes")
    >>> b.spend(); b.spend(); b.used
    2
    >>> b.spend()
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: search nodes estimated at 3, above the bound 2; to allow it, raise limits=Limits(max_nodes=...) (CLI: --max-nodes)
    """

    __slots__ = ("limits", "name", "what", "bound", "used")

    def __init__(self, limits: Limits, name: str, what: str) -> None:
        if not isinstance(limits, Limits):
            raise InputError(f"limits: expected a Limits object, got {short(limits, 60, quote=True)}")
        self.limits = limits
        self.name = _field(name)
        self.what = _what(what)
        self.bound = getattr(limits, name)
        self.used = 0

    def spend(self, amount: int = 1) -> None:
        """Count ``amount`` more units; refuse once the bound is passed."""
        self.used += amount
        if self.used > self.bound:
            raise self.limits.refuse(self.name, self.what, self.used)

    @property
    def exhausted(self) -> bool:
        """True once the bound is reached."""
        return self.used >= self.bound
