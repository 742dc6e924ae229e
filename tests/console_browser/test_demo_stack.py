"""`make run DEMO=1` for a newcomer: `kopmod up --demo` prints the console's URL and a demo
cooperative's sign-in; signed in there (a real browser), the cooperative sees its loan with its
schedule and the proposals waiting for it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser

from kopmod_shared.testing import REPO_ROOT, free_port, fresh_database
from tests.console_browser.conftest import MOBILE, assert_accessible, new_page

# Four processes, the demo data set and a loan made through the API: minutes on a busy machine.
pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]
SERVICES = ("registry", "financing", "marketplace", "console")


def _start(data_dir: Path) -> tuple[subprocess.Popen[str], dict[str, int], list[str]]:
    urls = {
        name: fresh_database(REPO_ROOT / "services" / name, f"kopmod_{name}_demo_up", migrate=False)
        for name in SERVICES
    }
    ports = {name: free_port() for name in SERVICES}
    env = {
        **os.environ,
        "KOPMOD_DATA_DIR": str(data_dir),
        **{f"KOPMOD_{n.upper()}_DATABASE_URL": u for n, u in urls.items()},
        **{f"KOPMOD_{n.upper()}_PORT": str(p) for n, p in ports.items()},
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "kopmod_cli.main", "up", "--demo", "--ready-timeout", "300"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    deadline = time.monotonic() + 600
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        output.append(line)
        if "Ctrl-C stops everything" in line:
            break
    return proc, ports, output


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGINT)
    try:
        rest, _ = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        rest, _ = proc.communicate()
    return rest


async def test_a_newcomer_signs_in_as_the_demo_cooperative(
    browser: Browser, tmp_path: Path
) -> None:
    proc, ports, output = _start(tmp_path)
    try:
        text = "".join(output)
        assert "kopmod is up" in text, text[-3000:]
        console = f"http://127.0.0.1:{ports['console']}"
        assert console in text
        people: list[dict[str, Any]] = json.loads((tmp_path / "demo-people.json").read_text())
        coop = next(p for p in people if p["role"] == "cooperative")
        # The printed sign-in is the stored one, and the demo loan was made for that cooperative.
        assert f"{coop['email']} / {coop['password']}" in text
        words = " ".join(text.split())  # the panel wraps long lines
        assert f"of cooperative {coop['org_id']}" in words, text[-3000:]

        context, page = await new_page(browser, MOBILE)
        try:
            await page.goto(console + "/financing")
            await page.locator("#email").fill(coop["email"])
            await page.locator("#password").fill(coop["password"])
            await page.locator("button[type=submit]").click()
            await page.wait_for_url(console + "/financing")
            await assert_accessible(page)
            loan = page.locator("main a[href^='/financing/loans/']").first
            await loan.click()
            await page.wait_for_url(console + "/financing/loans/**")
            body = await page.locator("main").inner_text()
            assert "Rp150.000.000,00" in body
            # Twelve monthly installments in the schedule's table.
            assert await page.locator("main table tbody tr").count() >= 12
            await assert_accessible(page)

            await page.goto(console + "/market/proposals")
            proposals = page.locator("main a[href^='/market/proposals/']")
            assert await proposals.count() >= 1, await page.locator("main").inner_text()
            await assert_accessible(page)
        finally:
            await context.close()
    finally:
        rest = _stop(proc)
    assert proc.returncode == 0, rest[-2000:]
