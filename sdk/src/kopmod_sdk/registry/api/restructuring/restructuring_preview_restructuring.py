from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.preview_in import PreviewIn
from ...models.preview_out import PreviewOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: PreviewIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/restructurings/preview",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PreviewOut | Problem | None:
    if response.status_code == 200:
        response_200 = PreviewOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PreviewOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PreviewIn,

) -> Response[PreviewOut | Problem]:
    """ Preview a merger, fusion or spin-off: what would follow (nothing is recorded)

     The same parties as the recording requests, with `kind`. Answers who would be merged, what moves to
    the successor (members; the predecessors' open loans, applications in review and contracts, as
    financing and the marketplace know them; a spin-off's named assets) and what stays on the
    cooperative's own record (people, API clients, webhook endpoints, products, RAT and health history
    ...), the members the successor would have, whether recording needs a `reason`, and the lineage with
    the proposed step as a graph to draw. Refused exactly as recording would be (unknown, listed twice,
    merged or dissolved). A service that does not answer in time leaves its lines' counts null and the
    answer `partial`. Ministry, admin, or a partner with `registry:restructure`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:restructure`.

    Args:
        body (PreviewIn): A restructuring not yet recorded: the same parties as the recording
            requests.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PreviewOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: PreviewIn,

) -> PreviewOut | Problem | None:
    """ Preview a merger, fusion or spin-off: what would follow (nothing is recorded)

     The same parties as the recording requests, with `kind`. Answers who would be merged, what moves to
    the successor (members; the predecessors' open loans, applications in review and contracts, as
    financing and the marketplace know them; a spin-off's named assets) and what stays on the
    cooperative's own record (people, API clients, webhook endpoints, products, RAT and health history
    ...), the members the successor would have, whether recording needs a `reason`, and the lineage with
    the proposed step as a graph to draw. Refused exactly as recording would be (unknown, listed twice,
    merged or dissolved). A service that does not answer in time leaves its lines' counts null and the
    answer `partial`. Ministry, admin, or a partner with `registry:restructure`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:restructure`.

    Args:
        body (PreviewIn): A restructuring not yet recorded: the same parties as the recording
            requests.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PreviewOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PreviewIn,

) -> Response[PreviewOut | Problem]:
    """ Preview a merger, fusion or spin-off: what would follow (nothing is recorded)

     The same parties as the recording requests, with `kind`. Answers who would be merged, what moves to
    the successor (members; the predecessors' open loans, applications in review and contracts, as
    financing and the marketplace know them; a spin-off's named assets) and what stays on the
    cooperative's own record (people, API clients, webhook endpoints, products, RAT and health history
    ...), the members the successor would have, whether recording needs a `reason`, and the lineage with
    the proposed step as a graph to draw. Refused exactly as recording would be (unknown, listed twice,
    merged or dissolved). A service that does not answer in time leaves its lines' counts null and the
    answer `partial`. Ministry, admin, or a partner with `registry:restructure`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:restructure`.

    Args:
        body (PreviewIn): A restructuring not yet recorded: the same parties as the recording
            requests.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PreviewOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PreviewIn,

) -> PreviewOut | Problem | None:
    """ Preview a merger, fusion or spin-off: what would follow (nothing is recorded)

     The same parties as the recording requests, with `kind`. Answers who would be merged, what moves to
    the successor (members; the predecessors' open loans, applications in review and contracts, as
    financing and the marketplace know them; a spin-off's named assets) and what stays on the
    cooperative's own record (people, API clients, webhook endpoints, products, RAT and health history
    ...), the members the successor would have, whether recording needs a `reason`, and the lineage with
    the proposed step as a graph to draw. Refused exactly as recording would be (unknown, listed twice,
    merged or dissolved). A service that does not answer in time leaves its lines' counts null and the
    answer `partial`. Ministry, admin, or a partner with `registry:restructure`.

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `partner` (a partner integration, limited to the scopes its client was granted).
    A `partner` token needs scope `registry:restructure`.

    Args:
        body (PreviewIn): A restructuring not yet recorded: the same parties as the recording
            requests.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PreviewOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
