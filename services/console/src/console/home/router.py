"""``/``: the home page. Each role sees what needs it now; features add their own sections."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from console.i18n import N_
from console.session_deps import signed_in
from console.sessions import Person
from console.web import NavItem, render

router = APIRouter(include_in_schema=False)

EVERYONE = frozenset(
    {"cooperative", "offtaker", "fund_officer", "fund_committee", "ministry", "admin"}
)
NAV = [NavItem(N_("Home"), "/", EVERYONE, order=0)]


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, person: Person = Depends(signed_in)) -> HTMLResponse:
    return render(request, "home/index.html", title=N_("Home"))
