"""The words the OpenAPI examples are written in: one cooperative's story, value by field name.

A partner reads an example before any prose, so each carries a value a real call would: a coffee
cooperative in Garut (Koperasi Produsen Kopi Cikajang), its fund (Dana Bergulir Jawa Barat), a
roaster buying its beans, their people and clients. ``kopmod_shared.openapi_examples`` asks
here first (by the field's name, then by the name of the thing it belongs to) and falls back to
the schema's type only where this vocabulary has no word; a value that breaks the field's own
pattern or bounds is never used. Ids are fixed per kind of thing (the ``id`` of a cooperative and
every ``cooperative_id`` agree), time-ordered like the platform's own (UUID version 7).
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

# The 48-bit time prefix of every example id: 2025-01-15, like the example dates.
_EPOCH_MS = 1_736_899_200_000


def example_id(kind: str) -> str:
    """A stable UUIDv7-shaped id for one kind of thing (``cooperative``, ``loan`` ...)."""
    digest = bytearray(hashlib.sha256(kind.encode()).digest()[:16])
    digest[0:6] = _EPOCH_MS.to_bytes(6, "big")
    digest[6] = 0x70 | (digest[6] & 0x0F)
    digest[8] = 0x80 | (digest[8] & 0x3F)
    return str(uuid.UUID(bytes=bytes(digest)))


# Field names whose id names another kind of thing than the field's stem.
ID_KINDS = {
    "current_loan_id": "loan",
    "reverses_entry_id": "reversed-entry",
    "entry_id": "journalentry",
    "from_cooperative_id": "cooperative",
    "to_cooperative_id": "successor-cooperative",
    "successor_id": "successor-cooperative",
    "predecessor_ids": "absorbed-cooperative",
    "member_cooperative_ids": "primary-cooperative",
    "parent_id": "secondary-cooperative",
    "offtake_contract_ids": "contract",
    "actor_org_id": "cooperative",
    "org_id": "cooperative",
    "target_id": "application",
    "entity_id": "cooperative",
    "import_batch_id": "import",
    "via": "bank-client",
}

# Components whose ``id`` is another kind's (a loan's account is the loan).
ENTITY_KINDS = {"loanaccount": "loan", "loanposition": "loan", "endpointwithsecret": "endpoint"}

_SUFFIXES = ("WithSecret", "Create", "Update", "Public", "Summary", "Out", "In")


def entity_of(component: str) -> str:
    """``CooperativeOut`` -> ``cooperative``; ``WriteOffRequestOut`` -> ``writeoffrequest``."""
    name = component.removesuffix("Page")
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    kind = name.lower()
    return ENTITY_KINDS.get(kind, kind)


# ``name`` (and ``code``) of each kind of thing.
NAMES = {
    "cooperative": "Koperasi Produsen Kopi Cikajang",
    "fund": "Dana Bergulir Koperasi Jawa Barat",
    "product": "Modal Kerja Kopi 12 Bulan",
    "offtaker": "PT Kopi Nusantara Ekspor",
    "commodity": "Kopi Arabika (biji hijau)",
    "client": "Bank Jabar Banten - integrasi pembiayaan",
    "oidcclient": "Konsol kopmod",
    "person": "Siti Rahmawati",
    "recipient": "Siti Rahmawati",
    "membergroup": "Petani kopi anggota",
    "unit": "Ton",
    "endpoint": "Notifikasi pinjaman BJB",
    "programme": "Modernisasi Koperasi 2025",
    "figure": "offtake_coverage",
    "eligibilitysnapshot": "Koperasi Produsen Kopi Cikajang",
    "scorecard": "Koperasi Produsen Kopi Cikajang",
    "invitation": "Dedi Kurniawan",
    "grade": "Mutu 1",
}

# Where one field name means different things in different kinds of thing.
BY_ENTITY: dict[tuple[str, str], Any] = {
    ("auditrecord", "method"): "POST",
    ("rowerror", "code"): "invalid_nib",
    ("reason", "code"): "lowest_delivered_cost",
    ("graphnode", "id"): example_id("cooperative"),
    ("graphnode", "name"): "Koperasi Produsen Kopi Cikajang",
    ("graphedge", "source"): example_id("cooperative"),
    ("graphedge", "target"): example_id("successor-cooperative"),
    ("holding", "to"): example_id("successor-cooperative"),
    ("holding", "what"): "loan",
    ("programmeprovince", "name"): "Jawa Barat",
    ("journalentry", "kind"): "disbursement",
    ("transaction", "kind"): "repayment",
    ("statementline", "kind"): "repayment",
    ("matchpreview", "status"): "optimal",
    ("health", "status"): "ok",
    ("readiness", "status"): "ready",
    ("loanposition", "status"): "active",
}

DATES: dict[str, str] = {
    "founded_on": "2015-01-20",
    "legal_decree_date": "2015-03-10",
    "held_on": "2025-03-15",
    "last_held_on": "2025-03-15",
    "last_rat_held_on": "2025-03-15",
    "assessed_on": "2024-12-10",
    "started_on": "2024-07-01",
    "ended_on": "2024-12-31",
    "date_from": "2025-01-01",
    "date_to": "2025-01-31",
    "valid_from": "2025-01-01",
    "valid_to": "2025-12-31",
    "window_start": "2025-03-01",
    "window_end": "2025-08-31",
    "start_date": "2025-01-15",
    "first_due_date": "2025-02-15",
    "due_date": "2025-04-15",
    "oldest_overdue_due_date": "2025-04-15",
    "effective_from": "2025-01-01",
    "planned_date": "2025-03-01",
    "delivered_on": "2025-04-02",
    "paid_on": "2025-04-27",
    "value_date": "2025-04-27",
}
CODES = {
    "fund": "DB-JABAR",
    "product": "MK-KOPI-12",
    "commodity": "coffee_green",
    "unit": "TNE",
    "grade": "mutu_1",
}

_SENTENCE = "Kunjungan lapangan 14 Januari: gudang dan lantai jemur sesuai proposal."

STRINGS: dict[str, str] = {
    "access_token": (
        "eyJhbGciOiJFZERTQSIsImtpZCI6InJlZy0yMDI1LTAxIn0."
        "eyJzdWIiOiJiamItcGVtYmlheWFhbiIsInJvbGUiOiJwYXJ0bmVyIn0.M2Y3YzJhOWU0YjFk"
    ),
    "action": "approve",
    "actor": "fo-siti-rahmawati",
    "actor_client": "konsol-dana-bergulir",
    "actor_role": "fund_officer",
    "address": "Jl. Raya Cikajang No. 17, Cikajang, Garut, Jawa Barat 44171",
    "akad": "murabahah",
    "allocation_order": "penalties",
    "frequency": "monthly",
    "from_status": "submitted",
    "kind": "administration",
    "method": "declining_equal_installment",
    "pattern": "conventional",
    "purpose": "Modal kerja pembelian kopi gelondong merah dari 420 anggota untuk panen raya 2025",
    "status": "active",
    "to_status": "desk_review",
    "assessed_by": "Dinas Koperasi dan UKM Provinsi Jawa Barat",
    "assessor": "Dinas Koperasi dan UKM Provinsi Jawa Barat",
    "base_unit": "KGM",
    "business_sectors": "coffee",
    "category": "sehat",
    "checksum_sha256": "9f2b5c1e8d4a7f3b6c0e2d9a1b4c7e8f3a6d9c2b5e8f1a4d7c0b3e6f9a2d5c8b",
    "client_id": "bjb-pembiayaan",
    "client_secret": "k7Qm2V9xR4tLpZ8sN3wYb6HcJ1fD5gEaT0uKoWq",
    "collectibility_label": "Lancar",
    "commodity_code": "coffee_green",
    "contact_email": "pengadaan@kopinusantara.co.id",
    "contact_name": "Rina Wulandari",
    "contact_phone": "+6281234567890",
    "content_type": "application/pdf",
    "cooperative_name": "Koperasi Produsen Kopi Cikajang",
    "created_by": "fo-siti-rahmawati",
    "currency": "IDR",
    "current_password": "Lantai-Jemur-Cikajang-2025",
    "database": "kopmod_financing",
    "decided_by": "fc-budi-santoso",
    "decision_note": "Agunan kontrak offtake cukup; tenor 12 bulan disetujui.",
    "decision_reason": "Kontrak offtake dengan PT Kopi Nusantara menutup 80% angsuran.",
    "decree_number": "AHU-0004242.AH.01.26.TAHUN 2015",
    "description": "Modal kerja pembelian kopi gelondong merah dari anggota selama panen raya.",
    "detail": "installment 3 is 12 days past due",
    "disabled_reason": "left the cooperative's board at the 2024 RAT",
    "eligibility_last_error": "registry answered 503 Service Unavailable",
    "email": "siti.rahmawati@kopicikajang.co.id",
    "end_reason": "term ended at the 2024 RAT",
    "entered_unit": "TNE",
    "entity": "cooperative",
    "event_type": "financing.loan.disbursed",
    "event_types": "financing.loan.disbursed",
    "expected_migration": "2026_12_02_1552",
    "explanation": "principal x annual rate / 12 on the declining balance",
    "external_id": "DINKOP-JB-2015-0042",
    "external_reference": "SP2D-2025-000317",
    "field": "body.amount",
    "file_name": "laporan-rat-2024.pdf",
    "formula": "outstanding principal x annual rate / 12",
    "grade": "mutu_1",
    "grade_at_receipt": "mutu_1",
    "hs_code": "090111",
    "incoterm": "FOB",
    "incoterm_place": "Pelabuhan Tanjung Priok, Jakarta",
    "key": "tenor_max_periods",
    "last_error": "connection refused by https://bjb.co.id/kopmod/webhooks",
    "legal_decree_number": "AHU-0004242.AH.01.26.TAHUN 2015",
    "location_source": "gps",
    "memo": "Capital from the 2025 provincial budget (APBD Jawa Barat)",
    "mentor": "Agus Setiawan",
    "mentor_organisation": "PLUT-KUMKM Jawa Barat",
    "migration": "2026_12_02_1552",
    "min_grade": "mutu_2",
    "month": "2025-01",
    "nib": "9120000004242",
    "nik_koperasi": "3205000000004242",
    "note": _SENTENCE,
    "number": "PKS-017/KPKC/I/2025",
    "offtaker_name": "PT Kopi Nusantara Ekspor",
    "outcome": "success",
    "password": "Lantai-Jemur-Cikajang-2025",
    "path": "/v1/loans/{loan_id}/repayments",
    "payment_terms": "30 days after the delivery is accepted",
    "phone": "+6281234567890",
    "post_logout_redirect_uris": "https://konsol.kopmod.id/signed-out",
    "problem_type": "https://kopmod.dev/problems/validation-error",
    "province_code": "32",
    "province": "32",
    "province_name": "Jawa Barat",
    "raised_by": "cooperative",
    "readiness_band": "siap",
    "reason": "Anggota gagal panen karena kemarau; pembayaran ditunda dua bulan.",
    "reasons": "3 RATs held in the last 3 years: +20",
    "received_by": "gudang-kopi-nusantara",
    "signed_by_role": "fund_committee",
    "terms_hash": "4be1c0f7a9d2e8b3c6f1a0d9e2b7c4f8a3d6e9b2c5f8a1d4e7b0c3f6a9d2e5b8",
    "conditions": "Kontrak offtake PKS-017/KPKC/I/2025 diserahkan sebagai agunan",
    "committed_by": "fo-siti-rahmawati",
    "preview": "Repayment Rp 3.250.000,00 to the loan of Koperasi Produsen Kopi Cikajang",
    "result": "booked",
    "holder": "fo-siti-rahmawati",
    "factor": "distance",
    "proposal_status": "pending",
    "text": "Lowest delivered cost within 150 km: Rp 41,250.00 per kg.",
    "recorded_by": "dinkop-jabar",
    "redirect_uris": "https://konsol.kopmod.id/auth/callback",
    "reference": "SP2D-2025-000317",
    "region_code": "32.05.01.2001",
    "rejection_reason": "Moisture 16%, above the 12.5% the contract allows.",
    "request_id": "7f3c2a9e4b1d4e0f9a6c5b8d2e1f0a3c",
    "requested_by": "fo-siti-rahmawati",
    "resolution": "Mediator awarded 200 kg of the 500 kg claimed after a second sample.",
    "resolved_by": "mediator-kopmod",
    "reversal_reason": "Transfer booked to the wrong loan (SP2D-2025-000317).",
    "role": "fund_officer",
    "rule": "min_health",
    "scope": "applications:read repayments",
    "scopes": "applications:read",
    "secret": "whsec_MfKQ9r8GKYqXb4ZlI9nkr0bVlyDZpEgaYk0mq3AFq8Y=",
    "service": "financing",
    "side": "debit",
    "signed_by": "fc-budi-santoso",
    "sub": "bjb-pembiayaan",
    "uploaded_by": "koperasi-cikajang",
    "url": "https://bjb.co.id/kopmod/webhooks",
}

INTEGERS: dict[str, int] = {
    "accepted": 18,
    "active_contracts": 2,
    "active_loans": 1,
    "active_offtakers": 2,
    "age_years": 9,
    "applications_approved": 1,
    "applications_in_review": 1,
    "applications_total": 3,
    "approved_grace_periods": 2,
    "approved_tenor_periods": 12,
    "arrears_tolerance_days": 7,
    "attempts": 2,
    "attendance": 312,
    "cohort_year": 2024,
    "collectibility": 2,
    "contracts": 3,
    "contracts_total": 4,
    "cooperatives": 128,
    "current_collectibility": 1,
    "days": 30,
    "days_past_due": 12,
    "demands": 5,
    "depth": 1,
    "distinct_offtakers": 2,
    "domestic_contracts": 2,
    "eligibility_attempts": 1,
    "expires_in": 300,
    "export_contracts": 1,
    "from_class": 1,
    "grace_max_periods": 3,
    "grace_periods": 2,
    "installment_number": 3,
    "installments_due": 9,
    "installments_paid_on_time": 8,
    "last_status_code": 200,
    "latest_health_year": 2024,
    "loans": 2,
    "loans_processed": 1840,
    "loans_total": 2,
    "max_tranches": 3,
    "meeting_all_four": 42,
    "member_count": 420,
    "members_total": 420,
    "met_at": 60,
    "missed_rat_years": 0,
    "number": 3,
    "offers": 12,
    "payment_days": 30,
    "periods": 12,
    "rank": 3,
    "rat_years": 3,
    "readiness": 3,
    "missed_years": 2021,
    "rejected": 2,
    "round": 2,
    "row": 7,
    "score": 82,
    "seq": 4,
    "signed_contracts": 3,
    "size_bytes": 248311,
    "status_code": 200,
    "target": 500,
    "tenor_max_periods": 24,
    "tenor_periods": 12,
    "to_class": 2,
    "total_rows": 20,
    "worst_collectibility": 2,
    "written_off_loans": 0,
    "year": 2024,
    "years_held": 2024,
}

FLOATS: dict[str, float] = {
    "latitude": -7.3661,
    "longitude": 107.7847,
    "distance_km": 42.5,
    "max_distance_km": 150.0,
    "score": 0.82,
}


def word_for(name: str, entity: str, kind: str) -> Any:
    """The vocabulary's value for field ``name`` of a thing of kind ``entity`` (None: no word).

    ``kind`` is the JSON type wanted (``string``, ``integer``, ``number``, ``uuid``, ``date``)."""
    if (entity, name) in BY_ENTITY:
        return BY_ENTITY[(entity, name)]
    if kind == "date":
        return DATES.get(name)
    if kind == "uuid":
        if name == "id":
            return example_id(entity or "thing")
        if name in ID_KINDS:
            return example_id(ID_KINDS[name])
        if name.endswith("_ids"):
            return example_id(name.removesuffix("_ids"))
        if name.endswith("_id"):
            return example_id(name.removesuffix("_id"))
        return None
    if kind == "integer":
        return INTEGERS.get(name)
    if kind == "number":
        return FLOATS.get(name)
    if name == "name":
        return NAMES.get(entity)
    if name == "code":
        return CODES.get(entity)
    if name == "commodities":
        return "090111" if entity == "cooperative" else "coffee_green"
    return STRINGS.get(name)
