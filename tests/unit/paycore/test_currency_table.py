"""paycore's ISO 4217 table matches the maintained list (the iso4217 package's copy)."""

from __future__ import annotations

import iso4217

from paycore.money import CURRENCIES


def _iso_exponents() -> dict[str, int]:
    """Every code of the published list with minor units; "N.A." (gold, SDR, ...) has none."""
    return {
        code: int(entry["CcyMnrUnts"])
        for code, entry in iso4217.raw_table.items()
        if code and entry["CcyMnrUnts"] not in (None, "N.A.")
    }


def test_the_table_is_the_published_list() -> None:
    ours = {code: currency.exponent for code, currency in CURRENCIES.items()}

    assert ours == _iso_exponents(), f"compared with the list of {iso4217.__published__}"


def test_the_list_compared_with_is_the_one_that_dropped_ang_and_bgn() -> None:
    codes = _iso_exponents()

    assert iso4217.__published__.year >= 2026
    assert "XCG" in codes and not {"ANG", "BGN"} & codes.keys()
