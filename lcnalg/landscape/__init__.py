"""The loss landscape: data and the squared loss on function space, its critical points, ED
degrees, and what gradient descent finds.

* :mod:`lcnalg.landscape.descent` — gradient descent in float64 from seeded initialisations,
  the drift of the conserved quantities, where runs end.
"""
