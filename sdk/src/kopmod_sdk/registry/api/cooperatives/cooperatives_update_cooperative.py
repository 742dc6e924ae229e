from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cooperative_out import CooperativeOut
from ...models.cooperative_update import CooperativeUpdate
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    cooperative_id: UUID,
    *,
    body: CooperativeUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/cooperatives/{cooperative_id}".format(cooperative_id=quote(str(cooperative_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CooperativeOut | Problem | None:
    if response.status_code == 200:
        response_200 = CooperativeOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CooperativeOut | Problem]:
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
    body: CooperativeUpdate,

) -> Response[CooperativeOut | Problem]:
    """ Change a cooperative (partial)

     Only the fields sent change. Writers change any field but `status: merged` (set by a restructuring);
    a merged or dissolved cooperative keeps its status (409). A cooperative principal may change only
    its own address, coordinates, business sectors, commodities and member count: its legal identity is
    refused with 403 naming the fields.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        body (CooperativeUpdate): Partial update: only the fields sent change; send null to clear
            an optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CooperativeOut | Problem]
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
    body: CooperativeUpdate,

) -> CooperativeOut | Problem | None:
    """ Change a cooperative (partial)

     Only the fields sent change. Writers change any field but `status: merged` (set by a restructuring);
    a merged or dissolved cooperative keeps its status (409). A cooperative principal may change only
    its own address, coordinates, business sectors, commodities and member count: its legal identity is
    refused with 403 naming the fields.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        body (CooperativeUpdate): Partial update: only the fields sent change; send null to clear
            an optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CooperativeOut | Problem
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
    body: CooperativeUpdate,

) -> Response[CooperativeOut | Problem]:
    """ Change a cooperative (partial)

     Only the fields sent change. Writers change any field but `status: merged` (set by a restructuring);
    a merged or dissolved cooperative keeps its status (409). A cooperative principal may change only
    its own address, coordinates, business sectors, commodities and member count: its legal identity is
    refused with 403 naming the fields.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        body (CooperativeUpdate): Partial update: only the fields sent change; send null to clear
            an optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CooperativeOut | Problem]
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
    body: CooperativeUpdate,

) -> CooperativeOut | Problem | None:
    """ Change a cooperative (partial)

     Only the fields sent change. Writers change any field but `status: merged` (set by a restructuring);
    a merged or dissolved cooperative keeps its status (409). A cooperative principal may change only
    its own address, coordinates, business sectors, commodities and member count: its legal identity is
    refused with 403 naming the fields.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        body (CooperativeUpdate): Partial update: only the fields sent change; send null to clear
            an optional field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CooperativeOut | Problem
     """


    return (await asyncio_detailed(
        cooperative_id=cooperative_id,
client=client,
body=body,

    )).parsed
