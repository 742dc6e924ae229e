"""Bahasa Indonesia on paper: rupiah (``Rp1.500.000,00``), dates (``2 Desember 2026``), rates,
and the words each product pattern uses for what the fund earns (bunga, margin, bagi hasil)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

MONTHS = (
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
)
PERIOD_WORDS = {"monthly": "bulan", "quarterly": "triwulan", "semi_annual": "semester"}
FREQUENCY_WORDS = {"monthly": "bulanan", "quarterly": "triwulanan", "semi_annual": "semesteran"}
METHOD_WORDS = {
    "flat": "tetap (flat) atas pokok awal",
    "declining_equal_installment": "menurun (anuitas, angsuran sama)",
    "declining_equal_principal": "menurun (pokok sama)",
}
KIND_WORDS = {
    "disbursement": "Pencairan",
    "repayment": "Angsuran",
    "payoff": "Pelunasan",
    "recovery": "Pemulihan",
    "refund": "Pengembalian kelebihan",
    "fee_charge": "Biaya",
    "penalty_charge": "Denda",
    "write_off": "Hapus buku",
    "reschedule": "Penjadwalan ulang",
    "rescheduled_in": "Saldo dari penjadwalan ulang",
    "interest_waiver": "Keringanan bunga",
}


def _grouped(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def rupiah(amount: Decimal) -> str:
    """``Rp1.500.000,00`` (dot thousands, comma decimals; a minus sign before Rp)."""
    q = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    sign = "-" if q < 0 else ""
    whole, _, cents = f"{abs(q):.2f}".partition(".")
    return f"{sign}Rp{_grouped(int(whole))},{cents}"


def tanggal(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def percent(rate: Decimal) -> str:
    """A yearly rate as ``3,00%`` (two decimals, comma)."""
    value = (rate * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    return f"{value:.2f}".replace(".", ",") + "%"


def earning_word(pattern: str, akad: str | None) -> str:
    """What the fund earns, in the product's own words."""
    if pattern != "syariah":
        return "Bunga"
    if akad == "murabahah":
        return "Margin"
    return "Bagi hasil"


def title(pattern: str, akad: str | None) -> str:
    if pattern != "syariah":
        return "AKAD PINJAMAN DANA BERGULIR"
    return f"AKAD PEMBIAYAAN SYARIAH ({(akad or '').upper()})"
