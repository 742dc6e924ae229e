from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.payoff_quote_out import PayoffQuoteOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    loan_id: UUID,
    *,
    on: datetime.date | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_on: None | str | Unset
    if isinstance(on, Unset):
        json_on = UNSET
    elif isinstance(on, datetime.date):
        json_on = on.isoformat()
    else:
        json_on = on
    params["on"] = json_on


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/loans/{loan_id}/payoff-quote".format(loan_id=quote(str(loan_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PayoffQuoteOut | Problem | None:
    if response.status_code == 200:
        response_200 = PayoffQuoteOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PayoffQuoteOut | Problem]:
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
    on: datetime.date | None | Unset = UNSET,

) -> Response[PayoffQuoteOut | Problem]:
    """ What settles the loan in full on a date (early repayment)

     Outstanding principal, plus interest accrued to `on` (the running period pro rata by days; interest
    not yet earned is waived), plus unpaid penalties and fees, minus any overpayment. Defaults to the
    business date. Nothing changes.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        loan_id (UUID):
        on (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PayoffQuoteOut | Problem]
     """


    kwargs = _get_kwargs(
        loan_id=loan_id,
on=on,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    on: datetime.date | None | Unset = UNSET,

) -> PayoffQuoteOut | Problem | None:
    """ What settles the loan in full on a date (early repayment)

     Outstanding principal, plus interest accrued to `on` (the running period pro rata by days; interest
    not yet earned is waived), plus unpaid penalties and fees, minus any overpayment. Defaults to the
    business date. Nothing changes.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        loan_id (UUID):
        on (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PayoffQuoteOut | Problem
     """


    return sync_detailed(
        loan_id=loan_id,
client=client,
on=on,

    ).parsed

async def asyncio_detailed(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    on: datetime.date | None | Unset = UNSET,

) -> Response[PayoffQuoteOut | Problem]:
    """ What settles the loan in full on a date (early repayment)

     Outstanding principal, plus interest accrued to `on` (the running period pro rata by days; interest
    not yet earned is waived), plus unpaid penalties and fees, minus any overpayment. Defaults to the
    business date. Nothing changes.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        loan_id (UUID):
        on (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PayoffQuoteOut | Problem]
     """


    kwargs = _get_kwargs(
        loan_id=loan_id,
on=on,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    on: datetime.date | None | Unset = UNSET,

) -> PayoffQuoteOut | Problem | None:
    """ What settles the loan in full on a date (early repayment)

     Outstanding principal, plus interest accrued to `on` (the running period pro rata by days; interest
    not yet earned is waived), plus unpaid penalties and fees, minus any overpayment. Defaults to the
    business date. Nothing changes.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        loan_id (UUID):
        on (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PayoffQuoteOut | Problem
     """


    return (await asyncio_detailed(
        loan_id=loan_id,
client=client,
on=on,

    )).parsed
