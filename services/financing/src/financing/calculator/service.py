"""The schedule calculator: the pure schedule engine with terms the caller chooses.

No product and no tariff are read and nothing is stored; the conventions (day count, rounding,
the last installment) are the engine's, documented in ``financing.schedules.engine`` and in
docs/schedules.md.
"""

from __future__ import annotations

from financing.calculator.schemas import (
    EARLIEST_START,
    LATEST_START,
    CalculationIn,
    CalculationOut,
)
from financing.products.schemas import InstallmentOut
from financing.schedules.engine import (
    RATE_UNIT,
    ScheduleError,
    Tranche,
    add_months,
    build_schedule,
    total_interest,
)
from kopmod_shared.errors import BusinessRuleViolation, ValidationProblem
from kopmod_shared.money import ZERO, quantize

# The largest amount a Money field carries (18 integer digits).
MONEY_LIMIT = 10**18


def calculate(terms: CalculationIn) -> CalculationOut:
    _check_dates(terms)
    if terms.grace_periods >= terms.tenor_periods:
        raise ValidationProblem.for_field(
            "body.grace_periods",
            "grace_periods must be below tenor_periods",
            "grace_not_below_tenor",
        )
    try:
        installments = build_schedule(
            tranches=[Tranche(date=terms.start_date, amount=terms.principal)],
            annual_rate=terms.annual_rate,
            tenor_periods=terms.tenor_periods,
            frequency=terms.frequency,
            method=terms.method,
            grace_periods=terms.grace_periods,
            first_due_date=terms.first_due_date,
            rounding=terms.rounding,
        )
    except ScheduleError as exc:
        raise ValidationProblem(str(exc)) from exc
    interest = total_interest(installments)
    principal = sum((i.principal for i in installments), ZERO)
    if principal + interest >= MONEY_LIMIT:
        raise BusinessRuleViolation(
            "the schedule's total payable is above 18 digits; lower the principal, rate or tenor"
        )
    return CalculationOut(
        principal=terms.principal,
        annual_rate=terms.annual_rate,
        method=terms.method,
        tenor_periods=terms.tenor_periods,
        frequency=terms.frequency,
        grace_periods=terms.grace_periods,
        rounding=terms.rounding,
        start_date=terms.start_date,
        # Shown to 8 decimals; the engine computes with the exact quotient.
        periodic_rate=quantize(terms.annual_rate / terms.frequency.periods_per_year, RATE_UNIT),
        total_principal=principal,
        total_interest=interest,
        total_payable=principal + interest,
        installments=[
            InstallmentOut(
                number=i.number,
                due_date=i.due_date,
                principal=i.principal,
                interest=i.interest,
                total=i.total,
                balance_after=i.balance_after,
            )
            for i in installments
        ],
    )


def _check_dates(terms: CalculationIn) -> None:
    if not EARLIEST_START <= terms.start_date <= LATEST_START:
        raise ValidationProblem.for_field(
            "body.start_date",
            f"start_date must be between {EARLIEST_START} and {LATEST_START}",
            "date_out_of_range",
        )
    first = terms.first_due_date
    if first is not None and not (terms.start_date < first <= add_months(terms.start_date, 12)):
        raise ValidationProblem.for_field(
            "body.first_due_date",
            "first_due_date must be after start_date and within a year of it",
            "date_out_of_range",
        )
