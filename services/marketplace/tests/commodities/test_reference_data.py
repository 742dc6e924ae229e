from __future__ import annotations


async def test_commodities_are_seeded_with_hs_codes_units_and_grades(client):
    resp = await client.get("/v1/commodities", params={"limit": 100})
    assert resp.status_code == 200
    assert resp.json()["next_cursor"] is None
    by_code = {c["code"]: c for c in resp.json()["items"]}
    coffee = by_code["coffee_green"]
    assert coffee["hs_code"] == "090111" and coffee["base_unit"] == "KGM"
    assert {u["code"]: u["factor"] for u in coffee["units"]} == {
        "KGM": "1.000000",
        "DTN": "100.000000",
        "TNE": "1000.000000",
    }
    assert [g["code"] for g in coffee["grades"]][-1] == "mutu_1"
    assert by_code["cocoa_beans"]["hs_code"] == "180100"
    assert by_code["crude_palm_oil"]["grades"] == []
    assert by_code["coconut"]["base_unit"] == "H87"


async def test_reference_data_survives_truncation_between_tests(client):
    # The previous test's client fixture truncated every table except the reference ones.
    resp = await client.get("/v1/commodities/rubber_natural")
    assert resp.status_code == 200
    assert [g["code"] for g in resp.json()["grades"]] == ["sir_20", "sir_10", "sir_5", "sir_3l"]


async def test_unknown_commodity_is_404(client):
    resp = await client.get("/v1/commodities/unobtainium")
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("application/problem+json")


async def test_commodities_page_by_code_with_a_cursor(client):
    everything = (await client.get("/v1/commodities", params={"limit": 100})).json()["items"]
    paged, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/v1/commodities", params=params)).json()
        assert len(page["items"]) <= 2
        paged += [c["code"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert paged == sorted(c["code"] for c in everything) and len(paged) > 2
    bad = await client.get("/v1/commodities", params={"cursor": "bm90LWEtY3Vyc29y"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "query.cursor"
