"""tree-sitter type nodes -> IR types.

Only what JSON can carry and both backends render is accepted; every other
construct is refused at its location, naming it, rather than weakened to `any`.
Problems are collected (so one run reports them all); a refused type converts to
a placeholder that never leaves the loader, because loading then fails.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from tree_sitter import Node

from .. import ir
from .._compat import assert_never
from ..diagnostics import Diagnostic
from . import evaluate as ev
from .comments import doc_comment
from .literals import decode_escapes, decode_string, number_key, parse_number
from .source import SourceFile

MAX_DEPTH = 64

PRIMS: dict[str, ir.PrimName] = {
    "string": "string",
    "number": "number",
    "boolean": "boolean",
    "any": "any",
    "unknown": "unknown",
}

UNSUPPORTED = {
    "conditional_type": "conditional",
    "function_type": "function",
    "constructor_type": "constructor",
    "template_literal_type": "template literal",
    "infer_type": "infer",
    "type_predicate": "type predicate",
    "asserts": "asserts",
    "optional_type": "optional tuple element",
    "rest_type": "rest",
    "existential_type": "existential",
    "this_type": "this",
    "flow_maybe_type": "maybe",
    "member_expression": "import",
    "call_expression": "import",
}


# Why a construct that is still refused has no JSON meaning here (SPEC: say what and why).
WHY = {
    "conditional": "the tool evaluates generics and utility types, not conditions on types",
    "template literal": "its set of strings has no Python or Go type",
    "infer": "it only has a meaning inside a conditional type",
    "function": "a message holds data, and JSON has no functions",
    "constructor": "a message holds data, and JSON has no functions",
    "this": "a polymorphic `this` has no single JSON shape",
    "mapped": "only the utility types (Partial, Required, Readonly, Pick, Omit, Record) are "
    "evaluated",
}
# Library generics with no JSON form, or defined by conditional types.
LIBRARY = {
    "Promise": "a Promise is not data",
    "PromiseLike": "a Promise is not data",
    "Awaited": "it is a conditional type",
    "Map": "JSON.stringify writes a Map as {}; use Record<string, T>",
    "ReadonlyMap": "JSON.stringify writes a Map as {}; use Record<string, T>",
    "WeakMap": "JSON.stringify writes a Map as {}; use Record<string, T>",
    "Set": "JSON.stringify writes a Set as {}; use T[]",
    "ReadonlySet": "JSON.stringify writes a Set as {}; use T[]",
    "WeakSet": "JSON.stringify writes a Set as {}; use T[]",
    "ReturnType": "it is a conditional type over a function",
    "Parameters": "it is a conditional type over a function",
    "ConstructorParameters": "it is a conditional type over a function",
    "InstanceType": "it is a conditional type over a class",
    "ThisType": "it is a marker for `this`, not data",
    "Uppercase": "string manipulation types have no Python or Go type",
    "Lowercase": "string manipulation types have no Python or Go type",
    "Capitalize": "string manipulation types have no Python or Go type",
    "Uncapitalize": "string manipulation types have no Python or Go type",
}
UTILITIES = {"Partial": 1, "Required": 1, "Readonly": 1, "NonNullable": 1, "Pick": 2,
             "Omit": 2, "Exclude": 2, "Extract": 2, "Record": 2, "Array": 1,
             "ReadonlyArray": 1}

# A type parameter's binding: its evaluated argument and whether it admits `undefined`.
Binding = tuple[ir.Type, bool]


class Resolver(Protocol):
    """What the converter needs from the loader: names resolved in a file's scope."""

    def ref(self, source: SourceFile, name: str, span: ir.Span) -> ir.Type: ...

    def enum_member(self, source: SourceFile, enum: str, member: str, span: ir.Span) -> ir.Type: ...

    def decl_named(self, name: str) -> ir.Decl | None: ...

    def declares(self, source: SourceFile, name: str) -> bool: ...

    def instantiate(
        self, source: SourceFile, name: str, args: list[Binding], hint: str, span: ir.Span,
        hoist: bool,
    ) -> ir.Type: ...

    def type_of(
        self, source: SourceFile, name: str, hint: str, span: ir.Span, elements: bool
    ) -> ir.Type: ...

    def hoist(self, decl: ir.Interface) -> ir.Type: ...

    def member_value(self, source: SourceFile, enum: str, member: str, span: ir.Span
                     ) -> str | int | None: ...


