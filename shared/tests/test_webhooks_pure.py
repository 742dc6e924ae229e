"""Standard Webhooks signing, the SSRF guard and subscriber visibility (no database needed)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from uuid import uuid4

import pytest

from kopmod_shared.errors import Unauthorized
from kopmod_shared.webhooks import UnsafeUrl, check_url, new_secret, sign_headers, verify
from kopmod_shared.webhooks.relay import may_receive


def test_signature_verifies_and_matches_the_spec_formula():
    import base64
    import hashlib
    import hmac

    secret = new_secret()
    assert secret.startswith("whsec_")
    now = datetime.now(UTC)
    body = json.dumps({"type": "x", "data": {"a": 1}})
    headers = sign_headers("evt_1", now, body, [secret])
    assert headers["webhook-id"] == "evt_1"
    assert headers["webhook-timestamp"] == str(int(now.timestamp()))
    key = base64.b64decode(secret.removeprefix("whsec_"))
    expected = base64.b64encode(
        hmac.new(key, f"evt_1.{int(now.timestamp())}.{body}".encode(), hashlib.sha256).digest()
    ).decode()
    assert headers["webhook-signature"] == f"v1,{expected}"
    assert verify(body, headers, [secret]) == {"type": "x", "data": {"a": 1}}


def test_rotation_signs_with_both_secrets_and_either_verifies():
    old, new = new_secret(), new_secret()
    body = "{}"
    headers = sign_headers("evt_2", datetime.now(UTC), body, [new, old])
    assert len(headers["webhook-signature"].split(" ")) == 2
    assert verify(body, headers, [old]) == {}
    assert verify(body, headers, [new]) == {}


def test_tampered_body_stale_timestamp_and_wrong_secret_are_refused():
    secret = new_secret()
    headers = sign_headers("evt_3", datetime.now(UTC), '{"amount":"10"}', [secret])
    with pytest.raises(Unauthorized):
        verify('{"amount":"99"}', headers, [secret])
    with pytest.raises(Unauthorized):
        verify('{"amount":"10"}', headers, [new_secret()])
    stale = sign_headers("evt_4", datetime.now(UTC) - timedelta(minutes=6), "{}", [secret])
    with pytest.raises(Unauthorized) as err:
        verify("{}", stale, [secret])
    assert "too old" in str(err.value.detail)


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://172.16.5.4/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://0.0.0.0/hook",
    ],
)
async def test_private_and_loopback_targets_are_refused(url):
    with pytest.raises(UnsafeUrl) as err:
        await check_url(url)
    assert err.value.status == 422
    assert err.value.extra["field"] == "url"


async def test_scheme_and_credentials_rules():
    with pytest.raises(UnsafeUrl):
        await check_url("http://example.org/hook")
    with pytest.raises(UnsafeUrl):
        await check_url("ftp://example.org/hook")
    with pytest.raises(UnsafeUrl):
        await check_url("https://user:pw@example.org/hook", allow_private=True)
    # Development may allow local http targets explicitly.
    await check_url("http://127.0.0.1:9999/hook", allow_private=True, allow_http=True)


async def test_public_address_literal_passes():
    await check_url("https://93.184.216.34/hook")


def test_org_bound_subscribers_only_get_events_naming_them():
    coop = uuid4()
    envelope = {"type": "financing.loan.disbursed", "parties": [str(coop)]}
    mine = SimpleNamespace(event_types=[], owner_role="cooperative", owner_org_id=coop)
    other = SimpleNamespace(event_types=[], owner_role="cooperative", owner_org_id=uuid4())
    partner = SimpleNamespace(
        event_types=["financing.loan.disbursed"], owner_role="partner", owner_org_id=None
    )
    not_subscribed = SimpleNamespace(event_types=["x.y"], owner_role="admin", owner_org_id=None)
    assert may_receive(mine, envelope)
    assert not may_receive(other, envelope)
    assert may_receive(partner, envelope)
    assert not may_receive(not_subscribed, envelope)
