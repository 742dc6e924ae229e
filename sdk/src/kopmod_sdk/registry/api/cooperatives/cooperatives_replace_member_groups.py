from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.member_group_out import MemberGroupOut
from ...models.member_groups_in import MemberGroupsIn
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    cooperative_id: UUID,
    *,
    body: MemberGroupsIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/cooperatives/{cooperative_id}/member-groups".format(cooperative_id=quote(str(cooperative_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[MemberGroupOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = MemberGroupOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[MemberGroupOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberGroupsIn,

) -> Response[Problem | list[MemberGroupOut]]:
    """ Replace the member groups (koperasi multipihak)

     The whole set at once, because its rules are about the set: at least 2 groups, voting shares adding
    up to 100 (Permenkop 8/2021). Writers, or the cooperative itself (its members decide its groups).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        body (MemberGroupsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[MemberGroupOut]]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberGroupsIn,

) -> Problem | list[MemberGroupOut] | None:
    """ Replace the member groups (koperasi multipihak)

     The whole set at once, because its rules are about the set: at least 2 groups, voting shares adding
    up to 100 (Permenkop 8/2021). Writers, or the cooperative itself (its members decide its groups).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        body (MemberGroupsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[MemberGroupOut]
     """


    return sync_detailed(
        cooperative_id=cooperative_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberGroupsIn,

) -> Response[Problem | list[MemberGroupOut]]:
    """ Replace the member groups (koperasi multipihak)

     The whole set at once, because its rules are about the set: at least 2 groups, voting shares adding
    up to 100 (Permenkop 8/2021). Writers, or the cooperative itself (its members decide its groups).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        body (MemberGroupsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[MemberGroupOut]]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberGroupsIn,

) -> Problem | list[MemberGroupOut] | None:
    """ Replace the member groups (koperasi multipihak)

     The whole set at once, because its rules are about the set: at least 2 groups, voting shares adding
    up to 100 (Permenkop 8/2021). Writers, or the cooperative itself (its members decide its groups).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        body (MemberGroupsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[MemberGroupOut]
     """


    return (await asyncio_detailed(
        cooperative_id=cooperative_id,
client=client,
body=body,

    )).parsed
