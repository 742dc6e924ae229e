"""Documents at rest: AES-256-GCM (``cryptography``), one random 96-bit nonce per document.

Keys come from settings by id (``document_keys``: id -> base64 of 32 bytes); new documents use
``document_key_id`` and the id is stored with each document, so rotating is: add a new key,
make it current, keep the old ones until :func:`financing.documents.service.rekey` has moved
every document (docs/security.md). The storage key is the associated data: a sealed file moved
under another document's key fails to open instead of being served as that document.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Mapping

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12
KEY_BYTES = 32
KEY_ID = re.compile(r"^[A-Za-z0-9._-]{1,40}$")


class DocumentKeyError(ValueError):
    """A configured key is malformed, or a stored document names a key that is not configured."""


def decode_key(key_id: str, encoded: str) -> bytes:
    if not KEY_ID.match(key_id):
        raise DocumentKeyError(f"document key id {key_id!r}: 1-40 of A-Z a-z 0-9 . _ -")
    try:
        raw = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise DocumentKeyError(f"document key {key_id!r} is not base64") from exc
    if len(raw) != KEY_BYTES:
        raise DocumentKeyError(f"document key {key_id!r} must be {KEY_BYTES} bytes")
    return raw


class DocumentCipher:
    def __init__(self, keys: Mapping[str, bytes], current: str) -> None:
        if current not in keys:
            raise DocumentKeyError(f"document_key_id {current!r} is not among document_keys")
        self._aead = {kid: AESGCM(key) for kid, key in keys.items()}
        self.current = current

    @classmethod
    def from_encoded(cls, keys: Mapping[str, str], current: str) -> DocumentCipher:
        return cls({kid: decode_key(kid, value) for kid, value in keys.items()}, current)

    def seal(self, plaintext: bytes, associated: bytes) -> tuple[str, bytes]:
        """(key id, nonce + ciphertext + tag) under the current key."""
        nonce = os.urandom(NONCE_BYTES)
        return self.current, nonce + self._aead[self.current].encrypt(nonce, plaintext, associated)

    def open(self, key_id: str, sealed: bytes, associated: bytes) -> bytes:
        aead = self._aead.get(key_id)
        if aead is None:
            raise DocumentKeyError(f"document key {key_id!r} is not configured")
        try:
            return aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], associated)
        except InvalidTag as exc:
            raise DocumentKeyError("a stored document failed authentication") from exc
