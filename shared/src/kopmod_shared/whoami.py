"""``GET /v1/me``: who this service thinks the caller is.

Every service answers it, so a partner can check a token against any service before building
on it (audience, role, organisation, scopes as this service reads them).
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, Field

from kopmod_shared.auth import PrincipalDep, Role
from kopmod_shared.errors import AUTH_ERRORS, responses
from kopmod_shared.ratelimit import RateLimitDep
from kopmod_shared.routing import TransactionalRoute


class Me(BaseModel):
    client_id: str
    role: Role
    org_id: UUID | None = Field(description="Cooperative or offtaker the caller acts for.")
    scopes: list[str]
    service: str = Field(description="The service that verified the token.")


def whoami_router(service: str) -> APIRouter:
    router = APIRouter(
        tags=["identity"], route_class=TransactionalRoute, dependencies=[RateLimitDep]
    )

    @router.get(
        "/v1/me",
        response_model=Me,
        summary="The caller as this service sees it",
        description="Verifies the bearer token with this service's keys and audience.",
        responses=responses(*AUTH_ERRORS),
    )
    async def me(principal: PrincipalDep) -> Me:
        return Me(
            client_id=principal.client_id,
            role=principal.role,
            org_id=principal.org_id,
            scopes=sorted(principal.scopes),
            service=service,
        )

    return router
