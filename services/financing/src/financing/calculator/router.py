"""``POST /v1/schedule-calculations``: a schedule for any terms, no product needed."""

from __future__ import annotations

from financing.calculator import service
from financing.calculator.schemas import CalculationIn, CalculationOut
from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import PrincipalDep
from kopmod_shared.errors import AUTH_ERRORS, BusinessRuleViolation, ValidationProblem, responses

router = KopmodRouter(tags=["schedules"])

DESCRIPTION = """\
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
"""


@router.post(
    "/v1/schedule-calculations",
    response_model=CalculationOut,
    summary="Calculate a repayment schedule for any terms (no product needed)",
    description=DESCRIPTION,
    responses=responses(*AUTH_ERRORS, ValidationProblem, BusinessRuleViolation),
    openapi_extra={"x-no-idempotency": True},
)
async def calculate_schedule(terms: CalculationIn, principal: PrincipalDep) -> CalculationOut:
    return service.calculate(terms)
