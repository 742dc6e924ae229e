from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.delivery_notice_create import DeliveryNoticeCreate
from ...models.delivery_out import DeliveryOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    contract_id: UUID,
    *,
    body: DeliveryNoticeCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/contracts/{contract_id}/delivery-notices".format(contract_id=quote(str(contract_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeliveryOut | Problem | None:
    if response.status_code == 201:
        response_201 = DeliveryOut.from_dict(response.json())



        return response_201

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
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryNoticeCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[DeliveryOut | Problem]:
    """ Give notice of a delivery (the cooperative); the offtaker then accepts or rejects it

     Against a milestone (the earliest open one if omitted): the date and the quantity handed over, with
    a note. Nothing counts on the contract until the offtaker answers (`POST /v1/deliveries/{id}/accept`
    or `/reject`), but the quantity is held: notices never exceed what the contract has left. Publishes
    `marketplace.delivery.notified`.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only).

    Args:
        contract_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DeliveryNoticeCreate): The cooperative's notice that it delivered.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryOut | Problem]
     """


    kwargs = _get_kwargs(
        contract_id=contract_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryNoticeCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> DeliveryOut | Problem | None:
    """ Give notice of a delivery (the cooperative); the offtaker then accepts or rejects it

     Against a milestone (the earliest open one if omitted): the date and the quantity handed over, with
    a note. Nothing counts on the contract until the offtaker answers (`POST /v1/deliveries/{id}/accept`
    or `/reject`), but the quantity is held: notices never exceed what the contract has left. Publishes
    `marketplace.delivery.notified`.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only).

    Args:
        contract_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DeliveryNoticeCreate): The cooperative's notice that it delivered.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryOut | Problem
     """


    return sync_detailed(
        contract_id=contract_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryNoticeCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[DeliveryOut | Problem]:
    """ Give notice of a delivery (the cooperative); the offtaker then accepts or rejects it

     Against a milestone (the earliest open one if omitted): the date and the quantity handed over, with
    a note. Nothing counts on the contract until the offtaker answers (`POST /v1/deliveries/{id}/accept`
    or `/reject`), but the quantity is held: notices never exceed what the contract has left. Publishes
    `marketplace.delivery.notified`.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only).

    Args:
        contract_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DeliveryNoticeCreate): The cooperative's notice that it delivered.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryOut | Problem]
     """


    kwargs = _get_kwargs(
        contract_id=contract_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    contract_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryNoticeCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> DeliveryOut | Problem | None:
    """ Give notice of a delivery (the cooperative); the offtaker then accepts or rejects it

     Against a milestone (the earliest open one if omitted): the date and the quantity handed over, with
    a note. Nothing counts on the contract until the offtaker answers (`POST /v1/deliveries/{id}/accept`
    or `/reject`), but the quantity is held: notices never exceed what the contract has left. Publishes
    `marketplace.delivery.notified`.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only).

    Args:
        contract_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DeliveryNoticeCreate): The cooperative's notice that it delivered.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryOut | Problem
     """


    return (await asyncio_detailed(
        contract_id=contract_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
