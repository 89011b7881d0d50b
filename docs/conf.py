"""Sphinx configuration of the lcnalg documentation.

Build with ``sphinx-build -W --keep-going -b html docs docs/_build/html`` (needs the extra
``docs``).  The tutorials and the gallery are executed during the build (myst-nb,
``nb_execution_mode = "force"``), so their output is what lcnalg computes today; a cell
that raises fails the build.
"""

import os
import sys

sys.path.insert(0, os.path.abspath(".."))

import lcnalg  # noqa: E402

project = "lcnalg"
author = "The lcnalg developers"
copyright = "The lcnalg developers"
release = lcnalg.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "numpydoc",
    "myst_nb",
]

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints", "jupyter_execute"]
templates_path = ["_templates"]

# API reference: one page per public module, generated from the docstrings.
autosummary_generate = True
autosummary_imported_members = False
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_typehints = "none"
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False

# Markdown: theory.md writes $...$, $$...$$ and HTML anchors <a id=...>.
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "html_image"]
myst_heading_anchors = 3

# Tutorials and gallery: executed on every build, so they stay true.
nb_execution_mode = "force"
nb_execution_timeout = 120
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True

html_theme = "alabaster"
html_static_path = []
html_title = f"lcnalg {release}"

# ---------------------------------------------------------------------------------------
# The References sections of the docstrings list every source a module relies on; the text
# names them in plain brackets ([KMST24]), so a listed citation need not be referenced.
suppress_warnings = ["ref.citation"]

# docs/theory.md marks its sections with HTML anchors (<a id="name"></a>) so that it reads
# well on its own and code can cite a section by its anchor.  For Sphinx, each anchor becomes a
# MyST target and each link to such an anchor (in theory.md, or to theory.md from another
# page) a reference.
import re  # noqa: E402

_ANCHOR = re.compile(r'^<a id="([^"]+)"></a>\s*$', re.MULTILINE)
_THEORY_ANCHORS = frozenset(_ANCHOR.findall(open(os.path.join(os.path.dirname(__file__), "theory.md"),
                                                 encoding="utf-8").read()))
_LINK = re.compile(r'\[([^\]]+)\]\((?:(?:\.\./)?(?:docs/)?theory\.md)?#([A-Za-z0-9_-]+)\)')


def _theory_links(app, docname, source):
    text = source[0]
    if docname == "theory":
        text = _ANCHOR.sub(lambda m: f"({m.group(1)})=", text)

    def link(m):
        label, anchor = m.group(1), m.group(2)
        if anchor not in _THEORY_ANCHORS or (docname != "theory" and "theory.md" not in m.group(0)):
            return m.group(0)
        return "{ref}`" + label.replace("`", "") + " <" + anchor + ">`"

    source[0] = _LINK.sub(link, text)


def setup(app):
    app.connect("source-read", _theory_links)
