from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.promise_out_page import PromiseOutPage
from ...models.queues_list_promises_format import QueuesListPromisesFormat
from ...models.queues_list_promises_status_type_0 import QueuesListPromisesStatusType0
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    fund_id: UUID,
    *,
    loan_id: None | Unset | UUID = UNSET,
    status: None | QueuesListPromisesStatusType0 | Unset = UNSET,
    format_: QueuesListPromisesFormat | Unset = QueuesListPromisesFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_loan_id: None | str | Unset
    if isinstance(loan_id, Unset):
        json_loan_id = UNSET
    elif isinstance(loan_id, UUID):
        json_loan_id = str(loan_id)
    else:
        json_loan_id = loan_id
    params["loan_id"] = json_loan_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, QueuesListPromisesStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

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
        "url": "/v1/funds/{fund_id}/promises-to-pay".format(fund_id=quote(str(fund_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | PromiseOutPage | None:
    if response.status_code == 200:
        response_200 = PromiseOutPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | PromiseOutPage]:
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
    loan_id: None | Unset | UUID = UNSET,
    status: None | QueuesListPromisesStatusType0 | Unset = UNSET,
    format_: QueuesListPromisesFormat | Unset = QueuesListPromisesFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | PromiseOutPage]:
    """ Promises to pay, by date promised: open, kept or broken (staff)

     Paged; `format=csv` gives every row of the list in one file.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        loan_id (None | Unset | UUID):
        status (None | QueuesListPromisesStatusType0 | Unset):
        format_ (QueuesListPromisesFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesListPromisesFormat.JSON.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PromiseOutPage]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
loan_id=loan_id,
status=status,
format_=format_,
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
    loan_id: None | Unset | UUID = UNSET,
    status: None | QueuesListPromisesStatusType0 | Unset = UNSET,
    format_: QueuesListPromisesFormat | Unset = QueuesListPromisesFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Problem | PromiseOutPage | None:
    """ Promises to pay, by date promised: open, kept or broken (staff)

     Paged; `format=csv` gives every row of the list in one file.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        loan_id (None | Unset | UUID):
        status (None | QueuesListPromisesStatusType0 | Unset):
        format_ (QueuesListPromisesFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesListPromisesFormat.JSON.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PromiseOutPage
     """


    return sync_detailed(
        fund_id=fund_id,
client=client,
loan_id=loan_id,
status=status,
format_=format_,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    loan_id: None | Unset | UUID = UNSET,
    status: None | QueuesListPromisesStatusType0 | Unset = UNSET,
    format_: QueuesListPromisesFormat | Unset = QueuesListPromisesFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | PromiseOutPage]:
    """ Promises to pay, by date promised: open, kept or broken (staff)

     Paged; `format=csv` gives every row of the list in one file.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        loan_id (None | Unset | UUID):
        status (None | QueuesListPromisesStatusType0 | Unset):
        format_ (QueuesListPromisesFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesListPromisesFormat.JSON.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PromiseOutPage]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
loan_id=loan_id,
status=status,
format_=format_,
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
    loan_id: None | Unset | UUID = UNSET,
    status: None | QueuesListPromisesStatusType0 | Unset = UNSET,
    format_: QueuesListPromisesFormat | Unset = QueuesListPromisesFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Problem | PromiseOutPage | None:
    """ Promises to pay, by date promised: open, kept or broken (staff)

     Paged; `format=csv` gives every row of the list in one file.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        loan_id (None | Unset | UUID):
        status (None | QueuesListPromisesStatusType0 | Unset):
        format_ (QueuesListPromisesFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesListPromisesFormat.JSON.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PromiseOutPage
     """


    return (await asyncio_detailed(
        fund_id=fund_id,
client=client,
loan_id=loan_id,
status=status,
format_=format_,
limit=limit,
cursor=cursor,

    )).parsed
