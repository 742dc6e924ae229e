from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.eligibility_snapshot import EligibilitySnapshot
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    cooperative_id: UUID,
    *,
    as_of: datetime.date | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cooperatives/{cooperative_id}/eligibility-snapshot".format(cooperative_id=quote(str(cooperative_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EligibilitySnapshot | Problem | None:
    if response.status_code == 200:
        response_200 = EligibilitySnapshot.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EligibilitySnapshot | Problem]:
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
    as_of: datetime.date | None | Unset = UNSET,

) -> Response[EligibilitySnapshot | Problem]:
    """ Everything financing needs about a cooperative, in one call

     Legal status, derived activity (RAT in the last 3 years), age, RAT years held and missed, latest
    health, latest approved financial statements and status, as of today or of `as_of`. Readable by the
    ministry, services, partners with `registry:read` and the cooperative itself.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        as_of (datetime.date | None | Unset): Business date to judge at (default today): RATs held
            and assessments made after it are left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EligibilitySnapshot | Problem]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,
as_of=as_of,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,

) -> EligibilitySnapshot | Problem | None:
    """ Everything financing needs about a cooperative, in one call

     Legal status, derived activity (RAT in the last 3 years), age, RAT years held and missed, latest
    health, latest approved financial statements and status, as of today or of `as_of`. Readable by the
    ministry, services, partners with `registry:read` and the cooperative itself.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        as_of (datetime.date | None | Unset): Business date to judge at (default today): RATs held
            and assessments made after it are left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EligibilitySnapshot | Problem
     """


    return sync_detailed(
        cooperative_id=cooperative_id,
client=client,
as_of=as_of,

    ).parsed

async def asyncio_detailed(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,

) -> Response[EligibilitySnapshot | Problem]:
    """ Everything financing needs about a cooperative, in one call

     Legal status, derived activity (RAT in the last 3 years), age, RAT years held and missed, latest
    health, latest approved financial statements and status, as of today or of `as_of`. Readable by the
    ministry, services, partners with `registry:read` and the cooperative itself.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        as_of (datetime.date | None | Unset): Business date to judge at (default today): RATs held
            and assessments made after it are left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EligibilitySnapshot | Problem]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,
as_of=as_of,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,

) -> EligibilitySnapshot | Problem | None:
    """ Everything financing needs about a cooperative, in one call

     Legal status, derived activity (RAT in the last 3 years), age, RAT years held and missed, latest
    health, latest approved financial statements and status, as of today or of `as_of`. Readable by the
    ministry, services, partners with `registry:read` and the cooperative itself.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        cooperative_id (UUID):
        as_of (datetime.date | None | Unset): Business date to judge at (default today): RATs held
            and assessments made after it are left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EligibilitySnapshot | Problem
     """


    return (await asyncio_detailed(
        cooperative_id=cooperative_id,
client=client,
as_of=as_of,

    )).parsed
