"""Options and output shared by the subcommands.

Every subcommand reads as *parse → façade → emit*: its options are declared with the
helpers here (the architecture, the output format, ``--seed``, ``--jobs``, ``--cluster`` and the resource
bounds of :class:`~lcnalg.limits.Limits`), it calls :class:`~lcnalg.FunctionSpace`, and
it prints the result object with :func:`emit`.

The bound options are generated from the fields of :class:`~lcnalg.limits.Limits`
(``max_nodes`` → ``--max-nodes``), with the field's help text and default, so a refusal
(:class:`~lcnalg.ResourceLimitError`, which names the option) always names an option
that the subcommand has.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import re
import sys
from fractions import Fraction
from typing import Any, Callable, Iterable, Iterator

from lcnalg.checks import read_text, short
from lcnalg.errors import InputError, InternalError
from lcnalg.limits import Limits
from lcnalg.printing import latex_paragraph
from lcnalg.results import Result

__all__ = [
    "architecture_argument", "add_format_options", "emit", "SCRIPT_FORMATS",
    "positive_int", "seed_value", "add_seed_option", "add_jobs_option", "jobs_from_args",
    "cluster_address", "add_cluster_option", "executor_from_args", "CLUSTER_TIMEOUT",
    "add_limit_options", "limits_from_args", "output_path", "add_loss_options", "loss_from_args",
    "PLOT_SUFFIXES",
    "DIMENSION_BOUNDS", "INFO_BOUNDS", "EQUATIONS_BOUNDS", "CONTAINS_BOUNDS", "CLOSED_BOUNDS",
    "INEQUALITIES_BOUNDS", "SINGULAR_BOUNDS", "CRITICAL_POINTS_BOUNDS", "DESCEND_BOUNDS",
]

#: File types matplotlib writes without extra packages (``--plot PATH``).
PLOT_SUFFIXES = (".png", ".pdf", ".svg", ".eps", ".ps", ".jpg", ".jpeg")

#: Bounds met while computing the dimension (μ itself, then Jacobian ranks).
DIMENSION_BOUNDS = ("max_terms", "max_coordinates", "max_symbolic_entries", "max_jacobian_entries")
#: Bounds met by the implicit equations (interpolation, lifting, Gröbner certificate, summary).
EQUATIONS_BOUNDS = DIMENSION_BOUNDS + (
    "max_monomials", "max_piece", "lift_primes", "max_interpolation_work", "max_grading_work", "max_equations_work", "max_auto_degree", "max_matrix_entries", "max_total_entries",
    "max_primes", "max_summary_generators", "max_summary_degree", "max_summary_entries", "max_certify_generators",
    "max_certify_degree", "max_certify_entries", "max_read_entries", "max_hilbert_nodes", "max_fibre_order", "max_fibre_factors", "max_fibre_solutions", "max_nodes",
)
#: Bounds met by ``info``: the dimension, then the degree from the fibre of μ (1D orbit count,
#: 2D factorizations, or the Gröbner fibre count with an activation).
INFO_BOUNDS = DIMENSION_BOUNDS + ("max_fibre_order", "max_fibre_factors", "max_fibre_solutions", "max_nodes",
                                  "max_matrix_entries", "max_quotient_dimension")
#: Bounds met by real membership (1D orbit search, 2D grouping, certified zero tests; μ itself
#: where a route builds it).
CONTAINS_BOUNDS = ("max_nodes", "max_field_work", "max_precision", "max_root_work") + DIMENSION_BOUNDS
#: Bounds met by closedness (which also decides membership of its witnesses).
CLOSED_BOUNDS = ("max_states", "max_search_work", "max_segre_terms", "max_witness_candidates", "max_witness_work") + CONTAINS_BOUNDS
#: Bounds met by inequalities and boundary (closedness, then the equations in the closed case).
INEQUALITIES_BOUNDS = ("max_symbolic_degree", "max_pattern_work") + CLOSED_BOUNDS + EQUATIONS_BOUNDS
#: Bounds met by the critical and singular loci (minors, exact and modular Gröbner bases).
#: The bounds of a critical-point count and of the exact real critical points: the system's
#: size (refused up front), the loss, the Gröbner engine, the quotient algebra, the precision
#: of signs and the parameterization and its Jacobian (the dimension).
CRITICAL_POINTS_BOUNDS = ("max_critical_solutions", "max_exact_critical_solutions", "max_real_critical_solutions",
                          "max_loss_work",
                          "max_matrix_entries", "max_total_entries", "max_primes", "max_quotient_dimension",
                          "max_precision") + DIMENSION_BOUNDS
#: The bounds of gradient descent: its own work, and those of the exact points it is matched to.
DESCEND_BOUNDS = ("max_descent_work",) + CRITICAL_POINTS_BOUNDS
SINGULAR_BOUNDS = ("max_minors", "max_subminors", "max_minor_terms", "max_locus_terms", "max_exact_entries", "max_supports",
                   "max_certificate_terms", "max_bordered", "max_section_terms", "max_section_entries", "max_locus_entries",
                   "max_family_work", "max_jacobian_entries") + EQUATIONS_BOUNDS

#: Output formats printed by a script writer of :mod:`lcnalg.export` instead of the result.
SCRIPT_FORMATS = ("m2", "singular")

#: Longest integer token read from the command line (longer ones are refused before conversion).
_MAX_DIGITS = 30


def architecture_argument(parser: argparse.ArgumentParser) -> None:
    """Add the positional ``ARCH`` argument."""
    parser.add_argument(
        "arch", metavar="ARCH",
        help='architecture string, e.g. "3,2 s=2", "2x2,2x2", "2,2,2 s=2,2"',
    )


#: The help of the output switches that print a script for another system.
_FORMAT_HELP = {
    "m2": "print a Macaulay2 script computing the same ideal (kernel of the ring map; consecutive 1D "
          "layers joined by stride one merged into one: the same ideal from fewer weights; with "
          "--basis the restricted filters as they are)",
    "singular": "print a Singular script computing the same ideal (eliminate in the graph ideal; "
                "consecutive 1D layers joined by stride one merged into one: the same ideal from "
                "fewer weights; with --basis the restricted filters as they are)",
}


def add_format_options(parser: argparse.ArgumentParser, extra: tuple[str, ...] = ()) -> None:
    """Add mutually exclusive ``--json`` / ``--latex`` (and ``extra``) output switches;
    the format lands in ``args.format`` (default ``"text"``)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_const", const="json", dest="format",
                       help="print one JSON object")
    group.add_argument("--latex", action="store_const", const="latex", dest="format",
                       help="print LaTeX ready to paste into a paper")
    for name in extra:
        group.add_argument(f"--{name}", action="store_const", const=name, dest="format",
                           help=_FORMAT_HELP.get(name, f"print {name} output"))
    parser.set_defaults(format="text")


