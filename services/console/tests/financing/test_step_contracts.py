"""The cooperative's contract step names each contract's quantity as Indonesians write it
(``3.000 kg``), never the marketplace's unit code."""

from __future__ import annotations

from console import i18n
from console.web import Form, Pages

from ..desk.test_review_macros import CONTRACT, pages

__all__ = ["pages"]


def test_the_contract_step_says_the_unit(pages: Pages) -> None:
    token = i18n.current_language.set("id")
    try:
        html = pages.env.get_template("financing/step_contracts.html").render(
            person=None,
            lang="id",
            nav=[],
            current_path="/",
            current_href=None,
            csrf="x",
            role_names={},
            form=Form(),
            errors=[],
            unread=0,
            request=None,
            action="/financing/applications/a/contracts",
            contracts=[CONTRACT],
            application={"id": "a", "offtake_contract_ids": []},
            step="contracts",
            steps=[],
        )
    finally:
        i18n.current_language.reset(token)
    assert "PT Kopi Nusantara: 3.000 kg, Rp165.000.000,00" in html
    assert "KGM" not in html
