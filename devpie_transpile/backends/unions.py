"""Unions of interfaces (`type Msg = A | B`): which ones every backend can dispatch.

JSON carries no class name, so a union of object types decodes only when its members
share a discriminator (`messages.shared_discriminator`: a required field of one
literal or enum member type, with a distinct value in each member). Both backends
ask this module, so that they accept and refuse exactly the same unions.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import ir
from ..diagnostics import Diagnostic
from ..messages import Tagged, shared_discriminator

MIXED_ENUMS = "a union of string and numeric enums is not supported (no Go type holds both)"


def _interfaces(
    module: ir.Module, t: ir.Type, seen: set[str], memo: dict[str, list[str] | None]
) -> list[str] | None:
    """The interfaces `t` stands for (aliases of unions flattened), or None.

    `memo` holds each alias's answer: an alias reached by many paths (a diamond of
    union aliases) is flattened once, not once per path (exponential).
    """
    if not isinstance(t, ir.Ref):
        return None
    decl = module.decls.get(t.name)
    if isinstance(decl, ir.Interface):
        return [decl.name]
    if isinstance(decl, ir.Alias) and decl.name in memo:
        return memo[decl.name]
    if isinstance(decl, ir.Alias) and decl.name not in seen:
        inner = decl.type.members if isinstance(decl.type, ir.Union) else (decl.type,)
        found: dict[str, None] = {}  # ordered set
        for m in inner:
            names = _interfaces(module, m, seen | {decl.name}, memo)
            if names is None:
                found_list = None
                break
            found.update(dict.fromkeys(names))
        else:
            found_list = list(found)
        memo[decl.name] = found_list
        return found_list
    return None


def tagged_union(
    module: ir.Module, members: list[ir.Type], span: ir.Span
) -> tuple[Tagged | None, Diagnostic | None]:
    """The discriminator and `(value, interface)` cases of a union of interfaces.

    `(None, None)` when the members are not all interfaces (not this kind of union);
    `(None, diagnostic)` when they are but cannot be told apart.
    """
    found: dict[str, None] = {}  # ordered set
    memo: dict[str, list[str] | None] = {}
    for m in members:
        names = _interfaces(module, m, set(), memo)
        if names is None:
            return None, None
        found.update(dict.fromkeys(names))
    interfaces = list(found)
    if len(interfaces) < 2:
        return None, None  # `A | null`: a nullable interface, no dispatch
    shared = shared_discriminator(module, interfaces, span)
    if isinstance(shared, Diagnostic):
        return None, shared
    return shared, None


def union_parsers(module: ir.Module) -> list[tuple[ir.Alias, Tagged]]:
    """The aliases that get a parse function of their own, in declaration order: unions
    of interfaces (and `| null`) that decode by a shared discriminator."""
    out: list[tuple[ir.Alias, Tagged]] = []
    for decl in module.decls.values():
        if isinstance(decl, ir.Alias) and isinstance(decl.type, ir.Union):
            rest = [m for m in decl.type.members if not _is_null(m)]
            tagged, _ = tagged_union(module, rest, decl.type.span)
            if tagged is not None:
                out.append((decl, tagged))
    return out


def union_functions(
    module: ir.Module, name_of: Callable[[str], str], parse_message: str
) -> list[tuple[ir.Alias, Tagged, str]]:
    """Each union alias with a parse function, and that function's name in a target.

    A union whose function would be the module's `parse_message` and that dispatches
    exactly as it does (`type Message = A | B` of all the messages) needs none.
    """
    out: list[tuple[ir.Alias, Tagged, str]] = []
    for alias, tagged in union_parsers(module):
        name = name_of(alias.name)
        if name == parse_message and module.messages and _same_as_messages(module, tagged):
            continue
        out.append((alias, tagged, name))
    return out


def _same_as_messages(module: ir.Module, tagged: Tagged) -> bool:
    return {(m.field, m.value, m.interface) for m in module.messages} == {
        (tagged.field, value, name) for value, name in tagged.cases
    }


def _is_null(t: ir.Type) -> bool:
    return isinstance(t, ir.Prim) and t.name == "null"
