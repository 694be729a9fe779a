"""Errors a user can act on: `path:line:col: error: message`, the line, a caret.

Every stage reports problems as `Diagnostic`s collected in a `TranspileError`; only
the CLI turns them into text (rustc/clang style), so no input ever reaches the user
as a Python traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .ir import Span

MAX_REPORTED = 50


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
        line = line.expandtabs(1)
        prefix = " " * (diag.span.col - 1)
        width = max(1, min(diag.span.length, len(line) - diag.span.col + 1))
        marks = "^" + "~" * (width - 1)
        out.append(f"  {line}")
        out.append(f"  {prefix}{green}{marks}{reset}")
    hidden = len(error.diagnostics) - len(shown)
    if hidden > 0:
        out.append(f"... and {hidden} more error{'s' if hidden > 1 else ''}")
    return "\n".join(out) + "\n"
