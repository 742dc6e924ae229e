from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.schedule_preview_out import SchedulePreviewOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    application_id: UUID,
    *,
    start_date: datetime.date | None | Unset = UNSET,
    first_due_date: datetime.date | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_start_date: None | str | Unset
    if isinstance(start_date, Unset):
        json_start_date = UNSET
    elif isinstance(start_date, datetime.date):
        json_start_date = start_date.isoformat()
    else:
        json_start_date = start_date
    params["start_date"] = json_start_date

    json_first_due_date: None | str | Unset
    if isinstance(first_due_date, Unset):
        json_first_due_date = UNSET
    elif isinstance(first_due_date, datetime.date):
        json_first_due_date = first_due_date.isoformat()
    else:
        json_first_due_date = first_due_date
    params["first_due_date"] = json_first_due_date


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/applications/{application_id}/schedule".format(application_id=quote(str(application_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SchedulePreviewOut | None:
    if response.status_code == 200:
        response_200 = SchedulePreviewOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SchedulePreviewOut]:
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
    start_date: datetime.date | None | Unset = UNSET,
    first_due_date: datetime.date | None | Unset = UNSET,

) -> Response[Problem | SchedulePreviewOut]:
    """ Schedule of the approved (or requested) terms

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `applications:read`.

    Args:
        application_id (UUID):
        start_date (datetime.date | None | Unset):
        first_due_date (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulePreviewOut]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
start_date=start_date,
first_due_date=first_due_date,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    start_date: datetime.date | None | Unset = UNSET,
    first_due_date: datetime.date | None | Unset = UNSET,

) -> Problem | SchedulePreviewOut | None:
    """ Schedule of the approved (or requested) terms

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `applications:read`.

    Args:
        application_id (UUID):
        start_date (datetime.date | None | Unset):
        first_due_date (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulePreviewOut
     """


    return sync_detailed(
        application_id=application_id,
client=client,
start_date=start_date,
first_due_date=first_due_date,

    ).parsed

async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    start_date: datetime.date | None | Unset = UNSET,
    first_due_date: datetime.date | None | Unset = UNSET,

) -> Response[Problem | SchedulePreviewOut]:
    """ Schedule of the approved (or requested) terms

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `applications:read`.

    Args:
        application_id (UUID):
        start_date (datetime.date | None | Unset):
        first_due_date (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulePreviewOut]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
start_date=start_date,
first_due_date=first_due_date,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    start_date: datetime.date | None | Unset = UNSET,
    first_due_date: datetime.date | None | Unset = UNSET,

) -> Problem | SchedulePreviewOut | None:
    """ Schedule of the approved (or requested) terms

     **Who may call:** `fund_officer` (fund officer (day-to-day lending and servicing)), `fund_committee`
    (fund committee (approvals, products, treasury)), `cooperative` (a cooperative, acting for its own
    organisation only), `partner` (a partner integration, limited to the scopes its client was granted),
    `service` (another kopmod service). A `partner` token needs scope `applications:read`.

    Args:
        application_id (UUID):
        start_date (datetime.date | None | Unset):
        first_due_date (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulePreviewOut
     """


    return (await asyncio_detailed(
        application_id=application_id,
client=client,
start_date=start_date,
first_due_date=first_due_date,

    )).parsed
