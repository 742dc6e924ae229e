"""A live registry over real HTTP (uvicorn on a free port), a local SMTP server (aiosmtpd),
and a browser-like client that follows the sign-in pages' forms."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
import secrets
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pyotp
import uvicorn
from aiosmtpd.controller import Controller

from kopmod_shared.testing import free_port
from registry.main import create_app
from registry.settings import RegistrySettings

REDIRECT = "https://console.example/callback"
LOGOUT_REDIRECT = "https://console.example/signed-out"


class Inbox:
    """aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._lock:
            self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    async def wait_for(self, to: str, subject_part: str, count: int = 1) -> Message:
        # Mails leave after the answer (a background task), over SMTP: 30 s at most.
        for _ in range(600):
            found = [
                m
                for m in self.messages
                if m["To"] == to and subject_part.lower() in m["Subject"].lower()
            ]
            if len(found) >= count:
                return found[count - 1]
            await asyncio.sleep(0.05)
        raise AssertionError(
            f"no mail {subject_part!r} to {to}: {[m['Subject'] for m in self.messages]}"
        )


def link_in(message: Message) -> str:
    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    match = re.search(r"https?://\S+token=\S+", body)
    assert match, body
    return match.group(0)


@dataclass
class Live:
    url: str
    app: Any
    inbox: Inbox
    settings: RegistrySettings


@asynccontextmanager
async def live_registry(database_url: str, **overrides: Any) -> AsyncIterator[Live]:
    inbox = Inbox()
    smtp_port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    settings = RegistrySettings(
        database_url=database_url,
        environment="test",
        gc_freeze=False,
        token_issuer=url,
        log_json=False,
        db_pool_size=5,
        relay_enabled=False,
        smtp_host="127.0.0.1",
        smtp_port=smtp_port,
        smtp_starttls=False,
        rate_limit_enabled=False,
        **overrides,
    )
    app = create_app(settings)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    task = asyncio.create_task(server.serve())
    try:
        for _ in range(600):  # bounded: 30 s (the app's start-up on a slow machine)
            if server.started:
                break
            await asyncio.sleep(0.05)
        assert server.started, "uvicorn did not start"
        yield Live(url, app, inbox, settings)
    finally:
        server.should_exit = True
        await task
        controller.stop()


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action"), "fields": {}})
        elif tag == "input" and self.forms and a.get("name"):
            if a.get("type") == "radio" and "checked" not in a:
                return  # a browser sends an unchecked radio group not at all
            self.forms[-1]["fields"][a["name"]] = a.get("value") or ""

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page(html: str) -> _Forms:
    parser = _Forms()
    parser.feed(html)
    return parser


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    return verifier, challenge.decode().rstrip("=")


@dataclass
class Browser:
    """A person's browser: cookies kept, forms submitted as a browser would."""

    http: httpx.AsyncClient
    last: httpx.Response | None = None
    history: list[httpx.Response] = field(default_factory=list)

    async def get(self, url: str, **params: str) -> httpx.Response:
        self.last = await self.http.get(url, params=params or None)
        return self.last

    async def submit(self, **values: str) -> httpx.Response:
        assert self.last is not None
        forms = page(self.last.text).forms
        assert forms, self.last.text
        form = forms[0]
        data = {**form["fields"], **values}
        self.last = await self.http.post(str(self.last.url.join(form["action"])), data=data)
        return self.last


def authorize_params(client_id: str, challenge: str, **extra: str) -> dict[str, str]:
    return {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": REDIRECT,
        "scope": "openid profile email",
        "state": secrets.token_urlsafe(8),
        "nonce": secrets.token_urlsafe(8),
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        **extra,
    }


def code_from(response: httpx.Response, state: str) -> str:
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert location.startswith(REDIRECT + "?"), location
    query = parse_qs(urlsplit(location).query)
    assert query["state"] == [state]
    return query["code"][0]


def next_totp(secret: str, steps_ahead: int = 1) -> str:
    """A code for a later time step than any used so far (each step is accepted once)."""
    import time

    return pyotp.TOTP(secret).at(time.time() + 30 * steps_ahead)


def form_body(**values: str) -> str:
    return urlencode(values)
