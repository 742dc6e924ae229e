from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.write_off_decision import WriteOffDecision
from ...models.write_off_request_out import WriteOffRequestOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    loan_id: UUID,
    write_off_id: UUID,
    *,
    body: WriteOffDecision,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/loans/{loan_id}/write-offs/{write_off_id}/decision".format(loan_id=quote(str(loan_id), safe=""),write_off_id=quote(str(write_off_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WriteOffRequestOut | None:
    if response.status_code == 200:
        response_200 = WriteOffRequestOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WriteOffRequestOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    loan_id: UUID,
    write_off_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WriteOffDecision,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | WriteOffRequestOut]:
    """ Approve or decline a write-off (fund committee: the checker)

     Four eyes by person: whoever proposed it cannot decide it, through any client (403 `four-eyes`).
    Approval writes the loan off: outstanding principal moves to write-off losses; interest and charges
    are forgiven. The loan closes (written off); later money is recorded as a recovery. Emits
    `financing.loan.written_off`. Either way emits `financing.loan.write_off_decided` (the proposer is
    told).

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        loan_id (UUID):
        write_off_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (WriteOffDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WriteOffRequestOut]
     """


    kwargs = _get_kwargs(
        loan_id=loan_id,
write_off_id=write_off_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    loan_id: UUID,
    write_off_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WriteOffDecision,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | WriteOffRequestOut | None:
    """ Approve or decline a write-off (fund committee: the checker)

     Four eyes by person: whoever proposed it cannot decide it, through any client (403 `four-eyes`).
    Approval writes the loan off: outstanding principal moves to write-off losses; interest and charges
    are forgiven. The loan closes (written off); later money is recorded as a recovery. Emits
    `financing.loan.written_off`. Either way emits `financing.loan.write_off_decided` (the proposer is
    told).

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        loan_id (UUID):
        write_off_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (WriteOffDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WriteOffRequestOut
     """


    return sync_detailed(
        loan_id=loan_id,
write_off_id=write_off_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    loan_id: UUID,
    write_off_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WriteOffDecision,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | WriteOffRequestOut]:
    """ Approve or decline a write-off (fund committee: the checker)

     Four eyes by person: whoever proposed it cannot decide it, through any client (403 `four-eyes`).
    Approval writes the loan off: outstanding principal moves to write-off losses; interest and charges
    are forgiven. The loan closes (written off); later money is recorded as a recovery. Emits
    `financing.loan.written_off`. Either way emits `financing.loan.write_off_decided` (the proposer is
    told).

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        loan_id (UUID):
        write_off_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (WriteOffDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WriteOffRequestOut]
     """


    kwargs = _get_kwargs(
        loan_id=loan_id,
write_off_id=write_off_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    loan_id: UUID,
    write_off_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WriteOffDecision,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | WriteOffRequestOut | None:
    """ Approve or decline a write-off (fund committee: the checker)

     Four eyes by person: whoever proposed it cannot decide it, through any client (403 `four-eyes`).
    Approval writes the loan off: outstanding principal moves to write-off losses; interest and charges
    are forgiven. The loan closes (written off); later money is recorded as a recovery. Emits
    `financing.loan.written_off`. Either way emits `financing.loan.write_off_decided` (the proposer is
    told).

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        loan_id (UUID):
        write_off_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (WriteOffDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WriteOffRequestOut
     """


    return (await asyncio_detailed(
        loan_id=loan_id,
write_off_id=write_off_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
