"""The bounds object: its text names the bounds that differ from the defaults, and reads back."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings, strategies as st

from lcnalg import Limits

FIELDS = {f.name: f.default for f in dataclasses.fields(Limits)}


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(FIELDS)), st.integers(1, 10**12), max_size=6))
def test_repr_names_the_changed_bounds_and_reads_back(changes):
    limits = Limits(**changes)
    text = repr(limits)
    assert eval(text, {"Limits": Limits}) == limits
    named = {part.split("=")[0] for part in text[len("Limits("):-1].split(", ") if part}
    assert named == {k for k, v in changes.items() if v != FIELDS[k]}
