from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.reschedule_decision import RescheduleDecision
from ...models.reschedule_out import RescheduleOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    loan_id: UUID,
    reschedule_id: UUID,
    *,
    body: RescheduleDecision,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/loans/{loan_id}/reschedules/{reschedule_id}/decision".format(loan_id=quote(str(loan_id), safe=""),reschedule_id=quote(str(reschedule_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RescheduleOut | None:
    if response.status_code == 200:
        response_200 = RescheduleOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RescheduleOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    loan_id: UUID,
    reschedule_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RescheduleDecision,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | RescheduleOut]:
    """ Approve or reject a reschedule (fund committee: the checker)

     Four eyes: the maker cannot decide (403 `four-eyes`). Approval, on the business date the preview was
    made for (409 otherwise), closes the loan as `closed_rescheduled` and opens its successor
    (`successor_loan_id`; the successor's `rescheduled_from_id` names this loan) for the same agreement,
    fund, product and cooperative, with the new tenor and grace. The successor's principal is the
    outstanding principal, plus the interest accrued to that date and unpaid charges when
    `capitalise_arrears` was chosen (earned on the closed loan); otherwise those stay owed on the
    successor as opening arrears on their original due dates, paid before the new schedule. Interest not
    yet accrued is waived. One journal entry moves loans receivable from one loan to the other (no cash
    moves). Emits `financing.loan.closed` (reason `rescheduled`) and `financing.loan.rescheduled`.
    Either way emits `financing.loan.reschedule_decided` (the proposer is told). The closed loan takes
    no further transaction and none of its transactions can be reversed (409).

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        loan_id (UUID):
        reschedule_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (RescheduleDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RescheduleOut]
     """


    kwargs = _get_kwargs(
        loan_id=loan_id,
reschedule_id=reschedule_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    loan_id: UUID,
    reschedule_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RescheduleDecision,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | RescheduleOut | None:
    """ Approve or reject a reschedule (fund committee: the checker)

     Four eyes: the maker cannot decide (403 `four-eyes`). Approval, on the business date the preview was
    made for (409 otherwise), closes the loan as `closed_rescheduled` and opens its successor
    (`successor_loan_id`; the successor's `rescheduled_from_id` names this loan) for the same agreement,
    fund, product and cooperative, with the new tenor and grace. The successor's principal is the
    outstanding principal, plus the interest accrued to that date and unpaid charges when
    `capitalise_arrears` was chosen (earned on the closed loan); otherwise those stay owed on the
    successor as opening arrears on their original due dates, paid before the new schedule. Interest not
    yet accrued is waived. One journal entry moves loans receivable from one loan to the other (no cash
    moves). Emits `financing.loan.closed` (reason `rescheduled`) and `financing.loan.rescheduled`.
    Either way emits `financing.loan.reschedule_decided` (the proposer is told). The closed loan takes
    no further transaction and none of its transactions can be reversed (409).

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        loan_id (UUID):
        reschedule_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (RescheduleDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RescheduleOut
     """


    return sync_detailed(
        loan_id=loan_id,
reschedule_id=reschedule_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    loan_id: UUID,
    reschedule_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RescheduleDecision,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | RescheduleOut]:
    """ Approve or reject a reschedule (fund committee: the checker)

     Four eyes: the maker cannot decide (403 `four-eyes`). Approval, on the business date the preview was
    made for (409 otherwise), closes the loan as `closed_rescheduled` and opens its successor
    (`successor_loan_id`; the successor's `rescheduled_from_id` names this loan) for the same agreement,
    fund, product and cooperative, with the new tenor and grace. The successor's principal is the
    outstanding principal, plus the interest accrued to that date and unpaid charges when
    `capitalise_arrears` was chosen (earned on the closed loan); otherwise those stay owed on the
    successor as opening arrears on their original due dates, paid before the new schedule. Interest not
    yet accrued is waived. One journal entry moves loans receivable from one loan to the other (no cash
    moves). Emits `financing.loan.closed` (reason `rescheduled`) and `financing.loan.rescheduled`.
    Either way emits `financing.loan.reschedule_decided` (the proposer is told). The closed loan takes
    no further transaction and none of its transactions can be reversed (409).

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        loan_id (UUID):
        reschedule_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (RescheduleDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RescheduleOut]
     """


    kwargs = _get_kwargs(
        loan_id=loan_id,
reschedule_id=reschedule_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    loan_id: UUID,
    reschedule_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RescheduleDecision,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | RescheduleOut | None:
    """ Approve or reject a reschedule (fund committee: the checker)

     Four eyes: the maker cannot decide (403 `four-eyes`). Approval, on the business date the preview was
    made for (409 otherwise), closes the loan as `closed_rescheduled` and opens its successor
    (`successor_loan_id`; the successor's `rescheduled_from_id` names this loan) for the same agreement,
    fund, product and cooperative, with the new tenor and grace. The successor's principal is the
    outstanding principal, plus the interest accrued to that date and unpaid charges when
    `capitalise_arrears` was chosen (earned on the closed loan); otherwise those stay owed on the
    successor as opening arrears on their original due dates, paid before the new schedule. Interest not
    yet accrued is waived. One journal entry moves loans receivable from one loan to the other (no cash
    moves). Emits `financing.loan.closed` (reason `rescheduled`) and `financing.loan.rescheduled`.
    Either way emits `financing.loan.reschedule_decided` (the proposer is told). The closed loan takes
    no further transaction and none of its transactions can be reversed (409).

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        loan_id (UUID):
        reschedule_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (RescheduleDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RescheduleOut
     """


    return (await asyncio_detailed(
        loan_id=loan_id,
reschedule_id=reschedule_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
