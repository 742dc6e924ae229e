"""Export the OpenAPI documents to ``openapi/<service>.json`` and check they are current."""

from __future__ import annotations

import json
import logging

from kopmod_cli.services import REPO_ROOT, SERVICES


def render(name: str) -> str:
    logging.disable(logging.WARNING)  # the ephemeral-key warning is noise here
    try:
        app = SERVICES[name].create_app(environment="development", log_json=False)
    finally:
        logging.disable(logging.NOTSET)
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export(names: list[str]) -> list[str]:
    out = REPO_ROOT / "openapi"
    out.mkdir(exist_ok=True)
    written = []
    for name in names:
        path = out / f"{name}.json"
        path.write_text(render(name))
        written.append(str(path.relative_to(REPO_ROOT)))
    return written


def stale(names: list[str]) -> list[str]:
    out = []
    for name in names:
        path = REPO_ROOT / "openapi" / f"{name}.json"
        if not path.exists() or path.read_text() != render(name):
            out.append(name)
    return out
