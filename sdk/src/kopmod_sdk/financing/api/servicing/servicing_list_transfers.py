from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.transfer_list import TransferList
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    cooperative_id: None | Unset | UUID = UNSET,
    entity_id: None | Unset | UUID = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_cooperative_id: None | str | Unset
    if isinstance(cooperative_id, Unset):
        json_cooperative_id = UNSET
    elif isinstance(cooperative_id, UUID):
        json_cooperative_id = str(cooperative_id)
    else:
        json_cooperative_id = cooperative_id
    params["cooperative_id"] = json_cooperative_id

    json_entity_id: None | str | Unset
    if isinstance(entity_id, Unset):
        json_entity_id = UNSET
    elif isinstance(entity_id, UUID):
        json_entity_id = str(entity_id)
    else:
        json_entity_id = entity_id
    params["entity_id"] = json_entity_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cooperative-transfers",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TransferList | None:
    if response.status_code == 200:
        response_200 = TransferList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TransferList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cooperative_id: None | Unset | UUID = UNSET,
    entity_id: None | Unset | UUID = UNSET,

) -> Response[Problem | TransferList]:
    """ Loans and applications moved by a merger, fusion or spin-off

     When the registry records a restructuring, the predecessors' loans that are not closed and open
    applications move to the successor (a spin-off: only those it names). One row per move: from which
    cooperative to which, by which restructuring and event. Filter by `cooperative_id` (either side) or
    `entity_id` (a loan or application); oldest first, at most 500.

    **Who may call:** `ministry` (registry officer of the ministry or a provincial office),
    `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee` (fund committee
    (approvals, products, treasury)), `service` (another kopmod service).

    Args:
        cooperative_id (None | Unset | UUID):
        entity_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TransferList]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,
entity_id=entity_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    cooperative_id: None | Unset | UUID = UNSET,
    entity_id: None | Unset | UUID = UNSET,

) -> Problem | TransferList | None:
    """ Loans and applications moved by a merger, fusion or spin-off

     When the registry records a restructuring, the predecessors' loans that are not closed and open
    applications move to the successor (a spin-off: only those it names). One row per move: from which
    cooperative to which, by which restructuring and event. Filter by `cooperative_id` (either side) or
    `entity_id` (a loan or application); oldest first, at most 500.

    **Who may call:** `ministry` (registry officer of the ministry or a provincial office),
    `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee` (fund committee
    (approvals, products, treasury)), `service` (another kopmod service).

    Args:
        cooperative_id (None | Unset | UUID):
        entity_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TransferList
     """


    return sync_detailed(
        client=client,
cooperative_id=cooperative_id,
entity_id=entity_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cooperative_id: None | Unset | UUID = UNSET,
    entity_id: None | Unset | UUID = UNSET,

) -> Response[Problem | TransferList]:
    """ Loans and applications moved by a merger, fusion or spin-off

     When the registry records a restructuring, the predecessors' loans that are not closed and open
    applications move to the successor (a spin-off: only those it names). One row per move: from which
    cooperative to which, by which restructuring and event. Filter by `cooperative_id` (either side) or
    `entity_id` (a loan or application); oldest first, at most 500.

    **Who may call:** `ministry` (registry officer of the ministry or a provincial office),
    `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee` (fund committee
    (approvals, products, treasury)), `service` (another kopmod service).

    Args:
        cooperative_id (None | Unset | UUID):
        entity_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TransferList]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,
entity_id=entity_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    cooperative_id: None | Unset | UUID = UNSET,
    entity_id: None | Unset | UUID = UNSET,

) -> Problem | TransferList | None:
    """ Loans and applications moved by a merger, fusion or spin-off

     When the registry records a restructuring, the predecessors' loans that are not closed and open
    applications move to the successor (a spin-off: only those it names). One row per move: from which
    cooperative to which, by which restructuring and event. Filter by `cooperative_id` (either side) or
    `entity_id` (a loan or application); oldest first, at most 500.

    **Who may call:** `ministry` (registry officer of the ministry or a provincial office),
    `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee` (fund committee
    (approvals, products, treasury)), `service` (another kopmod service).

    Args:
        cooperative_id (None | Unset | UUID):
        entity_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TransferList
     """


    return (await asyncio_detailed(
        client=client,
cooperative_id=cooperative_id,
entity_id=entity_id,

    )).parsed
