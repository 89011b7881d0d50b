"""Validators of the arguments of lcnalg's public functions.

Each validator takes the value and the name of the parameter it was given as, returns the
value in its normal form (a Python ``int`` for a numpy integer, for example) and raises
:class:`~lcnalg.errors.InputError` naming the parameter and the accepted form otherwise.
They are applied wherever an argument is accepted, even when the computation at hand would
not use it, so that a wrong value is never accepted silently; and they are cheap (no
validator does more than a primality test of a word-sized integer).

Text is never converted to a number before its length is checked: Python refuses to convert
integers of more than 4300 digits (and would take quadratic time below that), so a token of
more than :data:`MAX_DIGITS` characters is refused first, quoting only a short prefix of it.

Examples
--------
>>> import numpy as np
>>> positive_int(np.int64(3), "max_degree")
3
>>> seed(None)
Traceback (most recent call last):
...
lcnalg.errors.InputError: seed: expected an integer (any int; seeds make results reproducible), got None
>>> arguments(seed=np.int32(5), certify=None, max_degree=2)
(5, None, 2)
"""

from __future__ import annotations

import math
import numbers
import os
import warnings
from collections.abc import Iterable, Mapping, Sequence, Set
from fractions import Fraction
from typing import Any, Callable

import flint

from lcnalg.errors import InputError, check

__all__ = ["MAX_DIGITS", "short", "digits", "is_integer", "integer", "positive_int", "seed", "flag",
           "jobs", "available_cores", "executor", "modulus", "dimension", "parameterization", "exact",
           "sequence", "arguments", "handed_down"]

#: Longest numeric token read from text (Python converts at most 4300 digits).
MAX_DIGITS = 4000
#: Largest modulus of a modular computation (flint's word-sized moduli, kept signed).
MAX_MODULUS = 2**63
#: Most bits of an integer argument: below 10**MAX_DIGITS, so that it prints (Python prints
#: at most 4300 digits) wherever it is quoted, and as long as the longest accepted text.
MAX_BITS = int(MAX_DIGITS * 3.3219280948873626)
#: Bound on a dimension handed down to an algorithm (any function space has fewer coordinates).
MAX_DIMENSION = 10**9


