from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fund_position_out import FundPositionOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    fund_id: UUID,
    *,
    product_id: None | Unset | UUID = UNSET,
    province_code: None | str | Unset = UNSET,
    cohort_year: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

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

    json_cohort_year: int | None | Unset
    if isinstance(cohort_year, Unset):
        json_cohort_year = UNSET
    else:
        json_cohort_year = cohort_year
    params["cohort_year"] = json_cohort_year


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/funds/{fund_id}/position".format(fund_id=quote(str(fund_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FundPositionOut | Problem | None:
    if response.status_code == 200:
        response_200 = FundPositionOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FundPositionOut | Problem]:
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
    product_id: None | Unset | UUID = UNSET,
    province_code: None | str | Unset = UNSET,
    cohort_year: int | None | Unset = UNSET,

) -> Response[FundPositionOut | Problem]:
    """ The fund's position: cash, committed, available, outstanding, income

     Filters: product, province, programme cohort (the registry is asked who is in it: 503 when it cannot
    answer); filtered, the loan book's figures are those loans' and cash stays the fund's (`narrowed`).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `partner` (a partner integration, limited to the
    scopes its client was granted). A `partner` token needs scope `funds:read`.

    Args:
        fund_id (UUID):
        product_id (None | Unset | UUID):
        province_code (None | str | Unset): Province code.
        cohort_year (int | None | Unset): Only cooperatives of this programme cohort (year).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundPositionOut | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
product_id=product_id,
province_code=province_code,
cohort_year=cohort_year,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    product_id: None | Unset | UUID = UNSET,
    province_code: None | str | Unset = UNSET,
    cohort_year: int | None | Unset = UNSET,

) -> FundPositionOut | Problem | None:
    """ The fund's position: cash, committed, available, outstanding, income

     Filters: product, province, programme cohort (the registry is asked who is in it: 503 when it cannot
    answer); filtered, the loan book's figures are those loans' and cash stays the fund's (`narrowed`).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `partner` (a partner integration, limited to the
    scopes its client was granted). A `partner` token needs scope `funds:read`.

    Args:
        fund_id (UUID):
        product_id (None | Unset | UUID):
        province_code (None | str | Unset): Province code.
        cohort_year (int | None | Unset): Only cooperatives of this programme cohort (year).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundPositionOut | Problem
     """


    return sync_detailed(
        fund_id=fund_id,
client=client,
product_id=product_id,
province_code=province_code,
cohort_year=cohort_year,

    ).parsed

async def asyncio_detailed(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    product_id: None | Unset | UUID = UNSET,
    province_code: None | str | Unset = UNSET,
    cohort_year: int | None | Unset = UNSET,

) -> Response[FundPositionOut | Problem]:
    """ The fund's position: cash, committed, available, outstanding, income

     Filters: product, province, programme cohort (the registry is asked who is in it: 503 when it cannot
    answer); filtered, the loan book's figures are those loans' and cash stays the fund's (`narrowed`).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `partner` (a partner integration, limited to the
    scopes its client was granted). A `partner` token needs scope `funds:read`.

    Args:
        fund_id (UUID):
        product_id (None | Unset | UUID):
        province_code (None | str | Unset): Province code.
        cohort_year (int | None | Unset): Only cooperatives of this programme cohort (year).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundPositionOut | Problem]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
product_id=product_id,
province_code=province_code,
cohort_year=cohort_year,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    product_id: None | Unset | UUID = UNSET,
    province_code: None | str | Unset = UNSET,
    cohort_year: int | None | Unset = UNSET,

) -> FundPositionOut | Problem | None:
    """ The fund's position: cash, committed, available, outstanding, income

     Filters: product, province, programme cohort (the registry is asked who is in it: 503 when it cannot
    answer); filtered, the loan book's figures are those loans' and cash stays the fund's (`narrowed`).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `partner` (a partner integration, limited to the
    scopes its client was granted). A `partner` token needs scope `funds:read`.

    Args:
        fund_id (UUID):
        product_id (None | Unset | UUID):
        province_code (None | str | Unset): Province code.
        cohort_year (int | None | Unset): Only cooperatives of this programme cohort (year).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundPositionOut | Problem
     """


    return (await asyncio_detailed(
        fund_id=fund_id,
client=client,
product_id=product_id,
province_code=province_code,
cohort_year=cohort_year,

    )).parsed
