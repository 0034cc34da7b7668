"""The rate-limit policy: parsing "N/period" and the GCRA arithmetic every limiter uses."""

from __future__ import annotations

import pytest

from paycore.errors import RateLimited
from paycore.rate_limit import RateDecision, RateLimit, decide, given_back, look


@pytest.mark.parametrize(
    ("text", "count", "period"),
    [("100/s", 100, 1.0), ("10/min", 10, 60.0), ("5 / h", 5, 3600.0), ("1000/10s", 1000, 10.0),
     ("2/day", 2, 86400.0), ("7/MINUTE", 7, 60.0)],
)  # fmt: skip
def test_a_rate_is_a_count_per_period(text: str, count: int, period: float) -> None:
    assert RateLimit.parse(text) == RateLimit(count, period)


@pytest.mark.parametrize("text", ["", "100", "x/s", "10/fortnight", "0/s", "5/0s", "-1/s"])
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"100/s|positive"):
        RateLimit.parse(text)


def test_a_burst_of_the_whole_budget_passes_then_one_per_interval() -> None:
    limit, tat, now = RateLimit(10, 60.0), None, 1000.0
    remaining = []
    for _ in range(10):
        decision, tat = decide(limit, tat, now)
        assert decision.allowed
        remaining.append(decision.remaining)

    refused, kept = decide(limit, tat, now)
    later, _ = decide(limit, tat, now + 6.0)

    assert remaining == [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
    assert not refused.allowed and kept == tat and refused.remaining == 0
    assert refused.retry_after_seconds == pytest.approx(6.0)
    assert refused.reset_seconds == pytest.approx(60.0)
    assert later.allowed and later.remaining == 0


def test_a_quiet_key_gets_its_whole_budget_back() -> None:
    limit = RateLimit(2, 1.0)
    _, tat = decide(limit, None, 0.0)
    decision, _ = decide(limit, tat, 100.0)
    assert decision.allowed and decision.remaining == 1


def test_headers_are_whole_seconds_and_retry_after_is_never_zero() -> None:
    refused = RateDecision(False, 10, 0, reset_seconds=0.2, retry_after_seconds=0.01)
    assert (refused.retry_after_header, refused.reset_header) == (1, 1)
    spent = RateDecision(True, 10, 3, reset_seconds=6.0000000001)
    assert spent.reset_header == 6 and RateDecision(True, 1, 1, -1.0).reset_header == 0


def test_a_refusal_carries_its_decision() -> None:
    decision = RateDecision(False, 1, 0, 1.0, 1.0)
    assert RateLimited(decision).decision is decision


def test_a_look_spends_nothing_and_counts_the_budget_left_now() -> None:
    limit = RateLimit(2, 10.0)
    assert look(limit, None, 0.0) == RateDecision(True, 2, 2, 0.0)
    _, tat = decide(limit, None, 0.0)
    assert look(limit, tat, 0.0) == RateDecision(True, 2, 1, 5.0)
    _, tat = decide(limit, tat, 0.0)
    assert not look(limit, tat, 0.0).allowed


def test_what_is_given_back_is_one_interval_never_below_now() -> None:
    limit = RateLimit(2, 10.0)
    assert given_back(limit, None, 0.0) is None
    assert given_back(limit, 10.0, 0.0) == 5.0
    assert given_back(limit, 5.0, 0.0) is None
