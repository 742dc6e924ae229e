from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.product_out import ProductOut
from ...models.product_state_change import ProductStateChange
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    product_id: UUID,
    *,
    body: ProductStateChange,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/products/{product_id}/deactivate".format(product_id=quote(str(product_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProductOut | None:
    if response.status_code == 200:
        response_200 = ProductOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ProductOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProductStateChange,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | ProductOut]:
    """ Retire a product: it takes no new applications (fund committee)

     The product stays readable with `active: false`. New drafts on it, changes to drafts and submissions
    of drafts made on it are refused with 409 `product-retired` (naming `product_id`, `product_code` and
    `product_state`). Applications already submitted, their review, approval and signing, and loans on
    the product carry on unchanged. Retiring a retired product changes nothing and answers the product.
    The optional `reason` is kept in the audit trail.

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        product_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (ProductStateChange): Body of `/deactivate` and `/activate`: why (kept in the audit
            trail).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductOut]
     """


    kwargs = _get_kwargs(
        product_id=product_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProductStateChange,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | ProductOut | None:
    """ Retire a product: it takes no new applications (fund committee)

     The product stays readable with `active: false`. New drafts on it, changes to drafts and submissions
    of drafts made on it are refused with 409 `product-retired` (naming `product_id`, `product_code` and
    `product_state`). Applications already submitted, their review, approval and signing, and loans on
    the product carry on unchanged. Retiring a retired product changes nothing and answers the product.
    The optional `reason` is kept in the audit trail.

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        product_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (ProductStateChange): Body of `/deactivate` and `/activate`: why (kept in the audit
            trail).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductOut
     """


    return sync_detailed(
        product_id=product_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProductStateChange,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | ProductOut]:
    """ Retire a product: it takes no new applications (fund committee)

     The product stays readable with `active: false`. New drafts on it, changes to drafts and submissions
    of drafts made on it are refused with 409 `product-retired` (naming `product_id`, `product_code` and
    `product_state`). Applications already submitted, their review, approval and signing, and loans on
    the product carry on unchanged. Retiring a retired product changes nothing and answers the product.
    The optional `reason` is kept in the audit trail.

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        product_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (ProductStateChange): Body of `/deactivate` and `/activate`: why (kept in the audit
            trail).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductOut]
     """


    kwargs = _get_kwargs(
        product_id=product_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    product_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProductStateChange,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | ProductOut | None:
    """ Retire a product: it takes no new applications (fund committee)

     The product stays readable with `active: false`. New drafts on it, changes to drafts and submissions
    of drafts made on it are refused with 409 `product-retired` (naming `product_id`, `product_code` and
    `product_state`). Applications already submitted, their review, approval and signing, and loans on
    the product carry on unchanged. Retiring a retired product changes nothing and answers the product.
    The optional `reason` is kept in the audit trail.

    **Who may call:** `fund_committee` (fund committee (approvals, products, treasury)).

    Args:
        product_id (UUID):
        idempotency_key (None | str | Unset): Makes this POST safe to retry: the same key with the
            same request replays the first response (for 24 hours); with a different request it is
            refused with 422.
        body (ProductStateChange): Body of `/deactivate` and `/activate`: why (kept in the audit
            trail).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductOut
     """


    return (await asyncio_detailed(
        product_id=product_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
