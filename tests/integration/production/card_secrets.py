"""The card numbers this package pays with, and how to find them (or the CVV) in stored bytes.

PAN: every form a number was or could be sent in (digits, spaced and hyphenated groups of
four) and its first 12 digits are searched as raw substrings. A 12+ digit string cannot
occur by chance in ids, hashes or timestamps at any rate that matters (< 16^-12 per position).

CVV: a raw substring search for 4 digits would flake here, unlike in tests/integration/storage
whose inputs are deterministic: real processes write random UUIDv7s (each has a random
4-hex-digit group: a 1 in 65,536 chance of equalling any 4 digits), random hashes and real
timestamps. So the CVV is looked for as a whole token: the bytes minus UUIDs, split on every
non-alphanumeric character, must not contain a token equal to it. That is what a stored CVV
would look like (a column value, a JSON string or number, `cvv=...` in a text), while a token
of exactly these four digits does not occur by chance: the CVV (9317) is no year, amount,
last4 or port used here, timestamps' other fields have 2 or 6 digits (a trimmed 4-digit
fraction would have to equal it: ~1e-6 per timestamp), and a 4-digit token inside a base64
or hex value needs separators on both sides (~1e-10 per position).
"""

from __future__ import annotations

import re

from tests.integration.production.clients import CVV

# Luhn-valid numbers, each used by one test (see src/banksim/TEST_CARDS.md), so balances
# are per test.
IDEMPOTENCY_CARD = "5555555555554444"
WORKERS_CARD = "4242424242424242"
REDIS_OUTAGE_CARD = "378282246310005"
POSTGRES_KILL_CARD = "4000056655665556"
BANK_HANG_CARD = "6011111111111117"
STORM_CARD = "371449635398431"
LIFECYCLE_CARD = "4111111111111111"
CONCURRENT_REFUNDS_CARD = "4012888888881881"
AT_REST_CARDS = ("2223 0031 2200 3222", "6205-5000-0000-0000-004", "36227206271667")
ALL_CARDS = (
    IDEMPOTENCY_CARD,
    WORKERS_CARD,
    REDIS_OUTAGE_CARD,
    POSTGRES_KILL_CARD,
    BANK_HANG_CARD,
    STORM_CARD,
    LIFECYCLE_CARD,
    CONCURRENT_REFUNDS_CARD,
    *AT_REST_CARDS,
)

_UUID = re.compile(rb"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_TOKEN = re.compile(rb"[A-Za-z0-9]+")


def pan_forms(card: str) -> set[bytes]:
    digits = card.replace(" ", "").replace("-", "")
    groups = [digits[i : i + 4] for i in range(0, len(digits), 4)]
    return {
        form.encode() for form in (card, digits, digits[:12], " ".join(groups), "-".join(groups))
    }


FORBIDDEN_PANS = frozenset(form for card in ALL_CARDS for form in pan_forms(card))


def pan_leaks(data: bytes) -> list[bytes]:
    return sorted(form for form in FORBIDDEN_PANS if form in data)


def cvv_tokens(data: bytes) -> list[bytes]:
    """Every whole token of `data` (UUIDs aside) that equals the CVV."""
    return [token for token in _TOKEN.findall(_UUID.sub(b" ", data)) if token == CVV.encode()]


def leaks(data: bytes) -> list[bytes]:
    return pan_leaks(data) + cvv_tokens(data)
