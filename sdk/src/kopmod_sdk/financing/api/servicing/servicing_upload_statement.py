from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.body_servicing_upload_statement import BodyServicingUploadStatement
from ...models.problem import Problem
from ...models.statement_import_out import StatementImportOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    fund_id: UUID,
    *,
    body: BodyServicingUploadStatement,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/funds/{fund_id}/bank-statements".format(fund_id=quote(str(fund_id), safe=""),),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StatementImportOut | None:
    if response.status_code == 201:
        response_201 = StatementImportOut.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | StatementImportOut]:
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
    body: BodyServicingUploadStatement,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | StatementImportOut]:
    """ Upload a bank statement CSV: a preview of what would be booked (fund officer)

     Columns (header row, `,` or `;`): `value_date` (or `tanggal`), `amount` (`jumlah`), `reference`
    (`referensi`: the bank's id for the transfer), `description` (`keterangan`) and optionally
    `loan_id`. Each line is matched to a loan of this fund by the loan number (id) it names, and shown
    as `matched`, `already_booked` (the loan has a transaction with that reference), `not_matched`,
    `invalid` or `duplicate_in_file`. Nothing is booked until `.../commit`; uploading the same file
    again after committing it shows every line as already booked.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        fund_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (BodyServicingUploadStatement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementImportOut]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyServicingUploadStatement,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | StatementImportOut | None:
    """ Upload a bank statement CSV: a preview of what would be booked (fund officer)

     Columns (header row, `,` or `;`): `value_date` (or `tanggal`), `amount` (`jumlah`), `reference`
    (`referensi`: the bank's id for the transfer), `description` (`keterangan`) and optionally
    `loan_id`. Each line is matched to a loan of this fund by the loan number (id) it names, and shown
    as `matched`, `already_booked` (the loan has a transaction with that reference), `not_matched`,
    `invalid` or `duplicate_in_file`. Nothing is booked until `.../commit`; uploading the same file
    again after committing it shows every line as already booked.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        fund_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (BodyServicingUploadStatement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementImportOut
     """


    return sync_detailed(
        fund_id=fund_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyServicingUploadStatement,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | StatementImportOut]:
    """ Upload a bank statement CSV: a preview of what would be booked (fund officer)

     Columns (header row, `,` or `;`): `value_date` (or `tanggal`), `amount` (`jumlah`), `reference`
    (`referensi`: the bank's id for the transfer), `description` (`keterangan`) and optionally
    `loan_id`. Each line is matched to a loan of this fund by the loan number (id) it names, and shown
    as `matched`, `already_booked` (the loan has a transaction with that reference), `not_matched`,
    `invalid` or `duplicate_in_file`. Nothing is booked until `.../commit`; uploading the same file
    again after committing it shows every line as already booked.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        fund_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (BodyServicingUploadStatement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementImportOut]
     """


    kwargs = _get_kwargs(
        fund_id=fund_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyServicingUploadStatement,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | StatementImportOut | None:
    """ Upload a bank statement CSV: a preview of what would be booked (fund officer)

     Columns (header row, `,` or `;`): `value_date` (or `tanggal`), `amount` (`jumlah`), `reference`
    (`referensi`: the bank's id for the transfer), `description` (`keterangan`) and optionally
    `loan_id`. Each line is matched to a loan of this fund by the loan number (id) it names, and shown
    as `matched`, `already_booked` (the loan has a transaction with that reference), `not_matched`,
    `invalid` or `duplicate_in_file`. Nothing is booked until `.../commit`; uploading the same file
    again after committing it shows every line as already booked.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        fund_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (BodyServicingUploadStatement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementImportOut
     """


    return (await asyncio_detailed(
        fund_id=fund_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
