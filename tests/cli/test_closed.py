"""``lcnalg closed``: Zariski closedness of the real function space, and the closed case of
``inequalities`` and ``boundary``."""

from __future__ import annotations

import json

import pytest

from tests.cli.runner import run


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--latex"]])
def test_closed_cli_and_closed_descriptions(fmt, capsys):
    code, out, err = run(["closed", "1x2,2x1,1x3"] + fmt, capsys)
    assert code == 0 and not err and ("yes" in out or "true" in out or "=" in out)
    if fmt == ["--json"]:
        data = json.loads(out)
        assert data["closed"] is True and data["certified"] is True
    code, out, err = run(["closed", "4,4,4 s=2,2", "--max-states", "3"] + fmt, capsys)
    assert code == 0 and "undecided" in out or (fmt == ["--json"] and json.loads(out)["closed"] is None)
    for cmd in ("inequalities", "boundary"):
        code, out, err = run([cmd, "3,3 s=2"] + fmt, capsys)
        assert code == 0 and ("c1*c2*c3" in out or "c_{1} c_{2} c_{3}" in out or "c1*c2*c5" in out)
