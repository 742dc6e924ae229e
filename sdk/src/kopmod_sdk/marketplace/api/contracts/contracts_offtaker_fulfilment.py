from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.offtaker_fulfilment import OfftakerFulfilment
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    offtaker_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/offtakers/{offtaker_id}/fulfilment".format(offtaker_id=quote(str(offtaker_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OfftakerFulfilment | Problem | None:
    if response.status_code == 200:
        response_200 = OfftakerFulfilment.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OfftakerFulfilment | Problem]:
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

) -> Response[OfftakerFulfilment | Problem]:
    """ An offtaker's suppliers: what each cooperative delivered, per commodity

     Over the offtaker's signed contracts, per cooperative and commodity: contracts, quantities
    contracted, due by today and accepted (in the commodity's base unit), values at the contract prices,
    and the fulfilment rate (accepted over due, capped at 1; null while nothing is due). Lowest rate
    first. Only the offtaker itself and readers: another offtaker's id answers 404.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        offtaker_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfftakerFulfilment | Problem]
     """


    kwargs = _get_kwargs(
        offtaker_id=offtaker_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    offtaker_id: UUID,
    *,
    client: AuthenticatedClient,

) -> OfftakerFulfilment | Problem | None:
    """ An offtaker's suppliers: what each cooperative delivered, per commodity

     Over the offtaker's signed contracts, per cooperative and commodity: contracts, quantities
    contracted, due by today and accepted (in the commodity's base unit), values at the contract prices,
    and the fulfilment rate (accepted over due, capped at 1; null while nothing is due). Lowest rate
    first. Only the offtaker itself and readers: another offtaker's id answers 404.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        offtaker_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfftakerFulfilment | Problem
     """


    return sync_detailed(
        offtaker_id=offtaker_id,
client=client,

    ).parsed

async def asyncio_detailed(
    offtaker_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[OfftakerFulfilment | Problem]:
    """ An offtaker's suppliers: what each cooperative delivered, per commodity

     Over the offtaker's signed contracts, per cooperative and commodity: contracts, quantities
    contracted, due by today and accepted (in the commodity's base unit), values at the contract prices,
    and the fulfilment rate (accepted over due, capped at 1; null while nothing is due). Lowest rate
    first. Only the offtaker itself and readers: another offtaker's id answers 404.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        offtaker_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfftakerFulfilment | Problem]
     """


    kwargs = _get_kwargs(
        offtaker_id=offtaker_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    offtaker_id: UUID,
    *,
    client: AuthenticatedClient,

) -> OfftakerFulfilment | Problem | None:
    """ An offtaker's suppliers: what each cooperative delivered, per commodity

     Over the offtaker's signed contracts, per cooperative and commodity: contracts, quantities
    contracted, due by today and accepted (in the commodity's base unit), values at the contract prices,
    and the fulfilment rate (accepted over due, capped at 1; null while nothing is due). Lowest rate
    first. Only the offtaker itself and readers: another offtaker's id answers 404.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        offtaker_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfftakerFulfilment | Problem
     """


    return (await asyncio_detailed(
        offtaker_id=offtaker_id,
client=client,

    )).parsed
