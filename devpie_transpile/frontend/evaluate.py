"""Type-level TypeScript evaluated on IR types, as a compiler's checker would.

Generic instantiation, utility types, intersections, `keyof`, indexed access and
narrowing all work on types that are already evaluated (`ir.Type`), so nothing
generic ever reaches the IR. A named declaration is looked through with `Decls`
(the loader), which converts it on demand.

Inline objects are named by where they land: an object that moves (a type
argument, the fields `Partial<T>` copies) is renamed by `rehint` as if it had been
written at its new position, so an evaluated type renders exactly like the same
type written out by hand.
"""

from __future__ import annotations

from typing import Protocol

from .. import ir
from .._compat import assert_never
from . import types as _types  # a cycle: only used at call time

MAX_DEPTH = 32


class EvalError(Exception):
    """A type with no JSON meaning here: the converter reports it at its node."""


class Decls(Protocol):
    """Named declarations by module name (declared or hoisted), converted on demand."""

    def decl_named(self, name: str) -> ir.Decl | None: ...


# -- naming ----------------------------------------------------------------------------


def rehint(t: ir.Type, hint: str) -> ir.Type:
    """`t` with its inline objects named as if `t` were written where `hint` names."""
    match t:
        case ir.Prim() | ir.Literal() | ir.Ref() | ir.EnumMemberRef() | ir.Date():
            return t
        case ir.Tuple(items=items, labels=labels, span=span):
            names = [f"Item{i}" for i in range(len(items))] if labels is None else [
                _types.pascal(label) for label in labels
            ]
            return ir.Tuple(
                hint, tuple(rehint(i, hint + n) for i, n in zip(items, names, strict=True)),
                labels, span,
            )
        case ir.Array(item=item, span=span):
            return ir.Array(rehint(item, hint + "Item"), span)
        case ir.Map(value=value, span=span):
            return ir.Map(rehint(value, hint + "Value"), span)
        case ir.Union(members=members, span=span):
            return ir.Union(tuple(rehint(m, hint) for m in members), span)
        case ir.Object(fields=fields, span=span):
            return ir.Object(hint, rehint_fields(fields, hint), span)
        case _:
            assert_never(t)


def rehint_fields(fields: tuple[ir.Field, ...], owner: str) -> tuple[ir.Field, ...]:
    return tuple(
        ir.Field(f.name, rehint(f.type, owner + _types.pascal(f.name)), f.optional, f.doc, f.span)
        for f in fields
    )


def arg_name(t: ir.Type) -> str:
    """How a type argument reads in an instantiation's name (SPEC: `EnvelopeDeposited`)."""
    match t:
        case ir.Prim(name=name):
            return name.capitalize()
        case ir.Literal(value=value):
            if isinstance(value, bool):
                return "True" if value else "False"
            if isinstance(value, str):
                return _types.pascal(value)
            return _types.pascal(str(value)) if value >= 0 else "Minus" + _types.pascal(str(-value))
        case ir.Ref(name=name):
            return name
        case ir.EnumMemberRef(enum=enum, member=member):
            return enum + _types.pascal(member)
        case ir.Array(item=item):
            return arg_name(item) + "List"
        case ir.Map(value=value):
            return arg_name(value) + "Map"
        case ir.Union(members=members):
            return "Or".join(arg_name(m) for m in members)
        case ir.Object(name=name):
            return name
        case ir.Date():
            return "Date"
        case ir.Tuple(items=items):
            return "".join(arg_name(i) for i in items) + "Tuple"
        case _:
            assert_never(t)


# -- looking through names ------------------------------------------------------------------


def expand(t: ir.Type, decls: Decls) -> ir.Type:
    """`t` with references to type aliases replaced by what they stand for."""
    for _ in range(MAX_DEPTH):
        if not isinstance(t, ir.Ref):
            return t
        decl = decls.decl_named(t.name)
        if not isinstance(decl, ir.Alias):
            return t
        t = decl.type
    raise EvalError("type aliases nest too deeply")


