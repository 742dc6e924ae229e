from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.schedule_preview_out import SchedulePreviewOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    product_id: UUID,
    *,
    amount: str,
    tenor_periods: int,
    start_date: datetime.date,
    grace_periods: int | Unset = 0,
    first_due_date: datetime.date | None | Unset = UNSET,
    rate_date: datetime.date | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["amount"] = amount

    params["tenor_periods"] = tenor_periods

    json_start_date = start_date.isoformat()
    params["start_date"] = json_start_date

    params["grace_periods"] = grace_periods

    json_first_due_date: None | str | Unset
    if isinstance(first_due_date, Unset):
        json_first_due_date = UNSET
    elif isinstance(first_due_date, datetime.date):
        json_first_due_date = first_due_date.isoformat()
    else:
        json_first_due_date = first_due_date
    params["first_due_date"] = json_first_due_date

    json_rate_date: None | str | Unset
    if isinstance(rate_date, Unset):
        json_rate_date = UNSET
    elif isinstance(rate_date, datetime.date):
        json_rate_date = rate_date.isoformat()
    else:
        json_rate_date = rate_date
    params["rate_date"] = json_rate_date


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/products/{product_id}/schedule-preview".format(product_id=quote(str(product_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SchedulePreviewOut | None:
    if response.status_code == 200:
        response_200 = SchedulePreviewOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SchedulePreviewOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    amount: str,
    tenor_periods: int,
    start_date: datetime.date,
    grace_periods: int | Unset = 0,
    first_due_date: datetime.date | None | Unset = UNSET,
    rate_date: datetime.date | None | Unset = UNSET,

) -> Response[Problem | SchedulePreviewOut]:
    """ Preview a repayment schedule (nothing is stored)

     Any amount, tenor, grace and start date within the product, at the tariff in force on `rate_date`.
    The same schedule as CSV: `/schedule-preview.csv`.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        product_id (UUID):
        amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with
            2. Greater than 0. A JSON integer within the same digit limit is accepted as well.
        tenor_periods (int):
        start_date (datetime.date): Disbursement date.
        grace_periods (int | Unset):  Default: 0.
        first_due_date (datetime.date | None | Unset):
        rate_date (datetime.date | None | Unset): Date whose tariff applies; today if omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulePreviewOut]
     """


    kwargs = _get_kwargs(
        product_id=product_id,
amount=amount,
tenor_periods=tenor_periods,
start_date=start_date,
grace_periods=grace_periods,
first_due_date=first_due_date,
rate_date=rate_date,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    amount: str,
    tenor_periods: int,
    start_date: datetime.date,
    grace_periods: int | Unset = 0,
    first_due_date: datetime.date | None | Unset = UNSET,
    rate_date: datetime.date | None | Unset = UNSET,

) -> Problem | SchedulePreviewOut | None:
    """ Preview a repayment schedule (nothing is stored)

     Any amount, tenor, grace and start date within the product, at the tariff in force on `rate_date`.
    The same schedule as CSV: `/schedule-preview.csv`.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        product_id (UUID):
        amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with
            2. Greater than 0. A JSON integer within the same digit limit is accepted as well.
        tenor_periods (int):
        start_date (datetime.date): Disbursement date.
        grace_periods (int | Unset):  Default: 0.
        first_due_date (datetime.date | None | Unset):
        rate_date (datetime.date | None | Unset): Date whose tariff applies; today if omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulePreviewOut
     """


    return sync_detailed(
        product_id=product_id,
client=client,
amount=amount,
tenor_periods=tenor_periods,
start_date=start_date,
grace_periods=grace_periods,
first_due_date=first_due_date,
rate_date=rate_date,

    ).parsed

async def asyncio_detailed(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    amount: str,
    tenor_periods: int,
    start_date: datetime.date,
    grace_periods: int | Unset = 0,
    first_due_date: datetime.date | None | Unset = UNSET,
    rate_date: datetime.date | None | Unset = UNSET,

) -> Response[Problem | SchedulePreviewOut]:
    """ Preview a repayment schedule (nothing is stored)

     Any amount, tenor, grace and start date within the product, at the tariff in force on `rate_date`.
    The same schedule as CSV: `/schedule-preview.csv`.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        product_id (UUID):
        amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with
            2. Greater than 0. A JSON integer within the same digit limit is accepted as well.
        tenor_periods (int):
        start_date (datetime.date): Disbursement date.
        grace_periods (int | Unset):  Default: 0.
        first_due_date (datetime.date | None | Unset):
        rate_date (datetime.date | None | Unset): Date whose tariff applies; today if omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulePreviewOut]
     """


    kwargs = _get_kwargs(
        product_id=product_id,
amount=amount,
tenor_periods=tenor_periods,
start_date=start_date,
grace_periods=grace_periods,
first_due_date=first_due_date,
rate_date=rate_date,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    amount: str,
    tenor_periods: int,
    start_date: datetime.date,
    grace_periods: int | Unset = 0,
    first_due_date: datetime.date | None | Unset = UNSET,
    rate_date: datetime.date | None | Unset = UNSET,

) -> Problem | SchedulePreviewOut | None:
    """ Preview a repayment schedule (nothing is stored)

     Any amount, tenor, grace and start date within the product, at the tariff in force on `rate_date`.
    The same schedule as CSV: `/schedule-preview.csv`.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        product_id (UUID):
        amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with
            2. Greater than 0. A JSON integer within the same digit limit is accepted as well.
        tenor_periods (int):
        start_date (datetime.date): Disbursement date.
        grace_periods (int | Unset):  Default: 0.
        first_due_date (datetime.date | None | Unset):
        rate_date (datetime.date | None | Unset): Date whose tariff applies; today if omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulePreviewOut
     """


    return (await asyncio_detailed(
        product_id=product_id,
client=client,
amount=amount,
tenor_periods=tenor_periods,
start_date=start_date,
grace_periods=grace_periods,
first_due_date=first_due_date,
rate_date=rate_date,

    )).parsed
