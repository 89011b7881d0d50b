"""The squared loss on function space: ``ℓ(w) = (w - u)ᵀ Q (w - u) + const``.

For data ``X`` (``N`` inputs) and targets ``Y``, the network with end-to-end filter ``w``
and total stride ``T = s_1 ⋯ s_L`` maps input ``x`` to ``(Σ_j w_j x_{iT + j})_i``, so

    ‖W_θ X − Y‖² = Σ_{n,i} (⟨w, P_{n,i}⟩ − y_{n,i})² = wᵀ Q w − 2 bᵀ w + Σ y²,

with the patches ``P_{n,i} = (x_n[iT + j])_j`` (``j`` over the end-to-end filter's shape,
row-major), ``Q = Σ P Pᵀ`` and ``b = Σ y P``.  When ``Q`` is non-singular, ``u = Q⁻¹ b`` and
``const = Σ y² − bᵀ u`` (docs/theory.md#loss-landscape).  Everything is exact (``Fraction``).

**Polynomial networks** (activation ``σ(t) = t^r``, ``r ≥ 2``).  Output ``i`` of the network
reads the same patch ``P_{n,i}`` (the receptive field of one output is the linear network's
end-to-end filter shape, and consecutive outputs are ``T`` inputs apart), and it is the form
``f(P) = Σ_α c_α P^α`` with ``c = μ(θ)`` and ``α`` over the monomials that occur
(:attr:`~lcnalg.PolynomialParameterization.monomials`).  So the same expansion holds with the
patch replaced by its vector of monomials ``m(P) = (P^α)_α``: ``Q = Aᵀ A`` and ``b = Aᵀ y``
for the matrix ``A`` whose rows are the ``m(P_{n,i})``.  (For ``r = 1`` the monomials are the
entries of the patch and this is the linear case.)

References
----------
.. [KMMT22] Kohn, Merkh, Montúfar, Trager, *Geometry of Linear Convolutional
   Networks*, SIAM J. Appl. Algebra Geom. 6 (2022): the loss as a weighted distance on function space.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.landscape.data import Dataset
from lcnalg.limits import Limits
from lcnalg.parameterization import parameterize

__all__ = ["QuadraticLoss", "MAX_GENERIC"]

#: Largest size of a generic or identity form (a form of that size has ``n²`` exact entries).
MAX_GENERIC = 1000


def _fmpq(x: Fraction) -> flint.fmpq:
    return flint.fmpq(x.numerator, x.denominator)


def _frac(x: Any) -> Fraction:
    return Fraction(int(x.p), int(x.q))


def _monomial_values(patch: list, monomials: tuple[tuple[int, ...], ...]) -> list:
    """``(P^α)_α`` for the exponent vectors ``α`` over the patch's entries (row-major)."""
    powers: dict[tuple[int, int], Any] = {}
    out = []
    for alpha in monomials:
        value = flint.fmpq(1)
        for i, e in enumerate(alpha):
            if e:
                if (i, e) not in powers:
                    powers[(i, e)] = patch[i] ** e
                value *= powers[(i, e)]
        out.append(value)
    return out


