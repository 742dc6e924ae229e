from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.proposal_out_page import ProposalOutPage
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    demand_id: None | Unset | UUID = UNSET,
    awaiting_me: bool | Unset = False,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_demand_id: None | str | Unset
    if isinstance(demand_id, Unset):
        json_demand_id = UNSET
    elif isinstance(demand_id, UUID):
        json_demand_id = str(demand_id)
    else:
        json_demand_id = demand_id
    params["demand_id"] = json_demand_id

    params["awaiting_me"] = awaiting_me

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/proposals",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProposalOutPage | None:
    if response.status_code == 200:
        response_200 = ProposalOutPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ProposalOutPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    demand_id: None | Unset | UUID = UNSET,
    awaiting_me: bool | Unset = False,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | ProposalOutPage]:
    """ List proposals

     A cooperative sees the proposals made to it; an offtaker those on its demands; admin and partners
    with `marketplace:read` see all. Each names both parties and says whose turn it is (`turn`) and when
    the terms lapse (`expires_at`); `awaiting_me=true` keeps the open ones waiting for the caller's
    answer.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        demand_id (None | Unset | UUID):
        awaiting_me (bool | Unset): Only the open proposals whose turn is the caller's (a
            cooperative's or an offtaker's), not yet expired. Default: False.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalOutPage]
     """


    kwargs = _get_kwargs(
        demand_id=demand_id,
awaiting_me=awaiting_me,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    demand_id: None | Unset | UUID = UNSET,
    awaiting_me: bool | Unset = False,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Problem | ProposalOutPage | None:
    """ List proposals

     A cooperative sees the proposals made to it; an offtaker those on its demands; admin and partners
    with `marketplace:read` see all. Each names both parties and says whose turn it is (`turn`) and when
    the terms lapse (`expires_at`); `awaiting_me=true` keeps the open ones waiting for the caller's
    answer.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        demand_id (None | Unset | UUID):
        awaiting_me (bool | Unset): Only the open proposals whose turn is the caller's (a
            cooperative's or an offtaker's), not yet expired. Default: False.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalOutPage
     """


    return sync_detailed(
        client=client,
demand_id=demand_id,
awaiting_me=awaiting_me,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    demand_id: None | Unset | UUID = UNSET,
    awaiting_me: bool | Unset = False,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | ProposalOutPage]:
    """ List proposals

     A cooperative sees the proposals made to it; an offtaker those on its demands; admin and partners
    with `marketplace:read` see all. Each names both parties and says whose turn it is (`turn`) and when
    the terms lapse (`expires_at`); `awaiting_me=true` keeps the open ones waiting for the caller's
    answer.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        demand_id (None | Unset | UUID):
        awaiting_me (bool | Unset): Only the open proposals whose turn is the caller's (a
            cooperative's or an offtaker's), not yet expired. Default: False.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalOutPage]
     """


    kwargs = _get_kwargs(
        demand_id=demand_id,
awaiting_me=awaiting_me,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    demand_id: None | Unset | UUID = UNSET,
    awaiting_me: bool | Unset = False,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Problem | ProposalOutPage | None:
    """ List proposals

     A cooperative sees the proposals made to it; an offtaker those on its demands; admin and partners
    with `marketplace:read` see all. Each names both parties and says whose turn it is (`turn`) and when
    the terms lapse (`expires_at`); `awaiting_me=true` keeps the open ones waiting for the caller's
    answer.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        demand_id (None | Unset | UUID):
        awaiting_me (bool | Unset): Only the open proposals whose turn is the caller's (a
            cooperative's or an offtaker's), not yet expired. Default: False.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalOutPage
     """


    return (await asyncio_detailed(
        client=client,
demand_id=demand_id,
awaiting_me=awaiting_me,
limit=limit,
cursor=cursor,

    )).parsed
