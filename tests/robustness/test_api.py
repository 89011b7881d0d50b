"""Garbage argument values through every public API function, each call under an alarm:
only an :class:`~lcnalg.LCNAlgError` may escape, within the alarm.

The functions are enumerated, not listed: ``lcnalg.__all__`` and the ``__all__`` of every
package of lcnalg (classes users construct, the functions, and the public methods of the
objects the constructors return), so functions added later are covered without editing
this file.  Result classes and exceptions are skipped (the library builds them).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

pytestmark = pytest.mark.robustness

import lcnalg
from lcnalg import LCNAlgError
from lcnalg.results import Result
from tests.alarm import Overrun, alarm
from tests.robustness.harness import ALARM, HUGE
from tests.strategies import architectures

#: Hypothesis examples per function (derandomized).
EXAMPLES = 25

#: Values no parameter accepts, or accepts only at its edge.
GARBAGE = (None, "x", "", " ", "3,,x", 1.5, float("nan"), float("inf"), -1, 0, -(2**70), 2**70, True, False,
           [], [[]], [1, "x"], [[1, 2], 3], {}, {0: 5, 1: 7, 2: 1, 3: 1}, {"a": 1}, (), object(), b"2,2",
           HUGE, "3," + HUGE, 10**5000, Fraction(1, 3), Fraction(10**5000, 7), np.int64(-3), np.array(5),
           np.array([1.5, 2.5]), np.zeros((2, 2, 2)), np.array(["a"]), complex(1, 1), "２,２", print)


class Value:
    """An argument value, shown shortly in hypothesis' report of a failing case (a bare
    ``10**5000`` cannot even be printed)."""

    def __init__(self, value):
        self.value = value

    def __repr__(self) -> str:
        return short(self.value)


def public_packages() -> list:
    """lcnalg and each of its subpackages (the cli is tried through its entry point)."""
    found = [lcnalg]
    for info in pkgutil.walk_packages(lcnalg.__path__, "lcnalg."):
        if info.ispkg and not info.name.startswith("lcnalg.cli") and "._" not in info.name:
            found.append(importlib.import_module(info.name))
    return found


def is_tried(obj, package) -> bool:
    """Functions, and the classes of lcnalg's own ``__all__`` that users construct (a
    subpackage's classes are results or containers that the library builds)."""
    if inspect.isclass(obj):
        return package is lcnalg and not issubclass(obj, (BaseException, Result))
    return callable(obj)


def public_callables() -> dict[str, object]:
    """Every function and constructible class named in a package's ``__all__``, once."""
    found: dict[int, tuple[str, object]] = {}
    for package in public_packages():
        for name in getattr(package, "__all__", ()):
            obj = getattr(package, name)
            if is_tried(obj, package) and id(obj) not in found:
                found[id(obj)] = (f"{package.__name__}.{name}", obj)
    return dict(sorted(found.values()))


CALLABLES = public_callables()


def instances() -> dict[str, object]:
    """One instance of each constructible class, on a small architecture."""
    made = {}
    for name, cls in CALLABLES.items():
        if not inspect.isclass(cls):
            continue
        if hasattr(cls, "parse"):
            made[name] = cls.parse("2,2 s=2")
        elif "arch" in inspect.signature(cls).parameters:
            try:
                made[name] = cls("2,2 s=2")
            except LCNAlgError:  # a class for networks with an activation, or with channels
                try:
                    made[name] = cls("2,2 s=2 r=2")
                except LCNAlgError:
                    made[name] = cls("2,2 s=2 c=1,2,1")
        else:
            made[name] = cls()
    return made


def public_methods() -> dict[str, tuple[str, str]]:
    """``"Class.method"`` → (class name, method name) for every public method of the instances."""
    found = {}
    for cls_name, obj in instances().items():
        for attr, value in inspect.getmembers(type(obj)):
            if attr.startswith("_") or isinstance(value, property) or not callable(value):
                continue
            found[f"{cls_name}.{attr}"] = (cls_name, attr)
    return dict(sorted(found.items()))


METHODS = public_methods()


def parameters(func) -> list[inspect.Parameter]:
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return []
    return [p for p in sig.parameters.values()
            if p.name not in ("self", "cls") and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def small_architecture_texts():
    return architectures(max_layers=2, max_size=3, max_ambient=8).map(str)


def valid_value(name: str):
    """A valid value for a parameter of this name, so that garbage in one parameter meets
    valid values in the others and reaches the deeper checks (None: none known)."""
    if name in ("arch", "architecture", "text"):
        return small_architecture_texts()
    if name == "mu":
        return small_architecture_texts().map(lcnalg.Parameterization)
    if name in ("seed", "jobs", "trials"):
        return st.integers(0 if name == "seed" else 1, 3)
    if name.startswith("max_") or name in ("dimension", "modulus", "codim", "u", "bound"):
        return st.just(None) if name.startswith("max_") else None
    return None


def arguments(func):
    """Keyword (or positional) arguments for ``func``: each parameter gets a garbage value or,
    when one is known, a valid one; optional parameters are often left out."""
    params = parameters(func)

    @st.composite
    def build(draw):
        args, kwargs = [], {}
        for p in params:
            valid = valid_value(p.name)
            required = p.default is p.empty
            if not required and draw(st.integers(0, 2)) == 0:
                continue
            choices = [st.sampled_from(GARBAGE)] + ([valid, valid] if valid is not None else [])
            value = Value(draw(st.one_of(*choices)))
            if p.kind == p.POSITIONAL_ONLY:
                args.append(value)
            else:
                kwargs[p.name] = value
        return args, kwargs

    return build()


def described(args, kwargs) -> str:
    parts = [short(a) for a in args] + [f"{k}={short(v)}" for k, v in kwargs.items()]
    return ", ".join(parts)


def short(value) -> str:
    if isinstance(value, Value):
        value = value.value
    if isinstance(value, (int, Fraction)) and abs(value) > 10**100:
        return f"<{type(value).__name__} of about {int(abs(value)).bit_length() * 3 // 10} digits>"
    text = repr(value)
    return text if len(text) <= 60 else text[:40] + f"…({len(text)} chars)"


def check_call(label: str, func, args, kwargs) -> None:
    args = [a.value for a in args]
    kwargs = {k: v.value for k, v in kwargs.items()}
    try:
        with alarm(ALARM):
            func(*args, **kwargs)
    except Overrun:
        pytest.fail(f"{label}({described(args, kwargs)}): still running after the alarm")
    except LCNAlgError:
        pass
    except Exception as exc:
        pytest.fail(f"{label}({described(args, kwargs)}) raised {type(exc).__name__}: "
                    f"{' '.join(str(exc).split())[:300]}")


SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def test_the_public_api_is_found():
    assert {"lcnalg.FunctionSpace", "lcnalg.contains", "lcnalg.stratification"} <= set(CALLABLES)
    assert {"lcnalg.FunctionSpace.contains", "lcnalg.Parameterization.evaluate_mod"} <= set(METHODS)


@pytest.mark.parametrize("name", sorted(CALLABLES))
@SETTINGS
@given(data=st.data())
def test_public_function_with_garbage(name, data):
    func = CALLABLES[name]
    args, kwargs = data.draw(arguments(func), label="arguments")
    check_call(name, func, args, kwargs)


@pytest.mark.parametrize("name", sorted(METHODS))
@SETTINGS
@given(data=st.data())
def test_public_method_with_garbage(name, data):
    cls_name, attr = METHODS[name]
    obj = instances()[cls_name]
    method = getattr(obj, attr)
    args, kwargs = data.draw(arguments(method), label="arguments")
    check_call(name, method, args, kwargs)
