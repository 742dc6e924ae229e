from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.programme_out import ProgrammeOut
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/programme/modernisation",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProgrammeOut | None:
    if response.status_code == 200:
        response_200 = ProgrammeOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ProgrammeOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[Problem | ProgrammeOut]:
    """ Programme view: cooperatives by phase, readiness band and province; the target

     Every cooperative in the modernisation programme (a phase recorded, not merged or dissolved), scored
    as in the scorecard from bulk reads of financing and marketplace (100 cooperatives per call): counts
    by phase, by readiness band, by province, per aspect met, and how many meet all four aspects against
    the programme's target. Partial (with the reason) when a service is unavailable. For the ministry,
    admin and partners with `registry:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:read`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProgrammeOut]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,

) -> Problem | ProgrammeOut | None:
    """ Programme view: cooperatives by phase, readiness band and province; the target

     Every cooperative in the modernisation programme (a phase recorded, not merged or dissolved), scored
    as in the scorecard from bulk reads of financing and marketplace (100 cooperatives per call): counts
    by phase, by readiness band, by province, per aspect met, and how many meet all four aspects against
    the programme's target. Partial (with the reason) when a service is unavailable. For the ministry,
    admin and partners with `registry:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:read`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProgrammeOut
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[Problem | ProgrammeOut]:
    """ Programme view: cooperatives by phase, readiness band and province; the target

     Every cooperative in the modernisation programme (a phase recorded, not merged or dissolved), scored
    as in the scorecard from bulk reads of financing and marketplace (100 cooperatives per call): counts
    by phase, by readiness band, by province, per aspect met, and how many meet all four aspects against
    the programme's target. Partial (with the reason) when a service is unavailable. For the ministry,
    admin and partners with `registry:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:read`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProgrammeOut]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,

) -> Problem | ProgrammeOut | None:
    """ Programme view: cooperatives by phase, readiness band and province; the target

     Every cooperative in the modernisation programme (a phase recorded, not merged or dissolved), scored
    as in the scorecard from bulk reads of financing and marketplace (100 cooperatives per call): counts
    by phase, by readiness band, by province, per aspect met, and how many meet all four aspects against
    the programme's target. Partial (with the reason) when a service is unavailable. For the ministry,
    admin and partners with `registry:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:read`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProgrammeOut
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
