"""Black's layout of the wide statements the Python backend emits, computed directly.

Importing and running black costs about 150 ms of start-up and milliseconds per
block, so the renderer lays out the statement shapes it emits itself, exactly as
`black.format_str(text, mode=black.Mode())` would. Each function here returns the
original one-line statement whenever it cannot vouch for black's layout (a line that
stays too wide, a shape it does not know, non-ASCII text whose width black measures
differently); that line is then too wide, and the block falls back to black.

The shapes (black 24+ stable style, line length 88, no magic trailing commas in the
input) and how black splits them:

- a call statement `prefix f(a, b)` (`x = `, `return ` or nothing before it): the
  arguments on one indented line between `f(` and `)`; if they do not fit, one per
  line with a trailing comma (each such argument split again the same way if it is a
  call that is still too wide); a single argument has no comma and is split again.
- a `def name(params) -> R:` header: the parameters on one indented line and
  `) -> R:` below.
- an annotated assignment `x: A = value` whose value has no brackets: the value in
  parentheses on its own line.
- an annotation `x: Literal[a, b, ...]` or alias `X: TypeAlias = Literal[a, b, ...]`
  (atoms in the brackets): the atoms on one indented line between `Literal[` and `]`;
  if they do not fit, one per line with a trailing comma. A union of 50,000 literals
  took black nearly a minute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LINE_LENGTH = 88
INDENT = "    "


@dataclass(frozen=True, slots=True)
class Call:
    """`func(args)`, where `func` is a dotted name and each argument an atom or a call."""

    func: str
    args: tuple[Expr, ...]


Expr = str | Call


def flat(e: Expr) -> str:
    """The expression on one line, as black writes it."""
    if isinstance(e, str):
        return e
    return f"{e.func}({', '.join(flat(a) for a in e.args)})"


def _fits(line: str) -> bool:
    return len(line) <= LINE_LENGTH


# --- parsing the expressions the renderer builds -------------------------------------


def parse(text: str) -> Expr | None:
    """`text` as a tree of calls, or None if it holds anything else (subscripts,
    operators other than `name + 2`, lambdas...): the layout of those is left to black."""
    pos, expr = _expr(text, 0)
    if expr is None or pos != len(text):
        return None
    return expr


_STRING = {
    '"': re.compile(r'"(?:[^"\\]|\\.)*"', re.S),
    "'": re.compile(r"'(?:[^'\\]|\\.)*'", re.S),
}
_NAME = re.compile(r"[\w.]*")  # \w: str.isalnum() characters and "_"
_PLUS_NUMBER = re.compile(r" \+ [0-9]+(?![\w.])")


def _atom_end(text: str, pos: int) -> int:
    """The end of the dotted name, number or string literal starting at `pos`."""
    n = len(text)
    if pos < n and text[pos] in "\"'":
        match = _STRING[text[pos]].match(text, pos)
        return pos if match is None else match.end()  # unterminated: not ours
    i = pos
    if i < n and text[i] == "-":
        i += 1
    start = i
    if i < n and not text[i].isdigit():  # a name: no exponent to look for, one regex
        name = _NAME.match(text, i)
        assert name is not None  # the pattern matches the empty string
        if name.end() == start:
            return pos
        plus = _PLUS_NUMBER.match(text, name.end())  # `_depth + 2`: one argument to black
        return name.end() if plus is None else plus.end()
    while i < n and (text[i].isalnum() or text[i] in "_."):
        i += 1
        if text[i - 1] in "eE" and i < n and text[i] in "+-" and text[start].isdigit():
            i += 1  # an exponent sign, as repr() writes floats
    return i if i > start else pos


def _expr(text: str, pos: int) -> tuple[int, Expr | None]:
    end = _atom_end(text, pos)
    if end == pos:
        return pos, None
    atom = text[pos:end]
    if end >= len(text) or text[end] != "(":
        return end, atom
    if atom[0] in "\"'-" or atom[0].isdigit():
        return end, None
    pos = end + 1
    args: list[Expr] = []
    while pos < len(text) and text[pos] != ")":
        pos, arg = _expr(text, pos)
        if arg is None:
            return pos, None
        args.append(arg)
        if text.startswith(", ", pos):
            pos += 2
        elif not text.startswith(")", pos):
            return pos, None
    if pos >= len(text):
        return pos, None
    return pos + 1, Call(atom, tuple(args))


# --- layouts ---------------------------------------------------------------------------


def call_statement(indent: str, prefix: str, expr: str, suffix: str = "") -> list[str]:
    """`indent + prefix + expr + suffix` where `expr` is a call, split as black splits it."""
    line = f"{indent}{prefix}{expr}{suffix}"
    if _fits(line) or not line.isascii():
        return [line]
    tree = parse(expr)
    if not isinstance(tree, Call):
        return [line]
    lines = _split(indent, prefix, tree, suffix)
    if lines is None or not all(map(_fits, lines)):
        return [line]
    return lines


def _split(indent: str, prefix: str, call: Call, suffix: str) -> list[str] | None:
    """The right-hand split of `prefix call suffix` at the call's parentheses."""
    inner = indent + INDENT
    head = f"{indent}{prefix}{call.func}("
    tail = f"{indent}){suffix}"
    if not call.args:
        return None
    body = inner + ", ".join(flat(a) for a in call.args)
    if _fits(body):
        return [head, body, tail]
    if len(call.args) == 1:
        arg = call.args[0]
        if not isinstance(arg, Call):
            return None
        lines = _split(inner, "", arg, "")
        return None if lines is None else [head, *lines, tail]
    out = [head]
    for arg in call.args:
        line = f"{inner}{flat(arg)},"
        if _fits(line):
            out.append(line)
            continue
        if not isinstance(arg, Call):
            return None
        lines = _split(inner, "", arg, ",")
        if lines is None:
            return None
        out.extend(lines)
    out.append(tail)
    return out


