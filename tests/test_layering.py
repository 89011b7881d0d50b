"""The package's structure: imports flow one way through the layers, with no cycle.

Every module of ``lcnalg/`` is parsed with :mod:`ast`, imports inside function bodies
included.  The layers, each importing only from itself and the layers before it:

    errors, limits → architecture, rings, printing → polys → network_map, processes → polynomial_parameterization,
    channel_parameterization, results, filter_basis
    → parameterization → basis_parameterization → algebra → real → singularities → landscape → flow, regions, groups → function_space, plot,
    export (and the package
    ``lcnalg`` itself) → theorems → cli

No module imports a name with a leading underscore from another module (in the library or
in the tests; a private module, such as ``singularities/_toric.py``, is imported only by its
own package), and an import of an lcnalg module inside a function is only there to save
start-up time, said by a comment ``# deferred: ...`` on its line or the line above.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lcnalg"

LAYERS = (
    ("errors", "limits", "checks"),
    ("architecture", "rings", "printing"),
    ("polys",),
    ("network_map", "processes"),
    ("polynomial_parameterization", "channel_parameterization", "results", "filter_basis"),
    ("parameterization",),
    ("basis_parameterization",),
    ("algebra",),
    ("real",),
    ("singularities",),
    ("landscape",),
    ("flow", "regions", "groups"),
    ("hessian",),
    ("function_space", "plot", "export", ""),
    ("theorems",),
    ("cli", "__main__"),
)
RANK = {name: i for i, names in enumerate(LAYERS) for name in names}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _resolve(module: str, path: Path, node: ast.ImportFrom | ast.Import) -> list[tuple[str, str | None]]:
    """(target module, imported name or None) for each name of an import statement."""
    if isinstance(node, ast.Import):
        return [(alias.name, None) for alias in node.names]
    if node.level:
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([node.module] if node.module else []))
    else:
        base = node.module or ""
    out = []
    for alias in node.names:
        full = f"{base}.{alias.name}"
        out.append((full, None) if full in MODULES else (base, alias.name))
    return out


def _owner(target: str) -> str | None:
    while target and target not in MODULES:
        if "." not in target:
            return None
        target = target.rsplit(".", 1)[0]
    return target or None


def _layer(module: str) -> int:
    parts = module.split(".")
    return RANK[parts[1] if len(parts) > 1 else ""]


def _walk(node: ast.AST, inside: bool):
    """Yield (import node, inside_function) for every import under ``node``, in one pass."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child, inside
        yield from _walk(child, inside or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)))


@functools.cache
def _imports(path: Path, module: str) -> tuple[tuple[int, bool, str, str | None], ...]:
    """(line, inside_function, target module, name) for every lcnalg import; each module is
    parsed once for all the tests."""
    out = []
    for node, inside in _walk(ast.parse(path.read_text()), False):
        for target, name in _resolve(module, path, node):
            owner = _owner(target)
            if owner is not None and owner != module:
                out.append((node.lineno, inside, owner, name))
    return tuple(out)


@functools.cache
def _edges() -> tuple[tuple[str, str], ...]:
    return tuple((module, owner) for module, path in MODULES.items()
                 for _line, _inside, owner, _name in _imports(path, module))


def _graph() -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(MODULES)
    for module, owner in _edges():
        g.add_edge(module, owner)
    return g


def test_every_module_has_a_layer():
    for module in MODULES:
        _layer(module)


def test_no_import_cycle_counting_deferred_imports():
    cycles = [sorted(c) for c in nx.strongly_connected_components(_graph()) if len(c) > 1]
    assert cycles == []


def test_layers_import_only_downwards():
    upward = [f"{a} -> {b}" for a, b in _graph().edges if _layer(b) > _layer(a)]
    assert upward == []


def test_no_private_names_cross_modules():
    private = []
    for module, path in MODULES.items():
        for _line, _inside, owner, name in _imports(path, module):
            hidden = owner.rsplit(".", 1)[-1]
            package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
            if (hidden.startswith("_") and not hidden.startswith("__")
                    and owner.rsplit(".", 1)[0] != package):
                private.append(f"{module} imports {owner}, private to its package")
            if name and name.startswith("_") and not name.startswith("__"):
                private.append(f"{module} imports {owner}.{name}")
    for path in (ROOT / "tests").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("lcnalg"):
                private += [f"{path.name} imports {node.module}.{a.name}" for a in node.names
                            if a.name.startswith("_") and not a.name.startswith("__")]
                if any(part.startswith("_") for part in node.module.split(".")):
                    private.append(f"{path.name} imports private module {node.module}")
            elif isinstance(node, ast.Import):
                private += [f"{path.name} imports private module {a.name}" for a in node.names
                            if a.name.startswith("lcnalg") and any(p.startswith("_") for p in a.name.split("."))]
    assert private == []


def test_deferred_imports_say_why():
    unexplained = []
    for module, path in MODULES.items():
        lines = path.read_text().splitlines()
        for line, inside, owner, _name in _imports(path, module):
            if inside:
                here = lines[line - 1] + " " + (lines[line - 2] if line > 1 else "")
                if "# deferred:" not in here:
                    unexplained.append(f"{path.relative_to(ROOT)}:{line} imports {owner}")
    assert sorted(set(unexplained)) == []


def test_the_layering_test_sees_a_cycle():
    """The checks are not vacuous: a planted upward edge and cycle are found."""
    g = _graph()
    g.add_edge("lcnalg.errors", "lcnalg.cli")
    g.add_edge("lcnalg.cli", "lcnalg.errors")
    assert any(len(c) > 1 for c in nx.strongly_connected_components(g))
    assert _layer("lcnalg.cli") > _layer("lcnalg.errors")
