"""The F4-style engine over GF(p) and the sparse reduction (mod p or exact over Q)."""

from __future__ import annotations

import heapq
from typing import Any, Callable

import numpy as np
from flint import fmpq, nmod_mat

from lcnalg import errors
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.polys import modmat
from lcnalg.polys.blas_echelon import matmul_mod, single_blas_thread, solve_unitriangular, sparse_submul_mod
from lcnalg.polys.groebner._packed import Packer, Poly, exact_product, lex_order
from lcnalg.polys.groebner._pairs import PairQueue
from lcnalg.polys import hilbert
from lcnalg.polys.hilbert import StandardMonomialCounter

__all__ = ["gm_update", "f4_homogeneous", "Reducer", "interreduce", "MAX_PAIRS_PER_STEP"]

#: At most this many critical pairs of the lowest degree (those with the smallest lcms) go into
#: one Macaulay matrix.  Smaller matrices let the new elements of one step (and, on homogenized
#: input, their falls of degree) remove later pairs by the chain criterion before those pairs
#: are reduced; on the loss critical systems measured, 100 pairs halved the time against all
#: pairs at once, and 30-50 was slower again (more steps, each with its own reducers).
MAX_PAIRS_PER_STEP = 100

#: Modulo a prime below this bound a Macaulay block is reduced by exact float64 BLAS products
#: (:func:`_reduce_block_blas`); above it by FLINT's ``nmod_mat.rref`` of the whole block.
BLAS_PRIME = 1 << 31
#: ... and when it has at least this many entries: below, FLINT's ``rref`` of the block (filled
#: by its non-zero entries, read only on its new rows, none in most blocks) is faster.  Measured
#: on the graph ideals of 2x2,2x2 and 3,3,3 s=2,3 (3000-4000 blocks, most below 1000
#: entries): BLAS took 4-5 times as long per block below 1000 entries (its fixed cost per
#: block), 2-3 times up to 8000, about as long at 16000, less above; the whole runs took
#: 20-30% less with FLINT below 2048 or 16384 entries alike.
BLAS_BLOCK_ENTRIES = 1 << 11


def gm_update(pk: Packer, leads: list[int], active: list[bool], pairs: PairQueue,
              h: int, exps: np.ndarray | None = None) -> None:
    """Gebauer--Möller update of ``pairs`` for the new element with index ``h``.

    ``exps``, when given, holds the exponent rows of ``leads[0..h]`` (at least); otherwise
    they are unpacked here.
    """
    lh = leads[h]
    if exps is None:
        exps = pk.unpack_many(leads[:h + 1])
    eh = exps[h]
    act = np.flatnonzero(np.fromiter(active[:h], dtype=bool, count=h))
    # chain criterion among the new pairs: drop (g, h) when another new pair's lcm divides its
    # lcm (one of equal lcms survives).  In an order extending divisibility, a candidate is
    # dropped exactly when an earlier candidate's lcm divides its own; and then already when an
    # earlier candidate that is kept does (a dropped divisor has itself an earlier kept divisor,
    # which divides the candidate too; by induction on the position).  The lexicographic order
    # of the exponent rows from the last variable on (the order of the packed integers) is such
    # an order, ties by index.  Coprime pairs stay for this test and are then dropped (product
    # criterion).  So the candidates are decided in that order, a chunk at a time
    # (:func:`_earlier_divisors`: against the kept ones before the chunk, and within the chunk),
    # and only the few kept ones are divisors to test.  ``lcm(g, h) = lead(h) u_g`` with
    # ``u_g = max(e_g - e_h, 0)``, and ``lcm(k, h) | lcm(g, h)`` exactly when ``u_k | u_g``: the
    # divisibility is tested on the ``u`` (their 64-bit masks, _divisor_masks, carry no bits of
    # ``lead(h)``, which all the lcms share).  First, at once: a ``u`` of degree one, ``x_v``,
    # divides every ``u`` with ``x_v`` in it and nothing else but its equals; of those the first
    # (in ``g``'s order, as ties go below) is kept, every other candidate with ``x_v`` is
    # dropped.  No dropped ``u`` divides a remaining one (it would pass its ``x_v`` on), so the
    # remaining ones are decided among themselves, with the same outcome as all of them together.
    kept: list[int] = []
    if act.size:
        cand, E = act, exps[act]
        U = np.maximum(E - eh, 0)
        unit = np.flatnonzero(U.sum(axis=1) == 1)
        if unit.size:
            var = U[unit].argmax(axis=1)
            vars_hit = np.zeros(U.shape[1], dtype=bool)
            vars_hit[var] = True
            hit = U[:, vars_hit].any(axis=1)
            hit[unit[np.unique(var, return_index=True)[1]]] = False
            cand, E, U = cand[~hit], E[~hit], U[~hit]
        L = U + eh   # lcm(g, h) = max(e_g, e_h)
        coprime = ~((E > 0) & (eh > 0)).any(axis=1)
        order = lex_order(L[:, ::-1])  # stable: ties keep g's order
        L, U, coprime, cand = L[order], U[order], coprime[order], cand[order]
        dropped = _earlier_divisors(U, _divisor_masks(U))
        keep = ~dropped & ~coprime
        kept = cand[keep].tolist()
        kept_rows = L[keep]
        kept_deg = (kept_rows @ np.array(pk.w, dtype=np.int64)).tolist()
    # chain criterion for an old pair: dropped when lead(h) divides its lcm (and differs from
    # the lcms with h); on the arrays of the queue
    pairs.drop_chain(eh, exps)
    if kept:
        lcm = pk.lcm
        pairs.add(kept_deg, [lcm(lh, leads[g]) for g in kept], kept_rows, kept, [h] * len(kept))
    if act.size:
        for g in act[(exps[act] >= eh).all(axis=1)].tolist():
            active[g] = False


#: Undecided candidates decided at once by :func:`_earlier_divisors` (one chunk, tested within
#: itself; its kept ones are then tested against all the undecided ones after it).
CHAIN_CHUNK = 64


