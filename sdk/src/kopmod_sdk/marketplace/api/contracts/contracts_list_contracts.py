from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.contract_out_page import ContractOutPage
from ...models.contract_status import ContractStatus
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    status: list[ContractStatus] | None | Unset = UNSET,
    counterparty_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

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

    json_counterparty_id: None | str | Unset
    if isinstance(counterparty_id, Unset):
        json_counterparty_id = UNSET
    elif isinstance(counterparty_id, UUID):
        json_counterparty_id = str(counterparty_id)
    else:
        json_counterparty_id = counterparty_id
    params["counterparty_id"] = json_counterparty_id

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
        "url": "/v1/contracts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ContractOutPage | Problem | None:
    if response.status_code == 200:
        response_200 = ContractOutPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ContractOutPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: list[ContractStatus] | None | Unset = UNSET,
    counterparty_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[ContractOutPage | Problem]:
    """ List contracts (parties see their own; readers all)

     Newest last (by id). Filter by `status` (repeatable) and by `counterparty_id`. Each contract carries
    its milestones with what was delivered and accepted against each.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        status (list[ContractStatus] | None | Unset): Only contracts in these states.
        counterparty_id (None | Unset | UUID): Only contracts with this other party: an offtaker's
            id for a cooperative, a cooperative's id for an offtaker (readers: either).
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractOutPage | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
counterparty_id=counterparty_id,
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
    status: list[ContractStatus] | None | Unset = UNSET,
    counterparty_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> ContractOutPage | Problem | None:
    """ List contracts (parties see their own; readers all)

     Newest last (by id). Filter by `status` (repeatable) and by `counterparty_id`. Each contract carries
    its milestones with what was delivered and accepted against each.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        status (list[ContractStatus] | None | Unset): Only contracts in these states.
        counterparty_id (None | Unset | UUID): Only contracts with this other party: an offtaker's
            id for a cooperative, a cooperative's id for an offtaker (readers: either).
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractOutPage | Problem
     """


    return sync_detailed(
        client=client,
status=status,
counterparty_id=counterparty_id,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: list[ContractStatus] | None | Unset = UNSET,
    counterparty_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[ContractOutPage | Problem]:
    """ List contracts (parties see their own; readers all)

     Newest last (by id). Filter by `status` (repeatable) and by `counterparty_id`. Each contract carries
    its milestones with what was delivered and accepted against each.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        status (list[ContractStatus] | None | Unset): Only contracts in these states.
        counterparty_id (None | Unset | UUID): Only contracts with this other party: an offtaker's
            id for a cooperative, a cooperative's id for an offtaker (readers: either).
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractOutPage | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
counterparty_id=counterparty_id,
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
    status: list[ContractStatus] | None | Unset = UNSET,
    counterparty_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> ContractOutPage | Problem | None:
    """ List contracts (parties see their own; readers all)

     Newest last (by id). Filter by `status` (repeatable) and by `counterparty_id`. Each contract carries
    its milestones with what was delivered and accepted against each.

    **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        status (list[ContractStatus] | None | Unset): Only contracts in these states.
        counterparty_id (None | Unset | UUID): Only contracts with this other party: an offtaker's
            id for a cooperative, a cooperative's id for an offtaker (readers: either).
        limit (int | Unset): Page size, at most 100. Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractOutPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
status=status,
counterparty_id=counterparty_id,
limit=limit,
cursor=cursor,

    )).parsed
