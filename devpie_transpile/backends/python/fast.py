"""The fast path of each generated class: straight-line checks of valid input.

`_fast(_cls, _d, _depth)`, a staticmethod called as `Name._fast(Name, ...)` (no bound
method is made per call; `from_dict` on a subclass still builds the subclass), reads a
parsed JSON object with inline `x.__class__ is str` checks and direct constructor calls:
no helper chains, no closures, no paths.
It only has to raise (anything) when the input is not valid; `from_dict` then
runs the precise path (`_decode`), which names the first problem. It must never
accept what the precise path rejects, so whatever it does not check itself goes
through the precise decoder (whose messages are then not used).
"""

from __future__ import annotations

from collections.abc import Callable

from ... import ir
from ...messages import enum_values
from .names import member_name

MAX_DEPTH = 128  # runtime.py's _MAX_DEPTH
_FAIL = "raise ValueError"


class FastWriter:
    """Python statements and expressions checking one JSON value of a type."""

    def __init__(self, decls: dict[str, ir.Decl], decoder: Callable[[ir.Type], str],
                 enum_kind: Callable[[str], str | None], quote: Callable[[str], str],
                 chain_end: Callable[[ir.Alias], ir.Alias]) -> None:
        self.decls = decls
        self.chain_end = chain_end  # walks `type A = B`, `type B = C`... without recursing
        self.quote = quote
        self.decoder = decoder
        self.enum_kind = enum_kind
        self.counter = 0
        self.resolving: set[str] = set()
        self._heights: dict[str, int] = {}  # per alias: a diamond of aliases stays linear
        self._values: dict[tuple[str, str], str | int] | None = None

    def _to_alias(self, alias: ir.Alias) -> bool:
        """Whether alias is `type A = B` with B another alias (left to the precise path)."""
        return isinstance(alias.type, ir.Ref) and isinstance(self.decls.get(alias.type.name),
                                                              ir.Alias)

    @staticmethod
    def deeper(depth: str) -> str:
        """`_depth + 1` -> `_depth + 2`."""
        base, _, n = depth.partition(" + ")
        return f"{base} + {int(n or 0) + 1}"

    def _tmp(self) -> str:
        self.counter += 1
        return f"_v{self.counter}"

    def _fallback(self, t: ir.Type, var: str, depth: str) -> tuple[list[str], str]:
        return [], f'{self.decoder(t)}({var}, "$", {depth})'

    def value(self, t: ir.Type, var: str, depth: str, ind: str) -> tuple[list[str], str]:
        """(statements that raise unless `var` is valid, the decoded value's expression)."""
        match t:
            case ir.Prim(name="string"):
                return [f"{ind}if {var}.__class__ is not str:", f"{ind}    {_FAIL}"], var
            case ir.Prim(name="boolean"):
                return [f"{ind}if {var}.__class__ is not bool:", f"{ind}    {_FAIL}"], var
            case ir.Prim(name="number"):
                inner = f"{var}.__class__ is not float or {var} - {var} != 0.0"
                line = f"{ind}if {var}.__class__ is not int and ({inner}):"
                if len(line) <= 88:
                    return [line, f"{ind}    {_FAIL}"], var
                # as black splits it (a still wider line is left to black, see _Block)
                return [f"{ind}if {var}.__class__ is not int and (", f"{ind}    {inner}",
                        f"{ind}):", f"{ind}    {_FAIL}"], var
            case ir.Prim(name="null"):
                return [f"{ind}if {var} is not None:", f"{ind}    {_FAIL}"], var
            case ir.Array(item=item):
                return self._array(t, item, var, depth, ind)
            case ir.Map(value=value):
                return self._map(t, value, var, depth, ind)
            case ir.Ref(name=name):
                decl = self.decls[name]
                if isinstance(decl, ir.Interface):
                    return [], f"{name}._fast({name}, {var}, {depth})"
                if isinstance(decl, ir.Enum):
                    base = "int" if decl.kind == "int" else "str"
                    return [f"{ind}if {var}.__class__ is not {base}:", f"{ind}    {_FAIL}"], \
                        f"{name}({var})"
                end = self.chain_end(decl) if isinstance(decl, ir.Alias) else decl
                if name in self.resolving or not isinstance(end, ir.Alias) or self._to_alias(end):
                    return self._fallback(t, var, depth)
                self.resolving.add(name)
                try:
                    return self.value(end.type, var, depth, ind)
                finally:
                    self.resolving.discard(name)
            case ir.Object(name=name):
                return [], f"{name}._fast({name}, {var}, {depth})"
            case ir.EnumMemberRef(enum=enum, member=member) if self.enum_kind(enum) == "string":
                const = f"{enum}.{member_name(member)}"
                # compared with the plain str value: `!=` against the member is slower
                text = self._member_value(enum, member)
                return [f"{ind}if {var}.__class__ is not str or {var} != {text}:",
                        f"{ind}    {_FAIL}"], const
            case ir.Literal(value=str() as value):
                return [f"{ind}if {var}.__class__ is not str or {var} != {self.quote(value)}:",
                        f"{ind}    {_FAIL}"], var
            case ir.Union(members=members):
                rest = [m for m in members if not (isinstance(m, ir.Prim) and m.name == "null")]
                if len(rest) == 1 and len(rest) < len(members):
                    stmts, expr = self.value(rest[0], var, depth, ind + "    ")
                    if expr == var:
                        return [f"{ind}if {var} is not None:", *stmts] if stmts else [], var
                    if not stmts:
                        return [], f"None if {var} is None else {expr}"
                return self._fallback(t, var, depth)
            case _:
                return self._fallback(t, var, depth)

    def _member_value(self, enum: str, member: str) -> str:
        """The quoted value of a string enum's member (the member's own expression if
        it is not found: the comparison then stays correct, only slower)."""
        if self._values is None:  # one index: a scan of the enum per field is quadratic
            self._values = enum_values(self.decls)
        value = self._values.get((enum, member))
        return self.quote(value) if isinstance(value, str) else f"{enum}.{member_name(member)}"

    def _array(self, t: ir.Type, item: ir.Type, var: str, depth: str,
               ind: str) -> tuple[list[str], str]:
        one = self._tmp()
        stmts, expr = self.value(item, one, self.deeper(depth), ind + "    ")
        head = [f"{ind}if {var}.__class__ is not list:", f"{ind}    {_FAIL}"]
        if expr == one:
            loop = [f"{ind}for {one} in {var}:", *stmts] if stmts else []
            return [*head, *loop], f"list({var})"
        if not stmts:
            return head, f"[{expr} for {one} in {var}]"
        return self._fallback(t, var, depth)

    def _map(self, t: ir.Type, value: ir.Type, var: str, depth: str,
             ind: str) -> tuple[list[str], str]:
        one, key = self._tmp(), self._tmp()
        stmts, expr = self.value(value, one, self.deeper(depth), ind + "    ")
        head = [f"{ind}if {var}.__class__ is not dict:", f"{ind}    {_FAIL}"]
        if expr == one:
            loop = [f"{ind}for {one} in {var}.values():", *stmts] if stmts else []
            return [*head, *loop], f"dict({var})"
        if not stmts:
            return head, f"{{{key}: {expr} for {key}, {one} in {var}.items()}}"
        return self._fallback(t, var, depth)

    def height(self, t: ir.Type) -> int:
        """How many arrays and maps nest inside a field's value (classes count for themselves)."""
        match t:
            case ir.Array(item=inner) | ir.Map(value=inner):
                return 1 + self.height(inner)
            case ir.Union(members=members):
                return max((self.height(m) for m in members), default=0)
            case ir.Tuple(items=items):
                return 1 + max((self.height(m) for m in items), default=0)
            case ir.Ref(name=name):
                decl = self.decls[name]
                if not isinstance(decl, ir.Alias) or name in self.resolving:
                    return 0
                end = self.chain_end(decl)
                if self._to_alias(end):
                    return 0
                if name not in self._heights:
                    self.resolving.add(name)
                    try:
                        self._heights[name] = self.height(end.type)
                    finally:
                        self.resolving.discard(name)
                return self._heights[name]
            case _:
                return 0


