"""TokenVerifier remembers a verified token until it expires, and only that exact token."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import jwt
import pytest

from kopmod_shared.auth import TokenVerifier
from kopmod_shared.errors import Unauthorized
from kopmod_shared.testing import TestIssuer


class CountingKeys:
    def __init__(self, issuer: TestIssuer) -> None:
        self.source = issuer.key_source()
        self.calls = 0

    async def get_key(self, kid: str | None) -> Any:
        self.calls += 1
        return await self.source.get_key(kid)


def verifier(issuer: TestIssuer, **kw: Any) -> tuple[TokenVerifier, CountingKeys]:
    keys = CountingKeys(issuer)
    return TokenVerifier(issuer=issuer.issuer, audience="kopmod", keys=keys, **kw), keys


async def test_a_verified_token_is_not_verified_again() -> None:
    issuer = TestIssuer()
    v, keys = verifier(issuer)
    token = issuer.token("admin", sub="a")
    first = await v.verify(token)
    again = await v.verify(token)
    assert again is first and keys.calls == 1
    other = await v.verify(issuer.token("admin", sub="b"))
    assert other.client_id == "b" and keys.calls == 2


async def test_an_expired_token_is_refused_even_after_a_hit() -> None:
    issuer = TestIssuer()
    v, _ = verifier(issuer, leeway=0)
    token = issuer.token("admin", ttl=timedelta(seconds=-1))
    with pytest.raises(Unauthorized):
        await v.verify(token)
    # A cached entry past its expiry is dropped and the token verified (and refused) again.
    fresh = issuer.token("admin", ttl=timedelta(minutes=5))
    await v.verify(fresh)
    v._verified[fresh] = (0.0, v._verified[fresh][1])
    assert (await v.verify(fresh)).role.value == "admin"


async def test_a_tampered_token_is_never_a_hit() -> None:
    issuer = TestIssuer()
    v, _ = verifier(issuer)
    token = issuer.token("admin")
    await v.verify(token)
    header, payload, signature = token.split(".")
    forged = jwt.encode(
        {**jwt.decode(token, options={"verify_signature": False}), "role": "ministry"},
        "x" * 32,
        algorithm="HS256",
    )
    # Change a character in the middle of the signature: every bit of it counts (the last
    # base64 character carries padding bits, so changing it may leave the bytes the same).
    flipped = "A" if signature[10] != "A" else "B"
    tampered = f"{header}.{payload}.{signature[:10]}{flipped}{signature[11:]}"
    for bad in (tampered, forged):
        with pytest.raises(Unauthorized):
            await v.verify(bad)


async def test_the_cache_is_bounded() -> None:
    issuer = TestIssuer()
    v, _ = verifier(issuer, cache_size=3)
    for n in range(5):
        await v.verify(issuer.token("admin", sub=f"c{n}"))
    assert len(v._verified) == 3
