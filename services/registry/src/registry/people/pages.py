"""The pages a person reaches from an email: accept an invitation, reset a password, confirm
a new email address. Each link is single use and expires; each form is CSRF-protected."""

from __future__ import annotations

from fastapi import BackgroundTasks, Request
from fastapi.responses import HTMLResponse

from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import ValidationProblem
from registry.pages import csrf_ok, render
from registry.people import service
from registry.people.repository import PeopleRepository
from registry.people.texts import language, t

router = KopmodRouter(tags=["people"], include_in_schema=False)
NO_IDEMPOTENCY = {"x-no-idempotency": True}


def _message(request: Request, lang: str, title: str, message: str, status: int = 200):
    return render(
        request, "message.html", lang=lang, status_code=status, title=title, message=message
    )


def _password_form(request: Request, lang: str, *, invitation: bool, token: str, **kw):
    return render(
        request,
        "password.html",
        lang=lang,
        title=t(lang, "invitation_title" if invitation else "reset_title"),
        action="/people/invitation" if invitation else "/people/password-reset",
        button=t(lang, "create_account" if invitation else "set_password"),
        ask_name=invitation,
        token=token,
        min_length=request.app.state.settings.password_min_length,
        **kw,
    )


@router.get("/people/invitation")
async def invitation_page(request: Request, session: SessionDep, token: str = "") -> HTMLResponse:
    lang = language(request.query_params.get("lang"))
    link = await service.usable_link(PeopleRepository(session), token, "invite") if token else None
    if link is None:
        return _message(request, lang, t(lang, "invitation_title"), t(lang, "link_invalid"), 400)
    person = await PeopleRepository(session).get(link.person_id)
    lang = language(request.query_params.get("lang") or (person.language if person else None))
    return _password_form(
        request, lang, invitation=True, token=token, name=person.name if person else ""
    )


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


@router.post("/people/invitation", openapi_extra=NO_IDEMPOTENCY)
async def accept_invitation(request: Request, session: SessionDep) -> HTMLResponse:
    form = await _form(request)
    lang = language(form.get("lang"))
    token, name, password = (
        form.get("token", ""),
        form.get("name", "").strip(),
        form.get("password", ""),
    )
    settings = request.app.state.settings
    errors = []
    if not csrf_ok(request, form.get("csrf")):
        errors.append(("name", t(lang, "csrf_failed")))
    if not name:
        errors.append(("name", t(lang, "name_required")))
    if errors:
        return _password_form(request, lang, invitation=True, token=token, name=name, errors=errors)
    try:
        person = await service.accept_invitation(
            PeopleRepository(session), settings, token, name=name[:200], password=password
        )
    except ValidationProblem as exc:
        key = exc.errors[0].code if exc.errors else "password_too_short"
        errors = [("password", t(lang, key, min=settings.password_min_length))]
        return _password_form(request, lang, invitation=True, token=token, name=name, errors=errors)
    if person is None:
        return _message(request, lang, t(lang, "invitation_title"), t(lang, "link_invalid"), 400)
    return _message(request, lang, t(lang, "invitation_title"), t(lang, "account_ready"))


@router.get("/people/password-reset")
async def reset_page(request: Request, session: SessionDep, token: str = "") -> HTMLResponse:
    lang = language(request.query_params.get("lang"))
    if not token:
        return render(request, "reset_request.html", lang=lang)
    link = await service.usable_link(PeopleRepository(session), token, "reset")
    if link is None:
        return _message(request, lang, t(lang, "reset_title"), t(lang, "link_invalid"), 400)
    return _password_form(request, lang, invitation=False, token=token)


@router.post("/people/password-reset", openapi_extra=NO_IDEMPOTENCY)
async def reset(request: Request, session: SessionDep, background: BackgroundTasks) -> HTMLResponse:
    form = await _form(request)
    lang = language(form.get("lang"))
    settings = request.app.state.settings
    repo = PeopleRepository(session)
    token = form.get("token", "")
    if not csrf_ok(request, form.get("csrf")):
        if token:
            errors = [("password", t(lang, "csrf_failed"))]
            return _password_form(request, lang, invitation=False, token=token, errors=errors)
        return render(
            request, "reset_request.html", lang=lang, errors=[("email", t(lang, "csrf_failed"))]
        )
    if not token:
        email = form.get("email", "").strip()
        if not email:
            return render(
                request,
                "reset_request.html",
                lang=lang,
                errors=[("email", t(lang, "email_required"))],
            )
        mail = await service.request_reset(repo, settings, email[:254])
        if mail is not None:
            background.add_task(request.app.state.mailer.send, [mail])
        # The same answer whether or not the address has an account.
        return _message(request, lang, t(lang, "reset_title"), t(lang, "reset_sent"))
    try:
        person = await service.reset_password(repo, settings, token, form.get("password", ""))
    except ValidationProblem as exc:
        key = exc.errors[0].code if exc.errors else "password_too_short"
        errors = [("password", t(lang, key, min=settings.password_min_length))]
        return _password_form(request, lang, invitation=False, token=token, errors=errors)
    if person is None:
        return _message(request, lang, t(lang, "reset_title"), t(lang, "link_invalid"), 400)
    return _message(request, lang, t(lang, "reset_title"), t(lang, "password_set"))


@router.get("/people/email-confirmation")
async def email_page(request: Request, token: str = "") -> HTMLResponse:
    lang = language(request.query_params.get("lang"))
    # A confirmation is a change: the GET only shows a button that posts it (a mail scanner
    # following the link changes nothing).
    return render(request, "confirm_email.html", lang=lang, token=token)


@router.post("/people/email-confirmation", openapi_extra=NO_IDEMPOTENCY)
async def confirm_email(request: Request, session: SessionDep) -> HTMLResponse:
    form = await _form(request)
    lang = language(form.get("lang"))
    if not csrf_ok(request, form.get("csrf")):
        return render(
            request,
            "confirm_email.html",
            lang=lang,
            token=form.get("token", ""),
            errors=[("confirm", t(lang, "csrf_failed"))],
        )
    person = await service.confirm_email_change(PeopleRepository(session), form.get("token", ""))
    if person is None:
        return _message(request, lang, t(lang, "reset_title"), t(lang, "link_invalid"), 400)
    return _message(request, lang, t(lang, "mail_email_subject"), t(lang, "email_changed"))
