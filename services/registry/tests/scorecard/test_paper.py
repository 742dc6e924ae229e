"""The scorecard PDF (for the cooperative's RAT): text extracted with ``pdftotext`` carries the
readiness, each aspect's score and evidence in Bahasa Indonesia, and says when data is missing."""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from datetime import date

import pytest

from kopmod_shared.auth import Role
from registry.scorecard.paper import rupiah, tanggal

from ..conftest import create_cooperative
from .support import modern_registry_record
from .test_scorecard import _modern_upstreams

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def _text(pdf: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return re.sub(r"[ \t]+", " ", done.stdout.decode())


def test_indonesian_formats() -> None:
    assert tanggal(date(2026, 12, 2)) == "2 Desember 2026"
    assert rupiah("1500000") == "Rp1.500.000,00"
    assert rupiah("-250.5") == "-Rp250,50"


async def test_the_scorecard_pdf_of_a_modern_cooperative(
    client, ministry_headers, headers_for, financing, marketplace
) -> None:
    cid = await modern_registry_record(client, ministry_headers, name="Koperasi Kopi Gayo Maju")
    _modern_upstreams(financing, marketplace, cid)
    resp = await client.get(f"/v1/cooperatives/{cid}/modernisation.pdf", headers=ministry_headers)
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"] == "application/pdf"
    assert resp.headers["content-disposition"] == f'attachment; filename="kartu-skor-{cid}.pdf"'
    assert resp.content.startswith(b"%PDF-")
    text = _text(resp.content)
    assert "Kartu Skor Modernisasi Koperasi" in text
    assert "Koperasi Kopi Gayo Maju" in text
    assert "Provinsi: Aceh" in text and "Pemantapan (angkatan 2021)" in text
    assert "Kesiapan: 87 dari 100 (siap)" in text
    assert "Memenuhi keempat aspek program" in text and "offtaker): ya" in text
    for row in (
        "Akses permodalan 96 ya pembiayaan",
        "Diversifikasi produk 75 ya registri",
        "Orientasi pasar 100 ya pasar",
        "Adopsi teknologi 60 ya registri, pembiayaan, pasar",
    ):
        assert row in text, row
    assert "Sisa pokok pinjaman: Rp250.000.000,00" in text
    assert "Tingkat pemenuhan pengiriman: 80%" in text
    assert "Kesehatan terakhir: sehat" in text
    assert "Penawaran pasokan di platform (365 hari): 3" in text
    assert "Rapat Anggota Tahunan" in text
    assert "Sebagian data tidak tersedia" not in text

    # The cooperative prints its own; another cooperative's is a 404 problem, not a PDF.
    own = await client.get(
        f"/v1/cooperatives/{cid}/modernisation.pdf",
        headers=await headers_for(Role.cooperative, org=cid),
    )
    assert own.status_code == 200 and own.content.startswith(b"%PDF-")
    other = await client.get(
        f"/v1/cooperatives/{cid}/modernisation.pdf",
        headers=await headers_for(Role.cooperative, org=uuid.uuid4()),
    )
    assert other.status_code == 404
    assert other.headers["content-type"].startswith("application/problem+json")


async def test_a_partial_scorecard_says_so_on_paper(
    client, ministry_headers, financing, marketplace
) -> None:
    coop = await create_cooperative(client, ministry_headers)
    financing.mode = "down"
    resp = await client.get(
        f"/v1/cooperatives/{coop['id']}/modernisation.pdf", headers=ministry_headers
    )
    assert resp.status_code == 200, resp.text
    text = _text(resp.content)
    assert "Sebagian data tidak tersedia saat dicetak (layanan pembiayaan)" in text
    assert "Akses permodalan - belum diketahui pembiayaan" in text
    assert "belum mengikuti program" in text
    assert "Tidak dinilai: data layanan tidak tersedia." in text
