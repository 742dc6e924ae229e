"""Every query of the applications module."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from types import SimpleNamespace
from typing import Any
from uuid import UUID

from sqlalchemy import Column, Select, bindparam, exists, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, with_expression

from financing.applications.models import (
    Application,
    ApplicationEvent,
    CreditAssessment,
    Document,
    EligibilityCheck,
)
from financing.loans.models import Loan
from financing.products.models import Product
from kopmod_shared.pagination import PageParams, Slice, fetch_page

_successor = aliased(Loan)

# The loan servicing an application now: of the application's loans (signing creates one, each
# approved reschedule closes one and opens its successor for the same application, a successor
# at most per loan), the one without a successor - the end of the chain from ``loan_id``. One
# correlated subquery (``loans.application_id`` and the unique ``rescheduled_from_id`` are
# indexed), so a page of applications is still one statement.
CURRENT_LOAN_ID = (
    select(Loan.id)
    .where(
        Loan.application_id == Application.id,
        ~exists().where(_successor.rescheduled_from_id == Loan.id),
    )
    .order_by(Loan.created_at.desc(), Loan.id.desc())
    .limit(1)
    .correlate(Application)
    .scalar_subquery()
)


def with_current_loan(stmt: Select[tuple[Application]]) -> Select[tuple[Application]]:
    """Load applications with ``current_loan_id`` (refreshing ones the session already holds)."""
    return stmt.options(
        with_expression(Application.current_loan_id, CURRENT_LOAN_ID)
    ).execution_options(populate_existing=True)


# Built once: every command on an application starts with this load, and building the statement
# with its correlated subquery (and its cache key, memoised per statement object) cost more
# Python time than running it.
_GET = with_current_loan(select(Application).where(Application.id == bindparam("application_id")))
_GET_FOR_UPDATE = _GET.with_for_update(of=Application)


def _columns(model: Any, prefix: str = "") -> list[Any]:
    return [
        prop.columns[0].label(f"{prefix}{prop.key}")
        for prop in model.__mapper__.column_attrs
        if isinstance(prop.columns[0], Column)
    ]


_APP_KEYS = [c.key for c in _columns(Application)]
_PRODUCT_KEYS = [c.key for c in _columns(Product)]
# A command's load of the application (row lock) with its product (FOR SHARE: not retired
# meanwhile, yet never blocking another application on the same product) in one statement, as
# plain values: no unit of work, nothing flushed behind the command's back.
_WITH_PRODUCT = (
    select(*_columns(Application), *_columns(Product, "product_"))
    .join_from(Application, Product, Product.id == Application.product_id)
    .where(Application.id == bindparam("application_id"))
    .suffix_with("FOR UPDATE OF applications FOR SHARE OF products")
)


class ApplicationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def get(self, application_id: UUID, *, for_update: bool = False) -> Application | None:
        stmt = _GET_FOR_UPDATE if for_update else _GET
        return await self.session.scalar(stmt, {"application_id": application_id})

    async def get_with_product(
        self, application_id: UUID
    ) -> tuple[SimpleNamespace, SimpleNamespace] | None:
        """The application (locked) and its product (``FOR SHARE``) as plain values, in one
        statement; for commands that write with Core statements (``kopmod_shared.deferred``).
        A draft has no loan: ``current_loan_id`` is not loaded (None)."""
        row = (
            await self.session.execute(_WITH_PRODUCT, {"application_id": application_id})
        ).first()
        if row is None:
            return None
        values = tuple(row)
        n = len(_APP_KEYS)
        application = SimpleNamespace(**dict(zip(_APP_KEYS, values[:n], strict=True)))
        application.current_loan_id = None
        product = SimpleNamespace(
            **dict(zip(_PRODUCT_KEYS, values[n:], strict=True)),
        )
        return application, product

    async def page(
        self,
        *,
        limit: int,
        after: tuple[datetime, UUID] | None,
        cooperative_id: UUID | None,
        status: str | None,
        fund_id: UUID | None,
    ) -> Sequence[Application]:
        stmt = with_current_loan(select(Application)).order_by(
            Application.created_at, Application.id
        )
        if after is not None:
            stmt = stmt.where(tuple_(Application.created_at, Application.id) > tuple_(*after))
        if cooperative_id is not None:
            stmt = stmt.where(Application.cooperative_id == cooperative_id)
        if status is not None:
            stmt = stmt.where(Application.status == status)
        if fund_id is not None:
            stmt = stmt.where(Application.fund_id == fund_id)
        return (await self.session.scalars(stmt.limit(limit + 1))).all()

    async def events(self, application_id: UUID) -> Sequence[ApplicationEvent]:
        return (
            await self.session.scalars(
                select(ApplicationEvent)
                .where(ApplicationEvent.application_id == application_id)
                .order_by(ApplicationEvent.at, ApplicationEvent.id)
            )
        ).all()

    async def events_page(self, application_id: UUID, page: PageParams) -> Slice[ApplicationEvent]:
        """Oldest first, one page."""
        stmt = select(ApplicationEvent).where(ApplicationEvent.application_id == application_id)
        return await fetch_page(self.session, stmt, page, ApplicationEvent.at, ApplicationEvent.id)

    async def reviewers(self, application_id: UUID) -> set[str]:
        rows = await self.session.scalars(
            select(ApplicationEvent.actor).where(
                ApplicationEvent.application_id == application_id,
                ApplicationEvent.reviewer_step.is_(True),
            )
        )
        return set(rows.all())

    async def last_reviewer(self, application_id: UUID) -> str | None:
        """Who took the application's latest review step (its holder in the work queues)."""
        return await self.session.scalar(
            select(ApplicationEvent.actor)
            .where(
                ApplicationEvent.application_id == application_id,
                ApplicationEvent.reviewer_step.is_(True),
            )
            .order_by(ApplicationEvent.at.desc(), ApplicationEvent.id.desc())
            .limit(1)
        )

    async def eligibility_checks(
        self, application_id: UUID, page: PageParams
    ) -> Slice[EligibilityCheck]:
        """Oldest first, one page."""
        stmt = select(EligibilityCheck).where(EligibilityCheck.application_id == application_id)
        key = (EligibilityCheck.checked_at, EligibilityCheck.id)
        return await fetch_page(self.session, stmt, page, *key)

    async def latest_eligibility(self, application_id: UUID) -> EligibilityCheck | None:
        return await self.session.scalar(
            select(EligibilityCheck)
            .where(EligibilityCheck.application_id == application_id)
            .order_by(EligibilityCheck.checked_at.desc())
            .limit(1)
        )

    async def assessments(self, application_id: UUID) -> Sequence[CreditAssessment]:
        return (
            await self.session.scalars(
                select(CreditAssessment)
                .where(CreditAssessment.application_id == application_id)
                .order_by(CreditAssessment.assessed_at)
            )
        ).all()

    async def assessments_page(
        self, application_id: UUID, page: PageParams
    ) -> Slice[CreditAssessment]:
        """Oldest first, one page."""
        stmt = select(CreditAssessment).where(CreditAssessment.application_id == application_id)
        key = (CreditAssessment.assessed_at, CreditAssessment.id)
        return await fetch_page(self.session, stmt, page, *key)

    async def documents_page(self, application_id: UUID, page: PageParams) -> Slice[Document]:
        """Oldest first, one page."""
        stmt = select(Document).where(Document.application_id == application_id)
        return await fetch_page(self.session, stmt, page, Document.uploaded_at, Document.id)

    async def documents(self, application_id: UUID) -> Sequence[Document]:
        return (
            await self.session.scalars(
                select(Document)
                .where(Document.application_id == application_id)
                .order_by(Document.uploaded_at, Document.id)
            )
        ).all()

    async def document(self, application_id: UUID, document_id: UUID) -> Document | None:
        return await self.session.scalar(
            select(Document).where(
                Document.id == document_id, Document.application_id == application_id
            )
        )

    async def claim_due_eligibility(
        self, *, now: datetime, lease_until: datetime, limit: int
    ) -> list[tuple[UUID, int, UUID, list[UUID]]]:
        """Applications waiting for an eligibility check that is due, claimed for a lease in one
        statement (``SKIP LOCKED``: several workers never call the registry for the same one),
        oldest due first: ``(id, eligibility_attempts, cooperative_id, offtake_contract_ids)``."""
        rows = await self.session.execute(
            _CLAIM, {"now": now, "lease_until": lease_until, "limit": limit}
        )
        return [(r[0], r[1], r[2], list(r[3] or [])) for r in rows]


_table = Application.__table__
_DUE = (
    select(_table.c.id)
    .where(
        _table.c.status == "eligibility_check",
        _table.c.eligibility_next_at <= bindparam("now"),
    )
    .order_by(_table.c.eligibility_next_at)
    .limit(bindparam("limit"))
    .with_for_update(skip_locked=True)
)
_CLAIM = (
    update(_table)
    .where(_table.c.id.in_(_DUE))
    .values(eligibility_next_at=bindparam("lease_until"))
    .returning(
        _table.c.id,
        _table.c.eligibility_attempts,
        _table.c.cooperative_id,
        _table.c.offtake_contract_ids,
    )
)
