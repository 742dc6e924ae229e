from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.account import Account
from ...models.account_statement import AccountStatement
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    fund_id: UUID,
    account: Account,
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 500,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/funds/{fund_id}/accounts/{account}/statement".format(fund_id=quote(str(fund_id), safe=""),account=quote(str(account), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AccountStatement | Problem | None:
    if response.status_code == 200:
        response_200 = AccountStatement.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AccountStatement | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    fund_id: UUID,
    account: Account,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 500,

) -> Response[AccountStatement | Problem]:
    """ Statement of one account: opening balance, lines with running balance, closing

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `partner` (a partner integration, limited to the
    scopes its client was granted). A `partner` token needs scope `funds:read`.

    Args:
        fund_id (UUID):
        account (Account): The fixed chart of accounts every fund has.
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountStatement | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
account=account,
from_=from_,
to=to,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    fund_id: UUID,
    account: Account,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 500,

) -> AccountStatement | Problem | None:
    """ Statement of one account: opening balance, lines with running balance, closing

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `partner` (a partner integration, limited to the
    scopes its client was granted). A `partner` token needs scope `funds:read`.

    Args:
        fund_id (UUID):
        account (Account): The fixed chart of accounts every fund has.
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountStatement | Problem
     """


    return sync_detailed(
        fund_id=fund_id,
account=account,
client=client,
from_=from_,
to=to,
limit=limit,

    ).parsed

async def asyncio_detailed(
    fund_id: UUID,
    account: Account,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 500,

) -> Response[AccountStatement | Problem]:
    """ Statement of one account: opening balance, lines with running balance, closing

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `partner` (a partner integration, limited to the
    scopes its client was granted). A `partner` token needs scope `funds:read`.

    Args:
        fund_id (UUID):
        account (Account): The fixed chart of accounts every fund has.
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountStatement | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
account=account,
from_=from_,
to=to,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    fund_id: UUID,
    account: Account,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 500,

) -> AccountStatement | Problem | None:
    """ Statement of one account: opening balance, lines with running balance, closing

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `partner` (a partner integration, limited to the
    scopes its client was granted). A `partner` token needs scope `funds:read`.

    Args:
        fund_id (UUID):
        account (Account): The fixed chart of accounts every fund has.
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountStatement | Problem
     """


    return (await asyncio_detailed(
        fund_id=fund_id,
account=account,
client=client,
from_=from_,
to=to,
limit=limit,

    )).parsed
