from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.membership_out import MembershipOut
from ...models.membership_update import MembershipUpdate
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    membership_id: UUID,
    *,
    body: MembershipUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/memberships/{membership_id}".format(membership_id=quote(str(membership_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MembershipOut | Problem | None:
    if response.status_code == 200:
        response_200 = MembershipOut.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MembershipOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    membership_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MembershipUpdate,

) -> Response[MembershipOut | Problem]:
    """ End or restore a membership (admin, or the organisation's manager)

     Ending one ends the sessions acting in it, revokes their refresh tokens, and stops their access
    tokens on every service within seconds (deny-list by session).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        membership_id (UUID):
        body (MembershipUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipOut | Problem]
     """


    kwargs = _get_kwargs(
        membership_id=membership_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    membership_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MembershipUpdate,

) -> MembershipOut | Problem | None:
    """ End or restore a membership (admin, or the organisation's manager)

     Ending one ends the sessions acting in it, revokes their refresh tokens, and stops their access
    tokens on every service within seconds (deny-list by session).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        membership_id (UUID):
        body (MembershipUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipOut | Problem
     """


    return sync_detailed(
        membership_id=membership_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    membership_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MembershipUpdate,

) -> Response[MembershipOut | Problem]:
    """ End or restore a membership (admin, or the organisation's manager)

     Ending one ends the sessions acting in it, revokes their refresh tokens, and stops their access
    tokens on every service within seconds (deny-list by session).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        membership_id (UUID):
        body (MembershipUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipOut | Problem]
     """


    kwargs = _get_kwargs(
        membership_id=membership_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    membership_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MembershipUpdate,

) -> MembershipOut | Problem | None:
    """ End or restore a membership (admin, or the organisation's manager)

     Ending one ends the sessions acting in it, revokes their refresh tokens, and stops their access
    tokens on every service within seconds (deny-list by session).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        membership_id (UUID):
        body (MembershipUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipOut | Problem
     """


    return (await asyncio_detailed(
        membership_id=membership_id,
client=client,
body=body,

    )).parsed
