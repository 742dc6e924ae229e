"""Signing-key rotation (issue 17): a new key is in the JWKS before it signs, and tokens signed
by the old key keep verifying until the old key is retired (after they expired). Each step is a
registry restart on the key files ``kopmod rotate-signing-key`` writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest

from kopmod_shared.auth import Role
from kopmod_shared.testing import running, truncate_all
from registry.identity.keys import KeyFiles, generate_pem
from registry.main import create_app
from registry.settings import RegistrySettings

from ..conftest import ISSUER, make_api_client, token_for


async def _restart(settings: RegistrySettings, folder: Path, run: Any) -> Any:
    files = KeyFiles(folder)
    app = create_app(
        settings.model_copy(
            update={
                "signing_key_file": files.active,
                "signing_key_next_file": files.next,
                "signing_key_previous_file": files.previous,
            }
        )
    )
    async with running(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=ISSUER) as client:
            return await run(app, client)


def _kids(jwks: dict[str, Any]) -> list[str]:
    return [k["kid"] for k in jwks["keys"]]


async def test_rotation_publishes_before_signing_and_keeps_old_tokens_valid(
    settings: RegistrySettings, tmp_path: Path
) -> None:
    files = KeyFiles(tmp_path)
    files.active.write_bytes(generate_pem())

    async def issue(app: Any, client: httpx.AsyncClient) -> tuple[str, list[str]]:
        secret = await make_api_client(app, "rotating-admin", Role.admin)
        token = await token_for(client, "rotating-admin", secret)
        jwks = (await client.get("/.well-known/jwks.json")).json()
        return token, _kids(jwks)

    try:
        old_token, kids = await _restart(settings, tmp_path, issue)
        [old_kid] = kids
        assert jwt.get_unverified_header(old_token)["kid"] == old_kid

        # Stage: the next key is published, the old one still signs.
        new_kid = files.stage()
        token, kids = await _restart(settings, tmp_path, issue)
        assert kids == [old_kid, new_kid]
        assert jwt.get_unverified_header(token)["kid"] == old_kid

        # Promote: the new key signs; the old one is still published, so its tokens verify.
        assert files.promote() == new_kid

        async def after_promotion(app: Any, client: httpx.AsyncClient) -> tuple[Any, ...]:
            token, kids = await issue(app, client)
            old = await client.get("/v1/cooperatives", headers=_bearer(old_token))
            new = await client.get("/v1/cooperatives", headers=_bearer(token))
            return token, kids, old, new

        token, kids, old, new = await _restart(settings, tmp_path, after_promotion)
        assert kids == [new_kid, old_kid]
        assert jwt.get_unverified_header(token)["kid"] == new_kid
        assert old.status_code == 200, old.text
        assert new.status_code == 200, new.text

        # Retire: the old key is gone from the JWKS and its tokens no longer verify.
        assert files.retire() == old_kid

        async def after_retirement(app: Any, client: httpx.AsyncClient) -> tuple[Any, ...]:
            jwks = (await client.get("/.well-known/jwks.json")).json()
            return _kids(jwks), await client.get("/v1/cooperatives", headers=_bearer(old_token))

        kids, refused = await _restart(settings, tmp_path, after_retirement)
        assert kids == [new_kid]
        assert refused.status_code == 401
        assert "unknown key" in refused.json()["detail"]
    finally:
        engine_app = create_app(settings)
        async with running(engine_app):
            await truncate_all(engine_app.state.engine)


def test_rotation_steps_refuse_out_of_order(tmp_path: Path) -> None:
    files = KeyFiles(tmp_path)
    files.active.write_bytes(generate_pem())
    with pytest.raises(ValueError, match="stage a key"):
        files.promote()
    files.stage()
    with pytest.raises(ValueError, match="promote it first"):
        files.stage()
    files.promote()
    files.stage()
    with pytest.raises(ValueError, match="retire it first"):
        files.promote()
    assert files.retire() is not None
    assert files.retire() is None


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
