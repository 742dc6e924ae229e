"""Part of the story driven through the generated SDK only (kopmod_sdk), against the real
services: a broken OpenAPI document (a response the generator cannot model, a wrong schema, a
missing scope) breaks this test."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import uuid

import pytest

from kopmod_cli.services import REPO_ROOT
from kopmod_sdk.financing import AuthenticatedClient as FinancingClient
from kopmod_sdk.financing.api.schedules import schedules_calculate_schedule
from kopmod_sdk.financing.models import CalculationIn, CalculationOut, InterestMethod
from kopmod_sdk.marketplace import Client as MarketplaceClient
from kopmod_sdk.marketplace.api.commodities import commodities_list_commodities
from kopmod_sdk.registry import AuthenticatedClient, Client
from kopmod_sdk.registry.api.cooperatives import (
    cooperatives_create_cooperative,
    cooperatives_get_cooperative,
    cooperatives_list_cooperatives,
)
from kopmod_sdk.registry.api.identity import identity_create_client, identity_me, identity_token
from kopmod_sdk.registry.api.imports import imports_import_cooperatives
from kopmod_sdk.registry.api.rat import rat_list_rats
from kopmod_sdk.registry.models import (
    BodyIdentityToken,
    ClientCreate,
    ClientWithSecret,
    CooperativeCreate,
    CooperativeOut,
    ImportResult,
    Problem,
    Role,
    TokenResponse,
)
from kopmod_sdk.registry.types import File

from .conftest import Platform

pytestmark = pytest.mark.e2e


def _token(registry: str, client_id: str, secret: str) -> str:
    answer = identity_token.sync(
        client=Client(base_url=registry),
        body=BodyIdentityToken(
            grant_type="client_credentials", client_id=client_id, client_secret=secret
        ),
    )
    assert isinstance(answer, TokenResponse), answer
    return answer.access_token


def test_the_sdk_has_a_function_for_every_operation() -> None:
    """Including the CSV import, whose body (a file) the generator once skipped silently."""
    missing = []
    for name in ("registry", "financing", "marketplace"):
        doc = json.loads((REPO_ROOT / "openapi" / f"{name}.json").read_text())
        for item in doc["paths"].values():
            for op in item.values():
                tag = op["tags"][0].lower().replace(" ", "_").replace("-", "_")
                module = f"kopmod_sdk.{name}.api.{tag}.{op['operationId'].replace('-', '_')}"
                try:
                    importlib.import_module(module)
                except ImportError:
                    missing.append(module)
    assert missing == []


def test_a_partner_story_through_the_sdk(platform: Platform) -> None:
    registry = platform.urls["registry"]
    admin = AuthenticatedClient(
        base_url=registry,
        token=_token(registry, platform.creds.admin_client_id, platform.creds.admin_client_secret),
    )
    # The admin creates a ministry client; its secret is shown once.
    made = identity_create_client.sync(
        client=admin,
        body=ClientCreate(name="Dinas Koperasi Jawa Barat", role=Role.MINISTRY),
        idempotency_key=str(uuid.uuid4()),
    )
    assert isinstance(made, ClientWithSecret), made
    ministry = AuthenticatedClient(
        base_url=registry, token=_token(registry, made.client_id, made.client_secret)
    )
    me = identity_me.sync(client=ministry)
    assert me is not None and me.role == "ministry"

    # The ministry registers a cooperative and reads it back, as typed models.
    body = CooperativeCreate.from_dict(
        {
            "name": "Koperasi Produsen Kopi Cikajang",
            "type": "produsen",
            "legal_decree_number": "AHU-0004242.AH.01.26.TAHUN 2015",
            "legal_decree_date": "2015-03-10",
            "nib": "9120000004242",
            "nik_koperasi": "3205000000004242",
            "founded_on": "2015-01-20",
            "address": "Jl. Raya Cikajang, Garut",
            "region_code": "32.05.01.2001",
            "latitude": -7.2,
            "longitude": 107.9,
            "business_sectors": ["coffee"],
            "commodities": ["090111"],
            "membership_area": "regency",
            "scale_band": "kecil",
            "member_count": 420,
        }
    )
    created = cooperatives_create_cooperative.sync_detailed(client=ministry, body=body)
    assert created.status_code == 201, created.content
    assert isinstance(created.parsed, CooperativeOut)
    coop = cooperatives_get_cooperative.sync(client=ministry, cooperative_id=created.parsed.id)
    assert isinstance(coop, CooperativeOut)
    assert coop.name == "Koperasi Produsen Kopi Cikajang"
    assert coop.founded_on == dt.date(2015, 1, 20)

    # Lists page with limit + cursor into the one envelope.
    first = cooperatives_list_cooperatives.sync(client=ministry, limit=1)
    assert first is not None and len(first.items) == 1
    seen = [c.id for c in first.items]
    cursor = first.next_cursor
    while cursor:
        page = cooperatives_list_cooperatives.sync(client=ministry, limit=1, cursor=cursor)
        assert page is not None
        seen += [c.id for c in page.items]
        cursor = page.next_cursor
    assert coop.id in seen and len(seen) == len(set(seen))

    # The ministry's office loads its register as CSV: a file body, one row per cooperative.
    csv_file = (
        "name,type,nib,nik_koperasi,founded_on,region_code,commodities,external_id\n"
        "Koperasi Tani Sari Mukti,produsen,9120000005151,3205000000005151,2012-04-02,"
        "32.05.01.2001,090111,DINKOP-JB-2012-0051\n"
    )
    imported = imports_import_cooperatives.sync(
        client=ministry,
        body=File(payload=csv_file.encode(), file_name="koperasi.csv", mime_type="text/csv"),
        idempotency_key=str(uuid.uuid4()),
    )
    assert isinstance(imported, ImportResult), imported
    assert (imported.total_rows, imported.accepted, imported.rejected) == (1, 1, 0)
    # A list of a cooperative's RATs is a page like every list.
    rats = rat_list_rats.sync(client=ministry, cooperative_id=coop.id, limit=5)
    assert rats is not None and rats.items == [] and rats.next_cursor is None

    # A refusal is a typed problem document.
    again = cooperatives_create_cooperative.sync_detailed(client=ministry, body=body)
    assert again.status_code == 409 and isinstance(again.parsed, Problem)
    assert again.parsed.type_ == "https://kopmod.dev/problems/conflict"

    # Financing: the product-free schedule calculator with the handbook's published case.
    financing = FinancingClient(
        base_url=platform.urls["financing"],
        token=_token(registry, made.client_id, made.client_secret),
    )
    schedule = schedules_calculate_schedule.sync(
        client=financing,
        body=CalculationIn(
            principal="5000.00",
            annual_rate="0.12",
            method=InterestMethod.DECLINING_EQUAL_INSTALLMENT,
            tenor_periods=18,
            rounding="1",
            start_date=dt.date(2026, 1, 15),
        ),
    )
    assert isinstance(schedule, CalculationOut), schedule
    assert schedule.installments[0].total == "305.00"
    assert schedule.installments[-1].total == "303.22"
    assert schedule.total_interest == "488.22"

    # Marketplace: the public commodity list needs no token.
    commodities = commodities_list_commodities.sync(
        client=MarketplaceClient(base_url=platform.urls["marketplace"]), limit=100
    )
    assert commodities is not None and commodities.next_cursor is None
    assert "coffee_green" in {c.code for c in commodities.items}
