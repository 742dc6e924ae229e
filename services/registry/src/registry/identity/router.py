"""The token endpoint (OAuth2 client credentials), the public JWKS, and API client administration
(create, list, read, change, rotate a secret)."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated
from uuid import UUID

from fastapi import Depends, Form, Header, Request, Response
from fastapi.responses import JSONResponse

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, Conflict, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageParams, cursor_time_id, page_params
from registry.audit.service import audited
from registry.identity import service, throttle
from registry.identity.repository import ApiClientRepository
from registry.identity.schemas import (
    JWKS,
    ClientCreate,
    ClientOut,
    ClientUpdate,
    ClientWithSecret,
    TokenResponse,
)
from registry.identity.service import OAuthError, WrongCredentials
from registry.identity.throttle import TooManyFailedAttempts
from registry.oidc.tokens import person_tokens

router = KopmodRouter(tags=["identity"])
admin_only = require_roles(Role.admin)
AdminDep = Annotated[Principal, Depends(admin_only)]


async def _repo(session: SessionDep) -> ApiClientRepository:
    return ApiClientRepository(session)


RepoDep = Annotated[ApiClientRepository, Depends(_repo)]


def _basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    if not authorization or not authorization.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise OAuthError("invalid_client", "malformed Basic credentials", status=401)
    client_id, sep, secret = decoded.partition(":")
    if not sep:
        raise OAuthError("invalid_client", "malformed Basic credentials", status=401)
    from urllib.parse import unquote

    return unquote(client_id), unquote(secret)


@router.post(
    "/v1/oauth/token",
    response_model=TokenResponse,
    summary="Get an access token (client credentials, authorization code, refresh token)",
    description=(
        "RFC 6749. Send `application/x-www-form-urlencoded`; client credentials either as HTTP "
        "Basic (preferred) or as `client_id`/`client_secret` form fields (a public OpenID "
        "Connect client sends only `client_id`).\n\n"
        "- `grant_type=client_credentials` (API clients, section 4.4): optional `scope` narrows "
        "the granted scopes; optional `audience` narrows the token to one service "
        "(`kopmod-registry`, `kopmod-financing`, `kopmod-marketplace`).\n"
        "- `grant_type=authorization_code` (OpenID Connect clients, section 4.1.3): `code`, "
        "the exact `redirect_uri` of the request and the PKCE `code_verifier` (S256). Answers "
        "with an access token, an ID token and a refresh token.\n"
        "- `grant_type=refresh_token` (section 6): the refresh token is spent and a new one "
        "returned (rotation); a spent one presented again revokes its whole family.\n\n"
        "Tokens are JWTs signed with Ed25519; the keys are at `/.well-known/jwks.json`; the "
        "provider's metadata at `/.well-known/openid-configuration`. After repeated wrong "
        "secrets for one client id (or from one address) the endpoint answers 429 "
        "`too-many-failed-attempts` with `Retry-After`, even to the right secret, until the "
        "window has passed."
    ),
    responses=responses(OAuthError, TooManyFailedAttempts, *AUTH_ERRORS),
    openapi_extra={"x-no-idempotency": True},
)
async def token(
    request: Request,
    repo: RepoDep,
    grant_type: Annotated[str, Form()],
    client_id: Annotated[str | None, Form(max_length=100)] = None,
    client_secret: Annotated[str | None, Form(max_length=200)] = None,
    scope: Annotated[str | None, Form(max_length=2000)] = None,
    audience: Annotated[str | None, Form(max_length=200)] = None,
    code: Annotated[str | None, Form(max_length=200)] = None,
    redirect_uri: Annotated[str | None, Form(max_length=500)] = None,
    code_verifier: Annotated[str | None, Form(max_length=128)] = None,
    refresh_token: Annotated[str | None, Form(max_length=200)] = None,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> JSONResponse:
    headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}
    basic = _basic_credentials(authorization)
    if basic is not None:
        client_id, client_secret = basic
    if grant_type in ("authorization_code", "refresh_token"):
        body = await person_tokens(
            request,
            repo.session,
            grant_type,
            client_id=client_id,
            client_secret=client_secret,
            code=code,
            redirect_uri=redirect_uri,
            code_verifier=code_verifier,
            refresh_token=refresh_token,
            scope=scope,
        )
        return JSONResponse(body, headers=headers)
    if grant_type != "client_credentials":
        raise OAuthError(
            "unsupported_grant_type",
            "grant_type is client_credentials, authorization_code or refresh_token",
        )
    if not client_id or not client_secret:
        raise OAuthError("invalid_client", "client credentials are required", status=401)
    settings = request.app.state.settings
    engine = request.app.state.engine
    address = request.client.host if request.client else "unknown"
    # Before the secret is even compared: during a lockout the right secret is refused too.
    await throttle.refuse_if_locked(
        repo.session, engine, settings, client_id=client_id, address=address
    )
    try:
        access_token, expires_in, granted = await service.issue_token(
            repo,
            request.app.state.signing_keys,
            issuer=settings.token_issuer,
            client_id=client_id,
            client_secret=client_secret,
            requested_scope=scope,
            requested_audience=audience,
            audiences=settings.token_audiences,
            ttl_seconds=settings.token_ttl_seconds,
        )
    except WrongCredentials:
        await throttle.record_failure(engine, client_id=client_id, address=address)
        raise
    body = TokenResponse(access_token=access_token, expires_in=expires_in, scope=granted)
    return JSONResponse(body.model_dump(), headers=headers)


@router.get(
    "/.well-known/jwks.json",
    response_model=JWKS,
    summary="Public keys that verify the platform's tokens",
    description="JSON Web Key Set (RFC 7517). Cache it; refresh when a token names an unknown kid.",
)
async def jwks(request: Request, response: Response) -> JWKS:
    response.headers["Cache-Control"] = "public, max-age=300"
    return JWKS.model_validate(request.app.state.signing_keys.jwks())


@router.post(
    "/v1/clients",
    dependencies=[Depends(audited("client.create"))],
    response_model=ClientWithSecret,
    status_code=201,
    summary="Create an API client (admin)",
    description="The secret is in this response only; the platform keeps its hash.",
    responses=responses(*AUTH_ERRORS, Conflict, ValidationProblem),
)
async def create_client(
    data: ClientCreate, principal: AdminDep, repo: RepoDep, response: Response
) -> ClientWithSecret:
    client, secret = await service.create_client(repo, data, principal.client_id)
    response.headers["Location"] = f"/v1/clients/{client.id}"
    return ClientWithSecret(**ClientOut.model_validate(client).model_dump(), client_secret=secret)


@router.get(
    "/v1/clients",
    response_model=Page[ClientOut],
    summary="List API clients (admin)",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_clients(
    principal: AdminDep, repo: RepoDep, page: Annotated[PageParams, Depends(page_params)]
) -> Page[ClientOut]:

    from kopmod_shared.pagination import make_page

    after = cursor_time_id(page)
    rows = await repo.page(page.limit, after)
    items, cursor = make_page(rows, page.limit, lambda c: (c.created_at, c.id))
    return Page[ClientOut](items=[ClientOut.model_validate(c) for c in items], next_cursor=cursor)


@router.get(
    "/v1/clients/{client_uuid}",
    response_model=ClientOut,
    summary="Read an API client (admin)",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_client(client_uuid: UUID, principal: AdminDep, repo: RepoDep) -> ClientOut:
    return ClientOut.model_validate(await service.get_client(repo, client_uuid))


@router.patch(
    "/v1/clients/{client_uuid}",
    dependencies=[Depends(audited("client.change"))],
    response_model=ClientOut,
    summary="Change an API client's name, scopes or active flag (admin)",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def update_client(
    client_uuid: UUID, data: ClientUpdate, principal: AdminDep, repo: RepoDep
) -> ClientOut:
    return ClientOut.model_validate(await service.update_client(repo, client_uuid, data))


@router.post(
    "/v1/clients/{client_uuid}/secret",
    dependencies=[Depends(audited("client.rotate_secret"))],
    response_model=ClientWithSecret,
    summary="Rotate an API client's secret (admin)",
    description="The old secret stops working at once; the new one is shown only here.",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def rotate_secret(client_uuid: UUID, principal: AdminDep, repo: RepoDep) -> ClientWithSecret:
    client, secret = await service.rotate_secret(repo, client_uuid)
    return ClientWithSecret(**ClientOut.model_validate(client).model_dump(), client_secret=secret)
