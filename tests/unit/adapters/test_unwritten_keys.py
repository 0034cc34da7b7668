"""UnwrittenKeys: a lost write is remembered as long as the older copy can live, no longer."""

from __future__ import annotations

from adapters.cache.unwritten import UnwrittenKeys


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_key_is_held_for_the_hold_time_then_forgotten() -> None:
    clock = Clock()
    keys = UnwrittenKeys(5.0, clock)
    keys.add("a")
    clock.now = 4.9
    assert "a" in keys
    clock.now = 5.0
    assert "a" not in keys
    assert len(keys) == 0


def test_a_successful_write_clears_the_key() -> None:
    keys = UnwrittenKeys(5.0, Clock())
    keys.add("a")
    keys.discard("a")
    keys.discard("never added")
    assert "a" not in keys


def test_adding_prunes_expired_keys_and_a_re_add_extends_the_hold() -> None:
    clock = Clock()
    keys = UnwrittenKeys(5.0, clock)
    keys.add("a")
    keys.add("b")
    clock.now = 3.0
    keys.add("a")  # lost again: held from now
    clock.now = 6.0
    keys.add("c")  # prunes "b", which expired at 5.0
    assert len(keys) == 2
    assert "a" in keys and "b" not in keys