def def_header(indent: str, name: str, params: str, returns: str) -> list[str]:
    """`def name(params) -> returns:`; when too wide, the parameters on their own line."""
    line = f"{indent}def {name}({params}) -> {returns}:"
    if _fits(line) or not line.isascii():
        return [line]
    lines = [f"{indent}def {name}(", f"{indent}{INDENT}{params}", f"{indent}) -> {returns}:"]
    return lines if all(map(_fits, lines)) else [line]


def annotated_assignment(indent: str, target: str, value: str) -> list[str]:
    """`target = value` (target `x: Annotation`, value a dotted name or literal without
    brackets); when too wide, the value in parentheses on its own line."""
    line = f"{indent}{target} = {value}"
    if _fits(line) or not line.isascii():
        return [line]
    if any(ch in value for ch in "()[]{}") or "[" not in target:
        return [line]
    lines = [f"{indent}{target} = (", f"{indent}{INDENT}{value}", f"{indent})"]
    return lines if all(map(_fits, lines)) else [line]


def subscript_statement(indent: str, prefix: str, expr: str) -> list[str]:
    """`indent + prefix + expr` where `expr` is `Name[a, b, ...]` (two or more atoms),
    split as black splits it: at the brackets, the atoms on one line or one a line."""
    line = f"{indent}{prefix}{expr}"
    if _fits(line) or not line.isascii():
        return [line]
    parsed = _subscript(expr)
    if parsed is None or len(parsed[1]) < 2:
        return [line]
    name, items = parsed
    inner = indent + INDENT
    head, tail = f"{indent}{prefix}{name}[", f"{indent}]"
    body = inner + ", ".join(items)
    if _fits(body):
        lines = [head, body, tail]
    else:
        lines = [head, *(f"{inner}{item}," for item in items), tail]
    return lines if all(map(_fits, lines)) else [line]


def _subscript(text: str) -> tuple[str, list[str]] | None:
    """`Name[a, b, ...]` whose items are atoms, as (name, items); else None."""
    end = _atom_end(text, 0)
    if end == 0 or not text.startswith("[", end) or not text.endswith("]"):
        return None
    if text[0] in "\"'-" or text[0].isdigit():
        return None
    items: list[str] = []
    pos, stop = end + 1, len(text) - 1
    while pos < stop:
        atom_end = _atom_end(text, pos)
        if atom_end == pos:
            return None
        items.append(text[pos:atom_end])
        pos = atom_end
        if text.startswith(", ", pos) and pos + 2 < stop:
            pos += 2
        elif pos != stop:
            return None
    return text[:end], items
