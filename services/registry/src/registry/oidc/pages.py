"""The authorization endpoint and its sign-in pages (password, second factor, role choice).

Every step re-validates the authorization request carried in the form, so a page cannot be
used to reach an unregistered redirect URI; the browser's progress is its session cookie (a
random token, its hash in ``browser_sessions``); forms carry a double-submit CSRF token.
A refused sign-in answers 200 with the page and its error summary, so the failure counts
commit with it.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from urllib.parse import urlencode

import pyotp
from fastapi import BackgroundTasks, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from registry.oidc import service
from registry.oidc.models import BrowserSession
from registry.oidc.repository import OidcRepository
from registry.pages import STYLESHEET, csrf_ok, render, secure_cookies
from registry.people import service as people
from registry.people.models import Membership, Person, SignInEvent
from registry.people.repository import PeopleRepository
from registry.people.texts import language, t

router = KopmodRouter(tags=["oidc"], include_in_schema=False)
SESSION_COOKIE = "kopmod_session"
PENDING_MINUTES = 10
NO_IDEMPOTENCY = {"x-no-idempotency": True}


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _error_page(request: Request, lang: str) -> HTMLResponse:
    return render(
        request,
        "message.html",
        lang=lang,
        status_code=400,
        title=t(lang, "error_title"),
        message=t(lang, "error_unknown_client"),
    )


def _redirect(location: str) -> RedirectResponse:
    return RedirectResponse(location, status_code=303, headers={"Cache-Control": "no-store"})


async def current_session(
    request: Request, repo: OidcRepository, *, stage: str | None = None
) -> BrowserSession | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    row = await repo.browser_session(people.digest(token))
    if row is None or row.ended_at is not None or row.expires_at <= people.now():
        return None
    if stage is not None and row.stage != stage:
        return None
    return row


async def _usable(session_row: BrowserSession, repo: PeopleRepository) -> bool:
    person = await repo.get(session_row.person_id)
    membership = (
        await repo.membership(session_row.membership_id) if session_row.membership_id else None
    )
    return bool(
        person and person.status == people.PersonStatus.active and membership and membership.active
    )


@router.get("/oauth/static/kopmod.css")
async def stylesheet() -> Response:
    return Response(
        STYLESHEET, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"}
    )


def _signin_page(
    request: Request,
    auth: service.AuthRequest,
    lang: str,
    *,
    email: str = "",
    errors: list[tuple[str, str]] | None = None,
) -> HTMLResponse:
    other = "en" if lang == "id" else "id"
    return render(
        request,
        "signin.html",
        lang=lang,
        params=auth.params(),
        client_name=auth.client.name,
        email=email,
        errors=errors or [],
        other_lang_url="/oauth/authorize?" + urlencode({**auth.params(), "ui_locales": other}),
    )


@router.get("/oauth/authorize")
async def authorize(request: Request, session: SessionDep) -> Response:
    params = dict(request.query_params)
    lang = language(params.get("ui_locales"))
    repo = OidcRepository(session)
    try:
        auth = await service.validate_request(repo, params)
    except service.UnsafeRequest:
        return _error_page(request, lang)
    except service.RedirectError as exc:
        return _redirect(exc.location(request.app.state.settings.token_issuer))
    existing = await current_session(request, repo, stage="done")
    if existing is not None and auth.prompt != "login":
        # A read's session may not write: the code gets its own short transaction.
        async with request.app.state.sessionmaker() as own, own.begin():
            if await _usable(existing, PeopleRepository(own)):
                location = await service.issue_code(
                    OidcRepository(own), request.app.state.settings, auth, existing.id
                )
                return _redirect(location)
    if auth.prompt == "none":
        error = service.RedirectError(
            auth.redirect_uri, "login_required", "the person must sign in", auth.state
        )
        return _redirect(error.location(request.app.state.settings.token_issuer))
    return _signin_page(request, auth, lang)


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


@router.post("/oauth/authorize", openapi_extra=NO_IDEMPOTENCY)
async def authorize_step(
    request: Request,
    session: SessionDep,
    background: BackgroundTasks,
) -> Response:
    form = await _form(request)
    lang = language(form.get("ui_locales"))
    repo = OidcRepository(session)
    try:
        auth = await service.validate_request(repo, form)
    except service.UnsafeRequest:
        return _error_page(request, lang)
    except service.RedirectError as exc:
        return _redirect(exc.location(request.app.state.settings.token_issuer))
    step = form.get("step", "")
    flow = _Flow(request, session, auth, lang, background)
    if not csrf_ok(request, form.get("csrf")):
        return _signin_page(
            request,
            auth,
            lang,
            email=form.get("email", ""),
            errors=[("email", t(lang, "csrf_failed"))],
        )
    if step == "signin":
        return await flow.password(form.get("email", ""), form.get("password", ""))
    pending = await current_session(request, repo)
    if pending is None or pending.stage != step.replace("recovery_ack", "recovery"):
        # The pending sign-in has expired or the steps were taken out of order: start over.
        return _signin_page(request, auth, lang)
    person = await PeopleRepository(session).get(pending.person_id, for_update=True)
    if person is None or person.status != people.PersonStatus.active:
        return _signin_page(request, auth, lang, errors=[("email", t(lang, "signin_failed"))])
    if step == "otp":
        return await flow.second_factor(pending, person, form.get("code", ""))
    if step == "otp_setup":
        return await flow.setup(pending, person, form.get("code", ""))
    if step == "recovery_ack":
        return await flow.after_second_factor(pending, person)
    if step == "membership":
        return await flow.choose(pending, person, form.get("membership", ""))
    return _signin_page(request, auth, lang)


class _Flow:
    """One sign-in's steps; each returns the next page or the redirect with the code."""

    def __init__(
        self,
        request: Request,
        session: AsyncSession,
        auth: service.AuthRequest,
        lang: str,
        background: BackgroundTasks,
    ) -> None:
        self.request = request
        self.settings = request.app.state.settings
        self.repo = OidcRepository(session)
        self.people = PeopleRepository(session)
        self.auth = auth
        self.lang = lang
        self.background = background

    def _page(self, template: str, **context: object) -> HTMLResponse:
        return render(self.request, template, lang=self.lang, params=self.auth.params(), **context)

    async def password(self, email: str, password: str) -> Response:
        errors = []
        if not email.strip():
            errors.append(("email", t(self.lang, "email_required")))
        if not password:
            errors.append(("password", t(self.lang, "password_required")))
        if errors:
            return _signin_page(self.request, self.auth, self.lang, email=email, errors=errors)
        person, mails = await people.authenticate(
            self.people,
            self.settings,
            email=email[:254],
            password=password[:1000],
            address=_address(self.request),
            client_id=self.auth.client.client_id,
        )
        if mails:
            self.background.add_task(self.request.app.state.mailer.send, mails)
        memberships = await self.people.memberships(person.id) if person else []
        if person is None or not memberships:
            return _signin_page(
                self.request,
                self.auth,
                self.lang,
                email=email,
                errors=[("email", t(self.lang, "signin_failed"))],
            )
        token = secrets.token_urlsafe(32)
        pending = BrowserSession(
            token_hash=people.digest(token),
            person_id=person.id,
            stage="pending",
            amr=["pwd"],
            address=_address(self.request),
            expires_at=people.now() + timedelta(minutes=PENDING_MINUTES),
        )
        await self.repo.add(pending)
        response: Response
        if person.totp_enabled_at is not None:
            pending.stage = "otp"
            response = self._page("otp.html")
        elif people.totp_required(memberships):
            response = self._setup_page(pending, person)
        else:
            response = await self.after_second_factor(pending, person)
        self._set_cookie(response, token)
        return response

    def _setup_page(
        self, pending: BrowserSession, person: Person, errors: list[tuple[str, str]] | None = None
    ) -> HTMLResponse:
        pending.stage = "otp_setup"
        secret = people.begin_totp_setup(person)
        uri = pyotp.TOTP(secret).provisioning_uri(name=person.email, issuer_name="kopmod")
        return self._page("otp_setup.html", secret=secret, uri=uri, errors=errors or [])

    def _set_cookie(self, response: Response, token: str) -> None:
        response.set_cookie(
            SESSION_COOKIE,
            token,
            httponly=True,
            samesite="lax",
            secure=secure_cookies(self.request),
            path="/",
            max_age=self.settings.session_ttl_hours * 3600,
        )

    async def second_factor(self, pending: BrowserSession, person: Person, code: str) -> Response:
        method = people.verify_second_factor(person, code)
        if method is None:
            mails = people.register_failure(person, self.settings)
            if mails:
                self.background.add_task(self.request.app.state.mailer.send, mails)
            await self.people.add(
                SignInEvent(
                    person_id=person.id,
                    address=_address(self.request),
                    client_id=self.auth.client.client_id,
                    outcome="otp_failure",
                )
            )
            if person.status != people.PersonStatus.active:
                pending.ended_at = people.now()
                return _signin_page(
                    self.request,
                    self.auth,
                    self.lang,
                    errors=[("email", t(self.lang, "signin_failed"))],
                )
            return self._page("otp.html", errors=[("code", t(self.lang, "otp_failed"))])
        pending.amr = ["pwd", "mfa", "otp"] if method == "otp" else ["pwd", "mfa"]
        return await self.after_second_factor(pending, person)

    async def setup(self, pending: BrowserSession, person: Person, code: str) -> Response:
        codes = people.enable_totp(person, code)
        if codes is None:
            return self._setup_page(pending, person, errors=[("code", t(self.lang, "otp_failed"))])
        pending.amr = ["pwd", "mfa", "otp"]
        pending.stage = "recovery"
        return self._page("recovery.html", codes=codes)

    async def after_second_factor(self, pending: BrowserSession, person: Person) -> Response:
        memberships = await self.people.memberships(person.id)
        if len(memberships) == 1:
            return await self._done(pending, person, memberships[0])
        pending.stage = "membership"
        return self._page("membership.html", memberships=memberships)

    async def choose(self, pending: BrowserSession, person: Person, chosen: str) -> Response:
        memberships = await self.people.memberships(person.id)
        match = next((m for m in memberships if str(m.id) == chosen), None)
        if match is None:
            return self._page(
                "membership.html",
                memberships=memberships,
                errors=[("membership", t(self.lang, "membership_required"))],
            )
        return await self._done(pending, person, match)

    async def _done(
        self, pending: BrowserSession, person: Person, membership: Membership
    ) -> Response:
        pending.membership_id = membership.id
        pending.stage = "done"
        pending.auth_time = people.now()
        pending.expires_at = people.now() + timedelta(hours=self.settings.session_ttl_hours)
        people.signed_in(person)
        await self.people.add(
            SignInEvent(
                person_id=person.id,
                address=_address(self.request),
                client_id=self.auth.client.client_id,
                outcome="success",
            )
        )
        location = await service.issue_code(self.repo, self.settings, self.auth, pending.id)
        return _redirect(location)