def members(t: ir.Type, decls: Decls) -> list[ir.Type]:
    """The members of `t` as a union (aliases and nested unions flattened)."""
    out: list[ir.Type] = []
    stack = [t]
    while stack:
        current = expand(stack.pop(), decls)
        if isinstance(current, ir.Union):
            stack.extend(reversed(current.members))
        else:
            out.append(current)
    return out


def fields_of(t: ir.Type, decls: Decls) -> tuple[ir.Field, ...] | None:
    """The fields of an object type (inline, an interface, an alias of one), else None."""
    t = expand(t, decls)
    if isinstance(t, ir.Object):
        return t.fields
    if isinstance(t, ir.Ref):
        decl = decls.decl_named(t.name)
        if isinstance(decl, ir.Interface):
            return decl.fields
    return None


def object_fields(t: ir.Type, decls: Decls, what: str) -> tuple[ir.Field, ...]:
    found = fields_of(t, decls)
    if found is None:
        raise EvalError(f"{what} needs an object type (an interface or `{{ ... }}`)")
    return found


def union_of(types: list[ir.Type], span: ir.Span) -> ir.Type:
    """One type from several: duplicates dropped, a single one as itself."""
    unique: list[ir.Type] = []
    keys: set[object] = set()
    for t in types:
        key = _types.type_key(t, structural=True)
        if key not in keys:
            keys.add(key)
            unique.append(t)
    if not unique:
        raise EvalError("the result is `never` (no type is left)")
    return unique[0] if len(unique) == 1 else ir.Union(tuple(unique), span)


def enum_decl(name: str, decls: Decls) -> ir.Enum | None:
    decl = decls.decl_named(name)
    return decl if isinstance(decl, ir.Enum) else None


# -- assignability --------------------------------------------------------------------------


def narrower(a: ir.Type, b: ir.Type, decls: Decls, depth: int = 0) -> bool:
    """Whether every value of `a` is a value of `b` (TS assignability, on JSON types)."""
    if depth > MAX_DEPTH:
        return False
    if _types.type_key(a, structural=True) == _types.type_key(b, structural=True):
        return True
    if isinstance(b, ir.Prim) and b.name in ("any", "unknown"):
        return True
    a, b = expand(a, decls), expand(b, decls)
    if isinstance(a, ir.Union):
        return all(narrower(m, b, decls, depth + 1) for m in a.members)
    if isinstance(b, ir.Union):
        return any(narrower(a, m, decls, depth + 1) for m in b.members)
    if _types.type_key(a, structural=True) == _types.type_key(b, structural=True):
        return True
    if isinstance(b, ir.Prim):
        return _prim_of(a, decls) == b.name
    if isinstance(a, ir.EnumMemberRef) and isinstance(b, ir.Ref):
        return a.enum == b.name
    if isinstance(a, ir.Array) and isinstance(b, ir.Array):
        return narrower(a.item, b.item, decls, depth + 1)
    if isinstance(a, ir.Map) and isinstance(b, ir.Map):
        return narrower(a.value, b.value, decls, depth + 1)
    fa, fb = fields_of(a, decls), fields_of(b, decls)
    if fa is None or fb is None:
        return False
    own = {f.name: f for f in fa}
    for f in fb:
        mine = own.get(f.name)
        if mine is None:
            if not f.optional:
                return False
            continue
        if not field_narrower(mine, f, decls, depth + 1):
            return False
    return True


def field_narrower(a: ir.Field, b: ir.Field, decls: Decls, depth: int = 0) -> bool:
    """`a` may stand where `b` is declared: a narrower type, and required if `b` is."""
    if a.optional and not b.optional:
        return False
    return narrower(a.type, b.type, decls, depth)


def _prim_of(t: ir.Type, decls: Decls) -> str | None:
    """The primitive a literal or enum value belongs to."""
    if isinstance(t, ir.Literal):
        if isinstance(t.value, bool):
            return "boolean"
        return "string" if isinstance(t.value, str) else "number"
    enum = None
    if isinstance(t, ir.EnumMemberRef):
        enum = enum_decl(t.enum, decls)
    elif isinstance(t, ir.Ref):
        enum = enum_decl(t.name, decls)
    if enum is not None:
        return "string" if enum.kind == "string" else "number"
    return None


# -- intersections -------------------------------------------------------------------------


