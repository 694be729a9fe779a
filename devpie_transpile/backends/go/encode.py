"""The Go encoders: `append<Name>(b, m)` per struct, behind its MarshalJSON.

Each appends the struct's JSON straight to a byte slice (no reflection, no second
json.Marshal of a copy): required fields always, optional ones when set, keys as
encoding/json writes them, map keys sorted. A nil required slice or map is `[]` /
`{}` and a message writes its own discriminator, so every Go value encodes to JSON
that decodes (what Go encodes, Go and Python decode). Types it does not write itself
(`any`, unions, anything new) go through json.Marshal.
"""

from __future__ import annotations

import functools
import json
import re

from ... import ir
from ...messages import enum_values
from .names import append_name, go_string
from .types import GoType, TypeMapper

_HTML = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
         "\u2029": "\\u2029"}
_SHORT = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
          "\f": "\\f"}


_PLAIN = re.compile(r"[ !#-%'-;=?-\[\]-~]*")
"""Printable ASCII that encoding/json writes as it is (no quote, backslash, <, >, &)."""


@functools.lru_cache(maxsize=8192)  # JSON keys repeat in every struct
def json_string(text: str) -> str:
    """`text` as encoding/json writes a string (HTML-safe)."""
    if _PLAIN.fullmatch(text):
        return f'"{text}"'  # nothing to escape (the common case, without a loop)
    out = ['"']
    for ch in text:
        if ch in _SHORT:
            out.append(_SHORT[ch])
        elif ch in _HTML:
            out.append(_HTML[ch])
        elif ord(ch) < 0x20:
            out.append(f"\\u{ord(ch):04x}")
        elif 0xD800 <= ord(ch) <= 0xDFFF:
            out.append("\\ufffd")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def key_text(name: str) -> str:
    """`,"name":`, as a field is written after the object's first byte."""
    return "," + json_string(name) + ":"


@functools.lru_cache(maxsize=8192)
def _key_literal(name: str) -> str:
    """The Go string literal of `key_text(name)`."""
    return go_string(key_text(name))


