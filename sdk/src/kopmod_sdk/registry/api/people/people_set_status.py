from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.person_out import PersonOut
from ...models.problem import Problem
from ...models.status_update import StatusUpdate
from typing import cast
from uuid import UUID



def _get_kwargs(
    person_id: UUID,
    *,
    body: StatusUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/people/{person_id}".format(person_id=quote(str(person_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PersonOut | Problem | None:
    if response.status_code == 200:
        response_200 = PersonOut.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PersonOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: StatusUpdate,

) -> Response[PersonOut | Problem]:
    """ Disable, re-enable or unlock a person's account (admin)

     Disabling ends the person's sessions and revokes their refresh tokens.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        person_id (UUID):
        body (StatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonOut | Problem]
     """


    kwargs = _get_kwargs(
        person_id=person_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: StatusUpdate,

) -> PersonOut | Problem | None:
    """ Disable, re-enable or unlock a person's account (admin)

     Disabling ends the person's sessions and revokes their refresh tokens.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        person_id (UUID):
        body (StatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonOut | Problem
     """


    return sync_detailed(
        person_id=person_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: StatusUpdate,

) -> Response[PersonOut | Problem]:
    """ Disable, re-enable or unlock a person's account (admin)

     Disabling ends the person's sessions and revokes their refresh tokens.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        person_id (UUID):
        body (StatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonOut | Problem]
     """


    kwargs = _get_kwargs(
        person_id=person_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    body: StatusUpdate,

) -> PersonOut | Problem | None:
    """ Disable, re-enable or unlock a person's account (admin)

     Disabling ends the person's sessions and revokes their refresh tokens.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        person_id (UUID):
        body (StatusUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonOut | Problem
     """


    return (await asyncio_detailed(
        person_id=person_id,
client=client,
body=body,

    )).parsed
