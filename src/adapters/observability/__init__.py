"""Prometheus metrics for the gateway and the adapters that feed them."""

from adapters.observability.bank_observer import PrometheusBankObserver
from adapters.observability.instrumented import InstrumentedCache, InstrumentedCacheRead
from adapters.observability.metrics import GatewayMetrics, render_latest

__all__ = [
    "GatewayMetrics",
    "InstrumentedCache",
    "InstrumentedCacheRead",
    "PrometheusBankObserver",
    "render_latest",
]