def short(value: object, length: int = 20, *, quote: bool = False) -> str:
    """A token for an error message: ``value`` as text, cut to ``length`` characters + "…".

    Never fails, whatever ``value`` is: an integer or fraction too long for Python to convert
    to text (more than 4300 digits, or a container holding one) is shown by its size.  Pass
    the value itself, never ``repr(value)`` (which is what fails); ``quote`` shows strings
    with their quotes, as ``repr`` would.

    Examples
    --------
    >>> short("9" * 5000)
    '99999999999999999999…'
    >>> short("x", quote=True)
    "'x'"
    >>> short([1, 2])
    '[1, 2]'
    >>> short(10**5000)
    '<int of about 5001 digits>'
    >>> from fractions import Fraction
    >>> short(Fraction(10**5000, 7))
    '<Fraction of about 5001 digits>'
    >>> short([10**5000])
    '<list>'
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and abs(int(value)).bit_length() > 64:
        return f"<int of about {_decimal_digits(int(value))} digits>"
    if isinstance(value, Fraction) and max(abs(value.numerator), value.denominator).bit_length() > 64:
        return f"<Fraction of about {_decimal_digits(max(abs(value.numerator), value.denominator))} digits>"
    try:
        text = value if isinstance(value, str) and not quote else repr(value)
    except Exception:  # a container holding an integer too long to print, a broken __repr__
        text = f"<{type(value).__name__}>"
    if not isinstance(text, str):  # pragma: no cover - a __repr__ returning something else
        text = f"<{type(value).__name__}>"
    return text if len(text) <= length else text[:length] + "…"


def _decimal_digits(value: int) -> int:
    """About how many decimal digits ``value`` has (from its bit length: no conversion)."""
    return int(abs(value).bit_length() * 0.30103) + 1


def digits(text: str, name: str, *, error: type[Exception] = InputError) -> str:
    """``text`` unchanged when it is short enough to be converted to a number.

    Parameters
    ----------
    text : str
        A numeric token, not yet converted.
    name : str
        The parameter or field, for the message.
    error : exception class
        What to raise (:class:`InputError`; ``ArchitectureError`` inside an architecture).

    Raises
    ------
    InputError
        (or ``error``) when ``text`` has more than :data:`MAX_DIGITS` characters; the message
        quotes its first 20 characters only.

    Examples
    --------
    >>> digits("123", "filter")
    '123'
    >>> digits("9" * 5000, "filter")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: filter: the number 99999999999999999999… has 5000 characters, more than the 4000 digits accepted
    """
    if len(text) > MAX_DIGITS:
        raise error(f"{name}: the number {short(text.strip())} has {len(text)} characters, "
                    f"more than the {MAX_DIGITS} digits accepted")
    return text


def is_integer(value: object) -> bool:
    """True for Python, numpy and FLINT integers (and other :class:`numbers.Integral`), not booleans.

    Examples
    --------
    >>> import numpy as np
    >>> is_integer(3), is_integer(np.uint8(3)), is_integer(flint.fmpz(3)), is_integer(True), is_integer(3.0)
    (True, True, True, False, False)
    """
    return (isinstance(value, numbers.Integral) or isinstance(value, flint.fmpz)) and not isinstance(value, bool)


def integer(value: object, name: str, *, low: int | None = None, high: int | None = None,
            form: str = "an integer") -> int:
    """``value`` as a Python int, checked against ``low <= value < high``.

    Raises
    ------
    InputError
        For booleans, floats, strings, ``None`` and anything else that is not an integer,
        for integers of more than :data:`MAX_DIGITS` digits (they could not be quoted in a
        message or a result), and for integers out of range.

    Examples
    --------
    >>> integer(-3, "seed")
    -3
    >>> integer(1.0, "trials", low=1)
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: trials: expected an integer, got 1.0
    >>> integer(10**5000, "seed")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: seed: expected an integer of at most 4000 digits, got <int of about 5001 digits>
    """
    if not is_integer(value):
        raise InputError(f"{name}: expected {form}, got {short(value, 60, quote=True)}")
    value = int(value)  # type: ignore[call-overload]
    if value.bit_length() > MAX_BITS:
        raise InputError(f"{name}: expected {form} of at most {MAX_DIGITS} digits, got {short(value)}")
    if (low is not None and value < low) or (high is not None and value >= high):
        raise InputError(f"{name}: expected {form}, got {short(value, 60, quote=True)}")
    return value


def positive_int(value: object, name: str) -> int:
    """A positive integer (numpy integers accepted; booleans, floats, ``None`` refused).

    Examples
    --------
    >>> positive_int(2, "max_degree")
    2
    >>> positive_int(0, "max_degree")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: max_degree: expected a positive integer, got 0
    """
    return integer(value, name, low=1, form="a positive integer")


def seed(value: object, name: str = "seed") -> int:
    """A seed: any integer (``None`` is refused: a seed makes a result reproducible).

    Examples
    --------
    >>> seed(-1)
    -1
    """
    return integer(value, name, form="an integer (any int; seeds make results reproducible)")


def flag(value: object, name: str, *, none: bool = True) -> bool | None:
    """``True``, ``False`` or (when ``none``) ``None`` meaning automatic; numpy booleans accepted.

    Examples
    --------
    >>> flag(None, "certify"), flag(False, "certify")
    (None, False)
    >>> flag(1, "certify")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: certify: expected True, False or None (automatic), got 1
    """
    if value is None and none:
        return None
    if isinstance(value, bool) or _numpy_bool(value):
        return bool(value)
    form = "True, False or None (automatic)" if none else "True or False"
    raise InputError(f"{name}: expected {form}, got {short(value, 60, quote=True)}")


def _numpy_bool(value: object) -> bool:
    return type(value).__module__ == "numpy" and type(value).__name__ in ("bool_", "bool")


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, where the system reports it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - platforms without sched_getaffinity
        return max(1, os.cpu_count() or 1)


def jobs(value: object, name: str = "jobs") -> int:
    """A number of worker processes: a positive integer, capped (with a warning) at
    :func:`available_cores`; ``None`` means all of them.

    Examples
    --------
    >>> jobs(1)
    1
    >>> jobs(None) == available_cores()
    True
    >>> jobs(-5)
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: jobs: expected a positive integer (worker processes), got -5
    """
    if value is None:
        return available_cores()
    value = integer(value, name, low=1, form="a positive integer (worker processes)")
    cores = available_cores()
    if value > cores:
        warnings.warn(f"{name}={short(value)} exceeds the {cores} cores available to this process; "
                      f"using {cores}", stacklevel=3)
        return cores
    return value


def executor(value: object, name: str = "executor") -> Any:
    """``None`` or an executor (a :class:`concurrent.futures.Executor`, or an object with
    ``submit`` and ``map`` like one).

    Examples
    --------
    >>> executor(None) is None
    True
    >>> executor("x")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: executor: expected None or a concurrent.futures.Executor, got 'x'
    """
    if value is None:
        return value
    # deferred: concurrent.futures (and the logging it imports) only when an executor is given
    from concurrent.futures import Executor

    if isinstance(value, Executor):
        return value
    if not isinstance(value, type) and callable(getattr(value, "submit", None)) \
            and callable(getattr(value, "map", None)):
        return value
    raise InputError(f"{name}: expected None or a concurrent.futures.Executor, got {short(value, 60, quote=True)}")


def modulus(value: object, name: str = "modulus") -> int:
    """A prime ``p`` with ``2 <= p < 2**63`` (modular computations need a field).

    Examples
    --------
    >>> modulus(7)
    7
    >>> modulus(-7)
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: modulus: expected a prime integer p with 2 <= p < 2**63, got -7
    >>> modulus(91)
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: modulus: 91 is not prime; modular computations need a prime field
    """
    p = integer(value, name, low=2, high=MAX_MODULUS, form="a prime integer p with 2 <= p < 2**63")
    if not flint.fmpz(p).is_prime():
        raise InputError(f"{name}: {p} is not prime; modular computations need a prime field")
    return p


def dimension(value: object, name: str = "dimension") -> Any:
    """A known dimension handed down: ``None``, a non-negative integer, or a result object
    whose ``value`` is one (a :class:`~lcnalg.results.DimensionResult`).

    Examples
    --------
    >>> dimension(3), dimension(None)
    (3, None)
    """
    if value is None:
        return None
    if hasattr(value, "value") and not is_integer(value):
        integer(value.value, f"{name}.value", low=0, high=MAX_DIMENSION, form="a non-negative integer below 10**9")
        return value
    return integer(value, name, low=0, high=MAX_DIMENSION,
                   form="None, a non-negative integer (below 10**9) or a DimensionResult")


def exact(value: object, name: str, *, decimals: bool = False) -> Fraction:
    """An exact rational number: int, numpy integer, Fraction, flint ``fmpz``/``fmpq``, a sympy
    rational, or text like ``"3"`` or ``"-2/5"`` (its length checked before conversion; with
    ``decimals``, also exact decimal text like ``"0.25"``, without exponent).
    Floats are refused: results are exact.

    Examples
    --------
    >>> import numpy as np
    >>> exact(np.int64(-4), "point"), exact(" -2/5 ", "point"), exact("0.25", "point", decimals=True)
    (Fraction(-4, 1), Fraction(-2, 5), Fraction(1, 4))
    >>> exact(0.5, "point")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: point: 0.5 (float) is not exact; give integers or fractions like 3 or -2/5 (floats are refused: results are exact)
    """
    kind = type(value)
    if kind is Fraction:   # the common exact types first, without the abstract-class checks below
        return value  # type: ignore[return-value]
    if kind is int:
        return Fraction(value)  # type: ignore[arg-type]
    if kind is str:
        return _exact_text(value, name, decimals)  # type: ignore[arg-type]
    if isinstance(value, bool) or _numpy_bool(value):
        raise InputError(f"{name}: booleans are not numbers here; give integers or fractions like 3 or -2/5")
    if isinstance(value, Fraction):
        return value
    if is_integer(value):
        return Fraction(int(value))  # type: ignore[call-overload]
    if isinstance(value, flint.fmpz):
        return Fraction(int(value))
    if isinstance(value, flint.fmpq):
        return Fraction(int(value.p), int(value.q))
    if isinstance(value, str):
        return _exact_text(value, name, decimals)
    if getattr(value, "is_Rational", False) is True:
        return Fraction(int(value.p), int(value.q))  # type: ignore[attr-defined]
    raise InputError(f"{name}: {short(value, 40)} ({type(value).__name__}) is not exact; give integers or "
                     "fractions like 3 or -2/5 (floats are refused: results are exact)")


def _exact_text(value: str, name: str, decimals: bool) -> Fraction:
    """:func:`exact` of text: an integer or fraction (its length checked first), with
    ``decimals`` also a decimal like ``0.25``.  The digits are read by ``int`` (the value of
    ``Fraction(text)``, without its regular expression)."""
    text = "/".join(part.strip() for part in digits(value, name).split("/", 1))
    body = text[1:] if text[:1] in "+-" else text
    num, slash, den = body.partition("/")
    if decimals and not slash and "." in num:
        whole, _, frac = num.partition(".")
        if (whole + frac).isdigit() and (whole + frac).isascii():
            return Fraction(text)
    if not num.isdigit() or not num.isascii() or (slash and not (den.isdigit() and den.isascii())):
        raise InputError(f"{name}: {short(value)!r} is not an integer or fraction like 3 or -2/5")
    if slash and int(den) == 0:
        raise InputError(f"{name}: {short(value)!r} has a zero denominator")
    numerator = -int(num) if text[:1] == "-" else int(num)
    return Fraction(numerator, int(den)) if slash else Fraction(numerator)


def read_text(path: object, name: str, max_bytes: int) -> str:
    """The text of the UTF-8 file ``path``, read up to ``max_bytes``; a path that cannot be read,
    is not text or is larger is an :class:`InputError` naming ``name`` (the option or argument
    that brought it).

    Examples
    --------
    >>> read_text("/nonexistent", "--data", 100)
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: --data: cannot read '/nonexistent' (FileNotFoundError)
    """
    if not isinstance(path, str) or not path or "\x00" in path:
        raise InputError(f"{name}: expected a path to a file, got {short(path, 40, quote=True)}")
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read(max_bytes + 1)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{name}: cannot read {short(path, 60)!r} ({type(exc).__name__})") from None
    if len(text) > max_bytes:
        raise InputError(f"{name}: {short(path, 60)} is larger than {max_bytes} bytes")
    return text


def rational(value: object, name: str) -> Fraction:
    """An exact rational as :func:`exact` reads it, or a finite float read exactly (its binary
    value): for data, where a float stands for the number it stores.

    Examples
    --------
    >>> rational(0.5, "X"), rational("-2/5", "X")
    (Fraction(1, 2), Fraction(-2, 5))
    >>> rational(float("inf"), "X")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: X: non-finite entry inf; give finite numbers
    """
    if type(value) is Fraction:
        return value  # type: ignore[return-value]
    if isinstance(value, float) or type(value).__name__ in ("float16", "float32", "float64"):
        value = float(value)  # type: ignore[arg-type]
        if not math.isfinite(value):
            raise InputError(f"{name}: non-finite entry {value!r}; give finite numbers")
        return Fraction(value)
    return exact(value, name)


def sequence(value: object, name: str, form: str = "a sequence") -> list:
    """The items of a sequence (list, tuple, numpy array of at least one axis, …).

    Strings, bytes, mappings (a dict would be read by its keys), sets (no order), 0-d arrays
    and scalars are refused.

    Examples
    --------
    >>> import numpy as np
    >>> sequence(np.array([1, 2]), "point") == [1, 2]
    True
    >>> sequence({0: 5, 1: 7}, "point")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: point: expected a sequence, got dict
    """
    if (isinstance(value, (str, bytes, bytearray, Mapping, Set)) or not isinstance(value, Iterable)
            or getattr(value, "ndim", None) == 0):
        raise InputError(f"{name}: expected {form}, got {type(value).__name__}")
    return list(value)


def _is_weight(x: Any) -> bool:
    """A weight rather than a (nested) filter: numbers, text, 0-d arrays; not sequences."""
    return isinstance(x, (str, bytes)) or not hasattr(x, "__len__") or getattr(x, "ndim", None) == 0


def _flatten(layer: Any, where: str) -> list:
    if _is_weight(layer):
        return [layer]
    out: list = []
    for x in sequence(layer, where, "a filter: a (nested) sequence of weights"):
        out.extend(_flatten(x, where))
    return out


def layer_point(theta: object, shapes: Sequence[Sequence[int]]) -> list[list[Any]]:
    """Read a point of parameter space: a flat sequence of all the weights, or one filter per
    layer (nested in the layer's shape, row-major, or flat); the entries are not converted.

    Parameters
    ----------
    theta : sequence
    shapes : sequence of filter shapes, one per layer

    Raises
    ------
    InputError
        When the point has the wrong number of layers or entries.

    Examples
    --------
    >>> layer_point([1, 2, 3, 4, 5], [(3,), (2,)])
    [[1, 2, 3], [4, 5]]
    >>> layer_point([[[1], [2]], [3, 4]], [(2, 1), (1, 2)])
    [[1, 2], [3, 4]]
    """
    sizes = [math.prod(s) for s in shapes]
    total = sum(sizes)
    theta = sequence(theta, "point", f"{total} weights or one filter per layer (a sequence)")
    if len(theta) == total and all(_is_weight(x) for x in theta):
        out, start = [], 0
        for n in sizes:
            out.append(theta[start:start + n])
            start += n
        return out
    if len(theta) != len(shapes):
        raise InputError(f"point: expected {total} weights or {len(shapes)} layer filters of sizes {sizes}, "
                         f"got {len(theta)} entries")
    layers = []
    for l, (layer, shape) in enumerate(zip(theta, shapes), start=1):
        flat = _flatten(layer, f"point (layer {l})")
        if len(flat) != math.prod(shape):
            raise InputError(f"point: layer {l} needs {math.prod(shape)} weights (shape {tuple(shape)}), "
                             f"got {len(flat)}")
        layers.append(flat)
    return layers


def permutation(value: object, n: int, name: str = "perm") -> tuple[int, ...]:
    """A permutation of ``range(n)``, as a tuple.

    Examples
    --------
    >>> permutation([2, 0, 1], 3)
    (2, 0, 1)
    >>> permutation([0, 0, 1], 3)
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: perm: expected a permutation of 0..2, got [0, 0, 1]
    """
    items = sequence(value, name, f"a permutation of 0..{n - 1}")
    if len(items) != n or not all(is_integer(x) for x in items) or sorted(int(x) for x in items) != list(range(n)):
        raise InputError(f"{name}: expected a permutation of 0..{n - 1}, got {short(value)}")
    return tuple(int(x) for x in items)


def parameterization(value: object, name: str = "mu") -> Any:
    """A :class:`~lcnalg.Parameterization` (recognised by its interface: this module comes
    before it in the layers).

    Examples
    --------
    >>> parameterization("3,2")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: mu: expected a Parameterization (e.g. Parameterization("3,2 s=2")), got str
    """
    if isinstance(value, type) or not all(callable(getattr(value, a, None))
                                          for a in ("jacobian_rank", "random_point_mod", "evaluate")):
        raise InputError(f'{name}: expected a Parameterization (e.g. Parameterization("3,2 s=2")), '
                         f"got {type(value).__name__}")
    return value


def _same_architecture(value: Any, arch: Any, name: str, what: str) -> None:
    """Refuse a result computed for another architecture than ``arch``."""
    made_for = getattr(value, "architecture", None)
    if not isinstance(made_for, str):
        raise InputError(f"{name}: expected {what}, got {type(value).__name__}")
    if made_for != str(arch):
        raise InputError(f"{name}: computed for the architecture {short(made_for, 40)!r}, "
                         f"not for {short(str(arch), 40)!r}; give the {what} of this architecture or None")


def handed_down(arch: Any, *, flags: bool = False, number: bool = False, **values: Any) -> tuple:
    """Check what a caller hands down to an algorithm of the architecture ``arch`` (an
    :class:`~lcnalg.Architecture`): ``dimension=``, ``equations=``, ``closedness=``; their type
    and that they belong to ``arch``.  Returns them, in the order given (a dimension as given,
    an int or a result object; with ``number``, always as an int).

    * ``dimension``: ``None``, an integer ``0 <= d <= min(parameters, ambient dimension)``, or
      a :class:`~lcnalg.results.DimensionResult` of ``arch``;
    * ``equations``: ``None``, the :class:`~lcnalg.algebra.implicitization.ImplicitEquations`
      of ``arch`` (or, with ``flags``, ``True``/``False``: compute them or not);
    * ``closedness``: ``None`` or the :class:`~lcnalg.real.ClosednessResult` of ``arch``;
    * ``parameterization``: ``None`` or the parameterization of ``arch``
      (:func:`~lcnalg.parameterization.parameterize`).

    The result classes come later in the layers, so they are recognised by their fields.

    Examples
    --------
    >>> from lcnalg import Architecture
    >>> arch = Architecture.coerce("2,2")
    >>> handed_down(arch, dimension=3, equations=None)
    (3, None)
    >>> handed_down(arch, dimension=4)
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: dimension: 4 exceeds the dimension 3 of the space of end-to-end filters of 2,2
    >>> handed_down(arch, equations="x")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: equations: expected None or the ImplicitEquations of this architecture (implicit_equations(...)), got str
    """
    out = []
    for key, value in values.items():
        if key == "dimension":
            value = dimension(value)
            if is_integer(value):
                bound = min(arch.ambient_dimension, arch.num_parameters)
                if value > bound:
                    raise InputError(f"dimension: {value} exceeds the dimension {bound} of the space of "
                                     + ("end-to-end filters" if bound == arch.ambient_dimension else "parameters")
                                     + f" of {short(str(arch), 40)}")
            elif value is not None:
                _same_architecture(value, arch, "dimension", "DimensionResult")
                if number:
                    value = int(value.value)
        elif key == "equations":
            form = "None" + (", True, False" if flags else "") + \
                " or the ImplicitEquations of this architecture (implicit_equations(...))"
            if value is None or (flags and isinstance(value, bool)):
                pass
            elif isinstance(value, type) or not all(hasattr(value, a) for a in ("polynomials", "equations",
                                                                                 "complete_up_to_degree")):
                raise InputError(f"equations: expected {form}, got {type(value).__name__}")
            else:
                _same_architecture(value, arch, "equations", "ImplicitEquations")
        elif key == "closedness":
            if value is not None:
                if isinstance(value, type) or not (hasattr(value, "closed") and hasattr(value, "evidence")):
                    raise InputError("closedness: expected None or the ClosednessResult of this architecture "
                                     f"(is_zariski_closed(...)), got {type(value).__name__}")
                _same_architecture(value, arch, "closedness", "ClosednessResult")
        elif key == "parameterization":
            if value is not None:
                if isinstance(value, type) or not hasattr(value, "ambient_dimension") \
                        or getattr(value, "architecture", None) is None:
                    raise InputError("parameterization: expected None or the parameterization of this "
                                     f"architecture (lcnalg.parameterize(...)), got {type(value).__name__}")
                if str(value.architecture) != str(arch):
                    raise InputError(f"parameterization: made for the architecture "
                                     f"{short(str(value.architecture), 40)!r}, not for {short(str(arch), 40)!r}; "
                                     "give the parameterization of this architecture or None")
        else:
            check(False, f"handed_down: no check for the argument {key!r}")
        out.append(value)
    return tuple(out)


#: The validator of each parameter name checked by :func:`arguments`.
VALIDATORS: dict[str, Callable[[Any], Any]] = {
    "seed": seed,
    "jobs": jobs,
    "executor": executor,
    "certify": lambda v: flag(v, "certify"),
    "progress": lambda v: flag(v, "progress"),
    "randomized": lambda v: flag(v, "randomized", none=False),
    "modulus": modulus,
    "max_degree": lambda v: None if v is None else positive_int(v, "max_degree"),
    "trials": lambda v: positive_int(v, "trials"),
    "dimension": dimension,
    "mu": parameterization,
}


def arguments(**values: Any) -> tuple:
    """Check keyword arguments by their names (the table :data:`VALIDATORS`) and return their
    normal forms, in the order given: one line at the top of a public function.

    Examples
    --------
    >>> arguments(jobs=1, max_degree=None)
    (1, None)
    >>> arguments(executor="x", jobs=1)
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: executor: expected None or a concurrent.futures.Executor, got 'x'
    """
    out = []
    for key, value in values.items():
        validate = VALIDATORS.get(key)
        check(validate is not None, f"no validator for the argument {key!r}")
        out.append(validate(value))
    return tuple(out)
