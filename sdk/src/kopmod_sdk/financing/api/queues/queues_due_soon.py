from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.due_out import DueOut
from ...models.problem import Problem
from ...models.queues_due_soon_format import QueuesDueSoonFormat
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    fund_id: UUID,
    *,
    days: int | Unset = 7,
    format_: QueuesDueSoonFormat | Unset = QueuesDueSoonFormat.JSON,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["days"] = days

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/funds/{fund_id}/due".format(fund_id=quote(str(fund_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DueOut | Problem | None:
    if response.status_code == 200:
        response_200 = DueOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DueOut | Problem]:
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
    days: int | Unset = 7,
    format_: QueuesDueSoonFormat | Unset = QueuesDueSoonFormat.JSON,

) -> Response[DueOut | Problem]:
    """ Installments falling due from the business date on (default: this week; staff)

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        days (int | Unset):  Default: 7.
        format_ (QueuesDueSoonFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesDueSoonFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DueOut | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
days=days,
format_=format_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    days: int | Unset = 7,
    format_: QueuesDueSoonFormat | Unset = QueuesDueSoonFormat.JSON,

) -> DueOut | Problem | None:
    """ Installments falling due from the business date on (default: this week; staff)

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        days (int | Unset):  Default: 7.
        format_ (QueuesDueSoonFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesDueSoonFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DueOut | Problem
     """


    return sync_detailed(
        fund_id=fund_id,
client=client,
days=days,
format_=format_,

    ).parsed

async def asyncio_detailed(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    days: int | Unset = 7,
    format_: QueuesDueSoonFormat | Unset = QueuesDueSoonFormat.JSON,

) -> Response[DueOut | Problem]:
    """ Installments falling due from the business date on (default: this week; staff)

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        days (int | Unset):  Default: 7.
        format_ (QueuesDueSoonFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesDueSoonFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DueOut | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
days=days,
format_=format_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    days: int | Unset = 7,
    format_: QueuesDueSoonFormat | Unset = QueuesDueSoonFormat.JSON,

) -> DueOut | Problem | None:
    """ Installments falling due from the business date on (default: this week; staff)

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        fund_id (UUID):
        days (int | Unset):  Default: 7.
        format_ (QueuesDueSoonFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesDueSoonFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DueOut | Problem
     """


    return (await asyncio_detailed(
        fund_id=fund_id,
client=client,
days=days,
format_=format_,

    )).parsed
