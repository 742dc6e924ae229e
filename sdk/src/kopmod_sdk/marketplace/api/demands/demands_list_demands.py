from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.demand_out_page import DemandOutPage
from ...models.demand_status import DemandStatus
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    commodity_code: None | str | Unset = UNSET,
    status: DemandStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_commodity_code: None | str | Unset
    if isinstance(commodity_code, Unset):
        json_commodity_code = UNSET
    else:
        json_commodity_code = commodity_code
    params["commodity_code"] = json_commodity_code

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, DemandStatus):
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
        "url": "/v1/demands",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DemandOutPage | Problem | None:
    if response.status_code == 200:
        response_200 = DemandOutPage.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DemandOutPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    commodity_code: None | str | Unset = UNSET,
    status: DemandStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[DemandOutPage | Problem]:
    """ List demands

     Without a token (or as a cooperative): open demands, with price terms hidden where the offtaker
    marked them private. An offtaker sees its own demands in every status; admin and partners with
    `marketplace:read` see all.

    **Who may call:** anyone; no token needed. With a token the answer may include what the caller's
    role and organisation may see.

    Args:
        commodity_code (None | str | Unset):
        status (DemandStatus | None | Unset):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DemandOutPage | Problem]
     """


    kwargs = _get_kwargs(
        commodity_code=commodity_code,
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
    commodity_code: None | str | Unset = UNSET,
    status: DemandStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> DemandOutPage | Problem | None:
    """ List demands

     Without a token (or as a cooperative): open demands, with price terms hidden where the offtaker
    marked them private. An offtaker sees its own demands in every status; admin and partners with
    `marketplace:read` see all.

    **Who may call:** anyone; no token needed. With a token the answer may include what the caller's
    role and organisation may see.

    Args:
        commodity_code (None | str | Unset):
        status (DemandStatus | None | Unset):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DemandOutPage | Problem
     """


    return sync_detailed(
        client=client,
commodity_code=commodity_code,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    commodity_code: None | str | Unset = UNSET,
    status: DemandStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[DemandOutPage | Problem]:
    """ List demands

     Without a token (or as a cooperative): open demands, with price terms hidden where the offtaker
    marked them private. An offtaker sees its own demands in every status; admin and partners with
    `marketplace:read` see all.

    **Who may call:** anyone; no token needed. With a token the answer may include what the caller's
    role and organisation may see.

    Args:
        commodity_code (None | str | Unset):
        status (DemandStatus | None | Unset):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DemandOutPage | Problem]
     """


    kwargs = _get_kwargs(
        commodity_code=commodity_code,
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
    commodity_code: None | str | Unset = UNSET,
    status: DemandStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> DemandOutPage | Problem | None:
    """ List demands

     Without a token (or as a cooperative): open demands, with price terms hidden where the offtaker
    marked them private. An offtaker sees its own demands in every status; admin and partners with
    `marketplace:read` see all.

    **Who may call:** anyone; no token needed. With a token the answer may include what the caller's
    role and organisation may see.

    Args:
        commodity_code (None | str | Unset):
        status (DemandStatus | None | Unset):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DemandOutPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
commodity_code=commodity_code,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