def merge(
    groups: list[tuple[tuple[ir.Field, ...], str]], decls: Decls
) -> tuple[list[ir.Field], list[tuple[ir.Field, str]]]:
    """Fields of `A & B & ...` in order; a key twice keeps its place and the narrower type.

    Returns the fields and the conflicts: (the second field, the message).
    """
    out: list[ir.Field] = []
    index: dict[str, int] = {}
    conflicts: list[tuple[ir.Field, str]] = []
    for fields, where in groups:
        for f in fields:
            position = index.get(f.name)
            if position is None:
                index[f.name] = len(out)
                out.append(f)
                continue
            first = out[position]
            optional = first.optional and f.optional
            if narrower(f.type, first.type, decls):
                winner = f
            elif narrower(first.type, f.type, decls):
                winner = first
            else:
                conflicts.append(
                    (
                        f,
                        f"field {f.name} of {where} conflicts with the field {f.name} "
                        f"declared at {first.span}: neither type is narrower than the other",
                    )
                )
                continue
            out[position] = ir.Field(f.name, winner.type, optional, first.doc or f.doc, winner.span)
    return out, conflicts


# -- keys ------------------------------------------------------------------------------------


def literal_keys(t: ir.Type, decls: Decls, what: str) -> list[str]:
    """The property names a key type stands for: string/number literals, enum values."""
    keys: list[str] = []
    for m in members(t, decls):
        for key in _keys_of_member(m, decls, what):
            if key not in keys:
                keys.append(key)
    return keys


def _keys_of_member(m: ir.Type, decls: Decls, what: str) -> list[str]:
    if isinstance(m, ir.Literal) and not isinstance(m.value, bool):
        return [_key_text(m.value)]
    if isinstance(m, ir.EnumMemberRef):
        enum = enum_decl(m.enum, decls)
        if enum is not None:
            return [_key_text(v.value) for v in enum.members if v.name == m.member]
    if isinstance(m, ir.Ref):
        enum = enum_decl(m.name, decls)
        if enum is not None:
            return [_key_text(v.value) for v in enum.members]
    raise EvalError(f"{what} needs keys that are string literals, numbers or enum members")


def _key_text(value: str | int | float) -> str:
    """A property name as JavaScript reads a key (`1` is the key "1")."""
    if isinstance(value, float):
        raise EvalError(f"{value} is not a supported property name")
    return str(value)


def keyof(t: ir.Type, decls: Decls, span: ir.Span) -> ir.Type:
    """`keyof T`: the keys of an object type as a literal union; `string` for a map."""
    expanded = expand(t, decls)
    if isinstance(expanded, ir.Map):
        return ir.Prim("string", span)
    fields = object_fields(t, decls, "keyof")
    return union_of([ir.Literal(f.name, span) for f in fields], span)


def index(t: ir.Type, key: ir.Type, decls: Decls, span: ir.Span) -> tuple[ir.Type, bool]:
    """`T[K]`: the union of the types of properties K (of each member, on a union).

    The flag says the result admits `undefined` (an optional property).
    """
    results: list[ir.Type] = []
    undefined = False
    for obj in members(t, decls):
        if isinstance(obj, ir.Array):
            if not (isinstance(key, ir.Prim) and key.name == "number"):
                raise EvalError("an array type can only be indexed with `number`")
            results.append(obj.item)
            continue
        if isinstance(obj, ir.Map):
            if not (isinstance(key, ir.Prim) and key.name == "string"):
                raise EvalError("a map type can only be indexed with `string`")
            results.append(obj.value)
            continue
        fields = fields_of(obj, decls)
        if fields is None:
            raise EvalError("indexed access needs an object type, a union of them, or an array")
        by_name = {f.name: f for f in fields}
        for k in literal_keys(key, decls, "indexed access"):
            f = by_name.get(k)
            if f is None:
                raise EvalError(f"{_shown(obj)} has no property {k!r}")
            undefined = undefined or f.optional
            results.extend(members(f.type, decls) if isinstance(f.type, ir.Union) else [f.type])
    return union_of(results, span), undefined