def emit(result: Any, fmt: str = "text", **text_options: Any) -> None:
    """Print a result object in the format ``fmt``.

    Parameters
    ----------
    result : Result
        What to print.  For the script formats (:data:`SCRIPT_FORMATS`) it may also be an
        architecture or a :class:`~lcnalg.Parameterization`: the script computes the
        implicit equations of its architecture.
    fmt : {"text", "json", "latex", "dot", "m2", "singular"}
        ``text``: ``result.to_text(**text_options)``; ``json``: ``result.to_json()``;
        ``latex``: ``result.to_latex()``; ``dot``: ``result.to_dot()``; ``m2`` and
        ``singular``: the Macaulay2 or Singular script of :mod:`lcnalg.export`.
    **text_options
        Keyword arguments of ``to_text`` (only for ``fmt="text"``).

    Raises
    ------
    InternalError
        For a format no subcommand declares.

    Examples
    --------
    >>> from lcnalg import FunctionSpace
    >>> emit(FunctionSpace("3,2 s=2").dimension)  # doctest: +ELLIPSIS
    4  [certified (...)]
    >>> emit(FunctionSpace("2,2 s=2").parameterization, "singular")  # doctest: +ELLIPSIS
    // lcnalg: implicit equations of the function space of 2,2 s=2 (eliminate)
    ...
    """
    if fmt == "text":
        text = result.to_text(**text_options)
    elif fmt == "json":
        text = result.to_json()
    elif fmt == "latex":
        text = latex_paragraph(result.to_latex())
    elif fmt == "dot":
        text = result.to_dot()
    elif fmt in SCRIPT_FORMATS:
        text = _script_writer(fmt)(result.architecture if isinstance(result, Result) else result)
    else:
        raise InternalError(f"output format {fmt!r} is not one of text, json, latex, dot, "
                            + ", ".join(SCRIPT_FORMATS))
    print(text)


