from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.command_out import CommandOut
from ...models.disbursement_create import DisbursementCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    loan_id: UUID,
    *,
    body: DisbursementCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/loans/{loan_id}/disbursements".format(loan_id=quote(str(loan_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CommandOut | Problem | None:
    if response.status_code == 201:
        response_201 = CommandOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CommandOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DisbursementCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[CommandOut | Problem]:
    """ Disburse a tranche of a signed loan (fund officer)

     Moves money from the fund's cash to the cooperative: one balanced journal entry (debit loans
    receivable, credit cash), the schedule recomputed over every tranche so far. Refused when the total
    would exceed the approved amount (422), when the fund's cash does not cover it (409 `insufficient-
    fund-cash`, also under parallel requests), when all tranches the product allows are out, or from a
    closed loan (409).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        loan_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DisbursementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandOut | Problem]
     """


    kwargs = _get_kwargs(
        loan_id=loan_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DisbursementCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> CommandOut | Problem | None:
    """ Disburse a tranche of a signed loan (fund officer)

     Moves money from the fund's cash to the cooperative: one balanced journal entry (debit loans
    receivable, credit cash), the schedule recomputed over every tranche so far. Refused when the total
    would exceed the approved amount (422), when the fund's cash does not cover it (409 `insufficient-
    fund-cash`, also under parallel requests), when all tranches the product allows are out, or from a
    closed loan (409).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        loan_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DisbursementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandOut | Problem
     """


    return sync_detailed(
        loan_id=loan_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DisbursementCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[CommandOut | Problem]:
    """ Disburse a tranche of a signed loan (fund officer)

     Moves money from the fund's cash to the cooperative: one balanced journal entry (debit loans
    receivable, credit cash), the schedule recomputed over every tranche so far. Refused when the total
    would exceed the approved amount (422), when the fund's cash does not cover it (409 `insufficient-
    fund-cash`, also under parallel requests), when all tranches the product allows are out, or from a
    closed loan (409).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        loan_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DisbursementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandOut | Problem]
     """


    kwargs = _get_kwargs(
        loan_id=loan_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DisbursementCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> CommandOut | Problem | None:
    """ Disburse a tranche of a signed loan (fund officer)

     Moves money from the fund's cash to the cooperative: one balanced journal entry (debit loans
    receivable, credit cash), the schedule recomputed over every tranche so far. Refused when the total
    would exceed the approved amount (422), when the fund's cash does not cover it (409 `insufficient-
    fund-cash`, also under parallel requests), when all tranches the product allows are out, or from a
    closed loan (409).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        loan_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (DisbursementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandOut | Problem
     """


    return (await asyncio_detailed(
        loan_id=loan_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
