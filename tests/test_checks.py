"""The argument validators of :mod:`lcnalg.checks`: what each accepts, normalises and refuses."""

from __future__ import annotations

import warnings
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

import flint
import numpy as np
import pytest
import sympy

from lcnalg import checks
from lcnalg.errors import ArchitectureError, InputError

GARBAGE = [None, "x", "7", 1.5, 7.0, float("nan"), [[1]], {0: 1}, {1}, b"1", np.array(5), object()]


@pytest.mark.parametrize("value", GARBAGE + [True, False, np.True_, 0, -1, np.int64(0)])
def test_positive_int_refuses(value):
    with pytest.raises(InputError, match=r"^max_degree: expected a positive integer"):
        checks.positive_int(value, "max_degree")


@pytest.mark.parametrize("value, expected", [(1, 1), (np.int64(3), 3), (np.uint8(7), 7), (2**70, 2**70)])
def test_positive_int_accepts_and_normalises(value, expected):
    got = checks.positive_int(value, "n")
    assert got == expected and type(got) is int


@pytest.mark.parametrize("value", GARBAGE + [True, np.True_])
def test_seed_refuses(value):
    with pytest.raises(InputError, match=r"^seed: expected an integer"):
        checks.seed(value)


@pytest.mark.parametrize("value", [0, -1, 2**70, np.int64(-5), np.int32(9)])
def test_seed_accepts_any_integer(value):
    got = checks.seed(value)
    assert got == int(value) and type(got) is int


@pytest.mark.parametrize("value", ["x", 0, 1, 1.0, np.int64(1), [True], "True"])
def test_flag_refuses(value):
    with pytest.raises(InputError, match=r"^certify: expected True, False or None"):
        checks.flag(value, "certify")
    with pytest.raises(InputError, match=r"^randomized: expected True or False"):
        checks.flag(value, "randomized", none=False)


def test_flag_accepts():
    assert [checks.flag(v, "f") for v in (True, False, None, np.True_, np.False_)] == [True, False, None, True, False]
    with pytest.raises(InputError, match="randomized"):
        checks.flag(None, "randomized", none=False)


@pytest.mark.parametrize("value", [v for v in GARBAGE if v is not None] + [True, 0, -5, np.int64(-1)])
def test_jobs_refuses(value):
    with pytest.raises(InputError, match=r"^jobs: expected a positive integer"):
        checks.jobs(value)


def test_jobs_none_means_every_available_core(monkeypatch):
    monkeypatch.setattr(checks, "available_cores", lambda: 3)
    assert checks.jobs(None) == 3


