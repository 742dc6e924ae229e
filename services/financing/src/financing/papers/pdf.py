"""The papers as PDF (ReportLab): the akad with its schedule and the hash of its terms, and the
loan statement. Pure: they take the figures and return the bytes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from financing.papers.schemas import AgreementTerms, SignatureOut
from financing.papers.words import (
    FREQUENCY_WORDS,
    KIND_WORDS,
    METHOD_WORDS,
    PERIOD_WORDS,
    earning_word,
    percent,
    rupiah,
    tanggal,
    title,
)

STYLES = getSampleStyleSheet()
BODY = STYLES["BodyText"]
HASH_STYLE = ParagraphStyle("hash", parent=BODY, fontName="Courier", fontSize=8, leading=10)
PARTY_WORDS = {"cooperative": "Pihak Kedua (koperasi)", "fund": "Pihak Pertama (dana bergulir)"}


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(escape(text), style)


def _table(rows: list[list[str]], widths: Sequence[float]) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
                ("FONT", (0, 1), (-1, -1), "Helvetica", 8),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
            ]
        )
    )
    return table


def _document(story: list[object], subject: str) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=subject,
        author="kopmod",
        lang="id",
    )
    doc.build(story)
    return out.getvalue()


def _earning_line(terms: AgreementTerms) -> str:
    product = terms.product
    word = earning_word(product.pattern, product.akad)
    if product.pattern != "syariah":
        return (
            f"Suku bunga: {percent(terms.annual_rate)} per tahun, "
            f"dihitung {METHOD_WORDS.get(terms.method, terms.method)}"
        )
    if product.akad == "murabahah":
        return f"{word} murabahah: {percent(terms.annual_rate)} per tahun, ditetapkan di muka"
    ratio = product.profit_share_ratio or Decimal(0)
    return (
        f"Nisbah bagi hasil untuk Pihak Pertama: {percent(ratio)} dari proyeksi imbal hasil "
        f"{percent(terms.tariff_rate)} per tahun (ekspektasi bagi hasil setara "
        f"{percent(terms.annual_rate)} per tahun); bagi hasil dihitung atas hasil usaha nyata"
    )


def agreement_pdf(
    terms: AgreementTerms, terms_hash: str, signatures: Sequence[SignatureOut]
) -> bytes:
    product = terms.product
    word = earning_word(product.pattern, product.akad)
    period = PERIOD_WORDS.get(terms.frequency, terms.frequency)
    financing = "Pembiayaan" if product.pattern == "syariah" else "Pinjaman"
    story: list[object] = [
        _p(title(product.pattern, product.akad), STYLES["Title"]),
        _p(f"Nomor permohonan: {terms.application_id}"),
        _p("Para pihak", STYLES["Heading3"]),
        _p(f"Pihak Pertama: {terms.fund.name} ({terms.fund.code}), pengelola dana bergulir."),
        _p(
            f"Pihak Kedua: {terms.cooperative.name}"
            + (f", NIK koperasi {terms.cooperative.code}" if terms.cooperative.code else "")
            + f" (ID {terms.cooperative.id})."
        ),
        _p("Syarat yang disepakati", STYLES["Heading3"]),
        _p(f"Produk: {product.name} ({product.code})"),
        _p(f"Jumlah {financing.lower()}: {rupiah(terms.amount)}"),
        _p(_earning_line(terms)),
        _p(
            f"Jangka waktu: {terms.tenor_periods} {period}, angsuran "
            f"{FREQUENCY_WORDS.get(terms.frequency, terms.frequency)}, termasuk masa tenggang "
            f"pokok {terms.grace_periods} {period}"
        ),
        _p(f"Tujuan: {terms.purpose}"),
        _p(f"Tanggal persetujuan komite: {tanggal(terms.approved_on)}"),
    ]
    if terms.tranche_plan:
        plan = "; ".join(
            f"{rupiah(Decimal(t['amount'] or 0))}"
            + (
                f" sekitar {tanggal(date.fromisoformat(t['planned_date']))}"
                if t["planned_date"]
                else ""
            )
            for t in terms.tranche_plan
        )
        story.append(_p(f"Pencairan bertahap: {plan}"))
    story.append(_p("Syarat dan ketentuan", STYLES["Heading3"]))
    if terms.conditions:
        story += [_p(f"{n}. {c}") for n, c in enumerate(terms.conditions, start=1)]
    else:
        story.append(_p("Tidak ada syarat tambahan dari komite."))
    story += [
        _p("Jadwal angsuran", STYLES["Heading3"]),
        _p("Dihitung dari tanggal persetujuan; tanggal jatuh tempo mengikuti tanggal pencairan."),
        _table(
            [["No", "Jatuh tempo", "Pokok", word, "Jumlah", "Sisa pokok"]]
            + [
                [
                    str(i.number),
                    tanggal(i.due_date),
                    rupiah(i.principal),
                    rupiah(i.interest),
                    rupiah(i.total),
                    rupiah(i.balance_after),
                ]
                for i in terms.schedule
            ]
            + [
                [
                    "",
                    "Total",
                    rupiah(terms.total_principal),
                    rupiah(terms.total_interest),
                    rupiah(terms.total_principal + terms.total_interest),
                    "",
                ]
            ],
            (10 * mm, 32 * mm, 32 * mm, 30 * mm, 32 * mm, 32 * mm),
        ),
        Spacer(1, 6 * mm),
        _p("Kode verifikasi (SHA-256 atas syarat yang disepakati):"),
        _p(terms_hash, HASH_STYLE),
        _p(f"Periksa salinan ini di platform: /v1/agreements/{terms_hash}"),
        _p("Tanda tangan", STYLES["Heading3"]),
    ]
    if signatures:
        story += [
            _p(
                f"{PARTY_WORDS.get(s.party.value, s.party.value)}: ditandatangani oleh "
                f"{s.signed_by} pada {tanggal(s.signed_at.date())}"
            )
            for s in signatures
        ]
    else:
        story.append(_p("Belum ditandatangani."))
    return _document(story, f"Akad {terms.application_id}")


@dataclass(frozen=True)
class StatementLine:
    value_date: date
    kind: str
    amount: Decimal
    reference: str | None
    reversed: bool
    principal_after: Decimal | None


@dataclass(frozen=True)
class StatementFacts:
    loan_id: str
    cooperative_id: str
    as_of: date
    approved_amount: Decimal
    annual_rate: Decimal
    principal_outstanding: Decimal
    days_past_due: int
    collectibility: int
    status: str


def statement_pdf(facts: StatementFacts, lines: Sequence[StatementLine]) -> bytes:
    story: list[object] = [
        _p("REKENING KORAN PINJAMAN", STYLES["Title"]),
        _p(f"Nomor pinjaman: {facts.loan_id}"),
        _p(f"Koperasi: {facts.cooperative_id}"),
        _p(f"Per tanggal: {tanggal(facts.as_of)}"),
        _p(
            f"Plafon: {rupiah(facts.approved_amount)}; tarif {percent(facts.annual_rate)} per tahun"
        ),
        _p(f"Sisa pokok: {rupiah(facts.principal_outstanding)}"),
        _p(
            f"Hari tunggakan: {facts.days_past_due}; kolektibilitas OJK: {facts.collectibility}; "
            f"status: {facts.status}"
        ),
        Spacer(1, 4 * mm),
        _table(
            [["Tanggal", "Transaksi", "Jumlah", "Referensi", "Sisa pokok"]]
            + [
                [
                    tanggal(line.value_date),
                    KIND_WORDS.get(line.kind, line.kind)
                    + (" (dibatalkan)" if line.reversed else ""),
                    rupiah(line.amount),
                    line.reference or "",
                    rupiah(line.principal_after) if line.principal_after is not None else "",
                ]
                for line in lines
            ],
            (30 * mm, 42 * mm, 34 * mm, 38 * mm, 30 * mm),
        ),
    ]
    if not lines:
        story.append(_p("Belum ada transaksi."))
    return _document(story, f"Rekening koran {facts.loan_id}")
