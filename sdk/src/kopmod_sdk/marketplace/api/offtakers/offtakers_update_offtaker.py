from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.offtaker_out import OfftakerOut
from ...models.offtaker_update import OfftakerUpdate
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    offtaker_id: UUID,
    *,
    body: OfftakerUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/offtakers/{offtaker_id}".format(offtaker_id=quote(str(offtaker_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OfftakerOut | Problem | None:
    if response.status_code == 200:
        response_200 = OfftakerOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OfftakerOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    offtaker_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfftakerUpdate,

) -> Response[OfftakerOut | Problem]:
    """ Change an offtaker's name or contact (itself) or verification status (admin)

     **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `marketplace:read`.

    Args:
        offtaker_id (UUID):
        body (OfftakerUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfftakerOut | Problem]
     """


    kwargs = _get_kwargs(
        offtaker_id=offtaker_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    offtaker_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfftakerUpdate,

) -> OfftakerOut | Problem | None:
    """ Change an offtaker's name or contact (itself) or verification status (admin)

     **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `marketplace:read`.

    Args:
        offtaker_id (UUID):
        body (OfftakerUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfftakerOut | Problem
     """


    return sync_detailed(
        offtaker_id=offtaker_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    offtaker_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfftakerUpdate,

) -> Response[OfftakerOut | Problem]:
    """ Change an offtaker's name or contact (itself) or verification status (admin)

     **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `marketplace:read`.

    Args:
        offtaker_id (UUID):
        body (OfftakerUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfftakerOut | Problem]
     """


    kwargs = _get_kwargs(
        offtaker_id=offtaker_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    offtaker_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfftakerUpdate,

) -> OfftakerOut | Problem | None:
    """ Change an offtaker's name or contact (itself) or verification status (admin)

     **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `marketplace:read`.

    Args:
        offtaker_id (UUID):
        body (OfftakerUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfftakerOut | Problem
     """


    return (await asyncio_detailed(
        offtaker_id=offtaker_id,
client=client,
body=body,

    )).parsed
