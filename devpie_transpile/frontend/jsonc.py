"""JSON with comments and trailing commas, as `tsc` reads `tsconfig.json`.

Every string keeps where it was written (`Located`), so a `paths` entry or an
`extends` that the tool refuses is reported at its own line and column.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

MAX_DEPTH = 100

_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_WORDS = {"true": True, "false": False, "null": None}


class Located(str):
    """A JSON string value (or key) and the 1-based line, column and width it spans."""

    line: int
    col: int
    length: int


class JsoncError(ValueError):
    """Malformed input, at a 1-based line and column."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(self, pos: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.line_starts, pos) - 1
        return row + 1, pos - self.line_starts[row] + 1

    def fail(self, message: str, pos: int | None = None) -> JsoncError:
        line, col = self.where(self.pos if pos is None else pos)
        return JsoncError(message, line, col)

    def skip(self) -> None:
        text = self.text
        while self.pos < len(text):
            ch = text[self.pos]
            if ch in " \t\r\n\ufeff":
                self.pos += 1
            elif text.startswith("//", self.pos):
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            elif text.startswith("/*", self.pos):
                end = text.find("*/", self.pos + 2)
                if end < 0:
                    raise self.fail("unterminated comment")
                self.pos = end + 2
            else:
                return

    def value(self, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self.fail(f"nested too deeply (more than {MAX_DEPTH} levels)")
        self.skip()
        if self.pos >= len(self.text):
            raise self.fail("unexpected end of file")
        ch = self.text[self.pos]
        if ch == "{":
            return self.object(depth)
        if ch == "[":
            return self.array(depth)
        if ch == '"':
            return self.string()
        number = _NUMBER.match(self.text, self.pos)
        if number:
            self.pos = number.end()
            return json.loads(number.group())
        for word, result in _WORDS.items():
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return result
        raise self.fail(f"unexpected {self.text[self.pos]!r}")

    def string(self) -> Located:
        match = _STRING.match(self.text, self.pos)
        if not match:
            raise self.fail("unterminated string")
        try:
            decoded = json.loads(match.group())
        except ValueError:
            raise self.fail("invalid escape in string") from None
        out = Located(decoded)
        out.line, out.col = self.where(self.pos)
        out.length = match.end() - match.start()
        self.pos = match.end()
        return out

    def object(self, depth: int) -> dict[str, Any]:
        self.pos += 1
        out: dict[str, Any] = {}
        while True:
            self.skip()
            if self.text.startswith("}", self.pos):
                self.pos += 1
                return out
            if not self.text.startswith('"', self.pos):
                raise self.fail("expected a string key or `}`")
            key = self.string()
            self.skip()
            if not self.text.startswith(":", self.pos):
                raise self.fail("expected `:`")
            self.pos += 1
            out.pop(key, None)  # the last of duplicate keys wins, keeping its position
            out[key] = self.value(depth + 1)
            self.skip()
            if self.text.startswith(",", self.pos):
                self.pos += 1
            elif not self.text.startswith("}", self.pos):
                raise self.fail("expected `,` or `}`")

    def array(self, depth: int) -> list[Any]:
        self.pos += 1
        out: list[Any] = []
        while True:
            self.skip()
            if self.text.startswith("]", self.pos):
                self.pos += 1
                return out
            out.append(self.value(depth + 1))
            self.skip()
            if self.text.startswith(",", self.pos):
                self.pos += 1
            elif not self.text.startswith("]", self.pos):
                raise self.fail("expected `,` or `]`")


def parse(text: str) -> Any:
    """The value of `text`; strings (and object keys) are `Located`."""
    parser = _Parser(text)
    result = parser.value(0)
    parser.skip()
    if parser.pos < len(text):
        raise parser.fail("unexpected text after the value")
    return result
