"""Builders shared by the servicing unit tests (plain values, no database)."""

from __future__ import annotations

import calendar
import itertools
import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from financing.replay.engine import LoanTransaction, ScheduledInstallment, TxKind
from kopmod_shared.money import quantize

D = Decimal
START = date(2026, 1, 1)
_seq = itertools.count(1)


def schedule(*rows: tuple[date, str, str]) -> list[ScheduledInstallment]:
    """Installments from (due date, principal, interest) rows."""
    balance = sum((D(p) for _, p, _ in rows), D(0))
    out = []
    for number, (due, principal, interest) in enumerate(rows, start=1):
        balance -= D(principal)
        out.append(
            ScheduledInstallment(
                number=number,
                due_date=due,
                principal=D(principal),
                interest=D(interest),
                total=D(principal) + D(interest),
                balance_after=balance,
            )
        )
    return out


def three_months() -> list[ScheduledInstallment]:
    """3000 lent on 1 Jan 2026, 1000 principal a month, interest 30/20/10."""
    return schedule(
        (date(2026, 2, 1), "1000.00", "30.00"),
        (date(2026, 3, 1), "1000.00", "20.00"),
        (date(2026, 4, 1), "1000.00", "10.00"),
    )


def tx(
    kind: TxKind,
    on: date,
    amount: str,
    *,
    seq: int | None = None,
    reversed: bool = False,
    installment: int | None = None,
    id: uuid.UUID | None = None,
) -> LoanTransaction:
    return LoanTransaction(
        id=id or uuid.uuid4(),
        kind=kind,
        value_date=on,
        amount=D(amount),
        sequence=seq if seq is not None else next(_seq),
        reversed=reversed,
        installment_number=installment,
    )


def disburse(on: date = START, amount: str = "3000.00", **kw: object) -> LoanTransaction:
    return tx(TxKind.disbursement, on, amount, **kw)  # type: ignore[arg-type]


def repay(on: date, amount: str, **kw: object) -> LoanTransaction:
    return tx(TxKind.repayment, on, amount, **kw)  # type: ignore[arg-type]


def _add_months(start: date, months: int) -> date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def equal_principal(
    tenor: int, grace: int = 0, monthly_rate: Decimal = D("0.01")
) -> Callable[[Decimal, date], list[ScheduledInstallment]]:
    """A schedule builder for quotes: equal principal after grace, interest on the balance."""

    def build(amount: Decimal, start: date) -> list[ScheduledInstallment]:
        part = quantize(amount / (tenor - grace))
        balance = amount
        out = []
        for number in range(1, tenor + 1):
            interest = quantize(balance * monthly_rate)
            principal = D(0) if number <= grace else (balance if number == tenor else part)
            balance -= principal
            out.append(
                ScheduledInstallment(
                    number,
                    _add_months(start, number),
                    principal,
                    interest,
                    principal + interest,
                    balance,
                )
            )
        return out

    return build
