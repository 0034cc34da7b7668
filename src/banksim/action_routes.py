"""The follow-up routes: POST /payments/{authorization_code}/captures|refunds|voids and
GET /actions/{idempotency_key} (absent in plain mode)."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.handlers import HTTPRouteHandler
from litestar.params import FromPath

from banksim.action_answers import ActionKind, action_body
from banksim.action_desk import ActionDesk
from banksim.json_bodies import BadRequest, decode_amount, error_body
from banksim.web import idempotency_key as header_key
from banksim.web import json_response

_UNKNOWN_KEY = error_body("unknown idempotency key", code="unknown_key")


def action_routes(desk: ActionDesk) -> list[HTTPRouteHandler]:
    return [*(_action_route(desk, kind) for kind in ActionKind), _lookup_route(desk)]


def _action_route(desk: ActionDesk, kind: ActionKind) -> HTTPRouteHandler:
    # A void takes no amount: whatever body it carries is ignored.
    takes_amount = kind is not ActionKind.VOID

    @post(f"/payments/{{authorization_code:str}}/{kind.route}", status_code=200)
    async def act(
        authorization_code: FromPath[str], request: Request[Any, Any, Any]
    ) -> Response[bytes]:
        try:
            amount = decode_amount(await request.body()) if takes_amount else None
            key = header_key(request.headers)
        except BadRequest as error:
            return json_response(400, error_body(str(error)))
        answer = await desk.act(kind, authorization_code, amount, key)
        return json_response(answer.http_status, action_body(answer))

    return act


def _lookup_route(desk: ActionDesk) -> HTTPRouteHandler:
    @get("/actions/{idempotency_key:str}")
    async def lookup(idempotency_key: FromPath[str]) -> Response[bytes]:
        answer = await desk.lookup(idempotency_key)
        if answer is None:
            return json_response(404, _UNKNOWN_KEY)
        return json_response(answer.http_status, action_body(answer))

    return lookup
