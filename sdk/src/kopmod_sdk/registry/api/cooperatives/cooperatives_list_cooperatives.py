from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cooperative_level import CooperativeLevel
from ...models.cooperative_out_or_cooperative_public_page import CooperativeOutOrCooperativePublicPage
from ...models.cooperative_status import CooperativeStatus
from ...models.cooperative_type import CooperativeType
from ...models.modernisation_phase import ModernisationPhase
from ...models.problem import Problem
from ...models.sort_key import SortKey
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    sort: SortKey | Unset = UNSET,
    region: None | str | Unset = UNSET,
    type_: list[CooperativeType] | None | Unset = UNSET,
    status: list[CooperativeStatus] | None | Unset = UNSET,
    level: CooperativeLevel | None | Unset = UNSET,
    phase: list[ModernisationPhase] | None | Unset = UNSET,
    cohort: int | None | Unset = UNSET,
    commodity: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    import_batch: None | Unset | UUID = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_region: None | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    else:
        json_region = region
    params["region"] = json_region

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = []
        for type_type_0_item_data in type_:
            type_type_0_item = type_type_0_item_data.value
            json_type_.append(type_type_0_item)


    else:
        json_type_ = type_
    params["type"] = json_type_

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item = status_type_0_item_data.value
            json_status.append(status_type_0_item)


    else:
        json_status = status
    params["status"] = json_status

    json_level: None | str | Unset
    if isinstance(level, Unset):
        json_level = UNSET
    elif isinstance(level, CooperativeLevel):
        json_level = level.value
    else:
        json_level = level
    params["level"] = json_level

    json_phase: list[str] | None | Unset
    if isinstance(phase, Unset):
        json_phase = UNSET
    elif isinstance(phase, list):
        json_phase = []
        for phase_type_0_item_data in phase:
            phase_type_0_item = phase_type_0_item_data.value
            json_phase.append(phase_type_0_item)


    else:
        json_phase = phase
    params["phase"] = json_phase

    json_cohort: int | None | Unset
    if isinstance(cohort, Unset):
        json_cohort = UNSET
    else:
        json_cohort = cohort
    params["cohort"] = json_cohort

    json_commodity: None | str | Unset
    if isinstance(commodity, Unset):
        json_commodity = UNSET
    else:
        json_commodity = commodity
    params["commodity"] = json_commodity

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_external_id: None | str | Unset
    if isinstance(external_id, Unset):
        json_external_id = UNSET
    else:
        json_external_id = external_id
    params["external_id"] = json_external_id

    json_import_batch: None | str | Unset
    if isinstance(import_batch, Unset):
        json_import_batch = UNSET
    elif isinstance(import_batch, UUID):
        json_import_batch = str(import_batch)
    else:
        json_import_batch = import_batch
    params["import_batch"] = json_import_batch

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

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
        "url": "/v1/cooperatives",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CooperativeOutOrCooperativePublicPage | Problem | None:
    if response.status_code == 200:
        response_200 = CooperativeOutOrCooperativePublicPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CooperativeOutOrCooperativePublicPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    sort: SortKey | Unset = UNSET,
    region: None | str | Unset = UNSET,
    type_: list[CooperativeType] | None | Unset = UNSET,
    status: list[CooperativeStatus] | None | Unset = UNSET,
    level: CooperativeLevel | None | Unset = UNSET,
    phase: list[ModernisationPhase] | None | Unset = UNSET,
    cohort: int | None | Unset = UNSET,
    commodity: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    import_batch: None | Unset | UUID = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[CooperativeOutOrCooperativePublicPage | Problem]:
    """ List and search cooperatives

     Filters combine with AND; repeatable ones (`type`, `status`, `phase`) with OR inside. Sorted by
    `sort` (default `created`), cursor-paginated (`limit` at most 100). Items are full records (`view:
    full`) for the ministry, partners with `registry:read` and services, public profiles (`view:
    public`) for everyone else; a cooperative principal sees only its own cooperative.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        sort (SortKey | Unset):
        region (None | str | Unset): Region prefix: a province (`32`), regency (`32.73`) or
            district code.
        type_ (list[CooperativeType] | None | Unset): Repeatable.
        status (list[CooperativeStatus] | None | Unset): Repeatable.
        level (CooperativeLevel | None | Unset):
        phase (list[ModernisationPhase] | None | Unset): Repeatable.
        cohort (int | None | Unset): Cohort year.
        commodity (None | str | Unset): HS code held.
        q (None | str | Unset): Text in the name.
        external_id (None | str | Unset):
        import_batch (None | Unset | UUID): Created by this bulk import.
        active (bool | None | Unset): Derived: status active and a RAT in the last 3 years.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CooperativeOutOrCooperativePublicPage | Problem]
     """


    kwargs = _get_kwargs(
        sort=sort,
region=region,
type_=type_,
status=status,
level=level,
phase=phase,
cohort=cohort,
commodity=commodity,
q=q,
external_id=external_id,
import_batch=import_batch,
active=active,
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
    sort: SortKey | Unset = UNSET,
    region: None | str | Unset = UNSET,
    type_: list[CooperativeType] | None | Unset = UNSET,
    status: list[CooperativeStatus] | None | Unset = UNSET,
    level: CooperativeLevel | None | Unset = UNSET,
    phase: list[ModernisationPhase] | None | Unset = UNSET,
    cohort: int | None | Unset = UNSET,
    commodity: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    import_batch: None | Unset | UUID = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> CooperativeOutOrCooperativePublicPage | Problem | None:
    """ List and search cooperatives

     Filters combine with AND; repeatable ones (`type`, `status`, `phase`) with OR inside. Sorted by
    `sort` (default `created`), cursor-paginated (`limit` at most 100). Items are full records (`view:
    full`) for the ministry, partners with `registry:read` and services, public profiles (`view:
    public`) for everyone else; a cooperative principal sees only its own cooperative.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        sort (SortKey | Unset):
        region (None | str | Unset): Region prefix: a province (`32`), regency (`32.73`) or
            district code.
        type_ (list[CooperativeType] | None | Unset): Repeatable.
        status (list[CooperativeStatus] | None | Unset): Repeatable.
        level (CooperativeLevel | None | Unset):
        phase (list[ModernisationPhase] | None | Unset): Repeatable.
        cohort (int | None | Unset): Cohort year.
        commodity (None | str | Unset): HS code held.
        q (None | str | Unset): Text in the name.
        external_id (None | str | Unset):
        import_batch (None | Unset | UUID): Created by this bulk import.
        active (bool | None | Unset): Derived: status active and a RAT in the last 3 years.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CooperativeOutOrCooperativePublicPage | Problem
     """


    return sync_detailed(
        client=client,
sort=sort,
region=region,
type_=type_,
status=status,
level=level,
phase=phase,
cohort=cohort,
commodity=commodity,
q=q,
external_id=external_id,
import_batch=import_batch,
active=active,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    sort: SortKey | Unset = UNSET,
    region: None | str | Unset = UNSET,
    type_: list[CooperativeType] | None | Unset = UNSET,
    status: list[CooperativeStatus] | None | Unset = UNSET,
    level: CooperativeLevel | None | Unset = UNSET,
    phase: list[ModernisationPhase] | None | Unset = UNSET,
    cohort: int | None | Unset = UNSET,
    commodity: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    import_batch: None | Unset | UUID = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[CooperativeOutOrCooperativePublicPage | Problem]:
    """ List and search cooperatives

     Filters combine with AND; repeatable ones (`type`, `status`, `phase`) with OR inside. Sorted by
    `sort` (default `created`), cursor-paginated (`limit` at most 100). Items are full records (`view:
    full`) for the ministry, partners with `registry:read` and services, public profiles (`view:
    public`) for everyone else; a cooperative principal sees only its own cooperative.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        sort (SortKey | Unset):
        region (None | str | Unset): Region prefix: a province (`32`), regency (`32.73`) or
            district code.
        type_ (list[CooperativeType] | None | Unset): Repeatable.
        status (list[CooperativeStatus] | None | Unset): Repeatable.
        level (CooperativeLevel | None | Unset):
        phase (list[ModernisationPhase] | None | Unset): Repeatable.
        cohort (int | None | Unset): Cohort year.
        commodity (None | str | Unset): HS code held.
        q (None | str | Unset): Text in the name.
        external_id (None | str | Unset):
        import_batch (None | Unset | UUID): Created by this bulk import.
        active (bool | None | Unset): Derived: status active and a RAT in the last 3 years.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CooperativeOutOrCooperativePublicPage | Problem]
     """


    kwargs = _get_kwargs(
        sort=sort,
region=region,
type_=type_,
status=status,
level=level,
phase=phase,
cohort=cohort,
commodity=commodity,
q=q,
external_id=external_id,
import_batch=import_batch,
active=active,
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
    sort: SortKey | Unset = UNSET,
    region: None | str | Unset = UNSET,
    type_: list[CooperativeType] | None | Unset = UNSET,
    status: list[CooperativeStatus] | None | Unset = UNSET,
    level: CooperativeLevel | None | Unset = UNSET,
    phase: list[ModernisationPhase] | None | Unset = UNSET,
    cohort: int | None | Unset = UNSET,
    commodity: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    import_batch: None | Unset | UUID = UNSET,
    active: bool | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> CooperativeOutOrCooperativePublicPage | Problem | None:
    """ List and search cooperatives

     Filters combine with AND; repeatable ones (`type`, `status`, `phase`) with OR inside. Sorted by
    `sort` (default `created`), cursor-paginated (`limit` at most 100). Items are full records (`view:
    full`) for the ministry, partners with `registry:read` and services, public profiles (`view:
    public`) for everyone else; a cooperative principal sees only its own cooperative.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        sort (SortKey | Unset):
        region (None | str | Unset): Region prefix: a province (`32`), regency (`32.73`) or
            district code.
        type_ (list[CooperativeType] | None | Unset): Repeatable.
        status (list[CooperativeStatus] | None | Unset): Repeatable.
        level (CooperativeLevel | None | Unset):
        phase (list[ModernisationPhase] | None | Unset): Repeatable.
        cohort (int | None | Unset): Cohort year.
        commodity (None | str | Unset): HS code held.
        q (None | str | Unset): Text in the name.
        external_id (None | str | Unset):
        import_batch (None | Unset | UUID): Created by this bulk import.
        active (bool | None | Unset): Derived: status active and a RAT in the last 3 years.
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CooperativeOutOrCooperativePublicPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
sort=sort,
region=region,
type_=type_,
status=status,
level=level,
phase=phase,
cohort=cohort,
commodity=commodity,
q=q,
external_id=external_id,
import_batch=import_batch,
active=active,
limit=limit,
cursor=cursor,

    )).parsed
