"""Reading and parsing one TypeScript file, and locating its nodes for diagnostics.

tree-sitter reports byte columns; users and `ir.Span` count characters, so every
span goes through `SourceFile.span`. The parser, language and queries are built
once per process (they are immutable and cheap to share).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Query, Tree

from .. import ir
from ..diagnostics import Diagnostic, TranspileError, not_utf8
from .fs import DISK, FileSystem

_CONTINUATION = re.compile(b"[\x80-\xbf]")


@cache
def language(tsx: bool = False) -> Language:
    """The TypeScript grammar, or its TSX variant for `.tsx` files (JSX in expressions)."""
    if tsx:
        return Language(tree_sitter_typescript.language_tsx())
    return Language(tree_sitter_typescript.language_typescript())


@cache
def parser(tsx: bool = False) -> Parser:
    return Parser(language(tsx))


@cache
def query(name: str, tsx: bool = False) -> Query:
    """A query from `frontend/queries/<name>.scm`, compiled once per grammar."""
    text = (
        resources.files(__package__).joinpath("queries").joinpath(f"{name}.scm").read_text("utf-8")
    )
    compiled: Query = Query(language(tsx), text)
    return compiled


@dataclass(eq=False)
class SourceFile:
    """A parsed file: its display path, path as reached, bytes (BOM removed) and tree."""

    display: str
    path: Path
    data: bytes
    tree: Tree

    def __post_init__(self) -> None:
        self._lines = self.data.split(b"\n")
        # row -> offsets of the UTF-8 continuation bytes of that line (None: ASCII),
        # worked out once per line: a span per node must not rescan a long line
        self._continuations: dict[int, list[int] | None] = {}
        self._ascii = self.data.isascii()  # then every column is a byte offset

    def _wide_bytes(self, row: int, line: bytes) -> list[int] | None:
        if row not in self._continuations:
            self._continuations[row] = (
                None if line.isascii() else [m.start() for m in _CONTINUATION.finditer(line)]
            )
        return self._continuations[row]

    @property
    def tsx(self) -> bool:
        return self.path.name.endswith(".tsx")

    @property
    def root(self) -> Node:
        return self.tree.root_node

    def text(self, node: Node) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8")

    def span(self, node: Node) -> ir.Span:
        """1-based line and character column; length counted on the node's first line."""
        row, col = node.start_point
        lines = self._lines
        line = lines[row] if row < len(lines) else b""
        size = len(line)
        end = col + (node.end_byte - node.start_byte) if node.end_point[0] == row else size
        if end > size:
            end = size
        if end < col:
            end = col
        while end > col and line[end - 1] == 0x0D:  # a "\r" before the "\n"
            end -= 1
        wide = None if self._ascii else self._wide_bytes(row, line)
        if wide is None:  # bytes are characters
            return ir.Span(self.display, row + 1, col + 1, end - col if end > col else 1)
        # valid UTF-8: characters = bytes - continuation bytes
        start = min(col, len(line))
        before = bisect_left(wide, start)
        inside = bisect_left(wide, end) - bisect_left(wide, col)
        return ir.Span(self.display, row + 1, start - before + 1, max(1, end - col - inside))


def read_source(path: Path, display: str, fs: FileSystem = DISK) -> bytes:
    """The file's bytes without a BOM; whole-file problems become a TranspileError."""
    try:
        raw = fs.read_bytes(path)
    except IsADirectoryError:
        raise TranspileError(Diagnostic("is a directory, not a .ts file", path=display)) from None
    except FileNotFoundError:
        raise TranspileError(Diagnostic("no such file", path=display)) from None
    except PermissionError:
        raise TranspileError(Diagnostic("permission denied", path=display)) from None
    except OSError as exc:
        raise TranspileError(Diagnostic(f"cannot read: {exc.strerror}", path=display)) from None
    except ValueError:  # a NUL in the path
        raise TranspileError(Diagnostic("not a valid path", path=display)) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TranspileError(not_utf8(display, exc)) from None
    return raw


def parse_file(path: Path, display: str, fs: FileSystem = DISK) -> SourceFile:
    """Read and parse `path`; a syntax error is reported at its first bad token."""
    data = read_source(path, display, fs)
    source = SourceFile(display, path, data, parser(path.name.endswith(".tsx")).parse(data))
    if source.root.has_error:
        raise TranspileError(syntax_error(source))
    return source


def syntax_error(source: SourceFile) -> Diagnostic:
    """The first ERROR or MISSING node, in document order, as a diagnostic."""
    node = _first_bad_node(source.root)
    if node is None:  # pragma: no cover - has_error guarantees one
        return Diagnostic("syntax error", path=source.display)
    if node.is_missing:
        what = node.type.replace("_", " ") if node.is_named else f"`{node.type}`"
        return Diagnostic(f"syntax error: missing {what}", span=source.span(node))
    leaf = node
    while leaf.child_count:
        leaf = leaf.children[0]
    token = source.text(leaf).splitlines()[0] if leaf.end_byte > leaf.start_byte else ""
    if len(token) > 30:
        token = token[:27] + "..."
    message = f"syntax error: unexpected `{token}`" if token else "syntax error"
    return Diagnostic(message, span=source.span(leaf))


def _first_bad_node(root: Node) -> Node | None:
    """Iterative pre-order walk (a deep tree must not exhaust Python's stack)."""
    cursor = root.walk()
    while True:
        node = cursor.node
        if node is not None and (node.is_error or node.is_missing):
            return node
        if node is not None and node.has_error and cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return None
