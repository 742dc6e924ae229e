from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.people_list_people_status_type_0 import PeopleListPeopleStatusType0
from ...models.person_out_page import PersonOutPage
from ...models.problem import Problem
from ...models.role import Role
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    status: None | PeopleListPeopleStatusType0 | Unset = UNSET,
    org_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, Role):
        json_role = role.value
    else:
        json_role = role
    params["role"] = json_role

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, PeopleListPeopleStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_org_id: None | str | Unset
    if isinstance(org_id, Unset):
        json_org_id = UNSET
    elif isinstance(org_id, UUID):
        json_org_id = str(org_id)
    else:
        json_org_id = org_id
    params["org_id"] = json_org_id

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
        "url": "/v1/people",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PersonOutPage | Problem | None:
    if response.status_code == 200:
        response_200 = PersonOutPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PersonOutPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    status: None | PeopleListPeopleStatusType0 | Unset = UNSET,
    org_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[PersonOutPage | Problem]:
    """ Every person, by name, filtered (admin)

     The platform operator's list of people: `q` finds text in the name or the email; `role` and `org_id`
    keep people with such a membership; `status` their account's. Each person listed gets an entry in
    their access log.

    **Who may call:** `admin` (platform operator).

    Args:
        q (None | str | Unset):
        role (None | Role | Unset):
        status (None | PeopleListPeopleStatusType0 | Unset):
        org_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonOutPage | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
role=role,
status=status,
org_id=org_id,
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
    q: None | str | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    status: None | PeopleListPeopleStatusType0 | Unset = UNSET,
    org_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> PersonOutPage | Problem | None:
    """ Every person, by name, filtered (admin)

     The platform operator's list of people: `q` finds text in the name or the email; `role` and `org_id`
    keep people with such a membership; `status` their account's. Each person listed gets an entry in
    their access log.

    **Who may call:** `admin` (platform operator).

    Args:
        q (None | str | Unset):
        role (None | Role | Unset):
        status (None | PeopleListPeopleStatusType0 | Unset):
        org_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonOutPage | Problem
     """


    return sync_detailed(
        client=client,
q=q,
role=role,
status=status,
org_id=org_id,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    status: None | PeopleListPeopleStatusType0 | Unset = UNSET,
    org_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[PersonOutPage | Problem]:
    """ Every person, by name, filtered (admin)

     The platform operator's list of people: `q` finds text in the name or the email; `role` and `org_id`
    keep people with such a membership; `status` their account's. Each person listed gets an entry in
    their access log.

    **Who may call:** `admin` (platform operator).

    Args:
        q (None | str | Unset):
        role (None | Role | Unset):
        status (None | PeopleListPeopleStatusType0 | Unset):
        org_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonOutPage | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
role=role,
status=status,
org_id=org_id,
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
    q: None | str | Unset = UNSET,
    role: None | Role | Unset = UNSET,
    status: None | PeopleListPeopleStatusType0 | Unset = UNSET,
    org_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> PersonOutPage | Problem | None:
    """ Every person, by name, filtered (admin)

     The platform operator's list of people: `q` finds text in the name or the email; `role` and `org_id`
    keep people with such a membership; `status` their account's. Each person listed gets an entry in
    their access log.

    **Who may call:** `admin` (platform operator).

    Args:
        q (None | str | Unset):
        role (None | Role | Unset):
        status (None | PeopleListPeopleStatusType0 | Unset):
        org_id (None | Unset | UUID):
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonOutPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
q=q,
role=role,
status=status,
org_id=org_id,
limit=limit,
cursor=cursor,

    )).parsed
