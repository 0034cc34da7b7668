"""What a text field must be to be stored, hashed and sent anywhere: Unicode text.

A Python str can hold lone surrogates ("\\ud800"), which no UTF-8 encoder (a database
driver, a JSON body, a hash's input) accepts; JSON parsers refuse them, but a library
caller can pass one, and it must be refused as bad input, not crash further down.
"""

from __future__ import annotations


def text_error(text: str) -> str | None:
    """Why `text` cannot be kept as it is, or None."""
    if "\x00" in text:
        return "must not contain NUL characters"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "must be valid Unicode text (it holds a lone surrogate)"
    return None
