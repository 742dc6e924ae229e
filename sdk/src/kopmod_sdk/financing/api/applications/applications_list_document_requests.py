from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.document_request_out_page import DocumentRequestOutPage
from ...models.problem import Problem
from ...models.request_status import RequestStatus
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    status: None | RequestStatus | Unset = UNSET,
    cooperative_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, RequestStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_cooperative_id: None | str | Unset
    if isinstance(cooperative_id, Unset):
        json_cooperative_id = UNSET
    elif isinstance(cooperative_id, UUID):
        json_cooperative_id = str(cooperative_id)
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
        "url": "/v1/document-requests",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DocumentRequestOutPage | Problem | None:
    if response.status_code == 200:
        response_200 = DocumentRequestOutPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DocumentRequestOutPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | RequestStatus | Unset = UNSET,
    cooperative_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[DocumentRequestOutPage | Problem]:
    """ Documents the fund asked for, across applications, oldest first

     A cooperative reads the requests on its own applications (naming another cooperative in
    `cooperative_id` is 404); fund staff read every cooperative's, or one's with `cooperative_id`.
    `status=open`: what is still to send.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        status (None | RequestStatus | Unset): Only `open` or only `fulfilled` requests.
        cooperative_id (None | Unset | UUID): One cooperative's.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentRequestOutPage | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
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
    status: None | RequestStatus | Unset = UNSET,
    cooperative_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> DocumentRequestOutPage | Problem | None:
    """ Documents the fund asked for, across applications, oldest first

     A cooperative reads the requests on its own applications (naming another cooperative in
    `cooperative_id` is 404); fund staff read every cooperative's, or one's with `cooperative_id`.
    `status=open`: what is still to send.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        status (None | RequestStatus | Unset): Only `open` or only `fulfilled` requests.
        cooperative_id (None | Unset | UUID): One cooperative's.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentRequestOutPage | Problem
     """


    return sync_detailed(
        client=client,
status=status,
cooperative_id=cooperative_id,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | RequestStatus | Unset = UNSET,
    cooperative_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[DocumentRequestOutPage | Problem]:
    """ Documents the fund asked for, across applications, oldest first

     A cooperative reads the requests on its own applications (naming another cooperative in
    `cooperative_id` is 404); fund staff read every cooperative's, or one's with `cooperative_id`.
    `status=open`: what is still to send.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        status (None | RequestStatus | Unset): Only `open` or only `fulfilled` requests.
        cooperative_id (None | Unset | UUID): One cooperative's.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentRequestOutPage | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
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
    status: None | RequestStatus | Unset = UNSET,
    cooperative_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> DocumentRequestOutPage | Problem | None:
    """ Documents the fund asked for, across applications, oldest first

     A cooperative reads the requests on its own applications (naming another cooperative in
    `cooperative_id` is 404); fund staff read every cooperative's, or one's with `cooperative_id`.
    `status=open`: what is still to send.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        status (None | RequestStatus | Unset): Only `open` or only `fulfilled` requests.
        cooperative_id (None | Unset | UUID): One cooperative's.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentRequestOutPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
status=status,
cooperative_id=cooperative_id,
limit=limit,
cursor=cursor,

    )).parsed
