"""The webhook half of the composition root (the container includes it as `webhooks`):
endpoints, the sender, the delivery worker."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import timedelta

from dependency_injector import containers, providers

from adapters.observability import GatewayMetrics
from adapters.webhooks import AesGcmEndpointSecrets, HttpWebhookSender, SystemResolver
from entrypoints.runtime.keys import webhook_key
from entrypoints.runtime.resources import Database
from entrypoints.runtime.settings import Settings
from entrypoints.runtime.webhook_worker import DeliveryWorker
from paycore.ports import Clock
from paycore.ports.webhooks import HostResolver, WebhookStore
from paycore.use_cases import (
    DeleteWebhookEndpoint,
    DeliverWebhook,
    ListWebhookEndpoints,
    RegisterWebhookEndpoint,
)
from paycore.webhooks import RetryPolicy


def store_of(database: Database) -> WebhookStore:
    return database.webhooks


def retry_policy(settings: Settings) -> RetryPolicy:
    return RetryPolicy(
        base=timedelta(seconds=settings.webhook_retry_base),
        max_attempts=settings.webhook_max_attempts,
    )


async def open_sender(
    settings: Settings, resolver: HostResolver
) -> AsyncIterator[HttpWebhookSender]:
    sender = HttpWebhookSender(
        timeout=settings.webhook_timeout,
        concurrency=settings.webhook_concurrency,
        resolver=resolver,
        allow_private=settings.webhooks_reach_private,
    )
    try:
        yield sender
    finally:
        await sender.aclose()


async def open_worker(
    settings: Settings,
    store: WebhookStore,
    deliver: DeliverWebhook,
    clock: Clock,
    metrics: GatewayMetrics,
) -> AsyncIterator[DeliveryWorker]:
    worker = DeliveryWorker(
        store=store,
        deliver=deliver,
        clock=clock,
        metrics=metrics,
        concurrency=settings.webhook_concurrency,
        timeout=settings.webhook_timeout,
    )
    try:
        yield worker
    finally:
        await worker.close()


class WebhookContainer(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    keyed_settings = providers.Dependency(instance_of=Settings)
    database = providers.Dependency()
    clock = providers.Dependency()
    ids = providers.Dependency()
    metrics = providers.Dependency(instance_of=GatewayMetrics)
    # The event's JSON body, as the events API renders it.
    render = providers.Dependency()

    store = providers.Callable(store_of, database)
    secrets = providers.Singleton(
        AesGcmEndpointSecrets, providers.Callable(webhook_key, keyed_settings)
    )
    resolver = providers.Singleton(SystemResolver)
    sender = providers.Resource(open_sender, settings, resolver)
    deliver = providers.Singleton(
        DeliverWebhook,
        store=store,
        sender=sender,
        secrets=secrets,
        render=render,
        clock=clock,
        policy=providers.Callable(retry_policy, settings),
        jitter=providers.Object(random.random),
    )
    worker = providers.Resource(open_worker, settings, store, deliver, clock, metrics)
    register_endpoint = providers.Singleton(
        RegisterWebhookEndpoint,
        store=store,
        secrets=secrets,
        resolver=resolver,
        clock=clock,
        ids=ids,
        allow_private=settings.provided.webhooks_reach_private,
    )
    list_endpoints = providers.Singleton(ListWebhookEndpoints, store)
    delete_endpoint = providers.Singleton(DeleteWebhookEndpoint, store, clock)
