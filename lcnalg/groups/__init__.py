"""Finite groups acting by permutations, and the linear maps equivariant under them.

Modules: :mod:`~lcnalg.groups.permutations` (one-line notation),
:mod:`~lcnalg.groups.permutation_group` (groups from generators, enumerated within
``Limits.max_group_order``), :mod:`~lcnalg.groups.families` (cyclic, dihedral, dicyclic, symmetric,
alternating, direct products), :mod:`~lcnalg.groups.icosahedron` (the rotation group of the
icosahedron from its exact combinatorics), :mod:`~lcnalg.groups.actions` (tuples, sets and
cosets as G-sets), :mod:`~lcnalg.groups.spec` (the text forms of the command line),
:mod:`~lcnalg.groups.convolution` (Kondor–Trivedi: equivariant maps of homogeneous spaces are
convolutions with bi-invariant kernels), :mod:`~lcnalg.groups.equivariant` (the commutant:
orbit basis, Burnside's count, the dense linear-algebra route),
:mod:`~lcnalg.groups.group_algebra` (linear group-convolutional networks: the product map in
``R[G]``), :mod:`~lcnalg.groups.group_networks` (their function space: dimension, equations,
Fourier decomposition and real membership), :mod:`~lcnalg.groups.fibre_membership` (membership
through the real points of the fibre, chart by chart) and :mod:`~lcnalg.groups.representations` (the
irreducible representations of a small group, exact over ``Q(ζ_e)``, and the Fourier transform
of ``R[G]``) and :mod:`~lcnalg.groups.wedderburn` (the real Wedderburn decomposition
``R[G] ≅ ⊕ Mat_d(D)``, ``D ∈ {R, C, H}``, with exact matrices; :mod:`~lcnalg.groups.corank_cover`
uses it for a necessary condition of membership).

Examples
--------
>>> from lcnalg.groups import equivariant_maps
>>> equivariant_maps("C6").dimension
6
"""

from lcnalg.groups.actions import Action, CosetAction, SubsetAction, TupleAction
from lcnalg.groups.convolution import bi_invariant_kernels, convolution_matrix
from lcnalg.groups.equivariant import (ConvolutionBlock, EquivariantMapsResult, burnside_count, commutant_nullspace,
                                       equivariant_maps, orbits_on_pairs)
from lcnalg.groups.group_algebra import GroupConvArchitecture, GroupConvParameterization, group_algebra_product
from lcnalg.groups.group_networks import (GroupConvResult, abelian_characters, abelian_fourier, cyclic_fourier,
                                          cyclotomic_zeros, fourier_components, group_conv_contains,
                                          group_conv_equations, group_convolution, read_filter)
from lcnalg.groups.corank_cover import CorankCover, corank_cover
from lcnalg.groups.cyclic_lifts import LiftDecision, decide_lift
from lcnalg.groups.fibre_membership import FibreChart, FibreDecision, chart_work, fibre_membership
from lcnalg.groups.families import (alternating_group, cyclic_group, dicyclic_group, dihedral_group, direct_product,
                                    symmetric_group)
from lcnalg.groups.icosahedron import Icosahedron, icosahedral_rotation_group, icosahedron
from lcnalg.groups.permutation_group import PermutationGroup
from lcnalg.groups.representations import (IrreducibleRepresentations, group_fourier, inverse_group_fourier,
                                           irreducible_representations)
from lcnalg.groups.spec import parse_action, parse_group, read_generators
from lcnalg.groups.wedderburn import RealWedderburn, WedderburnComponent, real_wedderburn

__all__ = [
    "PermutationGroup", "cyclic_group", "dihedral_group", "dicyclic_group", "symmetric_group", "alternating_group",
    "direct_product",
    "Icosahedron", "icosahedron", "icosahedral_rotation_group",
    "Action", "TupleAction", "SubsetAction", "CosetAction",
    "parse_group", "parse_action", "read_generators",
    "equivariant_maps", "orbits_on_pairs", "burnside_count", "commutant_nullspace",
    "bi_invariant_kernels", "convolution_matrix",
    "EquivariantMapsResult", "ConvolutionBlock",
    "GroupConvArchitecture", "GroupConvParameterization", "group_algebra_product", "group_convolution",
    "group_conv_equations", "group_conv_contains", "read_filter", "cyclic_fourier", "fourier_components",
    "cyclotomic_zeros", "abelian_characters", "abelian_fourier", "GroupConvResult",
    "decide_lift", "LiftDecision", "fibre_membership", "FibreDecision", "FibreChart", "chart_work",
    "irreducible_representations", "group_fourier", "inverse_group_fourier", "IrreducibleRepresentations",
    "real_wedderburn", "RealWedderburn", "WedderburnComponent", "corank_cover", "CorankCover",
]
