"""Standard Webhooks 1.0 signing and verification (the ``standardwebhooks`` package)."""

from __future__ import annotations

import base64
import secrets
from datetime import datetime
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from kopmod_shared.errors import Unauthorized


def new_secret() -> str:
    """A ``whsec_`` secret: 32 random bytes, base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def sign_headers(
    message_id: str, timestamp: datetime, body: str, secrets_: list[str]
) -> dict[str, str]:
    """Headers for one delivery; during a rotation every live secret signs (space-separated)."""
    signatures = " ".join(Webhook(s).sign(message_id, timestamp, body) for s in secrets_)
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signatures,
        "content-type": "application/json",
    }


def verify(body: bytes | str, headers: Any, secrets_: list[str]) -> Any:
    """Verify with any of ``secrets_``; raise 401 if none matches or the timestamp is off."""
    plain = {k.lower(): v for k, v in dict(headers).items()}
    last: Exception | None = None
    for secret in secrets_:
        try:
            return Webhook(secret).verify(body, plain)
        except WebhookVerificationError as exc:
            last = exc
    raise Unauthorized(f"webhook signature refused: {last}", error="invalid_token")
