"""Embedded mode's first start: a demo merchant and a quickstart a new user can paste."""

from __future__ import annotations

from paycore.errors import MerchantExists
from paycore.use_cases import NewMerchant, RegisterMerchant

DEMO_EMAIL = "demo@paygate.local"
COMMANDS_START = "# --- quickstart: paste into a shell ---"
COMMANDS_END = "# --- end of quickstart ---"


async def ensure_demo_merchant(register: RegisterMerchant) -> NewMerchant | None:
    """The new demo merchant, or None when it was created on an earlier start."""
    try:
        return await register(DEMO_EMAIL)
    except MerchantExists:
        return None


def quickstart(base_url: str, email: str, api_key: str) -> str:
    read = "python3 -c 'import json,sys; print(json.load(sys.stdin)"
    return f"""
Demo merchant created (the API key is shown only this once):
  email:   {email}
  api_key: {api_key}

{COMMANDS_START}
TOKEN=$(curl -s {base_url}/v1/auth/generate_access_token \\
  -H 'Content-Type: application/json' \\
  -d '{{"email": "{email}", "api_key": "{api_key}"}}' \\
  | {read}["data"]["token"]["access"]["token"])')

PAYMENT=$(curl -s {base_url}/v1/payments \\
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
  -H "Idempotency-Key: quickstart-$(date +%s)" \\
  -d '{{"card_number": "4242 4242 4242 4242", "expiry_month": 12, "expiry_year": 2030,
       "cvv": "123", "amount": 1050, "currency": "USD", "reference": "order-123"}}')
echo "$PAYMENT"

PAYMENT_ID=$(echo "$PAYMENT" | {read}["id"])')
curl -s {base_url}/v1/payments/$PAYMENT_ID -H "Authorization: Bearer $TOKEN"; echo
{COMMANDS_END}

API docs: {base_url}/schema/swagger
"""
