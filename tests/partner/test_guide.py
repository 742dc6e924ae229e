"""Every request in docs/guide/ runs, in order, against the three services as processes.

The guide's pages are read in file-name order. Each fenced ```http block is one request:

    METHOD {service}/path
    Header: value
    (blank line)
    body

``{name}`` is replaced by a value from earlier steps (or the few the runner provides: the service
URLs, dates relative to today, the admin's Basic credentials); an unknown name fails the test.
The HTML comment after a block says what to check and keep:
``<!-- status 201; save coop=id; until status=desk_review; equals items.0.kind=flat -->``.
```bash blocks (curl) run in a shell with the same values. The webhook page's verifiers, in Python
and in the shell with openssl (the bash block marked ``<!-- verifier -->``), are executed and must
accept a genuinely signed delivery and refuse a tampered or stale one. So the guide cannot drift.
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from standardwebhooks import Webhook

from kopmod_shared.testing import REPO_ROOT

from .conftest import Platform

pytestmark = pytest.mark.e2e

GUIDE = REPO_ROOT / "docs" / "guide"
BLOCK = re.compile(r"```(http|bash|python)\n(.*?)```\s*(?:<!--(.*?)-->)?", re.S)
NAME = re.compile(r"\{([a-z][a-z0-9_]*)\}")


@dataclass
class Step:
    page: str
    kind: str
    text: str
    checks: str


@dataclass
class Runner:
    values: dict[str, str]
    log: list[str] = field(default_factory=list)

    def fill(self, text: str, where: str) -> str:
        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            assert name in self.values, f"{where}: {{{name}}} is not defined before this step"
            return self.values[name]

        return NAME.sub(one, text)


def steps() -> list[Step]:
    out = []
    for page in sorted(GUIDE.glob("*.md")):
        for kind, text, checks in BLOCK.findall(page.read_text()):
            out.append(Step(page.name, kind, text, (checks or "").strip()))
    return out


def dig(body: Any, path: str) -> Any:
    for part in path.split("."):
        body = body[int(part)] if isinstance(body, list) else body[part]
    return body


def parse_checks(checks: str) -> list[tuple[str, str]]:
    out = []
    for item in filter(None, (c.strip() for c in checks.split(";"))):
        verb, _, arg = item.partition(" ")
        out.append((verb, arg.strip()))
    return out


def run_http(http: httpx.Client, runner: Runner, step: Step) -> None:
    where = f"{step.page}: {step.text.splitlines()[0]}"
    head, _, body = runner.fill(step.text, where).partition("\n\n")
    request_line, *header_lines = head.strip().splitlines()
    method, url = request_line.split(" ", 1)
    headers = dict(line.split(": ", 1) for line in header_lines)
    content = body.strip().encode() if body.strip() else None
    checks = parse_checks(step.checks)
    expected = next((int(a) for v, a in checks if v == "status"), None)
    until = [a for v, a in checks if v == "until"]
    deadline = time.monotonic() + 90
    while True:
        resp = http.request(method, url, headers=headers, content=content)
        answer = (
            resp.json() if resp.content and "json" in resp.headers.get("content-type", "") else None
        )
        if not until or all(str(dig(answer, a.split("=")[0])) == a.split("=", 1)[1] for a in until):
            break
        assert time.monotonic() < deadline, f"{where}: never {until}: {resp.text[:300]}"
        time.sleep(0.5)
    if expected is None:
        assert resp.is_success, f"{where}: {resp.status_code} {resp.text[:500]}"
    else:
        assert resp.status_code == expected, f"{where}: {resp.status_code} {resp.text[:500]}"
    for verb, arg in checks:
        if verb == "save":
            for pair in arg.split(","):
                name, path = (p.strip() for p in pair.split("="))
                runner.values[name] = str(dig(answer, path))
        elif verb == "equals":
            path, value = arg.split("=", 1)
            assert str(dig(answer, path)) == value, f"{where}: {path} is {dig(answer, path)}"
        elif verb == "header":
            name, value = arg.split("=", 1)
            assert resp.headers.get(name) == value, f"{where}: {name} {resp.headers.get(name)}"
    runner.log.append(f"{method} {url} -> {resp.status_code}")


def run_bash(runner: Runner, step: Step) -> None:
    where = f"{step.page}: bash"
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", runner.fill(step.text, where)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, f"{where}: {result.stderr}"
    for verb, arg in parse_checks(step.checks):
        if verb == "save":
            for pair in arg.split(","):
                name, path = (p.strip() for p in pair.split("="))
                runner.values[name] = str(dig(json.loads(result.stdout), path))


def run_python(step: Step) -> None:
    """The webhook page's receiver code: it must accept a delivery signed the way every kopmod
    service signs (Standard Webhooks) and refuse one whose body was changed."""
    scope: dict[str, Any] = {}
    exec(compile(step.text, f"{step.page} python", "exec"), scope)
    verify = scope["verify_delivery"]
    secret = "whsec_" + base64.b64encode(b"k" * 32).decode()
    body = json.dumps({"type": "cooperative.registered", "data": {"id": "x"}}).encode()
    signed_at = __import__("datetime").datetime.now(__import__("datetime").UTC)
    signature = Webhook(secret).sign("msg_1", signed_at, body.decode())
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(int(signed_at.timestamp())),
        "webhook-signature": signature,
    }
    assert verify(secret, headers, body)["type"] == "cooperative.registered"
    with pytest.raises(Exception):  # noqa: B017 - any refusal the library raises
        verify(secret, headers, body.replace(b'"x"', b'"y"'))


def _signed(body: bytes, *, age_seconds: int = 0) -> tuple[str, dict[str, str]]:
    """A secret and the Standard Webhooks headers a kopmod service sends with ``body``."""
    secret = "whsec_" + base64.b64encode(b"k" * 32).decode()
    signed_at = datetime.now(UTC) - timedelta(seconds=age_seconds)
    headers = {
        "webhook-id": "msg_2mXq7",
        "webhook-timestamp": str(int(signed_at.timestamp())),
        # The old secret's signature first, as during a rotation: any one valid suffices.
        "webhook-signature": "v1,bm90LXRoaXMtb25l "
        + Webhook(secret).sign("msg_2mXq7", signed_at, body.decode()),
    }
    return secret, headers


def run_shell_verifier(step: Step, tmp: Path) -> None:
    """The webhook page's openssl verifier: genuine accepted; tampered, stale, unsigned refused."""
    body = json.dumps({"type": "financing.loan.disbursed", "data": {"amount": "1.00"}}).encode()

    def verdict(secret: str, headers: dict[str, str], sent: bytes) -> int:
        (tmp / "body.json").write_bytes(sent)
        script = f'{step.text}\nverify_delivery "$1" "$2" "$3" "$4" "$5"\n'
        args = [headers[h] for h in ("webhook-id", "webhook-timestamp", "webhook-signature")]
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script, "verify", secret, *args, "body.json"],
            cwd=tmp,
            capture_output=True,
            timeout=30,
            check=False,
        )
        return done.returncode

    secret, headers = _signed(body)
    assert verdict(secret, headers, body) == 0
    assert verdict(secret, headers, body.replace(b"1.00", b"9.00")) != 0
    assert verdict(secret, {**headers, "webhook-id": "msg_other"}, body) != 0
    assert verdict(secret, {**headers, "webhook-signature": "v1,bm90LXRoaXMtb25l"}, body) != 0
    stale_secret, stale = _signed(body, age_seconds=600)
    assert verdict(stale_secret, stale, body) != 0


