"""The partner SDK: ``sdk/src/kopmod_sdk/<service>``, generated from ``openapi/<service>.json``.

The generator is ``openapi-python-client`` (a dev dependency, pinned by ``uv.lock``), run with
``--meta none`` so each service becomes a subpackage of the one ``kopmod-sdk`` distribution. Every
operation of the documents gets a function (``tests/partner/test_sdk_e2e.py`` checks it).
``kopmod openapi`` regenerates it; ``kopmod openapi --check`` regenerates into a temporary folder
and fails when the committed SDK differs (CI runs it), so the SDK cannot drift from the documents.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from kopmod_cli.services import REPO_ROOT

SDK_ROOT = REPO_ROOT / "sdk" / "src" / "kopmod_sdk"


class GeneratorFailed(RuntimeError):
    pass


def _generate(name: str, out: Path) -> None:
    """Generate the client for ``openapi/<name>.json`` into ``out`` (which must not exist)."""
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.yaml"
        # No post hooks: formatting would depend on the ruff found on PATH, and the output must
        # be byte-identical wherever it is generated.
        # A body the generator has no model for (the registry's CSV import) is sent as the
        # file's bytes: `File(payload=...)` with `Content-Type: text/csv`. (NDJSON uploads, the
        # import's other format, have no typed function: the generator takes one body type.)
        config.write_text(
            f"package_name_override: {name}\npost_hooks: []\n"
            "content_type_overrides:\n  text/csv: application/octet-stream\n"
        )
        result = subprocess.run(  # noqa: S603 - fixed argv, our own interpreter
            [
                sys.executable,
                "-m",
                "openapi_python_client",
                "generate",
                "--path",
                str(REPO_ROOT / "openapi" / f"{name}.json"),
                "--meta",
                "none",
                "--output-path",
                str(out),
                "--config",
                str(config),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0 or not (out / "client.py").is_file():
        raise GeneratorFailed(f"openapi-python-client failed for {name}:\n{result.stdout}")


def _tree(root: Path) -> dict[str, Path]:
    return {
        str(p.relative_to(root)): p
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def differs(a: Path, b: Path) -> bool:
    ta, tb = _tree(a), _tree(b)
    if ta.keys() != tb.keys():
        return True
    return any(not filecmp.cmp(ta[k], tb[k], shallow=False) for k in ta)


def export(names: list[str]) -> list[str]:
    written = []
    for name in names:
        target = SDK_ROOT / name
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / name
            _generate(name, fresh)
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(fresh, target)
        written.append(str(target.relative_to(REPO_ROOT)))
    return written


def stale(names: list[str]) -> list[str]:
    out = []
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / name
            _generate(name, fresh)
            target = SDK_ROOT / name
            if not target.exists() or differs(fresh, target):
                out.append(name)
    return out
