"""Shared test helpers. Under CI=true a missing service fails a test instead of skipping it."""

from __future__ import annotations

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def service_missing(name: str, reason: str) -> None:
    """Skip locally, fail in CI: an integration test must never pass by not running."""
    message = f"{name} is not reachable: {reason}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)
