from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cooperative_out import CooperativeOut
from ...models.cooperative_public import CooperativePublic
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    cooperative_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cooperatives/{cooperative_id}".format(cooperative_id=quote(str(cooperative_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CooperativeOut | CooperativePublic | Problem | None:
    if response.status_code == 200:
        def _parse_response_200(data: object) -> CooperativeOut | CooperativePublic:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = CooperativeOut.from_dict(data)



                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = CooperativePublic.from_dict(data)



            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CooperativeOut | CooperativePublic | Problem]:
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

) -> Response[CooperativeOut | CooperativePublic | Problem]:
    """ Read a cooperative

     The full record with its derived facts (active, age, latest health, RAT compliance) for those who
    may read it, otherwise the public profile. A cooperative principal asking for another cooperative
    gets 404.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CooperativeOut | CooperativePublic | Problem]
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

) -> CooperativeOut | CooperativePublic | Problem | None:
    """ Read a cooperative

     The full record with its derived facts (active, age, latest health, RAT compliance) for those who
    may read it, otherwise the public profile. A cooperative principal asking for another cooperative
    gets 404.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CooperativeOut | CooperativePublic | Problem
     """


    return sync_detailed(
        cooperative_id=cooperative_id,
client=client,

    ).parsed

async def asyncio_detailed(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[CooperativeOut | CooperativePublic | Problem]:
    """ Read a cooperative

     The full record with its derived facts (active, age, latest health, RAT compliance) for those who
    may read it, otherwise the public profile. A cooperative principal asking for another cooperative
    gets 404.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CooperativeOut | CooperativePublic | Problem]
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

) -> CooperativeOut | CooperativePublic | Problem | None:
    """ Read a cooperative

     The full record with its derived facts (active, age, latest health, RAT compliance) for those who
    may read it, otherwise the public profile. A cooperative principal asking for another cooperative
    gets 404.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CooperativeOut | CooperativePublic | Problem
     """


    return (await asyncio_detailed(
        cooperative_id=cooperative_id,
client=client,

    )).parsed
