"""The authorisation matrix (OWASP API1, BOLA), generated from an app's route table.

Two views of it: :func:`route_roles` lists, per route, the roles its ``require_roles`` checks
let through (who may call what: the role matrix, separation of duties included), and
:func:`run_matrix` calls every id-taking route as principals of other organisations.

Every route whose path takes an id is called, with the ids of real objects owned by organisation
A, by principals of every role bound to *another* organisation (a cooperative and an offtaker with
other ids, a partner without scopes, ...). Each call must be refused (403 or 404, or 415/422 when
the request is refused before the object is even looked at) and its answer must not contain any of
A's data. A route taking an id nobody classified (no object for its path parameter, not in the
allow-list of routes readable by all) fails the test, so a new route cannot be forgotten.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from kopmod_shared.auth import Role

# 415: the matrix sends `{}` as JSON, which a multipart route refuses before reading anything.
REFUSED = frozenset({403, 404, 415, 422})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


@dataclass(frozen=True)
class IdRoute:
    method: str
    path: str
    params: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"


def id_routes(app: FastAPI) -> list[IdRoute]:
    """Every (method, path) of the app whose path takes a parameter, from the route table."""
    out: list[IdRoute] = []
    for ctx in iter_route_contexts(app.routes):
        route = ctx.original_route
        if not isinstance(route, APIRoute):
            continue
        params = tuple(p.name for p in route.dependant.path_params)
        if not params:
            continue
        path = ctx.path or route.path
        for method in sorted(ctx.methods or ()):
            if method in {"HEAD", "OPTIONS"}:
                continue
            out.append(IdRoute(method, path, params))
    return out


@dataclass(frozen=True)
class RouteRoles:
    """Who a route's role checks let through: ``roles`` None means the route has no role check
    (public, or any authenticated caller, decided by the service code)."""

    roles: frozenset[Role] | None
    scopes: frozenset[str] = frozenset()


def _checks(dependant: Dependant) -> Iterable[Any]:
    for dep in dependant.dependencies:
        if getattr(dep.call, "roles", None) is not None:
            yield dep.call
        yield from _checks(dep)


def route_roles(app: FastAPI) -> dict[str, RouteRoles]:
    """``"METHOD /path"`` -> the roles (and partner scopes) every role check of the route
    admits, for every API route of ``app`` (several checks on one route: the roles all admit)."""
    out: dict[str, RouteRoles] = {}
    for ctx in iter_route_contexts(app.routes):
        route = ctx.original_route
        if not isinstance(route, APIRoute):
            continue
        roles: frozenset[Role] | None = None
        scopes: frozenset[str] = frozenset()
        for check in _checks(route.dependant):
            roles = check.roles if roles is None else roles & check.roles
            scopes |= check.scopes
        path = ctx.path or route.path
        for method in sorted(ctx.methods or ()):
            if method not in {"HEAD", "OPTIONS"}:
                out[f"{method} {path}"] = RouteRoles(roles, scopes)
    return out


@dataclass
class MatrixResult:
    calls: int = 0
    by_status: dict[int, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


async def run_matrix(
    client: httpx.AsyncClient,
    app: FastAPI,
    *,
    ids: Mapping[str, str],
    outsiders: Mapping[str, dict[str, str]],
    allowed: Mapping[str, str],
    secrets: Iterable[str],
) -> MatrixResult:
    """Call every id-taking route of ``app`` as every outsider; collect what was not refused.

    ``ids`` maps a path parameter name to the id of organisation A's object; ``outsiders`` maps a
    label to the headers of a principal bound to another organisation; ``allowed`` maps
    ``"METHOD /path"`` to the reason the route is readable by everyone; ``secrets`` are strings of
    A's data that must not appear in a refusal (its names, the ids not in the URL).
    """
    result = MatrixResult()
    secret_list = [s for s in secrets if s]
    routes = id_routes(app)
    known = {r.key for r in routes}
    for key in allowed:
        if key not in known:
            result.failures.append(f"allow-list names a route that does not exist: {key}")
    for route in routes:
        if route.key in allowed:
            continue
        missing = [p for p in route.params if p not in ids]
        if missing:
            result.failures.append(
                f"{route.key}: no object of organisation A for {missing}; build one (or allow-list "
                "the route with a reason)"
            )
            continue
        url = route.path.format(**{p: ids[p] for p in route.params})
        for label, headers in outsiders.items():
            kwargs: dict[str, Any] = {"headers": headers}
            if route.method in BODY_METHODS:
                kwargs["json"] = {}
            resp = await client.request(route.method, url, **kwargs)
            result.calls += 1
            result.by_status[resp.status_code] = result.by_status.get(resp.status_code, 0) + 1
            where = f"{route.key} as {label}"
            if resp.status_code not in REFUSED:
                result.failures.append(f"{where}: answered {resp.status_code} {resp.text[:200]}")
                continue
            text = resp.text.replace(url, "")
            leaked = [s for s in secret_list if s in text]
            if leaked:
                result.failures.append(f"{where}: refusal leaks {leaked}")
            if resp.status_code == 404 or resp.status_code == 403:
                body = json.loads(resp.text)
                if body.get("status") != resp.status_code:
                    result.failures.append(f"{where}: not a problem document: {resp.text[:200]}")
    return result
