"""`typeof C`: the type tsc gives a constant, read from its initializer.

`const C = "x"` has the literal type `"x"`; `let` widens it to `string`. An object
literal widens its properties (`{ a: "x" }` is `{ a: string }`) unless it is written
`as const`, which keeps every literal. `typeof E` of an enum is the object of its
members. Anything else a constant can hold (calls, functions, spreads) has no type
the tool can read without running the program, and is refused at its location.
"""

from __future__ import annotations

from typing import Protocol

from tree_sitter import Node

from .. import ir
from ..diagnostics import Diagnostic
from .evaluate import EvalError, union_of
from .files import DeclSite
from .literals import decode_string, parse_number
from .source import SourceFile
from .types import Resolver, TypeConverter, pascal

MAX_CONST_DEPTH = 32


class ConstResolver(Resolver, Protocol):
    """The loader, seen from constant evaluation."""

    def value_site(self, source: SourceFile, name: str) -> DeclSite | None: ...

    def enum_ref(self, site: DeclSite, span: ir.Span) -> ir.Type: ...


def const_type(
    resolver: ConstResolver,
    errors: list[Diagnostic],
    source: SourceFile,
    name: str,
    hint: str,
    span: ir.Span,
    elements: bool = False,
) -> ir.Type:
    """The type of the value `name` in `source`, its inline objects named from `hint`.

    `elements`: it is indexed with `[number]`, so a tuple `as const` is read as the
    union of its elements (`(typeof KINDS)[number]`)."""
    return _Consts(resolver, errors, elements).named(source, name, hint, span, 0)


