"""JavaScript string and number literals, decoded to the values JSON will carry."""

from __future__ import annotations

import math
import re

from tree_sitter import Node

from .source import SourceFile

_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_ESCAPE = re.compile(
    r"\\(?:u\{(?P<cp>[0-9a-fA-F]+)\}|u(?P<u4>[0-9a-fA-F]{4})|x(?P<x2>[0-9a-fA-F]{2})"
    r"|(?P<nl>\r\n|[\n\r\u2028\u2029])|(?P<ch>.))",
    re.DOTALL,
)


def decode_string(source: SourceFile, node: Node, *, lone_surrogates: bool = False) -> str:
    """The value of a `string` node: quotes removed, escapes decoded.

    A lone surrogate (`"\\uD800"`) is a JavaScript string no UTF-8 text holds: kept
    as it is with `lone_surrogates` (for the caller to refuse), else U+FFFD.
    """
    return decode_escapes(source.text(node)[1:-1], lone_surrogates=lone_surrogates)


def decode_escapes(raw: str, *, lone_surrogates: bool = True) -> str:
    """JavaScript escapes decoded (in a string's body, or an identifier's `\\u0061`)."""
    if "\\" not in raw:
        return raw

    def one(match: re.Match[str]) -> str:
        if match["cp"] is not None:
            return chr(min(int(match["cp"], 16), 0x10FFFF))
        if match["u4"] is not None:
            return chr(int(match["u4"], 16))
        if match["x2"] is not None:
            return chr(int(match["x2"], 16))
        if match["nl"] is not None:
            return ""  # line continuation
        ch: str = match["ch"]
        return _SIMPLE.get(ch, ch)

    text = _ESCAPE.sub(one, raw)
    # Join UTF-16 surrogate pairs written as two \uXXXX escapes.
    return text.encode("utf-16", "surrogatepass").decode(
        "utf-16", "surrogatepass" if lone_surrogates else "replace"
    )


def lone_surrogate(text: str) -> str | None:
    """The first lone UTF-16 surrogate in `text`, as `\\uD800`, or None."""
    for ch in text:
        if 0xD800 <= ord(ch) <= 0xDFFF:
            return f"\\u{ord(ch):04X}"
    return None


MAX_SAFE_INTEGER = 2**53 - 1


def parse_number(text: str) -> int | float | None:
    """A JS numeric literal: an integer literal as the exact int written (a check
    refuses those beyond MAX_SAFE_INTEGER, rather than rounding them as JS does), an
    integral value written with a point or exponent as int when it is a safe
    integer, else float; None if not a finite number."""
    text = text.replace("_", "")
    if text.endswith("n"):
        return None  # bigint
    try:
        if text[:2].lower() in ("0x", "0o", "0b"):
            return int(text, 0)
        if len(text) > 1 and text[0] == "0" and text.isdigit():
            return int(text, 8) if "8" not in text and "9" not in text else int(text)
        if text.isdigit():
            return int(text)
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() and abs(value) <= MAX_SAFE_INTEGER else value


def number_key(text: str) -> str | None:
    """The property key JavaScript reads for a numeric property name: `0x10` -> "16",
    `1e3` -> "1000", `1.50` -> "1.5" (ToString of the number); None for a bigint."""
    value = parse_number(text)
    if value is None:
        if text.endswith("n"):
            return None
        return "Infinity"
    return js_number_string(float(value) if abs(value) > MAX_SAFE_INTEGER else value)


def js_number_string(value: int | float) -> str:
    """JavaScript's Number::toString(10) of a finite number (ECMA-262 6.1.6.1.20)."""
    if isinstance(value, int) and abs(value) <= MAX_SAFE_INTEGER:
        return str(value)
    value = float(value)
    if value == 0:
        return "0"
    if value < 0:
        return "-" + js_number_string(-value)
    # repr is the shortest round-tripping digit string, as ToString's digits are
    mantissa, _, exp = repr(value).partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = (whole + frac).lstrip("0")
    n = len(whole.lstrip("0")) + (int(exp) if exp else 0)
    if not whole.lstrip("0"):  # 0.000123 -> digits "123", n = -3
        n = -(len(frac) - len(frac.lstrip("0"))) + (int(exp) if exp else 0)
    digits = digits.rstrip("0") or "0"
    k = len(digits)
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    sign = "+" if e >= 0 else "-"
    head = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{head}e{sign}{abs(e)}"
