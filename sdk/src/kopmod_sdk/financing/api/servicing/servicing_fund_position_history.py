from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fund_history_out import FundHistoryOut
from ...models.problem import Problem
from ...models.servicing_fund_position_history_step import ServicingFundPositionHistoryStep
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    fund_id: UUID,
    *,
    date_from: datetime.date,
    date_to: datetime.date,
    step: ServicingFundPositionHistoryStep | Unset = ServicingFundPositionHistoryStep.MONTH,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    json_step: str | Unset = UNSET
    if not isinstance(step, Unset):
        json_step = step.value

    params["step"] = json_step


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/funds/{fund_id}/position-history".format(fund_id=quote(str(fund_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FundHistoryOut | Problem | None:
    if response.status_code == 200:
        response_200 = FundHistoryOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FundHistoryOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    step: ServicingFundPositionHistoryStep | Unset = ServicingFundPositionHistoryStep.MONTH,

) -> Response[FundHistoryOut | Problem]:
    """ The fund's position over time, from its ledger (fund staff)

     Cash, loans receivable, income, write-off losses, overpayments and capital at each point (entry
    dates up to and including it): every month end between `date_from` and `date_to` (and `date_to`
    itself), or every day with `step=day`. At most 400 points.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        date_from (datetime.date):
        date_to (datetime.date):
        step (ServicingFundPositionHistoryStep | Unset):  Default:
            ServicingFundPositionHistoryStep.MONTH.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundHistoryOut | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
date_from=date_from,
date_to=date_to,
step=step,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    step: ServicingFundPositionHistoryStep | Unset = ServicingFundPositionHistoryStep.MONTH,

) -> FundHistoryOut | Problem | None:
    """ The fund's position over time, from its ledger (fund staff)

     Cash, loans receivable, income, write-off losses, overpayments and capital at each point (entry
    dates up to and including it): every month end between `date_from` and `date_to` (and `date_to`
    itself), or every day with `step=day`. At most 400 points.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        date_from (datetime.date):
        date_to (datetime.date):
        step (ServicingFundPositionHistoryStep | Unset):  Default:
            ServicingFundPositionHistoryStep.MONTH.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundHistoryOut | Problem
     """


    return sync_detailed(
        fund_id=fund_id,
client=client,
date_from=date_from,
date_to=date_to,
step=step,

    ).parsed

async def asyncio_detailed(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    step: ServicingFundPositionHistoryStep | Unset = ServicingFundPositionHistoryStep.MONTH,

) -> Response[FundHistoryOut | Problem]:
    """ The fund's position over time, from its ledger (fund staff)

     Cash, loans receivable, income, write-off losses, overpayments and capital at each point (entry
    dates up to and including it): every month end between `date_from` and `date_to` (and `date_to`
    itself), or every day with `step=day`. At most 400 points.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        date_from (datetime.date):
        date_to (datetime.date):
        step (ServicingFundPositionHistoryStep | Unset):  Default:
            ServicingFundPositionHistoryStep.MONTH.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundHistoryOut | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
date_from=date_from,
date_to=date_to,
step=step,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    date_from: datetime.date,
    date_to: datetime.date,
    step: ServicingFundPositionHistoryStep | Unset = ServicingFundPositionHistoryStep.MONTH,

) -> FundHistoryOut | Problem | None:
    """ The fund's position over time, from its ledger (fund staff)

     Cash, loans receivable, income, write-off losses, overpayments and capital at each point (entry
    dates up to and including it): every month end between `date_from` and `date_to` (and `date_to`
    itself), or every day with `step=day`. At most 400 points.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        date_from (datetime.date):
        date_to (datetime.date):
        step (ServicingFundPositionHistoryStep | Unset):  Default:
            ServicingFundPositionHistoryStep.MONTH.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundHistoryOut | Problem
     """


    return (await asyncio_detailed(
        fund_id=fund_id,
client=client,
date_from=date_from,
date_to=date_to,
step=step,

    )).parsed
