"""Endpoint signing secrets: made here, stored only encrypted (AES-256-GCM).

The key comes from PAYGATE_WEBHOOK_KEY, else from PAYGATE_JWT_SECRET; either way HKDF
derives the AES key from it, so the same text never serves two purposes. The endpoint's
id is the associated data: a ciphertext copied onto another endpoint does not decrypt.
"""

from __future__ import annotations

import os
import secrets

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_NONCE_BYTES = 12
_INFO = b"paygate webhook endpoint secrets"


class AesGcmEndpointSecrets:
    def __init__(self, key_material: bytes) -> None:
        if len(key_material) < 32:
            raise ValueError("the webhook key must be at least 32 bytes")
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(key_material)
        self._aead = AESGCM(key)

    def new_secret(self) -> str:
        return "whsec_" + secrets.token_urlsafe(32)

    def seal(self, endpoint_id: str, secret: str) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, secret.encode(), endpoint_id.encode())

    def unseal(self, endpoint_id: str, ciphertext: bytes) -> str:
        nonce, sealed = ciphertext[:_NONCE_BYTES], ciphertext[_NONCE_BYTES:]
        return self._aead.decrypt(nonce, sealed, endpoint_id.encode()).decode()
