"""Discriminators and messages (SPEC "Discriminators and messages"), read off the IR.

A discriminator is a required field whose type is one string or integer literal or
one enum member: a constant every value of the declaration carries. The loader asks
`find_messages` which declarations `parse_message` dispatches over, and on which
field; both backends ask `shared_discriminator` which field a union of interfaces
decodes by. Both answers depend on the IR alone, so every target agrees.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass

from . import ir
from .diagnostics import Diagnostic

DISPATCH_FIRST = "type"

Value = str | int


@dataclass(frozen=True, slots=True)
class Constant:
    """A discriminator of one declaration: its field and the value it holds."""

    field: ir.Field
    value: Value


def show(value: Value) -> str:
    """A discriminator value as JSON text, as the generated error messages show it."""
    return json.dumps(value, ensure_ascii=False)


def _kind(value: Value) -> str:
    return "string" if isinstance(value, str) else "number"


def enum_values(decls: dict[str, ir.Decl]) -> dict[tuple[str, str], Value]:
    """(enum, member) -> value: one index, not a scan per discriminator."""
    values: dict[tuple[str, str], Value] = {}
    for name, decl in decls.items():
        if isinstance(decl, ir.Enum):
            for m in decl.members:
                values.setdefault((name, m.name), m.value)
    return values


def constant_of(t: ir.Type, values: dict[tuple[str, str], Value]) -> Value | None:
    """The value of a discriminator type (`"a"`, `1`, `E.Member`), or None."""
    if isinstance(t, ir.Literal):
        v = t.value
        if isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool) and _exact(v)):
            return v
        return None
    if isinstance(t, ir.EnumMemberRef):
        value = values.get((t.enum, t.member))
        return value if value is None or isinstance(value, str) or _exact(value) else None
    return None


def _exact(value: int) -> bool:
    """Whether every reader holds the integer exactly (Go and JavaScript as float64)."""
    return -(2**53) <= value <= 2**53


def constants(fields: tuple[ir.Field, ...], values: dict[tuple[str, str], Value]) -> dict[
    str, Constant
]:
    """The discriminator fields among `fields`, by JSON key, in field order."""
    out: dict[str, Constant] = {}
    for f in fields:
        if f.optional:
            continue
        value = constant_of(f.type, values)
        if value is not None:
            out.setdefault(f.name, Constant(f, value))
    return out


class _Index:
    """The discriminators of every interface of one module, computed once each."""

    def __init__(self, module: ir.Module) -> None:
        self.decls = module.decls
        self.values = enum_values(module.decls)
        self.cache: dict[str, dict[str, Constant]] = {}

    def of(self, interface: str) -> dict[str, Constant]:
        found = self.cache.get(interface)
        if found is None:
            decl = self.decls[interface]
            assert isinstance(decl, ir.Interface)
            found = self.cache[interface] = constants(decl.fields, self.values)
        return found


@functools.lru_cache(maxsize=4)
def _index(module: ir.Module) -> _Index:
    return _Index(module)  # modules hash by identity: one index per module rendered


@dataclass(frozen=True, slots=True)
class Tagged:
    """A union of interfaces that decodes by `field`: `(value, interface)` per member."""

    field: str
    cases: tuple[tuple[Value, str], ...]

    @property
    def numeric(self) -> bool:
        return not isinstance(self.cases[0][0], str)

    def expected(self) -> str:
        """The `expected ...` text of a wrong value (docs/generated-code.md)."""
        shown = ", ".join(show(v) for v, _ in self.cases)
        return shown if len(self.cases) == 1 else f"one of {shown}"


def shared_discriminator(
    module: ir.Module, interfaces: list[str], span: ir.Span
) -> Tagged | Diagnostic:
    """The field `interfaces` all carry with distinct values of one kind, or why none.

    `type` wins when it qualifies; otherwise the first qualifying field of the first
    member, in field order.
    """
    index = _index(module)
    per = [index.of(name) for name in interfaces]
    for name, found in zip(interfaces, per, strict=True):
        if not found:
            return Diagnostic(
                f"union of interfaces: {name} has no discriminator (a required field whose "
                "type is one string or numeric literal or enum member), so its JSON cannot "
                "be told apart from the other members'",
                span=span,
            )
    shared = [key for key in per[0] if all(key in other for other in per[1:])]
    if not shared:
        return Diagnostic(
            "union of interfaces: its members share no discriminator field (a required "
            "field of the same name whose type is one literal or enum member), so their "
            "JSON cannot be told apart",
            span=span,
        )
    problem: Diagnostic | None = None
    ordered = ([DISPATCH_FIRST] if DISPATCH_FIRST in shared else []) + shared
    for key in ordered:
        cases = [(found[key].value, name) for name, found in zip(interfaces, per, strict=True)]
        kinds = {_kind(v) for v, _ in cases}
        owners: dict[Value, str] = {}
        clash = None
        for value, name in cases:
            if value in owners and clash is None:
                clash = (value, owners[value], name)
            owners.setdefault(value, name)
        if len(kinds) == 1 and clash is None:
            return Tagged(key, tuple(cases))
        if problem is None:
            if clash is not None:
                value, first, second = clash
                text = (
                    f"union of interfaces: {second} has the same {key} {show(value)} as "
                    f"{first}, so their JSON cannot be told apart"
                )
            else:
                text = (
                    f"union of interfaces: the members' {key} values mix strings and "
                    "numbers, which one decoder cannot dispatch on"
                )
            problem = Diagnostic(text, span=span)
    assert problem is not None
    return problem


def find_messages(
    decls: dict[str, ir.Decl], note: Callable[[str], None] | None = None
) -> tuple[tuple[ir.Message, ...], list[Diagnostic]]:
    """The messages `parse_message` dispatches over, and each contract bug found.

    The field is `type` when any declaration has a `type` discriminator: then two
    messages with one value, or with values of both kinds, are errors at the second.
    Otherwise it is the field most declarations (at least two) carry with distinct
    values of one kind (ties go to the first declared), so that a constant such as
    `version: 1` never qualifies. A shared field whose values repeat is no
    dispatch field (`role: "admin"` in two views is no contract bug); `note` hears
    of the first such one, since a copied `subject` would be. Inline objects nested
    in fields are never messages.
    """
    values = enum_values(decls)
    found: list[tuple[ir.Interface, dict[str, Constant]]] = []
    for decl in decls.values():
        if isinstance(decl, ir.Interface):
            consts = constants(decl.fields, values)
            if consts:
                found.append((decl, consts))
    if any(DISPATCH_FIRST in consts for _, consts in found):
        return _dispatch(found, DISPATCH_FIRST)
    carriers: dict[str, int] = {}
    kinds: dict[str, set[str]] = {}
    seen: dict[str, set[Value]] = {}
    for _, consts in found:
        for key, const in consts.items():
            carriers[key] = carriers.get(key, 0) + 1
            kinds.setdefault(key, set()).add(_kind(const.value))
            seen.setdefault(key, set()).add(const.value)
    best_key = None
    repeated = None
    for key, count in carriers.items():  # first appearance order: ties keep the first
        if count < 2 or len(kinds[key]) != 1 or len(seen[key]) == 1:
            continue  # one carrier, strings and numbers, or one constant
        if len(seen[key]) < count:
            repeated = repeated or key
        elif best_key is None or count > carriers[best_key]:
            best_key = key
    if best_key is None:
        if repeated is not None and note is not None:
            _, errors = _dispatch(found, repeated)
            span = errors[0].span
            note(f"{span}: note: no parse_message: {errors[0].message.removeprefix('message ')}"
                 f", so {repeated} does not tell the interfaces apart")
        return (), []
    return _dispatch(found, best_key)


def _dispatch(
    found: list[tuple[ir.Interface, dict[str, Constant]]], key: str
) -> tuple[tuple[ir.Message, ...], list[Diagnostic]]:
    """The declarations carrying `key`, and an error at each repeated value or value of
    the other kind (the first value fixes the kind)."""
    messages: list[ir.Message] = []
    errors: list[Diagnostic] = []
    owners: dict[Value, str] = {}
    first: tuple[str, Value] | None = None
    for decl, consts in found:
        const = consts.get(key)
        if const is None:
            continue
        span = const.field.type.span
        if first is not None and _kind(const.value) != _kind(first[1]):
            errors.append(
                Diagnostic(
                    f"message {key} {show(const.value)} is a {_kind(const.value)}, but "
                    f"{first[0]}'s is the {_kind(first[1])} {show(first[1])}: parse_message "
                    "cannot dispatch on both",
                    span=span,
                )
            )
            continue
        if const.value in owners:
            errors.append(
                Diagnostic(
                    f"message {key} {show(const.value)} is already used by {owners[const.value]}",
                    span=span,
                )
            )
            continue
        first = first or (decl.name, const.value)
        owners[const.value] = decl.name
        messages.append(ir.Message(decl.name, const.value, key))
    return tuple(messages), errors
