"""Language-neutral checks on a built module, shared by every backend.

The frontend builds the IR; these checks hold for any IR whatever produced it:
references resolve, names (declared and hoisted) are unique, an interface has each
field once, and type aliases do not refer to themselves except through an
interface (which every target can express; a self-referential alias it cannot).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from . import ir
from ._compat import assert_never
from .diagnostics import Diagnostic, TranspileError


def validate(module: ir.Module) -> None:
    """Raise `TranspileError` with every problem of `module`, if any."""
    found = problems(module)
    if found:
        raise TranspileError(found)


def problems(module: ir.Module) -> list[Diagnostic]:
    """Every problem of `module`, in the order found."""
    out: list[Diagnostic] = []
    _check_refs(module, out)
    _check_names(module, out)
    _check_alias_cycles(module, out)
    return out


MAX_SAFE_INTEGER = 2**53 - 1


def _value_problem(value: object) -> str | None:
    """Why an enum or literal value (or JSON key) cannot be carried alike by every
    JSON reader: an integer JavaScript cannot hold exactly, a lone surrogate."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SAFE_INTEGER:
        return (
            f"integer {value} is outside JavaScript's safe integers (up to 2^53 - 1): "
            "JSON readers would disagree on its value"
        )
    if isinstance(value, str):
        for ch in value:
            if 0xD800 <= ord(ch) <= 0xDFFF:
                return (
                    f"string holds the lone UTF-16 surrogate \\u{ord(ch):04X}, which JSON "
                    "text in UTF-8 cannot carry"
                )
    return None


def _check_decl_values(decl: ir.Decl, out: list[Diagnostic]) -> None:
    """Enum values and an interface's JSON keys are values every target holds exactly."""
    if isinstance(decl, ir.Enum):
        for m in decl.members:
            _check_value(m.value, m.span, out)
    elif isinstance(decl, ir.Interface):
        for f in decl.fields:
            _check_value(f.name, f.span, out)


def _check_type_values(t: ir.Literal | ir.Object, out: list[Diagnostic]) -> None:
    if isinstance(t, ir.Literal):
        _check_value(t.value, t.span, out)
    else:
        for f in t.fields:
            _check_value(f.name, f.span, out)


def _check_value(value: object, span: ir.Span, out: list[Diagnostic]) -> None:
    if isinstance(value, str) and value.isascii():
        return  # the common case, at C speed
    problem = _value_problem(value)
    if problem is not None:
        out.append(Diagnostic(problem, span=span))


def children(t: ir.Type) -> Sequence[ir.Type]:
    """The types directly inside `t` (fields of an inline object included). A sequence,
    not a generator: every check walks every type of the module through here."""
    match t:
        case ir.Prim() | ir.Literal() | ir.Ref() | ir.EnumMemberRef() | ir.Date():
            return ()
        case ir.Tuple(items=items):
            return items
        case ir.Array(item=item):
            return (item,)
        case ir.Map(value=value):
            return (value,)
        case ir.Union(members=members):
            return members
        case ir.Object(fields=fields):
            return [f.type for f in fields]
        case _:
            assert_never(t)


def decl_types(decl: ir.Decl) -> Iterator[ir.Type]:
    """The top-level types a declaration holds."""
    match decl:
        case ir.Enum():
            return
        case ir.Interface(fields=fields):
            yield from (f.type for f in fields)
        case ir.Alias(type=t):
            yield t
        case _:
            assert_never(decl)


_LEAVES = frozenset({ir.Prim, ir.Literal, ir.Ref, ir.EnumMemberRef, ir.Date})


def walk(decl: ir.Decl) -> Iterator[ir.Type]:
    """Every type inside `decl`, pre-order, without recursion."""
    stack = list(reversed(list(decl_types(decl))))
    while stack:
        t = stack.pop()
        yield t
        if t.__class__ not in _LEAVES:  # most types are leaves: no call for them
            stack.extend(reversed(children(t)))


