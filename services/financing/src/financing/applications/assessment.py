"""Credit assessment: figures that help the reviewer, each with its inputs and formula.

Pure functions over the eligibility snapshot (latest financials) and the schedule of the
requested terms at today's tariff. Thresholds are guides shown next to each figure; the officer's
recommendation is the decision, recorded with the figures it was made on.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from financing.schedules.engine import Frequency, Installment
from kopmod_shared.money import MONEY, MULTIPLE, RATIO

FOUR = Decimal("0.0001")

MAX_INSTALLMENT_TO_SURPLUS = Decimal("0.70")
MIN_REPAYMENT_CAPACITY = Decimal("1.25")
MAX_DEBT_TO_EQUITY = Decimal("3")


def _ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    if denominator == 0:
        return None
    return (numerator / denominator).quantize(FOUR, rounding=ROUND_HALF_EVEN)


def _s(value: Decimal | None) -> str | None:
    return MONEY.format_optional(value)


def credit_figures(
    *,
    amount: Decimal,
    frequency: Frequency,
    schedule: list[Installment],
    financials: dict[str, Any] | None,
    max_equity_multiple: Decimal | None,
) -> list[dict[str, Any]]:
    figures: list[dict[str, Any]] = []
    months = frequency.months
    largest = max((i.total for i in schedule), default=Decimal(0))
    largest_monthly = (largest / months).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    periods_in_year = max(1, 12 // months)
    first_year_service = sum((i.total for i in schedule[:periods_in_year]), Decimal(0))

    if not financials:
        for name in (
            "repayment_capacity",
            "installment_to_monthly_surplus",
            "debt_to_equity",
            "amount_to_equity",
        ):
            figures.append(
                {
                    "name": name,
                    "value": None,
                    "formula": "needs the latest financial statement",
                    "inputs": {},
                    "threshold": None,
                    "within_threshold": None,
                    "explanation": "the registry holds no financial statement for this cooperative",
                }
            )
        return figures

    surplus = Decimal(str(financials["net_surplus"]))
    equity = Decimal(str(financials["equity"]))
    liabilities = Decimal(str(financials["liabilities"]))
    year = financials.get("year")
    monthly_surplus = (surplus / 12).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)

    capacity = _ratio(surplus, first_year_service)
    figures.append(
        {
            "name": "repayment_capacity",
            "value": capacity,
            "formula": "net_surplus / debt_service_first_year",
            "inputs": {
                "net_surplus": _s(surplus),
                "financial_year": year,
                "debt_service_first_year": _s(first_year_service),
            },
            "threshold": f">= {MIN_REPAYMENT_CAPACITY}",
            "within_threshold": capacity is not None and capacity >= MIN_REPAYMENT_CAPACITY,
            "explanation": "how many times the latest year's surplus covers the installments "
            "due in the loan's first year",
        }
    )
    share = _ratio(largest_monthly, monthly_surplus) if monthly_surplus > 0 else None
    figures.append(
        {
            "name": "installment_to_monthly_surplus",
            "value": share,
            "formula": "(largest_installment / months_per_period) / (net_surplus / 12)",
            "inputs": {
                "largest_installment": _s(largest),
                "months_per_period": months,
                "net_surplus": _s(surplus),
                "monthly_surplus": _s(monthly_surplus),
            },
            "threshold": f"<= {MAX_INSTALLMENT_TO_SURPLUS}",
            "within_threshold": share is not None and share <= MAX_INSTALLMENT_TO_SURPLUS,
            "explanation": "the share of an average month's surplus the largest installment "
            "takes (a loss-making year gives no value)",
        }
    )
    dte = _ratio(liabilities, equity) if equity > 0 else None
    figures.append(
        {
            "name": "debt_to_equity",
            "value": dte,
            "formula": "liabilities / equity",
            "inputs": {"liabilities": _s(liabilities), "equity": _s(equity)},
            "threshold": f"<= {MAX_DEBT_TO_EQUITY}",
            "within_threshold": dte is not None and dte <= MAX_DEBT_TO_EQUITY,
            "explanation": "leverage before this loan",
        }
    )
    multiple = _ratio(amount, equity) if equity > 0 else None
    figures.append(
        {
            "name": "amount_to_equity",
            "value": multiple,
            "formula": "amount / equity",
            "inputs": {
                "amount": _s(amount),
                "equity": _s(equity),
                "max_equity_multiple": MULTIPLE.format_optional(max_equity_multiple),
            },
            "threshold": f"<= {max_equity_multiple}" if max_equity_multiple else None,
            "within_threshold": (
                None
                if max_equity_multiple is None
                else multiple is not None and multiple <= max_equity_multiple
            ),
            "explanation": "the amount as a multiple of equity, against the product's ceiling",
        }
    )
    return figures


def jsonable(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**f, "value": RATIO.format_optional(f["value"])} for f in figures]
