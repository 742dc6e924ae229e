"""Server-rendered pages (sign-in, invitation, password reset): one Jinja environment, CSRF by
double submit, and the stylesheet served from here (no third-party requests)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from registry.people.texts import t

TEMPLATES = Path(__file__).parent / "templates"
CSRF_COOKIE = "kopmod_csrf"
_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
STYLESHEET = (TEMPLATES / "kopmod.css").read_text()

# Pages never cached, never framed, and load nothing but themselves.
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
    "form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def secure_cookies(request: Request) -> bool:
    return request.app.state.settings.token_issuer.startswith("https://")


def csrf_token(request: Request) -> str:
    """The browser's CSRF token: the cookie's when it has one, a new one otherwise."""
    existing = request.cookies.get(CSRF_COOKIE)
    if existing and 20 <= len(existing) <= 100:
        return existing
    token: str | None = getattr(request.state, "new_csrf", None)
    if token is None:
        token = secrets.token_urlsafe(32)
        request.state.new_csrf = token
    return token


def csrf_ok(request: Request, submitted: str | None) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE)
    return bool(cookie and submitted and secrets.compare_digest(cookie, submitted))


def render(
    request: Request,
    template: str,
    *,
    lang: str,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    errors: list[tuple[str, str]] = context.pop("errors", [])
    html = _env.get_template(template).render(
        lang=lang,
        t=lambda key, **v: t(lang, key, **v),
        csrf=csrf_token(request),
        errors=errors,
        error_for=dict(errors),
        **context,
    )
    response = HTMLResponse(html, status_code=status_code, headers=PAGE_HEADERS)
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(
            CSRF_COOKIE,
            new,
            httponly=True,
            samesite="strict",
            secure=secure_cookies(request),
            path="/",
        )
    return response
