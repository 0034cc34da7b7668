"""The composition root: the one place where configuration picks an adapter for each port.

The container is built in parts, each a container class the next extends: `core.py`
(settings, clock, ids, the I/O resources), `auth.py` (tokens, sign-in, keys, rate limits)
and, here, the payments and the background jobs; the webhooks are a container of their
own (`webhooks.py`), mounted as `webhooks`.
"""

from __future__ import annotations

from dependency_injector import providers

from entrypoints.http.event_presenter import event_body
from entrypoints.http.metered_payments import MeteredProcessPayment
from entrypoints.runtime.container.auth import AuthProviders
from entrypoints.runtime.container.core import CoreProviders
from entrypoints.runtime.container.webhooks import WebhookContainer
from entrypoints.runtime.policies import expiry_policy, retention_policy, settlement_policy
from entrypoints.runtime.resources import retention_of
from paycore.use_cases import (
    ActionRunner,
    CapturePayment,
    ExpireAuthorizations,
    ListEvents,
    ListPayments,
    ProcessPayment,
    PurgeExpired,
    RefundPayment,
    RetrieveEvent,
    RetrievePayment,
    SettlePendingActions,
    SettlePendingPayments,
    VoidPayment,
)
from paycore.validation import PaymentPolicy

__all__ = ["Container"]


# The base's providers, by name (a class body does not see its bases' names).
core = CoreProviders


class Container(AuthProviders):
    payment_policy = providers.Singleton(
        PaymentPolicy,
        currencies=core.settings.provided.currencies,
        max_amount=core.settings.provided.max_amount,
    )
    settlement_policy = providers.Singleton(settlement_policy, core.settings)
    expiry_policy = providers.Singleton(expiry_policy, core.settings)

    # The bank resource is both ports: AcquiringBank and AcquirerActions.
    action_runner = providers.Singleton(
        ActionRunner,
        uow=core.unit_of_work,
        acquirer=core.bank,
        cache=core.cache,
        clock=core.clock,
        ids=core.ids,
        fingerprinter=core.fingerprinter,
    )
    capture_payment = providers.Singleton(CapturePayment, action_runner)
    void_payment = providers.Singleton(VoidPayment, action_runner)
    refund_payment = providers.Singleton(RefundPayment, action_runner)
    payment_processor = providers.Singleton(
        ProcessPayment,
        uow=core.unit_of_work,
        bank=core.bank,
        cache=core.cache,
        clock=core.clock,
        ids=core.ids,
        fingerprinter=core.fingerprinter,
        policy=payment_policy,
        acquirer=core.bank,
    )
    process_payment = providers.Singleton(
        MeteredProcessPayment, inner=payment_processor, metrics=core.metrics
    )
    retrieve_payment = providers.Singleton(RetrievePayment, uow=core.unit_of_work, cache=core.cache)
    list_payments = providers.Singleton(ListPayments, uow=core.unit_of_work)
    list_events = providers.Singleton(ListEvents, uow=core.unit_of_work)
    retrieve_event = providers.Singleton(RetrieveEvent, uow=core.unit_of_work)
    settle_pending = providers.Singleton(
        SettlePendingPayments,
        uow=core.unit_of_work,
        bank=core.bank,
        cache=core.cache,
        clock=core.clock,
        policy=settlement_policy,
    )
    settle_pending_actions = providers.Singleton(
        SettlePendingActions,
        uow=core.unit_of_work,
        acquirer=core.bank,
        cache=core.cache,
        clock=core.clock,
        policy=settlement_policy,
    )
    expire_authorizations = providers.Singleton(
        ExpireAuthorizations,
        uow=core.unit_of_work,
        cache=core.cache,
        clock=core.clock,
        policy=expiry_policy,
    )

    purge_expired = providers.Singleton(
        PurgeExpired,
        store=providers.Callable(retention_of, core.database),
        clock=core.clock,
        policy=providers.Singleton(retention_policy, core.settings),
    )

    # A webhook delivery POSTs exactly the bytes the events API shows for the event.
    webhooks = providers.Container(
        WebhookContainer,
        settings=core.settings,
        keyed_settings=core.keyed_settings,
        database=core.database,
        clock=core.clock,
        ids=core.ids,
        metrics=core.metrics,
        render=providers.Object(event_body),
    )
