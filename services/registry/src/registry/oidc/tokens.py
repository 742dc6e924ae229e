"""The token endpoint's OpenID Connect grants (authorization code, refresh token), called by
``identity.router.token`` beside client credentials."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from registry.oidc import service
from registry.oidc.repository import OidcRepository
from registry.people.repository import PeopleRepository


async def person_tokens(
    request: Request,
    session: AsyncSession,
    grant_type: str,
    *,
    client_id: str | None,
    client_secret: str | None,
    code: str | None,
    redirect_uri: str | None,
    code_verifier: str | None,
    refresh_token: str | None,
    scope: str | None,
) -> dict[str, Any]:
    repo = OidcRepository(session)
    people = PeopleRepository(session)
    keys = request.app.state.signing_keys
    settings = request.app.state.settings
    client = await service.authenticate_client(repo, client_id, client_secret)
    try:
        if grant_type == "authorization_code":
            return await service.exchange_code(
                repo,
                people,
                keys,
                settings,
                client,
                code=code,
                redirect_uri=redirect_uri,
                code_verifier=code_verifier,
            )
        return await service.refresh(
            repo, people, keys, settings, client, refresh_token=refresh_token, scope=scope
        )
    except service.Replayed as exc:
        # The refusal rolls the request's transaction back; the revocation must stay.
        await session.rollback()
        async with request.app.state.sessionmaker() as own, own.begin():
            await OidcRepository(own).revoke_family(exc.family_id, service.now())
        raise exc.error from None
