"""The OpenID Connect provider's JSON endpoints: discovery, client registration by an admin,
userinfo and token revocation (RFC 7009)."""

from __future__ import annotations

from typing import Annotated, Any

import jwt
from fastapi import Depends, Form, Header, Request, Response
from fastapi.responses import JSONResponse

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, PrincipalDep, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    Conflict,
    Forbidden,
    NotFound,
    ValidationProblem,
    responses,
)
from kopmod_shared.pagination import Page, PageDep
from registry.audit.service import audited
from registry.identity.repository import ApiClientRepository
from registry.identity.router import _basic_credentials
from registry.identity.service import OAuthError
from registry.oidc import service
from registry.oidc.pages import SESSION_COOKIE, current_session
from registry.oidc.repository import OidcRepository
from registry.oidc.schemas import (
    OidcClientCreate,
    OidcClientOut,
    OidcClientUpdate,
    OidcClientWithSecret,
    UserInfo,
)
from registry.pages import render
from registry.people.repository import PeopleRepository
from registry.people.service import person_uuid
from registry.people.texts import language, t

router = KopmodRouter(tags=["oidc"])
AdminDep = Annotated[Principal, Depends(require_roles(Role.admin))]
NO_IDEMPOTENCY = {"x-no-idempotency": True}


@router.get(
    "/.well-known/openid-configuration",
    summary="OpenID Connect provider metadata",
    description="OpenID Connect Discovery 1.0: the endpoints, grants and algorithms.",
)
async def openid_configuration(request: Request) -> JSONResponse:
    return JSONResponse(
        service.discovery(request.app.state.settings),
        headers={"Cache-Control": "public, max-age=300"},
    )


@router.post(
    "/v1/oidc-clients",
    dependencies=[Depends(audited("oidc_client.create"))],
    response_model=OidcClientWithSecret,
    status_code=201,
    summary="Register an application people sign in to (admin)",
    description=(
        "A confidential client (a server-side web application such as the console) gets a "
        "secret, shown only in this response; a public client (a mobile app) has none and "
        "proves itself with PKCE. Redirect URIs are matched exactly."
    ),
    responses=responses(*AUTH_ERRORS, Conflict, ValidationProblem),
)
async def register_client(
    data: OidcClientCreate, principal: AdminDep, session: SessionDep, response: Response
) -> OidcClientWithSecret:
    taken = await ApiClientRepository(session).by_client_id(data.client_id) is not None
    client, secret = await service.register_client(
        OidcRepository(session), data, principal.actor, taken
    )
    response.headers["Location"] = f"/v1/oidc-clients/{client.client_id}"
    return OidcClientWithSecret(
        **OidcClientOut.model_validate(client).model_dump(), client_secret=secret
    )


