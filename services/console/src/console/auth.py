"""Signing in and out (OpenID Connect authorization code flow with PKCE) and the language.

``/sign-in`` sends the browser to the provider; ``/auth/callback`` takes the code back (once,
in the browser that began, with the state and nonce it was given), opens a session and goes on
to the page first asked for. ``POST /sign-out`` ends the session here, revokes the refresh token
and ends the provider's session (RP-initiated logout), which comes back to ``/signed-out``.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from console import i18n
from console.forms import verified_form
from console.notifications.store import remember_language
from console.oidc import SignInFailed
from console.sessions import (
    BROWSER_COOKIE,
    SESSION_COOKIE,
    begin_sign_in,
    create_session,
    end_session,
    new_secret,
    set_language,
    take_sign_in,
)
from console.web import redirect, render

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)


def safe_return(path: str | None) -> str:
    """Only a path of this site (no scheme, no host, no ``//``): never an open redirect."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    parts = urlsplit(path)
    if parts.scheme or parts.netloc:
        return "/"
    return path


def set_cookie(request: Request, response: Response, name: str, value: str, **kw: object) -> None:
    response.set_cookie(
        name,
        value,
        httponly=True,
        secure=request.app.state.settings.secure_cookies,
        samesite="lax",
        path="/",
        **kw,  # type: ignore[arg-type]
    )


@router.get("/sign-in")
async def sign_in(request: Request, next: str = "/") -> Response:
    settings = request.app.state.settings
    browser = request.cookies.get(BROWSER_COOKIE) or new_secret()
    async with request.app.state.sessionmaker() as db:
        state, pending = await begin_sign_in(db, browser=browser, return_to=safe_return(next))
        await db.commit()
    url = await request.app.state.provider.authorization_url(
        state=state,
        nonce=pending.nonce,
        verifier=pending.code_verifier,
        lang=i18n.current_language.get(),
    )
    response = redirect(url)
    set_cookie(
        request, response, BROWSER_COOKIE, browser, max_age=settings.session_max_hours * 3600
    )
    return response


@router.get("/auth/callback")
async def callback(request: Request, state: str = "", code: str = "", error: str = "") -> Response:
    provider = request.app.state.provider
    settings = request.app.state.settings
    async with request.app.state.sessionmaker() as db:
        pending = (
            await take_sign_in(db, state, request.cookies.get(BROWSER_COOKIE)) if state else None
        )
        await db.commit()
    if pending is None or error or not code:
        log.info("sign-in not completed", extra={"reason": error or "unknown or spent state"})
        return render(request, "signin_failed.html", status_code=400)
    try:
        tokens = await provider.exchange(code, pending.code_verifier)
        if not tokens.id_token:
            raise SignInFailed("no ID token")
        id_claims = await provider.verify_id_token(tokens.id_token, pending.nonce)
    except SignInFailed as exc:
        log.warning("sign-in refused", extra={"reason": str(exc)})
        return render(request, "signin_failed.html", status_code=400)
    async with request.app.state.sessionmaker() as db:
        chosen = request.cookies.get(i18n.LANGUAGE_COOKIE)
        secret, row = await create_session(
            db, settings, tokens, id_claims, i18n.pick_language(chosen) if chosen else None
        )
        await remember_language(db, row.subject, row.language)
        await db.commit()
    response = redirect(pending.return_to)
    set_cookie(request, response, SESSION_COOKIE, secret, max_age=settings.session_max_hours * 3600)
    set_cookie(request, response, i18n.LANGUAGE_COOKIE, row.language, max_age=365 * 86400)
    return response


@router.post("/sign-out")
async def sign_out(request: Request, form: FormData = Depends(verified_form)) -> Response:
    provider = request.app.state.provider
    secret = request.cookies.get(SESSION_COOKIE, "")
    async with request.app.state.sessionmaker() as db:
        tokens = await end_session(db, secret)
        await db.commit()
    location = "/signed-out"
    if tokens is not None:
        if tokens.get("refresh_token"):
            await provider.revoke(str(tokens["refresh_token"]))
        location = await provider.logout_url(tokens.get("id_token"), new_secret()) or location
    response = redirect(location)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/signed-out")
async def signed_out(request: Request) -> Response:
    return render(request, "signed_out.html")


@router.get("/language/{lang}")
async def language(request: Request, lang: str, next: str = "/") -> Response:
    """Switch the language (a link, so it works without JavaScript and without a session)."""
    chosen = i18n.pick_language(lang)
    response = redirect(safe_return(next))
    set_cookie(request, response, i18n.LANGUAGE_COOKIE, chosen, max_age=365 * 86400)
    person = getattr(request.state, "person", None)
    if person is not None:
        async with request.app.state.sessionmaker() as db:
            await set_language(db, person.session_id, chosen)
            await remember_language(db, person.subject, chosen)
            await db.commit()
    return response
