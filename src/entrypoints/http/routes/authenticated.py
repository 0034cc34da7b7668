"""What every route a merchant calls with its access token declares: the merchant id as a
dependency (a bad token stops the request there) and the bearer security requirement.
The payment routes also spend the merchant's rate-limit budget (429 once it is spent)."""

from __future__ import annotations

from typing import Any

from litestar.di import Provide

from entrypoints.http.auth import SECURITY, current_merchant_id
from entrypoints.http.rate_limiting import rate_limited_merchant_id

AUTHENTICATED: dict[str, Any] = {
    "dependencies": {"merchant_id": Provide(current_merchant_id)},
    "security": SECURITY,
}
RATE_LIMITED: dict[str, Any] = {
    "dependencies": {"merchant_id": Provide(rate_limited_merchant_id)},
    "security": SECURITY,
}