def assignment(indent: str, target: str, expr: str) -> list[str]:
    """`target = expr` as black lays it out: a comprehension too wide for one line is
    split inside its brackets (a call by layout.call_statement; anything else by black)."""
    from .layout import call_statement

    line = f"{indent}{target} = {expr}"
    if len(line) <= 88 or not line.isascii():
        return [line]
    if expr[0] in "[{" and " for " in expr:
        body = f"{indent}    {expr[1:-1]}"
        if len(body) <= 88:
            return [f"{indent}{target} = {expr[0]}", body, f"{indent}{expr[-1]}"]
        element, _, clause = expr[1:-1].rpartition(" for ")
        items = [f"{indent}    {element}"]
        if len(items[0]) > 88:  # the element's call split too: `Name._fast(` ... `)`
            key, colon, value = element.partition(": ") if expr[0] == "{" else ("", "", element)
            items = call_statement(f"{indent}    ", key + colon, value)
        lines = [f"{indent}{target} = {expr[0]}", *items, f"{indent}    for {clause}",
                 f"{indent}{expr[-1]}"]
        return lines if all(len(x) <= 88 for x in lines) else [line]
    if expr.endswith(")") and not expr.startswith("None if"):
        # black's right-hand split at the last call's parentheses
        depth = 0
        for i in range(len(expr) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(expr[i], 0)
            if depth == 0:
                lines = [f"{indent}{target} = {expr[: i + 1]}", f"{indent}    {expr[i + 1 : -1]}",
                         f"{indent})"]
                if all(len(x) <= 88 for x in lines):
                    return lines
                break
    return call_statement(indent, f"{target} = ", expr)
