from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fusion_in import FusionIn
from ...models.problem import Problem
from ...models.restructuring_out import RestructuringOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: FusionIn,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/restructurings/fusions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RestructuringOut | None:
    if response.status_code == 201:
        response_201 = RestructuringOut.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RestructuringOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FusionIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | RestructuringOut]:
    """ Record a fusion (peleburan) into a new cooperative

     Ministry, admin, or a partner with scope `registry:restructure`. Publishes
    `registry.cooperative.restructured` (outbox, same transaction). Two or more predecessors get status
    `merged`; the successor is registered by this request (its fields are validated as in `POST
    /v1/cooperatives`, under `successor`).

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:restructure`.

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (FusionIn): Peleburan: two or more cooperatives dissolve into a new one, registered
            here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RestructuringOut]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: FusionIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | RestructuringOut | None:
    """ Record a fusion (peleburan) into a new cooperative

     Ministry, admin, or a partner with scope `registry:restructure`. Publishes
    `registry.cooperative.restructured` (outbox, same transaction). Two or more predecessors get status
    `merged`; the successor is registered by this request (its fields are validated as in `POST
    /v1/cooperatives`, under `successor`).

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:restructure`.

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (FusionIn): Peleburan: two or more cooperatives dissolve into a new one, registered
            here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RestructuringOut
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FusionIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | RestructuringOut]:
    """ Record a fusion (peleburan) into a new cooperative

     Ministry, admin, or a partner with scope `registry:restructure`. Publishes
    `registry.cooperative.restructured` (outbox, same transaction). Two or more predecessors get status
    `merged`; the successor is registered by this request (its fields are validated as in `POST
    /v1/cooperatives`, under `successor`).

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:restructure`.

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (FusionIn): Peleburan: two or more cooperatives dissolve into a new one, registered
            here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RestructuringOut]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: FusionIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | RestructuringOut | None:
    """ Record a fusion (peleburan) into a new cooperative

     Ministry, admin, or a partner with scope `registry:restructure`. Publishes
    `registry.cooperative.restructured` (outbox, same transaction). Two or more predecessors get status
    `merged`; the successor is registered by this request (its fields are validated as in `POST
    /v1/cooperatives`, under `successor`).

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:restructure`.

    Args:
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (FusionIn): Peleburan: two or more cooperatives dissolve into a new one, registered
            here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RestructuringOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
