"""The Go type and decoder of each IR type, and the types Go cannot express.

A decoder is a Go expression of type `func(json.RawMessage, string) (T, error)`,
built from runtime.py's helpers and the per-declaration `decode<Name>` functions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal as _Literal

from ... import ir
from ..._compat import assert_never
from ...diagnostics import Diagnostic
from ...messages import Tagged
from ..unions import MIXED_ENUMS, tagged_union
from .names import GoNames, decoder_name, enum_union, go_string, is_mixed

Kind = _Literal["value", "ptr", "slice", "map", "any"]


@dataclass(frozen=True, slots=True)
class GoType:
    """A Go type expression, its decoder, and whether it already has nil (`kind`)."""

    expr: str
    decoder: str
    kind: Kind

    @property
    def nilable(self) -> bool:
        return self.kind != "value"


_PRIMS: dict[str, GoType] = {
    "string": GoType("string", "decodeString", "value"),
    "number": GoType("float64", "decodeNumber", "value"),
    "boolean": GoType("bool", "decodeBool", "value"),
    "any": GoType("any", "decodeAny", "any"),
    "unknown": GoType("any", "decodeAny", "any"),
}


def json_text(value: str | int | float | bool) -> str:
    """A literal as compact JSON, as Python's json.dumps(ensure_ascii=False) writes it."""
    return json.dumps(value, ensure_ascii=False)


def _literal_go(value: str | int | float | bool) -> tuple[str, GoType]:
    """A Go literal for a TS literal value, and the Go base type it belongs to."""
    if isinstance(value, bool):
        return ("true" if value else "false"), _PRIMS["boolean"]
    if isinstance(value, str):
        return go_string(value), _PRIMS["string"]
    return repr(value), _PRIMS["number"]