def _script_writer(fmt: str) -> Callable[[Any], str]:
    if fmt == "m2":
        from lcnalg.export.macaulay2 import macaulay2_script  # deferred: only --m2 needs the writer

        return macaulay2_script
    from lcnalg.export.singular import singular_script  # deferred: only --singular needs the writer

    return singular_script


# -- typed option values --------------------------------------------------------------


def _integer(text: str, what: str) -> int:
    """``text`` as an integer: decimal digits, or an exact integer in scientific notation
    (``1e11``, ``2.5e9``: the bounds are often that large); anything else is refused."""
    token = text.strip()
    digits = token.lstrip("+-")
    if not digits.isdigit() or not digits.isascii():
        mantissa, e, exponent = digits.lower().partition("e")
        whole, _, frac = mantissa.partition(".")
        if not (e and whole.isdigit() and (frac.isdigit() or not frac) and exponent.lstrip("+").isdigit()
                and len(exponent) <= 6
                and (whole + frac + exponent).isascii() and int(exponent.lstrip("+")) <= _MAX_DIGITS
                and len(frac.rstrip("0")) <= int(exponent.lstrip("+"))):
            raise argparse.ArgumentTypeError(f"expected {what}, got {text[:20]!r}")
        shift = int(exponent.lstrip("+")) - len(frac)
        value = int(whole + frac) * 10 ** shift if shift >= 0 else int(whole + frac) // 10 ** -shift
        return -value if token.startswith("-") else value
    if len(digits) > _MAX_DIGITS:
        raise argparse.ArgumentTypeError(f"expected {what} of at most {_MAX_DIGITS} digits, "
                                         f"got {text[:20]!r}… ({len(digits)} digits)")
    return int(token)


def positive_int(text: str) -> int:
    """An argparse ``type``: a positive integer (``0`` is refused, never read as a default).

    Raises
    ------
    argparse.ArgumentTypeError
        Otherwise (the parser turns it into one line on stderr and exit status 2).

    Examples
    --------
    >>> positive_int("12"), positive_int("1e11"), positive_int("2.5e9")
    (12, 100000000000, 2500000000)
    >>> positive_int("1.5e0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a positive integer, got '1.5e0'
    >>> positive_int("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a positive integer, got '0'
    """
    value = _integer(text, "a positive integer")
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text[:20]!r}")
    return value


def seed_value(text: str) -> int:
    """An argparse ``type``: a seed, a non-negative integer.

    Examples
    --------
    >>> seed_value("0"), seed_value("17")
    (0, 17)
    """
    value = _integer(text, "a non-negative integer")
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a non-negative integer, got {text[:20]!r}")
    return value


def add_seed_option(parser: argparse.ArgumentParser, what: str = "random points") -> None:
    """Add ``--seed`` (default 0): the seed of every random choice of the request."""
    parser.add_argument("--seed", type=seed_value, default=0, metavar="SEED",
                        help=f"seed of the {what} (default 0)")


def add_jobs_option(parser: argparse.ArgumentParser, what: str, all_cores: bool = False) -> None:
    """Add ``--jobs N`` (a positive integer, default 1, or with ``all_cores`` the cores
    available); read it with :func:`jobs_from_args`."""
    if all_cores:
        parser.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                            help=f"processes for {what} (default: the cores available to this "
                                 "process, started only for a degree whose estimated work is worth "
                                 "them; at most the cores available)")
        return
    parser.add_argument("--jobs", type=positive_int, default=1, metavar="N",
                        help=f"processes for {what} (default 1; at most the cores available)")


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not every platform has sched_getaffinity
        return max(1, os.cpu_count() or 1)


