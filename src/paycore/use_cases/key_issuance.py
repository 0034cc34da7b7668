"""Making a merchant's API key: the secret is returned once, only its hash is staged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from paycore.api_key import ApiKey, IssuedApiKey
from paycore.auth_ports import ApiKeys
from paycore.ports import IdGenerator, UnitOfWork

VISIBLE_TAIL = 4


def prefix_of(secret: str) -> str:
    """The key's kind as a person reads it: `sk_` (or `pk_` for the first keys)."""
    kind, underscore, _ = secret.partition("_")
    return kind + underscore if underscore else ""


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyIssuer:
    keys: ApiKeys
    ids: IdGenerator

    async def issue(self, uow: UnitOfWork, merchant_id: str, now: datetime) -> IssuedApiKey:
        secret = self.keys.generate()
        key = ApiKey(
            id=self.ids.new_id(),
            merchant_id=merchant_id,
            hash=self.keys.hash(secret),
            prefix=prefix_of(secret),
            last4=secret[-VISIBLE_TAIL:],
            created_at=now,
        )
        await uow.api_keys.add(key)
        return IssuedApiKey(key, secret)
