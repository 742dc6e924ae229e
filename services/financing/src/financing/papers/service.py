"""The akad and its signatures: the terms an approval offers, signing them (either party: the
cooperative on the platform, or fund staff recording a signed paper; the first signature opens
the loan), the other party's countersignature on the same hash, checking a paper copy by its
hash, and the PDFs (akad, loan statement)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications import review
from financing.applications.models import Application
from financing.applications.schemas import Signing
from financing.applications.service import STAFF, load, may_read
from financing.applications.states import Action, ApplicationStatus, next_status
from financing.arrears.service import business_date
from financing.loans import service as loans
from financing.loans.models import Loan
from financing.loans.repository import LoanRepository
from financing.papers.models import AgreementSignature
from financing.papers.pdf import StatementFacts, StatementLine, agreement_pdf, statement_pdf
from financing.papers.repository import SignatureRepository
from financing.papers.schemas import AgreementTerms, Party, SignatureOut
from financing.papers.terms import canonical, current_terms, terms_hash
from financing.replay.engine import ZERO, TxKind
from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import Conflict, Forbidden, NotFound

S = ApplicationStatus


class TermsChanged(Conflict):
    slug, title = "terms-changed", "The terms signed are not the terms on record"


@dataclass(frozen=True)
class Agreement:
    application_id: UUID
    status: str
    terms: AgreementTerms
    terms_hash: str
    signatures: list[AgreementSignature]


def party_of(principal: Principal) -> Party:
    if principal.role is Role.cooperative:
        return Party.cooperative
    if principal.role in STAFF:
        return Party.fund
    raise Forbidden("the akad is signed by the cooperative or by fund staff")


async def _agreement(session: AsyncSession, application: Application) -> Agreement:
    signatures = await SignatureRepository(session).of_application(application.id)
    if signatures:
        first = signatures[0]
        terms = AgreementTerms.model_validate(first.terms)
        return Agreement(application.id, "signed", terms, first.terms_hash, signatures)
    if application.status not in (S.approved, S.signed) or application.approved_on is None:
        raise Conflict(
            f"an akad exists once the committee approved; this application is {application.status}",
            current_state=application.status,
        )
    terms = await current_terms(session, application)
    status = "signed" if application.status == S.signed else "offer"
    return Agreement(application.id, status, terms, terms_hash(canonical(terms)), [])


async def agreement(session: AsyncSession, principal: Principal, application_id: UUID) -> Agreement:
    return await _agreement(session, await load(session, principal, application_id))


async def sign(
    session: AsyncSession, principal: Principal, application_id: UUID, data: Signing
) -> Loan:
    """The first signature: the terms are fixed, the loan opens pending disbursement, and the
    signature is recorded with the hash of the terms signed."""
    party = party_of(principal)
    application = await load(session, principal, application_id, for_update=True)
    next_status(application.status, Action.sign)
    terms = await current_terms(session, application)
    fixed = canonical(terms)
    digest = terms_hash(fixed)
    if data.terms_hash is not None and data.terms_hash != digest:
        raise TermsChanged(
            "the akad signed does not carry the terms on record; read it again",
            terms_hash=digest,
        )
    loan = await review.sign(session, principal, application_id, data)
    await SignatureRepository(session).add(
        AgreementSignature(
            application_id=application.id,
            loan_id=loan.id,
            party=party.value,
            terms_hash=digest,
            terms=fixed,
            signed_by=principal.actor,
            signed_by_role=principal.role.value,
        )
    )
    return loan


async def countersign(
    session: AsyncSession, principal: Principal, application_id: UUID, signed_hash: str
) -> AgreementSignature:
    """The other party signs the same terms after the first signature."""
    party = party_of(principal)
    application = await load(session, principal, application_id, for_update=True)
    if application.status != S.signed:
        raise Conflict(
            "a countersignature follows the first signature; this application is "
            f"{application.status}",
            current_state=application.status,
        )
    current = await _agreement(session, application)
    if any(s.party == party.value for s in current.signatures):
        raise Conflict(f"the {party.value} has signed this akad already")
    if signed_hash != current.terms_hash:
        raise TermsChanged(
            "the akad signed does not carry the terms on record", terms_hash=current.terms_hash
        )
    return await SignatureRepository(session).add(
        AgreementSignature(
            application_id=application.id,
            loan_id=application.loan_id,
            party=party.value,
            terms_hash=current.terms_hash,
            terms=canonical(current.terms),
            signed_by=principal.actor,
            signed_by_role=principal.role.value,
        )
    )


async def by_hash(session: AsyncSession, principal: Principal, digest: str) -> Agreement:
    """The agreement a paper copy's hash names (404 when none, or not the caller's)."""
    signatures = await SignatureRepository(session).by_hash(digest)
    application = (
        await session.get(Application, signatures[0].application_id) if signatures else None
    )
    if application is None or not may_read(principal, application):
        raise NotFound(f"no signed akad with hash {digest}")
    terms = AgreementTerms.model_validate(signatures[0].terms)
    return Agreement(application.id, "signed", terms, digest, signatures)


def agreement_document(agreement: Agreement) -> bytes:
    return agreement_pdf(
        agreement.terms,
        agreement.terms_hash,
        [SignatureOut.model_validate(s) for s in agreement.signatures],
    )


async def statement_document(repo: LoanRepository, principal: Principal, loan_id: UUID) -> bytes:
    book = await loans.readable_book(repo, loan_id, principal)
    today = await business_date(repo.session, book.loan.fund_id)
    position = book.replay()
    state = book.arrears(position, today)
    lines: list[StatementLine] = []
    outstanding = ZERO
    for record in sorted(book.records, key=lambda r: (r.value_date, r.seq)):
        alloc = position.allocations.get(record.id)
        after: Decimal | None = None
        if record.reversed_at is None and alloc is not None:
            if record.kind in (TxKind.disbursement.value, TxKind.rescheduled_in.value):
                outstanding += record.amount
            elif record.kind == TxKind.reschedule.value:
                outstanding = ZERO
            outstanding -= alloc.principal + alloc.written_off_principal
            after = outstanding
        lines.append(
            StatementLine(
                record.value_date,
                record.kind,
                record.amount,
                record.external_reference,
                record.reversed_at is not None,
                after,
            )
        )
    facts = StatementFacts(
        loan_id=str(book.loan.id),
        cooperative_id=str(book.loan.cooperative_id),
        as_of=today,
        approved_amount=book.loan.approved_amount,
        annual_rate=book.loan.annual_rate,
        principal_outstanding=position.principal_outstanding,
        days_past_due=state.days_past_due,
        collectibility=int(state.collectibility),
        status=book.loan.status,
    )
    return statement_pdf(facts, lines)
