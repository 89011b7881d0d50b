"""Linear regions of rectifier networks: the exact count against sampling activation patterns.

For each network (seeded random integer weights), ``lcnalg.regions.linear_regions`` counts the
activation regions on the box ``[-B, B]^n`` exactly (depth-first search over activation
patterns, each prefix decided by an exact simplex over Q).  The baseline, in the same run,
draws uniform random points of the box and collects their activation patterns in numpy float64
(the usual empirical count): it is fast but only a lower bound, and it misses every region
that no point hits.  The table gives both counts, the regions sampling misses, the patterns
sampling reports that are not regions (float rounding on a boundary; expected 0), the times
and their ratio, with Serra et al.'s upper bound beside them.

Run from the repository root::

    python benchmarks/regions.py                       # all cases, 10^4 and 10^6 points
    python benchmarks/regions.py --output ''           # print only
"""

from __future__ import annotations

import argparse
import random
import shlex
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import cas  # noqa: E402
from benchmarks.implicitization import machine  # noqa: E402

BEGIN = "<!-- regions.py: begin -->"
END = "<!-- regions.py: end -->"
BOX = 10


def dense(n0: int, widths: list[int], seed: int, weight: int = 9) -> dict:
    rng = random.Random(seed)
    layers, prev = [], n0
    for w in widths + [1]:
        layers.append({"type": "dense", "weights": [[rng.randint(-weight, weight) for _ in range(prev)] for _ in range(w)],
                       "bias": [rng.randint(-weight, weight) for _ in range(w)]})
        prev = w
    return {"input": [n0], "layers": layers}


def conv1d(seed: int) -> dict:
    rng = random.Random(seed)
    f = lambda k: [rng.randint(-5, 5) for _ in range(k)]  # noqa: E731
    return {"input": [6], "layers": [{"type": "conv", "filter": f(3), "stride": 1, "bias": rng.randint(-5, 5)},
                                     {"type": "conv", "filter": f(2), "stride": 2, "bias": rng.randint(-5, 5)},
                                     {"type": "dense", "weights": [f(2)]}]}


def conv2d(seed: int) -> dict:
    rng = random.Random(seed)
    return {"input": [3, 3], "layers": [
        {"type": "conv", "filter": [[rng.randint(-5, 5) for _ in range(2)] for _ in range(2)], "stride": [1, 1],
         "bias": rng.randint(-5, 5)},
        {"type": "dense", "weights": [[rng.randint(-5, 5) for _ in range(4)] for _ in range(3)],
         "bias": [rng.randint(-5, 5) for _ in range(3)]},
        {"type": "dense", "weights": [[1, 1, 1]]}]}


CASES = {
    "dense 1-6-6-6": lambda: dense(1, [6, 6, 6], 0),
    "dense 2-8-8": lambda: dense(2, [8, 8], 1),
    "dense 2-12-12": lambda: dense(2, [12, 12], 1),
    "dense 2-6-6-6": lambda: dense(2, [6, 6, 6], 1),
    "dense 3-8-8": lambda: dense(3, [8, 8], 1),
    "dense 3-12-12": lambda: dense(3, [12, 12], 1),
    "dense 4-10": lambda: dense(4, [10], 2),
    "conv1d 6 (k3 s1, k2 s2)": lambda: conv1d(3),
    "conv2d 3x3 (2x2) + dense 3": lambda: conv2d(4),
}


def sampled_patterns(network, points: int, seed: int) -> tuple[set, float]:
    """Distinct activation patterns (as the library writes them) at uniform random points of the
    box, in numpy float64, and the seconds taken."""
    start = time.perf_counter()
    layers = [(np.array([[float(v) for v in row] for row in W.tolist()]), np.array([float(v) for v in b]))
              for W, b in network.affine_layers()]
    rng = np.random.default_rng(seed)
    h = rng.uniform(-BOX, BOX, size=(points, network.input_dimension))
    bits = []
    for W, b in layers[:-1]:
        z = h @ W.T + b
        bits.append(z > 0)
        h = np.maximum(z, 0)
    codes = np.unique(np.packbits(np.concatenate(bits, axis=1), axis=1), axis=0)
    seconds = time.perf_counter() - start
    widths = network.hidden_widths
    found = set()
    for code in codes:
        flat = np.unpackbits(code)[:sum(widths)]
        parts, at = [], 0
        for w in widths:
            parts.append("".join(str(int(v)) for v in flat[at:at + w]))
            at += w
        found.add("|".join(parts))
    return found, seconds


def main(argv: list[str] | None = None) -> int:
    from lcnalg import Limits
    from lcnalg.regions import Network, linear_regions

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=list(CASES))
    parser.add_argument("--points", nargs="+", type=int, default=[10_000, 1_000_000])
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = parser.parse_args(argv)
    limits = Limits(max_region_work=10**12)
    header = ["network", "exact regions", "Serra bound", "exact s", "linear programs"]
    for k in args.points:
        header += [f"sampled ({k:.0e} pts)", "missed", "not regions", "sampling s", "exact / sampling time"]
    rows = []
    for name in args.cases:
        net = Network.from_dict(CASES[name]())
        start = time.perf_counter()
        r = linear_regions(net, box=(-BOX, BOX), limits=limits)
        exact_s = time.perf_counter() - start
        regions = {p for p, _ in r.regions}
        row = [name, str(r.count), str(r.upper_bound), f"{exact_s:.2f}", str(r.linear_programs)]
        for k in args.points:
            seen, secs = sampled_patterns(net, k, seed=0)
            row += [str(len(seen & regions)), str(len(regions - seen)), str(len(seen - regions)), f"{secs:.2f}",
                    f"{exact_s / secs:.1f}"]
        rows.append(row)
        print(" | ".join(row), flush=True)
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]
    print("\n".join(table))
    if args.output:
        info = machine()
        command = "python benchmarks/regions.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
        section = "\n".join([
            BEGIN, "## Linear regions of ReLU networks: exact count vs sampling (`regions.py`)", "",
            f"{time.strftime('%Y-%m-%d')}, {info['cpu']}, {info['nproc']} cores; command `{command.strip()}`; "
            f"box [-{BOX}, {BOX}]^n, seeded random integer weights; exact: `linear_regions` (activation patterns "
            "with nonempty interior, exact simplex over Q); sampling: activation patterns of uniform random points "
            "in numpy float64 (a lower bound). 'missed' = regions no sampled point hit; 'not regions' = sampled "
            "patterns that are not regions (float rounding on a boundary).", "",
            *table, "", END, ""])
        cas.update_section(args.output, section, BEGIN, END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
