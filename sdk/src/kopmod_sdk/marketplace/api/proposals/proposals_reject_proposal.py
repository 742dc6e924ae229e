from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.decision import Decision
from ...models.problem import Problem
from ...models.proposal_out import ProposalOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    proposal_id: UUID,
    *,
    body: Decision | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/proposals/{proposal_id}/reject".format(proposal_id=quote(str(proposal_id), safe=""),),
    }

    
    if isinstance(body, Decision):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProposalOut | None:
    if response.status_code == 200:
        response_200 = ProposalOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ProposalOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    proposal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decision | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | ProposalOut]:
    """ Reject the terms on the table (the party whose turn it is)

     **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        proposal_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (Decision | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalOut]
     """


    kwargs = _get_kwargs(
        proposal_id=proposal_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    proposal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decision | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | ProposalOut | None:
    """ Reject the terms on the table (the party whose turn it is)

     **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        proposal_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (Decision | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalOut
     """


    return sync_detailed(
        proposal_id=proposal_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    proposal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decision | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | ProposalOut]:
    """ Reject the terms on the table (the party whose turn it is)

     **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        proposal_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (Decision | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalOut]
     """


    kwargs = _get_kwargs(
        proposal_id=proposal_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    proposal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: Decision | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | ProposalOut | None:
    """ Reject the terms on the table (the party whose turn it is)

     **Who may call:** `admin` (platform operator), `cooperative` (a cooperative, acting for its own
    organisation only), `offtaker` (an offtaker, acting for its own organisation only), `partner` (a
    partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `marketplace:read`.

    Args:
        proposal_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (Decision | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalOut
     """


    return (await asyncio_detailed(
        proposal_id=proposal_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
