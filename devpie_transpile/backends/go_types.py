"""The Go type and decoder of each IR type, and the types Go cannot express.

A decoder is a Go expression of type `func(json.RawMessage, string) (T, error)`,
built from go_runtime's helpers and the per-declaration `decode<Name>` functions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal as _Literal

from .. import ir
from .._compat import assert_never
from ..diagnostics import Diagnostic, TranspileError
from .go_names import GoNames, enum_union, go_string

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

    def raise_errors(self) -> None:
        if self.errors:
            raise TranspileError(self.errors)

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
                return GoType(name, f"decode{name}", self._ref_kind(name))
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
                return GoType(name, f"decode{name}", "value")
            case _:
                assert_never(t)

    def _ref_kind(self, name: str) -> Kind:
        decl = self.module.decls[name]
        if not isinstance(decl, ir.Alias) or enum_union(self.module, decl) is not None:
            return "value"
        if name in self._resolving:
            self.errors.append(
                Diagnostic(f"type alias {name} refers to itself, which Go aliases cannot", span=decl.span)
            )
            return "value"
        self._resolving.add(name)
        try:
            return self.go_type(decl.type).kind
        finally:
            self._resolving.discard(name)

    def _member(self, t: ir.EnumMemberRef) -> GoType:
        enum = self.module.decls.get(t.enum)
        if not isinstance(enum, ir.Enum):
            return self._refuse(t.span, f"{t.enum} is not an enum")
        member = next((m for m in enum.members if m.name == t.member), None)
        if member is None:
            return self._refuse(t.span, f"enum {t.enum} has no member {t.member}")
        const = self.names.consts[(enum.name, enum.name, member.name)]
        return GoType(
            enum.name,
            f"decodeOneOf(decode{enum.name}, []{enum.name}{{{const}}}, "
            f"{go_string(json_text(member.value))})",
            "value",
        )

    def _union(self, t: ir.Union) -> GoType:
        rest = [m for m in t.members if not (isinstance(m, ir.Prim) and m.name == "null")]
        nullable = len(rest) < len(t.members)
        if len(rest) == 1:
            inner = self.go_type(rest[0])
        else:
            inner = self._multi(t, rest)
        if not nullable:
            return inner
        return self.nullable(inner)

    def nullable(self, inner: GoType) -> GoType:
        """`T | null`: T itself when it has nil, else a pointer."""
        if inner.kind == "any":
            return inner
        if inner.nilable:
            return GoType(inner.expr, f"decodeNullOr({inner.decoder})", inner.kind)
        return GoType(f"*{inner.expr}", f"decodeNullable({inner.decoder})", "ptr")

    def _multi(self, t: ir.Union, members: list[ir.Type]) -> GoType:
        """A union of several non-null members: literals, or enums; nothing else."""
        if all(isinstance(m, (ir.Literal, ir.EnumMemberRef)) for m in members):
            return self._literal_union(t, members)
        enums: list[ir.Enum] = []
        for m in members:
            decl = self.module.decls.get(m.name) if isinstance(m, ir.Ref) else None
            if isinstance(decl, ir.Enum):
                enums.append(decl)
            elif isinstance(decl, ir.Alias) and (found := enum_union(self.module, decl)):
                enums.extend(e for e in found if e not in enums)
            else:
                return self._refuse(
                    t.span,
                    "Go has no union types: only unions of literals, of enums, or with null "
                    "are supported",
                )
        if any(e.kind != "string" for e in enums):
            return self._refuse(t.span, "an inline union of numeric enums needs a type alias in Go")
        values = ", ".join(
            dict.fromkeys(go_string(str(m.value)) for e in enums for m in e.members)
        )
        expected = " | ".join(dict.fromkeys(e.name for e in enums))
        return GoType(
            "string",
            f"decodeOneOf(decodeString, []string{{{values}}}, {go_string(expected)})",
            "value",
        )

    def _literal_union(self, t: ir.Union, members: list[ir.Type]) -> GoType:
        values: list[tuple[str, str]] = []  # (Go literal, JSON text)
        bases: set[str] = set()
        enum_names: set[str] = set()
        base = _PRIMS["string"]
        for m in members:
            if isinstance(m, ir.Literal):
                go, base = _literal_go(m.value)
                values.append((go, json_text(m.value)))
                bases.add(base.expr)
                enum_names.add("")
            else:
                assert isinstance(m, ir.EnumMemberRef)
                member_type = self._member(m)
                enum = self.module.decls.get(m.enum)
                if not isinstance(enum, ir.Enum):
                    return member_type
                member = next(x for x in enum.members if x.name == m.member)
                values.append(
                    (self.names.consts[(enum.name, enum.name, member.name)], json_text(member.value))
                )
                bases.add("string" if enum.kind == "string" else "float64")
                enum_names.add(enum.name)
        if len(bases) != 1:
            return self._refuse(t.span, "a union of literals of different JSON types has no Go type")
        expected = "one of " + ", ".join(dict.fromkeys(j for _, j in values))
        go_values = ", ".join(dict.fromkeys(g for g, _ in values))
        if len(enum_names) == 1 and "" not in enum_names:
            name = next(iter(enum_names))
            base = GoType(name, f"decode{name}", "value")
        elif enum_names != {""}:
            return self._refuse(t.span, "a union mixing enum members and literals has no Go type")
        return GoType(
            base.expr,
            f"decodeOneOf({base.decoder}, []{base.expr}{{{go_values}}}, {go_string(expected)})",
            "value",
        )
