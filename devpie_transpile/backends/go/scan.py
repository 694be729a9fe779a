"""The fast path of each Go type: statements that read its JSON with runtime's scanner.

A `scan<Name>(s *scanner, v *<Name>) bool` function per declaration reads a valid
value in one pass, straight into the Go value: no intermediate maps, no per-leaf
json.Unmarshal, no path strings. It only says whether the input is valid; when it
is not, the caller runs the precise path (`decode<Name>`), which names the problem.
It must never accept what the precise path rejects, so whatever it does not read
itself (unions, literal sets, `any`) goes through `scanVia` with the precise decoder.
"""

from __future__ import annotations

from ... import ir
from .names import decoder_name, go_string, scan_name
from .types import GoType, TypeMapper

_IND = "\t"


class ScanWriter:
    """Go statements that scan one JSON value into an addressable Go expression."""

    def __init__(self, module: ir.Module, mapper: TypeMapper, uses: set[str]) -> None:
        self.module = module
        self.mapper = mapper
        self.uses = uses
        self.counter = 0

    def _go(self, t: ir.Type) -> GoType:
        """t's Go type; the field's own rendering has already reported what Go refuses."""
        known = len(self.mapper.errors)
        go = self.mapper.go_type(t)
        del self.mapper.errors[known:]
        return go

    def _tmp(self) -> str:
        self.counter += 1
        return f"x{self.counter}"

    def _via(self, t: ir.Type, dst: str, ind: str) -> list[str]:
        decoder = self._go(t).decoder
        self.uses.update(("scanVia", decoder))
        return [f"{ind}if !scanVia(s, {decoder}, &{dst}) {{", f"{ind}\treturn false", f"{ind}}}"]

    def stmts(self, t: ir.Type, dst: str, ind: str) -> list[str]:
        """Statements reading the next value into `dst` (of t's Go type), or returning false."""
        match t:
            case ir.Prim(name="string" | "number" | "boolean" as name):
                call = {"string": "str", "number": "num", "boolean": "boolean"}[name]
                return [f"{ind}if !s.{call}(&{dst}) {{", f"{ind}\treturn false", f"{ind}}}"]
            case ir.Array(item=item):
                return self._array(item, dst, ind)
            case ir.Map(value=value):
                return self._map(value, dst, ind)
            case ir.Ref(name=name) | ir.Object(name=name) if self._scannable_ref(name) or \
                    isinstance(t, ir.Object):
                return [f"{ind}if !{scan_name(name)}(s, &{dst}) {{", f"{ind}\treturn false",
                        f"{ind}}}"]
            case ir.EnumMemberRef(enum=enum, member=member) if self._const(enum, member):
                const = self._const(enum, member)
                return [f"{ind}if !{scan_name(enum)}(s, &{dst}) || {dst} != {const} {{",
                        f"{ind}\treturn false", f"{ind}}}"]
            case ir.Literal(value=str() as value):
                return [f"{ind}if !s.str(&{dst}) || {dst} != {go_string(value)} {{",
                        f"{ind}\treturn false", f"{ind}}}"]
            case ir.Union(members=members):
                rest = [m for m in members if not (isinstance(m, ir.Prim) and m.name == "null")]
                if len(rest) == 1 and len(rest) < len(members) and self._direct(rest[0]):
                    return self._nullable(rest[0], dst, ind)
                if len(rest) == len(members) and all(
                    isinstance(m, ir.Literal) and isinstance(m.value, str) for m in rest
                ):
                    values = ", ".join(dict.fromkeys(
                        go_string(m.value) for m in rest if isinstance(m, ir.Literal)
                        and isinstance(m.value, str)))
                    tmp = self._tmp()
                    return [f"{ind}var {tmp} string", f"{ind}if !s.str(&{tmp}) {{",
                            f"{ind}\treturn false", f"{ind}}}", f"{ind}switch {tmp} {{",
                            f"{ind}case {values}:", f"{ind}\t{dst} = {tmp}", f"{ind}default:",
                            f"{ind}\treturn false", f"{ind}}}"]
                return self._via(t, dst, ind)
            case _:
                return self._via(t, dst, ind)

    def _scannable_ref(self, name: str) -> bool:
        decl = self.module.decls.get(name)
        return decl is not None

    def _const(self, enum: str, member: str) -> str | None:
        """The Go const of `enum.member`, None when there is none (refused elsewhere).
        A dict lookup, not a scan of the members: one per discriminator."""
        return self.mapper.names.consts.get((enum, enum, member))

    def _direct(self, t: ir.Type) -> bool:
        """Whether stmts reads t itself (not through scanVia)."""
        match t:
            case ir.Prim(name="string" | "number" | "boolean") | ir.Object() | ir.Ref():
                return True
            case ir.EnumMemberRef(enum=enum, member=member):
                return self._const(enum, member) is not None
            case ir.Literal(value=value):
                return isinstance(value, str)
            case ir.Array(item=inner) | ir.Map(value=inner):
                return self._direct(inner)
            case _:
                return False

    def _nullable(self, inner: ir.Type, dst: str, ind: str) -> list[str]:
        go = self._go(inner)
        out = [f"{ind}if s.null() {{", f"{ind}\t{dst} = nil", f"{ind}}} else {{"]
        if go.nilable:
            out += self.stmts(inner, dst, ind + _IND)
        else:
            tmp = self._tmp()
            out.append(f"{ind}\tvar {tmp} {go.expr}")
            out += self.stmts(inner, tmp, ind + _IND)
            out.append(f"{ind}\t{dst} = &{tmp}")
        out.append(f"{ind}}}")
        return out

    def optional(self, t: ir.Type, dst: str, pointer: bool, ind: str) -> list[str]:
        """An optional field: null (or absent) is nil; `pointer` when its Go type is *T."""
        out = [f"{ind}if s.null() {{", f"{ind}\t{dst} = nil", f"{ind}}} else {{"]
        if pointer:
            tmp = self._tmp()
            out.append(f"{ind}\tvar {tmp} {self._go(t).expr}")
            out += self.stmts(t, tmp, ind + _IND)
            out.append(f"{ind}\t{dst} = &{tmp}")
        else:
            out += self.stmts(t, dst, ind + _IND)
        out.append(f"{ind}}}")
        return out

    def _array(self, item: ir.Type, dst: str, ind: str) -> list[str]:
        go = self._go(item)
        items, one = self._tmp(), self._tmp()
        return [
            f"{ind}{items} := make([]{go.expr}, 0)",
            f"{ind}for ok := s.enter('[', ']'); ok; ok = s.more(']') {{",
            f"{ind}\tvar {one} {go.expr}",
            *self.stmts(item, one, ind + _IND),
            f"{ind}\t{items} = append({items}, {one})",
            f"{ind}}}",
            f"{ind}if s.bad {{",
            f"{ind}\treturn false",
            f"{ind}}}",
            f"{ind}{dst} = {items}",
        ]

    def _map(self, value: ir.Type, dst: str, ind: str) -> list[str]:
        go = self._go(value)
        items, one, key = self._tmp(), self._tmp(), self._tmp()
        return [
            f"{ind}{items} := make(map[string]{go.expr})",
            f"{ind}for ok := s.enter('{{', '}}'); ok; ok = s.more('}}') {{",
            f"{ind}\t{key} := s.key()",
            f"{ind}\tif {key} == nil {{",
            f"{ind}\t\treturn false",
            f"{ind}\t}}",
            f"{ind}\tvar {one} {go.expr}",
            *self.stmts(value, one, ind + _IND),
            f"{ind}\t{items}[string({key})] = {one}",
            f"{ind}}}",
            f"{ind}if s.bad {{",
            f"{ind}\treturn false",
            f"{ind}}}",
            f"{ind}{dst} = {items}",
        ]

    # --- whole functions -------------------------------------------------------------

    def struct(self, name: str, fields: list[tuple[str, ir.Field, str, bool]]) -> list[str]:
        """`scan<Name>`: fields are (Go name, field, Go type, whether it is a pointer)."""
        self.counter = 0
        self.uses.add("scanner")
        required = [i for i, (_, f, _, _) in enumerate(fields) if not f.optional]
        bit = {i: n for n, i in enumerate(required)}
        words = (len(required) + 63) // 64
        out = [f"func {scan_name(name)}(s *scanner, v *{name}) bool {{"]
        for w in range(words):
            out.append(f"\tvar seen{w} uint64")
        if fields:
            out += [
                "\tfor ok := s.enter('{', '}'); ok; ok = s.more('}') {",
                "\t\tkey := s.key()",
                "\t\tif key == nil {",
                "\t\t\treturn false",
                "\t\t}",
                "\t\tswitch string(key) {",
            ]
            for i, (go_name, f, _, pointer) in enumerate(fields):
                out.append(f"\t\tcase {go_string(f.name)}:")
                dst = f"v.{go_name}"
                if f.optional:
                    out += self.optional(_without_null(f.type), dst, pointer, "\t\t\t")
                else:
                    out += self.stmts(f.type, dst, "\t\t\t")
                    n = bit[i]
                    out.append(f"\t\t\tseen{n // 64} |= 1 << {n % 64}")
            out += [
                "\t\tdefault:",
                "\t\t\tif !s.skip() {",
                "\t\t\t\treturn false",
                "\t\t\t}",
                "\t\t}",
                "\t}",
            ]
        else:
            out += [
                "\tif !s.skip() || s.bad {",
                "\t\treturn false",
                "\t}",
                "\treturn true",
                "}",
            ]
            out[1:1] = ["\tif s.space() != '{' {", "\t\treturn false", "\t}"]
            return out
        checks = ["!s.bad"]
        for w in range(words):
            count = min(64, len(required) - 64 * w)
            mask = f"{(1 << count) - 1:#x}"
            checks.append(f"seen{w} == {mask}")
        out.append(f"\treturn {' && '.join(checks)}")
        out.append("}")
        return out

    def alias(self, name: str, t: ir.Type, own_type: bool) -> list[str]:
        """`scan<Name>` of an alias; `own_type` when it is a defined type (not `=`)."""
        self.counter = 0
        self.uses.add("scanner")
        if own_type or not self._direct(t):
            self.uses.update(("scanVia", f"{decoder_name(name)}"))
            return [
                f"func {scan_name(name)}(s *scanner, v *{name}) bool {{",
                f"\treturn scanVia(s, {decoder_name(name)}, v)",
                "}",
            ]
        return [
            f"func {scan_name(name)}(s *scanner, v *{name}) bool {{",
            *self.stmts(t, "*v", "\t"),
            "\treturn true",
            "}",
        ]

    def enum(self, name: str, kind: str, consts: list[str]) -> list[str]:
        """`scan<Name>` of an enum (or an alias of an enum union): a member's value only."""
        self.uses.add("scanner")
        base, call = ("string", "str") if kind == "string" else ("int", "integer")
        out = [
            f"func {scan_name(name)}(s *scanner, v *{name}) bool {{",
            f"\tvar x {base}",
            f"\tif !s.{call}(&x) {{",
            "\t\treturn false",
            "\t}",
        ]
        if consts:
            out += [
                f"\tswitch {name}(x) {{",
                f"\tcase {', '.join(consts)}:",
                f"\t\t*v = {name}(x)",
                "\t\treturn true",
                "\t}",
            ]
        out += ["\treturn false", "}"]
        return out


def _without_null(t: ir.Type) -> ir.Type:
    if not isinstance(t, ir.Union):
        return t
    rest = tuple(m for m in t.members if not (isinstance(m, ir.Prim) and m.name == "null"))
    if len(rest) == len(t.members):
        return t
    if len(rest) == 1:
        return rest[0]
    return ir.Union(rest, t.span)

