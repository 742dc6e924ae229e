"""The three services as the console calls them: the shared typed clients, each sending the
signed-in person's access token (never a console credential: the services decide what a person
may see and do, and four eyes compares persons). Tokens stay on the server.
"""

from __future__ import annotations

from typing import Any

import httpx

from console.errors import PageNotFound
from console.sessions import Person
from console.settings import ConsoleSettings
from kopmod_shared.clients import FinancingClient, MarketplaceClient, RegistryClient
from kopmod_shared.clients.base import ServiceClient, problem_of
from kopmod_shared.errors import Forbidden, NotFound, UpstreamUnavailable


class PersonToken:
    """A token source that is the person's access token (refreshed by the session, not here)."""

    def __init__(self, person: Person) -> None:
        self.person = person

    async def token(self) -> str:
        return self.person.access_token

    def invalidate(self) -> None:
        """Nothing to do: the session refreshes the token before it ends."""


class Api:
    def __init__(self, settings: ConsoleSettings, http: httpx.AsyncClient, person: Person):
        token = PersonToken(person)
        common: dict[str, Any] = {
            "credentials": token,
            "timeout": settings.outgoing_timeout_seconds,
            "attempts": settings.outgoing_retries,
        }
        self.person = person
        self.registry = RegistryClient(str(settings.registry_url), http, **common)
        self.financing = FinancingClient(str(settings.financing_url), http, **common)
        self.marketplace = MarketplaceClient(str(settings.marketplace_url), http, **common)

    def client(self, service: str) -> ServiceClient:
        return {
            "registry": self.registry,
            "financing": self.financing,
            "marketplace": self.marketplace,
        }[service]

    async def get(self, service: str, path: str, **params: Any) -> Any:
        """GET a JSON document; a 404 or 403 from the service becomes the console's 404 page."""
        try:
            resp = await self.client(service).request(
                "GET", path, params={k: v for k, v in params.items() if v is not None} or None
            )
        except (NotFound, Forbidden) as exc:
            raise PageNotFound from exc
        return resp.json()

    async def all(self, service: str, path: str, **params: Any) -> list[Any]:
        """Every item of a list (every list is a page: ``items``, ``next_cursor``), following
        the cursor 100 at a time; a 404 or 403 becomes the console's 404 page."""
        out: list[Any] = []
        cursor = None
        while True:
            page = await self.get(service, path, **params, limit=100, cursor=cursor)
            out.extend(page["items"])
            cursor = page.get("next_cursor")
            if not cursor:
                return out

    async def post(
        self,
        service: str,
        path: str,
        body: Any,
        *,
        idempotency_key: str | None = None,
        method: str = "POST",
    ) -> Any:
        """POST (or PATCH) a command; errors are the services' problems, for the page to show."""
        resp = await self.client(service).request(
            method, path, json=body, idempotency_key=idempotency_key
        )
        return resp.json() if resp.content else None

    async def download(self, service: str, path: str, **params: Any) -> httpx.Response:
        """A file the service answers (CSV, PDF), passed on as it is."""
        try:
            return await self.client(service).request(
                "GET", path, params={k: v for k, v in params.items() if v is not None} or None
            )
        except (NotFound, Forbidden) as exc:
            raise PageNotFound from exc

    async def upload(
        self,
        service: str,
        path: str,
        *,
        fields: dict[str, str],
        file: tuple[str, bytes, str],
        idempotency_key: str,
    ) -> Any:
        """A multipart upload (the shared clients send JSON only); problems as for ``post``."""
        client = self.client(service)
        headers = {
            "Authorization": f"Bearer {self.person.access_token}",
            "Idempotency-Key": idempotency_key,
            "Accept": "application/json",
        }
        try:
            resp = await client.http.post(
                client.base_url + path,
                data=fields,
                files={"file": file},
                headers=headers,
                timeout=max(client.timeout, 30.0),
            )
        except httpx.HTTPError as exc:
            raise UpstreamUnavailable(f"{service} unreachable", upstream=service) from exc
        if resp.status_code >= 400:
            raise problem_of(resp)
        return resp.json()