def _check_refs(module: ir.Module, out: list[Diagnostic]) -> None:
    # member names per enum, indexed once: one lookup per reference keeps this linear
    members = {
        name: {m.name for m in decl.members}
        for name, decl in module.decls.items()
        if isinstance(decl, ir.Enum)
    }
    for decl in module.decls.values():
        _check_decl_values(decl, out)
        for t in walk(decl):
            if isinstance(t, ir.Literal | ir.Object):  # checked in this walk: one walk
                _check_type_values(t, out)
            if isinstance(t, ir.Ref) and t.name not in module.decls:
                out.append(Diagnostic(f"unknown type {t.name}", span=t.span))
            elif isinstance(t, ir.EnumMemberRef):
                names = members.get(t.enum)
                if names is None:
                    out.append(Diagnostic(f"{t.enum} is not an enum", span=t.span))
                elif t.member not in names:
                    out.append(Diagnostic(f"enum {t.enum} has no member {t.member}", span=t.span))


def _check_names(module: ir.Module, out: list[Diagnostic]) -> None:
    """Declared and hoisted names are unique; each interface/object has a field once."""
    taken: dict[str, ir.Span] = {}
    objects: set[tuple[str, ir.Span]] = set()

    def claim(name: str, span: ir.Span, what: str) -> None:
        first = taken.get(name)
        if first is None:
            taken[name] = span
        elif first != span:
            out.append(Diagnostic(f"{what} {name} is already defined at {first}", span=span))

    def fields_once(fields: tuple[ir.Field, ...]) -> None:
        seen: dict[str, ir.Span] = {}
        for f in fields:
            if f.name in seen and seen[f.name] != f.span:
                out.append(
                    Diagnostic(
                        f"field {f.name} is declared twice (first at {seen[f.name]})", span=f.span
                    )
                )
            seen.setdefault(f.name, f.span)

    for name, decl in module.decls.items():
        claim(name, decl.span, "type")
        if isinstance(decl, ir.Interface):
            fields_once(decl.fields)
        for t in walk(decl):
            if isinstance(t, ir.Object) and (t.name, t.span) not in objects:
                objects.add((t.name, t.span))
                claim(t.name, t.span, "inline object type")
                fields_once(t.fields)


def _alias_edges(t: ir.Type) -> Iterator[ir.Ref]:
    """Refs reachable from `t` without passing through an inline object."""
    stack = [t]
    while stack:
        current = stack.pop()
        if isinstance(current, ir.Ref):
            yield current
        elif not isinstance(current, ir.Object):
            stack.extend(children(current))


def _check_alias_cycles(module: ir.Module, out: list[Diagnostic]) -> None:
    aliases = {n: d for n, d in module.decls.items() if isinstance(d, ir.Alias)}
    edges = {
        n: sorted({r.name for r in _alias_edges(d.type) if r.name in aliases})
        for n, d in aliases.items()
    }
    # A path back to an alias stays inside its strongly connected component: only
    # aliases of a component with a cycle are searched, and only inside it (a search
    # from every alias over everything it reaches was cubic on a chain of aliases).
    component = _components(edges)
    size: dict[int, int] = {}
    for c in component.values():
        size[c] = size.get(c, 0) + 1
    reported: set[str] = set()
    for start in aliases:  # declaration order: the first alias of a cycle reports it
        if start in reported:
            continue  # any cycle through it shares it: already reported
        mine = component[start]
        if size[mine] == 1 and start not in edges[start]:
            continue  # acyclic
        # iterative DFS for a path from `start` back to itself
        stack = [start]
        parent: dict[str, str] = {}
        visited: set[str] = set()
        while stack:
            name = stack.pop()
            for nxt in edges[name]:
                if component[nxt] != mine:
                    continue
                if nxt == start:
                    path = [name]
                    while path[-1] != start:
                        path.append(parent[path[-1]])
                    cycle = [*reversed(path), start]
                    if not reported.intersection(cycle):
                        out.append(
                            Diagnostic(
                                "type alias refers to itself: " + " -> ".join(cycle),
                                span=aliases[start].span,
                            )
                        )
                        reported.update(cycle)
                    stack.clear()
                    break
                if nxt not in visited:
                    visited.add(nxt)
                    parent[nxt] = name
                    stack.append(nxt)


def _components(edges: dict[str, list[str]]) -> dict[str, int]:
    """Each node's strongly connected component (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    component: dict[str, int] = {}
    for root in edges:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges[node]
            while i < len(targets) and targets[i] in index:
                if targets[i] in on_stack:
                    low[node] = min(low[node], index[targets[i]])
                i += 1
            if i < len(targets):
                work.append((node, i + 1))
                work.append((targets[i], 0))
                continue
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = index[node]
                    if member == node:
                        break
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return component
