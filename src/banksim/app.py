"""The bank simulator's HTTP API (API.md section 5), assembled by a factory."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Request, Response, get, post
from litestar.handlers import HTTPRouteHandler
from litestar.params import FromPath

from banksim.action_desk import ActionDesk
from banksim.action_routes import action_routes
from banksim.authorizations import Authorizations
from banksim.bank import Bank
from banksim.desk import PaymentDesk
from banksim.faults import Faults
from banksim.follow_ups import FollowUps
from banksim.json_bodies import (
    BadRequest,
    account_body,
    answer_body,
    decode_charge,
    error_body,
    record_body,
)
from banksim.ledger import Ledger
from banksim.metrics import BankMetrics
from banksim.replays import Replays
from banksim.settings import BanksimSettings
from banksim.web import idempotency_key as header_key
from banksim.web import json_response

_HEALTHY = b'{"status":"ok"}'
_UNKNOWN_KEY = error_body("unknown idempotency key", code="unknown_key")
_UNKNOWN_ACCOUNT = error_body("unknown account", code="unknown_account")


def create_app(settings: BanksimSettings) -> Litestar:
    """Plain mode serves only the base contract: no idempotency, lookups, balances or
    follow-up actions."""
    faults, metrics = Faults(settings), BankMetrics()
    if settings.plain:
        desk = PaymentDesk(Bank(None), faults, None, metrics)
        handlers = [_health, metrics.route(), _authorize_route(desk, honour_keys=False)]
        return Litestar(route_handlers=handlers, openapi_config=None, logging_config=None)
    ledger, authorizations = Ledger(), Authorizations()
    desk = PaymentDesk(Bank(ledger, authorizations), faults, Replays(), metrics)
    actions = ActionDesk(FollowUps(authorizations, ledger), faults, Replays(), metrics)
    handlers = [
        _health,
        metrics.route(),
        _authorize_route(desk, honour_keys=True),
        _lookup_route(desk),
        _account_route(ledger),
        *action_routes(actions),
    ]
    return Litestar(route_handlers=handlers, openapi_config=None, logging_config=None)


@get("/health", sync_to_thread=False)
def _health() -> Response[bytes]:
    return json_response(200, _HEALTHY)


def _authorize_route(desk: PaymentDesk, honour_keys: bool) -> HTTPRouteHandler:
    @post("/payments")
    async def authorize(request: Request[Any, Any, Any]) -> Response[bytes]:
        try:
            charge = decode_charge(await request.body())
            key = header_key(request.headers) if honour_keys else None
        except BadRequest as error:
            return json_response(400, error_body(str(error)))
        answer = await desk.authorize(charge, key)
        return json_response(answer.http_status, answer_body(answer))

    return authorize


def _lookup_route(desk: PaymentDesk) -> HTTPRouteHandler:
    @get("/payments/{idempotency_key:str}")
    async def lookup(idempotency_key: FromPath[str]) -> Response[bytes]:
        answer = await desk.lookup(idempotency_key)
        if answer is None:
            return json_response(404, _UNKNOWN_KEY)
        return json_response(200, record_body(answer))

    return lookup


def _account_route(ledger: Ledger) -> HTTPRouteHandler:
    @get("/accounts/{card_number:str}", sync_to_thread=False)
    def account(card_number: FromPath[str]) -> Response[bytes]:
        card = ledger.card(card_number.replace(" ", "").replace("-", ""))
        balances = ledger.balances(card.number) if card is not None else None
        held = ledger.held(card.number) if card is not None else None
        if card is None or balances is None or held is None:
            return json_response(404, _UNKNOWN_ACCOUNT)
        return json_response(200, account_body(card, balances, held))

    return account
