"""Closed loop: the cooperative's debt service follows its sales.

On ``marketplace.delivery.recorded`` with an accepted value, the oldest active loan whose
application references the delivery's contract, on a product with ``closed_loop_share``, gets
that share of the accepted value as a repayment through the ordinary servicing path
(:func:`financing.repayments.service.receive`), with the delivery id as the external reference:
a redelivered or replayed event finds the reference recorded (on the loan, or on the loan it
continues after a reschedule) and applies nothing. The amount is capped at the loan's payoff on
the business date (the loop never creates an overpayment). A delivery under a contract no
closed-loop loan references, or while the linked loan is not active (not yet disbursed, closed),
is acknowledged and applies nothing; the cooperative pays as usual.
"""

from __future__ import annotations

import logging
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.audit.models import AuditRecord
from financing.loans.repository import LoanRepository
from financing.loans.service import load_book
from financing.repayments import service
from financing.repayments.repository import RepaymentRepository
from financing.replay.engine import TxKind
from kopmod_shared.errors import ProblemError
from kopmod_shared.money import MONEY, SHARE, quantize
from kopmod_shared.schemas.marketplace import DeliveryRecorded

log = logging.getLogger(__name__)

ACTOR = "system:closed-loop"


def _audit(envelope: dict[str, Any], loan_id: UUID, outcome: str, **details: Any) -> AuditRecord:
    return AuditRecord(
        actor=ACTOR,
        actor_role="service",
        actor_org_id=None,
        action="loan.closed_loop_repayment",
        method="EVENT",
        path=f"/v1/events/marketplace/{envelope['type']}",
        target_id=loan_id,
        request={"event_id": str(envelope["id"]), **details},
        outcome=outcome,
        status_code=201 if outcome == "succeeded" else 409,
        detail=details.get("detail"),
        request_id=envelope.get("correlation_id"),
    )


async def handle_delivery_recorded(session: AsyncSession, envelope: dict[str, Any]) -> None:
    data = DeliveryRecorded.model_validate(envelope["data"])
    if data.accepted_value is None or data.accepted_value <= 0:
        return
    repo = LoanRepository(session)
    reference = str(data.delivery_id)
    for loan_id, share in await RepaymentRepository(session).closed_loop_loans(data.contract_id):
        if await repo.by_reference(loan_id, reference) is not None:
            return  # this delivery was applied already
        loan = await repo.loan(loan_id)
        if loan is not None and await repo.by_reference_on_predecessors(loan, reference):
            return  # applied already, to the loan this one continues after a reschedule
        details: dict[str, Any] = {
            "contract_id": str(data.contract_id),
            "delivery_id": reference,
            "accepted_value": MONEY.format(data.accepted_value),
            "closed_loop_share": SHARE.format(share),
        }
        try:
            async with session.begin_nested():
                book = await load_book(repo, loan_id, for_update=True)
                payoff = (await service.quote(repo, book, None)).total
                amount = min(quantize(data.accepted_value * share), payoff)
                if amount <= 0:
                    continue
                details["amount"] = MONEY.format(amount)
                details["payoff_cap"] = MONEY.format(payoff)
                await service.receive(
                    session,
                    repo,
                    loan_id,
                    kind=TxKind.repayment,
                    amount=amount,
                    reference=reference,
                    value_date=None,
                    actor=ACTOR,
                )
        except ProblemError as exc:
            # Refused by servicing (e.g. a rule of the loan's state): the delivery is
            # acknowledged, the refusal recorded, and the cooperative pays as usual.
            log.warning(
                "closed-loop repayment refused",
                extra={"loan_id": str(loan_id), "delivery_id": reference, "detail": exc.detail},
            )
            session.add(_audit(envelope, loan_id, "refused", **details, detail=exc.detail))
            await session.flush()
            return
        session.add(_audit(envelope, loan_id, "succeeded", **details))
        await session.flush()
        return
