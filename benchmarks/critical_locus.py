"""Benchmark: critical locus of the parameterization, lcnalg against Singular's Jacobian minors.

Each run is a fresh process (wall seconds include process start and imports; memory is the
process's own peak RSS), with a timeout.  Both compute ``dim Crit μ`` in parameter space:

* Singular: ``dim(std(minor(jacob(F), dim M)))`` over GF(32003), ``F`` the coordinates of ``μ``
  written into the script (all maximal minors and one Gröbner basis mod p: an upper bound on
  the dimension over Q, equal to it for all but finitely many p);
* lcnalg: ``critical_locus(arch)`` (two layers: the critical families, proved without minors;
  otherwise the minors, with the families' lower bound; beyond the minors' bounds, the
  families' lower bound and ``N - 1``, or ``N - 2`` when a few minors have no common factor).

The dimensions must agree wherever both finish; a disagreement is printed and recorded.

Usage::

    python benchmarks/critical_locus.py [--cases "4,4 s=3" ...] [--timeout 120] [--repeat 3]
        [--output benchmarks/RESULTS.md] [--install]
"""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from singular_locus import arguments, compare, write_section  # noqa: E402

#: Two-layer 1D and 2D cases (strides), then three layers (the last three beyond the minors'
#: default bound: answered from the certified families and N - 1).
CASES = ("3,3 s=2", "4,4 s=3", "5,3 s=2", "2x2,2x2", "2x2,2x2 s=2x2", "3x2,2x2 s=2x2", "2x3,3x2 s=1x2",
         "2,2,2 s=2,2", "3,2,2 s=2,2", "3,3,2 s=3,1", "2,3,3 s=1,3", "4,2,2 s=2,3")

BEGIN, END = "<!-- critical-locus:begin -->", "<!-- critical-locus:end -->"

LCNALG = """
import sys
from lcnalg.errors import ResourceLimitError
from lcnalg.singularities.critical import critical_locus
try:
    r = critical_locus(sys.argv[1])
    if r.certified:   # proved bounds are not a dimension to compare
        print("LCNALG dim", r.dimension)
    print("LCNALG answer", r.dimension, "certified" if r.certified else str(r.status),
          ("(families, " + ("no minor)" if "without a common hypersurface" not in r.method else
                            r.method.rsplit("; ", 1)[-1].replace("maximal minors without a common hypersurface",
                                                                 "coprime minors") + ")")
           if not r.minors_formed else f"({r.num_minors} minors)"))
except ResourceLimitError as err:
    print("LCNALG answer refused:", str(err).split(";")[0][:120])
"""


def singular_script(arch: str) -> str:
    """A Singular script: the ring of the weights, the coordinates of mu, the dimension of the
    ideal of its maximal minors."""
    from lcnalg import parameterize
    from lcnalg.algebra.dimension import function_space_dimension

    mu = parameterize(arch)   # linear, or a polynomial network (r=)
    names = [str(g) for g in mu.ring.gens()]
    short = {n: f"w{i}" for i, n in enumerate(names)}
    pattern = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))
    coords = [pattern.sub(lambda m: short[m.group(0)], str(c)).replace("**", "^") for c in mu.coordinates]
    rdim = function_space_dimension(mu).value
    return (f"ring R = 32003, ({', '.join(short.values())}), dp;\nideal F = {', '.join(coords)};\n"
            f"ideal M = minor(jacob(F), {rdim});\nprint(\"SINGULAR dim \" + string(dim(std(M))));\nquit;\n")


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv, __doc__, CASES)
    rows, disagreements = compare(args.cases, LCNALG, singular_script, shutil.which("Singular"), args.timeout,
                                  args.repeat)
    if args.output:
        command = "python benchmarks/critical_locus.py " + " ".join(shlex.quote(x) for x in (argv or sys.argv[1:]))
        write_section(args.output, BEGIN, END,
                      "## Critical locus against Singular's Jacobian minors (`benchmarks/critical_locus.py`)",
                      command, args.repeat, [
                          "- Wall seconds include process start and imports. Memory: the process's own peak RSS.",
                          "- Singular: `dim(std(minor(jacob(F), dim M)))` over GF(32003), F the coordinates of mu. "
                          "lcnalg: `critical_locus(arch)`; two layers are answered from the critical families "
                          "without minors."], rows, disagreements)
    return 1 if disagreements else 0


if __name__ == "__main__":
    raise SystemExit(main())