class EncodeWriter:
    """Go statements appending one value's JSON to `b` (errors returned as `b, err`)."""

    def __init__(self, module: ir.Module, mapper: TypeMapper, uses: set[str]) -> None:
        self.module = module
        self.mapper = mapper
        self.uses = uses
        self.counter = 0
        self.fails = False  # whether the function being written can return an error
        self.resolving: set[str] = set()
        self.enum_values: dict[tuple[str, str], str | int] | None = None

    def _go(self, t: ir.Type) -> GoType:
        known = len(self.mapper.errors)
        go = self.mapper.go_type(t)
        del self.mapper.errors[known:]
        return go

    def _tmp(self) -> str:
        self.counter += 1
        return f"x{self.counter}"

    def _marshal(self, value: str, ind: str) -> list[str]:
        self.fails = True
        raw = self._tmp()
        return [f"{ind}{raw}, err := json.Marshal({value})", f"{ind}if err != nil {{",
                f"{ind}\treturn b, err", f"{ind}}}", f"{ind}b = append(b, {raw}...)"]

    def _call(self, call: str, ind: str) -> list[str]:
        self.fails = True
        return [f"{ind}if b, err = {call}; err != nil {{", f"{ind}\treturn b, err", f"{ind}}}"]

    def stmts(self, t: ir.Type, value: str, ind: str) -> list[str]:
        """Statements appending `value` (an addressable Go expression of t's Go type)."""
        match t:
            case ir.Prim(name="string"):
                self.uses.add("appendString")
                return [f"{ind}b = appendString(b, {value})"]
            case ir.Prim(name="number"):
                self.uses.add("appendNumber")
                return self._call(f"appendNumber(b, {value})", ind)
            case ir.Prim(name="boolean"):
                self.uses.add("appendBool")
                return [f"{ind}b = appendBool(b, {value})"]
            case ir.Array(item=item):
                return self._array(item, value, ind)
            case ir.Map(value=inner):
                return self._map(inner, value, ind)
            case ir.Object(name=name):
                return self._call(f"{append_name(name)}(b, &{value})", ind)
            case ir.Ref(name=name):
                return self._ref(t, name, value, ind)
            case ir.EnumMemberRef() | ir.Literal():
                go = self._go(t)
                return self._basic(go.expr, value, ind) or self._marshal(value, ind)
            case ir.Union(members=members):
                rest = [m for m in members if not (isinstance(m, ir.Prim) and m.name == "null")]
                go = self._go(t)
                if len(rest) == 1 and len(rest) < len(members) and go.kind != "any":
                    deref = f"(*{value})" if go.kind == "ptr" else value
                    write = self.stmts(rest[0], deref, ind + "\t")
                    return [f"{ind}if {value} == nil {{", f'{ind}\tb = append(b, "null"...)',
                            f"{ind}}} else {{", *write, f"{ind}}}"]
                return self._basic(go.expr, value, ind) or self._marshal(value, ind)
            case _:
                return self._marshal(value, ind)

    def constant(self, t: ir.Type) -> str | None:
        """The JSON text of the one value a field of type t can hold (a literal or an
        enum member), else None."""
        match t:
            case ir.Literal(value=bool() as value):
                return "true" if value else "false"
            case ir.Literal(value=str() as value):
                return json_string(value)
            case ir.Literal(value=int() as value):
                return json.dumps(value)
            case ir.EnumMemberRef(enum=enum, member=member):
                if self.enum_values is None:  # one index: a scan per field was quadratic
                    self.enum_values = enum_values(self.module.decls)
                found = self.enum_values.get((enum, member))
                if found is not None:
                    return json_string(found) if isinstance(found, str) else str(found)
        return None

    def _basic(self, expr: str, value: str, ind: str) -> list[str] | None:
        """A value whose Go type is string, float64, bool or a defined enum type."""
        if expr == "string":
            self.uses.add("appendString")
            return [f"{ind}b = appendString(b, {value})"]
        if expr == "float64":
            self.uses.add("appendNumber")
            return self._call(f"appendNumber(b, {value})", ind)
        if expr == "bool":
            self.uses.add("appendBool")
            return [f"{ind}b = appendBool(b, {value})"]
        if expr == "int":
            self.uses.add("appendInt")
            return [f"{ind}b = appendInt(b, {value})"]
        decl = self.module.decls.get(expr)
        if isinstance(decl, ir.Enum):
            if decl.kind == "int":
                self.uses.add("appendInt")
                return [f"{ind}b = appendInt(b, int({value}))"]
            self.uses.add("appendString")
            return [f"{ind}b = appendString(b, string({value}))"]
        return None

    def _ref(self, t: ir.Ref, name: str, value: str, ind: str) -> list[str]:
        decl = self.module.decls[name]
        if isinstance(decl, ir.Interface):
            return self._call(f"{append_name(name)}(b, &{value})", ind)
        if isinstance(decl, ir.Enum):
            return self._basic(name, value, ind) or self._marshal(value, ind)
        # an alias: of a basic type (`type Role string`, an enum union, `= string`) it is
        # written as that type; anything else through json.Marshal (never recursing, so
        # that a chain of thousands of aliases cannot exhaust the stack)
        underlying = self._go(decl.type).expr
        if underlying in ("string", "float64", "bool", "int"):
            return self._basic(underlying, f"{underlying}({value})", ind) or []
        return self._marshal(value, ind)

    def _array(self, item: ir.Type, value: str, ind: str) -> list[str]:
        i = self._tmp()
        return [
            f"{ind}b = append(b, '[')",
            f"{ind}for {i} := range {value} {{",
            f"{ind}\tif {i} > 0 {{",
            f"{ind}\t\tb = append(b, ',')",
            f"{ind}\t}}",
            *self.stmts(item, f"{value}[{i}]", ind + "\t"),
            f"{ind}}}",
            f"{ind}b = append(b, ']')",
        ]

    def _map(self, inner: ir.Type, value: str, ind: str) -> list[str]:
        self.uses.update(("sortedKeys", "appendString"))
        i, key, one = self._tmp(), self._tmp(), self._tmp()
        go = self._go(inner)
        return [
            f"{ind}b = append(b, '{{')",
            f"{ind}for {i}, {key} := range sortedKeys({value}) {{",
            f"{ind}\tif {i} > 0 {{",
            f"{ind}\t\tb = append(b, ',')",
            f"{ind}\t}}",
            f"{ind}\tb = appendString(b, {key})",
            f"{ind}\tb = append(b, ':')",
            f"{ind}\tvar {one} {go.expr} = {value}[{key}]",
            *self.stmts(inner, one, ind + "\t"),
            f"{ind}}}",
            f"{ind}b = append(b, '}}')",
        ]

    def struct(self, name: str, fields: list[tuple[str, ir.Field, str]]) -> list[str]:
        """`append<Name>`; fields are (Go name, field, Go type). A field of one possible
        value (a discriminator, `version: 1`) is written as that value, whatever it holds,
        as the Python class defaults it."""
        self.counter = 0
        self.fails = False
        body: list[str] = ["\tstart := len(b)"]
        for go_name, f, expr in fields:
            key = _key_literal(f.name)
            value = f"m.{go_name}"
            constant = self.constant(f.type) if not f.optional else None
            if constant is not None:
                body.append(f"\tb = append(b, {go_string(key_text(f.name) + constant)}...)")
                continue
            if f.optional:
                t = _without_null(f.type)
                inner_ind = "\t\t"
                if expr.startswith("*"):
                    write = self.stmts(t, f"(*{value})", inner_ind)
                else:
                    write = self.stmts(t, value, inner_ind)
                body.append(f"\tif {value} != nil {{")
                body.append(f"\t\tb = append(b, {key}...)")
                body.extend(write)
                body.append("\t}")
            else:
                body.append(f"\tb = append(b, {key}...)")
                body.extend(self.stmts(f.type, value, "\t"))
        body += [
            "\tif len(b) == start {",
            "\t\treturn append(b, '{', '}'), nil",
            "\t}",
            "\tb[start] = '{'",
            "\treturn append(b, '}'), nil",
        ]
        head = [f"func {append_name(name)}(b []byte, m *{name}) ([]byte, error) {{"]
        if self.fails and any("err = " in line for line in body):
            head.append("\tvar err error")
        return [*head, *body, "}"]


def _without_null(t: ir.Type) -> ir.Type:
    if not isinstance(t, ir.Union):
        return t
    rest = tuple(m for m in t.members if not (isinstance(m, ir.Prim) and m.name == "null"))
    if len(rest) == len(t.members):
        return t
    if len(rest) == 1:
        return rest[0]
    return ir.Union(rest, t.span)