def test_jobs_capped_at_available_cores_with_one_warning(monkeypatch):
    monkeypatch.setattr(checks, "available_cores", lambda: 2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert checks.jobs(2) == 2
        assert not caught
        assert checks.jobs(np.int64(10**6)) == 2
    assert len(caught) == 1 and "\n" not in str(caught[0].message)
    assert "jobs=1000000" in str(caught[0].message) and "2 cores" in str(caught[0].message)


def test_available_cores_is_the_affinity():
    import os

    assert 1 <= checks.available_cores() <= (os.cpu_count() or 1)


@pytest.mark.parametrize("value", GARBAGE[1:-1] + [True, 0, ThreadPoolExecutor])
def test_executor_refuses(value):
    with pytest.raises(InputError, match=r"^executor: expected None or a concurrent.futures.Executor"):
        checks.executor(value)


def test_executor_accepts():
    with ThreadPoolExecutor(1) as pool:
        assert checks.executor(pool) is pool
    assert checks.executor(None) is None


@pytest.mark.parametrize("value", [-7, 0, 1, 2**64 + 13, 2**63 + 29, "7", 7.0, None, True, np.float64(7), [7]])
def test_modulus_refuses(value):
    with pytest.raises(InputError, match=r"^modulus: expected a prime integer p with 2 <= p < 2\*\*63"):
        checks.modulus(value)


@pytest.mark.parametrize("value", [4, 91, 2**61 + 1, np.int64(15)])
def test_modulus_refuses_composites(value):
    with pytest.raises(InputError, match=r"^modulus: .* is not prime"):
        checks.modulus(value)


@pytest.mark.parametrize("value", [2, 7, np.int64(97), 2**61 - 1, 2147483647])
def test_modulus_accepts_primes(value):
    got = checks.modulus(value)
    assert got == int(value) and type(got) is int


def test_dimension():
    class Result:
        value = 3

    r = Result()
    assert checks.dimension(None) is None and checks.dimension(np.int64(4)) == 4 and checks.dimension(r) is r
    for bad in ("x", -1, 1.5, 2**70, [3], True):
        with pytest.raises(InputError, match=r"^dimension"):
            checks.dimension(bad)


@pytest.mark.parametrize("value, expected", [
    (3, Fraction(3)), (np.int64(-4), Fraction(-4)), (Fraction(2, 3), Fraction(2, 3)), (" -2 / 5 ", Fraction(-2, 5)),
    ("+7", Fraction(7)), (flint.fmpz(5), Fraction(5)), (flint.fmpq(1, 3), Fraction(1, 3)),
    (sympy.Rational(3, 4), Fraction(3, 4)),
])
def test_exact_accepts(value, expected):
    assert checks.exact(value, "x") == expected


@pytest.mark.parametrize("value", [1.5, 2.0, np.float64(1), True, np.True_, None, "x", "1 2", "1/0", "1.5", "1e3",
                                   "²", "", "--1", [1], np.array(5)])
def test_exact_refuses(value):
    with pytest.raises(InputError, match=r"^entry: "):
        checks.exact(value, "entry")


def test_exact_decimals_only_on_request():
    assert checks.exact("-0.25", "x", decimals=True) == Fraction(-1, 4)
    for bad in ("1e5", "1.2.3", "."):
        with pytest.raises(InputError):
            checks.exact(bad, "x", decimals=True)


@pytest.mark.parametrize("text", ["9" * 5000, "1/" + "9" * 5000, "-" + "9" * 4300, "9" * 10**6])
def test_digits_checked_before_conversion(text):
    with pytest.raises(InputError) as info:
        checks.exact(text, "filter (entry 2)")
    message = str(info.value)
    assert message.startswith("filter (entry 2): the number ") and "…" in message and len(message) < 200


def test_digits_error_class_and_bound():
    assert checks.digits("9" * checks.MAX_DIGITS, "x") == "9" * checks.MAX_DIGITS
    with pytest.raises(ArchitectureError, match=r"^filters: the number 9{20}… has 4001 characters"):
        checks.digits("9" * (checks.MAX_DIGITS + 1), "filters", error=ArchitectureError)


def test_short():
    assert checks.short("abc") == "abc" and checks.short("a" * 30) == "a" * 20 + "…"
    assert len(checks.short(repr(list(range(1000))), 60)) == 61


@pytest.mark.parametrize("value", ["12", b"12", {0: 5, 1: 7}, {1, 2}, frozenset(), 5, 5.0, None, np.array(5)])
def test_sequence_refuses(value):
    with pytest.raises(InputError, match=r"^point: expected a sequence"):
        checks.sequence(value, "point")


def test_sequence_accepts():
    assert checks.sequence((1, 2), "p") == [1, 2]
    assert checks.sequence(np.array([[1, 2]]), "p")[0].tolist() == [1, 2]
    assert checks.sequence(iter([3]), "p") == [3]


def test_arguments_in_order_and_unknown_names_are_bugs():
    assert checks.arguments(seed=np.int64(1), max_degree=None, certify=True, trials=2) == (1, None, True, 2)
    with pytest.raises(InputError, match="^trials"):
        checks.arguments(trials=0)
    with pytest.raises(Exception, match="internal error"):
        checks.arguments(nonsense=1)


class _BrokenRepr:
    def __repr__(self):
        raise RuntimeError("no repr")


@pytest.mark.parametrize("value, shown", [
    (10**5000, "<int of about 5001 digits>"), (-(10**5000), "<int of about 5001 digits>"),
    (Fraction(10**5000, 7), "<Fraction of about 5001 digits>"), (Fraction(1, 10**5000), "<Fraction of about 5001 digits>"),
    ([10**5000], "<list>"), ({"a": 10**5000}, "<dict>"), (_BrokenRepr(), "<_BrokenRepr>"), ("x", "x"),
], ids=["int", "negative int", "Fraction", "Fraction denominator", "list", "dict", "broken repr", "str"])
def test_short_never_fails(value, shown):
    assert checks.short(value) == shown


def test_short_quotes_text_on_request():
    assert checks.short("x", quote=True) == "'x'" and checks.short(3, quote=True) == "3"


@pytest.mark.parametrize("validator", [lambda v: checks.integer(v, "n", low=0), lambda v: checks.positive_int(v, "n"),
                                       lambda v: checks.seed(v, "n"),
                                       lambda v: checks.flag(v, "n"), lambda v: checks.jobs(v, "n"),
                                       lambda v: checks.executor(v, "n"), lambda v: checks.modulus(v, "n"),
                                       lambda v: checks.dimension(v, "n"), lambda v: checks.exact([v], "n")])
@pytest.mark.parametrize("value", [-(10**5000), Fraction(10**5000, 7), [10**5000]], ids=["int", "Fraction", "list"])
def test_huge_values_are_named_not_converted(validator, value):
    with pytest.raises(InputError, match="^n: "):
        validator(value)


def test_integers_print_wherever_they_are_quoted():
    assert checks.seed(10**3999) == 10**3999 and checks.positive_int(10**30, "max_degree") == 10**30
    for validator in (checks.seed, lambda v: checks.positive_int(v, "seed")):
        with pytest.raises(InputError, match="^seed: expected .* of at most 4000 digits, got <int of about 4001 digits>"):
            validator(-(10**4000))


def test_handed_down_checks_type_and_architecture():
    from lcnalg import Architecture, Parameterization, implicit_equations, is_zariski_closed, function_space_dimension

    arch = Architecture.coerce("2,2 s=2")
    eqs, dim = implicit_equations(Parameterization(arch)), function_space_dimension(Parameterization(arch))
    closed = is_zariski_closed(arch)
    assert checks.handed_down(arch, dimension=dim, equations=eqs, closedness=closed) == (dim, eqs, closed)
    assert checks.handed_down(arch, number=True, dimension=dim) == (3,)
    assert checks.handed_down(arch, flags=True, equations=False) == (False,)
    for key, value in (("equations", False), ("equations", "x"), ("equations", dim), ("closedness", eqs),
                       ("closedness", True), ("dimension", 5), ("dimension", -1), ("dimension", "3")):
        with pytest.raises(InputError, match=f"^{key}: "):
            checks.handed_down(arch, **{key: value})
    other = Architecture.coerce("3,2 s=2")
    for key, value in (("equations", eqs), ("dimension", dim), ("closedness", closed)):
        with pytest.raises(InputError, match=f"^{key}: computed for the architecture '2,2 s=2', not for '3,2 s=2'"):
            checks.handed_down(other, flags=True, **{key: value})


def test_read_text_names_the_field(tmp_path):
    good = tmp_path / "a.json"
    good.write_text("[1, 2]", encoding="utf-8")
    assert checks.read_text(str(good), "--init", 100) == "[1, 2]"
    binary = tmp_path / "b.json"
    binary.write_bytes(b"\xff\xfe\x00bin")   # not UTF-8: once an internal error of flow --init
    big = tmp_path / "c.json"
    big.write_text("x" * 101, encoding="utf-8")
    for path, message in ((str(binary), "UnicodeDecodeError"), (str(big), "larger than 100 bytes"),
                          (str(tmp_path / "missing"), "FileNotFoundError"), (None, "expected a path"),
                          ("a\x00b", "expected a path")):
        with pytest.raises(InputError, match=f"^--init: .*{message}"):
            checks.read_text(path, "--init", 100)
