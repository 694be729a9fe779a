"""Top-level declarations -> IR declarations: enums, interfaces, type aliases."""

from __future__ import annotations

from typing import Protocol

from tree_sitter import Node

from .. import ir
from ..diagnostics import Diagnostic
from .comments import doc_comment
from .evaluate import EvalError, field_narrower, fields_of
from .files import DeclSite
from .literals import decode_string, parse_number
from .source import SourceFile
from .types import Resolver, TypeConverter, type_key


class DeclResolver(Resolver, Protocol):
    """The loader, seen from declaration conversion."""

    def base_interface(self, source_site: DeclSite, node: Node) -> ir.Interface | None: ...


def convert_decl(
    site: DeclSite, name: str, resolver: DeclResolver, errors: list[Diagnostic]
) -> ir.Decl:
    """The IR for `site`, known in the module as `name`."""
    converter = TypeConverter(site.file, resolver, errors)
    doc = doc_comment(site.file, site.statement)
    span = site.span
    if site.kind == "enum":
        return _enum(site, name, doc, errors)
    if site.kind == "interface":
        shape, extends = interface_type(site, name, converter, resolver, errors)
        if isinstance(shape, ir.Map):
            return ir.Alias(name, shape, doc, span)
        return ir.Interface(name, shape.fields, extends, doc, span)
    t = alias_type(site, name, converter)
    if isinstance(t, ir.Object):
        return ir.Interface(name, t.fields, (), doc, span)
    return ir.Alias(name, t, doc, span)


def type_parameters(site: DeclSite) -> list[tuple[str, Node | None]]:
    """`<T, D = X>` of a declaration: each name, with its default's type node."""
    if site.kind not in ("interface", "alias"):
        return []
    params = site.node.child_by_field_name("type_parameters")
    if params is None:
        return []
    out: list[tuple[str, Node | None]] = []
    for param in params.named_children:
        if param.type != "type_parameter":
            continue
        name = param.child_by_field_name("name")
        default = param.child_by_field_name("value")
        if name is None:
            continue
        value = default.named_children[0] if default and default.named_children else None
        out.append((site.file.text(name), value))
    return out


def template_body(
    site: DeclSite, hint: str, converter: TypeConverter, resolver: DeclResolver,
    errors: list[Diagnostic],
) -> ir.Type:
    """A generic declaration's type, its parameters bound in `converter.env`."""
    if site.kind == "interface":
        return interface_type(site, hint, converter, resolver, errors)[0]
    return alias_type(site, hint, converter)


def interface_type(
    site: DeclSite, hint: str, converter: TypeConverter, resolver: DeclResolver,
    errors: list[Diagnostic],
) -> tuple[ir.Object | ir.Map, tuple[str, ...]]:
    """An interface's fields (inherited first) as an object, or a map (index signature)."""
    body = site.node.child_by_field_name("body")
    assert body is not None
    bases, extends = _bases(site, hint, resolver, converter)
    members = converter.members(body, hint, 0)
    if members.index is not None:
        assert members.index_node is not None
        if members.fields or extends:
            converter.error(
                members.index_node, "an interface cannot mix properties with an index signature"
            )
        else:
            return ir.Map(members.index, site.file.span(body)), ()
    fields = _merge(bases, members.fields, site, resolver, errors)
    return ir.Object(hint, tuple(fields), site.span), tuple(extends)


def alias_type(site: DeclSite, hint: str, converter: TypeConverter) -> ir.Type:
    """What `type X = ...` evaluates to: an object type (rendered as an interface) or not."""
    value = site.node.child_by_field_name("value")
    assert value is not None
    inner = converter._unwrap(value)
    if inner.type == "object_type":
        members = converter.members(inner, hint, 0)
        if members.index is None:
            return ir.Object(hint, tuple(members.fields), site.span)
    if inner.type == "union_type":
        # `type Foo = { ... } | null`: the object cannot be named `Foo` too (the alias is);
        # discriminated object members are named `Foo<Value>`.
        converter.union_base[inner.id] = hint
        return converter.convert(value, hint + "Object")
    return converter.convert(value, hint, hoist=False)


