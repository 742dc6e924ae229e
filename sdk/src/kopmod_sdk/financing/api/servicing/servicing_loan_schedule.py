from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.schedule_out import ScheduleOut
from ...models.servicing_loan_schedule_format_type_0 import ServicingLoanScheduleFormatType0
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    loan_id: UUID,
    *,
    format_: None | ServicingLoanScheduleFormatType0 | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ServicingLoanScheduleFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/loans/{loan_id}/schedule".format(loan_id=quote(str(loan_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ScheduleOut | None:
    if response.status_code == 200:
        response_200 = ScheduleOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ScheduleOut]:
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
    format_: None | ServicingLoanScheduleFormatType0 | Unset = UNSET,

) -> Response[Problem | ScheduleOut]:
    """ The loan's schedule with paid and unpaid amounts (JSON or CSV)

     Paid amounts are derived by replaying every transaction. `?format=csv`.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        loan_id (UUID):
        format_ (None | ServicingLoanScheduleFormatType0 | Unset): `csv` for a spreadsheet; JSON
            by default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScheduleOut]
     """


    kwargs = _get_kwargs(
        loan_id=loan_id,
format_=format_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: None | ServicingLoanScheduleFormatType0 | Unset = UNSET,

) -> Problem | ScheduleOut | None:
    """ The loan's schedule with paid and unpaid amounts (JSON or CSV)

     Paid amounts are derived by replaying every transaction. `?format=csv`.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        loan_id (UUID):
        format_ (None | ServicingLoanScheduleFormatType0 | Unset): `csv` for a spreadsheet; JSON
            by default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScheduleOut
     """


    return sync_detailed(
        loan_id=loan_id,
client=client,
format_=format_,

    ).parsed

async def asyncio_detailed(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: None | ServicingLoanScheduleFormatType0 | Unset = UNSET,

) -> Response[Problem | ScheduleOut]:
    """ The loan's schedule with paid and unpaid amounts (JSON or CSV)

     Paid amounts are derived by replaying every transaction. `?format=csv`.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        loan_id (UUID):
        format_ (None | ServicingLoanScheduleFormatType0 | Unset): `csv` for a spreadsheet; JSON
            by default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScheduleOut]
     """


    kwargs = _get_kwargs(
        loan_id=loan_id,
format_=format_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    loan_id: UUID,
    *,
    client: AuthenticatedClient,
    format_: None | ServicingLoanScheduleFormatType0 | Unset = UNSET,

) -> Problem | ScheduleOut | None:
    """ The loan's schedule with paid and unpaid amounts (JSON or CSV)

     Paid amounts are derived by replaying every transaction. `?format=csv`.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        loan_id (UUID):
        format_ (None | ServicingLoanScheduleFormatType0 | Unset): `csv` for a spreadsheet; JSON
            by default.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScheduleOut
     """


    return (await asyncio_detailed(
        loan_id=loan_id,
client=client,
format_=format_,

    )).parsed
