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