def jobs_from_args(args: argparse.Namespace) -> int:
    """``args.jobs``, capped at the cores available to this process, with a one-line notice
    when it is capped: on stderr at once, or appended to ``args.notices`` when the namespace
    has that list (:func:`lcnalg.cli.main` prints them once the request is answered, so a
    refused request prints only its error line).

    Examples
    --------
    >>> args = argparse.Namespace(command="equations", jobs=10**6, notices=[])
    >>> jobs_from_args(args) == _cores(), len(args.notices)
    (True, 1)
    """
    cores = _cores()
    if args.jobs is None:
        return cores
    if args.jobs <= cores:
        return args.jobs
    notice = f"lcnalg {args.command}: notice: --jobs {args.jobs} capped at the {cores} cores available"
    notices = getattr(args, "notices", None)
    if notices is None:
        print(notice, file=sys.stderr)
    else:
        notices.append(notice)
    return cores


#: Seconds allowed to reach the Dask scheduler of ``--cluster`` before the request is refused.
CLUSTER_TIMEOUT = 10.0

#: ``[tcp://|tls://]HOST:PORT``: HOST a DNS name, an IPv4 address or a bracketed IPv6 address
#: (patterns compiled on first use: most command lines have no --cluster).
_ADDRESS = (r"(?:(tcp|tls)://)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)"
            r":([0-9]{1,5})")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"


def cluster_address(text: str) -> str:
    """An argparse ``type`` for ``--cluster``: the address of a Dask scheduler,
    ``[tcp://|tls://]HOST:PORT``, checked for its form only (nothing is contacted here);
    returned with the scheme (``tcp://`` when omitted).

    Examples
    --------
    >>> cluster_address("10.0.0.5:8786"), cluster_address("tls://head.example.org:8786")
    ('tcp://10.0.0.5:8786', 'tls://head.example.org:8786')
    >>> cluster_address("1000000000")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected the address of a Dask scheduler, [tcp://|tls://]HOST:PORT (e.g. tcp://10.0.0.5:8786), got '1000000000'
    """
    expected = ("expected the address of a Dask scheduler, [tcp://|tls://]HOST:PORT "
                f"(e.g. tcp://10.0.0.5:8786), got {short(text, 40, quote=True)}")
    match = re.fullmatch(_ADDRESS, text) if len(text) <= 300 else None
    if match is None:
        raise argparse.ArgumentTypeError(expected)
    scheme, host, port = match.groups()
    # deferred: only a command line with --cluster needs it
    import ipaddress

    try:
        if host.startswith("["):
            ipaddress.IPv6Address(host[1:-1])
        elif re.fullmatch(r"[0-9.]+", host):
            ipaddress.IPv4Address(host)  # all digits and dots: an IPv4 address, not a name
        elif not all(re.fullmatch(_LABEL, label) for label in host.split(".")):
            raise ValueError(host)
    except ValueError:
        raise argparse.ArgumentTypeError(expected) from None
    if not 1 <= int(port) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port between 1 and 65535 in the scheduler address, "
                                         f"got {short(text, 40, quote=True)}")
    return f"{scheme or 'tcp'}://{host}:{int(port)}"


def add_cluster_option(parser: argparse.ArgumentParser, what: str) -> None:
    """Add ``--cluster ADDRESS`` (a Dask scheduler); read it with :func:`executor_from_args`."""
    parser.add_argument("--cluster", type=cluster_address, default=None, metavar="ADDRESS",
                        help=f"run {what} on the Dask distributed cluster whose scheduler is at "
                             "ADDRESS ([tcp://]HOST:PORT, e.g. tcp://10.0.0.5:8786; needs the "
                             "optional extra lcnalg[cluster]; --jobs is then ignored; same results)")