def _shown(t: ir.Type) -> str:
    if isinstance(t, ir.Ref):
        return t.name
    if isinstance(t, ir.Object):
        return "the object type"
    return "the type"


# -- utility types ---------------------------------------------------------------------------


def with_fields(t: ir.Type, fields: list[ir.Field], hint: str, span: ir.Span) -> ir.Object:
    return ir.Object(hint, rehint_fields(tuple(fields), hint), span)


def partial(t: ir.Type, decls: Decls, hint: str, span: ir.Span, *, optional: bool) -> ir.Object:
    fields = object_fields(t, decls, "Partial" if optional else "Required")
    return with_fields(
        t, [ir.Field(f.name, f.type, optional, f.doc, f.span) for f in fields], hint, span
    )


def pick(t: ir.Type, keys: list[str], decls: Decls, hint: str, span: ir.Span) -> ir.Object:
    fields = {f.name: f for f in object_fields(t, decls, "Pick")}
    missing = [k for k in keys if k not in fields]
    if missing:
        raise EvalError(f"Pick: {_shown(t)} has no property {missing[0]!r}")
    return with_fields(t, [fields[k] for k in keys], hint, span)


def omit(t: ir.Type, keys: list[str], decls: Decls, hint: str, span: ir.Span) -> ir.Object:
    dropped = set(keys)
    fields = [f for f in object_fields(t, decls, "Omit") if f.name not in dropped]
    return with_fields(t, fields, hint, span)


def record(keys: list[str], value: ir.Type, undefined: bool, hint: str, span: ir.Span) -> ir.Object:
    fields = [ir.Field(k, value, undefined, None, value.span) for k in keys]
    return with_fields(value, fields, hint, span)


def non_nullable(t: ir.Type, decls: Decls, span: ir.Span) -> ir.Type:
    kept = [m for m in members(t, decls) if not (isinstance(m, ir.Prim) and m.name == "null")]
    if len(kept) == len(members(t, decls)):
        return t
    return union_of(kept, span)


def filter_members(t: ir.Type, u: ir.Type, decls: Decls, span: ir.Span, *, keep: bool) -> ir.Type:
    """`Extract<T, U>` (keep) / `Exclude<T, U>`: members of T by assignability to U.

    An enum in T counts as the union of its members (`Exclude<E, E.A>`).
    """
    candidates: list[ir.Type] = []
    for m in members(t, decls):
        enum = enum_decl(m.name, decls) if isinstance(m, ir.Ref) else None
        if isinstance(m, ir.Ref) and enum is not None:
            candidates.extend(ir.EnumMemberRef(m.name, v.name, span) for v in enum.members)
        else:
            candidates.append(m)
    targets = members(u, decls)
    kept = [m for m in candidates if any(narrower(m, x, decls) for x in targets) == keep]
    return union_of(kept, span)


# -- unions of object literals ----------------------------------------------------------------


def discriminator(objects: list[tuple[ir.Field, ...]]) -> str | None:
    """The field that tells object types apart: required in each, one literal or enum
    member each, values distinct; `type` if it qualifies, else the first such field."""
    if len(objects) < 2:
        return None
    candidates: list[str] = []
    for f in objects[0]:
        if f.name not in candidates:
            candidates.append(f.name)
    if "type" in candidates:
        candidates.remove("type")
        candidates.insert(0, "type")
    for name in candidates:
        values: set[object] = set()
        for fields in objects:
            tag = next((x for x in fields if x.name == name), None)
            if tag is None or tag.optional or not _is_tag(tag.type):
                break
            key = _types.type_key(tag.type)
            if key in values:
                break
            values.add(key)
        else:
            return name
    return None


def _is_tag(t: ir.Type) -> bool:
    if isinstance(t, ir.Literal):
        return not isinstance(t.value, bool | float)
    return isinstance(t, ir.EnumMemberRef)


def tag_name(t: ir.Type) -> str:
    """`"chat"` -> `Chat`, `1` -> `1`, `E.Member` -> `Member`: the value part of `MsgChat`."""
    if isinstance(t, ir.EnumMemberRef):
        return _types.pascal(t.member)
    assert isinstance(t, ir.Literal)
    return arg_name(t)
