"""The domain's error hierarchy; one place in the HTTP layer maps it to status codes."""

from __future__ import annotations

from dataclasses import dataclass

from paycore.rate_limit import RateDecision


class PaycoreError(Exception):
    """Base of every error the domain raises on purpose."""


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str


class ValidationFailed(PaycoreError):
    """One or more fields of a request are invalid; every bad field is listed."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = tuple(errors)


class InvalidAmount(PaycoreError):
    """An amount that cannot be expressed exactly in its currency."""


class UnknownCurrency(PaycoreError):
    """A code that is not an ISO 4217 currency."""


class PaymentNotFound(PaycoreError):
    """Unknown id, malformed id, or a payment of another merchant: all look the same."""


class IllegalTransition(PaycoreError):
    """A payment was asked to move to a state its current state cannot reach."""


class StorageUnavailable(PaycoreError):
    """The store could not be reached, or the connection died during a unit of work.

    Whether that unit's commit took effect is unknown when it died during the commit;
    version guards make a retry safe either way.
    """


class StalePayment(PaycoreError):
    """Someone else changed the payment since it was read (optimistic concurrency)."""


class IdempotencyKeyReused(PaycoreError):
    """The idempotency key was already used with a different request body."""


class IdempotencyRequestInProgress(PaycoreError):
    """The first request with this idempotency key has not finished yet."""


class InvalidCredentials(PaycoreError):
    """Unknown merchant or wrong API key; deliberately indistinguishable."""


class InvalidToken(InvalidCredentials):
    """A bearer token that is missing, forged, of the wrong type, expired or revoked."""


class MerchantExists(PaycoreError):
    """A merchant with this email is already registered."""


class InvalidEmail(PaycoreError):
    """Not something that looks like an email address."""


class InvalidPaymentState(IllegalTransition):
    """The payment's status, or an action in flight on it, does not allow this action."""


class AmountTooLarge(PaycoreError):
    """More than is left to capture, or to refund, on this payment."""


class ActionsUnsupported(PaycoreError):
    """The acquiring bank in use cannot capture, void or refund payments."""


class MerchantNotFound(PaycoreError):
    """No merchant has this email (an operator's command named it)."""


class ApiKeyNotFound(PaycoreError):
    """Unknown key id, or a key of another merchant: both look the same."""


class LastActiveKey(PaycoreError):
    """Revoking this key would leave the merchant with none: create or rotate first."""


class RateLimited(PaycoreError):
    """Too many requests (or failed sign-ins) for this budget; retry after it refills."""

    def __init__(self, decision: RateDecision) -> None:
        super().__init__("too many requests; retry after the Retry-After header's seconds")
        self.decision = decision


class EventNotFound(PaycoreError):
    """Unknown id, malformed id, or an event of another merchant: all look the same."""
