"""The base of every typed client: timeouts, safe retries, tokens, request ids, problem mapping.

Retries (stamina, exponential back-off with jitter) happen only where repeating cannot double an
effect: on connection failures before the request was sent, and on 502/503/504 for GET/HEAD or
for a POST that carries an ``Idempotency-Key``. A problem+json answer becomes the same
:class:`~kopmod_shared.errors.ProblemError` subclass the other service raised.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Mapping
from typing import Any, Protocol, TypeVar

import httpx
import stamina
from asgi_correlation_id import correlation_id
from pydantic import BaseModel

from kopmod_shared.errors import (
    FieldError,
    ProblemError,
    UpstreamError,
    UpstreamUnavailable,
    problem_class_for,
)
from kopmod_shared.observability import REQUEST_ID_HEADER

M = TypeVar("M", bound=BaseModel)

RETRY_STATUSES = frozenset({502, 503, 504})
_CONNECT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class _RetryableStatus(Exception):
    def __init__(self, response: httpx.Response) -> None:
        self.response = response


class TokenSource(Protocol):
    """Where a client's bearer tokens come from (client credentials, or an issuer's own)."""

    async def token(self) -> str: ...

    def invalidate(self) -> None: ...


class ClientCredentials:
    """OAuth2 client-credentials token source, cached until shortly before expiry."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        token_url: str,
        client_id: str,
        client_secret: str,
        audience: str | None = None,
        scope: str | None = None,
    ) -> None:
        self.http = http
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.audience = audience
        self.scope = scope
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def token(self) -> str:
        if self._token and time.monotonic() < self._expires_at - 30:
            return self._token
        async with self._lock:
            if self._token and time.monotonic() < self._expires_at - 30:
                return self._token
            form = {"grant_type": "client_credentials"}
            if self.audience:
                form["audience"] = self.audience
            if self.scope:
                form["scope"] = self.scope
            try:
                resp = await self.http.post(
                    self.token_url, data=form, auth=(self.client_id, self.client_secret)
                )
            except httpx.HTTPError as exc:
                raise UpstreamUnavailable("token issuer unreachable") from exc
            if resp.status_code != 200:
                raise _to_problem(resp)
            body = resp.json()
            self._token = body["access_token"]
            self._expires_at = time.monotonic() + float(body.get("expires_in", 300))
            return self._token

    def invalidate(self) -> None:
        self._token = None


def _to_problem(resp: httpx.Response) -> ProblemError:
    body: dict[str, Any] = {}
    ctype = resp.headers.get("content-type", "")
    if ctype.startswith(("application/problem+json", "application/json")):
        try:
            parsed = resp.json()
            body = parsed if isinstance(parsed, dict) else {}
        except ValueError:
            body = {}
    detail = body.get("detail")
    if resp.status_code >= 500:
        # Another service's failure is not ours to re-label: it is an upstream problem here.
        upstream_cls = UpstreamUnavailable if resp.status_code in RETRY_STATUSES else UpstreamError
        return upstream_cls(
            f"upstream answered {resp.status_code}" + (f": {detail}" if detail else ""),
            upstream_status=resp.status_code,
        )
    cls = problem_class_for(body.get("type"), resp.status_code)
    extra = {k: v for k, v in body.items() if k not in _PROBLEM_MEMBERS}
    errors = [FieldError.model_validate(e) for e in body.get("errors") or [] if isinstance(e, dict)]
    # Bypass subclass constructors (e.g. InvalidTransition's): rebuild from the wire members.
    exc = cls.__new__(cls)
    ProblemError.__init__(exc, detail, errors=errors or None, **extra)
    exc.extra["upstream_status"] = resp.status_code
    return exc


def problem_of(resp: httpx.Response) -> ProblemError:
    """The problem an error answer carries, as the exception the service raised (for callers
    that send what the typed clients do not, e.g. the console's multipart uploads)."""
    return _to_problem(resp)


_PROBLEM_MEMBERS = frozenset({"type", "title", "status", "detail", "instance", "errors"})


class ServiceClient:
    service = "service"

    def __init__(
        self,
        base_url: str,
        http: httpx.AsyncClient,
        *,
        credentials: TokenSource | None = None,
        timeout: float = 5.0,
        attempts: int = 3,
    ) -> None:
        self.base_url = str(base_url).rstrip("/")
        self.http = http
        self.credentials = credentials
        self.timeout = timeout
        self.attempts = attempts

    async def _headers(self, idempotency_key: str | None) -> dict[str, str]:
        headers: dict[str, str] = {"Accept": "application/json"}
        rid = correlation_id.get()
        if rid:
            headers[REQUEST_ID_HEADER] = rid
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        if self.credentials is not None:
            headers["Authorization"] = f"Bearer {await self.credentials.token()}"
        return headers

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
        content: bytes | None = None,
        content_type: str | None = None,
    ) -> httpx.Response:
        """``json`` for a JSON body, or ``content`` with its ``content_type`` for a file sent
        as the body (a CSV upload)."""
        method = method.upper()
        safe = method in {"GET", "HEAD"} or idempotency_key is not None
        retry_on: tuple[type[Exception], ...] = (
            (*_CONNECT_ERRORS, httpx.ReadTimeout, httpx.RemoteProtocolError, _RetryableStatus)
            if safe
            else _CONNECT_ERRORS
        )
        url = self.base_url + path
        try:
            async for attempt in stamina.retry_context(
                on=retry_on, attempts=self.attempts, wait_initial=0.1, wait_max=2.0, timeout=None
            ):
                with attempt:
                    headers = await self._headers(idempotency_key)
                    if content_type is not None:
                        headers["Content-Type"] = content_type
                    resp = await self.http.request(
                        method,
                        url,
                        json=json,
                        content=content,
                        params=params,
                        headers=headers,
                        timeout=self.timeout,
                    )
                    if resp.status_code == 401 and self.credentials is not None:
                        self.credentials.invalidate()
                    if safe and resp.status_code in RETRY_STATUSES:
                        raise _RetryableStatus(resp)
        except _RetryableStatus as exc:
            raise UpstreamUnavailable(
                f"{self.service} answered {exc.response.status_code}", upstream=self.service
            ) from exc
        except httpx.TimeoutException as exc:
            raise UpstreamUnavailable(f"{self.service} timed out", upstream=self.service) from exc
        except httpx.TransportError as exc:
            raise UpstreamUnavailable(f"{self.service} unreachable", upstream=self.service) from exc
        if resp.status_code >= 400:
            raise _to_problem(resp)
        return resp

    async def get_model(self, path: str, model: type[M], **kw: Any) -> M:
        resp = await self.request("GET", path, **kw)
        return model.model_validate_json(resp.content)

    async def items(
        self,
        path: str,
        model: type[M],
        params: Mapping[str, str | int | list[str]] | None = None,
        *,
        limit: int = 100,
    ) -> AsyncIterator[M]:
        """Every item of a list, page by page: every list answers the one Page envelope
        (``items``, ``next_cursor``) and takes ``limit`` and ``cursor``."""
        query: dict[str, str | int | list[str]] = {**(params or {}), "limit": limit}
        while True:
            body = (await self.request("GET", path, params=query)).json()
            for item in body["items"]:
                yield model.model_validate(item)
            if not body.get("next_cursor"):
                return
            query["cursor"] = body["next_cursor"]

    async def post_model(self, path: str, model: type[M], **kw: Any) -> M:
        resp = await self.request("POST", path, **kw)
        return model.model_validate_json(resp.content)
