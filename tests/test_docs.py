"""The documentation inside the project: cited anchors exist, no external notes are cited."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THEORY = ROOT / "docs" / "theory.md"
ANCHOR = re.compile(r'^<a id="([a-z0-9]+(?:-[a-z0-9]+)*)"></a>\s*$')
CITED = re.compile(r"(?:docs/)?theory\.md#([A-Za-z0-9_-]+)")
# the names are assembled so that this file does not mention them itself
FORBIDDEN = re.compile(r"\b(" + "MATH" + "|" + "DESIGN" + r")\.md\b")
SKIP = {"__pycache__", ".git", ".pytest_cache", ".hypothesis", "build", "dist", ".venv",
        "_build", "generated"}  # docs/_build, docs/generated: the built documentation


def _files(*names: str):
    for name in names:
        path = ROOT / name
        if path.is_file():
            yield path
        elif path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not SKIP & set(f.relative_to(ROOT).parts) and ".egg-info" not in str(f):
                    yield f


def _lines(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return []
    return text.splitlines()


def _anchors() -> list[str]:
    return [m.group(1) for line in _lines(THEORY) if (m := ANCHOR.match(line))]


def test_theory_anchors_are_unique_and_each_precedes_a_heading():
    lines = _lines(THEORY)
    anchors = _anchors()
    assert anchors, "docs/theory.md defines no anchor"
    assert len(anchors) == len(set(anchors)), sorted(a for a in anchors if anchors.count(a) > 1)
    for i, line in enumerate(lines):
        if ANCHOR.match(line):
            following = lines[i + 1] if i + 1 < len(lines) else ""
            assert following.startswith("#") or following.startswith("**"), (i + 1, line, following)


def test_cited_theory_anchors_exist():
    anchors = set(_anchors())
    missing = []
    for path in _files("lcnalg", "tests", "benchmarks", "docs", "README.md"):
        for n, line in enumerate(_lines(path), 1):
            for anchor in CITED.findall(line):
                if anchor not in anchors:
                    missing.append(f"{path.relative_to(ROOT)}:{n}: #{anchor}")
    assert not missing, "\n".join(missing)


def test_internal_links_of_theory_resolve():
    anchors = set(_anchors())
    links = set(re.findall(r"\]\(#([A-Za-z0-9_-]+)\)", THEORY.read_text(encoding="utf-8")))
    assert links <= anchors, sorted(links - anchors)


def test_no_file_cites_notes_outside_the_project():
    found = []
    for path in _files("lcnalg", "tests", "benchmarks", "docs", ".ci", "README.md", "pyproject.toml",
                       "CITATION.cff", "conftest.py"):
        for n, line in enumerate(_lines(path), 1):
            if FORBIDDEN.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not found, "\n".join(found)


#: Control characters a backslash escape turns into when LaTeX is written through a string that is
#: not raw: ``\t`` (``\theta``, ``\text``), ``\b`` (``\bigcup``), ``\v`` (``\varphi``), ``\f``
#: (``\frac``), ``\a`` (``\alpha``), ``\r`` (``\rho``); none belongs in a text file of the project
#: (no tabs either).
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f]")
#: ``\ne`` written the same way becomes a line break followed by ``e`` inside inline math.
BROKEN_NE = re.compile(r"^\s*e0?\$")


def test_text_files_hold_no_control_characters():
    found = []
    for path in _files("lcnalg", "tests", "benchmarks", "docs", "README.md", "pyproject.toml", "CITATION.cff"):
        if path.suffix not in {".py", ".md", ".rst", ".txt", ".toml", ".cff", ".json", ".ipynb"}:
            continue
        try:   # split at line feeds only: splitlines() would also split at \v, \f and \r
            lines = path.read_text(encoding="utf-8").split("\n")
        except UnicodeDecodeError:
            continue
        for n, line in enumerate(lines, 1):
            if CONTROL.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:80]!r}")
            elif (path.suffix == ".md" and n > 1 and BROKEN_NE.match(line)
                  and lines[n - 2].replace("$$", "").count("$") % 2):
                found.append(f"{path.relative_to(ROOT)}:{n}: a line break inside inline math ({line.strip()[:40]!r})")
    assert not found, "\n".join(found)
