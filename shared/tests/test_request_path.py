"""What every command route makes FastAPI resolve before its endpoint: one dependant per check.

The role check, the caller (``PrincipalDep``, ``OptionalPrincipalDep``) and the idempotency
dependency each resolve the caller themselves (``kopmod_shared.auth.resolve_principal``, kept on
the request), so a POST of a ``KopmodRouter`` with a role check resolves three dependants (rate
limit, role check, idempotency) instead of nine; what each answers is unchanged.
"""

from __future__ import annotations

from typing import Annotated, Any

import httpx
import pytest
from fastapi import Depends, FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import iter_route_contexts

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import (
    OptionalPrincipalDep,
    Principal,
    PrincipalDep,
    Role,
    TokenVerifier,
    require_roles,
)
from kopmod_shared.errors import install_error_handlers
from kopmod_shared.openapi import access_of
from kopmod_shared.testing import TestIssuer

ISSUER = TestIssuer()
CoopDep = Annotated[Principal, Depends(require_roles(Role.cooperative, Role.partner, scopes=["x"]))]


def _app() -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    app.state.token_verifier = TokenVerifier(
        issuer=ISSUER.issuer, audience="kopmod", keys=ISSUER.key_source()
    )
    router = KopmodRouter()

    @router.post("/v1/things")
    async def post_thing(principal: CoopDep) -> dict[str, Any]:
        return {"client": principal.client_id}

    @router.post("/v1/mine")
    async def post_mine(principal: PrincipalDep) -> dict[str, Any]:
        return {"client": principal.client_id}

    @router.get("/v1/maybe")
    async def maybe(principal: OptionalPrincipalDep) -> dict[str, Any]:
        return {"client": principal.client_id if principal else None}

    app.include_router(router)
    return app


def _nodes(dependant: Dependant) -> int:
    return sum(1 + _nodes(sub) for sub in dependant.dependencies)


def _route(app: FastAPI, path: str) -> Any:
    # Included routers are resolved lazily (FastAPI >= 0.165): their effective routes.
    return next(c for c in iter_route_contexts(app.routes) if c.path_format == path)


def test_a_command_route_resolves_one_dependant_per_check() -> None:
    app = _app()
    # rate limit, idempotency, role check: no sub-dependencies (nine dependants before)
    assert _nodes(_route(app, "/v1/things").dependant) == 3
    assert _nodes(_route(app, "/v1/mine").dependant) == 3
    assert _nodes(_route(app, "/v1/maybe").dependant) == 2


def test_the_documents_still_say_who_may_call() -> None:
    app = _app()
    kind, rule = access_of(_route(app, "/v1/things"))
    assert kind == "roles" and rule is not None
    assert rule.roles == {Role.cooperative, Role.partner} and rule.scopes == {"x"}
    assert access_of(_route(app, "/v1/mine"))[0] == "authenticated"
    assert access_of(_route(app, "/v1/maybe"))[0] == "optional"
    schema = app.openapi()
    assert "OAuth2ClientCredentials" in schema["components"]["securitySchemes"]
    assert schema["paths"]["/v1/things"]["post"]["security"] == [{"OAuth2ClientCredentials": []}]
    params = [p["name"] for p in schema["paths"]["/v1/things"]["post"].get("parameters", [])]
    assert params == ["Idempotency-Key"]


@pytest.mark.parametrize(
    ("headers", "status", "detail"),
    [
        ({}, 401, "a bearer token is required"),
        ({"Authorization": "Basic abc"}, 401, "expected a Bearer token"),
        ({"Authorization": "Bearer nonsense"}, 401, "malformed token"),
        (ISSUER.headers("offtaker", org="00000000-0000-0000-0000-000000000001"), 403, "offtaker"),
        (ISSUER.headers("partner"), 403, "lacks scope: x"),
        (ISSUER.headers("partner", scopes=["x"], sub="p1"), 200, None),
        (ISSUER.headers("cooperative", org="00000000-0000-0000-0000-000000000002"), 200, None),
    ],
)
async def test_the_check_answers_as_before(
    headers: dict[str, str], status: int, detail: str | None
) -> None:
    transport = httpx.ASGITransport(app=_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        resp = await client.post("/v1/things", headers=headers)
    assert resp.status_code == status, resp.text
    if detail is not None:
        assert resp.headers["content-type"].startswith("application/problem+json")
        assert detail in resp.json()["detail"]


async def test_a_bad_token_is_refused_where_it_is_optional_and_by_the_idempotency_check() -> None:
    transport = httpx.ASGITransport(app=_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        assert (await client.get("/v1/maybe")).json() == {"client": None}
        bad = {"Authorization": "Bearer nonsense", "Idempotency-Key": "k"}
        assert (await client.get("/v1/maybe", headers=bad)).status_code == 401
        assert (await client.post("/v1/mine", headers=bad)).status_code == 401
        ok = ISSUER.headers("admin", sub="adm")
        assert (await client.get("/v1/maybe", headers=ok)).json() == {"client": "adm"}
        assert (await client.post("/v1/mine", headers=ok)).json() == {"client": "adm"}
