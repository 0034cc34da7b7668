"""HttpAcquiringBank: the AcquiringBank and AcquirerActions ports over the bank's HTTP API
(API.md section 5)."""

from __future__ import annotations

import random
from urllib.parse import quote

import structlog

from adapters.bank.action_replies import (
    action_lookup_reply,
    action_reply,
    encode_amount,
    is_missing_route,
)
from adapters.bank.breaker import BreakerState
from adapters.bank.caller import BankCaller
from adapters.bank.config import BankClientConfig
from adapters.bank.observer import BankObserver, NullObserver, Operation
from adapters.bank.replies import Reply, authorization_reply, encode_charge, lookup_reply
from paycore.acquirer_actions import ActionLookupOutcome, ActionOutcome, ActionRequest
from paycore.bank import AuthorizationRequest, BankOutcome, LookupOutcome

log = structlog.get_logger("adapters.bank")


class HttpAcquiringBank:
    """One pooled HTTP client, retries only where repeating is safe, a breaker.

    Construction does no I/O and needs no event loop (see BankCaller).
    """

    def __init__(
        self,
        config: BankClientConfig,
        *,
        observer: BankObserver | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._caller = BankCaller(config, observer or NullObserver(), rng or random.Random())  # noqa: S311
        self._supports_actions = config.actions

    @property
    def breaker_state(self) -> BreakerState:
        return self._caller.breaker_state

    @property
    def supports_actions(self) -> bool:
        """Configured, and turned off for the process by the first sign that the bank has
        no action routes (an authorize-only bank)."""
        return self._supports_actions

    async def start(self) -> None:
        """Optional: create the HTTP client and the breaker now rather than on first use."""
        await self._caller.start()

    async def aclose(self) -> None:
        await self._caller.aclose()

    async def authorize(self, request: AuthorizationRequest) -> BankOutcome:
        key = request.idempotency_key
        # The same key on every attempt: the bank answers a repeat with its first answer.
        headers = {"Idempotency-Key": key}
        body = encode_charge(request)
        context = {"payment_id": key, "card_last4": request.card.number[-4:]}
        return await self._caller.call(
            "authorize", "POST", "/payments", authorization_reply, context, headers, body
        )

    async def lookup(self, idempotency_key: str) -> LookupOutcome:
        path = f"/payments/{quote(idempotency_key, safe='')}"
        context = {"payment_id": idempotency_key}
        return await self._caller.call("lookup", "GET", path, lookup_reply, context, {})

    async def capture(self, request: ActionRequest) -> ActionOutcome:
        return await self._act("capture", "captures", request, encode_amount(request.amount.minor))

    async def void(self, request: ActionRequest) -> ActionOutcome:
        return await self._act("void", "voids", request, None)

    async def refund(self, request: ActionRequest) -> ActionOutcome:
        return await self._act("refund", "refunds", request, encode_amount(request.amount.minor))

    async def lookup_action(self, action_id: str) -> ActionLookupOutcome:
        path = f"/actions/{quote(action_id, safe='')}"
        context = {"action_id": action_id}
        return await self._caller.call(
            "lookup_action", "GET", path, action_lookup_reply, context, {}
        )

    async def _act(
        self, operation: Operation, route: str, request: ActionRequest, body: bytes | None
    ) -> ActionOutcome:
        code = quote(request.authorization_code or "", safe="")
        path = f"/payments/{code}/{route}"
        # The action's id on every attempt: the bank applies a repeat at most once.
        headers = {"Idempotency-Key": request.action_id, "Content-Type": "application/json"}
        context = {"payment_id": request.payment_id, "action_id": request.action_id}

        def read(status: int, content: bytes) -> Reply[ActionOutcome]:
            if is_missing_route(status, content):
                self._no_action_routes()
            return action_reply(status, content)

        return await self._caller.call(operation, "POST", path, read, context, headers, body)

    def _no_action_routes(self) -> None:
        if self._supports_actions:
            log.warning("bank.actions.unsupported", detail="the bank has no action routes")
        self._supports_actions = False
