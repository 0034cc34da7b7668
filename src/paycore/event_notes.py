"""How the Payment aggregate notes the events its changes record (see paycore.events).

Each change that records an event notes its type with the version the change produced.
The repository that stores the payment over the version it read stages the events noted
past that version, in the same transaction as the payment: the aggregate decides what
happened, the store makes it durable with the change or not at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paycore.event_types import EventType


class EventNotes:
    """Mixed into Payment, which holds `_events` and `version`."""

    if TYPE_CHECKING:
        version: int
        _events: tuple[tuple[int, EventType], ...]
    else:
        __slots__ = ()  # keeps Payment's slots, as PaymentLifecycle does

    def events_since(self, version: int) -> tuple[EventType, ...]:
        """What the changes made on this object past `version` record, oldest first.

        Saving the same object again (a retry after a lost connection) records them again,
        which is right: the first try committed nothing, or the version guard refuses the
        second. A later change's save records only its own.
        """
        return tuple(event for made, event in self._events if made > version)

    def _note(self, event: EventType) -> None:
        self._events = (*self._events, (self.version, event))
