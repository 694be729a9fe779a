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


def decode_string(source: SourceFile, node: Node) -> str:
    """The value of a `string` node: quotes removed, escapes decoded."""
    raw = source.text(node)[1:-1]

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
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def parse_number(text: str) -> int | float | None:
    """A JS numeric literal as int when integral, else float; None if not representable."""
    text = text.replace("_", "")
    if text.endswith("n"):
        return None  # bigint
    try:
        if text[:2].lower() in ("0x", "0o", "0b"):
            return int(text, 0)
        if len(text) > 1 and text[0] == "0" and text.isdigit():
            return int(text, 8)  # legacy octal
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() else value
