from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.offer_create import OfferCreate
from ...models.offer_out import OfferOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: OfferCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/offers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OfferOut | Problem | None:
    if response.status_code == 201:
        response_201 = OfferOut.from_dict(response.json())



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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

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
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[OfferOut | Problem]:
    """ Offer supply (cooperative)

     What the cooperative can supply: commodity, grade, quantity per period (stored in the base unit),
    minimum order and order multiple, window, location (the cooperative's own from the registry when
    omitted), asking price per base unit, certifications held. A weekly or monthly offer supplies its
    quantity in every period of the window (`periods`, `capacity_total`), and no contract schedule may
    put more than that quantity into one period. The registry must know the cooperative as active; when
    the registry cannot be reached the answer is 503 `upstream-unavailable` and nothing is stored.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (OfferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> OfferOut | Problem | None:
    """ Offer supply (cooperative)

     What the cooperative can supply: commodity, grade, quantity per period (stored in the base unit),
    minimum order and order multiple, window, location (the cooperative's own from the registry when
    omitted), asking price per base unit, certifications held. A weekly or monthly offer supplies its
    quantity in every period of the window (`periods`, `capacity_total`), and no contract schedule may
    put more than that quantity into one period. The registry must know the cooperative as active; when
    the registry cannot be reached the answer is 503 `upstream-unavailable` and nothing is stored.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (OfferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[OfferOut | Problem]:
    """ Offer supply (cooperative)

     What the cooperative can supply: commodity, grade, quantity per period (stored in the base unit),
    minimum order and order multiple, window, location (the cooperative's own from the registry when
    omitted), asking price per base unit, certifications held. A weekly or monthly offer supplies its
    quantity in every period of the window (`periods`, `capacity_total`), and no contract schedule may
    put more than that quantity into one period. The registry must know the cooperative as active; when
    the registry cannot be reached the answer is 503 `upstream-unavailable` and nothing is stored.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (OfferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> OfferOut | Problem | None:
    """ Offer supply (cooperative)

     What the cooperative can supply: commodity, grade, quantity per period (stored in the base unit),
    minimum order and order multiple, window, location (the cooperative's own from the registry when
    omitted), asking price per base unit, certifications held. A weekly or monthly offer supplies its
    quantity in every period of the window (`periods`, `capacity_total`), and no contract schedule may
    put more than that quantity into one period. The registry must know the cooperative as active; when
    the registry cannot be reached the answer is 503 `upstream-unavailable` and nothing is stored.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (OfferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