@contextlib.contextmanager
def executor_from_args(args: argparse.Namespace) -> Iterator[Any]:
    """Within the block: ``None`` without ``--cluster``, else a
    :class:`concurrent.futures.Executor` running tasks on the Dask cluster at
    ``args.cluster`` (``distributed.Client(address).get_executor()``); the client is closed
    on exit, which cancels whatever it still runs.

    Raises
    ------
    InputError
        Naming ``--cluster``: the optional package ``distributed`` is missing, no
        scheduler answered at the address within :data:`CLUSTER_TIMEOUT` seconds, or the
        scheduler had no worker within that time.

    Examples
    --------
    >>> with executor_from_args(argparse.Namespace(cluster=None)) as executor:
    ...     executor is None
    True
    """
    address = getattr(args, "cluster", None)
    if address is None:
        yield None
        return
    try:
        # deferred: an optional extra (lcnalg[cluster]) that takes about a second to import
        import distributed
    except ImportError:
        raise InputError("--cluster: needs the optional package distributed "
                         "(pip install 'lcnalg[cluster]')") from None
    # deferred: only a command line with --cluster opens a connection
    import socket

    host, port = address.split("://", 1)[1].rsplit(":", 1)
    try:  # refused or unknown hosts fail at once here, instead of after the client's retries
        socket.create_connection((host.strip("[]"), int(port)), timeout=CLUSTER_TIMEOUT).close()
        client = distributed.Client(address, timeout=CLUSTER_TIMEOUT, set_as_default=False)
    except Exception as err:  # noqa: BLE001 - whatever the reason, no cluster to run on
        reason = " ".join(str(err).split())[:200] or type(err).__name__
        raise InputError(f"--cluster: no Dask scheduler reachable at {address} within "
                         f"{CLUSTER_TIMEOUT:g} s ({reason})") from None
    try:
        try:  # a scheduler without workers would hold the pieces forever
            client.wait_for_workers(1, timeout=CLUSTER_TIMEOUT)
        except Exception:  # noqa: BLE001 - distributed raises its own timeout
            raise InputError(f"--cluster: the Dask scheduler at {address} has no worker after "
                             f"{CLUSTER_TIMEOUT:g} s (start one with: dask worker {address})") from None
        yield client.get_executor(pure=False)
    finally:
        client.close()


