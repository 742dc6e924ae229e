from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.statement_import_out import StatementImportOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    import_id: UUID,
    *,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/bank-statements/{import_id}/commit".format(import_id=quote(str(import_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StatementImportOut | None:
    if response.status_code == 200:
        response_200 = StatementImportOut.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | StatementImportOut]:
    """ Book the matched lines of a previewed statement as repayments (fund officer)

     Each `matched` line becomes a repayment on its loan with the bank's reference as
    `external_reference` (`result: booked`); a line whose reference was booked meanwhile is
    `already_booked`, one the loan refuses is `failed` with the reason, and the others are booked. A
    statement is committed once (409 after).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        import_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementImportOut]
     """


    kwargs = _get_kwargs(
        import_id=import_id,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | StatementImportOut | None:
    """ Book the matched lines of a previewed statement as repayments (fund officer)

     Each `matched` line becomes a repayment on its loan with the bank's reference as
    `external_reference` (`result: booked`); a line whose reference was booked meanwhile is
    `already_booked`, one the loan refuses is `failed` with the reason, and the others are booked. A
    statement is committed once (409 after).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        import_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementImportOut
     """


    return sync_detailed(
        import_id=import_id,
client=client,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | StatementImportOut]:
    """ Book the matched lines of a previewed statement as repayments (fund officer)

     Each `matched` line becomes a repayment on its loan with the bank's reference as
    `external_reference` (`result: booked`); a line whose reference was booked meanwhile is
    `already_booked`, one the loan refuses is `failed` with the reason, and the others are booked. A
    statement is committed once (409 after).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        import_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementImportOut]
     """


    kwargs = _get_kwargs(
        import_id=import_id,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    import_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | StatementImportOut | None:
    """ Book the matched lines of a previewed statement as repayments (fund officer)

     Each `matched` line becomes a repayment on its loan with the bank's reference as
    `external_reference` (`result: booked`); a line whose reference was booked meanwhile is
    `already_booked`, one the loan refuses is `failed` with the reason, and the others are booked. A
    statement is committed once (409 after).

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)).

    Args:
        import_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementImportOut
     """


    return (await asyncio_detailed(
        import_id=import_id,
client=client,
idempotency_key=idempotency_key,

    )).parsed
