from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.financing_summary import FinancingSummary
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    cooperative_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cooperatives/{cooperative_id}/financing-summary".format(cooperative_id=quote(str(cooperative_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FinancingSummary | Problem | None:
    if response.status_code == 200:
        response_200 = FinancingSummary.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FinancingSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[FinancingSummary | Problem]:
    """ A cooperative's financing record: applications, loans, repayment record

     Applications by status, active loans and outstanding principal, and the repayment record (share of
    due installments paid on time, current and worst OJK collectibility class, written-off loans). A
    cooperative with no financing answers zero counts. Readable by services, the ministry, fund staff
    and admin; a cooperative reads only its own (another id is a 404).

    **Who may call:** `ministry` (registry officer of the ministry or a provincial office),
    `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee` (fund committee
    (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own organisation
    only), `service` (another kopmod service).

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FinancingSummary | Problem]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,

) -> FinancingSummary | Problem | None:
    """ A cooperative's financing record: applications, loans, repayment record

     Applications by status, active loans and outstanding principal, and the repayment record (share of
    due installments paid on time, current and worst OJK collectibility class, written-off loans). A
    cooperative with no financing answers zero counts. Readable by services, the ministry, fund staff
    and admin; a cooperative reads only its own (another id is a 404).

    **Who may call:** `ministry` (registry officer of the ministry or a provincial office),
    `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee` (fund committee
    (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own organisation
    only), `service` (another kopmod service).

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FinancingSummary | Problem
     """


    return sync_detailed(
        cooperative_id=cooperative_id,
client=client,

    ).parsed

async def asyncio_detailed(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[FinancingSummary | Problem]:
    """ A cooperative's financing record: applications, loans, repayment record

     Applications by status, active loans and outstanding principal, and the repayment record (share of
    due installments paid on time, current and worst OJK collectibility class, written-off loans). A
    cooperative with no financing answers zero counts. Readable by services, the ministry, fund staff
    and admin; a cooperative reads only its own (another id is a 404).

    **Who may call:** `ministry` (registry officer of the ministry or a provincial office),
    `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee` (fund committee
    (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own organisation
    only), `service` (another kopmod service).

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FinancingSummary | Problem]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,

) -> FinancingSummary | Problem | None:
    """ A cooperative's financing record: applications, loans, repayment record

     Applications by status, active loans and outstanding principal, and the repayment record (share of
    due installments paid on time, current and worst OJK collectibility class, written-off loans). A
    cooperative with no financing answers zero counts. Readable by services, the ministry, fund staff
    and admin; a cooperative reads only its own (another id is a 404).

    **Who may call:** `ministry` (registry officer of the ministry or a provincial office),
    `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee` (fund committee
    (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own organisation
    only), `service` (another kopmod service).

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FinancingSummary | Problem
     """


    return (await asyncio_detailed(
        cooperative_id=cooperative_id,
client=client,

    )).parsed
