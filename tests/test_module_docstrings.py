"""Every source module of the platform opens with a docstring saying what it is and owns, in the
domain's words: a reader opening a file learns what it holds before reading code. A docstring
names the thing, not the issue that asked for it (issue numbers go stale; the thing does not).
An empty ``__init__.py`` may stay empty."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from kopmod_shared.testing import REPO_ROOT

SOURCE_ROOTS = [
    "shared/src",
    "cli/src",
    "services/registry/src",
    "services/financing/src",
    "services/marketplace/src",
]

# "issue 18", "issue #18", "Issue 16's": a docstring describing the request, not the thing.
ISSUE_REFERENCE = re.compile(r"\bissues?\s*#?\d+", re.IGNORECASE)


def _problems(paths: list[Path], root: Path) -> dict[str, str]:
    problems = {}
    for path in paths:
        source = path.read_text()
        name = path.relative_to(root).as_posix()
        if path.name == "__init__.py" and not source.strip():
            continue
        docstring = ast.get_docstring(ast.parse(source, filename=name))
        if not docstring or not docstring.strip():
            problems[name] = "no module docstring"
        elif match := ISSUE_REFERENCE.search(docstring):
            problems[name] = f"the docstring names an issue ({match.group(0)!r}), not the thing"
    return problems


def _source_files() -> list[Path]:
    return [
        path
        for root in SOURCE_ROOTS
        for path in sorted((REPO_ROOT / root).rglob("*.py"))
        if "migrations" not in path.relative_to(REPO_ROOT).parts
    ]


def test_every_source_module_says_what_it_is() -> None:
    files = _source_files()
    assert len(files) > 100, "the source roots moved: this test reads nothing"
    problems = _problems(files, REPO_ROOT)
    assert not problems, (
        "source modules need a short docstring saying what they are and own, in the domain's "
        f"words: {problems}"
    )


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    files = {
        "good.py": '"""Loan accounts and their money events."""\nX = 1\n',
        "bare.py": "from __future__ import annotations\n\nX = 1\n",
        "blank.py": '""" """\nX = 1\n',
        "history.py": '"""Split out of servicing for issue #18."""\n',
        "pkg/__init__.py": "",
        "other/__init__.py": "X = 1\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    problems = _problems(sorted(tmp_path.rglob("*.py")), tmp_path)
    assert problems == {
        "bare.py": "no module docstring",
        "blank.py": "no module docstring",
        "history.py": "the docstring names an issue ('issue #18'), not the thing",
        "other/__init__.py": "no module docstring",
    }
