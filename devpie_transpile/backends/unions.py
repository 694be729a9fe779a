"""Unions of interfaces (`type Msg = A | B`): which ones every backend can dispatch.

JSON carries no class name, so a union of object types decodes only when each member
says what it is: every member must be a message interface (a required `type` field
of an enum member or string literal, see `ir.Message`), with a value of its own. Both
backends ask this module, so that they accept and refuse exactly the same unions.
"""

from __future__ import annotations

import json

from .. import ir
from ..diagnostics import Diagnostic

DISCRIMINATOR = "type"
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
) -> tuple[list[tuple[str, str]] | None, Diagnostic | None]:
    """`(value, interface)` for each member of a union of interfaces, in order.

    `(None, None)` when the members are not all interfaces (not this kind of union);
    `(None, diagnostic)` when they are but cannot be told apart by their `type`.
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
    values = {msg.interface: msg.value for msg in module.messages}
    out: list[tuple[str, str]] = []
    for name in interfaces:
        value = values.get(name)
        if value is None:
            return None, Diagnostic(
                f"union of interfaces: {name} has no `{DISCRIMINATOR}` discriminator (a "
                "required field of an enum member or string literal type), so its JSON "
                "cannot be told apart from the other members'",
                span=span,
            )
        out.append((value, name))
    return out, None


def expected(cases: list[tuple[str, str]]) -> str:
    """The `expected ...` text of a wrong discriminator (docs/generated-code.md)."""
    shown = ", ".join(json.dumps(v, ensure_ascii=False) for v, _ in cases)
    return shown if len(cases) == 1 else f"one of {shown}"
