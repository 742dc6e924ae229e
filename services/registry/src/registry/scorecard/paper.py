"""The modernisation scorecard on paper: a PDF in Bahasa Indonesia that a cooperative attaches to
its RAT (annual members' meeting) papers. Drawn with ReportLab from the same answer as
``GET /v1/cooperatives/{id}/modernisation``; the rules it cites are docs/scorecard.md."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from registry.regions import PROVINCES
from registry.scorecard.schemas import ScorecardOut

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
ASPECTS = {
    "access_to_capital": "Akses permodalan",
    "product_diversification": "Diversifikasi produk",
    "market_orientation": "Orientasi pasar",
    "offtakers": "Kemitraan dengan offtaker",
    "governance": "Tata kelola (RAT dan kesehatan)",
    "technology_adoption": "Adopsi teknologi",
}
BANDS = {"ready": "siap", "advancing": "maju", "developing": "berkembang", "early": "awal"}
PHASES = {
    "permodelan": "Permodelan",
    "replikasi": "Replikasi",
    "masifikasi": "Masifikasi",
    "pemantapan": "Pemantapan",
}
SOURCES = {"registry": "registri", "financing": "pembiayaan", "marketplace": "pasar"}
# Evidence figures as the paper names them; a figure not listed here is not printed.
EVIDENCE = {
    "applications_total": "Permohonan pembiayaan",
    "loans_total": "Pinjaman yang ditandatangani",
    "active_loans": "Pinjaman aktif",
    "outstanding_principal": "Sisa pokok pinjaman",
    "installments_due": "Angsuran jatuh tempo",
    "installments_paid_on_time": "Angsuran dibayar tepat waktu",
    "current_collectibility": "Kolektibilitas saat ini (OJK)",
    "mentoring_records": "Catatan pendampingan",
    "products": "Jumlah produk",
    "processed_share": "Pangsa produk olahan",
    "export_share": "Pangsa produk ekspor",
    "signed_contracts": "Kontrak yang ditandatangani",
    "domestic_contracts": "Kontrak pasar domestik",
    "export_contracts": "Kontrak pasar ekspor",
    "contracted_value": "Nilai kontrak",
    "active_contracts": "Kontrak aktif",
    "active_offtakers": "Offtaker pada kontrak aktif",
    "fulfilment_rate": "Tingkat pemenuhan pengiriman",
    "delivered_value": "Nilai yang diterima offtaker",
    "active": "Aktif (RAT dalam 3 tahun terakhir)",
    "last_due_rat_year": "Tahun buku RAT terakhir yang wajib",
    "last_due_rat_held": "RAT tersebut telah diselenggarakan",
    "rat_warning": "Peringatan RAT (dua tahun berturut-turut terlewat)",
    "latest_health": "Kesehatan terakhir",
    "latest_health_year": "Tahun penilaian kesehatan",
    "people_signed_in_recently": "Pengurus/staf yang masuk platform (90 hari)",
    "applications_recent": "Permohonan dicatat di platform (365 hari)",
    "offers_recent": "Penawaran pasokan di platform (365 hari)",
    "deliveries_recent": "Pengiriman dicatat di platform (365 hari)",
    "api_clients_used_recently": "Klien API yang dipakai (90 hari)",
    "webhook_endpoints": "Endpoint webhook",
}
MONEY_KEYS = {"outstanding_principal", "contracted_value", "delivered_value"}
SHARE_KEYS = {"processed_share", "export_share", "fulfilment_rate"}
HEALTH = {
    "sehat": "sehat",
    "cukup_sehat": "cukup sehat",
    "dalam_pengawasan": "dalam pengawasan",
    "dalam_pengawasan_khusus": "dalam pengawasan khusus",
}


def tanggal(d: date) -> str:
    """A date as Indonesians write it: ``2 Desember 2026``."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def rupiah(value: Any) -> str:
    """``Rp1.500.000,00``: dot thousands, comma decimals."""
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return str(value)
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = f"{int(whole):,}".replace(",", ".")
    return f"{sign}Rp{groups},{cents}"


