from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.loan_account_out_page import LoanAccountOutPage
from ...models.loan_state import LoanState
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    fund_id: None | Unset | UUID = UNSET,
    cooperative_id: None | Unset | UUID = UNSET,
    status: LoanState | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_fund_id: None | str | Unset
    if isinstance(fund_id, Unset):
        json_fund_id = UNSET
    elif isinstance(fund_id, UUID):
        json_fund_id = str(fund_id)
    else:
        json_fund_id = fund_id
    params["fund_id"] = json_fund_id

    json_cooperative_id: None | str | Unset
    if isinstance(cooperative_id, Unset):
        json_cooperative_id = UNSET
    elif isinstance(cooperative_id, UUID):
        json_cooperative_id = str(cooperative_id)
    else:
        json_cooperative_id = cooperative_id
    params["cooperative_id"] = json_cooperative_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, LoanState):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/loans",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LoanAccountOutPage | Problem | None:
    if response.status_code == 200:
        response_200 = LoanAccountOutPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LoanAccountOutPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    fund_id: None | Unset | UUID = UNSET,
    cooperative_id: None | Unset | UUID = UNSET,
    status: LoanState | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[LoanAccountOutPage | Problem]:
    """ List loans, newest first (cooperatives: their own)

     Filter by `fund_id`, `status` (pending_disbursement, active, overpaid, closed_obligations_met,
    closed_written_off, closed_rescheduled) and, for fund staff, `cooperative_id`. Balances and
    collectibility are those of the last command or end of day on each loan.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        fund_id (None | Unset | UUID):
        cooperative_id (None | Unset | UUID):
        status (LoanState | None | Unset):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoanAccountOutPage | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
cooperative_id=cooperative_id,
status=status,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    fund_id: None | Unset | UUID = UNSET,
    cooperative_id: None | Unset | UUID = UNSET,
    status: LoanState | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> LoanAccountOutPage | Problem | None:
    """ List loans, newest first (cooperatives: their own)

     Filter by `fund_id`, `status` (pending_disbursement, active, overpaid, closed_obligations_met,
    closed_written_off, closed_rescheduled) and, for fund staff, `cooperative_id`. Balances and
    collectibility are those of the last command or end of day on each loan.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        fund_id (None | Unset | UUID):
        cooperative_id (None | Unset | UUID):
        status (LoanState | None | Unset):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoanAccountOutPage | Problem
     """


    return sync_detailed(
        client=client,
fund_id=fund_id,
cooperative_id=cooperative_id,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    fund_id: None | Unset | UUID = UNSET,
    cooperative_id: None | Unset | UUID = UNSET,
    status: LoanState | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[LoanAccountOutPage | Problem]:
    """ List loans, newest first (cooperatives: their own)

     Filter by `fund_id`, `status` (pending_disbursement, active, overpaid, closed_obligations_met,
    closed_written_off, closed_rescheduled) and, for fund staff, `cooperative_id`. Balances and
    collectibility are those of the last command or end of day on each loan.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        fund_id (None | Unset | UUID):
        cooperative_id (None | Unset | UUID):
        status (LoanState | None | Unset):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoanAccountOutPage | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
cooperative_id=cooperative_id,
status=status,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    fund_id: None | Unset | UUID = UNSET,
    cooperative_id: None | Unset | UUID = UNSET,
    status: LoanState | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> LoanAccountOutPage | Problem | None:
    """ List loans, newest first (cooperatives: their own)

     Filter by `fund_id`, `status` (pending_disbursement, active, overpaid, closed_obligations_met,
    closed_written_off, closed_rescheduled) and, for fund staff, `cooperative_id`. Balances and
    collectibility are those of the last command or end of day on each loan.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `repayments`.

    Args:
        fund_id (None | Unset | UUID):
        cooperative_id (None | Unset | UUID):
        status (LoanState | None | Unset):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoanAccountOutPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
fund_id=fund_id,
cooperative_id=cooperative_id,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
