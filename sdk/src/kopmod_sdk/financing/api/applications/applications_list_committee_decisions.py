from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.decision_out import DecisionOut
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    application_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/applications/{application_id}/committee-decisions".format(application_id=quote(str(application_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[DecisionOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = DecisionOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[DecisionOut]]:
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

) -> Response[Problem | list[DecisionOut]]:
    """ The committee's decisions on an application, oldest first

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
        Response[Problem | list[DecisionOut]]
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

) -> Problem | list[DecisionOut] | None:
    """ The committee's decisions on an application, oldest first

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
        Problem | list[DecisionOut]
     """


    return sync_detailed(
        application_id=application_id,
client=client,

    ).parsed

async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | list[DecisionOut]]:
    """ The committee's decisions on an application, oldest first

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
        Response[Problem | list[DecisionOut]]
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

) -> Problem | list[DecisionOut] | None:
    """ The committee's decisions on an application, oldest first

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
        Problem | list[DecisionOut]
     """


    return (await asyncio_detailed(
        application_id=application_id,
client=client,

    )).parsed
