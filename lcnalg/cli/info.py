"""``lcnalg info ARCH``: the architecture, its parameterization and its function space."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import add_format_options, architecture_argument, emit
from lcnalg.printing import align, function_space_symbol, poly_latex
from lcnalg.function_space import FunctionSpace
from lcnalg.rings import poly_to_str, to_sympy

ABBREVIATE_TERMS = 6
ABBREVIATE_COORDINATES = 12


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "info",
        help="architecture, parameterization, dimension, filling or thin",
        description=(
            "Print the normalised architecture, its number of axes D and layers L, the "
            "end-to-end filter shape, the parameter count, the coordinate polynomials of "
            "the parameterization mu (abbreviated unless --full), the dimension of the "
            "function space (with its certification), the ambient dimension, and whether "
            "the function space is filling or thin."
        ),
    )
    architecture_argument(p)
    p.add_argument("--full", action="store_true", help="print every coordinate polynomial in full")
    p.add_argument("--seed", type=int, default=0, help="seed of the random points (default 0)")
    add_format_options(p)
    p.set_defaults(run=run)


def _data(fs: FunctionSpace) -> dict:
    arch = fs.architecture
    dim = fs.dimension
    return {
        "architecture": str(arch),
        "D": arch.ndim,
        "L": arch.num_layers,
        "filters": [list(f) for f in arch.filters],
        "strides": [list(s) for s in arch.strides],
        "end_to_end_filter_shape": list(arch.end_to_end_filter_shape),
        "num_parameters": arch.num_parameters,
        "dimension": dim.value,
        "ambient_dimension": fs.ambient_dimension,
        "is_filling": fs.is_filling,
        "certified": dim.certified,
        "failure_probability": dim.failure_probability,
        "method": dim.method,
        "seed": dim.seed,
        "primes": list(dim.primes),
    }


def run(args: argparse.Namespace) -> int:
    fs = FunctionSpace(args.arch, seed=args.seed)
    mu = fs.parameterization
    data = _data(fs)
    coords = list(zip(mu.coordinate_names, mu.coordinates))
    shown = coords if args.full or len(coords) <= ABBREVIATE_COORDINATES else coords[:ABBREVIATE_COORDINATES]
    if args.format == "json":
        data["parameterization"] = {n: str(c) for n, c in coords}
        emit(data, "json")
        return 0
    if args.format == "latex":
        sym = function_space_symbol(data["architecture"])
        lines = [(poly_latex(to_sympy(mu.coordinate_ring.gens()[i])), poly_latex(to_sympy(c)))
                 for i, (_, c) in enumerate(coords)]
        kind = "filling" if data["is_filling"] else "thin"
        emit(
            f"% lcnalg info {data['architecture']}\n"
            f"$\\dim {sym} = {data['dimension']}$ in $\\mathbb{{R}}^{{{data['ambient_dimension']}}}$ "
            f"({kind}; {'certified' if data['certified'] else 'probabilistic'}).\n"
            + align(lines),
            "latex",
        )
        return 0
    rows = [
        ("architecture", data["architecture"]),
        ("axes (D)", str(data["D"])),
        ("layers (L)", str(data["L"])),
        ("filters", ", ".join("x".join(map(str, f)) for f in data["filters"])),
        ("strides", ", ".join("x".join(map(str, s)) for s in data["strides"])),
        ("end-to-end filter", "x".join(map(str, data["end_to_end_filter_shape"]))),
        ("parameters", str(data["num_parameters"])),
    ]
    width = 19
    out = [f"{k:<{width}}{v}" for k, v in rows]
    out.append("parameterization")
    for name, c in shown:
        out.append(f"  {name} = {poly_to_str(c, None if args.full else ABBREVIATE_TERMS)}")
    if len(shown) < len(coords):
        out.append(f"  … {len(coords) - len(shown)} more coordinates (use --full)")
    out.append(f"{'dimension':<{width}}{fs.dimension.to_text()}")
    out.append(f"{'ambient dimension':<{width}}{data['ambient_dimension']}")
    out.append(f"{'filling':<{width}}{'yes (filling)' if data['is_filling'] else 'no (thin)'}")
    emit("\n".join(out), "text")
    return 0
