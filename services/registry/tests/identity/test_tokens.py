from __future__ import annotations

import base64
import json
from datetime import timedelta

import jwt

from kopmod_shared.auth import Role
from kopmod_shared.testing import TestIssuer

from ..conftest import ISSUER, make_api_client, token_for


def _claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


async def test_client_credentials_issue_a_signed_token_verifiable_from_jwks(app, client):
    secret = await make_api_client(app, "bank-jabar", Role.partner, scopes=["repayments", "read"])
    resp = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("bank-jabar", secret),
    )
    assert resp.status_code == 200
    assert resp.headers["cache-control"] == "no-store"
    body = resp.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 900
    assert body["scope"] == "read repayments"

    jwks = (await client.get("/.well-known/jwks.json")).json()
    [key] = jwks["keys"]
    assert key["kty"] == "OKP" and key["crv"] == "Ed25519" and key["kid"]
    header = jwt.get_unverified_header(body["access_token"])
    assert header["alg"] == "EdDSA" and header["kid"] == key["kid"]
    claims = jwt.decode(
        body["access_token"],
        jwt.PyJWK.from_dict(key),
        algorithms=["EdDSA"],
        audience="kopmod-financing",
        issuer=ISSUER,
    )
    assert claims["sub"] == "bank-jabar"
    assert claims["role"] == "partner"
    assert set(claims["aud"]) == {"kopmod-registry", "kopmod-financing", "kopmod-marketplace"}
    assert claims["exp"] - claims["iat"] == 900


async def test_credentials_may_come_as_form_fields(app, client):
    secret = await make_api_client(app, "form-client", Role.ministry)
    resp = await client.post(
        "/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "form-client",
            "client_secret": secret,
        },
    )
    assert resp.status_code == 200
    assert _claims(resp.json()["access_token"])["role"] == "ministry"


async def test_scope_and_audience_narrow_the_token(app, client):
    secret = await make_api_client(app, "narrow", Role.partner, scopes=["read", "repayments"])
    token = await token_for(client, "narrow", secret, scope="read", audience="kopmod-marketplace")
    claims = _claims(token)
    assert claims["scope"] == "read"
    assert claims["aud"] == ["kopmod-marketplace"]


async def test_org_bound_role_carries_its_organisation(app, client):
    import uuid

    org = uuid.uuid4()
    secret = await make_api_client(app, "koperasi-a", Role.cooperative, org_id=org)
    assert _claims(await token_for(client, "koperasi-a", secret))["org"] == str(org)


async def test_wrong_secret_is_invalid_client_401(app, client):
    await make_api_client(app, "victim", Role.admin)
    resp = await client.post(
        "/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=("victim", "guess")
    )
    assert resp.status_code == 401
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.headers["www-authenticate"].startswith("Basic")
    body = resp.json()
    assert body["error"] == "invalid_client"
    assert body["status"] == 401
    assert "access_token" not in body


async def test_unknown_client_and_unsupported_grant_and_unknown_scope(app, client):
    resp = await client.post(
        "/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=("nobody", "x")
    )
    assert resp.status_code == 401 and resp.json()["error"] == "invalid_client"

    secret = await make_api_client(app, "c1", Role.partner, scopes=["read"])
    resp = await client.post(
        "/v1/oauth/token", data={"grant_type": "password"}, auth=("c1", secret)
    )
    assert resp.status_code == 400 and resp.json()["error"] == "unsupported_grant_type"

    resp = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", "scope": "read admin"},
        auth=("c1", secret),
    )
    assert resp.status_code == 400
    assert resp.json()["error"] == "invalid_scope"
    assert "admin" in resp.json()["detail"]


async def test_deactivated_client_gets_no_token(app, client, admin_headers):
    secret = await make_api_client(app, "leaver", Role.ministry)
    listed = (await client.get("/v1/clients", headers=admin_headers)).json()["items"]
    leaver = next(c for c in listed if c["client_id"] == "leaver")
    resp = await client.patch(
        f"/v1/clients/{leaver['id']}", json={"active": False}, headers=admin_headers
    )
    assert resp.status_code == 200 and resp.json()["active"] is False
    resp = await client.post(
        "/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=("leaver", secret)
    )
    assert resp.status_code == 401
    assert resp.json()["error_description"] == "client is deactivated"


async def test_missing_token_is_401_problem_with_www_authenticate(client):
    resp = await client.get("/v1/clients")
    assert resp.status_code == 401
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.headers["www-authenticate"].startswith("Bearer")
    body = resp.json()
    assert body["type"].endswith("/unauthorized")
    assert body["title"] == "Authentication required"
    assert body["instance"] == "/v1/clients"


async def test_expired_forged_and_wrong_audience_tokens_are_refused(app, client):
    keys = app.state.signing_keys
    base = {"iss": ISSUER, "sub": "x", "role": "admin", "scope": ""}
    import time

    now = int(time.time())

    def sign(claims: dict, key=None) -> str:
        return jwt.encode(
            claims, key or keys.private_key, algorithm="EdDSA", headers={"kid": keys.kid}
        )

    expired = sign({**base, "aud": ["kopmod-registry"], "iat": now - 3600, "exp": now - 600})
    wrong_aud = sign({**base, "aud": ["kopmod-financing"], "iat": now, "exp": now + 600})
    forged = TestIssuer(issuer=ISSUER, kid=keys.kid).token("admin", audience="kopmod-registry")
    wrong_issuer = sign(
        {**base, "iss": "http://evil", "aud": "kopmod-registry", "iat": now, "exp": now + 600}
    )
    good = sign({**base, "aud": ["kopmod-registry"], "iat": now, "exp": now + 600})

    expectations = {
        expired: "token expired",
        wrong_aud: "token not issued for this service",
        forged: "token is not valid",
        wrong_issuer: "token is not valid",
        "not-a-jwt": "malformed token",
    }
    for token, detail in expectations.items():
        resp = await client.get("/v1/clients", headers={"Authorization": f"Bearer {token}"})
        assert resp.status_code == 401, detail
        assert resp.json()["detail"] == detail
        assert 'error="invalid_token"' in resp.headers["www-authenticate"]
    ok = await client.get("/v1/clients", headers={"Authorization": f"Bearer {good}"})
    assert ok.status_code == 200
    _ = timedelta


async def test_wrong_role_is_403(app, client):
    secret = await make_api_client(app, "ministry-1", Role.ministry)
    token = await token_for(client, "ministry-1", secret)
    resp = await client.get("/v1/clients", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 403
    assert resp.json()["type"].endswith("/forbidden")
    assert resp.json()["detail"] == "role ministry may not do this"
