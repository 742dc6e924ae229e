"""Standard Webhooks signing, the SSRF guard and subscriber visibility (no database needed)."""

from __future__ import annotations

import json
import ssl
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any
from uuid import uuid4

import httpx
import pytest

from kopmod_shared.errors import Unauthorized
from kopmod_shared.webhooks import UnsafeUrl, check_url, new_secret, sign_headers, verify
from kopmod_shared.webhooks.relay import failure_category, may_receive
from kopmod_shared.webhooks.ssrf import is_allowed_address, pinned


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
        # Carrier-grade NAT, where some clouds keep their metadata service.
        "https://100.100.100.200/latest/meta-data",
        "https://100.64.0.1/hook",
        # 6to4 embedding 127.0.0.1 and 10.0.0.1; NAT64 embedding the metadata address.
        "https://[2002:7f00:1::]/hook",
        "https://[2002:a00:1::1]/hook",
        "https://[64:ff9b::a9fe:a9fe]/hook",
        "https://[::ffff:10.0.0.1]/hook",
        # Site-local, documentation, multicast.
        "https://[fec0::1]/hook",
        "https://[2001:db8::1]/hook",
        "https://224.0.0.1/hook",
        "https://[ff02::1]/hook",
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
    checked = await check_url("https://93.184.216.34/hook")
    assert checked.address == "93.184.216.34"
    assert is_allowed_address("2606:4700::1111")
    assert is_allowed_address("2002:5db8:d822::1")  # 6to4 of a public address
    assert is_allowed_address("64:ff9b::5db8:d822")  # NAT64 of a public address


def _stub(answers: dict[str, list[str]]) -> Any:
    async def resolve(host: str, port: int) -> list[str]:
        if host not in answers:
            raise OSError("no such host")
        return answers[host]

    return resolve


async def test_a_name_with_any_internal_address_is_refused_without_naming_it():
    resolver = _stub({"hooks.partner.test": ["93.184.216.34", "10.20.30.40"]})
    with pytest.raises(UnsafeUrl) as err:
        await check_url("https://hooks.partner.test/hook", resolver=resolver)
    problem = json.dumps(err.value.to_problem("/v1/webhooks"))
    assert "hooks.partner.test" in problem
    assert "10.20.30.40" not in problem and "93.184.216.34" not in problem
    assert err.value.extra["reason"] == "private-address"
    with pytest.raises(UnsafeUrl) as unresolved:
        await check_url("https://nowhere.test/hook", resolver=resolver)
    assert unresolved.value.extra["reason"] == "unresolved"


async def test_the_checked_address_is_the_one_connected_to_with_host_and_sni_kept():
    resolver = _stub({"hooks.partner.test": ["93.184.216.34"]})
    checked = await check_url("https://hooks.partner.test:8443/in?x=1", resolver=resolver)
    url, headers, extensions = pinned(checked)
    assert str(url) == "https://93.184.216.34:8443/in?x=1"
    # Never a pooled connection whose certificate was checked for another name.
    assert headers == {"Host": "hooks.partner.test:8443", "Connection": "close"}
    assert extensions == {"sni_hostname": "hooks.partner.test"}
    v6 = await check_url(
        "https://h6.partner.test/in", resolver=_stub({"h6.partner.test": ["2606:4700::1111"]})
    )
    assert str(pinned(v6)[0]) == "https://[2606:4700::1111]/in"
    # Private targets allowed (development): nothing to pin, the URL goes out as it is.
    dev = await check_url("http://localhost:9/x", allow_private=True, allow_http=True)
    assert pinned(dev) == (httpx.URL("http://localhost:9/x"), {}, {})


def _chained(outer: Exception, inner: Exception) -> Exception:
    outer.__cause__ = inner
    return outer


@pytest.mark.parametrize(
    ("exc", "category"),
    [
        (httpx.ConnectTimeout("timed out connecting to 10.0.0.5:5432"), "timeout"),
        (httpx.ReadTimeout("read timed out"), "timeout"),
        (
            _chained(
                httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] for 10.0.0.5"),
                ssl.SSLCertVerificationError("certificate verify failed"),
            ),
            "tls",
        ),
        (httpx.ConnectError("[Errno 111] Connection refused 10.0.0.5:22"), "connection refused"),
        (httpx.RemoteProtocolError("Server disconnected without response"), "connection broken"),
        (UnicodeEncodeError("ascii", "poison-\xe9", 7, 8, "not ascii"), "invalid request"),
        (httpx.LocalProtocolError("Illegal header value b'x\\n'"), "invalid request"),
        (RuntimeError("anything else at 10.0.0.5"), "delivery error"),
    ],
)
def test_delivery_failures_are_reported_as_categories_never_details(exc, category):
    assert failure_category(exc) == category


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
