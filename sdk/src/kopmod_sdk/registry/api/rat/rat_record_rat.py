from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.rat_in import RatIn
from ...models.rat_out import RatOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    cooperative_id: UUID,
    *,
    body: RatIn,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cooperatives/{cooperative_id}/rats".format(cooperative_id=quote(str(cooperative_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RatOut | None:
    if response.status_code == 201:
        response_201 = RatOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RatOut]:
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
    body: RatIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | RatOut]:
    """ Record an annual members' meeting (RAT)

     Ministry, admin, a partner with `registry:write`, or the cooperative itself (it reports its own RAT;
    `recorded_by` names who recorded it). One RAT per financial year: a second one for the same year is
    a 409. Held after the year ends, never before the founding (422). Approved statements must balance
    (assets = liabilities + equity). Publishes `registry.cooperative.rat_recorded` (outbox, same
    transaction): year, date and whether statements were attached, no figures.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (RatIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RatOut]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RatIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | RatOut | None:
    """ Record an annual members' meeting (RAT)

     Ministry, admin, a partner with `registry:write`, or the cooperative itself (it reports its own RAT;
    `recorded_by` names who recorded it). One RAT per financial year: a second one for the same year is
    a 409. Held after the year ends, never before the founding (422). Approved statements must balance
    (assets = liabilities + equity). Publishes `registry.cooperative.rat_recorded` (outbox, same
    transaction): year, date and whether statements were attached, no figures.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (RatIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RatOut
     """


    return sync_detailed(
        cooperative_id=cooperative_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RatIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | RatOut]:
    """ Record an annual members' meeting (RAT)

     Ministry, admin, a partner with `registry:write`, or the cooperative itself (it reports its own RAT;
    `recorded_by` names who recorded it). One RAT per financial year: a second one for the same year is
    a 409. Held after the year ends, never before the founding (422). Approved statements must balance
    (assets = liabilities + equity). Publishes `registry.cooperative.rat_recorded` (outbox, same
    transaction): year, date and whether statements were attached, no figures.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (RatIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RatOut]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RatIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | RatOut | None:
    """ Record an annual members' meeting (RAT)

     Ministry, admin, a partner with `registry:write`, or the cooperative itself (it reports its own RAT;
    `recorded_by` names who recorded it). One RAT per financial year: a second one for the same year is
    a 409. Held after the year ends, never before the founding (422). Approved statements must balance
    (assets = liabilities + equity). Publishes `registry.cooperative.rat_recorded` (outbox, same
    transaction): year, date and whether statements were attached, no figures.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (RatIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RatOut
     """


    return (await asyncio_detailed(
        cooperative_id=cooperative_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
