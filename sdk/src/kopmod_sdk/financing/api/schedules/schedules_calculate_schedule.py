from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.calculation_in import CalculationIn
from ...models.calculation_out import CalculationOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: CalculationIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/schedule-calculations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CalculationOut | Problem | None:
    if response.status_code == 200:
        response_200 = CalculationOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CalculationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CalculationIn,

) -> Response[CalculationOut | Problem]:
    """ Calculate a repayment schedule for any terms (no product needed)

     Computes a repayment schedule for the terms sent; no product, tariff or application is needed and
    nothing is stored (so the answer is the same every time; `Idempotency-Key` is not needed).

    Conventions (docs/schedules.md):

    - **Periods.** `tenor_periods` counts every period, grace included; principal is repaid over
      `tenor_periods - grace_periods`. Grace periods are principal-free; their interest is due.
    - **Day count.** The periodic rate is `annual_rate / 12` (monthly), `/ 4` (quarterly) or `/ 2`
      (semi-annual), and every regular period bears a full period's interest whatever its number
      of days (30/360-style by period, not actual days). Only a first period to a chosen
      `first_due_date` is charged by its days: days from `start_date` to it over the days of the
      period ending on it.
    - **Due dates.** One period after `start_date` (or `first_due_date`), then whole periods, clamped
      to month ends (31 Jan, 28 Feb, 31 Mar).
    - **Rounding.** Interest is rounded to cents, half to even. `rounding` applies to the amount the
      method fixes: the installment for `declining_equal_installment` (EMI = P*r / (1 - (1+r)^-n)),
      the principal part for `flat` and `declining_equal_principal`.
    - **Last installment.** It takes whatever principal is left, so the principal column sums exactly
      to `principal`; its total differs from the others by the rounding carried through the schedule.

    Example: 5,000.00 at 12% a year over 18 months, equal installments rounded to whole units: EMI
    305; period 1 is interest 50.00 + principal 255.00; period 18 is 3.00 + 300.22 = 303.22; total
    interest 488.22.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        body (CalculationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalculationOut | Problem]
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
    body: CalculationIn,

) -> CalculationOut | Problem | None:
    """ Calculate a repayment schedule for any terms (no product needed)

     Computes a repayment schedule for the terms sent; no product, tariff or application is needed and
    nothing is stored (so the answer is the same every time; `Idempotency-Key` is not needed).

    Conventions (docs/schedules.md):

    - **Periods.** `tenor_periods` counts every period, grace included; principal is repaid over
      `tenor_periods - grace_periods`. Grace periods are principal-free; their interest is due.
    - **Day count.** The periodic rate is `annual_rate / 12` (monthly), `/ 4` (quarterly) or `/ 2`
      (semi-annual), and every regular period bears a full period's interest whatever its number
      of days (30/360-style by period, not actual days). Only a first period to a chosen
      `first_due_date` is charged by its days: days from `start_date` to it over the days of the
      period ending on it.
    - **Due dates.** One period after `start_date` (or `first_due_date`), then whole periods, clamped
      to month ends (31 Jan, 28 Feb, 31 Mar).
    - **Rounding.** Interest is rounded to cents, half to even. `rounding` applies to the amount the
      method fixes: the installment for `declining_equal_installment` (EMI = P*r / (1 - (1+r)^-n)),
      the principal part for `flat` and `declining_equal_principal`.
    - **Last installment.** It takes whatever principal is left, so the principal column sums exactly
      to `principal`; its total differs from the others by the rounding carried through the schedule.

    Example: 5,000.00 at 12% a year over 18 months, equal installments rounded to whole units: EMI
    305; period 1 is interest 50.00 + principal 255.00; period 18 is 3.00 + 300.22 = 303.22; total
    interest 488.22.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        body (CalculationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalculationOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CalculationIn,

) -> Response[CalculationOut | Problem]:
    """ Calculate a repayment schedule for any terms (no product needed)

     Computes a repayment schedule for the terms sent; no product, tariff or application is needed and
    nothing is stored (so the answer is the same every time; `Idempotency-Key` is not needed).

    Conventions (docs/schedules.md):

    - **Periods.** `tenor_periods` counts every period, grace included; principal is repaid over
      `tenor_periods - grace_periods`. Grace periods are principal-free; their interest is due.
    - **Day count.** The periodic rate is `annual_rate / 12` (monthly), `/ 4` (quarterly) or `/ 2`
      (semi-annual), and every regular period bears a full period's interest whatever its number
      of days (30/360-style by period, not actual days). Only a first period to a chosen
      `first_due_date` is charged by its days: days from `start_date` to it over the days of the
      period ending on it.
    - **Due dates.** One period after `start_date` (or `first_due_date`), then whole periods, clamped
      to month ends (31 Jan, 28 Feb, 31 Mar).
    - **Rounding.** Interest is rounded to cents, half to even. `rounding` applies to the amount the
      method fixes: the installment for `declining_equal_installment` (EMI = P*r / (1 - (1+r)^-n)),
      the principal part for `flat` and `declining_equal_principal`.
    - **Last installment.** It takes whatever principal is left, so the principal column sums exactly
      to `principal`; its total differs from the others by the rounding carried through the schedule.

    Example: 5,000.00 at 12% a year over 18 months, equal installments rounded to whole units: EMI
    305; period 1 is interest 50.00 + principal 255.00; period 18 is 3.00 + 300.22 = 303.22; total
    interest 488.22.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        body (CalculationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalculationOut | Problem]
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
    body: CalculationIn,

) -> CalculationOut | Problem | None:
    """ Calculate a repayment schedule for any terms (no product needed)

     Computes a repayment schedule for the terms sent; no product, tariff or application is needed and
    nothing is stored (so the answer is the same every time; `Idempotency-Key` is not needed).

    Conventions (docs/schedules.md):

    - **Periods.** `tenor_periods` counts every period, grace included; principal is repaid over
      `tenor_periods - grace_periods`. Grace periods are principal-free; their interest is due.
    - **Day count.** The periodic rate is `annual_rate / 12` (monthly), `/ 4` (quarterly) or `/ 2`
      (semi-annual), and every regular period bears a full period's interest whatever its number
      of days (30/360-style by period, not actual days). Only a first period to a chosen
      `first_due_date` is charged by its days: days from `start_date` to it over the days of the
      period ending on it.
    - **Due dates.** One period after `start_date` (or `first_due_date`), then whole periods, clamped
      to month ends (31 Jan, 28 Feb, 31 Mar).
    - **Rounding.** Interest is rounded to cents, half to even. `rounding` applies to the amount the
      method fixes: the installment for `declining_equal_installment` (EMI = P*r / (1 - (1+r)^-n)),
      the principal part for `flat` and `declining_equal_principal`.
    - **Last installment.** It takes whatever principal is left, so the principal column sums exactly
      to `principal`; its total differs from the others by the rounding carried through the schedule.

    Example: 5,000.00 at 12% a year over 18 months, equal installments rounded to whole units: EMI
    305; period 1 is interest 50.00 + principal 255.00; period 18 is 3.00 + 300.22 = 303.22; total
    interest 488.22.

    **Who may call:** any authenticated caller; what it may see or change is narrowed by its role and
    organisation.

    Args:
        body (CalculationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalculationOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
