"""``lcnalg verify [THEOREM ...] (--family SPEC | --random N)``: check catalogued theorems over a
family of architectures (or of groups, random rectifier networks or architectures with filter
bases); exit status 1 when a counterexample is found."""

from __future__ import annotations

import argparse
import sys

from lcnalg.errors import InputError
from lcnalg.limits import VERIFY_LIMITS, Limits

from lcnalg.cli.common import (add_format_options, add_seed_option, emit,
                               jobs_from_args, positive_int)

__all__ = ["register", "run"]

#: The bounds a verification hands to its checks (the ones the catalogued computations meet first).
VERIFY_BOUNDS = ("max_family_size", "max_terms", "max_jacobian_entries", "max_critical_solutions",
                 "max_fibre_solutions", "max_hessian_entries", "max_states", "max_nodes", "max_region_work",
                 "max_group_order", "max_equivariant_work", "max_commutant_entries", "max_piece")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``verify`` subcommand to ``sub``."""
    p = sub.add_parser(
        "verify",
        help="check catalogued theorems over a family of architectures, groups, ReLU networks or filter bases "
             "(exit 1 on a counterexample)",
        description=(
            "Check theorems of the catalog (all by default; 'lcnalg verify --list' names them) on a family of "
            "architectures: each check computes with lcnalg and compares with the statement's formula. Prints "
            "per theorem the cases tried, held, counterexamples with their exact witnesses and undecided cases "
            "with the reason. SPEC: whitespace-separated key=value with keys ndim (1..2, default 1), layers "
            "(1..6, default 2), filters (size per axis, 1..9, default 2..3), strides (of layers 1..L-1, per "
            "axis, 1..9, default 1), r (activation exponent, 1 = linear, 1..5, default 1), channels (every "
            "width c_0..c_L of a linear network, 1..4, default 1); each value an "
            "integer, a range a..b or a list a,b; e.g. --family 'ndim=1 layers=2..3 filters=2..3 strides=1..2'. "
            "--random N draws N architectures (of no other kind) with --seed from 'ndim=1..2 layers=2..3 filters=1..3 strides=1..2 "
            "r=1..2'. A SPEC starting with a family kind is a family of other cases, checked by the statements "
            "of that kind: 'groups group=C3..6,D3..5,S3..4 on=points,pairs to=points' (groups C/D/S/A with a degree "
            "or range 1..9, or icosahedron; sets points, pairs, regular, tuples:<k>, faces, vertices, edges; "
            "defaults group=C3..6,D3..5 on=points to=points), 'regions inputs=1..3 layers=1 neurons=2..5 "
            "seeds=0..1' (dense ReLU networks with weights drawn from each seed: inputs 1..4, hidden layers 1..3, "
            "width of each 1..8, seeds 0..999) and 'bases ndim=1 layers=2 filters=2..3 strides=1 "
            "basis=identity,polynomial,haar size=1..2' (architectures with filter bases: ndim 1..2, layers 1..4, "
            "filters 1..5, strides 1..4, basis identity, polynomial, haar, separable, size 1..4). "
            "Each check stays cheap: unless raised by the options below, the bounds max_terms and "
            "max_jacobian_entries are 20000, max_fibre_solutions 2000, max_critical_solutions 1000, "
            "max_hessian_entries 100000 and max_region_work 100000000 (a check beyond them is undecided, with the refusal). Exit status: 0 no counterexample, 1 a counterexample, 2 bad input."
        ),
    )
    p.add_argument("theorems", nargs="*", metavar="THEOREM",
                   help="names of catalogued theorems (default: all those of the family's kind)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--family", metavar="SPEC", help="the family of architectures or other cases (see above)")
    group.add_argument("--random", type=positive_int, metavar="N", help="check N architectures drawn with --seed")
    group.add_argument("--list", action="store_true", help="list the catalogued theorems and exit")
    add_seed_option(p, "random draws and of every check")
    p.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                   help=f"processes for the architectures (default: the cores available to this process for a "
                        f"family of {PARALLEL_FAMILY} or more, else 1; at most the cores available)")
    _add_bounds(p)
    add_format_options(p)
    p.set_defaults(run=run)


def _add_bounds(parser: argparse.ArgumentParser) -> None:
    """The ``--max-...`` options of :data:`VERIFY_BOUNDS`, each showing the default a
    verification uses (:func:`lcnalg.theorems.verify_limits`: :data:`~lcnalg.limits.VERIFY_LIMITS`
    over the defaults, read here without loading the catalog)."""
    defaults = Limits(**VERIFY_LIMITS)
    group = parser.add_argument_group(
        "resource bounds", "a check beyond a bound is undecided, with the refusal; a family beyond "
                           "--max-family-size is refused")
    for name in VERIFY_BOUNDS:
        group.add_argument(Limits.option(name), dest=name, type=positive_int, default=None, metavar="N",
                           help=f"{Limits.help(name)} (default {getattr(defaults, name)})")


def _list(fmt: str) -> int:
    import json

    from lcnalg.theorems import catalog  # deferred: the catalog imports every family of statements

    items = catalog()
    if fmt == "json":
        print(json.dumps([{"name": t.name, "status": t.status, "family_kind": t.family_kind, "source": t.source,
                           "statement": t.statement, "latex": t.latex, "note": t.note} for t in items],
                         indent=2, ensure_ascii=False))
    elif fmt == "latex":
        print("\\begin{itemize}")
        for t in items:
            print(f"\\item \\texttt{{{t.name}}} ({t.status}; {t.family_kind}): ${t.latex}$")
        print("\\end{itemize}")
    else:
        width = max(len(t.name) for t in items)
        kinds = max(len(t.family_kind) for t in items)
        for t in items:
            print(f"{t.name:<{width}}  {t.status:<9}  {t.family_kind:<{kinds}}  {t.source}")
    return 0


def _table(result) -> None:
    from rich.console import Console  # deferred: only a terminal gets the rich table
    from rich.table import Table

    what = "architectures" if result.family_kind == "architectures" else f"cases ({result.family_kind})"
    table = Table(title=f"verification on {result.num_architectures} {what} ({result.architecture})")
    table.add_column("theorem", no_wrap=True, min_width=max(len(t["name"]) for t in result.tallies))
    table.add_column("status", no_wrap=True)
    for head in ("tried", "held", "counterex.", "undecided", "errors"):
        table.add_column(head, justify="right", no_wrap=True)
    for row in result.rows():
        table.add_row(*map(str, row), style="bold red" if row[4] else None)
    console = Console()
    console.print(table)
    for line in result.to_text().splitlines()[2 + len(result.tallies):]:
        console.print(line, markup=False, highlight=False)


#: Architectures from which ``verify`` runs on every core available by default (starting the
#: processes costs about a second; ``ndim=1 layers=2 filters=1..9 strides=1..9``, 729 of them,
#: takes 116 s in one process and 57 s in two).
PARALLEL_FAMILY = 50


def run(args: argparse.Namespace) -> int:
    """Verify and print the tallies; returns 1 when a counterexample was found."""
    if args.list:
        return _list(args.format)
    from lcnalg.theorems import get  # deferred: as above
    from lcnalg.theorems.verify import family, random_family, verify  # deferred: as above

    theorems = []
    for name in args.theorems:
        try:
            theorems.append(get(name))
        except InputError as exc:
            raise InputError(f"THEOREM: {exc}") from None
    if args.family is None and args.random is None:
        raise InputError("give --family SPEC or --random N (or --list)")
    from lcnalg.theorems.verify import verify_limits  # deferred: as above

    limits = verify_limits(None, **{n: getattr(args, n, None) for n in Limits.names()})
    if args.family is not None:
        archs, description = family(args.family, limits=limits), f"--family {args.family!r}"
    else:
        archs, description = random_family(args.random, seed=args.seed, limits=limits), \
            f"--random {args.random} --seed {args.seed}"
    from lcnalg.theorems.cases import kind_of  # deferred: as above

    kind = kind_of(archs[0]) if archs else "architectures"
    for t in theorems:
        if t.family_kind != kind:
            raise InputError(f"THEOREM: {t.name} is a statement about {t.family_kind}, the --family is of {kind} "
                             f"(lcnalg verify --list shows each statement's kind)")
    if args.jobs is None and len(archs) < PARALLEL_FAMILY:
        args.jobs = 1
    jobs = jobs_from_args(args)
    tty = sys.stdout.isatty() and args.format == "text"
    if tty:
        from rich.progress import Progress  # deferred: only a terminal shows progress

        with Progress(transient=True) as bar:
            task = bar.add_task("verifying", total=len(archs))
            result = verify(theorems or None, archs, seed=args.seed, limits=limits, jobs=jobs,
                            description=description, progress=lambda done, total: bar.update(task, completed=done))
        _table(result)
    else:
        result = verify(theorems or None, archs, seed=args.seed, limits=limits, jobs=jobs, description=description)
        emit(result, args.format)
    errors = sum(len(t["errors"]) for t in result.tallies)
    if errors:
        notice = (f"lcnalg verify: notice: {errors} checks raised an internal error (a bug in lcnalg, "
                  "listed as ERROR above); please report them")
        print(notice, file=sys.stderr)
    return 1 if result.counterexamples else 0
