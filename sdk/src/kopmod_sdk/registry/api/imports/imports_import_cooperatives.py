from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.import_result import ImportResult
from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast



def _get_kwargs(
    *,
    body: File,
    partial: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    params: dict[str, Any] = {}

    params["partial"] = partial


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cooperatives/imports",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportResult | Problem | None:
    if response.status_code == 201:
        response_201 = ImportResult.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    partial: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ImportResult | Problem]:
    """ Bulk import cooperatives (CSV or JSON lines)

     Ministry, admin, or a partner with `registry:write`. Send the file as the body with `Content-Type:
    text/csv` (a header row naming the columns; lists such as `commodities` as `090111;180100`) or
    `application/x-ndjson` (one JSON object per line). Columns are the fields of `POST /v1/cooperatives`
    except member groups and member cooperatives. Every row is validated; each problem is reported with
    its row number (the first record is row 1), field and reason. When any row fails, nothing is written
    and the answer is a 422 `import-rejected` problem listing `row_errors`, unless `partial=true`: then
    the valid rows are written and the invalid ones reported. Up to 100,000 rows and 64 MiB per upload;
    the created cooperatives carry the `import_id` (filter `GET /v1/cooperatives?import_batch=`). Rows
    are checked in worker processes beside the service; a client runs one import at a time and the
    service a few (`MAX_CONCURRENT_IMPORTS_PER_CLIENT`, `MAX_CONCURRENT_IMPORTS`): over that the answer
    is 429 `imports-busy` with `Retry-After`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:write`.

    Args:
        partial (bool | Unset): Write the valid rows even when some rows fail. Default: False.
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
partial=partial,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: File,
    partial: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,

) -> ImportResult | Problem | None:
    """ Bulk import cooperatives (CSV or JSON lines)

     Ministry, admin, or a partner with `registry:write`. Send the file as the body with `Content-Type:
    text/csv` (a header row naming the columns; lists such as `commodities` as `090111;180100`) or
    `application/x-ndjson` (one JSON object per line). Columns are the fields of `POST /v1/cooperatives`
    except member groups and member cooperatives. Every row is validated; each problem is reported with
    its row number (the first record is row 1), field and reason. When any row fails, nothing is written
    and the answer is a 422 `import-rejected` problem listing `row_errors`, unless `partial=true`: then
    the valid rows are written and the invalid ones reported. Up to 100,000 rows and 64 MiB per upload;
    the created cooperatives carry the `import_id` (filter `GET /v1/cooperatives?import_batch=`). Rows
    are checked in worker processes beside the service; a client runs one import at a time and the
    service a few (`MAX_CONCURRENT_IMPORTS_PER_CLIENT`, `MAX_CONCURRENT_IMPORTS`): over that the answer
    is 429 `imports-busy` with `Retry-After`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:write`.

    Args:
        partial (bool | Unset): Write the valid rows even when some rows fail. Default: False.
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
     """


    return sync_detailed(
        client=client,
body=body,
partial=partial,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    partial: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ImportResult | Problem]:
    """ Bulk import cooperatives (CSV or JSON lines)

     Ministry, admin, or a partner with `registry:write`. Send the file as the body with `Content-Type:
    text/csv` (a header row naming the columns; lists such as `commodities` as `090111;180100`) or
    `application/x-ndjson` (one JSON object per line). Columns are the fields of `POST /v1/cooperatives`
    except member groups and member cooperatives. Every row is validated; each problem is reported with
    its row number (the first record is row 1), field and reason. When any row fails, nothing is written
    and the answer is a 422 `import-rejected` problem listing `row_errors`, unless `partial=true`: then
    the valid rows are written and the invalid ones reported. Up to 100,000 rows and 64 MiB per upload;
    the created cooperatives carry the `import_id` (filter `GET /v1/cooperatives?import_batch=`). Rows
    are checked in worker processes beside the service; a client runs one import at a time and the
    service a few (`MAX_CONCURRENT_IMPORTS_PER_CLIENT`, `MAX_CONCURRENT_IMPORTS`): over that the answer
    is 429 `imports-busy` with `Retry-After`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:write`.

    Args:
        partial (bool | Unset): Write the valid rows even when some rows fail. Default: False.
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
partial=partial,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File,
    partial: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,

) -> ImportResult | Problem | None:
    """ Bulk import cooperatives (CSV or JSON lines)

     Ministry, admin, or a partner with `registry:write`. Send the file as the body with `Content-Type:
    text/csv` (a header row naming the columns; lists such as `commodities` as `090111;180100`) or
    `application/x-ndjson` (one JSON object per line). Columns are the fields of `POST /v1/cooperatives`
    except member groups and member cooperatives. Every row is validated; each problem is reported with
    its row number (the first record is row 1), field and reason. When any row fails, nothing is written
    and the answer is a 422 `import-rejected` problem listing `row_errors`, unless `partial=true`: then
    the valid rows are written and the invalid ones reported. Up to 100,000 rows and 64 MiB per upload;
    the created cooperatives carry the `import_id` (filter `GET /v1/cooperatives?import_batch=`). Rows
    are checked in worker processes beside the service; a client runs one import at a time and the
    service a few (`MAX_CONCURRENT_IMPORTS_PER_CLIENT`, `MAX_CONCURRENT_IMPORTS`): over that the answer
    is 429 `imports-busy` with `Retry-After`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:write`.

    Args:
        partial (bool | Unset): Write the valid rows even when some rows fail. Default: False.
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
partial=partial,
idempotency_key=idempotency_key,

    )).parsed
