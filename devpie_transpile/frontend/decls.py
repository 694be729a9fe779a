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
from .types import Resolver, TypeConverter, pascal, type_key

PARAMETER_PROPERTY = ("accessibility_modifier", "readonly", "override")


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
    if site.kind == "class":
        type_params = site.node.child_by_field_name("type_parameters")
        if type_params is not None:  # the body would only add errors about the parameters
            converter.unsupported(type_params, "generic class")
            return ir.Interface(name, (), (), doc, span)
        return _class(site, name, doc, resolver, converter, errors)
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


def _class(
    site: DeclSite,
    name: str,
    doc: str | None,
    resolver: DeclResolver,
    converter: TypeConverter,
    errors: list[Diagnostic],
) -> ir.Interface:
    """A class a rendered type uses: the shape `JSON.stringify` gives its instances.

    Public instance properties, declared or constructor parameter properties, in
    source order after those of the class it extends; private, protected, `#private`
    and static members, methods and accessors are not data and are left out.
    """
    bases: list[tuple[ir.Field, ...]] = []
    extends: list[str] = []
    for heritage in site.node.named_children:
        if heritage.type != "class_heritage":
            continue
        for clause in heritage.named_children:
            if clause.type != "extends_clause":
                continue  # `implements` adds nothing to the instance
            value = clause.child_by_field_name("value")
            if value is None or value.type != "identifier":
                converter.error(clause, "a class can only extend a class named by an identifier")
                continue
            base = resolver.base_interface(site, value)
            if base is not None:
                bases.append(base.fields)
                extends.append(base.name)
    body = site.node.child_by_field_name("body")
    fields: list[ir.Field] = []
    for member in body.named_children if body is not None else ():
        if member.type == "public_field_definition":
            if _public_instance(site.file, member):
                field = _class_field(site.file, member, name, converter)
                if field is not None:
                    fields.append(field)
        elif member.type == "method_definition":
            method = member.child_by_field_name("name")
            if method is not None and site.file.text(method) == "constructor":
                fields.extend(_parameter_properties(site.file, member, name, converter))
        elif member.type == "index_signature":
            converter.error(member, "index signatures in a class are not supported")
    merged = _merge(bases, fields, site, resolver, errors)
    return ir.Interface(name, tuple(merged), tuple(extends), doc, site.span)


def _public_instance(source: SourceFile, node: Node) -> bool:
    """Neither `static`, `private`, `protected` nor `#private`."""
    for child in node.children:
        if child.type == "static":
            return False
        if child.type == "accessibility_modifier" and source.text(child) != "public":
            return False
    name = node.child_by_field_name("name") or node.child_by_field_name("pattern")
    return name is None or name.type != "private_property_identifier"


def _class_field(
    source: SourceFile, member: Node, owner: str, converter: TypeConverter
) -> ir.Field | None:
    name_node = member.child_by_field_name("name")
    if name_node is None:
        return None
    if name_node.type == "string":
        key = decode_string(source, name_node)
    elif name_node.type in ("property_identifier", "number"):
        key = source.text(name_node)
    else:
        converter.unsupported(name_node, "computed property name")
        return None
    span = source.span(name_node)
    optional = any(c.type == "?" for c in member.children)
    readonly = any(c.type == "readonly" for c in member.children)
    annotation = member.child_by_field_name("type")
    doc = doc_comment(source, member)
    if annotation is None:
        value = member.child_by_field_name("value")
        t = _inferred(source, value, readonly) if value is not None else None
        if t is None:
            t = converter.error(name_node, f"property {key} needs a type annotation")
        return ir.Field(key, t, optional, doc, span)
    t, undefined = converter.convert_optional(annotation, owner + pascal(key), 1)
    return ir.Field(key, t, optional or undefined, doc, span)


def _parameter_properties(
    source: SourceFile, constructor: Node, owner: str, converter: TypeConverter
) -> list[ir.Field]:
    """`constructor(public readonly id: string, private x: T)`: `id` (a property)."""
    parameters = constructor.child_by_field_name("parameters")
    out: list[ir.Field] = []
    for param in parameters.named_children if parameters is not None else ():
        if param.type not in ("required_parameter", "optional_parameter"):
            continue
        modifiers = [c for c in param.children if c.type in PARAMETER_PROPERTY]
        if not modifiers or not _public_instance(source, param):
            continue
        pattern = param.child_by_field_name("pattern")
        if pattern is None or pattern.type != "identifier":
            continue
        key = source.text(pattern)
        span = source.span(pattern)
        optional = param.type == "optional_parameter"
        annotation = param.child_by_field_name("type")
        doc = doc_comment(source, param)
        if annotation is None:
            value = param.child_by_field_name("value")
            readonly = any(c.type == "readonly" for c in modifiers)
            t = _inferred(source, value, readonly) if value is not None else None
            if t is None:
                t = converter.error(pattern, f"property {key} needs a type annotation")
            out.append(ir.Field(key, t, optional, doc, span))
            continue
        t, undefined = converter.convert_optional(annotation, owner + pascal(key), 1)
        out.append(ir.Field(key, t, optional or undefined, doc, span))
    return out


def _inferred(source: SourceFile, value: Node, readonly: bool) -> ir.Type | None:
    """The type tsc gives an unannotated property from a literal initializer: its
    literal when `readonly` or `as const`, else widened (`0` -> number)."""
    span = source.span(value)
    if value.type == "as_expression" and source.text(value).rstrip().endswith("const"):
        inner = value.named_children[0] if value.named_children else value
        return _inferred(source, inner, True)
    if value.type == "string":
        text = decode_string(source, value)
        return ir.Literal(text, span) if readonly else ir.Prim("string", span)
    if value.type in ("true", "false"):
        return ir.Literal(value.type == "true", span) if readonly else ir.Prim("boolean", span)
    number = _enum_value(source, value)
    if isinstance(number, int) or value.type == "number":
        if readonly and isinstance(number, int):
            return ir.Literal(number, span)
        return ir.Prim("number", span)
    return None


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
