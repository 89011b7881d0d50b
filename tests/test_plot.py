"""Plots of the function space (matplotlib)."""

from __future__ import annotations

import pytest


def test_plot(tmp_path):
    pytest.importorskip("matplotlib")
    from lcnalg.plot import plot_cubic_slice

    path = plot_cubic_slice("2,2,2", tmp_path / "slice.png", resolution=41)
    assert path.exists() and path.stat().st_size > 1000
    with pytest.raises(ValueError):
        plot_cubic_slice("3,2 s=2", tmp_path / "x.png")
