from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.lineage_graph import LineageGraph
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    cooperative_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cooperatives/{cooperative_id}/lineage-graph".format(cooperative_id=quote(str(cooperative_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LineageGraph | Problem | None:
    if response.status_code == 200:
        response_200 = LineageGraph.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LineageGraph | Problem]:
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

) -> Response[LineageGraph | Problem]:
    """ A cooperative's lineage as a graph (nodes and edges) to draw

     Every recorded merger, fusion and spin-off in the cooperative's lineage, with all participants of
    each: nodes (cooperatives, their status and province) and edges from predecessor (or parent) to
    successor. Readable as the cooperative is (another cooperative's id is a 404 for a cooperative).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LineageGraph | Problem]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,

) -> LineageGraph | Problem | None:
    """ A cooperative's lineage as a graph (nodes and edges) to draw

     Every recorded merger, fusion and spin-off in the cooperative's lineage, with all participants of
    each: nodes (cooperatives, their status and province) and edges from predecessor (or parent) to
    successor. Readable as the cooperative is (another cooperative's id is a 404 for a cooperative).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LineageGraph | Problem
     """


    return sync_detailed(
        cooperative_id=cooperative_id,
client=client,

    ).parsed

async def asyncio_detailed(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[LineageGraph | Problem]:
    """ A cooperative's lineage as a graph (nodes and edges) to draw

     Every recorded merger, fusion and spin-off in the cooperative's lineage, with all participants of
    each: nodes (cooperatives, their status and province) and edges from predecessor (or parent) to
    successor. Readable as the cooperative is (another cooperative's id is a 404 for a cooperative).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LineageGraph | Problem]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,

) -> LineageGraph | Problem | None:
    """ A cooperative's lineage as a graph (nodes and edges) to draw

     Every recorded merger, fusion and spin-off in the cooperative's lineage, with all participants of
    each: nodes (cooperatives, their status and province) and edges from predecessor (or parent) to
    successor. Readable as the cooperative is (another cooperative's id is a 404 for a cooperative).

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LineageGraph | Problem
     """


    return (await asyncio_detailed(
        cooperative_id=cooperative_id,
client=client,

    )).parsed
