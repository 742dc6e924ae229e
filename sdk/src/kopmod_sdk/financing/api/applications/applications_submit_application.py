from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.application_out import ApplicationOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    application_id: UUID,
    *,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/applications/{application_id}/submit".format(application_id=quote(str(application_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApplicationOut | Problem | None:
    if response.status_code == 200:
        response_200 = ApplicationOut.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApplicationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ApplicationOut | Problem]:
    """ Submit a draft; the eligibility check starts

     The answer is the application in `eligibility_check`: the check runs after it, in financing's
    eligibility worker (usually within a second or two), which asks the registry for the cooperative's
    eligibility snapshot. It then moves on to `desk_review` (event
    `financing.application.eligibility_passed`) or `rejected`
    (`financing.application.eligibility_failed`), each rule's outcome recorded at `/eligibility`; poll
    the application or subscribe to the events. If the registry cannot be reached it waits in
    `eligibility_check` (`eligibility_last_error`, `eligibility_next_at`) and is retried. A draft whose
    product has been retired cannot be submitted (409 `product-retired`); applications submitted before
    the product was retired carry on.

    **Who may call:** `cooperative` (a cooperative, acting for its own organisation only).

    Args:
        application_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationOut | Problem]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> ApplicationOut | Problem | None:
    """ Submit a draft; the eligibility check starts

     The answer is the application in `eligibility_check`: the check runs after it, in financing's
    eligibility worker (usually within a second or two), which asks the registry for the cooperative's
    eligibility snapshot. It then moves on to `desk_review` (event
    `financing.application.eligibility_passed`) or `rejected`
    (`financing.application.eligibility_failed`), each rule's outcome recorded at `/eligibility`; poll
    the application or subscribe to the events. If the registry cannot be reached it waits in
    `eligibility_check` (`eligibility_last_error`, `eligibility_next_at`) and is retried. A draft whose
    product has been retired cannot be submitted (409 `product-retired`); applications submitted before
    the product was retired carry on.

    **Who may call:** `cooperative` (a cooperative, acting for its own organisation only).

    Args:
        application_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationOut | Problem
     """


    return sync_detailed(
        application_id=application_id,
client=client,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ApplicationOut | Problem]:
    """ Submit a draft; the eligibility check starts

     The answer is the application in `eligibility_check`: the check runs after it, in financing's
    eligibility worker (usually within a second or two), which asks the registry for the cooperative's
    eligibility snapshot. It then moves on to `desk_review` (event
    `financing.application.eligibility_passed`) or `rejected`
    (`financing.application.eligibility_failed`), each rule's outcome recorded at `/eligibility`; poll
    the application or subscribe to the events. If the registry cannot be reached it waits in
    `eligibility_check` (`eligibility_last_error`, `eligibility_next_at`) and is retried. A draft whose
    product has been retired cannot be submitted (409 `product-retired`); applications submitted before
    the product was retired carry on.

    **Who may call:** `cooperative` (a cooperative, acting for its own organisation only).

    Args:
        application_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationOut | Problem]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> ApplicationOut | Problem | None:
    """ Submit a draft; the eligibility check starts

     The answer is the application in `eligibility_check`: the check runs after it, in financing's
    eligibility worker (usually within a second or two), which asks the registry for the cooperative's
    eligibility snapshot. It then moves on to `desk_review` (event
    `financing.application.eligibility_passed`) or `rejected`
    (`financing.application.eligibility_failed`), each rule's outcome recorded at `/eligibility`; poll
    the application or subscribe to the events. If the registry cannot be reached it waits in
    `eligibility_check` (`eligibility_last_error`, `eligibility_next_at`) and is retried. A draft whose
    product has been retired cannot be submitted (409 `product-retired`); applications submitted before
    the product was retired carry on.

    **Who may call:** `cooperative` (a cooperative, acting for its own organisation only).

    Args:
        application_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationOut | Problem
     """


    return (await asyncio_detailed(
        application_id=application_id,
client=client,
idempotency_key=idempotency_key,

    )).parsed
