from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.programme_out import ProgrammeOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    province: None | str | Unset = UNSET,
    cohort_year: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_province: None | str | Unset
    if isinstance(province, Unset):
        json_province = UNSET
    else:
        json_province = province
    params["province"] = json_province

    json_cohort_year: int | None | Unset
    if isinstance(cohort_year, Unset):
        json_cohort_year = UNSET
    else:
        json_cohort_year = cohort_year
    params["cohort_year"] = json_cohort_year


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/programme/modernisation",
        "params": params,
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
    province: None | str | Unset = UNSET,
    cohort_year: int | None | Unset = UNSET,

) -> Response[Problem | ProgrammeOut]:
    """ Programme view: cooperatives by phase, readiness band and province; the target

     Every cooperative in the modernisation programme (a phase recorded, not merged or dissolved), scored
    as in the scorecard from bulk reads of financing and marketplace (100 cooperatives per call): counts
    by phase, by readiness band and both together, by province (with bands and the target), by cohort,
    the programme's mentoring (pendampingan), per aspect met, and how many meet all four aspects against
    the programme's target and how many are still needed. Filter by `province` and `cohort_year`.
    Partial (with the reason) when a service is unavailable. For the ministry, admin and partners with
    `registry:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:read`.

    Args:
        province (None | str | Unset): Only this province (2-digit code).
        cohort_year (int | None | Unset): Only this cohort.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProgrammeOut]
     """


    kwargs = _get_kwargs(
        province=province,
cohort_year=cohort_year,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    province: None | str | Unset = UNSET,
    cohort_year: int | None | Unset = UNSET,

) -> Problem | ProgrammeOut | None:
    """ Programme view: cooperatives by phase, readiness band and province; the target

     Every cooperative in the modernisation programme (a phase recorded, not merged or dissolved), scored
    as in the scorecard from bulk reads of financing and marketplace (100 cooperatives per call): counts
    by phase, by readiness band and both together, by province (with bands and the target), by cohort,
    the programme's mentoring (pendampingan), per aspect met, and how many meet all four aspects against
    the programme's target and how many are still needed. Filter by `province` and `cohort_year`.
    Partial (with the reason) when a service is unavailable. For the ministry, admin and partners with
    `registry:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:read`.

    Args:
        province (None | str | Unset): Only this province (2-digit code).
        cohort_year (int | None | Unset): Only this cohort.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProgrammeOut
     """


    return sync_detailed(
        client=client,
province=province,
cohort_year=cohort_year,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    province: None | str | Unset = UNSET,
    cohort_year: int | None | Unset = UNSET,

) -> Response[Problem | ProgrammeOut]:
    """ Programme view: cooperatives by phase, readiness band and province; the target

     Every cooperative in the modernisation programme (a phase recorded, not merged or dissolved), scored
    as in the scorecard from bulk reads of financing and marketplace (100 cooperatives per call): counts
    by phase, by readiness band and both together, by province (with bands and the target), by cohort,
    the programme's mentoring (pendampingan), per aspect met, and how many meet all four aspects against
    the programme's target and how many are still needed. Filter by `province` and `cohort_year`.
    Partial (with the reason) when a service is unavailable. For the ministry, admin and partners with
    `registry:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:read`.

    Args:
        province (None | str | Unset): Only this province (2-digit code).
        cohort_year (int | None | Unset): Only this cohort.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProgrammeOut]
     """


    kwargs = _get_kwargs(
        province=province,
cohort_year=cohort_year,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    province: None | str | Unset = UNSET,
    cohort_year: int | None | Unset = UNSET,

) -> Problem | ProgrammeOut | None:
    """ Programme view: cooperatives by phase, readiness band and province; the target

     Every cooperative in the modernisation programme (a phase recorded, not merged or dissolved), scored
    as in the scorecard from bulk reads of financing and marketplace (100 cooperatives per call): counts
    by phase, by readiness band and both together, by province (with bands and the target), by cohort,
    the programme's mentoring (pendampingan), per aspect met, and how many meet all four aspects against
    the programme's target and how many are still needed. Filter by `province` and `cohort_year`.
    Partial (with the reason) when a service is unavailable. For the ministry, admin and partners with
    `registry:read`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:read`.

    Args:
        province (None | str | Unset): Only this province (2-digit code).
        cohort_year (int | None | Unset): Only this cohort.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProgrammeOut
     """


    return (await asyncio_detailed(
        client=client,
province=province,
cohort_year=cohort_year,

    )).parsed
