"""A fake acquiring bank with the simulator's card rules, for tests and experiments."""

from __future__ import annotations

from paycore import bank as outcomes


class InMemoryBank:
    """A bank that follows the simulator's card rules and honours idempotency keys.

    Card numbers ending in an odd digit are authorized, even ones declined. Tests can
    queue outcomes to return instead (`script`), e.g. Unknown to mimic a timeout.
    """

    def __init__(self, *, supports_lookup: bool = True) -> None:
        self.supports_lookup = supports_lookup
        self.script: list[outcomes.BankOutcome] = []
        self.answers: dict[str, outcomes.BankOutcome] = {}
        self.authorize_calls: list[str] = []
        self.lookups: list[str] = []

    async def authorize(self, request: outcomes.AuthorizationRequest) -> outcomes.BankOutcome:
        self.authorize_calls.append(request.idempotency_key)
        if self.script:
            return self.script.pop(0)
        if request.idempotency_key not in self.answers:
            last_digit = int(request.card.number[-1])
            outcome: outcomes.BankOutcome = (
                outcomes.Authorized(f"auth-{len(self.answers) + 1}")
                if last_digit % 2
                else outcomes.Declined()
            )
            self.answers[request.idempotency_key] = outcome
        return self.answers[request.idempotency_key]

    async def lookup(self, idempotency_key: str) -> outcomes.LookupOutcome:
        self.lookups.append(idempotency_key)
        if not self.supports_lookup:
            return outcomes.LookupUnsupported()
        return self.answers.get(idempotency_key, outcomes.NotFound())

    @property
    def authorizations(self) -> int:
        """How many distinct charges the bank made."""
        return sum(isinstance(o, outcomes.Authorized) for o in self.answers.values())
