"""Reading a bank statement CSV: one line per credit, with its date, amount, the bank's
reference for the transfer and the description the payer wrote (where the loan number is).

Headers (case-insensitive, English or Bahasa Indonesia): ``value_date``/``tanggal``,
``amount``/``jumlah``, ``reference``/``referensi``, ``description``/``keterangan`` and an
optional ``loan_id``. Dates ``2026-12-02`` or ``02/12/2026``; amounts ``1500000.00`` or
``1.500.000,00``. The loan is the loan id (UUID) named in ``loan_id``, the description or the
reference. Pure: no I/O.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from uuid import UUID

MAX_LINES = 5000
ALIASES = {
    "value_date": ("value_date", "tanggal", "date"),
    "amount": ("amount", "jumlah", "kredit", "credit"),
    "reference": ("reference", "referensi", "ref"),
    "description": ("description", "keterangan", "berita"),
    "loan_id": ("loan_id", "pinjaman"),
}
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


class StatementFileError(ValueError):
    """The file is not a statement we can read (the message says why)."""


@dataclass(frozen=True)
class ParsedLine:
    line_no: int
    value_date: date | None
    amount: Decimal | None
    reference: str | None
    description: str | None
    loan_id: UUID | None
    error: str | None


def parse_amount(text: str) -> Decimal:
    raw = text.strip().replace("Rp", "").replace(" ", "")
    if "," in raw and (raw.rfind(",") > raw.rfind(".")):
        raw = raw.replace(".", "").replace(",", ".")  # 1.500.000,00
    else:
        raw = raw.replace(",", "")  # 1,500,000.00
    value = Decimal(raw)
    if value <= 0 or value.as_tuple().exponent < -2:  # type: ignore[operator]
        raise InvalidOperation
    return value.quantize(Decimal("0.01"))


def parse_date(text: str) -> date:
    raw = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(raw)


def _columns(header: list[str]) -> dict[str, int]:
    names = [h.strip().lower() for h in header]
    found: dict[str, int] = {}
    for field, aliases in ALIASES.items():
        for alias in aliases:
            if alias in names:
                found[field] = names.index(alias)
                break
    missing = [f for f in ("value_date", "amount", "reference") if f not in found]
    if missing:
        raise StatementFileError(f"the header names no column for {', '.join(missing)}")
    return found


def _loan(*texts: str | None) -> UUID | None:
    for text in texts:
        match = UUID_RE.search(text or "")
        if match:
            return UUID(match.group(0))
    return None


def parse_statement(data: bytes) -> list[ParsedLine]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StatementFileError("the file is not UTF-8 text") from exc
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise StatementFileError("the file is empty")
    if len(rows) - 1 > MAX_LINES:
        raise StatementFileError(f"at most {MAX_LINES} lines per file")
    cols = _columns(rows[0])
    out: list[ParsedLine] = []
    for n, row in enumerate(rows[1:], start=1):

        def cell(field: str, row: list[str] = row) -> str | None:
            i = cols.get(field)
            value = row[i].strip() if i is not None and i < len(row) else ""
            return value[:200] or None

        errors: list[str] = []
        day: date | None = None
        amount: Decimal | None = None
        try:
            day = parse_date(cell("value_date") or "")
        except ValueError:
            errors.append(f"date {cell('value_date')!r} is not a date")
        try:
            amount = parse_amount(cell("amount") or "")
        except (InvalidOperation, ValueError):
            errors.append(f"amount {cell('amount')!r} is not a positive amount")
        reference = cell("reference")
        if reference is None:
            errors.append("no reference")
        description = cell("description")
        out.append(
            ParsedLine(
                line_no=n,
                value_date=day,
                amount=amount,
                reference=reference,
                description=description,
                loan_id=_loan(cell("loan_id"), description, reference),
                error="; ".join(errors) or None,
            )
        )
    return out
