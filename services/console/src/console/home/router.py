"""``/``: the home page. Each role sees what needs it now; features add their own sections."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from console.errors import PageNotFound
from console.i18n import N_
from console.session_deps import signed_in
from console.sessions import Person
from console.web import HomeSection, NavItem, render
from kopmod_shared.errors import ProblemError

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

EVERYONE = frozenset(
    {"cooperative", "offtaker", "fund_officer", "fund_committee", "ministry", "admin"}
)
NAV = [NavItem(N_("Home"), "/", EVERYONE, order=0)]


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, person: Person = Depends(signed_in)) -> HTMLResponse:
    """Every feature's sections for this person's role (``HOME`` in its router module), each
    gathered on its own: one that fails is left out with a sentence, the page still shows."""
    sections: list[tuple[HomeSection, dict[str, Any] | None]] = []
    for section in request.app.state.home_sections:
        if person.role not in section.roles:
            continue
        try:
            context = await section.load(request, person)
        except (ProblemError, PageNotFound):
            log.warning("home section left out", extra={"section": section.template})
            sections.append((section, None))
            continue
        if context is not None:
            sections.append((section, context))
    return render(request, "home/index.html", title=N_("Home"), sections=sections)
