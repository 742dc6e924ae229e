from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.agreement_out import AgreementOut
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    application_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/applications/{application_id}/agreement".format(application_id=quote(str(application_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AgreementOut | Problem | None:
    if response.status_code == 200:
        response_200 = AgreementOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AgreementOut | Problem]:
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

) -> Response[AgreementOut | Problem]:
    """ The akad's terms and the SHA-256 of their canonical form

     Once approved: the terms the approval offers (`status: offer`); once signed: the terms as first
    signed (`status: signed`) and every signature. `terms_hash` is the SHA-256 (hex) of `terms` as
    canonical JSON (keys sorted, no spaces, UTF-8), printed on the PDF. Before approval: 409.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `applications:read`.

    Args:
        application_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementOut | Problem]
     """


    kwargs = _get_kwargs(
        application_id=application_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,

) -> AgreementOut | Problem | None:
    """ The akad's terms and the SHA-256 of their canonical form

     Once approved: the terms the approval offers (`status: offer`); once signed: the terms as first
    signed (`status: signed`) and every signature. `terms_hash` is the SHA-256 (hex) of `terms` as
    canonical JSON (keys sorted, no spaces, UTF-8), printed on the PDF. Before approval: 409.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `applications:read`.

    Args:
        application_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementOut | Problem
     """


    return sync_detailed(
        application_id=application_id,
client=client,

    ).parsed

async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[AgreementOut | Problem]:
    """ The akad's terms and the SHA-256 of their canonical form

     Once approved: the terms the approval offers (`status: offer`); once signed: the terms as first
    signed (`status: signed`) and every signature. `terms_hash` is the SHA-256 (hex) of `terms` as
    canonical JSON (keys sorted, no spaces, UTF-8), printed on the PDF. Before approval: 409.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `applications:read`.

    Args:
        application_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementOut | Problem]
     """


    kwargs = _get_kwargs(
        application_id=application_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,

) -> AgreementOut | Problem | None:
    """ The akad's terms and the SHA-256 of their canonical form

     Once approved: the terms the approval offers (`status: offer`); once signed: the terms as first
    signed (`status: signed`) and every signature. `terms_hash` is the SHA-256 (hex) of `terms` as
    canonical JSON (keys sorted, no spaces, UTF-8), printed on the PDF. Before approval: 409.

    **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `applications:read`.

    Args:
        application_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementOut | Problem
     """


    return (await asyncio_detailed(
        application_id=application_id,
client=client,

    )).parsed
