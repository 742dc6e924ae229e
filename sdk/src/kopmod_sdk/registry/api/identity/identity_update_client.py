from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.client_out import ClientOut
from ...models.client_update import ClientUpdate
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    client_uuid: UUID,
    *,
    body: ClientUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/clients/{client_uuid}".format(client_uuid=quote(str(client_uuid), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClientOut | Problem | None:
    if response.status_code == 200:
        response_200 = ClientOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ClientOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: ClientUpdate,

) -> Response[ClientOut | Problem]:
    """ Change an API client's name, scopes or active flag (admin)

     **Who may call:** `admin` (platform operator).

    Args:
        client_uuid (UUID):
        body (ClientUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientOut | Problem]
     """


    kwargs = _get_kwargs(
        client_uuid=client_uuid,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: ClientUpdate,

) -> ClientOut | Problem | None:
    """ Change an API client's name, scopes or active flag (admin)

     **Who may call:** `admin` (platform operator).

    Args:
        client_uuid (UUID):
        body (ClientUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientOut | Problem
     """


    return sync_detailed(
        client_uuid=client_uuid,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: ClientUpdate,

) -> Response[ClientOut | Problem]:
    """ Change an API client's name, scopes or active flag (admin)

     **Who may call:** `admin` (platform operator).

    Args:
        client_uuid (UUID):
        body (ClientUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientOut | Problem]
     """


    kwargs = _get_kwargs(
        client_uuid=client_uuid,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    client_uuid: UUID,
    *,
    client: AuthenticatedClient,
    body: ClientUpdate,

) -> ClientOut | Problem | None:
    """ Change an API client's name, scopes or active flag (admin)

     **Who may call:** `admin` (platform operator).

    Args:
        client_uuid (UUID):
        body (ClientUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientOut | Problem
     """


    return (await asyncio_detailed(
        client_uuid=client_uuid,
client=client,
body=body,

    )).parsed
