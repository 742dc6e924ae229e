from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.scorecard_out import ScorecardOut
from typing import cast
from uuid import UUID



def _get_kwargs(
    cooperative_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cooperatives/{cooperative_id}/modernisation".format(cooperative_id=quote(str(cooperative_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ScorecardOut | None:
    if response.status_code == 200:
        response_200 = ScorecardOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ScorecardOut]:
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

) -> Response[Problem | ScorecardOut]:
    """ Modernisation scorecard: the four aspects, governance and technology adoption

     Access to capital (financing: applications, loans, repayment record), product diversification
    (registry products), market orientation (marketplace: domestic and export contracts), offtakers
    (marketplace: active contracts, offtakers, fulfilment) governance (RAT compliance, health) and
    technology adoption (people signed in lately, applications, offers and deliveries recorded on the
    platform, an API client in use or a webhook endpoint), each scored 0-100 with its evidence and the
    rules that earned the points; the overall readiness, its band and the programme phase. When
    financing or marketplace does not answer in time the scorecard is still answered, `partial`, with
    those aspects `available: false` and the reason. Readable by the ministry, admin, services, partners
    with `registry:read`, and the cooperative itself (another cooperative's id is a 404).

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `cooperative` (a cooperative, acting for its own organisation only), `partner`
    (a partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `registry:read`.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScorecardOut]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | ScorecardOut | None:
    """ Modernisation scorecard: the four aspects, governance and technology adoption

     Access to capital (financing: applications, loans, repayment record), product diversification
    (registry products), market orientation (marketplace: domestic and export contracts), offtakers
    (marketplace: active contracts, offtakers, fulfilment) governance (RAT compliance, health) and
    technology adoption (people signed in lately, applications, offers and deliveries recorded on the
    platform, an API client in use or a webhook endpoint), each scored 0-100 with its evidence and the
    rules that earned the points; the overall readiness, its band and the programme phase. When
    financing or marketplace does not answer in time the scorecard is still answered, `partial`, with
    those aspects `available: false` and the reason. Readable by the ministry, admin, services, partners
    with `registry:read`, and the cooperative itself (another cooperative's id is a 404).

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `cooperative` (a cooperative, acting for its own organisation only), `partner`
    (a partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `registry:read`.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScorecardOut
     """


    return sync_detailed(
        cooperative_id=cooperative_id,
client=client,

    ).parsed

async def asyncio_detailed(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | ScorecardOut]:
    """ Modernisation scorecard: the four aspects, governance and technology adoption

     Access to capital (financing: applications, loans, repayment record), product diversification
    (registry products), market orientation (marketplace: domestic and export contracts), offtakers
    (marketplace: active contracts, offtakers, fulfilment) governance (RAT compliance, health) and
    technology adoption (people signed in lately, applications, offers and deliveries recorded on the
    platform, an API client in use or a webhook endpoint), each scored 0-100 with its evidence and the
    rules that earned the points; the overall readiness, its band and the programme phase. When
    financing or marketplace does not answer in time the scorecard is still answered, `partial`, with
    those aspects `available: false` and the reason. Readable by the ministry, admin, services, partners
    with `registry:read`, and the cooperative itself (another cooperative's id is a 404).

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `cooperative` (a cooperative, acting for its own organisation only), `partner`
    (a partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `registry:read`.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScorecardOut]
     """


    kwargs = _get_kwargs(
        cooperative_id=cooperative_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    cooperative_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Problem | ScorecardOut | None:
    """ Modernisation scorecard: the four aspects, governance and technology adoption

     Access to capital (financing: applications, loans, repayment record), product diversification
    (registry products), market orientation (marketplace: domestic and export contracts), offtakers
    (marketplace: active contracts, offtakers, fulfilment) governance (RAT compliance, health) and
    technology adoption (people signed in lately, applications, offers and deliveries recorded on the
    platform, an API client in use or a webhook endpoint), each scored 0-100 with its evidence and the
    rules that earned the points; the overall readiness, its band and the programme phase. When
    financing or marketplace does not answer in time the scorecard is still answered, `partial`, with
    those aspects `available: false` and the reason. Readable by the ministry, admin, services, partners
    with `registry:read`, and the cooperative itself (another cooperative's id is a 404).

    **Who may call:** `admin` (platform operator), `ministry` (registry officer of the ministry or a
    provincial office), `cooperative` (a cooperative, acting for its own organisation only), `partner`
    (a partner integration, limited to the scopes its client was granted), `service` (another kopmod
    service). A `partner` token needs scope `registry:read`.

    Args:
        cooperative_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScorecardOut
     """


    return (await asyncio_detailed(
        cooperative_id=cooperative_id,
client=client,

    )).parsed
