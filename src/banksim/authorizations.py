"""The open authorizations by code: what each may still capture and refund."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Authorization:
    card_number: str | None
    """A funded card's number, whose balances follow the money; None for any other card."""
    currency: str
    amount: int
    captured: int = 0
    refunded: int = 0
    voided: bool = False
    capture_closed: bool = False
    """A refund ended the capturing (as Stripe and Checkout.com do): the rest was released."""

    @property
    def left_to_capture(self) -> int:
        return 0 if self.voided or self.capture_closed else self.amount - self.captured

    @property
    def left_to_refund(self) -> int:
        return self.captured - self.refunded


class Authorizations:
    """The oldest authorizations are forgotten past `max_codes`, so a long benchmark cannot
    exhaust memory; a follow-up on a forgotten code is answered as an unknown one."""

    def __init__(self, max_codes: int = 1_000_000) -> None:
        self._max_codes = max_codes
        self._by_code: dict[str, Authorization] = {}

    def open(self, code: str, authorization: Authorization) -> None:
        self._by_code[code] = authorization
        if len(self._by_code) > self._max_codes:
            del self._by_code[next(iter(self._by_code))]

    def get(self, code: str) -> Authorization | None:
        return self._by_code.get(code)
