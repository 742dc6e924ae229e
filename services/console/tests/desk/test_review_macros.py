"""What the desk review and the committee read about an application is said in Indonesian: the
credit assessment's figures by name with their guide and explanation from the catalogs (never
financing's English), and the market behind it with the commodity's name and the unit as
Indonesians write it (``3.000 kg``, never ``KGM``)."""

from __future__ import annotations

from typing import Any

import pytest

from console import i18n
from console.features import ROUTERS
from console.main import load_features
from console.web import Pages

CONTRACT = {
    "id": "c1",
    "offtaker_name": "PT Kopi Nusantara",
    "quantity": "3000.000",
    "base_unit": "KGM",
    "commodity_code": "coffee_green",
    "value": "165000000.00",
    "status": "active",
}
FIGURES = [
    {
        "name": "repayment_capacity",
        "value": "1.8400",
        "formula": "net_surplus / debt_service_first_year",
        "inputs": {"net_surplus": "85000000.00"},
        "threshold": ">= 1.25",
        "within_threshold": True,
        "explanation": "how many times the latest year's surplus covers the installments",
    },
    {
        "name": "offtake_coverage",
        "value": None,
        "formula": "contract_receipts_in_tenor / total_repayments",
        "inputs": {"contracts": []},
        "threshold": None,
        "within_threshold": None,
        "explanation": "the share of the loan's repayments ...",
    },
    {
        "name": "debt_to_equity",
        "value": None,
        "formula": "needs the latest financial statement",
        "inputs": {},
        "threshold": None,
        "within_threshold": None,
        "explanation": "the registry holds no financial statement for this cooperative",
    },
]


@pytest.fixture(scope="module")
def pages() -> Pages:
    _, nav, template_dirs, _ = load_features(ROUTERS)
    return Pages(template_dirs, nav, "http://provider.test")


def render_macro(pages: Pages, template: str, macro: str, *args: Any) -> str:
    token = i18n.current_language.set("id")
    try:
        module = pages.env.get_template(template).make_module({})
        return str(getattr(module, macro)(*args))
    finally:
        i18n.current_language.reset(token)


def test_the_assessment_figures_are_said_in_indonesian(pages: Pages) -> None:
    assessment = {"recommendation": "approve", "assessed_by": "Rina", "note": None}
    html = render_macro(
        pages, "desk/review_macros.html", "assessment_tables", [assessment | {"figures": FIGURES}]
    )
    assert "Kemampuan bayar" in html and "\u2265 1,25" in html and "1,84" in html
    assert "Berapa kali SHU tahun terakhir" in html
    assert "Registri tidak memiliki laporan keuangan koperasi ini." in html
    assert "Cakupan kontrak pembelian" in html
    for english in ("repayment_capacity", "the registry holds", "how many times", "1.25"):
        assert english not in html, english


def test_the_market_behind_it_names_the_commodity_and_the_unit(pages: Pages) -> None:
    check = {"rules": [], "offtake_contracts": [CONTRACT]}
    html = render_macro(pages, "desk/review_macros.html", "eligibility_table", check)
    assert "PT Kopi Nusantara membeli 3.000 kg Kopi biji hijau" in html, html
    assert "KGM" not in html and "coffee_green" not in html and "(aktif)" in html
