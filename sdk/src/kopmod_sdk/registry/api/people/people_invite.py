from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.invitation_create import InvitationCreate
from ...models.person_out import PersonOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: InvitationCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/people/invitations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PersonOut | Problem | None:
    if response.status_code == 201:
        response_201 = PersonOut.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PersonOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: InvitationCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[PersonOut | Problem]:
    """ Invite a person (admin, ministry, or an organisation's manager)

     Creates the person (status `invited`) and the membership, and emails a single-use link that expires
    (`invitation_ttl_hours`). An admin invites anyone; a ministry officer invites staff and
    organisations' managers; a cooperative's or an offtaker's manager invites colleagues to that
    organisation only. A person who already has an account gets the new membership without a link.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `cooperative` (a cooperative, acting for its own organisation only), `offtaker`
    (an offtaker, acting for its own organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (InvitationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: InvitationCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> PersonOut | Problem | None:
    """ Invite a person (admin, ministry, or an organisation's manager)

     Creates the person (status `invited`) and the membership, and emails a single-use link that expires
    (`invitation_ttl_hours`). An admin invites anyone; a ministry officer invites staff and
    organisations' managers; a cooperative's or an offtaker's manager invites colleagues to that
    organisation only. A person who already has an account gets the new membership without a link.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `cooperative` (a cooperative, acting for its own organisation only), `offtaker`
    (an offtaker, acting for its own organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (InvitationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: InvitationCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[PersonOut | Problem]:
    """ Invite a person (admin, ministry, or an organisation's manager)

     Creates the person (status `invited`) and the membership, and emails a single-use link that expires
    (`invitation_ttl_hours`). An admin invites anyone; a ministry officer invites staff and
    organisations' managers; a cooperative's or an offtaker's manager invites colleagues to that
    organisation only. A person who already has an account gets the new membership without a link.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `cooperative` (a cooperative, acting for its own organisation only), `offtaker`
    (an offtaker, acting for its own organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (InvitationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: InvitationCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> PersonOut | Problem | None:
    """ Invite a person (admin, ministry, or an organisation's manager)

     Creates the person (status `invited`) and the membership, and emails a single-use link that expires
    (`invitation_ttl_hours`). An admin invites anyone; a ministry officer invites staff and
    organisations' managers; a cooperative's or an offtaker's manager invites colleagues to that
    organisation only. A person who already has an account gets the new membership without a link.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `cooperative` (a cooperative, acting for its own organisation only), `offtaker`
    (an offtaker, acting for its own organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (InvitationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
