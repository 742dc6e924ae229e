from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.body_applications_upload_document import BodyApplicationsUploadDocument
from ...models.document_out import DocumentOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    application_id: UUID,
    *,
    body: BodyApplicationsUploadDocument,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/applications/{application_id}/documents".format(application_id=quote(str(application_id), safe=""),),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DocumentOut | Problem | None:
    if response.status_code == 201:
        response_201 = DocumentOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DocumentOut | Problem]:
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
    body: BodyApplicationsUploadDocument,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[DocumentOut | Problem]:
    """ Attach a document (multipart: kind, checksum_sha256, file)

     The SHA-256 of the file must equal `checksum_sha256` (hex), else 422 `checksum-mismatch` and nothing
    is stored. The file must be PDF, PNG or JPEG, judged from its first bytes (never its name or
    declared type), else 415; it is kept and served as that type, its name ending in that type's
    extension. Documents can hold personal data: they are encrypted at rest, served only to the
    applicant and the fund's staff, and never logged.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `cooperative` (a
    cooperative, acting for its own organisation only).

    Args:
        application_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (BodyApplicationsUploadDocument):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentOut | Problem]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyApplicationsUploadDocument,
    idempotency_key: None | str | Unset = UNSET,

) -> DocumentOut | Problem | None:
    """ Attach a document (multipart: kind, checksum_sha256, file)

     The SHA-256 of the file must equal `checksum_sha256` (hex), else 422 `checksum-mismatch` and nothing
    is stored. The file must be PDF, PNG or JPEG, judged from its first bytes (never its name or
    declared type), else 415; it is kept and served as that type, its name ending in that type's
    extension. Documents can hold personal data: they are encrypted at rest, served only to the
    applicant and the fund's staff, and never logged.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `cooperative` (a
    cooperative, acting for its own organisation only).

    Args:
        application_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (BodyApplicationsUploadDocument):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentOut | Problem
     """


    return sync_detailed(
        application_id=application_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyApplicationsUploadDocument,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[DocumentOut | Problem]:
    """ Attach a document (multipart: kind, checksum_sha256, file)

     The SHA-256 of the file must equal `checksum_sha256` (hex), else 422 `checksum-mismatch` and nothing
    is stored. The file must be PDF, PNG or JPEG, judged from its first bytes (never its name or
    declared type), else 415; it is kept and served as that type, its name ending in that type's
    extension. Documents can hold personal data: they are encrypted at rest, served only to the
    applicant and the fund's staff, and never logged.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `cooperative` (a
    cooperative, acting for its own organisation only).

    Args:
        application_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (BodyApplicationsUploadDocument):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentOut | Problem]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyApplicationsUploadDocument,
    idempotency_key: None | str | Unset = UNSET,

) -> DocumentOut | Problem | None:
    """ Attach a document (multipart: kind, checksum_sha256, file)

     The SHA-256 of the file must equal `checksum_sha256` (hex), else 422 `checksum-mismatch` and nothing
    is stored. The file must be PDF, PNG or JPEG, judged from its first bytes (never its name or
    declared type), else 415; it is kept and served as that type, its name ending in that type's
    extension. Documents can hold personal data: they are encrypted at rest, served only to the
    applicant and the fund's staff, and never logged.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `cooperative` (a
    cooperative, acting for its own organisation only).

    Args:
        application_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (BodyApplicationsUploadDocument):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentOut | Problem
     """


    return (await asyncio_detailed(
        application_id=application_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