@dataclass(frozen=True)
class QuadraticLoss:
    """A quadratic loss ``ℓ(w) = (w - u)ᵀ Q (w - u) + constant`` on the end-to-end filters.

    Attributes
    ----------
    Q : tuple of tuple of Fraction
        A symmetric ``n x n`` matrix (``n`` entries of the end-to-end filter, row-major).
    u : tuple of Fraction
        The centre (for data: the least-squares filter).
    constant : Fraction
        The value at ``w = u``.
    kind : str
        ``"data"``, ``"generic"``, ``"identity"`` or ``"given"``.
    description : str
        Where it comes from, in words (the dataset, the seed).

    Raises
    ------
    InputError
        Naming ``Q`` (not square, not symmetric, not exact) or ``u`` (wrong length).

    Examples
    --------
    >>> L = QuadraticLoss.identity([1, 2])
    >>> L.loss([0, 0]), L.n
    (Fraction(5, 1), 2)
    >>> QuadraticLoss(((1, 2), (3, 4)), (0, 0))
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: Q: not symmetric (entry (0, 1) is 2, entry (1, 0) is 3)
    """

    Q: tuple[tuple[Fraction, ...], ...]
    u: tuple[Fraction, ...]
    constant: Fraction = Fraction(0)
    kind: str = "given"
    description: str = ""

    def __post_init__(self) -> None:
        rows = checks.sequence(self.Q, "Q", "a square matrix (a sequence of rows)")
        n = len(rows)
        if n == 0:
            raise InputError("Q: empty matrix")
        Q = []
        for i, row in enumerate(rows):
            row = checks.sequence(row, "Q", "a square matrix (a sequence of rows)")
            if len(row) != n:
                raise InputError(f"Q: row {i} has {len(row)} entries, expected {n} (a square matrix)")
            Q.append(tuple(checks.exact(x, "Q") for x in row))
        for i, j in itertools.combinations(range(n), 2):
            if Q[i][j] != Q[j][i]:
                raise InputError(f"Q: not symmetric (entry ({i}, {j}) is {Q[i][j]}, entry ({j}, {i}) is {Q[j][i]})")
        u = checks.sequence(self.u, "u", "a vector")
        if len(u) != n:
            raise InputError(f"u: {len(u)} entries, Q is {n} x {n}")
        object.__setattr__(self, "Q", tuple(Q))
        object.__setattr__(self, "u", tuple(checks.exact(x, "u") for x in u))
        object.__setattr__(self, "constant", checks.exact(self.constant, "constant"))

    # -- constructors -----------------------------------------------------------------
    @classmethod
    def from_data(cls, arch: Architecture | str, data: Dataset, *, limits: Limits | None = None) -> "QuadraticLoss":
        """The squared loss ``‖W_θ X − Y‖²`` of ``arch`` on ``data``, on function space.

        For a polynomial network (``r ≥ 2``) the coordinates are the coefficients of the output
        form in :attr:`~lcnalg.PolynomialParameterization.monomials`, and ``Q = AᵀA`` with
        ``A`` the monomials evaluated at the patches (module docstring).

        Parameters
        ----------
        arch : Architecture or str
        data : Dataset
        limits : Limits, optional
            ``max_loss_work`` bounds the products formed (samples x outputs x filter²).

        Raises
        ------
        InputError
            Naming ``inputs``/``targets`` when the data do not fit ``arch``; naming ``data``
            when ``Q`` is singular on the coordinates that the architecture reaches (too few
            or degenerate samples: the loss then has no unique centre ``u``).

        Notes
        -----
        Strides can leave coordinates that no filter reaches (``2,2,2 s=3,2`` reaches 8 of 11):
        they are 0 on ``M``, so only ``Q`` and ``b = Pᵀy`` on the reached coordinates ``S``
        matter.  When ``Q`` is singular but ``Q_SS`` is not, the loss is returned with
        ``Q_SS`` and ``u_S = Q_SS^{-1} b_S`` on ``S`` and the identity and centre 0 on the
        others: on every filter that vanishes off ``S`` it equals ``‖Pw − y‖²``.

        Examples
        --------
        >>> d = Dataset.from_arrays([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]],
        ...                         [1, 2, 3, 4])
        >>> L = QuadraticLoss.from_data("2,2 s=2", d)
        >>> L.u, L.constant
        ((Fraction(1, 1), Fraction(2, 1), Fraction(3, 1), Fraction(4, 1)), Fraction(0, 1))
        >>> QuadraticLoss.from_data("2,2 s=2", Dataset.from_arrays([[1, 2, 3, 4]], [1]))
        Traceback (most recent call last):
        ...
        lcnalg.errors.InputError: data: the patch matrix Q has rank 1 < 4: too few or degenerate samples (the loss has no unique minimiser on the end-to-end filters); give at least 4 samples in general position
        >>> d = Dataset.from_arrays([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 1, 1]], [1, 0, 0, 2, 2])
        >>> L = QuadraticLoss.from_data("2,2 s=3", Dataset.from_arrays([[1, 0, 0, 0, 0], [0, 1, 0, 0, 0],
        ...                             [0, 0, 0, 1, 0], [0, 0, 0, 0, 1]], [1, 2, 3, 4]))   # c2 is never reached
        >>> [float(x) for x in L.u], L.Q[2]
        ([1.0, 2.0, 0.0, 3.0, 4.0], (Fraction(0, 1), Fraction(0, 1), Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)))
        >>> QuadraticLoss.from_data("2,2 r=2", d).u    # coefficients of x0^2, x0x1, x1^2, x1x2, x2^2
        (Fraction(1, 1), Fraction(1, 1), Fraction(0, 1), Fraction(2, 1), Fraction(0, 1))
        """
        arch = Architecture.coerce(arch)
        if not isinstance(data, Dataset):
            raise InputError(f"data: expected a Dataset, got {type(data).__name__}")
        limits = Limits.coerce(limits)
        out_shape = data.output_shape(arch)
        k = arch.end_to_end_filter_shape
        t = arch.cumulative_strides[-1]
        positions = math.prod(out_shape)
        monomials = None
        if arch.activation is not None:  # the coordinates are the monomials of the output form
            monomials = parameterize(arch, limits=limits).monomials
            n = len(monomials)
            degree = arch.activation ** (arch.num_layers - 1)
            limits.check("max_loss_work", f"products forming the loss of {data.describe()} on "
                         f"{checks.short(str(arch), 40)} (monomials of degree {degree} at every patch, and Q)",
                         data.num_samples * positions * (n * n + n * (degree + 1)))
        else:
            n = math.prod(k)
            limits.check("max_loss_work", f"products forming the loss of {data.describe()} on "
                         f"{checks.short(str(arch), 40)}", data.num_samples * positions * (n * n + n))
        in_base = [1] * len(k)
        for a in range(len(k) - 2, -1, -1):
            in_base[a] = in_base[a + 1] * data.input_shape[a + 1]
        offsets = [sum(j[a] * in_base[a] for a in range(len(k))) for j in itertools.product(*map(range, k))]
        starts = [sum(i[a] * t[a] * in_base[a] for a in range(len(k))) for i in itertools.product(*map(range, out_shape))]
        rows, ys = [], []
        for x, y in zip(data.inputs, data.targets):
            xq = [_fmpq(v) for v in x]
            for pos, start in enumerate(starts):
                patch = [xq[start + o] for o in offsets]
                rows.append(patch if monomials is None else _monomial_values(patch, monomials))
                ys.append(_fmpq(y[pos]))
        P = flint.fmpq_mat(len(rows), n, [v for r in rows for v in r])
        Y = flint.fmpq_mat(len(ys), 1, ys)
        Pt = P.transpose()
        Q = Pt * P
        b = Pt * Y
        yy = sum((v * v for v in ys), flint.fmpq(0))
        description = f"squared loss of {checks.short(str(arch), 40)} on {data.describe()}"
        rank = Q.rank()
        # coordinates that no filter of the architecture reaches (strides leave gaps) are 0 on M:
        # the loss on M is that of Q and b on the others alone
        reach = sorted(parameterize(arch, limits=limits).support) if rank < n and monomials is None else list(range(n))
        if len(reach) < n:
            Q = flint.fmpq_mat([[Q[i, j] for j in reach] for i in reach])
            b = flint.fmpq_mat([[b[i, 0]] for i in reach])
            rank = Q.rank()
        k = len(reach)
        if rank < k:
            what = ("end-to-end filters" if monomials is None
                    else f"{n} coefficients of the output form")
            where = "" if k == n else f" on the {k} coordinates that the architecture reaches"
            raise InputError(f"data: the patch matrix Q has rank {rank} < {k}{where}: too few or degenerate samples "
                             f"(the loss has no unique minimiser on the {what}); "
                             f"give at least {k} samples in general position")
        u = Q.solve(b)
        bu = sum((b[i, 0] * u[i, 0] for i in range(k)), flint.fmpq(0))
        if k == n:
            Qn = tuple(tuple(_frac(Q[i, j]) for j in range(n)) for i in range(n))
            un = tuple(_frac(u[i, 0]) for i in range(n))
        else:  # the identity on the unreached coordinates, centre 0 there: the same loss on M
            at = {m: i for i, m in enumerate(reach)}
            Qn = tuple(tuple(_frac(Q[at[a], at[c]]) if a in at and c in at else Fraction(int(a == c))
                             for c in range(n)) for a in range(n))
            un = tuple(_frac(u[at[a], 0]) if a in at else Fraction(0) for a in range(n))
            description += (f" (Q and u on the {k} coordinates the architecture reaches; the identity and "
                            f"0 on the {n - k} it never reaches, which are 0 on M)")
        return cls(Qn, un, _frac(yy - bu), "data", description)

    @classmethod
    def generic(cls, n: int, seed: int) -> "QuadraticLoss":
        """A seeded generic positive definite ``Q = AᵀA + I`` and centre ``u`` (integers).

        Examples
        --------
        >>> L = QuadraticLoss.generic(3, seed=1)
        >>> L == QuadraticLoss.generic(3, seed=1), L.is_positive_definite()
        (True, True)
        """
        n = checks.integer(n, "n", low=1, high=MAX_GENERIC + 1, form=f"a positive integer up to {MAX_GENERIC}")
        seed = checks.seed(seed)
        rng = random.Random(seed)
        A = flint.fmpz_mat(n, n, [rng.randint(-9, 9) for _ in range(n * n)])
        AtA = A.transpose() * A
        Q = tuple(tuple(Fraction(int(AtA[i, j]) + (i == j)) for j in range(n)) for i in range(n))
        u = tuple(Fraction(rng.randint(-99, 99)) for _ in range(n))
        return cls(Q, u, Fraction(0), "generic", f"generic positive definite Q and u (seed {seed})")

    @classmethod
    def identity(cls, u: Any = None, *, n: int | None = None, seed: int | None = None) -> "QuadraticLoss":
        """The standard inner product ``Q = I`` with centre ``u`` (given, or seeded random of length ``n``).

        Examples
        --------
        >>> QuadraticLoss.identity(n=2, seed=0).Q
        ((Fraction(1, 1), Fraction(0, 1)), (Fraction(0, 1), Fraction(1, 1)))
        """
        if u is None:
            if n is None or seed is None:
                raise InputError("u: give the centre u, or n and seed for a random one")
            n = checks.integer(n, "n", low=1, high=MAX_GENERIC + 1, form=f"a positive integer up to {MAX_GENERIC}")
            rng = random.Random(checks.seed(seed))
            u = [Fraction(rng.randint(-99, 99)) for _ in range(n)]
            what = f"Q = I, random u (seed {seed})"
        else:
            what = "Q = I"
        u = checks.sequence(u, "u", "a vector")
        m = len(u)
        Q = tuple(tuple(Fraction(int(i == j)) for j in range(m)) for i in range(m))
        return cls(Q, tuple(u), Fraction(0), "identity", what)

    # -- use --------------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of entries of the end-to-end filter."""
        return len(self.u)

    @property
    def matrix(self) -> flint.fmpq_mat:
        """``Q`` as an ``fmpq_mat``."""
        return flint.fmpq_mat(self.n, self.n, [_fmpq(x) for r in self.Q for x in r])

    def loss(self, w: Any) -> Fraction:
        """``(w - u)ᵀ Q (w - u) + constant`` exactly.

        Examples
        --------
        >>> QuadraticLoss.identity([1, 1]).loss(["1/2", 0])
        Fraction(5, 4)
        """
        w = checks.sequence(w, "w", "an end-to-end filter (a flat sequence)")
        if len(w) != self.n:
            raise InputError(f"w: {len(w)} entries, the loss has {self.n}")
        d = [checks.exact(x, "w") - c for x, c in zip(w, self.u)]
        return sum((d[i] * self.Q[i][j] * d[j] for i in range(self.n) for j in range(self.n)),
                   Fraction(0)) + self.constant

    def is_positive_definite(self) -> bool:
        """Exact test (Sylvester's criterion: every leading principal minor is positive)."""
        M = self.matrix
        for m in range(1, self.n + 1):
            sub = flint.fmpq_mat(m, m, [M[i, j] for i in range(m) for j in range(m)])
            if sub.det() <= 0:
                return False
        return True

    def summary(self) -> str:
        """The kind and its description, for results."""
        return f"{self.kind}: {self.description}" if self.description else self.kind