def test_the_shell_verifier_accepts_genuine_deliveries_only(tmp_path: Path) -> None:
    [step] = [s for s in steps() if s.kind == "bash" and s.checks == "verifier"]
    run_shell_verifier(step, tmp_path)


def test_the_guide_pages_exist_and_every_block_is_checked() -> None:
    pages = sorted(p.name for p in GUIDE.glob("*.md"))
    assert len(pages) >= 6, pages
    found = steps()
    assert sum(s.kind == "http" for s in found) >= 40
    assert any(s.kind == "python" for s in found) and any(s.kind == "bash" for s in found)
    # A fence with another language would silently escape the test.
    for page in GUIDE.glob("*.md"):
        fences = re.findall(r"^```(\w*)", page.read_text(), re.M)
        assert set(fences) <= {"http", "bash", "python", "json", ""}, (page.name, fences)


def test_every_request_in_the_guide_runs(platform: Platform, tmp_path: Path) -> None:
    today = date.today()
    creds = platform.creds
    basic = base64.b64encode(f"{creds.admin_client_id}:{creds.admin_client_secret}".encode())
    runner = Runner(
        values={
            **platform.urls,
            "admin_basic": basic.decode(),
            "today": today.isoformat(),
            "this_year": str(today.year),
            "last_year": str(today.year - 1),
            "year_before_last": str(today.year - 2),
            "three_years_ago": str(today.year - 3),
            **{
                f"in_{d}_days": (today + timedelta(days=d)).isoformat()
                for d in (5, 10, 30, 90, 120)
            },
        }
    )
    with httpx.Client(timeout=30) as http:
        for step in steps():
            if step.kind == "http":
                run_http(http, runner, step)
            elif step.kind == "bash" and step.checks == "verifier":
                run_shell_verifier(step, tmp_path)
            elif step.kind == "bash":
                run_bash(runner, step)
            elif step.kind == "python":
                run_python(step)
    assert len(runner.log) >= 40
