"""The issuer's signing key (Ed25519) and its public JWKS.

Production loads a PEM from settings; development and tests generate one at start-up (tokens
then do not survive a restart, which is fine there). The key id is the RFC 7638 thumbprint.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from registry.settings import RegistrySettings

log = logging.getLogger(__name__)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _public_jwk(private_key: Ed25519PrivateKey) -> dict[str, Any]:
    """The public JWK with its RFC 7638 thumbprint as ``kid``."""
    raw = private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    jwk: dict[str, Any] = {"crv": "Ed25519", "kty": "OKP", "x": _b64(raw)}
    canonical = json.dumps(jwk, separators=(",", ":"), sort_keys=True)
    return {**jwk, "kid": _b64(hashlib.sha256(canonical.encode()).digest())}


def _load(pem: bytes) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("the signing key must be an Ed25519 private key")
    return key


class SigningKeys:
    algorithm = "EdDSA"

    def __init__(
        self, private_key: Ed25519PrivateKey, also_published: tuple[Ed25519PrivateKey, ...] = ()
    ) -> None:
        self.private_key = private_key
        jwk = _public_jwk(private_key)
        self.kid: str = jwk.pop("kid")
        self._public_jwk = jwk
        # Published, never used to sign: the next key (before it signs) and the previous one
        # (until the tokens it signed expire).
        self._also_published = [_public_jwk(k) for k in also_published]

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
        others = tuple(
            _load(path.read_bytes())
            for path in (settings.signing_key_next_file, settings.signing_key_previous_file)
            if path is not None and path.exists()
        )
        return cls(_load(pem), others)

    def jwks(self) -> dict[str, Any]:
        keys = [{**self._public_jwk, "kid": self.kid}, *self._also_published]
        return {"keys": [{**k, "use": "sig", "alg": "EdDSA"} for k in keys]}


class KeyFiles:
    """Rotation of the key files of a data dir (``kopmod up``) or a Secret's items:
    ``signing-key.pem`` signs, ``signing-key.next.pem`` is published before it signs,
    ``signing-key.previous.pem`` stays published after it signed. Each step needs a registry
    restart (a rolling one on Kubernetes) to take effect."""

    def __init__(self, folder: Path) -> None:
        self.active = folder / "signing-key.pem"
        self.next = folder / "signing-key.next.pem"
        self.previous = folder / "signing-key.previous.pem"

    def stage(self) -> str:
        """Write a next key (published from the next restart on); its key id."""
        if self.next.exists():
            raise ValueError(f"{self.next} exists: promote it first")
        _write(self.next, generate_pem())
        return _public_jwk(_load(self.next.read_bytes()))["kid"]

    def promote(self) -> str:
        """The next key signs; the active one becomes previous (still published)."""
        if not self.next.exists():
            raise ValueError(f"no {self.next}: stage a key and wait for verifiers to see it")
        if self.previous.exists():
            raise ValueError(f"{self.previous} exists: retire it first")
        self.active.replace(self.previous)
        self.next.replace(self.active)
        return _public_jwk(_load(self.active.read_bytes()))["kid"]

    def retire(self) -> str | None:
        """Stop publishing the previous key (once the tokens it signed have expired)."""
        if not self.previous.exists():
            return None
        kid: str = _public_jwk(_load(self.previous.read_bytes()))["kid"]
        self.previous.unlink()
        return kid


def _write(path: Path, pem: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pem)
    path.chmod(0o600)


def generate_pem() -> bytes:
    """A new Ed25519 private key as PKCS#8 PEM (what the CLI writes for a development stack)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
