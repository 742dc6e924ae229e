from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_record_out_page import AuditRecordOutPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    target_id: None | Unset | UUID = UNSET,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_target_id: None | str | Unset
    if isinstance(target_id, Unset):
        json_target_id = UNSET
    elif isinstance(target_id, UUID):
        json_target_id = str(target_id)
    else:
        json_target_id = target_id
    params["target_id"] = json_target_id

    json_actor: None | str | Unset
    if isinstance(actor, Unset):
        json_actor = UNSET
    else:
        json_actor = actor
    params["actor"] = json_actor

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit-records",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditRecordOutPage | Problem | None:
    if response.status_code == 200:
        response_200 = AuditRecordOutPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditRecordOutPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    target_id: None | Unset | UUID = UNSET,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,

) -> Response[AuditRecordOutPage | Problem]:
    """ Read the audit trail (fund staff)

     One row per command: who (client, role, organisation), what (action, path, request without document
    contents), when, and the outcome (succeeded, or refused with its problem type). Newest first; filter
    by `target_id` (an application, fund, product), `actor` (a person's id, or a client's), `action`,
    and a time range (`since` inclusive, `until` exclusive).

    **Who may call:** `admin` (platform operator), `fund_officer` (fund officer (day-to-day lending and
    servicing)), `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        target_id (None | Unset | UUID): The object acted on (a cooperative, client, person...).
        actor (None | str | Unset): Who acted: a person's id, or a client's id.
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): At or after this time (a date is its midnight
            UTC).
        until (datetime.datetime | None | Unset): Before this time (exclusive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditRecordOutPage | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
target_id=target_id,
actor=actor,
action=action,
since=since,
until=until,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    target_id: None | Unset | UUID = UNSET,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,

) -> AuditRecordOutPage | Problem | None:
    """ Read the audit trail (fund staff)

     One row per command: who (client, role, organisation), what (action, path, request without document
    contents), when, and the outcome (succeeded, or refused with its problem type). Newest first; filter
    by `target_id` (an application, fund, product), `actor` (a person's id, or a client's), `action`,
    and a time range (`since` inclusive, `until` exclusive).

    **Who may call:** `admin` (platform operator), `fund_officer` (fund officer (day-to-day lending and
    servicing)), `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        target_id (None | Unset | UUID): The object acted on (a cooperative, client, person...).
        actor (None | str | Unset): Who acted: a person's id, or a client's id.
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): At or after this time (a date is its midnight
            UTC).
        until (datetime.datetime | None | Unset): Before this time (exclusive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditRecordOutPage | Problem
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
target_id=target_id,
actor=actor,
action=action,
since=since,
until=until,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    target_id: None | Unset | UUID = UNSET,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,

) -> Response[AuditRecordOutPage | Problem]:
    """ Read the audit trail (fund staff)

     One row per command: who (client, role, organisation), what (action, path, request without document
    contents), when, and the outcome (succeeded, or refused with its problem type). Newest first; filter
    by `target_id` (an application, fund, product), `actor` (a person's id, or a client's), `action`,
    and a time range (`since` inclusive, `until` exclusive).

    **Who may call:** `admin` (platform operator), `fund_officer` (fund officer (day-to-day lending and
    servicing)), `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        target_id (None | Unset | UUID): The object acted on (a cooperative, client, person...).
        actor (None | str | Unset): Who acted: a person's id, or a client's id.
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): At or after this time (a date is its midnight
            UTC).
        until (datetime.datetime | None | Unset): Before this time (exclusive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditRecordOutPage | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
target_id=target_id,
actor=actor,
action=action,
since=since,
until=until,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
    target_id: None | Unset | UUID = UNSET,
    actor: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,

) -> AuditRecordOutPage | Problem | None:
    """ Read the audit trail (fund staff)

     One row per command: who (client, role, organisation), what (action, path, request without document
    contents), when, and the outcome (succeeded, or refused with its problem type). Newest first; filter
    by `target_id` (an application, fund, product), `actor` (a person's id, or a client's), `action`,
    and a time range (`since` inclusive, `until` exclusive).

    **Who may call:** `admin` (platform operator), `fund_officer` (fund officer (day-to-day lending and
    servicing)), `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        target_id (None | Unset | UUID): The object acted on (a cooperative, client, person...).
        actor (None | str | Unset): Who acted: a person's id, or a client's id.
        action (None | str | Unset):
        since (datetime.datetime | None | Unset): At or after this time (a date is its midnight
            UTC).
        until (datetime.datetime | None | Unset): Before this time (exclusive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditRecordOutPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
target_id=target_id,
actor=actor,
action=action,
since=since,
until=until,

    )).parsed
