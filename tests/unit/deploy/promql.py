"""Just enough PromQL reading to name the metrics an expression selects."""

from __future__ import annotations

import re

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_MATCHERS = re.compile(r"\{[^{}]*\}")
_RANGE = re.compile(r"\[[^\[\]]*\]")
# `by (le, route)`, `on(instance)`, ...: lists of label names, not metrics.
_LABEL_LIST = re.compile(
    r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)", re.IGNORECASE
)
# An identifier not glued to a digit or a dot, so `1e3` or `0.95` yield nothing.
_IDENTIFIER = re.compile(r"(?<![\w.$])([A-Za-z_:][A-Za-z0-9_:]*)(\s*\()?")
_KEYWORDS = frozenset(
    {
        *("and", "or", "unless", "bool", "offset", "inf", "nan"),
        *("by", "without", "on", "ignoring", "group_left", "group_right"),
    }
)
_HISTOGRAM_SERIES = re.compile(r"_(?:bucket|sum|count)$")


def metric_names(expr: str) -> set[str]:
    """The metric names an expression reads; a name followed by `(` is a function."""
    text = _STRING.sub('""', expr)
    text = _MATCHERS.sub(" ", text)
    text = _RANGE.sub(" ", text)
    text = _LABEL_LIST.sub(" ", text)
    names = set()
    for match in _IDENTIFIER.finditer(text):
        name, call = match.groups()
        if call is None and name.lower() not in _KEYWORDS:
            names.add(name)
    return names


def metric_family(name: str) -> str:
    """`x_bucket`, `x_sum` and `x_count` are series of the histogram `x`."""
    return _HISTOGRAM_SERIES.sub("", name)