def _earlier_divisors(U: np.ndarray, masks: np.ndarray) -> np.ndarray:
    """For exponent rows ``U`` in an order extending divisibility, whether an earlier row
    divides each row (``masks`` their :func:`_divisor_masks`).

    Row ``i`` has an earlier divisor exactly when it has an earlier divisor that has none
    itself (a kept row): a divisor ``j`` with an earlier divisor ``k`` passes it on, as
    ``k | j | i`` and ``k < j``.  So the rows are decided in order, a chunk of the undecided
    ones at a time, with every undecided row already tested against the kept rows decided
    before it: a row of the chunk is dropped when an earlier row of the chunk divides it (a
    dropped one passes it on to a kept one, as above); the chunk's kept rows are then tested
    against all the undecided rows after it at once, which drops most of them (the kept rows
    are few).

    >>> U = np.array([[1, 0], [0, 1], [1, 1], [1, 0], [2, 0]])
    >>> _earlier_divisors(U, _divisor_masks(U)).tolist()
    [False, False, True, True, True]
    """
    dropped = np.zeros(len(U), dtype=bool)
    undecided = np.arange(len(U))
    while undecided.size:
        chunk, rest = undecided[:CHAIN_CHUNK], undecided[CHAIN_CHUNK:]
        cm = masks[chunk]
        r, c = np.nonzero((~cm[:, None] & cm[None, :]) == 0)
        earlier = c < r
        r, c = r[earlier], c[earlier]
        if r.size:
            full = (U[chunk[c]] <= U[chunk[r]]).all(axis=1)
            dropped[chunk[r[full]]] = True
        kept = chunk[~dropped[chunk]]
        if rest.size and kept.size:
            r, c = np.nonzero((~masks[rest][:, None] & masks[kept][None, :]) == 0)
            if r.size:
                full = (U[kept[c]] <= U[rest[r]]).all(axis=1)
                hit = np.zeros(len(rest), dtype=bool)
                hit[r[full]] = True
                dropped[rest[hit]] = True
                rest = rest[~hit]
        undecided = rest
    return dropped


def f4_homogeneous(gens: list[dict[int, int]], pk: Packer, p: int, limits: Limits, max_total: float,
                   stats: dict[str, Any], saturate: int | None = None,
                   finish: Callable[[list[Poly]], Any] | None = None,
                   hilbert: tuple[np.ndarray, Callable[[tuple[int, ...]], int], int] | None = None,
                   max_degree: int | None = None, progress: Callable[[int], Any] | None = None) -> Any:
    """Reduced Gröbner basis mod ``p`` of homogeneous polynomials (packed dicts mod p).

    ``limits.max_matrix_entries`` bounds one Macaulay block, ``max_total`` the entries of all
    blocks of this prime (``limits.max_total_entries`` or unbounded).

    With ``saturate=i`` (the index of a homogenizing variable ``t``) every new element
    ``t^k g`` with ``k > 0`` is replaced by ``g``, which goes back to the queue of inputs of
    its lower degree: the basis is then one of an ideal ``J`` with ``J_0 ⊆ J ⊆ J_0 : t^∞``
    (``J_0`` the ideal of ``gens``), so it dehomogenizes (``t = 1``) to a Gröbner basis of the
    same affine ideal, while the components of ``J_0`` at infinity (``t = 0``) are never
    computed degree by degree (the affine computation's fall of degree).

    ``finish``, when given, is called with the active elements after every step that added
    some; if it returns something other than None the run stops and that is returned instead
    of the basis (an early termination the callable has proved, such as
    :func:`~lcnalg.polys.groebner.border.border_certificate`).

    ``hilbert``, when given (not with ``saturate``), is ``(A, HF, k)``: a multigrading ``A`` (an
    ``r x n`` array of non-negative integers whose first ``k`` rows add up to the grading of
    ``pk`` and whose other rows refine it, every generator homogeneous for each row) and the
    Hilbert function ``HF`` of the quotient on multidegrees (tuples of ``r`` ints); the pairs and
    inputs of a multidegree are dropped once the leading monomials leave ``HF`` standard
    monomials there (:class:`_HilbertSkip`).

    ``max_degree``, when given (not with ``saturate``), ends the run before the first pair or
    input of a higher degree: the elements of degree at most ``max_degree`` of the reduced basis
    (the steps of a degree use only the pairs and inputs of that degree and the elements below).

    ``progress``, when given, is called before each step with the entries of the Macaulay
    blocks so far (what ``max_total`` bounds)."""
    args = (gens, pk, p, limits, max_total, stats, saturate, finish, hilbert, max_degree, progress)
    if p < BLAS_PRIME:  # many products of a few million entries: one thread is as fast, and shares
        with single_blas_thread():
            return _f4_run(*args)
    return _f4_run(*args)


