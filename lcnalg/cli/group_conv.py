"""``lcnalg group-conv SPEC``: the function space of a linear group-convolutional network."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (add_format_options, add_limit_options, add_seed_option, emit, limits_from_args,
                               positive_int)

__all__ = ["register", "run"]

#: The bounds met by the subcommand (the group, the symbolic map, the Jacobian, the
#: interpolation, the certificate, the ordinary membership decision, the fibre charts).
GROUP_CONV_BOUNDS = ("max_group_order", "max_equivariant_work", "max_symbolic_entries", "max_jacobian_entries",
                     "max_monomials", "max_piece", "max_interpolation_work", "max_total_entries", "max_nodes",
                     "max_root_work", "max_precision", "max_field_work", "max_sample_entries", "max_matrix_entries",
                     "max_quotient_dimension", "max_equations_work", "max_grading_work", "max_coordinates",
                     "max_fibre_chart_work", "max_lagrange_points", "max_primes", "max_minors")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``group-conv`` subcommand to ``sub``."""
    p = sub.add_parser(
        "group-conv",
        help="dimension, equations and real membership of a linear group-convolutional network",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "The function space of a linear network whose layers are group convolutions over a finite group G:\n"
            "layer l multiplies by a filter w_l in R[G] supported on a window S_l, and the network computes\n"
            "the product w_L ... w_1 in the group algebra (for C<n>: the product of the filter polynomials\n"
            "modulo z^n - 1).  Prints the dimension (rank sandwich, certified when the bounds meet); with\n"
            "--equations the equations up to --max-degree (verified by exact substitution, complete up to\n"
            "that degree, certified by elimination when small); with --contains FILTER whether an exact\n"
            "end-to-end filter lies in the real function space (contained with a witness, not contained\n"
            "with the violated condition, or undecided).  For C<n> with wrap-around the lifts\n"
            "f + (z^n - 1) h (deg h <= e = K - n) are decided exactly when every layer has stride one and at\n"
            "most e + 1 layers have an odd degree (every f is in M: an interpolated lift), or when e = 0 (the\n"
            "pencil f + c (z^n - 1), decided between exact critical values of c); otherwise the remaining\n"
            "question in e + 1 real variables is stated (JSON: membership.data.lift).  Last, for every group,\n"
            "the real points of the fibre: one chart per choice of the first non-zero weight of layers\n"
            "1..L-1 (rescaled to 1), each a verified Groebner basis over Q whose real solutions are counted\n"
            "exactly (Hermite); it decides whenever the fibre of f is finite modulo the rescalings, with an\n"
            "exact or certified witness, and a positive-dimensional chart when a random affine slice has a\n"
            "real point or when the critical points of the squared distance to a random point, and the\n"
            "chart's points on the other components of the equations used, are decided (recursively, the\n"
            "dimension dropping) (JSON: membership.data.fibre; bounded by --max-fibre-chart-work and, for\n"
            "each Lagrange system, --max-lagrange-points).\n\n"
            "SPEC: 'GROUP: k1,k2,...' with GROUP one of C<n>, D<n>, Q<n>, S<n>, A<n> or a product such as C3xC2,\n"
            "and k_l the size of layer l's window: the first k_l elements of G in breadth-first order\n"
            "(for C<n>: 1, g, ..., g^(k_l - 1), i.e. a filter polynomial of degree < k_l); * means all of G.\n"
            "For C<n> optionally strides as for the ordinary network, 'C8: 3,2 s=2' (layer l's filter is\n"
            "w_l(z^S_l), S_l = s_1 ... s_(l-1)).  Without wrap-around (C<n> with K = sum S_l (k_l - 1) < n)\n"
            "the function space is the ordinary one of k1,k2,... s=... in the coordinates c0..cK.\n\n"
            "FILTER: |G| exact numbers separated by commas, indexed like the elements (C<n>: coefficients\n"
            "of z^0..z^(n-1)).\n\n"
            "Examples: lcnalg group-conv 'C6: 3,2';  lcnalg group-conv 'S3: 3,3' --equations --max-degree 4;\n"
            "lcnalg group-conv 'C3: 2,2,2' --contains 1,1,1 --json;  lcnalg group-conv 'A5: 2' --irreps.\n"
            "JSON keys: dimension, equations, membership, wraps_around, ordinary, fourier, support_size,\n"
            "irreducible_degrees, characters, wedderburn (with --irreps)."
        ),
    )
    p.add_argument("spec", metavar="SPEC", help="'GROUP: k1,k2,...', e.g. 'C6: 3,2', 'S3: *,2' or 'C8: 3,2 s=2'")
    p.add_argument("--equations", action="store_true", help="also compute the implicit equations")
    p.add_argument("--max-degree", type=positive_int, default=None, metavar="D",
                   help="highest degree of the equations (default 2)")
    cert = p.add_mutually_exclusive_group()
    cert.add_argument("--certify", dest="certify", action="store_true", default=None,
                      help="always attempt the elimination certificate of the whole ideal")
    cert.add_argument("--no-certify", dest="certify", action="store_false",
                      help="never attempt it (default: only for a few equations of low degree)")
    p.add_argument("--irreps", action="store_true",
                   help="also compute the irreducible representations of G exactly over Q(zeta_e) (e the exponent): "
                        "their degrees and the character table, verified exactly; and the real Wedderburn "
                        "decomposition R[G] = sum of Mat_d(D), D in R, C, H")
    p.add_argument("--contains", metavar="FILTER", default=None,
                   help="decide whether this end-to-end filter (|G| exact numbers, comma-separated) is in M")
    add_seed_option(p)
    add_limit_options(p, GROUP_CONV_BOUNDS)
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the function space; returns the exit status."""
    # deferred: the groups package is imported only by the group subcommands
    from lcnalg.groups.group_algebra import GroupConvArchitecture
    from lcnalg.groups.group_networks import group_convolution, read_filter  # deferred: as the line above

    limits = limits_from_args(args)
    arch = GroupConvArchitecture(args.spec, limits)
    filt = None if args.contains is None else read_filter(args.contains, arch, name="--contains")
    equations = args.equations or args.max_degree is not None or args.certify is not None
    emit(group_convolution(arch, equations=equations, max_degree=args.max_degree, contains_filter=filt,
                           seed=args.seed, certify=args.certify, irreps=args.irreps, limits=limits),
         args.format)
    return 0
