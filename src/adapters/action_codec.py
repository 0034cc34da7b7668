"""An action's record, as the stores' JSON column and the cached payment hold it."""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec

from paycore.actions import ActionStatus, ActionType, PaymentAction


class ActionRecord(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    type: str
    amount: int
    status: str
    reason: str | None
    created_at: datetime
    updated_at: datetime
    idempotency_key: str | None
    failure_reason: str | None


_encoder = msgspec.json.Encoder()
_actions_decoder = msgspec.json.Decoder(list[ActionRecord])


def action_record(action: PaymentAction) -> ActionRecord:
    return ActionRecord(
        id=action.id,
        type=action.type.value,
        amount=action.amount,
        status=action.status.value,
        reason=action.reason,
        created_at=action.created_at,
        updated_at=action.updated_at,
        idempotency_key=action.idempotency_key,
        failure_reason=action.failure_reason,
    )


def action_from_record(record: ActionRecord) -> PaymentAction:
    return PaymentAction(
        id=record.id,
        type=ActionType(record.type),
        amount=record.amount,
        status=ActionStatus(record.status),
        reason=record.reason,
        created_at=utc(record.created_at),
        updated_at=utc(record.updated_at),
        idempotency_key=record.idempotency_key,
        failure_reason=record.failure_reason,
    )


def encode_actions(actions: list[ActionRecord]) -> str:
    """The actions as the stores' JSON column holds them: compact, keys in field order."""
    return _encoder.encode(actions).decode()


def decode_actions(data: bytes | str) -> list[ActionRecord]:
    return _actions_decoder.decode(data)


def utc(moment: datetime) -> datetime:
    # Drivers hand back the session's zone; the domain speaks UTC.
    return moment.astimezone(UTC)
