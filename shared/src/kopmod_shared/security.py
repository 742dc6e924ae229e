"""Response headers every service sends (OWASP secure headers), in one ASGI middleware.

- ``X-Content-Type-Options: nosniff`` on every response: a browser never guesses a type.
- ``Cache-Control: no-store`` on every response to a request that carried credentials
  (``Authorization``): what an authenticated caller reads (and every secret the platform hands
  out: new client secrets, rotated secrets, webhook signing secrets, tokens) must not sit in a
  proxy or browser cache. It replaces whatever the route set.
- ``Strict-Transport-Security`` in production, where the services are reached over https only.

The ``server`` header is uvicorn's, added below the application: every place that starts
uvicorn passes ``server_header=False`` (``--no-server-header``) instead.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, hsts_max_age: int | None = None) -> None:
        self.app = app
        self.hsts = (
            f"max-age={hsts_max_age}; includeSubDomains" if hsts_max_age is not None else None
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        authenticated = any(name == b"authorization" for name, _ in scope.get("headers", ()))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                if authenticated:
                    headers["Cache-Control"] = "no-store"
                if self.hsts is not None:
                    headers["Strict-Transport-Security"] = self.hsts
            await send(message)

        await self.app(scope, receive, send_with_headers)