@router.get(
    "/v1/oidc-clients",
    response_model=Page[OidcClientOut],
    summary="List the applications people sign in to (admin), oldest first",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_clients(
    principal: AdminDep, session: SessionDep, page: PageDep
) -> Page[OidcClientOut]:
    rows, cursor = await OidcRepository(session).clients(page)
    items = [OidcClientOut.model_validate(c) for c in rows]
    return Page[OidcClientOut](items=items, next_cursor=cursor)


@router.patch(
    "/v1/oidc-clients/{client_id}",
    dependencies=[Depends(audited("oidc_client.change"))],
    response_model=OidcClientOut,
    summary="Change an application's name, redirect URIs or active flag (admin)",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def update_client(
    client_id: str, data: OidcClientUpdate, principal: AdminDep, session: SessionDep
) -> OidcClientOut:
    client = await service.update_client(OidcRepository(session), client_id, data)
    return OidcClientOut.model_validate(client)


async def _userinfo(principal: Principal, session: Any) -> UserInfo:
    person_id = person_uuid(principal)
    person = await PeopleRepository(session).get(person_id) if person_id else None
    if person is None or principal.person is None:
        raise Forbidden("userinfo answers for a token of a person known here")
    claims = service.profile_claims(person, " ".join(principal.scopes))
    return UserInfo(
        sub=principal.person,
        role=principal.role.value,
        org=str(principal.org_id) if principal.org_id else None,
        **claims,
    )


@router.get(
    "/oauth/userinfo",
    response_model=UserInfo,
    response_model_exclude_none=True,
    summary="The signed-in person's claims (OpenID Connect UserInfo)",
    responses=responses(*AUTH_ERRORS),
)
async def userinfo(principal: PrincipalDep, session: SessionDep) -> UserInfo:
    return await _userinfo(principal, session)


@router.post(
    "/oauth/userinfo",
    response_model=UserInfo,
    response_model_exclude_none=True,
    summary="The signed-in person's claims (POST form of the UserInfo endpoint)",
    responses=responses(*AUTH_ERRORS),
    openapi_extra=NO_IDEMPOTENCY,
)
async def userinfo_post(principal: PrincipalDep, session: SessionDep) -> UserInfo:
    return await _userinfo(principal, session)


@router.post(
    "/oauth/revoke",
    summary="Revoke a refresh token (RFC 7009)",
    description=(
        "Revokes a refresh token and every token rotated from the same sign-in. Answers 200 "
        "for any token, known or not (RFC 7009 2.2). Access tokens are short-lived and run out."
    ),
    response_class=Response,
    responses={
        200: {"description": "Revoked, or not a token of this client (the same answer)"},
        **responses(OAuthError, *AUTH_ERRORS),
    },
    openapi_extra=NO_IDEMPOTENCY,
)
async def revoke(
    session: SessionDep,
    token: Annotated[str, Form(max_length=2000)],
    token_type_hint: Annotated[str | None, Form(max_length=50)] = None,
    client_id: Annotated[str | None, Form(max_length=100)] = None,
    client_secret: Annotated[str | None, Form(max_length=200)] = None,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Response:
    basic = _basic_credentials(authorization)
    if basic is not None:
        client_id, client_secret = basic
    repo = OidcRepository(session)
    client = await service.authenticate_client(repo, client_id, client_secret)
    await service.revoke(repo, client, token)
    return Response(status_code=200, headers={"Cache-Control": "no-store"})


def _hinted_client(request: Request, hint: str | None) -> str | None:
    """The client an ``id_token_hint`` was issued to, if it is one of ours (expired is fine:
    signing out after the token ran out is the common case)."""
    if not hint:
        return None
    keys = request.app.state.signing_keys
    try:
        claims = jwt.decode(
            hint,
            keys.private_key.public_key(),
            algorithms=[keys.algorithm],
            issuer=request.app.state.settings.token_issuer,
            options={"verify_exp": False, "verify_aud": False},
        )
    except jwt.InvalidTokenError:
        return None
    aud = claims.get("aud")
    return aud if isinstance(aud, str) else None


@router.get(
    "/oauth/logout",
    summary="Sign out (OpenID Connect RP-initiated logout)",
    description=(
        "Ends the browser's session at the provider and revokes its refresh tokens. Redirects "
        "to `post_logout_redirect_uri` only when it is registered, exactly, for the client "
        "named by `client_id` or `id_token_hint`; otherwise shows a signed-out page."
    ),
    include_in_schema=False,
)
async def logout(request: Request, session: SessionDep) -> Response:
    params = request.query_params
    lang = language(params.get("ui_locales"))
    repo = OidcRepository(session)
    hinted = _hinted_client(request, params.get("id_token_hint"))
    client_id = params.get("client_id") or hinted
    if params.get("client_id") and hinted and params["client_id"] != hinted:
        client_id = None
    target = params.get("post_logout_redirect_uri")
    client = await repo.client(client_id) if client_id else None
    allowed = (
        client is not None and target is not None and target in (client.post_logout_redirect_uris)
    )
    browser = await current_session(request, repo)
    if browser is not None:
        # A read's session may not write: the sign-out gets its own short transaction.
        async with request.app.state.sessionmaker() as own, own.begin():
            await OidcRepository(own).end_session(browser.id, service.now())
    if allowed and target is not None:
        state = params.get("state")
        location = service.with_query(target, {"state": state}) if state else target
        response: Response = Response(status_code=303, headers={"Location": location})
    else:
        status = 400 if target and not allowed else 200
        response = render(
            request,
            "message.html",
            lang=lang,
            status_code=status,
            title=t(lang, "signed_out_title") if status == 200 else t(lang, "error_title"),
            message=t(lang, "signed_out") if status == 200 else t(lang, "error_unknown_client"),
        )
    response.headers["Cache-Control"] = "no-store"
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