class TypeMapper:
    """Maps IR types to Go, collecting a diagnostic for each type Go cannot express."""

    def __init__(self, module: ir.Module, names: GoNames) -> None:
        self.module = module
        self.names = names
        self.errors: list[Diagnostic] = []
        self._resolving: set[str] = set()
        self._kinds: dict[str, Kind] = {}  # alias -> kind, once worked out
        self._members: dict[str, dict[str, ir.EnumMember]] = {}  # enum -> member name -> member
        self._dates: dict[str, bool] = {}  # alias -> whether its values hold a time.Time

    def _find_member(self, enum: ir.Enum, name: str) -> ir.EnumMember | None:
        """The member `name` of `enum`, from an index built once per enum (a message per
        member would make a scan quadratic)."""
        members = self._members.get(enum.name)
        if members is None:
            members = self._members[enum.name] = {}
            for m in enum.members:
                members.setdefault(m.name, m)
        return members.get(name)

    def _refuse(self, span: ir.Span, message: str) -> GoType:
        self.errors.append(Diagnostic(message, span=span))
        return _PRIMS["any"]

    def go_type(self, t: ir.Type) -> GoType:
        """The Go type of `t` where a value is required (no optionality)."""
        match t:
            case ir.Prim(name="null"):
                return self._refuse(t.span, "a type that is only null has no Go type")
            case ir.Prim(name=name):
                return _PRIMS[name]
            case ir.Array(item=item):
                inner = self.go_type(item)
                return GoType(f"[]{inner.expr}", f"decodeArray({inner.decoder})", "slice")
            case ir.Map(value=value):
                inner = self.go_type(value)
                return GoType(f"map[string]{inner.expr}", f"decodeMap({inner.decoder})", "map")
            case ir.Ref(name=name):
                return GoType(name, f"{decoder_name(name)}", self._ref_kind(name))
            case ir.EnumMemberRef():
                return self._member(t)
            case ir.Literal(value=value):
                go, base = _literal_go(value)
                return GoType(
                    base.expr,
                    f"decodeOneOf({base.decoder}, []{base.expr}{{{go}}}, "
                    f"{go_string(json_text(value))})",
                    "value",
                )
            case ir.Union():
                return self._union(t)
            case ir.Object(name=name):
                return GoType(name, f"{decoder_name(name)}", "value")
            case ir.Date():
                return GoType("time.Time", "decodeDate", "value")
            case ir.Tuple(name=name, items=items):
                if is_mixed(t):
                    return GoType(name, f"{decoder_name(name)}", "value")
                inner = self.go_type(items[0])
                array = f"[{len(items)}]{inner.expr}"
                convert = f"func(s []{inner.expr}) {array} {{ return {array}(s) }}"
                return GoType(
                    array, f"decodeFixed({len(items)}, {inner.decoder}, {convert})", "value"
                )
            case _:
                assert_never(t)

    def encoder(self, t: ir.Type, go: GoType) -> str | None:
        """A Go `encoder[T]` expression for a value of `t` (Go type `go`) when
        encoding/json would not write the TypeScript JSON (a `time.Time` inside), else
        None. Structs (objects, mixed tuples) encode themselves and count as plain."""
        if not self.has_date(t):
            return None
        match t:
            case ir.Date():
                return "encodeDate"
            case ir.Array(item=item):
                inner = self.go_type(item)
                return f"encodeArray({self.encoder(item, inner) or _plain(inner)})"
            case ir.Map(value=value):
                inner = self.go_type(value)
                return f"encodeMap({self.encoder(value, inner) or _plain(inner)})"
            case ir.Tuple(items=items):
                inner = self.go_type(items[0])
                enc = self.encoder(items[0], inner) or _plain(inner)
                return (
                    f"func(v {go.expr}) ([]byte, error) {{ return encodeArray({enc})(v[:]) }}"
                )
            case ir.Ref():
                target: ir.Type = t
                while isinstance(target, ir.Ref):  # a chain of aliases, walked
                    decl = self.module.decls[target.name]
                    assert isinstance(decl, ir.Alias)
                    target = decl.type
                return self.encoder(target, go)
            case ir.Union():
                rest = [m for m in t.members if not (isinstance(m, ir.Prim) and m.name == "null")]
                if len(rest) != 1:
                    return None  # refused by go_type: Go has no such union
                inner = self.go_type(rest[0])
                member = self.encoder(rest[0], inner)
                if member is None:
                    return None
                if go.kind == "ptr":
                    return f"encodeNullable({member})"
                for plain in ("encodeArray(", "encodeMap("):
                    if member.startswith(plain):  # T[] | null: nil is null
                        return plain[:-1] + "OrNull(" + member[len(plain):]
                return member
            case _:
                return None

    def has_date(self, t: ir.Type) -> bool:
        """Whether a value of `t` holds a `time.Time` that no struct of its own encodes.

        Walked with a stack, not recursion (a chain of 2,000 aliases), each alias's
        answer kept for the next field that names it."""
        if isinstance(t, ir.Prim | ir.Literal | ir.EnumMemberRef | ir.Object):
            return False  # most fields, at once
        if isinstance(t, ir.Ref):
            known = self._dates.get(t.name)
            if known is None:
                known = self._dates[t.name] = self._walk_dates(t)
            return known
        return self._walk_dates(t)

    def _walk_dates(self, t: ir.Type) -> bool:
        stack = [t]
        seen: set[str] = set()
        while stack:
            current = stack.pop()
            match current:
                case ir.Date():
                    return True
                case ir.Array(item=inner) | ir.Map(value=inner):
                    stack.append(inner)
                case ir.Tuple(items=items):
                    if not is_mixed(current):
                        stack.append(items[0])
                case ir.Union(members=members):
                    stack.extend(members)
                case ir.Ref(name=name):
                    decl = self.module.decls.get(name)
                    if isinstance(decl, ir.Alias) and name not in seen:
                        seen.add(name)
                        known = self._dates.get(name)
                        if known:
                            return True
                        if known is None:
                            stack.append(decl.type)
                case _:
                    pass
        return False

    def _ref_kind(self, name: str) -> Kind:
        """The kind of a named type. Each alias's is worked out once (a diamond of
        aliases costs one visit per alias, not one per path), and a chain of plain
        aliases (`type A = B`, `type B = C`...) is walked, not recursed."""
        chain: list[str] = []
        decl = self.module.decls[name]
        while (
            isinstance(decl, ir.Alias)
            and isinstance(decl.type, ir.Ref)
            and decl.name not in self._kinds
            and decl.name not in self._resolving
            and decl.name not in chain
        ):
            chain.append(decl.name)
            decl = self.module.decls[decl.type.name]
        kind = self._kind_of(decl)
        for alias in chain:  # `type A = B` has B's kind
            self._kinds[alias] = kind
        return kind

    def _kind_of(self, decl: ir.Decl) -> Kind:
        name = decl.name
        if name in self._kinds:
            return self._kinds[name]
        if not isinstance(decl, ir.Alias) or enum_union(self.module, decl) is not None:
            return "value"
        if name in self._resolving:
            message = f"type alias {name} refers to itself, which a Go alias cannot"
            self.errors.append(Diagnostic(message, span=decl.span))
            return "value"
        self._resolving.add(name)
        try:
            kind = self.go_type(decl.type).kind
        finally:
            self._resolving.discard(name)
        self._kinds[name] = kind
        return kind

    def _member(self, t: ir.EnumMemberRef) -> GoType:
        enum = self.module.decls.get(t.enum)
        if not isinstance(enum, ir.Enum):
            return self._refuse(t.span, f"{t.enum} is not an enum")
        member = self._find_member(enum, t.member)
        if member is None:
            return self._refuse(t.span, f"enum {t.enum} has no member {t.member}")
        const = self.names.consts[(enum.name, enum.name, member.name)]
        return GoType(
            enum.name,
            f"decodeOneOf({decoder_name(enum.name)}, []{enum.name}{{{const}}}, "
            f"{go_string(json_text(member.value))})",
            "value",
        )

    def _union(self, t: ir.Union) -> GoType:
        rest = [m for m in t.members if not (isinstance(m, ir.Prim) and m.name == "null")]
        if any(isinstance(m, ir.Prim) and m.name in ("any", "unknown") for m in rest):
            return _PRIMS["any"]
        tagged, problem = tagged_union(self.module, rest, t.span)
        if problem is not None:
            self.errors.append(problem)
            return _PRIMS["any"]
        if tagged:
            inner = self.tagged(tagged)
        elif len(rest) == 1:
            inner = self.go_type(rest[0])
        elif all(isinstance(m, (ir.Literal, ir.EnumMemberRef)) for m in rest):
            inner = self._literal_union(rest)
        elif (enums := self._enums_of(rest)) is not None:
            inner = self._enum_union(t, enums)
        else:
            inner = self._scalar_union(t, rest)
        return self.nullable(inner) if len(rest) < len(t.members) else inner

    def tagged(self, t: Tagged) -> GoType:
        """A union of messages: an `any` holding a pointer to the member's struct."""
        kind, key = ("decodeNumber", "float64") if t.numeric else ("decodeString", "string")
        decoders = ", ".join(
            f"{go_string(v) if isinstance(v, str) else v}: asPointer({decoder_name(name)})"
            for v, name in t.cases
        )
        return GoType(
            "any",
            f"decodeTagged({go_string(t.field)}, {kind}, {go_string(t.expected())}, "
            f"map[{key}]decoder[any]{{{decoders}}})",
            "any",
        )

    def nullable(self, inner: GoType) -> GoType:
        """`T | null`: T itself when it has nil, else a pointer."""
        if inner.decoder == "decodeAny":
            return inner
        if inner.nilable:
            return GoType(inner.expr, f"decodeNullOr({inner.decoder})", inner.kind)
        return GoType(f"*{inner.expr}", f"decodeNullable({inner.decoder})", "ptr")

    def _enum_of(self, m: ir.Type) -> list[ir.Enum] | None:
        """The enums a union member stands for (an enum, or an alias of an enum union)."""
        decl = self.module.decls.get(m.name) if isinstance(m, ir.Ref) else None
        if isinstance(decl, ir.Enum):
            return [decl]
        if isinstance(decl, ir.Alias):
            return enum_union(self.module, decl)
        return None

    def _enums_of(self, members: list[ir.Type]) -> list[ir.Enum] | None:
        enums: list[ir.Enum] = []
        for m in members:
            found = self._enum_of(m)
            if found is None:
                return None
            enums.extend(e for e in found if e not in enums)
        return enums

    def _enum_union(self, t: ir.Union, enums: list[ir.Enum]) -> GoType:
        """`E1 | E2` inline: a string checked against every member of every enum."""
        kinds = {e.kind for e in enums}
        if len(kinds) > 1:
            return self._refuse(t.span, MIXED_ENUMS)
        expected = " | ".join(e.name for e in enums)
        if kinds == {"int"}:
            ints = ", ".join(dict.fromkeys(str(m.value) for e in enums for m in e.members))
            name = go_string(expected)
            return GoType(
                "int",
                f"decodeMemberOf(decodeIntegerOf({name}), []int{{{ints}}}, {name})",
                "value",
            )
        values = ", ".join(dict.fromkeys(go_string(str(m.value)) for e in enums for m in e.members))
        return GoType(
            "string",
            f"decodeMemberOf(decodeString, []string{{{values}}}, {go_string(expected)})",
            "value",
        )

    def _literal_union(self, members: list[ir.Type]) -> GoType:
        """`"a" | "b"`, `E.A | E.B`: the values' common Go type (or any), checked on decode."""
        values: list[tuple[str | int | float | bool, str | None]] = []  # (value, const)
        for m in members:
            if isinstance(m, ir.Literal):
                values.append((m.value, None))
                continue
            assert isinstance(m, ir.EnumMemberRef)
            enum = self.module.decls.get(m.enum)
            member = self._member(m)
            if not isinstance(enum, ir.Enum):
                return member
            found = self._find_member(enum, m.member)
            if found is None:
                return member  # refused by self._member
            values.append((found.value, self.names.consts[(enum.name, enum.name, m.member)]))
        expected = "one of " + ", ".join(dict.fromkeys(json_text(v) for v, _ in values))
        bases = {_literal_go(v)[1].expr for v, _ in values}
        enums = {m.enum for m in members if isinstance(m, ir.EnumMemberRef)}
        if len(enums) == 1 and all(isinstance(m, ir.EnumMemberRef) for m in members):
            name = enums.pop()
            consts = ", ".join(dict.fromkeys(c for _, c in values if c is not None))
            base = GoType(name, f"{decoder_name(name)}", "value")
            return GoType(
                name,
                f"decodeOneOf({decoder_name(name)}, []{name}{{{consts}}}, {go_string(expected)})",
                "value",
            )
        if len(bases) == 1:
            base = _literal_go(values[0][0])[1]
            go_values = ", ".join(dict.fromkeys(_literal_go(v)[0] for v, _ in values))
        else:
            base = _PRIMS["any"]
            go_values = ", ".join(dict.fromkeys(_any_literal(v) for v, _ in values))
        return GoType(
            base.expr,
            f"decodeOneOf({base.decoder}, []{base.expr}{{{go_values}}}, {go_string(expected)})",
            base.kind,
        )

    def _scalar_union(self, t: ir.Union, members: list[ir.Type]) -> GoType:
        """`string | number`, `E | "x"`: an `any` holding the first member that decodes."""
        described: list[str] = []
        decoders: list[str] = []
        for m in members:
            match m:
                case ir.Prim(name="string" | "number" | "boolean" as name):
                    described.append(name)
                case ir.Literal(value=value):
                    described.append(json_text(value))
                case ir.EnumMemberRef():
                    enum = self.module.decls.get(m.enum)
                    if not isinstance(enum, ir.Enum):
                        return self._member(m)
                    found = self._find_member(enum, m.member)
                    if found is None:
                        return self._member(m)
                    described.append(json_text(found.value))
                case ir.Ref(name=name) if self._enum_of(m) is not None:
                    described.append(name)
                case _:
                    return self._refuse(
                        t.span,
                        "Go has no union types: only unions of literals, enums and primitives "
                        "are supported (and `| null`)",
                    )
            decoders.append(f"asAny({self.go_type(m).decoder})")
        expected = go_string(" or ".join(described))
        return GoType("any", f"decodeUnion({expected}, {', '.join(decoders)})", "any")


def _plain(go: GoType) -> str:
    return f"encodeJSON[{go.expr}]"


def _any_literal(value: str | int | float | bool) -> str:
    """A literal stored in an `any`: numbers as float64, as encoding/json decodes them."""
    go, base = _literal_go(value)
    return f"float64({go})" if base.expr == "float64" else go