def _f4_run(gens: list[dict[int, int]], pk: Packer, p: int, limits: Limits, max_total: float,
            stats: dict[str, Any], saturate: int | None,
            finish: Callable[[list[Poly]], Any] | None,
            hilbert: tuple[np.ndarray, Callable[[tuple[int, ...]], int], int] | None = None,
            max_degree: int | None = None, progress: Callable[[int], Any] | None = None) -> Any:
    """The body of :func:`f4_homogeneous`."""
    max_entries = limits.max_matrix_entries
    total = 0
    G: list[Poly] = []
    leads: list[int] = []
    lead_index: dict[int, int] = {}  # the index of the element with a given leading monomial
    active: list[bool] = []
    pending: dict[int, list[dict[int, int]]] = {}
    for f in gens:
        f = {m: c % p for m, c in f.items() if c % p}
        if f:
            pending.setdefault(pk.deg(next(iter(f))), []).append(f)
    key = pk.key
    # per degree (monomials of one degree only): the monomials met, numbered (``mons[i]`` is
    # the monomial with id ``i``: sets and index arrays of small ints instead of packed ones),
    # the id rows of the reducer rows ``(mult, gi)``, and the exponent rows of the ids
    deg = _DegreeCache(-1, pk)
    blas = p < BLAS_PRIME
    dtype = np.float64 if blas else np.int64
    coef_arrays: list[np.ndarray] = []  # the coefficients of G[i] (float64 for p < 2^31, else int64)
    # with ``hilbert``: the standard monomials per multidegree (_HilbertSkip); the steps run per degree
    skip = _HilbertSkip(*hilbert, pk) if hilbert is not None and saturate is None else None
    pairs = PairQueue(pk.n, grading=None if skip is None else skip.A, order=pk.order_cols)
    steps: dict[int, int] = {}
    lead_rows = np.zeros((64, pk.n), dtype=np.int64)  # the exponent rows of ``leads`` (first len(leads))
    lead_mask_rows = np.zeros(0, dtype=np.uint64)  # their _divisor_masks, made once per leading monomial
    while pairs or pending:
        if progress is not None:
            progress(total)
        d = min(([pairs.min_degree()] if pairs else []) + list(pending))
        if max_degree is not None and saturate is None and d > max_degree:
            break
        if skip is not None:
            slots = pairs.of_degree(d)
            done = skip.complete(d, slots.size, lambda: pairs.multidegrees(slots, skip.A),
                                 pending.get(d, []), steps.get(d, 0), total)
            if skip.given_up_at is not None:
                stats["refinement_given_up_at_degree"] = skip.given_up_at
            if skip.dropped:
                stats["refinement_rows_dropped"] = tuple(skip.dropped)
            if done:
                md = skip.multidegree
                gone = slots[pairs.in_multidegrees(slots, done)]
                if gone.size:
                    stats["hilbert_skipped_pairs"] = stats.get("hilbert_skipped_pairs", 0) + int(gone.size)
                    pairs.remove(gone)
                if d in pending:
                    left = [f for f in pending[d] if md(next(iter(f))) not in done]
                    if left:
                        pending[d] = left
                    else:
                        del pending[d]
                if gone.size == slots.size and d not in pending:
                    continue
        steps[d] = steps.get(d, 0) + 1
        # the smallest lcms first; the rest wait for the next step
        slots = pairs.smallest_of_degree(d, MAX_PAIRS_PER_STEP, key)
        sel = pairs.get(slots)
        pairs.remove(slots)
        inputs = pending.pop(d, [])
        if d != deg.degree:
            deg = _DegreeCache(d, pk)
        intern, mons, row = deg.intern, deg.mons, deg.row
        made = deg.rows.get  # the rows made already (looked up here: most are, and a call costs)
        piv: dict[int, tuple[int, int]] = {}  # column id -> reducer row (mult, gi)
        srows: list[tuple[int, int]] = []
        seen: set[tuple[int, int]] = set()
        for pr in sel:
            l = intern(pr[1])
            for gi in (pr[2], pr[3]):
                mult = pr[1] - leads[gi]
                if (mult, gi) in seen:
                    continue
                seen.add((mult, gi))
                if l in piv:
                    srows.append((mult, gi))
                else:
                    piv[l] = (mult, gi)
        explicit = [([intern(m) for m in f], list(f.values())) for f in inputs]
        # symbolic preprocessing, by generations: every monomial of a row gets a reducer
        # (the active element of smallest index whose lead divides it) or is a standard column;
        # the divisors of a generation are found at once on exponent arrays (_first_divisors)
        cols: set[int] = set(piv)
        new: set[int] = set()
        for mult, gi in list(piv.values()) + srows:
            new.update(made((mult, gi)) or row(mult, gi, G))
        for ids, _ in explicit:
            new.update(ids)
        new -= cols
        std: list[int] = []
        act_idx = [i for i in range(len(G)) if active[i]]
        edt = np.int16 if d < 1 << 15 else np.int64  # exponents are at most the degree d
        lead_exps = lead_rows[act_idx].astype(edt)
        if len(lead_mask_rows) < len(leads):  # the masks of the new leading monomials
            lead_mask_rows = np.concatenate([lead_mask_rows,
                                             _divisor_masks(lead_rows[len(lead_mask_rows):len(leads)])])
        lead_masks = lead_mask_rows[act_idx]  # for every generation's divisor search of the step
        # what an earlier step of the degree found for a monomial still holds, but for a new
        # leading monomial: the elements added since are of degree d and have larger indices,
        # and none of degree <= d has been made inactive (only a new leading monomial dividing
        # its own does that, and a new one is standard for the elements before it).  So a
        # monomial's reducer (deg.reducer) stays the active element of smallest index whose
        # lead divides it, and a standard monomial (deg.standard) has one only if it has become
        # the leading monomial of a new element (of degree d: dividing it means being it)
        reducer, standard = deg.reducer, deg.standard
        while new:
            cols |= new
            nxt: set[int] = set()
            batch = []
            for i in new:
                gi = reducer.get(i)
                if gi is None:
                    if i not in standard:
                        batch.append(i)
                        continue
                    gi = lead_index.get(mons[i])
                    if gi is None:
                        std.append(i)
                        continue
                    standard.discard(i)
                    reducer[i] = gi
                mult = mons[i] - leads[gi]
                piv[i] = (mult, gi)
                nxt.update(made((mult, gi)) or row(mult, gi, G))
            found = _first_divisors(deg.exps(batch).astype(edt), lead_exps, lead_masks) if batch else ()
            for i, pos in zip(batch, found.tolist() if batch else ()):
                if pos < 0:
                    std.append(i)
                    standard.add(i)
                else:
                    gi = reducer[i] = act_idx[pos]
                    mult = mons[i] - leads[gi]
                    piv[i] = (mult, gi)
                    nxt.update(made((mult, gi)) or row(mult, gi, G))
            new = nxt - cols
        nlow = len(srows) + len(explicit)
        if not std or nlow == 0:
            continue  # every row reduces to zero (no monomial outside the leading ideal)
        # the matrix is block diagonal by multidegree: one rref per block.  The columns of a block,
        # largest first, split into reducer columns and the others; a low row is
        # (mult, poly, ids of its monomials, coefficients as an array of dtype)
        col_ids = list(piv) + std
        label, ranked = _blocks_and_order(pk, deg.exps(col_ids), key, [mons[i] for i in col_ids])
        label_of = dict(zip(col_ids, label.tolist()))
        npiv = len(piv)
        blocks: dict[int, list[list[Any]]] = {}
        for t in ranked.tolist():
            blocks.setdefault(label_of[col_ids[t]], [[], [], []])[0 if t < npiv else 1].append(col_ids[t])
        for mult, gi in srows:
            blocks[label_of[deg.ids[mult + leads[gi]]]][2].append((mult, G[gi], deg.row_array(mult, gi, G),
                                                                  coef_arrays[gi]))
        for ids, coefs in explicit:
            blocks[label_of[ids[0]]][2].append(
                (0, ([mons[i] for i in ids], coefs), np.array(ids, dtype=np.int64),
                 np.array(coefs, dtype=dtype)))
        new_elems: list[Poly] = []
        for bkey in sorted(blocks):
            L, N, low = blocks[bkey]
            if not N or not low:
                continue
            nA = len(L)
            nr, nc = nA + len(low), nA + len(N)
            # few rows to reduce against many reducers: the block is reduced sparsely (its size is
            # the reducers' terms plus the low rows as dense rows) when that is estimated cheaper
            # than FLINT's dense rref: about 2e-7 s per low row and reducer term in Python against
            # nr * nc * min(nr, nc) word operations at ~5e9 per second
            terms = sum(len(G[piv[i][1]][0]) for i in L)
            sparse = nA > 0 and len(low) * terms * 1000 < nr * nc * min(nr, nc)
            size = (terms + len(low) * nc) if sparse else nr * nc
            if size > max_entries:
                raise limits.refuse("max_matrix_entries",
                                    f"entries of a degree-{d} Macaulay matrix block ({nr} x {nc}"
                                    + (", reduced sparsely)" if sparse else ")"), size)
            total += size
            stats["total_entries"] = stats.get("total_entries", 0) + size
            if total > max_total:
                raise limits.refuse("max_total_entries",
                                    f"total entries of the Macaulay matrices up to degree {d}", total)
            # modulo a prime below 2^31 the low rows are reduced against the unitriangular
            # reducers by float64 BLAS products, unless the block is so small that the sparse
            # Python reduction is estimated cheaper than their overhead (measured: about 3e-4 s
            # per block, 3e-5 s per reducer at the leaves, 1e-9 s per low row, reducer and column)
            if blas and nr * nc >= BLAS_BLOCK_ENTRIES \
                    and not (sparse and len(low) * terms * 2e-7 < 3e-4 + 3e-5 * nA + 1e-9 * len(low) * nA * nc):
                new_elems.extend(_reduce_block_blas(L, N, low, piv, G, deg, coef_arrays, p))
                stats["matrices"] = stats.get("matrices", 0) + 1
                stats["blas_blocks"] = stats.get("blas_blocks", 0) + 1
                if nr * nc > stats.get("max_entries", 0):
                    stats["max_entries"] = nr * nc
                    stats["max_matrix"] = (nr, nc)
                continue
            if sparse:  # eliminate the reducer columns of each low row, then echelonize what is left
                col = {i: c for c, i in enumerate(L)}
                col.update({i: nA + c for c, i in enumerate(N)})
                low_ids = [(lr[2].tolist(), lr[1][1]) for lr in low]
                new_elems.extend(_reduce_few_rows([mons[i] for i in N], low_ids, L, piv, deg.rows, G, col,
                                                  nA, p, stats))
                continue
            # FLINT's rref of the whole block; the rows from nA on have their pivots on N
            M = nmod_mat(nr, nc, p)
            if nr * nc <= BLAS_BLOCK_ENTRIES:  # a few dozen entries: set from the rows' lists
                at = dict(zip(L, range(nA)))
                at.update(zip(N, range(nA, nc)))
                for r, i in enumerate(L):
                    mult, gi = piv[i]
                    for c, v in zip(row(mult, gi, G), G[gi][1]):
                        M[r, at[c]] = v
                for r, lr in enumerate(low, nA):
                    for c, v in zip(lr[2].tolist(), lr[1][1]):
                        M[r, at[c]] = v
            else:
                rows, cols, vals = _block_entries(L, N, low, piv, G, deg, coef_arrays)
                for r, c, v in zip(rows.tolist(), cols.tolist(), vals.astype(np.int64).tolist()):
                    M[r, c] = v
            R, rk = M.rref()
            stats["matrices"] = stats.get("matrices", 0) + 1
            if nr * nc > stats.get("max_entries", 0):
                stats["max_entries"] = nr * nc
                stats["max_matrix"] = (nr, nc)
            Nm = [mons[i] for i in N]
            for i in range(nA, rk):
                ms, coefs = [], []
                for j in range(nA, nc):
                    v = int(R[i, j])
                    if v:
                        ms.append(Nm[j - nA])
                        coefs.append(v)
                new_elems.append((ms, coefs))
        if saturate is not None:
            new_elems = _divide_out(new_elems, pk, saturate, pending, stats)
        elif skip is not None:  # each new leading monomial is a standard monomial less
            skip.found(d, new_elems)
        for el in new_elems:
            coef_arrays.append(np.array(el[1], dtype=dtype))
            G.append(el)
            leads.append(el[0][0])
            lead_index[el[0][0]] = len(leads) - 1
            active.append(True)
            if len(leads) > len(lead_rows):
                grown = np.zeros((2 * len(leads), pk.n), dtype=np.int64)
                grown[:len(lead_rows)] = lead_rows
                lead_rows = grown
            lead_rows[len(leads) - 1] = pk.unpack(el[0][0])
            gm_update(pk, leads, active, pairs, len(G) - 1, lead_rows)
        if finish is not None and new_elems and (pairs or pending):
            done = finish([G[i] for i in range(len(G)) if active[i]])
            if done is not None:
                stats["finished_early"] = stats.get("finished_early", 0) + 1
                return done
    basis = [G[i] for i in range(len(G)) if active[i]]
    # a saturating run is dehomogenized and inter-reduced by its caller
    return basis if saturate is not None else _reduce_tails(basis, pk, p)