@functools.lru_cache(maxsize=4096)  # field names repeat across messages
def pascal(key: str) -> str:
    """`columnOrder` -> `ColumnOrder`, `content-type` -> `ContentType` (for hoisted names)."""
    parts = re.findall(r"[A-Za-z0-9]+", key)
    name = "".join(p[0].upper() + p[1:] for p in parts)
    return name or "Field"


@dataclass
class Members:
    """The members of an interface body or object type."""

    fields: list[ir.Field]
    index: ir.Type | None  # the value type of a `[k: string]: T` signature
    index_node: Node | None


class TypeConverter:
    """Converts the types of one file; `errors` collects what it refuses."""

    def __init__(
        self,
        source: SourceFile,
        resolver: Resolver,
        errors: list[Diagnostic],
        env: dict[str, Binding] | None = None,
    ) -> None:
        self.source = source
        self.resolver = resolver
        self.errors = errors
        self.env = env if env is not None else {}  # type parameters in scope
        # union nodes whose object members are named `<base><Value>` (an alias's value)
        self.union_base: dict[int, str] = {}

    # -- helpers -----------------------------------------------------------------

    def error(self, node: Node, message: str) -> ir.Type:
        span = self.source.span(node)
        self.errors.append(Diagnostic(message, span=span))
        return ir.Prim("any", span)

    def unsupported(self, node: Node, construct: str) -> ir.Type:
        why = WHY.get(construct)
        suffix = f" ({why})" if why else ""
        return self.error(node, f"{construct} types are not supported{suffix}")

    # -- types --------------------------------------------------------------------

    def convert(self, node: Node, hint: str, depth: int = 0, *, hoist: bool = True) -> ir.Type:
        """The IR of type `node`; inline objects are named from `hint`.

        `hoist=False` evaluates a generic instantiation at the top of `node` to its
        object type instead of a reference to a hoisted declaration (an operand).
        """
        t, undefined = self.convert_optional(node, hint, depth, hoist=hoist)
        if undefined:
            return self.error(
                node, "`undefined` is only supported in a property type (x: T | undefined)"
            )
        return t

    def convert_optional(
        self, node: Node, hint: str, depth: int, *, hoist: bool = True
    ) -> tuple[ir.Type, bool]:
        """Like `convert`, also saying whether the type admitted `undefined`."""
        if depth > MAX_DEPTH:
            return self.error(
                node, f"type is nested too deeply (more than {MAX_DEPTH} levels)"
            ), False
        node = self._unwrap(node)
        span = self.source.span(node)
        kind = node.type
        if kind == "union_type":
            return self._union(node, hint, depth, span)
        if kind == "literal_type" and node.named_children[0].type == "undefined":
            return ir.Prim("any", span), True
        if kind == "predefined_type":
            return self._predefined(node, span), False
        if kind == "literal_type":
            return self._literal(node, span), False
        if kind == "array_type":
            item = self.convert(node.named_children[0], hint + "Item", depth + 1)
            return ir.Array(item, span), False
        if kind == "tuple_type":
            return self._tuple(node, hint, depth), False
        if kind == "readonly_type":
            inner = self._unwrap(node.named_children[0])
            if inner.type == "tuple_type":
                return self._tuple(inner, hint, depth), False
            if inner.type != "array_type":
                return self.error(
                    node, "`readonly` is only supported on array and tuple types"
                ), False
            item = self.convert(inner.named_children[0], hint + "Item", depth + 1)
            return ir.Array(item, span), False
        if kind == "generic_type":
            return self._generic(node, hint, depth, hoist)
        if kind == "type_identifier":
            text = self.source.text(node)
            if self.env and text in self.env:  # a type parameter
                bound, undefined = self.env[text]
                return ev.rehint(bound, hint), undefined
            if text == "bigint":
                return self.unsupported(node, "`bigint`"), False
            if text == "Date" and not self.resolver.declares(self.source, "Date"):
                return ir.Date(span), False  # the global Date (their own Date shadows it)
            return self.resolver.ref(self.source, text, span), False
        if kind == "intersection_type":
            return self._evaluated(node, lambda: (self._intersection(node, hint, depth), False))
        if kind == "index_type_query":
            return self._evaluated(node, lambda: (self._keyof(node, hint, depth), False))
        if kind == "lookup_type":
            return self._evaluated(node, lambda: self._lookup(node, hint, depth))
        if kind == "type_query":
            return self._evaluated(node, lambda: (self._typeof(node, hint), False))
        if kind == "nested_type_identifier":
            return self._qualified(node, span), False
        if kind == "object_type":
            return self._object(node, hint, depth, span), False
        if kind in ("string", "number", "true", "false", "null", "undefined"):
            return self._literal(node, span), False
        return self.unsupported(node, UNSUPPORTED.get(kind, kind.replace("_", " "))), False

    def _unwrap(self, node: Node) -> Node:
        while node.type in ("parenthesized_type", "type_annotation") and node.named_children:
            node = node.named_children[0]
        return node

    # The helpers below take the span convert_optional already worked out for `node`.

    def _predefined(self, node: Node, span: ir.Span) -> ir.Type:
        name = self.source.text(node)
        if name in PRIMS:
            return ir.Prim(PRIMS[name], span)
        if name == "object":
            return self.error(node, "`object` types are not supported; use Record<string, unknown>")
        return self.unsupported(node, f"`{name}`")

    def _literal(self, node: Node, span: ir.Span) -> ir.Type:
        value_node = node.named_children[0] if node.type == "literal_type" else node
        kind = value_node.type
        if kind == "string":
            return ir.Literal(decode_string(self.source, value_node, lone_surrogates=True), span)
        if kind in ("true", "false"):
            return ir.Literal(kind == "true", span)
        if kind == "null":
            return self.error(node, "`null` alone is not a supported type; use `T | null`")
        number = self._number(value_node)
        if number is None:
            return self.error(node, f"unsupported literal type `{self.source.text(node)}`")
        return ir.Literal(number, span)

    def _number(self, node: Node) -> int | float | None:
        sign = 1
        if node.type == "unary_expression":
            operator = node.child_by_field_name("operator")
            argument = node.child_by_field_name("argument")
            if operator is None or argument is None or argument.type != "number":
                return None
            sign = -1 if self.source.text(operator) == "-" else 1
            node = argument
        if node.type != "number":
            return None
        value = parse_number(self.source.text(node))
        return None if value is None else sign * value

    def _union(self, node: Node, hint: str, depth: int, span: ir.Span) -> tuple[ir.Type, bool]:
        flat: list[Node] = []
        stack = [node]
        while stack:  # iterative: a long union is a deeply left-nested tree
            current = self._unwrap(stack.pop())
            if current.type == "union_type":
                stack.extend(reversed(current.named_children))
            else:
                flat.append(current)
        members: list[ir.Type] = []
        keys: set[object] = set()
        undefined = False
        for member in flat:
            t: ir.Type
            if (
                member.type == "predefined_type"
                and member.end_byte - member.start_byte == 5
                and self.source.text(member) == "never"
            ):
                continue  # `A | never` is `A`
            if member.type == "literal_type" and member.named_children[0].type == "null":
                t, is_undefined = ir.Prim("null", self.source.span(member)), False
            else:
                t, is_undefined = self.convert_optional(member, hint, depth + 1)
            if is_undefined:
                undefined = True
                continue
            key = type_key(t)
            if key not in keys:
                keys.add(key)
                members.append(t)
        if not members:
            return self.error(node, "a type of only `undefined` is not supported"), False
        if len(members) == 1:
            return members[0], undefined
        tagged = self._hoist_tagged(members, self.union_base.get(node.id, hint))
        return ir.Union(tuple(tagged), span), undefined

    def _tuple(self, node: Node, hint: str, depth: int) -> ir.Type:
        """`[A, B]`, `[start: A, end: B]`: fixed length only; optional and rest
        elements (a JSON array of varying length) are refused at the element."""
        items: list[ir.Type] = []
        labels: list[str] = []
        errors_before = len(self.errors)
        for i, element in enumerate(node.named_children):
            if element.type == "comment":
                continue
            if element.type in ("optional_type", "optional_parameter"):
                self.error(element, "optional tuple elements are not supported "
                           "(the tuple would have no fixed length)")
                continue
            if element.type == "rest_type" or (
                element.type == "required_parameter"
                and any(c.type == "rest_pattern" for c in element.named_children)
            ):
                self.error(element, "rest elements in tuples are not supported "
                           "(the tuple would have no fixed length)")
                continue
            if element.type == "required_parameter":
                label = element.named_children[0]
                annotation = element.child_by_field_name("type")
                if annotation is None or label.type != "identifier":
                    self.unsupported(element, "tuple element")
                    continue
                name = self.source.text(label)
                labels.append(name)
                items.append(self.convert(annotation, hint + pascal(name), depth + 1))
                continue
            items.append(self.convert(element, f"{hint}Item{i}", depth + 1))
        if not items and len(self.errors) == errors_before:
            return self.error(node, "empty tuple types are not supported (they hold no data)")
        return ir.Tuple(hint, tuple(items), tuple(labels) if labels else None,
                        self.source.span(node))

    def _hoist_tagged(self, members: list[ir.Type], base: str) -> list[ir.Type]:
        """Object literals of a union told apart by a discriminator become declarations
        `<base><Value>` (`MsgChat`), so the union is one of named messages."""
        objects = [m for m in members if isinstance(m, ir.Object)]
        tag = ev.discriminator([o.fields for o in objects])
        if tag is None:
            return members
        out: list[ir.Type] = []
        for m in members:
            if not isinstance(m, ir.Object):
                out.append(m)
                continue
            value = next(f.type for f in m.fields if f.name == tag)
            name = base + ev.tag_name(value)
            fields = ev.rehint_fields(m.fields, name)
            out.append(self.resolver.hoist(ir.Interface(name, fields, (), None, m.span)))
        return out

    def _evaluated(
        self, node: Node, evaluate: Callable[[], tuple[ir.Type, bool]]
    ) -> tuple[ir.Type, bool]:
        """Run a type-level evaluation; what it cannot evaluate is reported at `node`."""
        try:
            return evaluate()
        except ev.EvalError as exc:
            return self.error(node, str(exc)), False

    def operand(self, node: Node, hint: str, depth: int) -> ir.Type:
        """A type that an operator looks into: instantiations are not hoisted."""
        return self.convert(node, hint, depth + 1, hoist=False)

    def _generic(self, node: Node, hint: str, depth: int, hoist: bool) -> tuple[ir.Type, bool]:
        name_node = node.child_by_field_name("name")
        args_node = node.child_by_field_name("type_arguments")
        name = self.source.text(name_node) if name_node is not None else ""
        args = args_node.named_children if args_node is not None else []
        span = self.source.span(node)
        if name in self.env:
            return self.error(node, f"type parameter {name} takes no type arguments"), False
        if name_node is not None and (
            name_node.type == "nested_type_identifier"  # `Namespace.Template<...>`
            or self.resolver.declares(self.source, name)
        ):
            bound = [self.convert_optional(a, hint, depth + 1) for a in args]
            return self.resolver.instantiate(self.source, name, bound, hint, span, hoist), False
        if name in LIBRARY:
            return self.error(node, f"`{name}<...>` is not supported: {LIBRARY[name]}"), False
        if name not in UTILITIES:
            return self.error(node, f"unknown generic type {name}"), False
        if len(args) != UTILITIES[name]:
            count = UTILITIES[name]
            plural = "s" if count > 1 else ""
            return self.error(node, f"{name} takes {count} type argument{plural}"), False
        return self._evaluated(node, lambda: self._utility(name, args, hint, depth, span))

    def _utility(
        self, name: str, args: list[Node], hint: str, depth: int, span: ir.Span
    ) -> tuple[ir.Type, bool]:
        decls = self.resolver
        if name in ("Array", "ReadonlyArray"):
            return ir.Array(self.convert(args[0], hint + "Item", depth + 1), span), False
        if name == "Record":
            return self._record(args, hint, depth, span), False
        if name == "Readonly":
            return self.convert_optional(args[0], hint, depth + 1, hoist=False)
        target = self.operand(args[0], hint, depth)
        if name in ("Partial", "Required"):
            return ev.partial(target, decls, hint, span, optional=name == "Partial"), False
        if name == "NonNullable":
            return ev.non_nullable(target, decls, span), False
        other = self.operand(args[1], hint, depth)
        if name in ("Exclude", "Extract"):
            return ev.filter_members(target, other, decls, span, keep=name == "Extract"), False
        keys = ev.literal_keys(other, decls, name)
        if name == "Pick":
            return ev.pick(target, keys, decls, hint, span), False
        return ev.omit(target, keys, decls, hint, span), False

    def _record(self, args: list[Node], hint: str, depth: int, span: ir.Span) -> ir.Type:
        key = self._unwrap(args[0])
        if key.type == "predefined_type" and self.source.text(key) == "string":
            never = self._unwrap(args[1])
            if never.type == "predefined_type" and self.source.text(never) == "never":
                return ir.Object(hint, (), span)  # `Record<string, never>`: the empty object
            return ir.Map(self.convert(args[1], hint + "Value", depth + 1), span)
        if key.type == "predefined_type":
            raise ev.EvalError(
                f"`Record` keys must be `string`, string literals or a string enum, "
                f"not `{self.source.text(key)}`"
            )
        keys = ev.literal_keys(self.operand(args[0], hint, depth), self.resolver, "Record")
        value, undefined = self.convert_optional(args[1], hint, depth + 1)
        return ev.record(keys, value, undefined, hint, span)

    def _intersection(self, node: Node, hint: str, depth: int) -> ir.Type:
        flat: list[Node] = []
        stack = [node]
        while stack:
            current = self._unwrap(stack.pop())
            if current.type == "intersection_type":
                stack.extend(reversed(current.named_children))
            else:
                flat.append(current)
        groups: list[tuple[tuple[ir.Field, ...], str]] = []
        where: dict[int, Node] = {}
        for part in flat:
            t = self.operand(part, hint, depth)
            fields = ev.fields_of(t, self.resolver)
            if fields is None:
                self.error(part, "an intersection can only combine object types")
                continue
            groups.append((fields, _described(t)))
            for f in fields:
                where[id(f)] = part
        merged, conflicts = ev.merge(groups, self.resolver)
        for f, message in conflicts:
            part = where[id(f)]
            if part.type == "object_type":
                self.errors.append(Diagnostic(message, span=f.span))
            else:
                self.error(part, message)
        return ir.Object(hint, ev.rehint_fields(tuple(merged), hint), self.source.span(node))

    def _keyof(self, node: Node, hint: str, depth: int) -> ir.Type:
        target = self.operand(node.named_children[0], hint, depth)
        return ev.keyof(target, self.resolver, self.source.span(node))

    def _lookup(self, node: Node, hint: str, depth: int) -> tuple[ir.Type, bool]:
        obj_node, key_node = node.named_children[0], node.named_children[-1]
        key = self.operand(key_node, hint, depth)
        query = self._unwrap(obj_node)
        if query.type == "type_query" and isinstance(key, ir.Prim) and key.name == "number":
            # `(typeof C)[number]` of `const C = [...] as const`: the union of its elements
            target = self._typeof(query, hint, elements=True)
        else:
            target = self.operand(obj_node, hint, depth)
        t, undefined = ev.index(target, key, self.resolver, self.source.span(node))
        return ev.rehint(t, hint), undefined

    def _typeof(self, node: Node, hint: str, *, elements: bool = False) -> ir.Type:
        target = node.named_children[0]
        path: list[str] = []
        while target.type == "member_expression":
            prop = target.child_by_field_name("property")
            obj = target.child_by_field_name("object")
            if prop is None or obj is None:
                break
            path.insert(0, self.source.text(prop))
            target = obj
        if target.type != "identifier":
            raise ev.EvalError("`typeof` is supported on a constant's name (typeof C, typeof C.k)")
        t = self.resolver.type_of(
            self.source, self.source.text(target), hint, self.source.span(target), elements
        )
        span = self.source.span(node)
        for key in path:
            t, _ = ev.index(t, ir.Literal(key, span), self.resolver, span)
        return ev.rehint(t, hint)

    def _qualified(self, node: Node, span: ir.Span) -> ir.Type:
        module = node.child_by_field_name("module")
        name = node.child_by_field_name("name")
        if module is None or name is None or module.type not in ("identifier", "nested_identifier"):
            return self.unsupported(node, "qualified")
        return self.resolver.enum_member(
            self.source, self.source.text(module), self.source.text(name), span
        )

    def _object(self, node: Node, hint: str, depth: int, span: ir.Span) -> ir.Type:
        members = self.members(node, hint, depth)
        if members.index is not None:
            if members.fields:
                assert members.index_node is not None
                return self.error(
                    members.index_node,
                    "an object type cannot mix properties with an index signature",
                )
            return ir.Map(members.index, span)
        return ir.Object(hint, tuple(members.fields), span)

    # -- members ------------------------------------------------------------------

    def members(self, body: Node, owner: str, depth: int) -> Members:
        """Fields (and an index signature) of an interface body or object type."""
        out = Members([], None, None)
        for member in body.named_children:
            kind = member.type
            if kind == "comment":
                continue
            if kind == "property_signature":
                out.fields.append(self._field(member, owner, depth))
            elif kind == "index_signature":
                self._index(member, owner, depth, out)
            elif kind == "method_signature":
                self.error(member, "method signatures are not supported (a message holds data)")
            elif kind == "call_signature":
                self.error(member, "call signatures are not supported (a message holds data)")
            elif kind == "construct_signature":
                self.error(member, "construct signatures are not supported")
            else:
                self.error(member, f"{kind.replace('_', ' ')} is not supported here")
        return out

    def _index(self, member: Node, owner: str, depth: int, out: Members) -> None:
        if any(c.type == "mapped_type_clause" for c in member.named_children):
            self.unsupported(member.parent or member, "mapped")
            return
        key = member.child_by_field_name("index_type")
        if key is None or self.source.text(key) != "string":
            self.error(key or member, "only `string` index signatures are supported")
            return
        annotation = member.child_by_field_name("type")
        if annotation is None:
            self.error(member, "index signature needs a value type")
            return
        if out.index_node is not None:
            self.error(member, "an object type can have only one index signature")
            return
        out.index = self.convert(annotation, owner + "Value", depth + 1)
        out.index_node = member

    def _field(self, member: Node, owner: str, depth: int) -> ir.Field:
        name_node = member.child_by_field_name("name")
        assert name_node is not None
        span = self.source.span(name_node)
        name = self.property_key(name_node)
        annotation = member.child_by_field_name("type")
        optional = _has_question_mark(self.source, name_node, annotation)
        doc = doc_comment(self.source, member)
        if annotation is None:
            t = self.error(name_node, f"property {name} needs a type annotation")
            return ir.Field(name, t, optional, doc, span)
        t, undefined = self.convert_optional(annotation, owner + pascal(name), depth + 1)
        return ir.Field(name, t, optional or undefined, doc, span)


    def property_key(self, node: Node) -> str:
        """The JSON key of a property name as JavaScript reads it (SPEC "Names"):
        escapes decoded, numbers as their ToString, `[E.Member]` as the member's value."""
        kind = node.type
        text = self.source.text(node)
        if kind == "string":
            return decode_string(self.source, node, lone_surrogates=True)
        if kind in ("property_identifier", "private_property_identifier"):
            return decode_escapes(text)
        if kind == "number":
            key = number_key(text)
            if key is None:
                self.error(node, f"bigint property name {text} is not supported")
                return text
            return key
        if kind == "computed_property_name" and node.named_children:
            inner = self._unwrap(node.named_children[0])
            if inner.type in ("string", "number"):
                return self.property_key(inner)
            obj = inner.child_by_field_name("object")
            prop = inner.child_by_field_name("property")
            if inner.type == "member_expression" and obj is not None and prop is not None \
                    and obj.type == "identifier" and prop.type == "property_identifier":
                value = self.resolver.member_value(
                    self.source, self.source.text(obj), self.source.text(prop),
                    self.source.span(inner),
                )
                return text if value is None else str(value)
            self.error(node, "computed property names are supported only as `[Enum.Member]` "
                       "or a string or number literal")
            return text
        self.unsupported(node, "computed property name")
        return text


