"""What each operation takes and answers, keyed by operationId (set on the route decorators):
request bodies, parameter schemas, every response with its headers and real examples."""

from __future__ import annotations

from typing import Any

from entrypoints.http.body import MAX_BODY_BYTES
from entrypoints.http.openapi import examples as ex
from entrypoints.http.openapi.examples import example
from entrypoints.http.openapi.schemas import METADATA, Json, ref
from entrypoints.http.responses import JSON, PROBLEM_JSON

BEARER = [{"BearerToken": []}, {"LegacyBearerToken": []}]
TAGS = [
    {
        "name": "Authentication",
        "description": "Exchange a merchant's email and API key for tokens, and rotate them. "
        "Errors use the `{success: false, message}` envelope.",
    },
    {
        "name": "Payments",
        "description": "The payment resource. Errors are RFC 9457 problems "
        "(`application/problem+json`).",
    },
    {
        "name": "Legacy",
        "description": "The original design's routes and `{success, data}` envelopes, kept for "
        "existing clients: amounts in major units (10.50). New integrations use Payments.",
    },
    {"name": "Operations", "description": "Liveness, readiness and Prometheus metrics."},
]


def header(name: str) -> Json:
    return {"$ref": f"#/components/headers/{name}"}


HEADERS: dict[str, Json] = {
    "X-Request-ID": {
        "description": "The request's id, on every response: the client's own X-Request-ID "
        "when it is 1-128 characters of `A-Z a-z 0-9 . _ : / + = -`, else a new one. "
        "Quote it when asking about a request; every log line of the request carries it.",
        "required": True,
        "schema": {"type": "string", "examples": ["4ab874ea54cf450fb3cadf646e25a106"]},
    },
    "Location": {
        "description": "The payment's URL, relative to the gateway",
        "required": True,
        "schema": {"type": "string", "examples": [f"/v1/payments/{ex.AUTHORIZED_ID}"]},
    },
    "Idempotent-Replayed": {
        "description": "Sent (as `true`) when this is the stored answer to an earlier request "
        "with the same Idempotency-Key and body: the bank was not called again.",
        "schema": {"type": "string", "enum": ["true"]},
    },
    "Retry-After": {
        "description": "Seconds to wait before trying again with a new Idempotency-Key",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "examples": [5]},
    },
    "WWW-Authenticate": {
        "description": "Sent when a bearer token is missing or refused",
        "schema": {"type": "string", "enum": ['Bearer realm="paygate"']},
    },
}

SECURITY_SCHEMES: dict[str, Json] = {
    "BearerToken": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "`Authorization: Bearer <access token>`: the `data.token.access.token` "
        "of POST /v1/auth/generate_access_token. It lives 15 minutes; refresh it with "
        "POST /v1/auth/refresh.",
    },
    "LegacyBearerToken": {
        "type": "apiKey",
        "in": "header",
        "name": "Bearer-Token",
        "description": "The original design's header: `Bearer-Token: <access token>`, "
        "accepted the same way as `Authorization: Bearer`.",
    },
}

PARAMETERS: dict[str, Json] = {
    "X-Request-ID": {
        "name": "X-Request-ID",
        "in": "header",
        "required": False,
        "description": "Your own id for the request, echoed in the response and the logs",
        "schema": {"type": "string", "pattern": "^[A-Za-z0-9._:/+=\\-]{1,128}$"},
    },
}


def _media(
    schema: Json, examples: dict[str, Json], media_type: str = JSON
) -> dict[str, dict[str, Any]]:
    return {media_type: {"schema": schema, "examples": examples}}


def response(
    description: str,
    schema: Json,
    examples: dict[str, Json],
    headers: tuple[str, ...] = (),
    media_type: str = JSON,
) -> Json:
    return {
        "description": description,
        "headers": {name: header(name) for name in ("X-Request-ID", *headers)},
        "content": _media(schema, examples, media_type),
    }


def problem(
    description: str, examples: dict[str, Json], schema: str = "Problem", **kw: Any
) -> Json:
    return response(description, ref(schema), examples, media_type=PROBLEM_JSON, **kw)