def _reduce_tails(G: list[Poly], pk: Packer, p: int) -> list[Poly]:
    """The reduced basis from the active elements ``G`` (in the order they were found) of a run
    without saturation.

    A new element's tail is standard for every element before it (the symbolic preprocessing
    gives each monomial divisible by an active leading monomial its reducer column), and an
    element of higher degree has no leading monomial dividing a monomial of lower degree; so a
    tail monomial can be a leading monomial only of a later element of the same degree (found in
    a later step of that degree), and then equals it.  Going from the last element to the first,
    each element's tail is reduced by the later ones of its degree, already reduced: one
    subtraction per such monomial, as their tails hold no leading monomial."""
    lead_of = {mons[0]: i for i, (mons, _) in enumerate(G)}
    key = pk.key
    out = list(G)
    for i in range(len(G) - 1, -1, -1):
        mons, coefs = out[i]
        hits = [(m, c) for m, c in zip(mons[1:], coefs[1:]) if m in lead_of]
        if not hits:
            continue
        f = dict(zip(mons, coefs))
        for m, c in hits:
            fm, fc = out[lead_of[m]]
            scale = c * pow(int(fc[0]), -1, p) % p
            for mm, cc in zip(fm, fc):
                v = (f.get(mm, 0) - scale * cc) % p
                if v:
                    f[mm] = v
                else:
                    f.pop(mm, None)
        ms = sorted(f, key=key, reverse=True)
        out[i] = (ms, [f[m] for m in ms])
    return out


#: A count of standard monomials from scratch (:meth:`_HilbertSkip.complete`), and an update of the
#: numerator by one leading monomial, gives up after this many steps of its recursion (the degree
#: then runs in full, or the next count starts from scratch).  The count of degree 17 of the graph
#: ideal of 5,3,3 s=2,2 (4645 leading monomials) takes about 31,000 steps and 2 s; at 20,000 it
#: gave up, and the degrees 17-21 ran in full without a new element (37 of its 84 s).
HILBERT_COUNT_NODES = 200_000