def _figure(key: str, value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if key in MONEY_KEYS:
        return rupiah(value)
    if key in SHARE_KEYS:
        return f"{float(value) * 100:.0f}%".replace(".", ",")
    if key == "latest_health":
        return HEALTH.get(str(value), str(value))
    return str(value)


def _yes_no(value: bool | None) -> str:
    return "belum diketahui" if value is None else ("ya" if value else "tidak")


def render(card: ScorecardOut, *, printed_on: date) -> bytes:
    """The scorecard as PDF bytes (A4, one or two pages)."""
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    small = ParagraphStyle("small", parent=body, fontSize=8, textColor=colors.HexColor("#333333"))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=f"Kartu Skor Modernisasi - {card.name}",
        author="kopmod",
        lang="id",
    )
    province = PROVINCES.get(card.province_code, card.province_code)
    phase = (
        f"{PHASES.get(card.phase.value, card.phase.value)} (angkatan {card.cohort_year})"
        if card.phase is not None
        else "belum mengikuti program"
    )
    readiness = (
        f"{card.readiness} dari 100 ({BANDS.get(card.readiness_band or '', '-')})"
        if card.readiness is not None
        else "belum dapat dinilai"
    )
    story: list[Any] = [
        Paragraph("Kartu Skor Modernisasi Koperasi", styles["Title"]),
        Paragraph(escape(card.name), styles["Heading2"]),
        Paragraph(
            f"Provinsi: {escape(province)} &nbsp; | &nbsp; Fase program: {phase} &nbsp; | "
            f"&nbsp; Data per {tanggal(card.as_of)}",
            body,
        ),
        Spacer(1, 4 * mm),
        Paragraph(f"<b>Kesiapan:</b> {readiness}", body),
        Paragraph(
            "<b>Memenuhi keempat aspek program</b> (permodalan, diversifikasi produk, orientasi "
            f"pasar, offtaker): {_yes_no(card.meets_all_four)}",
            body,
        ),
    ]
    if card.partial:
        missing = ", ".join(SOURCES.get(u.source.value, u.source.value) for u in card.unavailable)
        story.append(
            Paragraph(
                f"<b>Sebagian data tidak tersedia</b> saat dicetak (layanan {missing}); "
                "aspek tersebut tidak dinilai.",
                body,
            )
        )
    rows: list[list[str]] = [["Aspek", "Skor", "Terpenuhi (60 ke atas)", "Sumber data"]]
    for a in card.aspects:
        rows.append(
            [
                ASPECTS.get(a.name.value, a.name.value),
                "-" if a.score is None else str(a.score),
                _yes_no(a.met),
                ", ".join(SOURCES.get(s.value, s.value) for s in a.sources),
            ]
        )
    table = Table(rows, colWidths=[62 * mm, 16 * mm, 40 * mm, 56 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [Spacer(1, 5 * mm), table, Spacer(1, 5 * mm)]
    for a in card.aspects:
        story.append(Paragraph(ASPECTS.get(a.name.value, a.name.value), styles["Heading4"]))
        if not a.available:
            story.append(Paragraph("Tidak dinilai: data layanan tidak tersedia.", body))
            continue
        items = [
            ListItem(Paragraph(f"{label}: {escape(_figure(key, a.evidence[key]))}", body))
            for key, label in EVIDENCE.items()
            if key in a.evidence
        ]
        story.append(ListFlowable(items, bulletType="bullet", leftIndent=10))
    story += [
        Spacer(1, 6 * mm),
        Paragraph(
            f"Dicetak oleh platform kopmod pada {tanggal(printed_on)} untuk dilampirkan pada "
            "Rapat Anggota Tahunan. Setiap aspek bernilai 0-100 dan terpenuhi pada nilai 60 "
            "ke atas; kesiapan adalah rata-rata aspek yang dapat dinilai. Aturan penilaian: "
            "dokumen kartu skor modernisasi (docs/scorecard.md).",
            small,
        ),
    ]
    doc.build(story)
    return out.getvalue()
