"""The API reference (docs/api.rst) lists every public module and every top-level name.

The reference pages are generated from the docstrings by Sphinx autosummary from the lists in
docs/api.rst; a module missing there has no page.  This test is fast and needs no Sphinx: the
full build (``sphinx-build -W``, tutorials executed) runs in ``.ci/run``.
"""

import importlib
import pkgutil
import re
from pathlib import Path

import lcnalg

API = Path(__file__).resolve().parents[1] / "docs" / "api.rst"


def _public_modules() -> set[str]:
    names = {"lcnalg"}
    for info in pkgutil.walk_packages(lcnalg.__path__, "lcnalg."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.add(info.name)
    return names


def _listed() -> list[str]:
    """The entries of the autosummary blocks of docs/api.rst (``~`` stripped)."""
    return [m.group(1).lstrip("~") for m in re.finditer(r"^   (~?lcnalg[\w.]*)\s*$", API.read_text(), re.MULTILINE)]


def test_every_public_module_has_a_page():
    listed = set(_listed())
    missing = sorted(_public_modules() - listed)
    assert not missing, f"add these modules to docs/api.rst: {missing}"


def test_every_listed_module_exists():
    modules = _public_modules()
    for name in _listed():
        if name in modules:
            continue
        # a top-level name, listed as module.object
        module, _, obj = name.rpartition(".")
        assert hasattr(importlib.import_module(module), obj), f"docs/api.rst lists {name}, which does not exist"


def test_every_top_level_name_is_listed():
    listed = {name.rpartition(".")[2] for name in _listed()}
    missing = sorted(set(lcnalg.__all__) - listed - {"__version__"})
    assert not missing, f"add these names of lcnalg.__all__ to docs/api.rst: {missing}"


def test_the_listed_top_level_names_are_the_objects_lcnalg_exports():
    for name in _listed():
        module, _, obj = name.rpartition(".")
        if obj in lcnalg.__all__ and module != "lcnalg" and name not in _public_modules():
            assert getattr(importlib.import_module(module), obj) is getattr(lcnalg, obj), name
