from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.delivery_out import DeliveryOut
from ...models.delivery_receipt import DeliveryReceipt
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    delivery_id: UUID,
    *,
    body: DeliveryReceipt | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/deliveries/{delivery_id}/accept".format(delivery_id=quote(str(delivery_id), safe=""),),
    }

    
    if isinstance(body, DeliveryReceipt):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeliveryOut | Problem | None:
    if response.status_code == 200:
        response_200 = DeliveryOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DeliveryOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryReceipt | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[DeliveryOut | Problem]:
    """ Accept a noticed delivery, all or part (the offtaker)

     Omit `quantity_accepted` to accept everything; accepting less needs the `rejection_reason`. The
    accepted quantity counts on the milestones, `marketplace.delivery.recorded` is published (a closed-
    loop loan is repaid from its `accepted_value`), and the contract completes when everything is
    accepted. 409 `invalid-transition` once answered.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only).

    Args:
        delivery_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DeliveryReceipt | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryOut | Problem]
     """


    kwargs = _get_kwargs(
        delivery_id=delivery_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryReceipt | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> DeliveryOut | Problem | None:
    """ Accept a noticed delivery, all or part (the offtaker)

     Omit `quantity_accepted` to accept everything; accepting less needs the `rejection_reason`. The
    accepted quantity counts on the milestones, `marketplace.delivery.recorded` is published (a closed-
    loop loan is repaid from its `accepted_value`), and the contract completes when everything is
    accepted. 409 `invalid-transition` once answered.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only).

    Args:
        delivery_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DeliveryReceipt | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryOut | Problem
     """


    return sync_detailed(
        delivery_id=delivery_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryReceipt | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[DeliveryOut | Problem]:
    """ Accept a noticed delivery, all or part (the offtaker)

     Omit `quantity_accepted` to accept everything; accepting less needs the `rejection_reason`. The
    accepted quantity counts on the milestones, `marketplace.delivery.recorded` is published (a closed-
    loop loan is repaid from its `accepted_value`), and the contract completes when everything is
    accepted. 409 `invalid-transition` once answered.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only).

    Args:
        delivery_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DeliveryReceipt | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryOut | Problem]
     """


    kwargs = _get_kwargs(
        delivery_id=delivery_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryReceipt | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> DeliveryOut | Problem | None:
    """ Accept a noticed delivery, all or part (the offtaker)

     Omit `quantity_accepted` to accept everything; accepting less needs the `rejection_reason`. The
    accepted quantity counts on the milestones, `marketplace.delivery.recorded` is published (a closed-
    loop loan is repaid from its `accepted_value`), and the contract completes when everything is
    accepted. 409 `invalid-transition` once answered.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only).

    Args:
        delivery_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DeliveryReceipt | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryOut | Problem
     """


    return (await asyncio_detailed(
        delivery_id=delivery_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
