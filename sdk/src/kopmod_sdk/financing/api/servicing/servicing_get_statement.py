from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.statement_import_out import StatementImportOut
from typing import cast
from uuid import UUID



def _get_kwargs(
    import_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/bank-statements/{import_id}".format(import_id=quote(str(import_id), safe=""),),
    }


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

) -> Response[Problem | StatementImportOut]:
    """ A bank statement upload: its preview, and after commit what each line did

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementImportOut]
     """


    kwargs = _get_kwargs(
        import_id=import_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    import_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | StatementImportOut | None:
    """ A bank statement upload: its preview, and after commit what each line did

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementImportOut
     """


    return sync_detailed(
        import_id=import_id,
client=client,

    ).parsed

async def asyncio_detailed(
    import_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | StatementImportOut]:
    """ A bank statement upload: its preview, and after commit what each line did

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementImportOut]
     """


    kwargs = _get_kwargs(
        import_id=import_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    import_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | StatementImportOut | None:
    """ A bank statement upload: its preview, and after commit what each line did

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)).

    Args:
        import_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementImportOut
     """


    return (await asyncio_detailed(
        import_id=import_id,
client=client,

    )).parsed
