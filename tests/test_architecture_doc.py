"""docs/architecture.md names every module folder of every service in that service's section,
and no folder that is gone."""

from __future__ import annotations

import re

import pytest

from kopmod_shared.testing import REPO_ROOT

SERVICES = ["registry", "financing", "marketplace", "console"]


def _section(text: str, service: str) -> str:
    match = re.search(rf"^## {service}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"docs/architecture.md has no '## {service}' section"
    return match.group(1)


@pytest.mark.parametrize("service", SERVICES)
def test_each_module_folder_is_described(service: str) -> None:
    section = _section((REPO_ROOT / "docs" / "architecture.md").read_text(), service)
    src = REPO_ROOT / "services" / service / "src" / service
    folders = {p.name for p in src.iterdir() if (p / "__init__.py").exists()}
    named = set(re.findall(r"^\| `([a-z_]+)/", section, re.M))
    assert folders - named == set(), f"{service}: module folders missing from the doc"
    assert named - folders == set(), f"{service}: the doc names folders that do not exist"
