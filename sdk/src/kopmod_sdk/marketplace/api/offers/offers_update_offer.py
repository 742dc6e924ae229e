from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.offer_out import OfferOut
from ...models.offer_update import OfferUpdate
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    offer_id: UUID,
    *,
    body: OfferUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/offers/{offer_id}".format(offer_id=quote(str(offer_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OfferOut | Problem | None:
    if response.status_code == 200:
        response_200 = OfferOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OfferOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferUpdate,

) -> Response[OfferOut | Problem]:
    """ Change an open supply offer (its cooperative): price, quantity, lots, grade, window

     Only what is sent changes. What accepted proposals committed stays committed: the quantity may not
    fall below it (422 `below_committed`), and while anything is committed the grade and window cannot
    change (409 `offer-committed`: withdraw and post a new offer). Open proposals keep the terms they
    were made with. A withdrawn, committed or expired offer cannot change (409).

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        offer_id (UUID):
        body (OfferUpdate): What changes; what is omitted stays. ``null`` clears ``min_order`` or
            ``order_multiple``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferOut | Problem]
     """


    kwargs = _get_kwargs(
        offer_id=offer_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferUpdate,

) -> OfferOut | Problem | None:
    """ Change an open supply offer (its cooperative): price, quantity, lots, grade, window

     Only what is sent changes. What accepted proposals committed stays committed: the quantity may not
    fall below it (422 `below_committed`), and while anything is committed the grade and window cannot
    change (409 `offer-committed`: withdraw and post a new offer). Open proposals keep the terms they
    were made with. A withdrawn, committed or expired offer cannot change (409).

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        offer_id (UUID):
        body (OfferUpdate): What changes; what is omitted stays. ``null`` clears ``min_order`` or
            ``order_multiple``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferOut | Problem
     """


    return sync_detailed(
        offer_id=offer_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferUpdate,

) -> Response[OfferOut | Problem]:
    """ Change an open supply offer (its cooperative): price, quantity, lots, grade, window

     Only what is sent changes. What accepted proposals committed stays committed: the quantity may not
    fall below it (422 `below_committed`), and while anything is committed the grade and window cannot
    change (409 `offer-committed`: withdraw and post a new offer). Open proposals keep the terms they
    were made with. A withdrawn, committed or expired offer cannot change (409).

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        offer_id (UUID):
        body (OfferUpdate): What changes; what is omitted stays. ``null`` clears ``min_order`` or
            ``order_multiple``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferOut | Problem]
     """


    kwargs = _get_kwargs(
        offer_id=offer_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    offer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferUpdate,

) -> OfferOut | Problem | None:
    """ Change an open supply offer (its cooperative): price, quantity, lots, grade, window

     Only what is sent changes. What accepted proposals committed stays committed: the quantity may not
    fall below it (422 `below_committed`), and while anything is committed the grade and window cannot
    change (409 `offer-committed`: withdraw and post a new offer). Open proposals keep the terms they
    were made with. A withdrawn, committed or expired offer cannot change (409).

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        offer_id (UUID):
        body (OfferUpdate): What changes; what is omitted stays. ``null`` clears ``min_order`` or
            ``order_multiple``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferOut | Problem
     """


    return (await asyncio_detailed(
        offer_id=offer_id,
client=client,
body=body,

    )).parsed
