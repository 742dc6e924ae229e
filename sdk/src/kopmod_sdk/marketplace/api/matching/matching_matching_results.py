from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.matching_results import MatchingResults
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    demand_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/demands/{demand_id}/matching-results".format(demand_id=quote(str(demand_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MatchingResults | Problem | None:
    if response.status_code == 200:
        response_200 = MatchingResults.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MatchingResults | Problem]:
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

) -> Response[MatchingResults | Problem]:
    """ The latest matching run's split for a demand and why each cooperative was chosen (its offtaker)

     From the newest run that matched this demand (alone, or in a batch that allocated to it): each
    cooperative's part (quantity and share of the demand), its delivered cost (asking price plus
    transport) and rank, distance, grade, capacity, reliability, the score's factors and weights, and
    the reasons as sentences (`reasons[].text`, with `code` and `values` for a page that words them in
    its own language); then up to 20 nearby offers that got nothing, with the reason. Explained from the
    run's recorded inputs. 404 before the demand's first run, and for another offtaker's demand.

    **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only).

    Args:
        demand_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchingResults | Problem]
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

) -> MatchingResults | Problem | None:
    """ The latest matching run's split for a demand and why each cooperative was chosen (its offtaker)

     From the newest run that matched this demand (alone, or in a batch that allocated to it): each
    cooperative's part (quantity and share of the demand), its delivered cost (asking price plus
    transport) and rank, distance, grade, capacity, reliability, the score's factors and weights, and
    the reasons as sentences (`reasons[].text`, with `code` and `values` for a page that words them in
    its own language); then up to 20 nearby offers that got nothing, with the reason. Explained from the
    run's recorded inputs. 404 before the demand's first run, and for another offtaker's demand.

    **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only).

    Args:
        demand_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchingResults | Problem
     """


    return sync_detailed(
        demand_id=demand_id,
client=client,

    ).parsed

async def asyncio_detailed(
    demand_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[MatchingResults | Problem]:
    """ The latest matching run's split for a demand and why each cooperative was chosen (its offtaker)

     From the newest run that matched this demand (alone, or in a batch that allocated to it): each
    cooperative's part (quantity and share of the demand), its delivered cost (asking price plus
    transport) and rank, distance, grade, capacity, reliability, the score's factors and weights, and
    the reasons as sentences (`reasons[].text`, with `code` and `values` for a page that words them in
    its own language); then up to 20 nearby offers that got nothing, with the reason. Explained from the
    run's recorded inputs. 404 before the demand's first run, and for another offtaker's demand.

    **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only).

    Args:
        demand_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchingResults | Problem]
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

) -> MatchingResults | Problem | None:
    """ The latest matching run's split for a demand and why each cooperative was chosen (its offtaker)

     From the newest run that matched this demand (alone, or in a batch that allocated to it): each
    cooperative's part (quantity and share of the demand), its delivered cost (asking price plus
    transport) and rank, distance, grade, capacity, reliability, the score's factors and weights, and
    the reasons as sentences (`reasons[].text`, with `code` and `values` for a page that words them in
    its own language); then up to 20 nearby offers that got nothing, with the reason. Explained from the
    run's recorded inputs. 404 before the demand's first run, and for another offtaker's demand.

    **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only).

    Args:
        demand_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchingResults | Problem
     """


    return (await asyncio_detailed(
        demand_id=demand_id,
client=client,

    )).parsed
