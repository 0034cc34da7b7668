"""A fake acquiring bank with the simulator's card rules, for tests and experiments."""

from __future__ import annotations

from adapters.memory.authorization_hold import AuthorizationHold
from paycore import bank as outcomes
from paycore.acquirer_actions import (
    ActionLookupOutcome,
    ActionOutcome,
    ActionRefused,
    ActionRequest,
)
from paycore.actions import ActionType


class InMemoryBank:
    """A bank that follows the simulator's card rules and honours idempotency keys.

    Card numbers ending in an odd digit are authorized, even ones declined; captures,
    voids and refunds follow the simulator's rules on what each authorization holds.
    Tests can queue outcomes to return instead (`script` for authorizations,
    `action_script` for actions), e.g. Unknown to mimic a timeout.
    """

    def __init__(self, *, supports_lookup: bool = True, supports_actions: bool = True) -> None:
        self.supports_lookup = supports_lookup
        self.supports_actions = supports_actions
        self.script: list[outcomes.BankOutcome] = []
        self.answers: dict[str, outcomes.BankOutcome] = {}
        self.authorize_calls: list[str] = []
        self.lookups: list[str] = []
        self.action_script: list[ActionOutcome] = []
        # Keyed by the action's id, as the simulator records its Idempotency-Key.
        self.action_answers: dict[str, ActionOutcome] = {}
        self.action_calls: list[tuple[ActionType, str]] = []
        self.holds: dict[str, AuthorizationHold] = {}

    async def authorize(self, request: outcomes.AuthorizationRequest) -> outcomes.BankOutcome:
        self.authorize_calls.append(request.idempotency_key)
        if self.script:
            return self.script.pop(0)
        if request.idempotency_key not in self.answers:
            last_digit = int(request.card.number[-1])
            outcome: outcomes.BankOutcome = outcomes.Declined()
            if last_digit % 2:
                code = f"auth-{len(self.answers) + 1}"
                outcome = outcomes.Authorized(code)
                self.holds[code] = AuthorizationHold(request.amount.minor)
            self.answers[request.idempotency_key] = outcome
        return self.answers[request.idempotency_key]

    async def lookup(self, idempotency_key: str) -> outcomes.LookupOutcome:
        self.lookups.append(idempotency_key)
        if not self.supports_lookup:
            return outcomes.LookupUnsupported()
        return self.answers.get(idempotency_key, outcomes.NotFound())

    async def capture(self, request: ActionRequest) -> ActionOutcome:
        return self._act(ActionType.CAPTURE, request)

    async def void(self, request: ActionRequest) -> ActionOutcome:
        return self._act(ActionType.VOID, request)

    async def refund(self, request: ActionRequest) -> ActionOutcome:
        return self._act(ActionType.REFUND, request)

    async def lookup_action(self, action_id: str) -> ActionLookupOutcome:
        self.lookups.append(action_id)
        if not self.supports_lookup:
            return outcomes.LookupUnsupported()
        return self.action_answers.get(action_id, outcomes.NotFound())

    @property
    def authorizations(self) -> int:
        """How many distinct charges the bank made."""
        return sum(isinstance(o, outcomes.Authorized) for o in self.answers.values())

    @property
    def applied_actions(self) -> int:
        """How many distinct actions the bank decided (a replayed key counts once)."""
        return len(self.action_answers)

    def _act(self, action: ActionType, request: ActionRequest) -> ActionOutcome:
        self.action_calls.append((action, request.action_id))
        if self.action_script:
            return self.action_script.pop(0)
        if request.action_id not in self.action_answers:
            hold = self.holds.get(request.authorization_code or "")
            if hold is None:
                return ActionRefused("unknown_authorization")
            amount = None if action is ActionType.VOID else request.amount.minor
            self.action_answers[request.action_id] = hold.apply(action, amount)
        return self.action_answers[request.action_id]
