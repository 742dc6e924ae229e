from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.demand_create import DemandCreate
from ...models.demand_out import DemandOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: DemandCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/demands",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DemandOut | Problem | None:
    if response.status_code == 201:
        response_201 = DemandOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DemandOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: DemandCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[DemandOut | Problem]:
    """ Post a demand (offtaker)

     What the offtaker needs: commodity, minimum grade, quantity in any unit the commodity allows (stored
    in its base unit), minimum lot per supplier, delivery window and place, price terms (fixed, floor-
    ceiling range, or formula), payment terms, certifications, domestic or export, Incoterm 2020 with
    its named place, recurrence. It opens at once (event `marketplace.demand.posted`) unless `draft` is
    true. A delivery place outside Indonesia is only accepted for `market: export`.

    **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DemandCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DemandOut | Problem]
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
    body: DemandCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> DemandOut | Problem | None:
    """ Post a demand (offtaker)

     What the offtaker needs: commodity, minimum grade, quantity in any unit the commodity allows (stored
    in its base unit), minimum lot per supplier, delivery window and place, price terms (fixed, floor-
    ceiling range, or formula), payment terms, certifications, domestic or export, Incoterm 2020 with
    its named place, recurrence. It opens at once (event `marketplace.demand.posted`) unless `draft` is
    true. A delivery place outside Indonesia is only accepted for `market: export`.

    **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DemandCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DemandOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DemandCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[DemandOut | Problem]:
    """ Post a demand (offtaker)

     What the offtaker needs: commodity, minimum grade, quantity in any unit the commodity allows (stored
    in its base unit), minimum lot per supplier, delivery window and place, price terms (fixed, floor-
    ceiling range, or formula), payment terms, certifications, domestic or export, Incoterm 2020 with
    its named place, recurrence. It opens at once (event `marketplace.demand.posted`) unless `draft` is
    true. A delivery place outside Indonesia is only accepted for `market: export`.

    **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DemandCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DemandOut | Problem]
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
    body: DemandCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> DemandOut | Problem | None:
    """ Post a demand (offtaker)

     What the offtaker needs: commodity, minimum grade, quantity in any unit the commodity allows (stored
    in its base unit), minimum lot per supplier, delivery window and place, price terms (fixed, floor-
    ceiling range, or formula), payment terms, certifications, domestic or export, Incoterm 2020 with
    its named place, recurrence. It opens at once (event `marketplace.demand.posted`) unless `draft` is
    true. A delivery place outside Indonesia is only accepted for `market: export`.

    **Who may call:** `admin` (platform operator), `offtaker` (an offtaker, acting for its own
    organisation only).

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DemandCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DemandOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
