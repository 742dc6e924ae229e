"""Rendering pages: one Jinja environment over the core templates and every feature's
``templates`` folder, the catalogs' gettext, the Indonesian formats, per-role navigation, and
the headers every page carries (strict CSP, no caching, no framing)."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from console import codes, i18n
from console.sessions import Person

PACKAGE = Path(__file__).parent
CORE_TEMPLATES = PACKAGE / "templates"


@dataclass(frozen=True)
class NavItem:
    """A link in the navigation, shown to the roles named (a feature declares its own)."""

    label: str  # an N_() message id
    href: str
    roles: frozenset[str]
    order: int = 100


@dataclass(frozen=True)
class HomeSection:
    """A part of the home page a feature adds: its template (``<feature>/home_*.html``, which
    reads ``section.context``) for the roles named. ``load(request, person)`` gathers the
    context; it returns None when there is nothing to show."""

    template: str
    roles: frozenset[str]
    load: Callable[[Request, Person], Awaitable[dict[str, Any] | None]]
    order: int = 100


@dataclass
class Form:
    """What a form shows: submitted values, errors by field (in order), and its one-time id
    (the ``Idempotency-Key`` of the command it sends is derived from it: console.forms)."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)
    form_id: str = field(default_factory=lambda: secrets.token_urlsafe(16))

    def error(self, name: str) -> str | None:
        for field_name, message in self.errors:
            if field_name == name:
                return message
        return None

    def value(self, name: str, default: Any = "") -> Any:
        value = self.values.get(name)
        return default if value is None else value

    def add(self, name: str, message: str, **values: object) -> None:
        """An error against field ``name``: ``message`` is a catalog id (N_), said in the
        person's language."""
        self.errors.append((name, i18n.gettext(message, **values)))


def page_headers(form_action: str) -> dict[str, str]:
    return {
        "Cache-Control": "no-store",
        "Pragma": "no-cache",
        # No inline script or style anywhere; nothing from another origin. Forms post here, and
        # sign-out's redirect goes on to the provider (form-action covers redirects). Documents
        # under review are shown in the page: images, and PDFs in an <object> (object-src; the
        # browser's PDF viewer counts as a frame: frame-src).
        "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
        "img-src 'self'; object-src 'self'; frame-src 'self'; connect-src 'self'; "
        "font-src 'self'; "
        f"form-action 'self' {form_action}; frame-ancestors 'none'; base-uri 'none'",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
        "X-Content-Type-Options": "nosniff",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


# Role names, as the catalogs translate them (every role the registry publishes).
ROLE_NAMES = codes.ROLES


class Pages:
    """The templates and navigation of the console (built once in ``create_app``)."""

    def __init__(self, feature_dirs: list[Path], nav: list[NavItem], provider_origin: str):
        loaders = [FileSystemLoader(CORE_TEMPLATES)]
        loaders += [FileSystemLoader(d) for d in feature_dirs if d.is_dir()]
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=select_autoescape(["html"]),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
        )
        self.env.install_gettext_callables(  # type: ignore[attr-defined]
            i18n.gettext, i18n.ngettext, newstyle=True
        )
        self.env.filters.update(
            rupiah=i18n.rupiah,
            number=i18n.number,
            percent=i18n.percent,
            date=i18n.long_date,
            month=i18n.month_name,
            datetime=i18n.date_time,
            code=codes.code_label,
            finding=codes.finding_text,
            quantity=codes.quantity,
            explanation=codes.figure_explanation,
            threshold=codes.threshold_text,
        )
        self.nav = sorted(nav, key=lambda item: (item.order, item.href))
        self.headers = page_headers(provider_origin)

    def nav_for(self, person: Person | None) -> list[NavItem]:
        if person is None:
            return []
        return [item for item in self.nav if person.role in item.roles]

    @staticmethod
    def current_href(nav: list[NavItem], path: str) -> str | None:
        """The navigation link of the page at ``path`` (marked ``aria-current``): the longest
        href that is the path or one of its parents; ``/`` only for the home page itself."""
        parents = {path} | {path[:i] for i in range(1, len(path)) if path[i] == "/"}
        matches = [item.href for item in nav if item.href in parents]
        return max(matches, key=len, default=None)

    def render(
        self,
        request: Request,
        template: str,
        *,
        status_code: int = 200,
        form: Form | None = None,
        **context: Any,
    ) -> HTMLResponse:
        person: Person | None = getattr(request.state, "person", None)
        lang = i18n.current_language.get()
        form = form or Form()
        nav = self.nav_for(person)
        html = self.env.get_template(template).render(
            request=request,
            person=person,
            lang=lang,
            other_lang="en" if lang == "id" else "id",
            nav=nav,
            current_path=request.url.path,
            current_href=self.current_href(nav, request.url.path),
            csrf=person.csrf if person else "",
            role_names=ROLE_NAMES,
            form=form,
            errors=form.errors,
            unread=getattr(request.state, "unread", 0),
            **context,
        )
        return HTMLResponse(html, status_code=status_code, headers=self.headers)


def pages(request: Request) -> Pages:
    pages: Pages = request.app.state.pages
    return pages


def render(request: Request, template: str, **kw: Any) -> HTMLResponse:
    """Render ``template`` for this request's person in their language."""
    return pages(request).render(request, template, **kw)


def redirect(location: str) -> RedirectResponse:
    """303 See Other: after a POST the browser GETs the next page (no resubmission on reload)."""
    return RedirectResponse(location, status_code=303, headers={"Cache-Control": "no-store"})
