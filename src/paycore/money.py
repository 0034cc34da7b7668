"""Money as integer minor units of an ISO 4217 currency; never a binary fraction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from paycore.errors import InvalidAmount, UnknownCurrency

# The codes of ISO 4217's list one (the amendment of 2026-01-01) that have minor units,
# by exponent; tests/unit/paycore/test_currency_table.py compares them with the iso4217
# package. Codes without minor units (gold, SDR, testing, ...) are no payment currency.
_TWO_DIGIT_CODES = (
    "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN "
    "BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD "
    "FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW "
    "KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR "
    "MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG "
    "SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD "
    "USN UYU UZS VED VES WST XAD XCD XCG YER ZAR ZMW ZWG"
)
_OTHER_EXPONENTS = {
    0: "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF",
    3: "BHD IQD JOD KWD LYD OMR TND",
    4: "CLF UYW",
}


_MAX_MAJOR_DIGITS = 30
_PLAIN_DECIMAL = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")


@dataclass(frozen=True, slots=True)
class Currency:
    code: str
    exponent: int

    @property
    def minor_per_major(self) -> int:
        return int(10**self.exponent)


def _build_table() -> dict[str, Currency]:
    table = {code: Currency(code, 2) for code in _TWO_DIGIT_CODES.split()}
    for exponent, codes in _OTHER_EXPONENTS.items():
        table.update({code: Currency(code, exponent) for code in codes.split()})
    return table


CURRENCIES: dict[str, Currency] = _build_table()


def currency(code: str) -> Currency:
    """The ISO 4217 currency with this upper-case code."""
    try:
        return CURRENCIES[code]
    except KeyError:
        raise UnknownCurrency(code) from None


@dataclass(frozen=True, slots=True)
class Money:
    minor: int
    currency: Currency

    @classmethod
    def of_minor(cls, minor: int, code: str) -> Money:
        return cls(minor, currency(code))

    @classmethod
    def from_major(cls, major: Decimal | int | str, code: str) -> Money:
        """Exact conversion; more decimal places than the currency has is an error."""
        cur = currency(code)
        minor = _shift(exact_decimal(major), cur.exponent)
        if minor != minor.to_integral_value():
            raise InvalidAmount(f"{code} has at most {cur.exponent} decimal places")
        return cls(int(minor), cur)

    def to_major(self) -> Decimal:
        return _shift(Decimal(self.minor), -self.currency.exponent)

    def __str__(self) -> str:
        return f"{self.to_major():.{self.currency.exponent}f} {self.currency.code}"


def exact_decimal(major: Decimal | int | str) -> Decimal:
    """A finite decimal of sane size, exactly as written; InvalidAmount otherwise."""
    if isinstance(major, bool) or not isinstance(major, Decimal | int | str):
        raise InvalidAmount("amount must be a decimal number")
    if isinstance(major, str) and not _PLAIN_DECIMAL.fullmatch(major.strip()):
        # Decimal() also takes "1_000" and non-ASCII digits: no client means those as money.
        raise InvalidAmount("amount must be a decimal number")
    try:
        value = Decimal(major.strip() if isinstance(major, str) else major)
    except InvalidOperation:  # an exponent no decimal can hold: "1E+100000000000000000000"
        raise InvalidAmount("amount is out of range") from None
    if not value.is_finite():
        raise InvalidAmount("amount must be a finite number")
    # Refuse absurd magnitudes before they become million-digit integers.
    if value and value.adjusted() > _MAX_MAJOR_DIGITS:
        raise InvalidAmount("amount is too large")
    return value


def _shift(value: Decimal, places: int) -> Decimal:
    """value * 10**places, exactly: `scaleb` would round to the context's 28 digits."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int), "only finite values are shifted"
    return Decimal((sign, digits, exponent + places))