class _HilbertSkip:
    """Which multidegrees of a degree are complete: those where the leading monomials so far leave
    exactly ``HF(a)`` standard monomials (then every pair and input of multidegree ``a`` reduces
    to zero; :mod:`lcnalg.polys.groebner`).

    ``A`` is the multigrading (``r x n``, its first ``total_rows`` rows adding up to the grading
    of ``pk``, the others refining it), ``hf`` the Hilbert function of the quotient on
    multidegrees.  The standard monomials of all the
    multidegrees of the pairs and inputs of a degree are counted at once, from the numerator of
    the leading ideal that :class:`~lcnalg.polys.hilbert.StandardMonomialCounter` keeps up to date
    with every new leading monomial (:meth:`found`), once per degree, when the degree
    takes more than one step (more than :data:`MAX_PAIRS_PER_STEP` pairs, or a second step): a
    degree done in one step is not counted.  Later each new element of the degree takes one
    standard monomial away in its multidegree (its leading monomial, standard for the elements
    before it).

    With refining rows (``total_rows < r``) the numerator has far more terms (its multidegrees
    rarely merge); a count whose products pass :data:`~lcnalg.polys.hilbert.REFINED_COUNT_TERMS`
    terms or twice the entries of the matrices so far (or that passes ``HILBERT_COUNT_NODES``
    steps) gives the last refining row up for the rest of the run, and the count is tried
    again without it, until it fits or no refining row is left: the counts go on in the
    multidegrees of the rows kept (where ``HF`` is asked for such a shorter multidegree, the sum
    over the refined ones in it), and a refined multidegree is complete when its shorter one is
    (a sound, weaker test).  So the rows come most useful first."""

    def __init__(self, A: np.ndarray, hf: Callable[[tuple[int, ...]], int], total_rows: int, pk: Packer) -> None:
        self.A = A
        self.rows = A.tolist()
        self.hf = hf
        self.pk = pk
        self.k = total_rows
        #: the rows counted in (all of them, fewer once refining rows are given up)
        self.cut = len(A)
        self.counts: dict[int, dict[tuple[int, ...], int] | None] = {}
        #: the leading monomials so far, with their numerator kept up to date
        self.counter = StandardMonomialCounter(A, max_nodes=HILBERT_COUNT_NODES, total_rows=total_rows,
                                               max_terms=hilbert.REFINED_COUNT_TERMS if self.refined else None)
        self._leads: list[np.ndarray] = []  # kept while refined, for a counter of fewer rows
        self._wanted: dict[int, list[tuple[int, ...]]] = {}  # the refined multidegrees of each degree counted
        #: the degree at which the last refining row was given up (None: kept, or none)
        self.given_up_at: int | None = None
        #: (degree, rows kept) at each refining row given up
        self.dropped: list[tuple[int, int]] = []
        self._md: dict[int, tuple[int, ...]] = {}
        self._hf: dict[tuple[int, ...], int] = {}

    @property
    def refined(self) -> bool:
        """Whether a refining row is still counted in."""
        return self.cut > self.k

    def _coarsen(self, d: int) -> None:
        """Give the last refining row up (at degree ``d``): a counter of the rows left, with the
        leading monomials so far."""
        self.cut -= 1
        budget = self.counter.max_terms
        self.counter = StandardMonomialCounter(self.A[:self.cut], max_nodes=HILBERT_COUNT_NODES,
                                               total_rows=self.k, max_terms=budget if self.refined else None)
        if self._leads:
            self.counter.add(np.concatenate(self._leads))
        if not self.refined:
            self._leads = []
            self.given_up_at = d
        self.dropped.append((d, self.cut))
        self.counts.clear()

    def value(self, a: tuple[int, ...]) -> int:
        """``HF`` at a multidegree of the counts (after a fallback a coarse one, on which ``HF``
        gives the sum over its refined multidegrees)."""
        h = self._hf.get(a)
        if h is None:
            h = self._hf[a] = self.hf(a)
        return h

    def multidegree(self, m: int) -> tuple[int, ...]:
        """The multidegree of the packed monomial ``m``."""
        got = self._md.get(m)
        if got is None:
            e = self.pk.unpack(m)
            got = self._md[m] = tuple(sum(a * b for a, b in zip(e, row) if a) for row in self.rows)
        return got

    def _multidegrees(self, ms: list[int]) -> None:
        """Cache the multidegrees of the packed monomials ``ms`` (unpacked at once)."""
        todo = list({m for m in ms if m not in self._md})
        if todo:
            self._md.update(zip(todo, map(tuple, (self.pk.unpack_many(todo) @ self.A.T).tolist())))

    def complete(self, d: int, npairs: int, here: Callable[[], list[tuple[int, ...]]],
                 inputs: list[dict[int, int]], steps: int, entries: int = 0) -> set[tuple[int, ...]]:
        """The complete multidegrees of degree ``d`` (``npairs`` its pairs, ``here()`` their
        multidegrees, asked for only when the degree is first counted; ``inputs`` its inputs,
        ``steps`` the steps it has run; ``entries`` those of the matrices so far, which bound
        the terms of a refined count); raises InputError where ``HF`` is above the count."""
        if d not in self.counts and not steps and npairs <= MAX_PAIRS_PER_STEP:
            return set()
        self._multidegrees([next(iter(f)) for f in inputs])
        if self.refined:   # a refined count may cost about twice the matrices so far
            self.counter.max_terms = min(hilbert.REFINED_COUNT_TERMS,
                                         max(hilbert.REFINED_COUNT_FLOOR, hilbert.REFINED_COUNT_PER_ENTRY * entries))
        if d not in self.counts:
            md = self.multidegree
            wanted = sorted(set(here()) | {md(next(iter(f))) for f in inputs})
            self._wanted[d] = wanted
            while True:
                counts = self.counter.counts(d, sorted({a[:self.cut] for a in wanted}))
                if counts is not None or not self.refined:
                    break
                self._coarsen(d)   # too large refined: one refining row less from here on
            self.counts[d] = counts
        counts = self.counts[d]
        if counts is None:  # not counted: the degree runs in full
            return set()
        done = set()
        for a, s in counts.items():
            h = self.value(a)
            if s < h:
                where = f"degree {a[0]}" if len(a) == 1 else f"multidegree {a}"
                raise InputError(f"hilbert_function: {h} in {where}, but the ideal leaves at most {s} standard "
                                 "monomials there (it must be the Hilbert function of the quotient)")
            if s == h:
                done.add(a)
        if self.cut < len(self.A):  # the refined multidegrees of complete shorter ones
            done = {a for a in self._wanted[d] if a[:self.cut] in done}
        return done

    def found(self, d: int, elems: list[Poly]) -> None:
        """New elements of degree ``d``: each leading monomial is a standard monomial less."""
        if elems:
            leads = self.pk.unpack_many([el[0][0] for el in elems])
            self.counter.add(leads)
            if self.refined:
                self._leads.append(np.asarray(leads, dtype=np.int64))
        counts = self.counts.get(d)
        if counts:
            for el in elems:
                a = self.multidegree(el[0][0])[:self.cut]
                if a in counts:
                    counts[a] -= 1


