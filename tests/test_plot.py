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


def test_plot_stratification_labels_every_description(tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    import networkx as nx

    from lcnalg.plot import plot_stratification
    from lcnalg.singularities.strata import stratification

    seen = {}
    draw = nx.draw_networkx
    monkeypatch.setattr(nx, "draw_networkx", lambda g, pos, **kw: seen.update(kw) or draw(g, pos, **kw))
    path = plot_stratification(stratification("2,2,2"), tmp_path / "h.png")
    assert path.stat().st_size > 1000
    assert seen["labels"]["boundary"].split("\n= ") == ["boundary", "shared root 1,2", "shared root 1,3",
                                                         "shared root 2,3"]
