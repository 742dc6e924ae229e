from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fund_reschedule_out_page import FundRescheduleOutPage
from ...models.problem import Problem
from ...models.servicing_fund_reschedules_status import ServicingFundReschedulesStatus
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    fund_id: UUID,
    *,
    status: ServicingFundReschedulesStatus | Unset = ServicingFundReschedulesStatus.PROPOSED,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

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
        "url": "/v1/funds/{fund_id}/reschedules".format(fund_id=quote(str(fund_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FundRescheduleOutPage | Problem | None:
    if response.status_code == 200:
        response_200 = FundRescheduleOutPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FundRescheduleOutPage | Problem]:
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
    status: ServicingFundReschedulesStatus | Unset = ServicingFundReschedulesStatus.PROPOSED,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[FundRescheduleOutPage | Problem]:
    """ A fund's reschedule requests, oldest first: by default those awaiting a decision

     The committee's list of reschedules waiting for a second person (`status=proposed`, the default), or
    decided ones (`approved`, `rejected`), each with its preview and the loan's cooperative. Whoever
    proposed one cannot decide it (403 `four-eyes`).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        status (ServicingFundReschedulesStatus | Unset):  Default:
            ServicingFundReschedulesStatus.PROPOSED.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundRescheduleOutPage | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
status=status,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    status: ServicingFundReschedulesStatus | Unset = ServicingFundReschedulesStatus.PROPOSED,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> FundRescheduleOutPage | Problem | None:
    """ A fund's reschedule requests, oldest first: by default those awaiting a decision

     The committee's list of reschedules waiting for a second person (`status=proposed`, the default), or
    decided ones (`approved`, `rejected`), each with its preview and the loan's cooperative. Whoever
    proposed one cannot decide it (403 `four-eyes`).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        status (ServicingFundReschedulesStatus | Unset):  Default:
            ServicingFundReschedulesStatus.PROPOSED.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundRescheduleOutPage | Problem
     """


    return sync_detailed(
        fund_id=fund_id,
client=client,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    status: ServicingFundReschedulesStatus | Unset = ServicingFundReschedulesStatus.PROPOSED,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[FundRescheduleOutPage | Problem]:
    """ A fund's reschedule requests, oldest first: by default those awaiting a decision

     The committee's list of reschedules waiting for a second person (`status=proposed`, the default), or
    decided ones (`approved`, `rejected`), each with its preview and the loan's cooperative. Whoever
    proposed one cannot decide it (403 `four-eyes`).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        status (ServicingFundReschedulesStatus | Unset):  Default:
            ServicingFundReschedulesStatus.PROPOSED.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundRescheduleOutPage | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
status=status,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    status: ServicingFundReschedulesStatus | Unset = ServicingFundReschedulesStatus.PROPOSED,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> FundRescheduleOutPage | Problem | None:
    """ A fund's reschedule requests, oldest first: by default those awaiting a decision

     The committee's list of reschedules waiting for a second person (`status=proposed`, the default), or
    decided ones (`approved`, `rejected`), each with its preview and the loan's cooperative. Whoever
    proposed one cannot decide it (403 `four-eyes`).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        status (ServicingFundReschedulesStatus | Unset):  Default:
            ServicingFundReschedulesStatus.PROPOSED.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundRescheduleOutPage | Problem
     """


    return (await asyncio_detailed(
        fund_id=fund_id,
client=client,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
