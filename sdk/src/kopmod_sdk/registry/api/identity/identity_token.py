from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.body_identity_token import BodyIdentityToken
from ...models.problem import Problem
from ...models.token_response import TokenResponse
from typing import cast



def _get_kwargs(
    *,
    body: BodyIdentityToken,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/oauth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIdentityToken,

) -> Response[Problem | TokenResponse]:
    """ Get an access token (client credentials, authorization code, refresh token)

     RFC 6749. Send `application/x-www-form-urlencoded`; client credentials either as HTTP Basic
    (preferred) or as `client_id`/`client_secret` form fields (a public OpenID Connect client sends only
    `client_id`).

    - `grant_type=client_credentials` (API clients, section 4.4): optional `scope` narrows the granted
    scopes; optional `audience` narrows the token to one service (`kopmod-registry`, `kopmod-financing`,
    `kopmod-marketplace`).
    - `grant_type=authorization_code` (OpenID Connect clients, section 4.1.3): `code`, the exact
    `redirect_uri` of the request and the PKCE `code_verifier` (S256). Answers with an access token, an
    ID token and a refresh token.
    - `grant_type=refresh_token` (section 6): the refresh token is spent and a new one returned
    (rotation); a spent one presented again revokes its whole family.

    Tokens are JWTs signed with Ed25519; the keys are at `/.well-known/jwks.json`; the provider's
    metadata at `/.well-known/openid-configuration`. After repeated wrong secrets for one client id (or
    from one address) the endpoint answers 429 `too-many-failed-attempts` with `Retry-After`, even to
    the right secret, until the window has passed.

    **Who may call:** anyone; no token needed.

    Args:
        body (BodyIdentityToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIdentityToken,

) -> Problem | TokenResponse | None:
    """ Get an access token (client credentials, authorization code, refresh token)

     RFC 6749. Send `application/x-www-form-urlencoded`; client credentials either as HTTP Basic
    (preferred) or as `client_id`/`client_secret` form fields (a public OpenID Connect client sends only
    `client_id`).

    - `grant_type=client_credentials` (API clients, section 4.4): optional `scope` narrows the granted
    scopes; optional `audience` narrows the token to one service (`kopmod-registry`, `kopmod-financing`,
    `kopmod-marketplace`).
    - `grant_type=authorization_code` (OpenID Connect clients, section 4.1.3): `code`, the exact
    `redirect_uri` of the request and the PKCE `code_verifier` (S256). Answers with an access token, an
    ID token and a refresh token.
    - `grant_type=refresh_token` (section 6): the refresh token is spent and a new one returned
    (rotation); a spent one presented again revokes its whole family.

    Tokens are JWTs signed with Ed25519; the keys are at `/.well-known/jwks.json`; the provider's
    metadata at `/.well-known/openid-configuration`. After repeated wrong secrets for one client id (or
    from one address) the endpoint answers 429 `too-many-failed-attempts` with `Retry-After`, even to
    the right secret, until the window has passed.

    **Who may call:** anyone; no token needed.

    Args:
        body (BodyIdentityToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIdentityToken,

) -> Response[Problem | TokenResponse]:
    """ Get an access token (client credentials, authorization code, refresh token)

     RFC 6749. Send `application/x-www-form-urlencoded`; client credentials either as HTTP Basic
    (preferred) or as `client_id`/`client_secret` form fields (a public OpenID Connect client sends only
    `client_id`).

    - `grant_type=client_credentials` (API clients, section 4.4): optional `scope` narrows the granted
    scopes; optional `audience` narrows the token to one service (`kopmod-registry`, `kopmod-financing`,
    `kopmod-marketplace`).
    - `grant_type=authorization_code` (OpenID Connect clients, section 4.1.3): `code`, the exact
    `redirect_uri` of the request and the PKCE `code_verifier` (S256). Answers with an access token, an
    ID token and a refresh token.
    - `grant_type=refresh_token` (section 6): the refresh token is spent and a new one returned
    (rotation); a spent one presented again revokes its whole family.

    Tokens are JWTs signed with Ed25519; the keys are at `/.well-known/jwks.json`; the provider's
    metadata at `/.well-known/openid-configuration`. After repeated wrong secrets for one client id (or
    from one address) the endpoint answers 429 `too-many-failed-attempts` with `Retry-After`, even to
    the right secret, until the window has passed.

    **Who may call:** anyone; no token needed.

    Args:
        body (BodyIdentityToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIdentityToken,

) -> Problem | TokenResponse | None:
    """ Get an access token (client credentials, authorization code, refresh token)

     RFC 6749. Send `application/x-www-form-urlencoded`; client credentials either as HTTP Basic
    (preferred) or as `client_id`/`client_secret` form fields (a public OpenID Connect client sends only
    `client_id`).

    - `grant_type=client_credentials` (API clients, section 4.4): optional `scope` narrows the granted
    scopes; optional `audience` narrows the token to one service (`kopmod-registry`, `kopmod-financing`,
    `kopmod-marketplace`).
    - `grant_type=authorization_code` (OpenID Connect clients, section 4.1.3): `code`, the exact
    `redirect_uri` of the request and the PKCE `code_verifier` (S256). Answers with an access token, an
    ID token and a refresh token.
    - `grant_type=refresh_token` (section 6): the refresh token is spent and a new one returned
    (rotation); a spent one presented again revokes its whole family.

    Tokens are JWTs signed with Ed25519; the keys are at `/.well-known/jwks.json`; the provider's
    metadata at `/.well-known/openid-configuration`. After repeated wrong secrets for one client id (or
    from one address) the endpoint answers 429 `too-many-failed-attempts` with `Retry-After`, even to
    the right secret, until the window has passed.

    **Who may call:** anyone; no token needed.

    Args:
        body (BodyIdentityToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
