"""The composition root: the one place where configuration picks an adapter for each port.

Every I/O resource (database, cache, bank client) is an async `Resource` (openers in
`resources.py`), opened at app startup or, in a CLI task, when first resolved, and closed
at shutdown. Tests override `database`, `cache`, `bank`, `clock` or `ids` with
`providers.Object(...)` to run the real app on in-memory adapters.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from adapters.auth import JwtCodec, Sha256ApiKeys
from adapters.clock_ids_hashing import HmacFingerprinter, SystemClock, Uuid7Generator
from adapters.observability import GatewayMetrics
from entrypoints.http.metered_payments import MeteredProcessPayment
from entrypoints.http.webhook_event_body import render_event
from entrypoints.runtime.container_webhooks import WebhookContainer
from entrypoints.runtime.keys import fingerprint_key, token_settings, with_jwt_secret
from entrypoints.runtime.policies import expiry_policy, settlement_policy, token_lifetimes
from entrypoints.runtime.resources import (
    open_bank,
    open_cache,
    open_database,
    open_recent_sign_ins,
    refresh_token_uses_of,
    unit_of_work_factory,
)
from entrypoints.runtime.settings import Settings
from paycore.use_cases import (
    ActionRunner,
    Authenticate,
    CapturePayment,
    ExpireAuthorizations,
    ListPayments,
    ProcessPayment,
    RefreshSession,
    RefundPayment,
    RegisterMerchant,
    RetrievePayment,
    SettlePendingActions,
    SettlePendingPayments,
    SignIn,
    TokenIssuer,
    VoidPayment,
)
from paycore.validation import PaymentPolicy


class Container(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    migrate = providers.Dependency(instance_of=bool, default=True)
    # Only what signs or fingerprints needs the JWT secret (embedded mode: created on
    # first use), so `paygate migrate` runs without one.
    keyed_settings = providers.Singleton(with_jwt_secret, settings)

    clock = providers.Singleton(SystemClock)
    ids = providers.Singleton(Uuid7Generator)
    fingerprinter = providers.Singleton(
        HmacFingerprinter, key=providers.Callable(fingerprint_key, keyed_settings)
    )
    payment_policy = providers.Singleton(
        PaymentPolicy,
        currencies=settings.provided.currencies,
        max_amount=settings.provided.max_amount,
    )
    settlement_policy = providers.Singleton(settlement_policy, settings)
    expiry_policy = providers.Singleton(expiry_policy, settings)

    metrics = providers.Singleton(GatewayMetrics)
    database = providers.Resource(open_database, settings, migrate=migrate)
    cache = providers.Resource(open_cache, settings, metrics)
    bank = providers.Resource(open_bank, settings, metrics)
    unit_of_work = providers.Callable(unit_of_work_factory, database)
    refresh_token_uses = providers.Callable(refresh_token_uses_of, database)

    # The bank resource is both ports: AcquiringBank and AcquirerActions.
    action_runner = providers.Singleton(
        ActionRunner,
        uow=unit_of_work,
        acquirer=bank,
        cache=cache,
        clock=clock,
        ids=ids,
        fingerprinter=fingerprinter,
    )
    capture_payment = providers.Singleton(CapturePayment, action_runner)
    void_payment = providers.Singleton(VoidPayment, action_runner)
    refund_payment = providers.Singleton(RefundPayment, action_runner)
    payment_processor = providers.Singleton(
        ProcessPayment,
        uow=unit_of_work,
        bank=bank,
        cache=cache,
        clock=clock,
        ids=ids,
        fingerprinter=fingerprinter,
        policy=payment_policy,
        acquirer=bank,
    )
    process_payment = providers.Singleton(
        MeteredProcessPayment, inner=payment_processor, metrics=metrics
    )
    retrieve_payment = providers.Singleton(RetrievePayment, uow=unit_of_work, cache=cache)
    list_payments = providers.Singleton(ListPayments, uow=unit_of_work)
    settle_pending = providers.Singleton(
        SettlePendingPayments,
        uow=unit_of_work,
        bank=bank,
        cache=cache,
        clock=clock,
        policy=settlement_policy,
    )
    settle_pending_actions = providers.Singleton(
        SettlePendingActions,
        uow=unit_of_work,
        acquirer=bank,
        cache=cache,
        clock=clock,
        policy=settlement_policy,
    )
    expire_authorizations = providers.Singleton(
        ExpireAuthorizations, uow=unit_of_work, cache=cache, clock=clock, policy=expiry_policy
    )

    api_keys = providers.Singleton(Sha256ApiKeys)
    token_codec = providers.Singleton(JwtCodec, providers.Callable(token_settings, keyed_settings))
    token_issuer = providers.Singleton(
        TokenIssuer,
        codec=token_codec,
        clock=clock,
        ids=ids,
        lifetimes=providers.Callable(token_lifetimes, settings),
    )
    register_merchant = providers.Singleton(
        RegisterMerchant, uow=unit_of_work, keys=api_keys, clock=clock, ids=ids
    )
    sign_in = providers.Singleton(
        SignIn, uow=unit_of_work, keys=api_keys, issuer=token_issuer, ids=ids
    )
    recent_sign_ins = providers.Resource(open_recent_sign_ins, settings)
    refresh_session = providers.Singleton(
        RefreshSession,
        recent=recent_sign_ins,
        uow=unit_of_work,
        uses=refresh_token_uses,
        codec=token_codec,
        issuer=token_issuer,
        clock=clock,
    )
    authenticate = providers.Singleton(
        Authenticate, uow=unit_of_work, codec=token_codec, clock=clock, recent=recent_sign_ins
    )
    webhooks = providers.Container(
        WebhookContainer,
        settings=settings,
        keyed_settings=keyed_settings,
        database=database,
        clock=clock,
        ids=ids,
        metrics=metrics,
        render=providers.Object(render_event),
    )