def _described(t: ir.Type) -> str:
    return t.name if isinstance(t, ir.Ref) else "the object type"


def type_key(t: ir.Type, *, structural: bool = False) -> object:
    """Identity of a type ignoring spans: drops duplicate union members; `structural`
    also compares inline objects by their fields (a redeclared inherited field)."""
    match t:
        case ir.Prim(name=name):
            return ("prim", name)
        case ir.Literal(value=value):
            return ("literal", type(value).__name__, value)
        case ir.Ref(name=name):
            return ("ref", name)
        case ir.EnumMemberRef(enum=enum, member=member):
            return ("member", enum, member)
        case ir.Array(item=item):
            return ("array", type_key(item, structural=structural))
        case ir.Map(value=value):
            return ("map", type_key(value, structural=structural))
        case ir.Union(members=members):
            return ("union", tuple(type_key(m, structural=structural) for m in members))
        case ir.Date():
            return ("date",)
        case ir.Tuple(items=items, labels=labels):
            return ("tuple", labels, tuple(type_key(i, structural=structural) for i in items))
        case ir.Object(fields=fields):
            if not structural:
                return ("object", t.name, t.span)
            return (
                "object",
                tuple((f.name, f.optional, type_key(f.type, structural=True)) for f in fields),
            )
        case _:
            assert_never(t)


def _has_question_mark(source: SourceFile, name_node: Node, annotation: Node | None) -> bool:
    """Whether `?` follows a property's name (`x?: T`), the only place it can be:
    a look at the few siblings after the name instead of a list of every child
    (and none when no `?` is written between the name and its type at all)."""
    if annotation is not None and b"?" not in source.data[
        name_node.end_byte : annotation.start_byte
    ]:
        return False
    sibling = name_node.next_sibling
    while sibling is not None:
        if sibling.type == "?":
            return True
        sibling = sibling.next_sibling
    return False
