"""Prometheus metrics for the gateway and port decorators that feed them."""

from adapters.observability.instrumented import InstrumentedBank, InstrumentedCache
from adapters.observability.metrics import GatewayMetrics, render_latest

__all__ = ["GatewayMetrics", "InstrumentedBank", "InstrumentedCache", "render_latest"]
