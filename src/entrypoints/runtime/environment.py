"""Reading `PAYGATE_*` variables: each kind of value parsed and checked in one place, and
every error naming the variable."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from paycore.money import CURRENCIES
from paycore.rate_limit import RateLimit

_N = TypeVar("_N", int, float)
_FLAGS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


class SettingsError(ValueError):
    """A configuration value is missing or malformed; the message names the variable."""


class Environment:
    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = values

    def text(self, name: str) -> str | None:
        value = self._values.get(f"PAYGATE_{name}")
        return value.strip() if value is not None else None

    def number(self, name: str, kind: type[_N], default: _N, minimum: _N) -> _N:
        raw = self.text(name)
        if raw is None:
            return default
        try:
            value = kind(raw)
        except ValueError:
            raise SettingsError(f"PAYGATE_{name} must be a {kind.__name__}, not {raw!r}") from None
        if value < minimum or value != value:
            raise SettingsError(f"PAYGATE_{name} must be at least {minimum}")
        return value

    def optional_number(self, name: str, minimum: float) -> float | None:
        if self.text(name) is None:
            return None
        return self.number(name, float, minimum, minimum)

    def flag(self, name: str, default: bool) -> bool:
        raw = self.text(name)
        if raw is None:
            return default
        if raw.lower() not in _FLAGS:
            raise SettingsError(f"PAYGATE_{name} must be true or false, not {raw!r}")
        return _FLAGS[raw.lower()]

    def currencies(self, name: str) -> frozenset[str] | None:
        raw = self.text(name)
        if raw is None:
            return None
        codes = frozenset(code.strip().upper() for code in raw.split(",") if code.strip())
        unknown = sorted(codes - CURRENCIES.keys())
        if unknown or not codes:
            raise SettingsError(f"PAYGATE_{name}: unknown ISO 4217 codes {unknown}")
        return codes

    def choice(self, name: str, allowed: tuple[str, ...]) -> str | None:
        raw = self.text(name)
        if raw is not None and raw.lower() not in allowed:
            raise SettingsError(f"PAYGATE_{name} must be one of {', '.join(allowed)}")
        return raw.lower() if raw is not None else None

    def optional_flag(self, name: str) -> bool | None:
        """True or false when set; None leaves the choice to the settings' own rule."""
        return None if self.text(name) is None else self.flag(name, False)

    def rate(self, name: str, default: RateLimit) -> RateLimit:
        raw = self.text(name)
        try:
            return default if raw is None else RateLimit.parse(raw)
        except ValueError as exc:
            raise SettingsError(f"PAYGATE_{name}: {exc}") from None

    def key(self, name: str, minimum_bytes: int) -> str | None:
        """A secret, refused when shorter than `minimum_bytes` (UTF-8)."""
        raw = self.text(name)
        if raw is not None and len(raw.encode()) < minimum_bytes:
            hint = 'python -c "import secrets; print(secrets.token_urlsafe(48))"'
            raise SettingsError(
                f"PAYGATE_{name} must be at least {minimum_bytes} bytes; make one with {hint}"
            )
        return raw
