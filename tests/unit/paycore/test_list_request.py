"""A list request's parameters: defaults, accepted forms, and every bad one named at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from paycore import PaymentStatus, ValidationFailed
from paycore.list_request import PaymentListRequest, validate_list_request
from paycore.listing import DEFAULT_LIMIT, PaymentFilters

CURSOR = "00000000-0000-7000-8000-000000000001"


def bad_fields(**parameters: object) -> list[str]:
    with pytest.raises(ValidationFailed) as failed:
        validate_list_request(PaymentListRequest(**parameters))
    return [e.field for e in failed.value.errors]


def test_nothing_asked_is_the_newest_ten_unfiltered() -> None:
    valid = validate_list_request(PaymentListRequest())
    assert (valid.paging.limit, valid.filters) == (DEFAULT_LIMIT, PaymentFilters())
    assert (valid.paging.starting_after, valid.paging.ending_before) == (None, None)


def test_query_text_and_python_values_are_both_accepted() -> None:
    from_text = validate_list_request(
        PaymentListRequest(
            limit="100",
            starting_after=CURSOR.upper(),
            status="Authorized",
            reference="order-1",
            created_gte="2026-01-15T00:00:00Z",
            created_lt="2026-01-16t02:00:00.5+02:00",
        )
    )
    assert from_text.paging.limit == 100 and from_text.paging.starting_after == CURSOR
    assert from_text.filters == PaymentFilters(
        PaymentStatus.AUTHORIZED,
        "order-1",
        datetime(2026, 1, 15, tzinfo=UTC),
        datetime(2026, 1, 16, 0, 0, 0, 500000, tzinfo=UTC),
    )
    paris = timezone(timedelta(hours=1))
    from_python = validate_list_request(
        PaymentListRequest(
            limit=1,
            ending_before=CURSOR,
            status=PaymentStatus.FAILED,
            created_gte=datetime(2026, 1, 15, 1, tzinfo=paris),
        )
    )
    assert from_python.paging.limit == 1 and from_python.paging.ending_before == CURSOR
    assert from_python.filters.created_gte == datetime(2026, 1, 15, tzinfo=UTC)
    assert from_python.filters.created_gte.tzinfo is UTC


@pytest.mark.parametrize("limit", ["0", "101", "abc", "-1", "+5", "1.5", "", 0, 101, True, 2.0])
def test_a_limit_outside_1_to_100_is_refused(limit: object) -> None:
    assert bad_fields(limit=limit) == ["limit"]


@pytest.mark.parametrize("status", ["Nope", "authorized", "", 1])
def test_an_unknown_status_is_refused(status: object) -> None:
    assert bad_fields(status=status) == ["status"]


@pytest.mark.parametrize(
    "moment",
    [
        "yesterday",
        "2026-01-15",
        "2026-01-15T00:00:00",  # no offset: which day is it?
        "2026-01-15 00:00:00Z",
        "2026-01-15T00:00:00 02:00",  # an unencoded + read as a space
        "2026-02-30T00:00:00Z",
        "2026-01-15T24:00:00Z",
        "20260115T000000Z",
        "0001-01-01T00:00:00+01:00",  # before the first moment UTC can hold
        datetime(2026, 1, 15),  # naive
        1768435200,
    ],
)
def test_a_time_that_is_no_rfc3339_date_time_is_refused(moment: object) -> None:
    assert bad_fields(created_gte=moment) == ["created_gte"]
    assert bad_fields(created_lt=moment) == ["created_lt"]


@pytest.mark.parametrize("cursor", ["x", "", "1234", 12, CURSOR + "0"])
def test_a_malformed_cursor_is_refused(cursor: object) -> None:
    assert bad_fields(starting_after=cursor) == ["starting_after"]
    assert bad_fields(ending_before=cursor) == ["ending_before"]


def test_both_cursors_at_once_are_refused() -> None:
    assert bad_fields(starting_after=CURSOR, ending_before=CURSOR) == ["ending_before"]


def test_a_bad_reference_is_refused() -> None:
    assert bad_fields(reference="a\x00b") == ["reference"]
    assert bad_fields(reference="x" * 101) == ["reference"]


def test_every_bad_parameter_is_reported_at_once() -> None:
    fields = bad_fields(
        limit="0", starting_after="x", status="Nope", created_gte="today", created_lt="never"
    )
    assert fields == ["limit", "starting_after", "status", "created_gte", "created_lt"]
