"""The tutorial notebook docs/tutorial.ipynb stays true: its code cells run and give the outputs
stored in it.

Twice: in-process, without Jupyter (each cell executed in one namespace, its last expression
displayed as IPython displays it: ``_repr_latex_``, ``_repr_html_``, else the repr), and in a real
kernel with nbclient when the extra ``notebook`` (nbclient, nbformat, ipykernel) is installed.
Stored LaTeX, HTML and printed text must come back exactly; a plain repr up to line breaks (IPython
pretty-prints), and not for results, whose repr carries the timing.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")   # the tutorial draws on the plot extra

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "tutorial.ipynb"


def _source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _text(value):
    return "".join(value) if isinstance(value, list) else value


def _squash(text):
    return " ".join(text.split())


def _cells():
    nb = json.loads(NOTEBOOK.read_text())
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _compare(stored, fresh, where):
    """``stored``/``fresh``: lists of (kind, data) with kind 'stream' or 'result'."""
    assert [k for k, _ in stored] == [k for k, _ in fresh], where
    for (kind, old), (_, new) in zip(stored, fresh):
        if kind == "stream":
            assert old == new, where
            continue
        for mime in ("text/latex", "text/html"):
            assert (mime in old) == (mime in new), (where, mime)
            if mime in old:
                assert old[mime] == new[mime], (where, mime)
        if "text/latex" not in old and "text/html" not in old:
            assert _squash(old["text/plain"]) == _squash(new["text/plain"]), where


def _stored(cell):
    out = []
    for o in cell["outputs"]:
        if o["output_type"] == "stream":
            out.append(("stream", _text(o["text"])))
        elif o["output_type"] in ("execute_result", "display_data"):
            out.append(("result", {k: _text(v) for k, v in o["data"].items()}))
        else:
            raise AssertionError(f"stored output of kind {o['output_type']}: {_source(cell)}")
    return out


def _display(value):
    data = {"text/plain": repr(value)}
    for mime, method in (("text/latex", "_repr_latex_"), ("text/html", "_repr_html_")):
        if hasattr(value, method):
            data[mime] = getattr(value, method)()
    return data


def test_tutorial_runs_in_process():
    namespace: dict = {"__name__": "__main__"}
    cells = _cells()
    assert cells and all(c["outputs"] for c in cells)   # stored executed: every cell shows something
    for cell in cells:
        tree = ast.parse(_source(cell))
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            exec(compile(tree, "<cell>", "exec"), namespace)
            value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace) if last else None
        fresh = [("stream", buffer.getvalue())] if buffer.getvalue() else []
        if value is not None:
            fresh.append(("result", _display(value)))
        _compare(_stored(cell), fresh, _source(cell))


def test_tutorial_executes_in_a_kernel(tmp_path, monkeypatch):
    pytest.importorskip("nbclient", reason='the notebook extra is not installed (pip install "lcnalg[notebook]")')
    pytest.importorskip("ipykernel", reason='the notebook extra is not installed (pip install "lcnalg[notebook]")')
    import nbformat
    from nbclient import NotebookClient

    # a kernel on this interpreter, whatever kernels the machine has
    spec = tmp_path / "kernels" / "lcnalg-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "lcnalg test", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", ":".join(p for p in sys.path if p))
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    stored = [_stored(c) for c in nb.cells if c.cell_type == "code"]
    NotebookClient(nb, timeout=60, kernel_name="lcnalg-test",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    fresh = [_stored(json.loads(nbformat.writes(nb))["cells"][i])
             for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    for old, new, cell in zip(stored, fresh, [c for c in nb.cells if c.cell_type == "code"]):
        _compare(old, new, cell.source)