def legacy(description: str, examples: dict[str, Json], **kw: Any) -> Json:
    return response(description, ref("LegacyError"), examples, **kw)


_TOO_LARGE = f"The body is larger than {MAX_BODY_BYTES // 1024} KiB"
_INTERNAL = "An unexpected error on the gateway's side (a bug, or the database failing)"
_REPLAY = ("Idempotent-Replayed",)
_AUTH_401 = "The bearer token is missing, malformed, expired, revoked or not an access token"

_CARD_NUMBER = {
    "type": "string",
    "description": "14-19 digits, Luhn-valid; spaces and hyphens are ignored",
    "examples": ["4242 4242 4242 4242"],
}
_MONTH = {"type": "integer", "minimum": 1, "maximum": 12, "examples": [12]}
_YEAR = {
    "type": "integer",
    "minimum": 0,
    "maximum": 9999,
    "description": "Four digits, or two (30 means 2030). The card is valid through the last "
    "day of its expiry month (UTC).",
    "examples": [2030],
}
_CVV = {
    "oneOf": [
        {"type": "string", "pattern": "^[0-9]{3,4}$"},
        {"type": "integer", "minimum": 100, "maximum": 9999},
    ],
    "description": "3 or 4 digits: a string (an integer of 3-4 digits is accepted too). "
    "Never stored, never logged.",
    "examples": ["123"],
}
_CURRENCY = {
    "type": "string",
    "pattern": "^[A-Z]{3}$",
    "description": "ISO 4217, upper case, one of the gateway's currencies "
    "(PAYGATE_CURRENCIES, default USD, EUR, GBP)",
    "examples": ["USD"],
}
_METADATA = METADATA | {
    "description": "Optional: at most 20 keys of 1-40 characters to strings of at most 500; "
    "stored and returned on the payment. A key or value that looks like a card number is "
    "refused (400), as are NUL characters; every violation is listed as `metadata.<key>`.",
}
PAYMENT_REQUEST: Json = {
    "type": "object",
    "description": "Unknown fields are ignored. Any invalid field is a 400 naming every bad "
    "field; no payment is created and the bank is not called.",
    "required": ["card_number", "expiry_month", "expiry_year", "cvv", "amount", "currency"],
    "properties": {
        "card_number": _CARD_NUMBER,
        "expiry_month": _MONTH,
        "expiry_year": _YEAR,
        "cvv": _CVV,
        "amount": {
            "type": "integer",
            "minimum": 1,
            "description": "Minor units: USD 10.50 is 1050. At most PAYGATE_MAX_AMOUNT "
            "(default 100000000).",
            "examples": [1050],
        },
        "currency": _CURRENCY,
        "reference": {
            "type": ["string", "null"],
            "maxLength": 100,
            "description": "Your own reference (an order number), returned as sent",
            "examples": ["order-123"],
        },
        "metadata": _METADATA,
    },
}
LEGACY_PAYMENT_REQUEST: Json = {
    "type": "object",
    "description": "As POST /v1/payments, with the expiry as `exp_month`/`exp_year` "
    "(`expiry_month`/`expiry_year` accepted too) and the amount in major units.",
    "required": ["card_number", "exp_month", "exp_year", "cvv", "amount", "currency"],
    "properties": {
        "card_number": _CARD_NUMBER,
        "exp_month": _MONTH,
        "exp_year": _YEAR,
        "cvv": _CVV,
        "amount": {
            "oneOf": [
                {"type": "number", "exclusiveMinimum": 0},
                {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$"},
            ],
            "description": 'Major units, a number or a decimal string: 10.5 or "10.50". '
            "More decimal places than the currency has is a 400.",
            "examples": [10.5],
        },
        "currency": _CURRENCY,
        "metadata": _METADATA,
    },
}
_IDEMPOTENCY_KEY = {
    "description": "Optional; 1-255 printable ASCII characters, unique per payment attempt "
    "(an order id plus attempt number works). Sent again with the same body, it answers "
    "the first response (status and body) with `Idempotent-Replayed: true` and the bank is "
    "called once; with a different body: 422; while the first is still running: 409. Keys "
    "are kept per merchant for at least 24 hours.",
    "schema": {
        "type": "string",
        "minLength": 1,
        "maxLength": 255,
        "pattern": "^[\\x20-\\x7e]{1,255}$",
        "examples": ["order-123-attempt-1"],
    },
}


def _payment_request_examples() -> dict[str, Json]:
    return {
        "authorized": example(
            "Authorized (demo card 4242 4242 4242 4242)", ex.payment_body("4242 4242 4242 4242")
        ),
        "declined": example(
            "Declined (4000000000000002: last-digit rule, ends in 2)",
            ex.payment_body("4000000000000002"),
        ),
        "insufficient_funds": example(
            "Declined, insufficient_funds (4000000000000119: an empty account)",
            ex.payment_body("4000000000000119"),
        ),
        "bank_unavailable": example(
            "Failed, 503 (5105105105105100: the simulator answers 503)",
            ex.payment_body("5105105105105100"),
        ),
    }


def _create_payment() -> Json:
    return {
        "security": BEARER,
        "parameters": {"Idempotency-Key": _IDEMPOTENCY_KEY},
        "requestBody": {
            "required": True,
            "content": _media(PAYMENT_REQUEST, _payment_request_examples()),
        },
        "responses": {
            "201": response(
                "`Authorized` or `Declined`: the bank answered",
                ref("Payment"),
                {
                    "authorized": example("Authorized", ex.AUTHORIZED),
                    "declined": example("Declined by the last-digit rule", ex.DECLINED),
                    "insufficient_funds": example("Declined: insufficient funds", ex.NO_FUNDS),
                },
                headers=("Location", *_REPLAY),
            ),
            "202": response(
                "`Pending`: the bank did not answer in time (PAYGATE_BANK_TIMEOUT). The "
                "payment settles by itself; poll its Location. Do not retry with a new key.",
                ref("Payment"),
                {"pending": example("Pending", ex.PENDING)},
                headers=("Location", *_REPLAY),
            ),
            "400": problem(
                "Invalid input (every bad field in `errors`), a body that is not a JSON "
                "object, or a bad Idempotency-Key. Fix the request; no payment was created.",
                {
                    "validation": example("Invalid fields", ex.VALIDATION_PROBLEM),
                    "malformed": example("Not JSON", ex.MALFORMED_PROBLEM),
                    "bad_key": example("Bad Idempotency-Key", ex.BAD_KEY_PROBLEM),
                },
                schema="ValidationProblem",
            ),
            "401": _problem_401(),
            "409": problem(
                "The first request with this Idempotency-Key is still running: retry later "
                "with the same key and body to get its answer.",
                {"in_progress": example("Still running", ex.IN_PROGRESS_PROBLEM)},
            ),
            "413": problem(_TOO_LARGE, {"too_large": example("Too large", ex.TOO_LARGE_PROBLEM)}),
            "422": problem(
                "This Idempotency-Key was already used with a different body: use a new key "
                "for a new payment.",
                {"key_reused": example("Key reused", ex.KEY_REUSED_PROBLEM)},
            ),
            "500": _problem_500(),
            "502": problem(
                "`Failed`: the bank answered an error. Nothing was charged; `payment_id` "
                "names the Failed payment.",
                {"bank_error": example("Bank error", ex.BANK_ERROR_PROBLEM)},
                schema="PaymentFailedProblem",
                headers=_REPLAY,
            ),
            "503": problem(
                "`Failed`: the bank could not be reached, or the circuit breaker is open. "
                "Nothing was charged; try again after Retry-After seconds with a new key. "
                "Or `storage-unavailable`: the payment store failed before the bank was "
                "called (no `payment_id`); retry after Retry-After seconds, the same key is "
                "safe. Once the bank was called the answer is never an error: a store "
                "failure then answers 202 `Pending`, which settles by itself.",
                {
                    "bank_unavailable": example("Bank unavailable", ex.BANK_DOWN_PROBLEM),
                    "storage_unavailable": example("Store unavailable", ex.STORAGE_DOWN_PROBLEM),
                },
                schema="UnavailableProblem",
                headers=("Retry-After", *_REPLAY),
            ),
        },
    }


def _problem_401() -> Json:
    return problem(
        _AUTH_401 + ": log in again (POST /v1/auth/generate_access_token) or refresh.",
        {
            "missing": example("No token", ex.UNAUTHORIZED_PROBLEM),
            "expired": example("Expired token", ex.EXPIRED_PROBLEM),
        },
        headers=("WWW-Authenticate",),
    )


def _problem_500() -> Json:
    return problem(_INTERNAL, {"internal": example("Internal error", ex.INTERNAL_PROBLEM)})


def _list_parameter(description: str, **schema: Any) -> Json:
    return {"description": description, "schema": {"type": "string", **schema}}


def _list_payments() -> Json:
    statuses = {"enum": ["Pending", "Authorized", "Declined", "Failed"]}
    return {
        "security": BEARER,
        "parameters": {
            "limit": _list_parameter("1 to 100 payments per page (default 10)", examples=["10"]),
            "starting_after": _list_parameter(
                "A payment id (the last of a page): the page of payments older than it",
                examples=[ex.AUTHORIZED_ID],
            ),
            "ending_before": _list_parameter(
                "A payment id (the first of a page): the page just newer than it, still "
                "newest first. Not together with starting_after.",
                examples=[ex.AUTHORIZED_ID],
            ),
            "status": _list_parameter("Only payments in this status", **statuses),
            "reference": _list_parameter("Only payments with exactly this reference"),
            "created_gte": _list_parameter(
                "Only payments created at or after this RFC 3339 time (write `+` as %2B)",
                examples=["2026-12-01T00:00:00Z"],
            ),
            "created_lt": _list_parameter(
                "Only payments created before this RFC 3339 time",
                examples=["2026-12-02T00:00:00Z"],
            ),
        },
        "responses": {
            "200": response(
                "A page of payments, newest first (`Cache-Control: no-store`)",
                ref("PaymentList"),
                {
                    "page": example("A page with more after it", ex.PAGE),
                    "last_page": example("The last page", ex.LAST_PAGE),
                },
            ),
            "400": problem(
                "A bad parameter (each named in `errors`): limit outside 1-100, an unknown "
                "status, a time that is not RFC 3339, both cursors, an unknown or "
                "repeated parameter, or a cursor that is not one of your payments.",
                {"validation": example("Bad parameters", ex.LIST_VALIDATION_PROBLEM)},
                schema="ValidationProblem",
            ),
            "401": _problem_401(),
            "500": _problem_500(),
        },
    }


def _get_payment() -> Json:
    return {
        "security": BEARER,
        "parameters": {
            "payment_id": {
                "description": "The payment's id, as returned by POST /v1/payments",
                "schema": {"type": "string", "examples": [ex.AUTHORIZED_ID]},
            }
        },
        "responses": {
            "200": response(
                "The payment, in its current status",
                ref("Payment"),
                {
                    "authorized": example("Authorized", ex.AUTHORIZED),
                    "declined": example("Declined: insufficient funds", ex.NO_FUNDS),
                    "pending": example("Pending: settles by itself", ex.PENDING),
                    "failed": example("Failed: nothing was charged", ex.FAILED),
                },
            ),
            "401": _problem_401(),
            "404": problem(
                "No such payment: the id is unknown, malformed, or another merchant's "
                "(the same answer in every case).",
                {"not_found": example("Not found", ex.NOT_FOUND_PROBLEM)},
            ),
            "500": _problem_500(),
        },
    }


def _legacy_401() -> Json:
    return legacy(
        _AUTH_401,
        {"unauthorized": example("Refused token", ex.INVALID_CREDENTIALS)},
        headers=("WWW-Authenticate",),
    )


def _legacy_500() -> Json:
    return legacy(_INTERNAL, {"internal": example("Internal error", ex.LEGACY_INTERNAL)})


def _legacy_outcome(description: str, status: str, payment_id: str, **kw: Any) -> Json:
    body = ex.legacy_outcome(status, payment_id)
    return response(
        description, ref("LegacyPaymentOutcome"), {status.lower(): example(status, body)}, **kw
    )


def _process_payment_legacy() -> Json:
    requests = {
        "authorized": example(
            "Authorized (4242424242424242)", ex.legacy_request("4242424242424242")
        ),
        "declined": example(
            "Declined, 402 (4000000000000002)", ex.legacy_request("4000000000000002", "10.50")
        ),
    }
    return {
        "security": BEARER,
        "parameters": {"Idempotency-Key": _IDEMPOTENCY_KEY},
        "requestBody": {"required": True, "content": _media(LEGACY_PAYMENT_REQUEST, requests)},
        "responses": {
            "201": _legacy_outcome("Authorized", "Authorized", ex.AUTHORIZED_ID, headers=_REPLAY),
            "202": _legacy_outcome(
                "Pending: the bank did not answer in time; the payment settles by itself",
                "Pending",
                ex.PENDING_ID,
                headers=_REPLAY,
            ),
            "400": legacy(
                "Invalid input (every bad field in `errors`) or a body that is not JSON",
                {
                    "validation": example("Invalid fields", ex.LEGACY_VALIDATION),
                    "malformed": example("Not JSON", ex.LEGACY_MALFORMED),
                },
            ),
            "401": _legacy_401(),
            "402": _legacy_outcome("Declined", "Declined", ex.DECLINED_ID, headers=_REPLAY),
            "409": legacy(
                "The first request with this Idempotency-Key is still running",
                {"in_progress": example("Still running", ex.LEGACY_IN_PROGRESS)},
            ),
            "413": legacy(_TOO_LARGE, {"too_large": example("Too large", ex.LEGACY_TOO_LARGE)}),
            "422": legacy(
                "This Idempotency-Key was already used with a different body",
                {"key_reused": example("Key reused", ex.LEGACY_KEY_REUSED)},
            ),
            "500": _legacy_500(),
            "502": _legacy_outcome(
                "Failed: the bank answered an error; nothing was charged",
                "Failed",
                ex.FAILED_ID,
                headers=_REPLAY,
            ),
            "503": _legacy_outcome(
                "Failed: the bank could not be reached or the circuit is open; nothing was charged",
                "Failed",
                ex.FAILED_ID,
                headers=("Retry-After", *_REPLAY),
            ),
        },
    }


def _get_payment_legacy() -> Json:
    return {
        "security": BEARER,
        "parameters": {
            "payment_id": {
                "description": "The payment's id (`Payment ID` of POST /v1/process-payment); "
                "without it the answer is 404",
                "schema": {"type": "string", "examples": [ex.AUTHORIZED_ID]},
            }
        },
        "responses": {
            "200": response(
                "The payment (amount in major units)",
                ref("LegacyPaymentDetails"),
                {"authorized": example("Authorized", ex.LEGACY_DETAILS)},
            ),
            "401": _legacy_401(),
            "404": legacy(
                "No such payment (unknown, malformed, missing or another merchant's id)",
                {"not_found": example("Not found", ex.LEGACY_NOT_FOUND)},
            ),
            "500": _legacy_500(),
        },
    }


def _login_request() -> Json:
    schema = {
        "type": "object",
        "required": ["email", "api_key"],
        "description": "`Email` is accepted for `email`, `Api_Key` and `API_KEY` for `api_key`",
        "properties": {
            "email": {"type": "string", "examples": [ex.EMAIL]},
            "api_key": {
                "type": "string",
                "description": "Shown once, when the merchant is created "
                "(`paygate merchants create`, or printed by `make run`)",
                "examples": [ex.API_KEY],
            },
        },
    }
    body = {"email": ex.EMAIL, "api_key": ex.API_KEY}
    return {"required": True, "content": _media(schema, {"login": example("Log in", body)})}


def _refresh_request() -> Json:
    schema = {
        "type": "object",
        "required": ["token"],
        "description": "`Token` and `Email` are accepted too",
        "properties": {
            "token": {"type": "string", "description": "The refresh token (not the access one)"},
            "email": {
                "type": "string",
                "description": "Optional; when sent it must be the token's merchant's",
            },
        },
    }
    body = {"token": ex.REFRESH_JWT}
    return {"required": True, "content": _media(schema, {"refresh": example("Refresh", body)})}


def _auth_errors(missing: Json, unauthorized: str, *, www_authenticate: bool) -> Json:
    headers = ("WWW-Authenticate",) if www_authenticate else ()
    return {
        "400": legacy(
            "A required field is missing or not a string, or the body is not JSON",
            {
                "missing": example("Missing field", missing),
                "malformed": example("Not JSON", ex.LEGACY_MALFORMED),
            },
        ),
        "401": legacy(
            unauthorized,
            {"invalid": example("Refused", ex.INVALID_CREDENTIALS)},
            headers=headers,
        ),
        "413": legacy(_TOO_LARGE, {"too_large": example("Too large", ex.LEGACY_TOO_LARGE)}),
        "500": _legacy_500(),
    }


def _generate_access_token() -> Json:
    ok = response(
        "An access token and a refresh token",
        ref("LoginResponse"),
        {"tokens": example("Tokens", ex.LOGIN_OK)},
    )
    errors = _auth_errors(
        ex.MISSING_LOGIN_FIELDS,
        "Unknown email or wrong API key (the same answer for both)",
        www_authenticate=False,
    )
    return {"security": [], "requestBody": _login_request(), "responses": {"200": ok} | errors}


def _refresh_token() -> Json:
    ok = response(
        "A new token pair; the refresh token sent cannot be used again",
        ref("RefreshResponse"),
        {"tokens": example("Tokens", ex.REFRESH_OK)},
    )
    errors = _auth_errors(
        ex.MISSING_TOKEN_FIELD,
        "Not a valid refresh token: expired, already used (which revokes every token of that "
        "login), an access token, or another merchant's email",
        www_authenticate=True,
    )
    return {"security": [], "requestBody": _refresh_request(), "responses": {"200": ok} | errors}


def _health() -> Json:
    ok = {"status": "ok"}
    return {
        "security": [],
        "responses": {
            "200": response("The process answers", ref("Health"), {"ok": example("OK", ok)})
        },
    }


def _ready() -> Json:
    down = {"status": "unavailable"}
    return {
        "security": [],
        "responses": {
            "200": response(
                "The database answers", ref("Health"), {"ok": example("OK", {"status": "ok"})}
            ),
            "503": response(
                "The database does not answer: take this process out of the load balancer",
                ref("Health"),
                {"unavailable": example("Unavailable", down)},
            ),
        },
    }


_METRICS_SAMPLE = """\
# HELP paygate_payments_total Payments processed, by resulting status
# TYPE paygate_payments_total counter
paygate_payments_total{status="Authorized"} 1.0
"""


def _metrics() -> Json:
    return {
        "security": [],
        "responses": {
            "200": {
                "description": "Prometheus text exposition (every worker's samples together); "
                "the families are listed in the operations guide",
                "headers": {"X-Request-ID": header("X-Request-ID")},
                "content": {
                    "text/plain": {
                        "schema": {"type": "string"},
                        "examples": {"sample": example("A sample", _METRICS_SAMPLE)},
                    }
                },
            }
        },
    }


OPERATIONS: dict[str, Json] = {
    "createPayment": _create_payment(),
    "listPayments": _list_payments(),
    "getPayment": _get_payment(),
    "processPaymentLegacy": _process_payment_legacy(),
    "getPaymentLegacy": _get_payment_legacy(),
    "generateAccessToken": _generate_access_token(),
    "refreshToken": _refresh_token(),
    "health": _health(),
    "ready": _ready(),
    "metrics": _metrics(),
}
