"""The product mix through the HTTP API."""

from __future__ import annotations

import uuid

from kopmod_shared.auth import Role

from ..conftest import create_cooperative


async def test_the_cooperative_keeps_its_product_mix(client, ministry_headers, headers_for):
    coop = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/products"
    itself = await headers_for(Role.cooperative, org=uuid.UUID(coop["id"]))
    resp = await client.post(
        url,
        json={
            "name": "Kopi arabika Gayo, green bean",
            "hs_code": "090111",
            "processed": False,
            "domestic_market": True,
            "export_market": True,
        },
        headers=itself,
    )
    assert resp.status_code == 201, resp.text
    green = resp.json()
    assert green["hs_code"] == "090111" and green["export_market"] is True
    roasted = (
        await client.post(
            url,
            json={"name": "Kopi sangrai", "hs_code": "090121", "processed": True},
            headers=ministry_headers,
        )
    ).json()
    assert roasted["domestic_market"] is True and roasted["export_market"] is False

    offtaker = await headers_for(Role.offtaker, org=uuid.uuid4())
    public = (await client.get(url, headers=offtaker)).json()["items"]
    assert [p["name"] for p in public] == ["Kopi arabika Gayo, green bean", "Kopi sangrai"]

    patched = await client.patch(
        f"{url}/{roasted['id']}", json={"export_market": True}, headers=itself
    )
    assert patched.status_code == 200 and patched.json()["export_market"] is True
    none = await client.patch(
        f"{url}/{roasted['id']}",
        json={"export_market": False, "domestic_market": False},
        headers=itself,
    )
    assert none.status_code == 422 and none.json()["errors"][0]["code"] == "no_market"
    assert (await client.delete(f"{url}/{green['id']}", headers=itself)).status_code == 204
    assert [p["id"] for p in (await client.get(url, headers=itself)).json()["items"]] == [
        roasted["id"]
    ]


async def test_bad_products_and_foreign_principals(client, ministry_headers, headers_for):
    coop = await create_cooperative(client, ministry_headers)
    other = await create_cooperative(client, ministry_headers)
    url = f"/v1/cooperatives/{coop['id']}/products"
    for body, field in [
        ({"name": "x", "hs_code": "0901-11", "processed": False}, "body.hs_code"),
        (
            {"name": "x", "hs_code": "090111", "processed": False, "domestic_market": False},
            "body.export_market",
        ),
        ({"name": "", "hs_code": "090111", "processed": False}, "body.name"),
    ]:
        resp = await client.post(url, json=body, headers=ministry_headers)
        assert resp.status_code == 422, resp.text
        assert resp.json()["errors"][0]["field"] == field
    product = (
        await client.post(
            url,
            json={"name": "Kakao", "hs_code": "180100", "processed": False},
            headers=ministry_headers,
        )
    ).json()
    stranger = await headers_for(Role.cooperative, org=uuid.UUID(other["id"]))
    body = {"name": "x", "hs_code": "090111", "processed": False}
    assert (await client.post(url, json=body, headers=stranger)).status_code == 404
    assert (await client.get(url, headers=stranger)).status_code == 404
    assert (await client.delete(f"{url}/{product['id']}", headers=stranger)).status_code == 404
    offtaker = await headers_for(Role.offtaker, org=uuid.uuid4())
    assert (await client.post(url, json=body, headers=offtaker)).status_code == 403
    # The other cooperative's own product list does not reach this product.
    theirs = f"/v1/cooperatives/{other['id']}/products/{product['id']}"
    assert (await client.patch(theirs, json={"name": "y"}, headers=stranger)).status_code == 404
