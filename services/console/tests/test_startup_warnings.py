"""The console imports without a single warning (Authlib's httpx integration warned at import
that it wants httpx2; the console now sends Authlib's protocol messages on its own httpx)."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_console_warns_nothing() -> None:
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import console.main, console.oidc"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr, done.stderr
