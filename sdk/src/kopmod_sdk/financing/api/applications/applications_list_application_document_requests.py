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
    application_id: UUID,
    *,
    status: None | RequestStatus | Unset = UNSET,
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
        "url": "/v1/applications/{application_id}/document-requests".format(application_id=quote(str(application_id), safe=""),),
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
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    status: None | RequestStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[DocumentRequestOutPage | Problem]:
    """ Documents the fund asked for on an application, oldest first

     The applicant and the fund's staff; anyone else gets 404.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        application_id (UUID):
        status (None | RequestStatus | Unset): Only `open` or only `fulfilled` requests.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentRequestOutPage | Problem]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
status=status,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    status: None | RequestStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> DocumentRequestOutPage | Problem | None:
    """ Documents the fund asked for on an application, oldest first

     The applicant and the fund's staff; anyone else gets 404.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        application_id (UUID):
        status (None | RequestStatus | Unset): Only `open` or only `fulfilled` requests.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentRequestOutPage | Problem
     """


    return sync_detailed(
        application_id=application_id,
client=client,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    status: None | RequestStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[DocumentRequestOutPage | Problem]:
    """ Documents the fund asked for on an application, oldest first

     The applicant and the fund's staff; anyone else gets 404.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        application_id (UUID):
        status (None | RequestStatus | Unset): Only `open` or only `fulfilled` requests.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentRequestOutPage | Problem]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
status=status,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    status: None | RequestStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> DocumentRequestOutPage | Problem | None:
    """ Documents the fund asked for on an application, oldest first

     The applicant and the fund's staff; anyone else gets 404.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only).

    Args:
        application_id (UUID):
        status (None | RequestStatus | Unset): Only `open` or only `fulfilled` requests.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentRequestOutPage | Problem
     """


    return (await asyncio_detailed(
        application_id=application_id,
client=client,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
