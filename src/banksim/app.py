"""The bank simulator's HTTP API (API.md section 5), assembled by a factory."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Request, Response, get, post
from litestar.datastructures import Headers
from litestar.handlers import HTTPRouteHandler
from litestar.params import FromPath

from banksim.bank import Bank
from banksim.desk import PaymentDesk
from banksim.faults import Faults
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

_HEALTHY = b'{"status":"ok"}'
_UNKNOWN_KEY = error_body("unknown idempotency key", code="unknown_key")
_UNKNOWN_ACCOUNT = error_body("unknown account", code="unknown_account")


def create_app(settings: BanksimSettings) -> Litestar:
    """Plain mode serves only the base contract: no idempotency, lookups or balances."""
    ledger = None if settings.plain else Ledger()
    replays = None if settings.plain else Replays()
    metrics = BankMetrics()
    desk = PaymentDesk(Bank(ledger), Faults(settings), replays, metrics)
    handlers = [_health, metrics.route(), _authorize_route(desk, honour_keys=not settings.plain)]
    if ledger is not None:
        handlers += [_lookup_route(desk), _account_route(ledger)]
    return Litestar(route_handlers=handlers, openapi_config=None, logging_config=None)


def _json(status: int, body: bytes) -> Response[bytes]:
    return Response(body, status_code=status, media_type="application/json")


@get("/health", sync_to_thread=False)
def _health() -> Response[bytes]:
    return _json(200, _HEALTHY)


def _authorize_route(desk: PaymentDesk, honour_keys: bool) -> HTTPRouteHandler:
    @post("/payments")
    async def authorize(request: Request[Any, Any, Any]) -> Response[bytes]:
        try:
            charge = decode_charge(await request.body())
            key = _idempotency_key(request.headers) if honour_keys else None
        except BadRequest as error:
            return _json(400, error_body(str(error)))
        answer = await desk.authorize(charge, key)
        return _json(answer.http_status, answer_body(answer))

    return authorize


def _idempotency_key(headers: Headers) -> str | None:
    key = headers.get("idempotency-key")
    if key is not None and not (0 < len(key) <= 255 and key.isprintable()):
        raise BadRequest("Idempotency-Key must be 1 to 255 printable characters")
    return key


def _lookup_route(desk: PaymentDesk) -> HTTPRouteHandler:
    @get("/payments/{idempotency_key:str}")
    async def lookup(idempotency_key: FromPath[str]) -> Response[bytes]:
        answer = await desk.lookup(idempotency_key)
        if answer is None:
            return _json(404, _UNKNOWN_KEY)
        return _json(200, record_body(answer))

    return lookup


def _account_route(ledger: Ledger) -> HTTPRouteHandler:
    @get("/accounts/{card_number:str}", sync_to_thread=False)
    def account(card_number: FromPath[str]) -> Response[bytes]:
        card = ledger.card(card_number.replace(" ", "").replace("-", ""))
        balances = ledger.balances(card.number) if card is not None else None
        if card is None or balances is None:
            return _json(404, _UNKNOWN_ACCOUNT)
        return _json(200, account_body(card, balances))

    return account