class _Consts:
    def __init__(self, resolver: ConstResolver, errors: list[Diagnostic], elements: bool) -> None:
        self.resolver = resolver
        self.errors = errors
        # indexed with `[number]`: a tuple `as const` reads as the union of its elements
        self.elements = elements

    def named(self, source: SourceFile, name: str, hint: str, span: ir.Span, depth: int) -> ir.Type:
        if depth > MAX_CONST_DEPTH:
            raise EvalError("constants refer to each other too deeply")
        site = self.resolver.value_site(source, name)
        if site is None:
            raise EvalError(f"unknown constant {name}")
        if site.kind == "enum":
            return self._enum(site, hint, span)
        if site.kind != "variable":
            raise EvalError(
                f"typeof {name}: {name} is a {site.kind}, not a constant (its type is not data)"
            )
        declarator = next(
            (
                d
                for d in site.node.named_children
                if d.type == "variable_declarator"
                and (n := d.child_by_field_name("name")) is not None
                and site.file.text(n) == name
            ),
            None,
        )
        if declarator is None:
            raise EvalError(f"typeof {name}: no declaration of {name} found")
        annotation = declarator.child_by_field_name("type")
        if annotation is not None:
            return TypeConverter(site.file, self.resolver, self.errors).convert(annotation, hint)
        value = declarator.child_by_field_name("value")
        if value is None:
            raise EvalError(f"typeof {name}: {name} has neither a type nor a value")
        keep = site.file.text(site.node).startswith(("const", "declare const"))
        return self.expr(site.file, value, hint, keep=keep, as_const=False, depth=depth + 1)

    def _enum(self, site: DeclSite, hint: str, span: ir.Span) -> ir.Type:
        enum = self.resolver.enum_ref(site, span)
        if not isinstance(enum, ir.Ref):
            return enum
        decl = self.resolver.decl_named(enum.name)
        assert isinstance(decl, ir.Enum)
        fields = tuple(
            ir.Field(m.name, ir.EnumMemberRef(enum.name, m.name, m.span), False, m.doc, m.span)
            for m in decl.members
        )
        return ir.Object(hint, fields, site.span)

    def expr(
        self, source: SourceFile, node: Node, hint: str, *, keep: bool, as_const: bool, depth: int
    ) -> ir.Type:
        """The type of expression `node`; `keep`: its literal type is kept (not widened);
        `as_const`: inside `as const`, where nested literals are kept too."""
        span = source.span(node)
        kind = node.type
        if kind in ("parenthesized_expression", "satisfies_expression", "non_null_expression"):
            return self.expr(
                source, node.named_children[0], hint, keep=keep, as_const=as_const, depth=depth
            )
        if kind == "as_expression":
            target = node.named_children[-1] if len(node.named_children) > 1 else None
            if target is None or source.text(node).rstrip().endswith("const"):
                return self.expr(
                    source, node.named_children[0], hint, keep=True, as_const=True, depth=depth
                )
            return TypeConverter(source, self.resolver, self.errors).convert(target, hint)
        if kind in ("string", "template_string"):
            if kind == "template_string" and any(
                c.type == "template_substitution" for c in node.named_children
            ):
                return ir.Prim("string", span)
            return (
                ir.Literal(decode_string(source, node), span) if keep else ir.Prim("string", span)
            )
        if kind in ("true", "false"):
            return ir.Literal(kind == "true", span) if keep else ir.Prim("boolean", span)
        if kind in ("number", "unary_expression"):
            value = self._number(source, node)
            if value is None:
                raise EvalError(f"cannot read the type of `{source.text(node)}`")
            return ir.Literal(value, span) if keep else ir.Prim("number", span)
        if kind == "object":
            return self._object(source, node, hint, keep=as_const, depth=depth)
        if kind == "array":
            if as_const and not self.elements:
                raise EvalError(
                    "typeof an array constant `as const` is a tuple type, supported only as "
                    "(typeof C)[number], the union of its elements"
                )
            items = [
                self.expr(
                    source, c, hint + "Item", keep=as_const, as_const=as_const, depth=depth + 1
                )
                for c in node.named_children
                if c.type != "comment"
            ]
            if not items:
                raise EvalError("typeof an empty array has no element type")
            return ir.Array(union_of(items, span), span)
        if kind in ("identifier", "shorthand_property_identifier"):
            t = self.named(source, source.text(node), hint, span, depth + 1)
            if keep or not isinstance(t, ir.Literal):
                return t
            return ir.Prim(_prim_of_literal(t), span)
        if kind == "member_expression":
            obj = node.child_by_field_name("object")
            prop = node.child_by_field_name("property")
            if obj is not None and prop is not None and obj.type == "identifier":
                site = self.resolver.value_site(source, source.text(obj))
                if site is not None and site.kind == "enum":
                    enum = self.resolver.enum_ref(site, span)
                    if not keep or not isinstance(enum, ir.Ref):
                        return enum
                    member = self.resolver.enum_member(
                        source, source.text(obj), source.text(prop), span
                    )
                    return member
        if kind == "null":
            raise EvalError("a constant that is `null` has no type of its own; use `T | null`")
        raise EvalError(
            f"cannot read the type of `{source.text(node)[:40]}` (constants of literals, "
            "objects, arrays, enum members and other constants are understood)"
        )

    def _object(
        self, source: SourceFile, node: Node, hint: str, *, keep: bool, depth: int
    ) -> ir.Type:
        fields: list[ir.Field] = []
        for pair in node.named_children:
            if pair.type == "comment":
                continue
            if pair.type == "shorthand_property_identifier":
                key = source.text(pair)
                t = self.expr(
                    source, pair, hint + pascal(key), keep=keep, as_const=keep, depth=depth
                )
                fields.append(ir.Field(key, t, False, None, source.span(pair)))
                continue
            if pair.type != "pair":
                raise EvalError(f"cannot read the type of `{source.text(pair)[:40]}`")
            key_node = pair.child_by_field_name("key")
            value = pair.child_by_field_name("value")
            assert key_node is not None and value is not None
            if key_node.type == "string":
                key = decode_string(source, key_node)
            elif key_node.type in ("property_identifier", "number"):
                key = source.text(key_node)
            else:
                raise EvalError(f"cannot read the property name `{source.text(key_node)}`")
            t = self.expr(
                source, value, hint + pascal(key), keep=keep, as_const=keep, depth=depth + 1
            )
            fields.append(ir.Field(key, t, False, None, source.span(key_node)))
        return ir.Object(hint, tuple(fields), source.span(node))

    def _number(self, source: SourceFile, node: Node) -> int | float | None:
        sign = 1
        if node.type == "unary_expression":
            operator = node.child_by_field_name("operator")
            argument = node.child_by_field_name("argument")
            if operator is None or argument is None or argument.type != "number":
                return None
            sign = -1 if source.text(operator) == "-" else 1
            node = argument
        value = parse_number(source.text(node))
        return None if value is None else sign * value


def _prim_of_literal(t: ir.Literal) -> ir.PrimName:
    if isinstance(t.value, bool):
        return "boolean"
    return "string" if isinstance(t.value, str) else "number"
