from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.market_summary_page import MarketSummaryPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    cooperative_id: list[UUID] | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_cooperative_id: list[str] | None | Unset
    if isinstance(cooperative_id, Unset):
        json_cooperative_id = UNSET
    elif isinstance(cooperative_id, list):
        json_cooperative_id = []
        for cooperative_id_type_0_item_data in cooperative_id:
            cooperative_id_type_0_item = str(cooperative_id_type_0_item_data)
            json_cooperative_id.append(cooperative_id_type_0_item)


    else:
        json_cooperative_id = cooperative_id
    params["cooperative_id"] = json_cooperative_id

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
        "url": "/v1/market-summaries",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MarketSummaryPage | Problem | None:
    if response.status_code == 200:
        response_200 = MarketSummaryPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MarketSummaryPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cooperative_id: list[UUID] | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[MarketSummaryPage | Problem]:
    """ Market summaries of many cooperatives (named, or every one with a contract)

     With `cooperative_id` repeated (at most 100): one summary per id, in the order asked, zero counts
    for a cooperative without contracts (`next_cursor` is null). Without ids: every cooperative with any
    contract, in id order, cursor-paginated. For services, the ministry, admin and partners with
    `marketplace:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `marketplace:read`.

    Args:
        cooperative_id (list[UUID] | None | Unset): Cooperatives to summarise (repeat the
            parameter, at most 100).
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MarketSummaryPage | Problem]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,
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
    cooperative_id: list[UUID] | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> MarketSummaryPage | Problem | None:
    """ Market summaries of many cooperatives (named, or every one with a contract)

     With `cooperative_id` repeated (at most 100): one summary per id, in the order asked, zero counts
    for a cooperative without contracts (`next_cursor` is null). Without ids: every cooperative with any
    contract, in id order, cursor-paginated. For services, the ministry, admin and partners with
    `marketplace:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `marketplace:read`.

    Args:
        cooperative_id (list[UUID] | None | Unset): Cooperatives to summarise (repeat the
            parameter, at most 100).
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MarketSummaryPage | Problem
     """


    return sync_detailed(
        client=client,
cooperative_id=cooperative_id,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cooperative_id: list[UUID] | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[MarketSummaryPage | Problem]:
    """ Market summaries of many cooperatives (named, or every one with a contract)

     With `cooperative_id` repeated (at most 100): one summary per id, in the order asked, zero counts
    for a cooperative without contracts (`next_cursor` is null). Without ids: every cooperative with any
    contract, in id order, cursor-paginated. For services, the ministry, admin and partners with
    `marketplace:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `marketplace:read`.

    Args:
        cooperative_id (list[UUID] | None | Unset): Cooperatives to summarise (repeat the
            parameter, at most 100).
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MarketSummaryPage | Problem]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,
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
    cooperative_id: list[UUID] | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> MarketSummaryPage | Problem | None:
    """ Market summaries of many cooperatives (named, or every one with a contract)

     With `cooperative_id` repeated (at most 100): one summary per id, in the order asked, zero counts
    for a cooperative without contracts (`next_cursor` is null). Without ids: every cooperative with any
    contract, in id order, cursor-paginated. For services, the ministry, admin and partners with
    `marketplace:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `marketplace:read`.

    Args:
        cooperative_id (list[UUID] | None | Unset): Cooperatives to summarise (repeat the
            parameter, at most 100).
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MarketSummaryPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
cooperative_id=cooperative_id,
limit=limit,
cursor=cursor,

    )).parsed
