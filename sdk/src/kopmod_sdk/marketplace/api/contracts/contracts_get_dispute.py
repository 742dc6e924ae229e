from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.dispute_detail import DisputeDetail
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    dispute_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/disputes/{dispute_id}".format(dispute_id=quote(str(dispute_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DisputeDetail | Problem | None:
    if response.status_code == 200:
        response_200 = DisputeDetail.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DisputeDetail | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dispute_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[DisputeDetail | Problem]:
    """ Read a dispute with the delivery it is about and its history

     History, oldest first: the delivery as received (with the rejection reason), the claim, and the
    settlement (by the offtaker conceding or the platform's mediator).

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        dispute_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisputeDetail | Problem]
     """


    kwargs = _get_kwargs(
        dispute_id=dispute_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    dispute_id: UUID,
    *,
    client: AuthenticatedClient,

) -> DisputeDetail | Problem | None:
    """ Read a dispute with the delivery it is about and its history

     History, oldest first: the delivery as received (with the rejection reason), the claim, and the
    settlement (by the offtaker conceding or the platform's mediator).

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        dispute_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisputeDetail | Problem
     """


    return sync_detailed(
        dispute_id=dispute_id,
client=client,

    ).parsed

async def asyncio_detailed(
    dispute_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[DisputeDetail | Problem]:
    """ Read a dispute with the delivery it is about and its history

     History, oldest first: the delivery as received (with the rejection reason), the claim, and the
    settlement (by the offtaker conceding or the platform's mediator).

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        dispute_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisputeDetail | Problem]
     """


    kwargs = _get_kwargs(
        dispute_id=dispute_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    dispute_id: UUID,
    *,
    client: AuthenticatedClient,

) -> DisputeDetail | Problem | None:
    """ Read a dispute with the delivery it is about and its history

     History, oldest first: the delivery as received (with the rejection reason), the claim, and the
    settlement (by the offtaker conceding or the platform's mediator).

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        dispute_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisputeDetail | Problem
     """


    return (await asyncio_detailed(
        dispute_id=dispute_id,
client=client,

    )).parsed
