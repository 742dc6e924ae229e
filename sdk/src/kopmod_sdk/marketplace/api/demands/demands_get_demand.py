from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.demand_out import DemandOut
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    demand_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/demands/{demand_id}".format(demand_id=quote(str(demand_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DemandOut | Problem | None:
    if response.status_code == 200:
        response_200 = DemandOut.from_dict(response.json())



        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DemandOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    demand_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[DemandOut | Problem]:
    """ Read a demand

     An open demand is public (price per its privacy); others only for their offtaker.

    **Who may call:** anyone; no token needed. With a token the answer may include what the caller's
    role and organisation may see.

    Args:
        demand_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DemandOut | Problem]
     """


    kwargs = _get_kwargs(
        demand_id=demand_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    demand_id: UUID,
    *,
    client: AuthenticatedClient,

) -> DemandOut | Problem | None:
    """ Read a demand

     An open demand is public (price per its privacy); others only for their offtaker.

    **Who may call:** anyone; no token needed. With a token the answer may include what the caller's
    role and organisation may see.

    Args:
        demand_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DemandOut | Problem
     """


    return sync_detailed(
        demand_id=demand_id,
client=client,

    ).parsed

async def asyncio_detailed(
    demand_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[DemandOut | Problem]:
    """ Read a demand

     An open demand is public (price per its privacy); others only for their offtaker.

    **Who may call:** anyone; no token needed. With a token the answer may include what the caller's
    role and organisation may see.

    Args:
        demand_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DemandOut | Problem]
     """


    kwargs = _get_kwargs(
        demand_id=demand_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    demand_id: UUID,
    *,
    client: AuthenticatedClient,

) -> DemandOut | Problem | None:
    """ Read a demand

     An open demand is public (price per its privacy); others only for their offtaker.

    **Who may call:** anyone; no token needed. With a token the answer may include what the caller's
    role and organisation may see.

    Args:
        demand_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DemandOut | Problem
     """


    return (await asyncio_detailed(
        demand_id=demand_id,
client=client,

    )).parsed
