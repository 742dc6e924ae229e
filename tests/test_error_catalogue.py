"""docs/errors.md has an entry for every problem ``type`` the code can answer.

The slugs are read from the source (every class assigning ``slug``), so a new problem class in any
service fails this test until the catalogue explains it; each entry states the status the class
answers, what it means, a typical cause and what to do.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

from kopmod_shared.errors import ProblemError
from kopmod_shared.testing import REPO_ROOT

CATALOGUE = REPO_ROOT / "docs" / "errors.md"
SOURCES = [REPO_ROOT / "shared" / "src", *(REPO_ROOT / "services").glob("*/src")]


def slugs_in_source(roots: list[Path], base: Path = REPO_ROOT) -> dict[str, str]:
    """``slug -> file`` for every class body assigning ``slug`` (alone or in a tuple)."""
    found: dict[str, str] = {}
    for root in roots:
        for path in root.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.ClassDef):
                    continue
                for stmt in node.body:
                    for target, value in _assignments(stmt):
                        if target == "slug" and isinstance(value, ast.Constant):
                            found[str(value.value)] = str(path.relative_to(base))
    return found


def _assignments(stmt: ast.stmt) -> list[tuple[str, ast.expr]]:
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value:
        return [(stmt.target.id, stmt.value)]
    if not isinstance(stmt, ast.Assign):
        return []
    out = []
    for target in stmt.targets:
        if isinstance(target, ast.Name):
            out.append((target.id, stmt.value))
        elif isinstance(target, ast.Tuple) and isinstance(stmt.value, ast.Tuple):
            out += [
                (t.id, v)
                for t, v in zip(target.elts, stmt.value.elts, strict=False)
                if isinstance(t, ast.Name)
            ]
    return out


def catalogue_entries(text: str) -> dict[str, str]:
    """``slug -> entry text`` for every ``### `slug``` heading."""
    parts = re.split(r"^### `([a-z0-9-]+)`\s*$", text, flags=re.M)
    return {parts[i]: parts[i + 1].split("\n## ")[0] for i in range(1, len(parts), 2)}


def missing(source: dict[str, str], entries: dict[str, str]) -> list[str]:
    return sorted(f"{slug} ({where})" for slug, where in source.items() if slug not in entries)


def test_every_problem_type_in_the_code_has_a_catalogue_entry() -> None:
    source = slugs_in_source(SOURCES)
    assert len(source) >= 30  # the scan sees the services, not only the shared library
    assert missing(source, catalogue_entries(CATALOGUE.read_text())) == []


def test_every_entry_says_status_meaning_cause_and_what_to_do() -> None:
    for slug, entry in catalogue_entries(CATALOGUE.read_text()).items():
        for label in ("**Status:**", "**Meaning:**", "**Typical cause:**", "**What to do:**"):
            assert label in entry, f"{slug}: {label}"


def test_each_entry_states_the_status_its_class_answers() -> None:
    for package in ("kopmod_shared", "registry", "financing", "marketplace"):
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            importlib.import_module(info.name)
    entries = catalogue_entries(CATALOGUE.read_text())
    classes = [ProblemError]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        status = re.search(r"\*\*Status:\*\* (\d{3})", entries[cls.slug])
        assert status is not None and int(status.group(1)) == cls.status, cls.slug


def test_the_check_fails_on_a_type_the_catalogue_lacks(tmp_path: Path) -> None:
    (tmp_path / "errors.py").write_text(
        "class Late(Conflict):\n    slug, title = 'payment-late', 'Late'\n"
        "class Other(Conflict):\n    slug: ClassVar[str] = 'other-thing'\n"
    )
    entries = catalogue_entries("# x\n\n### `payment-late`\n- **Status:** 409\n")
    assert missing(slugs_in_source([tmp_path], tmp_path), entries) == ["other-thing (errors.py)"]
