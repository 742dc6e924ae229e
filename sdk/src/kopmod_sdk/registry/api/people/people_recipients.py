from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.recipient_out_page import RecipientOutPage
from ...models.role import Role
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    role: Role,
    org_id: None | Unset | UUID = UNSET,
    person_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_role = role.value
    params["role"] = json_role

    json_org_id: None | str | Unset
    if isinstance(org_id, Unset):
        json_org_id = UNSET
    elif isinstance(org_id, UUID):
        json_org_id = str(org_id)
    else:
        json_org_id = org_id
    params["org_id"] = json_org_id

    json_person_id: None | str | Unset
    if isinstance(person_id, Unset):
        json_person_id = UNSET
    elif isinstance(person_id, UUID):
        json_person_id = str(person_id)
    else:
        json_person_id = person_id
    params["person_id"] = json_person_id

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
        "url": "/v1/notification-recipients",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RecipientOutPage | None:
    if response.status_code == 200:
        response_200 = RecipientOutPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RecipientOutPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    role: Role,
    org_id: None | Unset | UUID = UNSET,
    person_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | RecipientOutPage]:
    """ The people to notify for an organisation or a staff role (the platform's services)

     For the platform's own `service` clients (the console's notifier): the active people with an active
    membership of `role`, of the organisation `org_id` for `cooperative` and `offtaker` (required then,
    refused otherwise); with `person_id`, only that person, and only while they hold the role (an empty
    page otherwise). Only name, email and language. Each person listed gets a `notify` entry in their
    access log.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        role (Role):
        org_id (None | Unset | UUID):
        person_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecipientOutPage]
     """


    kwargs = _get_kwargs(
        role=role,
org_id=org_id,
person_id=person_id,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    role: Role,
    org_id: None | Unset | UUID = UNSET,
    person_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Problem | RecipientOutPage | None:
    """ The people to notify for an organisation or a staff role (the platform's services)

     For the platform's own `service` clients (the console's notifier): the active people with an active
    membership of `role`, of the organisation `org_id` for `cooperative` and `offtaker` (required then,
    refused otherwise); with `person_id`, only that person, and only while they hold the role (an empty
    page otherwise). Only name, email and language. Each person listed gets a `notify` entry in their
    access log.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        role (Role):
        org_id (None | Unset | UUID):
        person_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecipientOutPage
     """


    return sync_detailed(
        client=client,
role=role,
org_id=org_id,
person_id=person_id,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    role: Role,
    org_id: None | Unset | UUID = UNSET,
    person_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | RecipientOutPage]:
    """ The people to notify for an organisation or a staff role (the platform's services)

     For the platform's own `service` clients (the console's notifier): the active people with an active
    membership of `role`, of the organisation `org_id` for `cooperative` and `offtaker` (required then,
    refused otherwise); with `person_id`, only that person, and only while they hold the role (an empty
    page otherwise). Only name, email and language. Each person listed gets a `notify` entry in their
    access log.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        role (Role):
        org_id (None | Unset | UUID):
        person_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecipientOutPage]
     """


    kwargs = _get_kwargs(
        role=role,
org_id=org_id,
person_id=person_id,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    role: Role,
    org_id: None | Unset | UUID = UNSET,
    person_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Problem | RecipientOutPage | None:
    """ The people to notify for an organisation or a staff role (the platform's services)

     For the platform's own `service` clients (the console's notifier): the active people with an active
    membership of `role`, of the organisation `org_id` for `cooperative` and `offtaker` (required then,
    refused otherwise); with `person_id`, only that person, and only while they hold the role (an empty
    page otherwise). Only name, email and language. Each person listed gets a `notify` entry in their
    access log.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        role (Role):
        org_id (None | Unset | UUID):
        person_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecipientOutPage
     """


    return (await asyncio_detailed(
        client=client,
role=role,
org_id=org_id,
person_id=person_id,
limit=limit,
cursor=cursor,

    )).parsed