class _DegreeCache:
    """The monomials of one degree met so far, numbered, with the id rows of the reducer
    rows ``(mult, gi)``, the exponent rows of the monomials (:meth:`exps`) and the reducers
    found for them."""

    def __init__(self, degree: int, pk: Packer) -> None:
        self.degree = degree
        self.pk = pk
        self.ids: dict[int, int] = {}
        self.mons: list[int] = []
        self._exps = np.zeros((0, pk.n), dtype=np.int64)
        self._nexp = 0
        self.rows: dict[tuple[int, int], list[int]] = {}
        self.arrays: dict[tuple[int, int], np.ndarray] = {}
        #: the reducer (basis index) found for a monomial id in a step of this degree, and the
        #: ids found without one
        self.reducer: dict[int, int] = {}
        self.standard: set[int] = set()
        #: scratch: the column of each monomial id in the block being built (:func:`_block_entries`)
        self._pos = np.zeros(0, dtype=np.int64)

    def positions(self) -> np.ndarray:
        """A scratch array with a slot for every monomial id met so far (its entries are stale:
        each block writes the slots of its own columns before reading them)."""
        if len(self._pos) < len(self.mons):
            self._pos = np.zeros(max(2 * len(self._pos), len(self.mons)), dtype=np.int64)
        return self._pos

    def intern(self, m: int) -> int:
        i = self.ids.get(m)
        if i is None:
            i = self.ids[m] = len(self.mons)
            self.mons.append(m)
        return i

    def exps(self, ids: list[int]) -> np.ndarray:
        """The exponent rows of the monomials with these ids (unpacked once, in bulk)."""
        if self._nexp < len(self.mons):
            fresh = self.pk.unpack_many(self.mons[self._nexp:])
            if self._nexp + len(fresh) > len(self._exps):
                grown = np.zeros((max(2 * len(self._exps), self._nexp + len(fresh)), self.pk.n),
                                 dtype=np.int64)
                grown[:self._nexp] = self._exps[:self._nexp]
                self._exps = grown
            self._exps[self._nexp:self._nexp + len(fresh)] = fresh
            self._nexp += len(fresh)
        return self._exps[np.asarray(ids, dtype=np.int64)]

    def row(self, mult: int, gi: int, G: list[Poly]) -> list[int]:
        """The ids of the monomials of ``mult * G[gi]`` (largest first)."""
        r = self.rows.get((mult, gi))
        if r is None:
            ids, mons = self.ids, self.mons
            ts = [mult + mm for mm in G[gi][0]]
            r = list(map(ids.get, ts))
            if None in r:
                for k, i in enumerate(r):
                    if i is None:  # a new monomial (the monomials of a row are distinct)
                        i = r[k] = ids[ts[k]] = len(mons)
                        mons.append(ts[k])
            self.rows[(mult, gi)] = r
        return r

    def row_array(self, mult: int, gi: int, G: list[Poly]) -> np.ndarray:
        """:meth:`row` as an int64 array, made only for the rows of a block that is reduced (most
        rows of the symbolic preprocessing are in blocks without a row to reduce)."""
        a = self.arrays.get((mult, gi))
        if a is None:
            a = self.arrays[(mult, gi)] = np.array(self.row(mult, gi, G), dtype=np.int64)
        return a


#: Exponent comparisons made at once by :func:`_first_divisors` (memory of one boolean array).
DIVISOR_CHUNK = 1 << 23
#: Leading monomials tried at once by :func:`_first_divisors`: the rows that found a divisor among
#: them are not tried against the later ones (on the graph ideals of 4,4,3 s=2,2 and 5,3,3 s=2,2,
#: about half the monomials find one, and the searches took 1.3-1.9 times less than with all the
#: leading monomials at once).
LEAD_CHUNK = 256


