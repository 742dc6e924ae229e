"""The issuer's signing key (Ed25519) and its public JWKS.

Production loads a PEM from settings; development and tests generate one at start-up (tokens
then do not survive a restart, which is fine there). The key id is the RFC 7638 thumbprint.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from registry.settings import RegistrySettings

log = logging.getLogger(__name__)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


class SigningKeys:
    algorithm = "EdDSA"

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self.private_key = private_key
        raw = private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self._public_jwk: dict[str, Any] = {"crv": "Ed25519", "kty": "OKP", "x": _b64(raw)}
        canonical = json.dumps(self._public_jwk, separators=(",", ":"), sort_keys=True)
        self.kid = _b64(hashlib.sha256(canonical.encode()).digest())

    @classmethod
    def from_settings(cls, settings: RegistrySettings) -> SigningKeys:
        pem: bytes | None = None
        if settings.signing_key_pem is not None:
            pem = settings.signing_key_pem.get_secret_value().encode()
        elif settings.signing_key_file is not None:
            pem = settings.signing_key_file.read_bytes()
        if pem is None:
            log.warning("no signing key configured: generated an ephemeral one")
            return cls(Ed25519PrivateKey.generate())
        key = serialization.load_pem_private_key(pem, password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("the signing key must be an Ed25519 private key")
        return cls(key)

    def jwks(self) -> dict[str, Any]:
        return {"keys": [{**self._public_jwk, "kid": self.kid, "use": "sig", "alg": "EdDSA"}]}


def generate_pem() -> bytes:
    """A new Ed25519 private key as PKCS#8 PEM (what the CLI writes for a development stack)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
