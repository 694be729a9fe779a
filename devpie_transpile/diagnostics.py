"""Errors a user can act on: `path:line:col: error: message`, the line, a caret.

Every stage reports problems as `Diagnostic`s collected in a `TranspileError`; only
the CLI turns them into text (rustc/clang style), so no input ever reaches the user
as a Python traceback.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .ir import Span

MAX_REPORTED = 50
WINDOW = 120  # display columns of a source line shown under a diagnostic
_ELLIPSIS = "..."


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One error. `span` locates it in a source file; `path` alone is a whole-file error.

    `severity` is "error", or "note" for something reported but accepted (a breaking
    change allowed by a comment).
    """

    message: str
    span: Span | None = None
    path: str | None = None
    severity: str = "error"

    def sort_key(self) -> tuple[str, int, int]:
        if self.span is not None:
            return (self.span.file, self.span.line, self.span.col)
        return (self.path or "", 0, 0)


class TranspileError(Exception):
    """Bad input: one or more diagnostics, reported together, exit status 2."""

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic) -> None:
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = tuple(sorted(diagnostics, key=Diagnostic.sort_key))
        self.base: Path | None = None  # directory span files are relative to (default: cwd)
        super().__init__("\n".join(d.message for d in self.diagnostics))


def error_at(span: Span, message: str) -> TranspileError:
    """The common case: a single error at a node's location."""
    return TranspileError(Diagnostic(message, span=span))


def not_utf8(display: str, exc: UnicodeDecodeError) -> Diagnostic:
    """The first byte that is not UTF-8, located by line and column (the characters
    before it on its line, which decode: it is the first bad one). Positions are in
    `exc.object`, the bytes decoded (after a BOM, for "utf-8-sig")."""
    data = bytes(exc.object)
    line_start = data.rfind(b"\n", 0, exc.start) + 1
    line = data.count(b"\n", 0, exc.start) + 1
    col = len(data[line_start : exc.start].decode("utf-8")) + 1
    bad = data[exc.start]
    return Diagnostic(
        f"not valid UTF-8 (byte 0x{bad:02x})", span=Span(display, line, col, 1)
    )


def _source_line(
    base: Path,
    file: str,
    line: int,
    cache: dict[str, list[str] | None],
    read: Callable[[str], bytes | None] | None = None,
) -> str | None:
    if file not in cache:
        try:
            data = read(file) if read is not None else None
            if data is None:
                data = (base / file).read_bytes()
            text = data.decode("utf-8-sig", errors="replace")
        except OSError:
            cache[file] = None
        else:
            # tree-sitter counts only "\n" as a line break; splitlines() would also split
            # on "\x0c" or "\u2028" and put the caret under the wrong line.
            cache[file] = [line.removesuffix("\r") for line in text.split("\n")]
    lines = cache[file]
    if lines is None or not 1 <= line <= len(lines):
        return None
    return lines[line - 1]


def format_diagnostics(
    error: TranspileError,
    *,
    color: bool = False,
    base: Path | None = None,
    read: Callable[[str], bytes | None] | None = None,
) -> str:
    """All diagnostics of `error` (at most MAX_REPORTED), each with its line and caret.

    Span files are read relative to `base` (default: the current directory), or by
    `read` (a span file name -> its bytes, None when it is on disk), for files that
    are not on disk (`HEAD:src/index.ts`).
    """
    base = base or Path()
    bold, red, green, cyan, reset = (
        ("\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[0m") if color else ("",) * 5
    )
    cache: dict[str, list[str] | None] = {}
    out: list[str] = []
    shown = error.diagnostics[:MAX_REPORTED]
    for diag in shown:
        where = str(diag.span) if diag.span is not None else (diag.path or "<input>")
        tint = red if diag.severity == "error" else cyan
        out.append(f"{bold}{where}: {tint}{diag.severity}:{reset}{bold} {diag.message}{reset}")
        if diag.span is None:
            continue
        line = _source_line(base, diag.span.file, diag.span.line, cache, read)
        if line is None:
            continue
        text, marks = excerpt(line, diag.span.col, diag.span.length)
        pad = len(marks) - len(marks.lstrip(" "))
        out.append(f"  {text}")
        out.append(f"  {marks[:pad]}{green}{marks[pad:]}{reset}")
    hidden = len(error.diagnostics) - len(shown)
    if hidden > 0:
        out.append(f"... and {hidden} more error{'s' if hidden > 1 else ''}")
    return "\n".join(out) + "\n"


def _char_width(ch: str) -> int:
    """Terminal columns of a shown character: 2 if East Asian wide, 0 if combining."""
    if ch.isascii():
        return 1
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _shown(ch: str) -> str:
    """A character as printed: a tab as one space (a column counts it as one character),
    other control characters as Unicode control pictures, never as terminal controls."""
    if ch == "\t":
        return " "
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0 or unicodedata.category(ch) in ("Zl", "Zp"):
        return "\ufffd"
    return ch


def excerpt(line: str, col: int, length: int) -> tuple[str, str]:
    """The source line and the marks under it, for a span at character column `col`
    (1-based) covering `length` characters. A line wider than WINDOW columns is cut
    around the caret (an ellipsis where cut); marks align in display columns."""
    if line.isascii() and line.isprintable() and len(line) <= WINDOW:  # the common case
        chars: list[str] = list(line)
        widths = [1] * len(chars)
    else:
        chars = [_shown(ch) for ch in line]
        widths = [_char_width(ch) for ch in chars]
    start = min(max(col - 1, 0), len(chars))
    end = min(len(chars), start + max(length, 1))
    lo, hi = 0, len(chars)
    if sum(widths) > WINDOW:
        budget = WINDOW - 2 * len(_ELLIPSIS)
        lo, used = start, 0
        while lo > 0 and used + widths[lo - 1] <= budget // 3:  # a third before the caret
            lo -= 1
            used += widths[lo]
        hi = start
        while hi < len(chars) and used + widths[hi] <= budget:
            used += widths[hi]
            hi += 1
        while lo > 0 and used + widths[lo - 1] <= budget:  # the line ends early: more before
            lo -= 1
            used += widths[lo]
        if sum(widths[:lo]) <= len(_ELLIPSIS):
            lo = 0  # an ellipsis would hide no more than it takes
        if sum(widths[hi:]) <= len(_ELLIPSIS):
            hi = len(chars)
    before = _ELLIPSIS if lo > 0 else ""
    after = _ELLIPSIS if hi < len(chars) else ""
    text = before + "".join(chars[lo:hi]) + after
    pad = len(before) + sum(widths[lo:start])
    marked = max(1, sum(widths[start : min(end, hi)]))
    return text, " " * pad + "^" + "~" * (marked - 1)
