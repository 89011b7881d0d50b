"""``lcnalg flow ARCH --data FILE``: integrate the gradient flow and report what it conserves."""

from __future__ import annotations

import argparse
import json
import math

from lcnalg.checks import read_text, short
from lcnalg.cli.common import (CRITICAL_POINTS_BOUNDS, DIMENSION_BOUNDS, PLOT_SUFFIXES, add_format_options, add_limit_options,
                               architecture_argument, emit, limits_from_args, output_path, positive_int, seed_value)
from lcnalg.errors import InputError

__all__ = ["register", "run"]

#: Largest initialization file read (bytes).
MAX_INIT_BYTES = 1_000_000


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``flow`` subcommand to ``sub``."""
    p = sub.add_parser(
        "flow",
        help="integrate the gradient flow of the squared loss (DOP853) and report the invariants' drift",
        description=(
            "Integrate theta' = -grad(l∘mu)(theta) for the squared loss of the network on --data FILE (JSON or "
            "CSV of inputs and targets), from --init FILE (a JSON list: N numbers, or one filter per layer) or "
            "a seeded standard normal initialization (--seed, times --init-scale), with scipy's adaptive "
            "DOP853 (order 8) in float64 up to --t-max.  Report the loss, the end point in parameter and "
            "function space, the drift of every conserved quantity delta_l (zero for the exact flow), and the "
            "residual of the function-space flow w' = -K grad l(w), K = J J^T.  --json carries the whole "
            "sampled trajectory.  An integration that cannot reach the tolerance stops with the reason "
            "(--max-flow-evaluations bounds the work)."
        ),
    )
    architecture_argument(p)
    p.add_argument("--data", metavar="FILE", required=True, help="JSON or CSV file of inputs and targets")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--init", metavar="FILE", default=None,
                       help="JSON file with the initial weights (N numbers, or one list per layer)")
    group.add_argument("--seed", type=seed_value, default=0, help="seed of the random initialization (default 0)")
    p.add_argument("--init-scale", default="0.5", metavar="S",
                   help="standard deviation of the random initialization (default 0.5)")
    p.add_argument("--t-max", default="10", metavar="T", help="final time (finite, > 0; default 10)")
    p.add_argument("--rtol", default="1e-10", metavar="R", help="relative tolerance (default 1e-10)")
    p.add_argument("--atol", default="1e-12", metavar="A", help="absolute tolerance (default 1e-12)")
    p.add_argument("--samples", type=positive_int, default=101, help="times reported (default 101)")
    p.add_argument("--precision", type=positive_int, default=None, metavar="BITS",
                   help="working precision in bits; above 53 the flow is integrated with mpmath's Taylor "
                        "method at that precision (slower) instead of DOP853")
    p.add_argument("--nearest-critical", action="store_true",
                   help="also compute the exact real critical points of the loss (linear networks; the "
                        "critical-points bounds apply) and report the one nearest to the end point")
    p.add_argument("--plot", metavar="PATH", default=None, type=output_path("--plot", PLOT_SUFFIXES),
                   help="also draw the loss, the drift and the function-space trajectory (matplotlib; "
                        + ", ".join(PLOT_SUFFIXES) + ")")
    add_limit_options(p, DIMENSION_BOUNDS + ("max_flow_evaluations", "max_loss_work") + CRITICAL_POINTS_BOUNDS)
    add_format_options(p)
    p.set_defaults(run=run)


def _number(text: str, option: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{option}: {short(text, 30)!r} is not a number; give a finite number > 0") from None
    if not math.isfinite(value) or value <= 0:
        raise InputError(f"{option}: {short(text, 30)} must be a finite number > 0")
    return value


def _read_init(path: str) -> object:
    text = read_text(path, "--init", MAX_INIT_BYTES)
    try:
        return json.loads(text)
    except ValueError as exc:
        raise InputError(f"--init: {short(path, 60)} is not JSON ({exc.msg}); give a list of numbers, "
                         "or one list per layer") from None


def _critical_points(args: argparse.Namespace, limits: object) -> list:
    """The exact real critical points of the data loss, as the flow compares them."""
    from lcnalg.function_space import FunctionSpace  # deferred: only --nearest-critical needs them
    from lcnalg.landscape import Dataset, QuadraticLoss  # deferred: as above
    from lcnalg.landscape.descent import ExactCriticalImage  # deferred: as above

    fs = FunctionSpace(args.arch, seed=args.seed, limits=limits)
    try:
        quadratic = QuadraticLoss.from_data(fs.architecture, Dataset.from_file(args.data), limits=fs.limits)
    except InputError as exc:
        raise InputError(f"--data {short(args.data, 40)!r}: {exc}") from None
    found = fs.real_critical_points(quadratic)
    return [ExactCriticalImage(label=p.kind + (" (mu critical)" if p.mu_critical else ""), image=p.image_values,
                               radius=p.image_radius, loss=p.loss_value, is_global_minimum=p.least_loss)
            for p in found.points]


def run(args: argparse.Namespace) -> int:
    """Integrate and print the report; returns the exit status."""
    # deferred: the flow and landscape modules are imported only by this subcommand
    from lcnalg.flow.trajectory import FlowLoss, flow, initial_point  # deferred: scipy and the flow
    from lcnalg.landscape import Dataset  # deferred: the data reader
    from lcnalg.parameterization import parameterize  # deferred: kept with the other imports of run

    limits = limits_from_args(args)
    t_max = _number(args.t_max, "--t-max")
    rtol, atol = _number(args.rtol, "--rtol"), _number(args.atol, "--atol")
    scale = _number(args.init_scale, "--init-scale")
    mu = parameterize(args.arch, limits=limits)
    if args.nearest_critical and mu.architecture.activation is not None:
        raise InputError("--nearest-critical: exact critical points are computed for linear networks only")
    try:
        loss = FlowLoss.from_data(mu, Dataset.from_file(args.data), limits=limits)
    except InputError as exc:  # name the option that brought the file
        raise InputError(f"--data {short(args.data, 40)!r}: {exc}") from None
    init = _read_init(args.init) if args.init else initial_point(mu, args.seed, scale)
    exact = _critical_points(args, limits) if args.nearest_critical else None
    try:
        result = flow(mu, loss, init, t_max=t_max, rtol=rtol, atol=atol, samples=args.samples,
                      critical_points=exact, precision=args.precision, limits=limits)
    except InputError as exc:
        raise InputError(f"--init {short(args.init, 40)!r}: {exc}" if args.init and str(exc).startswith("init")
                         else str(exc)) from None
    if args.plot:
        from lcnalg.plot import plot_flow  # deferred: only --plot needs the plotting module

        plot_flow(result, args.plot)
    emit(result, args.format)
    return 0
