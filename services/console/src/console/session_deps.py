"""Who is asking: the session cookie read once per request (``SessionMiddleware``), and the
dependencies pages use: :func:`signed_in`, :func:`role_required`, :func:`api`.

A page for someone not signed in redirects to the sign-in (and back afterwards); a page of
another role, or another organisation's record, is a plain 404 page (nothing says it exists).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Depends, Request

from console.api import Api
from console.errors import PageNotFound, SignInRequired
from console.sessions import Person


def signed_in(request: Request) -> Person:
    person: Person | None = getattr(request.state, "person", None)
    if person is None:
        path = request.url.path
        query = request.url.query
        raise SignInRequired(path + ("?" + query if query and request.method == "GET" else ""))
    return person


def role_required(*roles: str) -> Callable[..., Coroutine[Any, Any, Person]]:
    """A dependency: the signed-in person, acting in one of ``roles`` (else the 404 page)."""

    async def dependency(person: Person = Depends(signed_in)) -> Person:
        if person.role not in roles:
            raise PageNotFound
        return person

    return dependency


def api(request: Request, person: Person = Depends(signed_in)) -> Api:
    """The services, called with this person's access token."""
    return Api(request.app.state.settings, request.app.state.http, person)