def output_path(option: str, suffixes: Iterable[str]) -> Callable[[str], str]:
    """An argparse ``type`` checking an output path before any computation: a non-empty
    name with one of ``suffixes``, not a directory, in an existing directory, short enough.

    Examples
    --------
    >>> check = output_path("--plot", (".png", ".pdf"))
    >>> check("out.png")
    'out.png'
    >>> check("out.txt")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 'out.txt': expected a file name ending in .png or .pdf
    """
    allowed = tuple(s.lower() for s in suffixes)

    def check(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError("expected a file name, got an empty string")
        shown = repr(text[:40] + ("…" if len(text) > 40 else ""))
        if os.path.isdir(text):
            raise argparse.ArgumentTypeError(f"{shown} is a directory; expected a file name")
        directory, name = os.path.split(os.path.abspath(text))
        if not name.lower().endswith(allowed):
            raise argparse.ArgumentTypeError(f"{shown}: expected a file name ending in "
                                             + " or ".join(allowed))
        try:
            name_max = os.pathconf(directory if os.path.isdir(directory) else "/", "PC_NAME_MAX")
        except (AttributeError, OSError, ValueError):
            name_max = 255
        if len(name.encode()) > name_max:
            raise argparse.ArgumentTypeError(f"{shown}: file name longer than {name_max} bytes")
        if not os.path.isdir(directory):
            raise argparse.ArgumentTypeError(f"{shown}: the directory does not exist")
        return text

    check.__name__ = option.lstrip("-")
    return check


# -- resource bounds --------------------------------------------------------------------


def add_limit_options(parser: argparse.ArgumentParser, names: Iterable[str]) -> None:
    """Add one ``--max-...`` option per field of :class:`~lcnalg.limits.Limits` in ``names``
    (duplicates ignored), in a group "resource bounds".

    Each option takes a positive integer; its help is ``Limits.help(name)`` and shows the
    dataclass default.  Options left out stay ``None`` and :func:`limits_from_args` keeps
    the default for them.

    Raises
    ------
    InternalError
        When a name is not a field of :class:`~lcnalg.limits.Limits`.

    Examples
    --------
    >>> p = argparse.ArgumentParser(prog="x")
    >>> add_limit_options(p, ["max_nodes", "max_states", "max_nodes"])
    >>> limits_from_args(p.parse_args(["--max-nodes", "7"])).max_nodes
    7
    """
    defaults = {f.name: f.default for f in dataclasses.fields(Limits)}
    group = parser.add_argument_group(
        "resource bounds", "a request beyond a bound is refused with its estimate and the option to raise")
    for name in dict.fromkeys(names):
        if name not in defaults:
            raise InternalError(f"{name} is not a field of Limits")
        group.add_argument(Limits.option(name), dest=name, type=positive_int, default=None, metavar="N",
                           help=f"{Limits.help(name)} (default {defaults[name]})")


def limits_from_args(args: argparse.Namespace) -> Limits:
    """The :class:`~lcnalg.limits.Limits` of a parsed command line: the defaults, with every
    bound option that was given.

    Examples
    --------
    >>> limits_from_args(argparse.Namespace(max_minors=3)).max_minors
    3
    >>> limits_from_args(argparse.Namespace()) == Limits()
    True
    """
    return Limits.coerce(None, **{n: getattr(args, n, None) for n in Limits.names()})


def add_loss_options(parser: argparse.ArgumentParser) -> None:
    """``--data FILE | --generic | --identity``: where the squared loss comes from."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--data", metavar="FILE", help="JSON or CSV file of inputs and targets")
    group.add_argument("--generic", action="store_const", const="generic", dest="kind",
                       help="a seeded generic positive definite Q and centre u (default)")
    group.add_argument("--identity", action="store_const", const="identity", dest="kind",
                       help="Q = I (the standard inner product) and a seeded centre u")
    parser.set_defaults(kind=None)


def loss_from_args(args: argparse.Namespace, fs: Any) -> Any:
    """The loss the options name: a QuadraticLoss read from ``--data`` (errors name the option),
    or ``"generic"`` / ``"identity"`` for the FunctionSpace ``fs`` to build."""
    if args.data is None:
        return args.kind or "generic"
    # deferred: the landscape modules are imported only by the subcommands that study a loss
    from lcnalg.landscape import Dataset, QuadraticLoss

    try:
        return QuadraticLoss.from_data(fs.architecture, Dataset.from_file(args.data), limits=fs.limits)
    except InputError as exc:  # name the option that brought the file
        raise InputError(f"--data {short(args.data, 40)!r}: {exc}") from None


#: Largest ``--basis`` file read (bytes).
MAX_BASIS_BYTES = 10**7


def add_basis_option(parser: argparse.ArgumentParser) -> None:
    """``--basis FILE``: filters restricted to a fixed basis (JSON)."""
    parser.add_argument("--basis", metavar="FILE", default=None,
                        help='filters in a fixed basis: JSON {"layers": [[vector, ...], ...]} (per layer exact '
                             'basis vectors of the filter size, 2D flattened row-major) or {"family": '
                             '"polynomial"|"haar"|"separable", "size": m}')


def basis_from_args(args: argparse.Namespace) -> Any:
    """The JSON object of ``--basis FILE`` (numbers read exactly), or None; errors name ``--basis``."""
    if getattr(args, "basis", None) is None:
        return None
    path = args.basis

    def constant(name: str) -> Any:
        raise InputError(f"--basis: {short(path, 60)} has the non-finite entry {name}; give finite exact numbers")

    text = read_text(path, "--basis", MAX_BASIS_BYTES)
    try:
        import json  # deferred: only --basis files need it (start-up of small requests)

        return json.loads(text, parse_float=Fraction, parse_constant=constant)
    except InputError:
        raise
    except ValueError as exc:
        raise InputError(f"--basis: {short(path, 60)} is not JSON ({getattr(exc, 'msg', exc)}); give "
                         '{"layers": [[vector, ...], ...]} or {"family": "polynomial", "size": m}') from None


def function_space_from_args(args: argparse.Namespace, limits: Limits) -> Any:
    """The FunctionSpace of ``args.arch`` with ``--basis`` if given; a bad basis is an InputError naming ``--basis``."""
    # deferred: the FunctionSpace imports the algebra; common is imported by every subcommand
    from lcnalg.function_space import FunctionSpace

    basis = basis_from_args(args)
    if basis is None:
        return FunctionSpace(args.arch, seed=args.seed, limits=limits)
    fs = FunctionSpace(args.arch, seed=args.seed, limits=limits)
    try:
        return FunctionSpace(fs.architecture, seed=args.seed, limits=limits, basis=basis)
    except InputError as exc:
        raise InputError(f"--basis {short(args.basis, 40)!r}: {exc}") from None