def _bases(
    site: DeclSite, hint: str, resolver: DeclResolver, converter: TypeConverter
) -> tuple[list[tuple[ir.Field, ...]], list[str]]:
    bases: list[tuple[ir.Field, ...]] = []
    names: list[str] = []
    for child in site.node.named_children:
        if child.type != "extends_type_clause":
            continue
        for base in child.children_by_field_name("type"):
            if base.type == "generic_type":
                t = converter.operand(base, hint, 0)
                fields = fields_of(t, resolver)
                if fields is None:
                    if not (isinstance(t, ir.Prim) and t.name == "any"):  # else reported
                        converter.error(base, "an interface can only extend object types")
                    continue
                bases.append(fields)
                name_node = base.child_by_field_name("name")
                names.append(site.file.text(name_node) if name_node is not None else "")
                continue
            if base.type != "type_identifier":
                converter.error(base, "an interface can only extend interfaces by name")
                continue
            interface = resolver.base_interface(site, base)
            if interface is not None:
                bases.append(interface.fields)
                names.append(interface.name)
    return bases, names


def _merge(
    bases: list[tuple[ir.Field, ...]], own: list[ir.Field], site: DeclSite,
    resolver: DeclResolver, errors: list[Diagnostic],
) -> list[ir.Field]:
    """Fields of the bases in `extends` order, then own; a redeclaration may narrow."""
    fields: list[ir.Field] = []
    index: dict[str, int] = {}
    for base in bases:
        for f in base:
            if f.name in index:
                if not _same(fields[index[f.name]], f):
                    errors.append(
                        Diagnostic(
                            f"{site.name} inherits field {f.name} from two bases "
                            "with different types",
                            span=site.span,
                        )
                    )
                continue
            index[f.name] = len(fields)
            fields.append(f)
    for f in own:
        position = index.get(f.name)
        if position is None:
            fields.append(f)
            continue
        inherited = fields[position]
        try:
            narrows = field_narrower(f, inherited, resolver)
        except EvalError:
            narrows = False
        if not narrows:
            errors.append(
                Diagnostic(
                    f"field {f.name} redeclares the inherited field (at {inherited.span}) "
                    "with a type that is not narrower",
                    span=f.span,
                )
            )
        fields[position] = f
    return fields


def _same(a: ir.Field, b: ir.Field) -> bool:
    return type_key(a.type, structural=True) == type_key(b.type, structural=True)


def _enum(site: DeclSite, name: str, doc: str | None, errors: list[Diagnostic]) -> ir.Enum:
    source = site.file
    body = site.node.child_by_field_name("body")
    assert body is not None
    members: list[ir.EnumMember] = []
    kinds: set[str] = set()
    previous: str | int | None = None
    seen: dict[str, ir.Span] = {}

    def fail(node: Node, message: str) -> None:
        errors.append(Diagnostic(message, span=source.span(node)))

    for member in body.named_children:
        if member.type == "comment":
            continue
        name_node = (
            member.child_by_field_name("name") if member.type == "enum_assignment" else member
        )
        value_node = (
            member.child_by_field_name("value") if member.type == "enum_assignment" else None
        )
        assert name_node is not None
        if name_node.type == "computed_property_name":
            fail(name_node, "computed enum members are not supported")
            continue
        member_name = (
            decode_string(source, name_node)
            if name_node.type == "string"
            else source.text(name_node)
        )
        value: str | int | None
        if value_node is None:
            if isinstance(previous, str):
                fail(
                    name_node,
                    f"enum member {member_name} needs an initializer (it follows a string member)",
                )
                continue
            value = 0 if previous is None else previous + 1
        else:
            value = _enum_value(source, value_node)
            if value is None:
                fail(
                    value_node,
                    "computed enum members are not supported (use a string or integer literal)",
                )
                continue
        kind = "string" if isinstance(value, str) else "int"
        if kinds and kind not in kinds:
            fail(value_node or name_node, f"enum {name} mixes string and numeric members")
            continue
        kinds.add(kind)
        span = source.span(name_node)
        if member_name in seen:
            fail(
                name_node,
                f"enum member {member_name} is declared twice (first at {seen[member_name]})",
            )
            continue
        seen[member_name] = span
        previous = value
        members.append(ir.EnumMember(member_name, value, doc_comment(source, member), span))
    return ir.Enum(name, "int" if "int" in kinds else "string", tuple(members), doc, site.span)


def _enum_value(source: SourceFile, node: Node) -> str | int | None:
    if node.type == "string":
        return decode_string(source, node, lone_surrogates=True)
    sign = 1
    if node.type == "unary_expression":
        operator = node.child_by_field_name("operator")
        argument = node.child_by_field_name("argument")
        if operator is None or argument is None or source.text(operator) not in ("-", "+"):
            return None
        sign = -1 if source.text(operator) == "-" else 1
        node = argument
    if node.type != "number":
        return None
    value = parse_number(source.text(node))
    if not isinstance(value, int):
        return None
    return sign * value
