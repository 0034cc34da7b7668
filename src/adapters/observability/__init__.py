"""Prometheus metrics for the gateway and the adapters that feed them."""

from adapters.observability.bank_observer import PrometheusBankObserver
from adapters.observability.instrumented import InstrumentedCache
from adapters.observability.metrics import GatewayMetrics, render_latest

__all__ = ["GatewayMetrics", "InstrumentedCache", "PrometheusBankObserver", "render_latest"]