def _first_divisors(E: np.ndarray, leads: np.ndarray, lead_masks: np.ndarray | None = None) -> np.ndarray:
    """For each exponent row of ``E``, the first row of ``leads`` that divides it (is
    componentwise at most it), or -1.  ``lead_masks``, when given, are the
    :func:`_divisor_masks` of ``leads``.

    A pair is tested in full only when its divisibility masks agree (:func:`_divisor_masks`:
    a divisor's mask is a subset of the multiple's), which rules out most pairs with one
    64-bit operation.  The leading monomials are tried ``LEAD_CHUNK`` at a time, in order, and
    a row is tried against the next ones only while it has none.

    >>> _first_divisors(np.array([[2, 1], [0, 3]]), np.array([[3, 0], [1, 1], [0, 1]])).tolist()
    [1, 2]
    """
    out = np.full(len(E), -1, dtype=np.int64)
    if not len(leads) or not len(E):
        return out
    lm = _divisor_masks(leads) if lead_masks is None else lead_masks
    em = ~_divisor_masks(E)
    todo = np.arange(len(E))
    for a in range(0, len(leads), LEAD_CHUNK):
        part = lm[a:a + LEAD_CHUNK]
        step = max(1, DIVISOR_CHUNK // len(part))
        for b in range(0, todo.size, step):
            sub = todo[b:b + step]
            cand = (em[sub, None] & part[None, :]) == 0
            # each row's first candidate by mask (no lead before it can divide the row); most
            # are divisors, and only the rows whose first is not are searched in full
            first = cand.argmax(axis=1)
            hit = np.flatnonzero(cand[np.arange(len(sub)), first])
            if not hit.size:
                continue
            ok = (E[sub[hit]] >= leads[a + first[hit]]).all(axis=1)
            good = hit[ok]
            out[sub[good]] = a + first[good]
            bad = hit[~ok]
            if bad.size:
                rows, cols = np.nonzero(cand[bad])  # by row, then column
                full = (E[sub[bad[rows]]] >= leads[a + cols]).all(axis=1)
                rows, cols = rows[full], cols[full]
                first_rows, at = np.unique(rows, return_index=True)
                out[sub[bad[first_rows]]] = a + cols[at]
        todo = todo[out[todo] < 0]
        if not todo.size:
            break
    return out


def _divisor_masks(E: np.ndarray) -> np.ndarray:
    """64-bit masks of exponent rows with ``mask(a) ⊆ mask(b)`` whenever ``a`` divides ``b``:
    bit ``(t, i)`` says that the exponent of variable ``i`` is at least ``2^t`` (variables share
    bits when there are more than 64).

    >>> _divisor_masks(np.array([[1, 0], [2, 1], [0, 5]])).tolist()  # 32 bits per variable
    [1, 4294967299, 30064771072]
    """
    k, n = E.shape
    per = max(1, 64 // max(n, 1))
    # bit i per + t of the flat row is bit (i per + t) mod 64 of the mask: packed little-endian
    # into 64-bit words, which are or-ed together when there are several
    bits = (E[:, :, None] >= (np.int64(1) << np.arange(per, dtype=np.int64))).reshape(k, n * per)
    words = -(-(n * per) // 64)
    if words * 64 > n * per:
        bits = np.concatenate([bits, np.zeros((k, words * 64 - n * per), dtype=bool)], axis=1)
    packed = np.packbits(bits, axis=1, bitorder="little").view("<u8")
    return packed[:, 0].astype(np.uint64) if words == 1 else np.bitwise_or.reduce(packed, axis=1).astype(np.uint64)


def _blocks_and_order(pk: Packer, E: np.ndarray, key: Callable[[int], int], mons: list[int]
                      ) -> tuple[np.ndarray, np.ndarray]:
    """Block labels (equal exactly for equal multidegrees) of monomials with exponent rows ``E``,
    and their positions from the largest monomial to the smallest in the order."""
    if pk.grading_cols.shape[1]:
        label = _row_labels(exact_product(E, pk.grading_cols))
    else:
        label = np.zeros(len(E), dtype=np.int64)
    if pk.order_cols is not None:
        ranked = lex_order(exact_product(E, pk.order_cols))[::-1]
    else:
        ranked = np.array(sorted(range(len(mons)), key=lambda t: key(mons[t]), reverse=True), dtype=np.int64)
    return label, ranked


def _row_labels(M: np.ndarray) -> np.ndarray:
    """The position of each row of the integer array ``M`` among its distinct rows in
    lexicographic order (``np.unique(M, axis=0, return_inverse=True)``'s labels), through
    one integer per row: the rows shifted to non-negative entries read in the mixed radix of
    their column ranges, first column most significant (an order-preserving injection), when
    it fits in 62 bits.

    >>> _row_labels(np.array([[2, 1], [0, 5], [2, 1], [2, 0]])).tolist()
    [2, 0, 2, 1]
    """
    if not len(M):
        return np.zeros(0, dtype=np.int64)
    lo = M.min(axis=0)
    span = M.max(axis=0) - lo + 1
    if float(np.prod(span.astype(np.float64))) >= 2.0 ** 62:
        _, label = np.unique(M, axis=0, return_inverse=True)
        return label.reshape(-1)
    key = np.zeros(len(M), dtype=np.int64)
    for c in range(M.shape[1]):
        key = key * int(span[c]) + (M[:, c] - lo[c])
    _, label = np.unique(key, return_inverse=True)
    return label.reshape(-1)


def _block_entries(L: list[int], N: list[int], low: list[tuple[Any, ...]], piv: dict[int, tuple[int, int]],
                   G: list[Poly], deg: _DegreeCache, coef_arrays: list[np.ndarray]
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The non-zero entries of a Macaulay block as arrays ``(rows, columns, values)``: the
    reducer rows of the columns ``L`` first (row ``r`` reduces column ``r``), then the low
    rows ``(mult, poly, ids, coefficients)``; columns ``L`` then ``N`` (ids, largest first)."""
    nA, nc = len(L), len(L) + len(N)
    # the rows of a block have their monomials among its columns (the matrix is block diagonal),
    # so only the slots of L and N are read: one scratch array per degree instead of one per block
    pos = deg.positions()
    pos[np.array(L, dtype=np.int64)] = np.arange(nA)
    pos[np.array(N, dtype=np.int64)] = np.arange(nA, nc)
    ids = [deg.row_array(*piv[i], G) for i in L] + [lr[2] for lr in low]
    coefs = [coef_arrays[piv[i][1]] for i in L] + [lr[3] for lr in low]
    lens = np.array([len(r) for r in ids], dtype=np.int64)
    return np.repeat(np.arange(len(ids)), lens), pos[np.concatenate(ids)], np.concatenate(coefs)


def _reduce_block_blas(L: list[int], N: list[int], low: list[tuple[Any, ...]], piv: dict[int, tuple[int, int]],
                       G: list[Poly], deg: _DegreeCache, coef_arrays: list[np.ndarray], p: int) -> list[Poly]:
    """The new basis rows of one Macaulay block modulo ``p < 2^31``, by float64 BLAS products.

    ``L`` and ``N`` are the ids of the reducer columns and of the other columns, each largest
    first; ``low`` the low rows ``(mult, poly, ids, coefficients)``.  The reducer rows
    ``[A | B]`` (one monic multiple of a basis element per column of ``L``, its lead on that
    column, its other terms on later columns) have ``A`` upper unitriangular; the low rows are
    ``[C | D]``.  The rows of the reduced echelon form of the whole block with their pivot on
    ``N`` are 0 on ``L`` and span the rows of the row space that vanish on ``L``, which are
    ``z (D − X B)`` for ``X A = C``; so they are the reduced echelon form of the Schur
    complement ``S = D − X B`` (it is unique).  ``X`` is found by blocked forward substitution
    over the columns of ``A`` (:func:`~lcnalg.polys.blas_echelon.solve_unitriangular`); all products are exact
    (:func:`~lcnalg.polys.blas_echelon.matmul_mod`).
    """
    nA, nN = len(L), len(N)
    nc = nA + nN
    rows, cols, vals = _block_entries(L, N, low, piv, G, deg, coef_arrays)
    top = rows < nA
    nlow, terms = len(low), int(top.sum())
    # dense substitution (3 nlow nA^2 + 6 nlow nA nN flops at ~1e10 a second, and the dense
    # reducers) or one sparse update of all low rows per reducer (~1.5e-5 s each, ~1e-8 s per
    # low row and reducer term): the same X, so the same S
    if nA * 1.5e-5 + nlow * terms * 1e-8 < (3 * nlow * nA * nA + 6 * nlow * nA * nN) / 1e10 + nA * nc * 2e-9:
        S = _eliminate_by_rows(rows, cols, vals, top, nA, nlow, nc, p)
    else:
        R = np.zeros((nA, nc))
        R[rows[top], cols[top]] = vals[top]
        C = np.zeros((nlow, nc))
        C[rows[~top] - nA, cols[~top]] = vals[~top]
        if nA:
            solve_unitriangular(C, R, p)  # C[:, :nA] is now X
            S = C[:, nA:]
            sparse_submul_mod(S, C[:, :nA], R[:, nA:], p)
        else:
            S = C
        S = S.astype(np.int64)
    E, _ = modmat.rref(S, p)
    mons = deg.mons
    Nm = [mons[i] for i in N]
    out = []
    for row in E:
        nz = np.flatnonzero(row)
        out.append(([Nm[j] for j in nz.tolist()], row[nz].tolist()))
    return out


def _eliminate_by_rows(rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, top: np.ndarray, nA: int,
                       nlow: int, nc: int, p: int) -> np.ndarray:
    """The Schur complement ``S = D − X B`` of a block (``X A = C``, as in
    :func:`_reduce_block_blas`) by sparse row operations on all low rows at once: for each
    reducer ``j`` in column order, ``x = C[:, j]`` (final, as ``A`` is unitriangular) and
    ``C[:, k] -= x a_jk`` for its other terms ``k`` (exact in int64: products below ``2^62``).
    Returns ``S`` as int64 (entries in ``[0, p)``)."""
    C = np.zeros((nlow, nc), dtype=np.int64)
    C[rows[~top] - nA, cols[~top]] = vals[~top]
    rc, rv = cols[top], vals[top].astype(np.int64)
    starts = np.searchsorted(rows[top], np.arange(nA + 1))
    for j in range(nA):
        a, b = starts[j] + 1, starts[j + 1]  # the reducer's lead is its first entry, on column j
        if a == b:
            continue
        x = C[:, j]
        nz = np.flatnonzero(x)
        if nz.size == 0:
            continue
        cj, vj = rc[a:b], rv[a:b]
        if nz.size == nlow:
            C[:, cj] = (C[:, cj] - x[:, None] * vj) % p
        else:
            idx = np.ix_(nz, cj)
            C[idx] = (C[idx] - x[nz, None] * vj) % p
    return C[:, nA:]


def _divide_out(elems: list[Poly], pk: Packer, var: int, pending: dict[int, list[dict[int, int]]],
                stats: dict[str, Any]) -> list[Poly]:
    """The elements not divisible by the variable ``var``; each ``var^k g`` (``k > 0``) puts
    ``g`` into ``pending`` at its degree instead (it is reduced there as an input row)."""
    shift = pk.shifts[var]
    fmask = pk.fmask
    kept = []
    for mons, coefs in elems:
        k = min((m >> shift) & fmask for m in mons)
        if k == 0:
            kept.append((mons, coefs))
            continue
        sub = k << shift
        g = {m - sub: c for m, c in zip(mons, coefs)}
        pending.setdefault(pk.deg(mons[0] - sub), []).append(g)
        stats["divided"] = stats.get("divided", 0) + 1
    return kept


def _reduce_few_rows(N: list[int], low: list[tuple[list[int], list[int]]], L: list[int],
                     piv: dict[int, tuple[int, int]], rows: dict[tuple[int, int], list[int]], G: list[Poly],
                     col: dict[int, int], nA: int, p: int, stats: dict[str, Any]) -> list[Poly]:
    """The new basis rows of one Macaulay block when its low rows are few.

    The reducer rows (one monic multiple of a basis element per column ``j < nA``, its lead on
    that column, its other terms on later columns) form an upper unitriangular block, so
    eliminating the reducer columns of a low row one pivot at a time, in column order, leaves
    exactly the row's part in ``D − C A⁻¹ B``; the rows with a pivot on ``N`` are then the
    reduced echelon form of that small block, as a full echelon form of the block would give.
    Rows come as monomial ids of the degree: the reducer of column ``j`` is the row
    ``piv[L[j]] = (mult, gi)``, ``mult * G[gi]``, whose ids ``rows`` holds (made by the
    symbolic preprocessing); ``low`` holds the ids and coefficients of each low row; ``col``
    maps an id to its column, and ``N`` holds the packed monomials of the columns from ``nA``
    on.  (Small ids instead of the packed monomials: no sum of packed monomials and no lookup
    by them per term.)
    """
    nN = len(N)
    remainders: list[list[tuple[int, int]]] = []  # each low row's non-zero entries on N, once reduced
    for ids, coefs in low:
        row: dict[int, int] = {}
        for i, c in zip(ids, coefs):
            j = col[i]
            row[j] = (row.get(j, 0) + c) % p
        heap = [j for j in row if j < nA]
        heapq.heapify(heap)
        while heap:
            j = heapq.heappop(heap)
            c = row.pop(j, 0)
            if not c:
                continue
            key = piv[L[j]]
            terms = zip(rows[key], G[key[1]][1])
            next(terms)  # the lead, on column j
            for i, v in terms:
                k = col[i]
                old = row.get(k)
                if old is None:
                    row[k] = (-c * v) % p
                    if k < nA:
                        heapq.heappush(heap, k)
                else:
                    row[k] = (old - c * v) % p
        left = [(k - nA, v) for k, v in row.items() if v]
        if left:  # (most rows of most such blocks reduce to zero)
            remainders.append(left)
    stats["sparse_blocks"] = stats.get("sparse_blocks", 0) + 1
    if not remainders:
        return []
    M = nmod_mat(len(remainders), nN, p)
    for i, left in enumerate(remainders):
        for j, v in left:
            M[i, j] = v
    R, rk = M.rref()
    out = []
    for i in range(rk):
        mons, coefs = [], []
        for j in range(nN):
            v = int(R[i, j])
            if v:
                mons.append(N[j])
                coefs.append(v)
        out.append((mons, coefs))
    return out


# ----------------------------------------------------------------------------------------
# sparse reduction (mod p or exact over Q with fmpq)
# ----------------------------------------------------------------------------------------
class Reducer:
    """Division by a monic basis (packed polys) with ints mod p (``p``) or fmpq (``p=None``)."""

    def __init__(self, pk: Packer, basis: list[Poly], p: int | None) -> None:
        self.pk = pk
        self.basis = basis
        self.leads = [b[0][0] for b in basis]
        self.p = p
        self._div: dict[int, int] = {}

    def find(self, m: int) -> int:
        r = self._div.get(m)
        if r is None:
            r = -1
            for i, l in enumerate(self.leads):
                if self.pk.divides(l, m):
                    r = i
                    break
            self._div[m] = r
        return r

    def reduce(self, f: dict[int, Any], full: bool = True, skip: int = -1) -> dict[int, Any] | None:
        """Remainder of ``f`` (a dict, consumed).  With ``full=False`` stop at the first
        irreducible leading term and return None if one occurs (top-reduction test)."""
        pk, p = self.pk, self.p
        key = pk.key
        heap = [(-key(m), m) for m in f]
        heapq.heapify(heap)
        rem: dict[int, Any] = {}
        while heap:
            _, m = heapq.heappop(heap)
            c = f.pop(m, None)
            if c is None:
                continue
            gi = self.find(m)
            if gi == skip and gi >= 0:
                gi = -1
                for i, l in enumerate(self.leads):
                    if i != skip and pk.divides(l, m):
                        gi = i
                        break
            if gi < 0:
                if not full:
                    return None
                rem[m] = c
                continue
            mult = m - self.leads[gi]
            gm, gc = self.basis[gi]
            for mm, cc in zip(gm[1:], gc[1:]):
                t = mult + mm
                v = f.get(t)
                if p is None:
                    nv = -c * cc if v is None else v - c * cc
                else:
                    nv = (-c * cc if v is None else v - c * cc) % p
                if v is None:
                    if nv != 0:
                        f[t] = nv
                        heapq.heappush(heap, (-key(t), t))
                elif nv == 0:
                    del f[t]
                else:
                    f[t] = nv
        return rem


def interreduce(pk: Packer, polys: list[dict[int, Any]], p: int | None) -> list[Poly]:
    """Reduced Gröbner basis from a Gröbner basis (dicts, any coefficients)."""
    key = pk.key
    items = []
    for f in polys:
        f = {m: c for m, c in f.items() if c != 0}
        if not f:
            continue
        lm = max(f, key=key)
        lc = f[lm]
        if p is None:
            inv = 1 / fmpq(lc)
            f = {m: fmpq(c) * inv for m, c in f.items()}
        else:
            inv = pow(int(lc), -1, p)
            f = {m: c * inv % p for m, c in f.items()}
        items.append((key(lm), lm, f))
    items.sort(key=lambda t: t[0])
    kept: list[tuple[int, dict[int, Any]]] = []
    for _, lm, f in items:
        if not any(pk.divides(l2, lm) for l2, _ in kept):
            kept.append((lm, f))
    basis = []
    for lm, f in kept:
        mons = sorted(f, key=key, reverse=True)
        basis.append((mons, [f[m] for m in mons]))
    red = Reducer(pk, basis, p)
    out = []
    for i, (mons, coefs) in enumerate(basis):
        tail = dict(zip(mons[1:], coefs[1:]))
        rem = red.reduce(tail, full=True, skip=i)
        errors.check(rem is not None, "groebner: a full reduction returned no remainder")
        ms = sorted(rem, key=key, reverse=True)
        out.append(([mons[0]] + ms, [coefs[0]] + [rem[m] for m in ms]))
    out.sort(key=lambda b: key(b[0][0]), reverse=True)
    return out
