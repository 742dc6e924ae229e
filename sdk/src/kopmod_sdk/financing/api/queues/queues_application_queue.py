from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.application_status import ApplicationStatus
from ...models.problem import Problem
from ...models.queued_application_out_page import QueuedApplicationOutPage
from ...models.queues_application_queue_format import QueuesApplicationQueueFormat
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    status: ApplicationStatus | None | Unset = UNSET,
    fund_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    province_code: None | str | Unset = UNSET,
    format_: QueuesApplicationQueueFormat | Unset = QueuesApplicationQueueFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ApplicationStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_fund_id: None | str | Unset
    if isinstance(fund_id, Unset):
        json_fund_id = UNSET
    elif isinstance(fund_id, UUID):
        json_fund_id = str(fund_id)
    else:
        json_fund_id = fund_id
    params["fund_id"] = json_fund_id

    json_product_id: None | str | Unset
    if isinstance(product_id, Unset):
        json_product_id = UNSET
    elif isinstance(product_id, UUID):
        json_product_id = str(product_id)
    else:
        json_product_id = product_id
    params["product_id"] = json_product_id

    json_province_code: None | str | Unset
    if isinstance(province_code, Unset):
        json_province_code = UNSET
    else:
        json_province_code = province_code
    params["province_code"] = json_province_code

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
        "url": "/v1/queues/applications",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | QueuedApplicationOutPage | None:
    if response.status_code == 200:
        response_200 = QueuedApplicationOutPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | QueuedApplicationOutPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ApplicationStatus | None | Unset = UNSET,
    fund_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    province_code: None | str | Unset = UNSET,
    format_: QueuesApplicationQueueFormat | Unset = QueuesApplicationQueueFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | QueuedApplicationOutPage]:
    """ Applications waiting on someone: by state, oldest in its state first (staff)

     Open applications (submitted to approved; a `status` narrows it to one), each with how long it has
    been in its state and who holds it. Filters: fund, product, province. Paged; `format=csv` gives
    every row of the list in one file.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        status (ApplicationStatus | None | Unset):
        fund_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        province_code (None | str | Unset): Province code.
        format_ (QueuesApplicationQueueFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesApplicationQueueFormat.JSON.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QueuedApplicationOutPage]
     """


    kwargs = _get_kwargs(
        status=status,
fund_id=fund_id,
product_id=product_id,
province_code=province_code,
format_=format_,
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
    status: ApplicationStatus | None | Unset = UNSET,
    fund_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    province_code: None | str | Unset = UNSET,
    format_: QueuesApplicationQueueFormat | Unset = QueuesApplicationQueueFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Problem | QueuedApplicationOutPage | None:
    """ Applications waiting on someone: by state, oldest in its state first (staff)

     Open applications (submitted to approved; a `status` narrows it to one), each with how long it has
    been in its state and who holds it. Filters: fund, product, province. Paged; `format=csv` gives
    every row of the list in one file.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        status (ApplicationStatus | None | Unset):
        fund_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        province_code (None | str | Unset): Province code.
        format_ (QueuesApplicationQueueFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesApplicationQueueFormat.JSON.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QueuedApplicationOutPage
     """


    return sync_detailed(
        client=client,
status=status,
fund_id=fund_id,
product_id=product_id,
province_code=province_code,
format_=format_,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ApplicationStatus | None | Unset = UNSET,
    fund_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    province_code: None | str | Unset = UNSET,
    format_: QueuesApplicationQueueFormat | Unset = QueuesApplicationQueueFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | QueuedApplicationOutPage]:
    """ Applications waiting on someone: by state, oldest in its state first (staff)

     Open applications (submitted to approved; a `status` narrows it to one), each with how long it has
    been in its state and who holds it. Filters: fund, product, province. Paged; `format=csv` gives
    every row of the list in one file.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        status (ApplicationStatus | None | Unset):
        fund_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        province_code (None | str | Unset): Province code.
        format_ (QueuesApplicationQueueFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesApplicationQueueFormat.JSON.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QueuedApplicationOutPage]
     """


    kwargs = _get_kwargs(
        status=status,
fund_id=fund_id,
product_id=product_id,
province_code=province_code,
format_=format_,
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
    status: ApplicationStatus | None | Unset = UNSET,
    fund_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    province_code: None | str | Unset = UNSET,
    format_: QueuesApplicationQueueFormat | Unset = QueuesApplicationQueueFormat.JSON,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Problem | QueuedApplicationOutPage | None:
    """ Applications waiting on someone: by state, oldest in its state first (staff)

     Open applications (submitted to approved; a `status` narrows it to one), each with how long it has
    been in its state and who holds it. Filters: fund, product, province. Paged; `format=csv` gives
    every row of the list in one file.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        status (ApplicationStatus | None | Unset):
        fund_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        province_code (None | str | Unset): Province code.
        format_ (QueuesApplicationQueueFormat | Unset): `csv` for a spreadsheet. Default:
            QueuesApplicationQueueFormat.JSON.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QueuedApplicationOutPage
     """


    return (await asyncio_detailed(
        client=client,
status=status,
fund_id=fund_id,
product_id=product_id,
province_code=province_code,
format_=format_,
limit=limit,
cursor=cursor,

    )).parsed
