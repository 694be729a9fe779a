"""Two IR modules -> the changes that break a reader of the JSON.

The comparison is structural on the JSON each side reads and writes: aliases are
seen through, interfaces are their fields (matched by JSON key, in any order),
enums are their values, doc comments do not exist. Messages are matched by their
discriminator value; other declarations by name. Each finding says which way it
breaks: `backward` (new code reading stored events) or `forward` (old code reading
new events); a mode reports the findings that break its way.

A type position holds a set of alternatives (a union flattened through aliases):
`null` is compared on its own (FIELD_NULLABILITY), scalars as sets of accepted
values per JSON kind (a `string` accepts every string, `"a" | Role` some), objects
and arrays pairwise, recursively. Values lost are TYPE_NARROWED, values gained
TYPE_WIDENED, and nothing in common TYPE_CHANGED.

Paths: a message's start at its discriminator value, another declaration's at its
name. An interface reached from several places (a shared `Metadata`) is compared
once, under the first path that reaches it, in declaration and field order; an
enum once, under its own name. Either way the finding is located where the
changed text is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from .. import ir
from .._compat import assert_never
from ..validate import walk

Direction: TypeAlias = Literal["backward", "forward"]
BACKWARD: frozenset[Direction] = frozenset({"backward"})
FORWARD: frozenset[Direction] = frozenset({"forward"})
BOTH: frozenset[Direction] = frozenset({"backward", "forward"})

RULES = (
    "MESSAGE_REMOVED",
    "MESSAGE_ADDED",
    "FIELD_ADDED_REQUIRED",
    "FIELD_REMOVED_REQUIRED",
    "FIELD_MADE_REQUIRED",
    "FIELD_MADE_OPTIONAL",
    "FIELD_NULLABILITY",
    "TYPE_CHANGED",
    "TYPE_NARROWED",
    "TYPE_WIDENED",
    "DISCRIMINATOR_CHANGED",
)
# the rules that always break one way (FIELD_NULLABILITY breaks the way null moved)
BACKWARD_RULES = frozenset(
    {"MESSAGE_REMOVED", "FIELD_ADDED_REQUIRED", "FIELD_MADE_REQUIRED", "TYPE_NARROWED"}
    | {"TYPE_CHANGED", "DISCRIMINATOR_CHANGED"}
)
FORWARD_RULES = frozenset(
    {"MESSAGE_ADDED", "FIELD_REMOVED_REQUIRED", "FIELD_MADE_OPTIONAL", "TYPE_WIDENED"}
    | {"TYPE_CHANGED", "DISCRIMINATOR_CHANGED"}
)
MODES: dict[str, frozenset[Direction]] = {"backward": BACKWARD, "forward": FORWARD, "full": BOTH}
MAX_ALIAS_HOPS = 100


@dataclass(frozen=True, slots=True)
class Finding:
    """One breaking change.

    `span` is where it is: in the new contract, or in the old one (`REF:path`) for
    something removed. `anchor` is the line of the new contract an allow comment
    refers to: `span` itself, the nearest surviving parent of something removed, or
    None (a removed message: only a comment naming its path accepts it).
    """

    rule: str
    path: str
    message: str
    span: ir.Span
    breaks: frozenset[Direction]
    anchor: ir.Span | None

    @property
    def text(self) -> str:
        return f"{self.rule}: {self.path}: {self.message}"


# -- a type position as JSON sees it ---------------------------------------------

Scalar: TypeAlias = tuple[str, str | int | float | bool]  # (JSON kind, value)
KINDS = ("string", "number", "boolean")


@dataclass
class Alternatives:
    """A type position flattened: what JSON values it accepts, by kind."""

    null: bool = False
    top: bool = False  # any / unknown: every value
    kinds: set[str] = field(default_factory=set)  # whole kinds: string, number, boolean
    values: dict[Scalar, ir.Span] = field(default_factory=dict)  # literal values
    enums: dict[str, ir.Ref] = field(default_factory=dict)  # whole enums, by name
    objects: list[ir.Type] = field(default_factory=list)  # Object, Ref(Interface), Map
    arrays: list[ir.Array] = field(default_factory=list)


def _kind_of(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, str):
        return "string"
    return "number"


def _show_value(value: str | int | float | bool) -> str:
    return json.dumps(value)


class Side:
    """One module, with its declarations looked up and its aliases seen through."""

    def __init__(self, module: ir.Module) -> None:
        self.module = module
        self.decls = module.decls
        self.roots = {m.interface: _root_name(m) for m in module.messages}
        self.members = {  # (enum, member) -> value, indexed once: a lookup per discriminator
            (decl.name, m.name): m.value
            for decl in module.decls.values()
            if isinstance(decl, ir.Enum)
            for m in decl.members
        }

    def resolve(self, t: ir.Type) -> ir.Type:
        """`t` with aliases followed (an alias of an alias of `string` is `string`)."""
        for _ in range(MAX_ALIAS_HOPS):
            if not isinstance(t, ir.Ref):
                return t
            decl = self.decls.get(t.name)
            if not isinstance(decl, ir.Alias):
                return t
            t = decl.type
        return t  # pragma: no cover - validation refuses alias cycles

    def enum_value(self, t: ir.EnumMemberRef) -> str | int | None:
        return self.members.get((t.enum, t.member))

    def flatten(self, t: ir.Type) -> Alternatives:
        out = Alternatives()
        stack = [t]
        while stack:
            current = self.resolve(stack.pop())
            match current:
                case ir.Union(members=members):
                    stack.extend(reversed(members))
                case ir.Prim(name=name):
                    if name == "null":
                        out.null = True
                    elif name in ("any", "unknown"):
                        out.top = True
                    else:
                        out.kinds.add(name)
                case ir.Literal(value=value):
                    out.values.setdefault((_kind_of(value), value), current.span)
                case ir.EnumMemberRef():
                    member = self.enum_value(current)
                    if member is not None:
                        out.values.setdefault((_kind_of(member), member), current.span)
                case ir.Ref(name=name):
                    decl = self.decls.get(name)
                    if isinstance(decl, ir.Enum):
                        out.enums[name] = current
                    else:
                        out.objects.append(current)
                case ir.Object() | ir.Map():
                    out.objects.append(current)
                case ir.Array():
                    out.arrays.append(current)
                case ir.Date():
                    out.kinds.add("Date")  # a string of one format: a kind of its own
                case ir.Tuple(items=items):  # compared by its shape as a whole
                    out.kinds.add(describe(self, current) if items else "tuple")
                case _:
                    assert_never(current)
        return out

    def enum_values(self, name: str) -> dict[Scalar, ir.Span]:
        decl = self.decls[name]
        assert isinstance(decl, ir.Enum)
        return {(_kind_of(m.value), m.value): m.span for m in decl.members}

    def fields(self, t: ir.Type) -> tuple[ir.Field, ...] | None:
        """The fields of an object alternative (None: a map)."""
        if isinstance(t, ir.Object):
            return t.fields
        if isinstance(t, ir.Ref):
            decl = self.decls[t.name]
            assert isinstance(decl, ir.Interface)
            return decl.fields
        return None

    def discriminators(self, t: ir.Type) -> set[tuple[str, Scalar]]:
        """(key, value) of the required single-literal fields of an object alternative."""
        out: set[tuple[str, Scalar]] = set()
        for f in self.fields(t) or ():
            if f.optional:
                continue
            alts = self.flatten(f.type)
            if len(alts.values) == 1 and not (alts.kinds or alts.enums or alts.null or alts.top):
                [value] = alts.values
                out.add((f.name, value))
        return out


def _key(message: ir.Message) -> str:
    """The JSON key of a message's discriminator (`type`, or the key they all share)."""
    return message.field


def _root_name(message: ir.Message) -> str:
    """A message's JSON paths start at its discriminator value (`UserRegistered.data`),
    or its interface's name when the value is a number."""
    return message.value if isinstance(message.value, str) else message.interface


def describe(side: Side, t: ir.Type) -> str:
    """A type as TypeScript would write it, aliases seen through at the top."""
    t = side.resolve(t)
    match t:
        case ir.Prim(name=name):
            return name
        case ir.Literal(value=value):
            return _show_value(value)
        case ir.EnumMemberRef(enum=enum, member=member):
            return f"{enum}.{member}"
        case ir.Ref(name=name):
            return name
        case ir.Array(item=item):
            inner = describe(side, item)
            return f"({inner})[]" if " | " in inner else f"{inner}[]"
        case ir.Map(value=value):
            return f"Record<string, {describe(side, value)}>"
        case ir.Object():
            return "object"
        case ir.Union(members=members):
            return " | ".join(describe(side, m) for m in members)
        case ir.Date():
            return "Date"
        case ir.Tuple(items=items):
            return "[" + ", ".join(describe(side, i) for i in items) + "]"
        case _:
            assert_never(t)


def _json_kind(t: ir.Type) -> str:
    return "map" if isinstance(t, ir.Map) else "object"


class Comparer:
    """One comparison: the findings, in the order the contract is walked."""

    def __init__(self, old: ir.Module, new: ir.Module) -> None:
        self.old = Side(old)
        self.new = Side(new)
        self.findings: list[Finding] = []
        self.seen: set[tuple[str, str, int, int]] = set()
        self.compared: set[tuple[str, str]] = set()  # (old, new) interface/enum pairs
        self.message_values: set[str | int | float | bool] = set()

    # -- reporting ----------------------------------------------------------------

    def add(
        self,
        rule: str,
        path: str,
        message: str,
        span: ir.Span,
        breaks: frozenset[Direction],
        anchor: ir.Span | None,
    ) -> None:
        key = (rule, span.file, span.line, span.col)
        if key in self.seen:  # one change reached through two paths (a shared alias)
            return
        self.seen.add(key)
        self.findings.append(Finding(rule, path, message, span, breaks, anchor))

    # -- the walk -----------------------------------------------------------------

    def run(self) -> list[Finding]:
        self.messages()
        messages = self.old.roots.keys() | self.new.roots.keys()
        # An interface another declaration refers to is compared from there (its
        # path is where it is used: `Drawing.pen`, not a hoisted `DrawingPenPencil`);
        # on its own only if nothing reached it.
        used = _referenced(self.new.module)
        later: list[str] = []
        for name, new_decl in self.new.decls.items():
            old_decl = self.old.decls.get(name)
            if old_decl is None or name in messages:
                continue
            if isinstance(new_decl, ir.Interface) and name in used:
                later.append(name)
            else:
                self.declaration(name, old_decl, new_decl)
        for name in later:
            self.declaration(name, self.old.decls[name], self.new.decls[name])
        return self.findings

    def declaration(self, name: str, old_decl: ir.Decl, new_decl: ir.Decl) -> None:
        if isinstance(old_decl, ir.Enum) and isinstance(new_decl, ir.Enum):
            self.enum_pair(name, name)
        else:
            self.types(ir.Ref(name, old_decl.span), ir.Ref(name, new_decl.span), name)

    def messages(self) -> None:
        old_by_value = {m.value: m for m in self.old.module.messages}
        new_by_value = {m.value: m for m in self.new.module.messages}
        # A value that is no longer (or not yet) a message's is reported once, as a
        # message change: not again as a value of the enum that lists message types.
        self.message_values = set(old_by_value.keys() ^ new_by_value.keys())
        new_unmatched = {
            m.interface: m for m in self.new.module.messages if m.value not in old_by_value
        }
        pairs: list[tuple[ir.Message, ir.Message, bool]] = []
        for value, old_msg in old_by_value.items():
            new_msg = new_by_value.get(value)
            if new_msg is not None:
                pairs.append((old_msg, new_msg, False))
                continue
            moved = new_unmatched.pop(old_msg.interface, None)
            if moved is not None:
                pairs.append((old_msg, moved, True))
                continue
            self.add(
                "MESSAGE_REMOVED",
                _root_name(old_msg),
                f"message removed (interface {old_msg.interface})",
                self.old.decls[old_msg.interface].span,
                BACKWARD,
                None,
            )
        for new_msg in new_unmatched.values():
            span = self.new.decls[new_msg.interface].span
            self.add(
                "MESSAGE_ADDED",
                _root_name(new_msg),
                f"message added (interface {new_msg.interface})",
                span,
                FORWARD,
                span,
            )
        for old_msg, new_msg, moved_value in pairs:
            old_key, new_key = _key(old_msg), _key(new_msg)
            if not moved_value and old_key == new_key:
                self.interface_pair(old_msg.interface, new_msg.interface, _root_name(new_msg))
                continue
            new_iface = self.new.decls[new_msg.interface]
            disc = _field(new_iface, new_key)
            span = disc.type.span if disc is not None else new_iface.span
            before, after = _show_value(old_msg.value), _show_value(new_msg.value)
            if old_key != new_key:
                before, after = f"{old_key}={before}", f"{new_key}={after}"
            self.add(
                "DISCRIMINATOR_CHANGED",
                _root_name(new_msg),
                f"discriminator changed from {before} to {after} (interface {new_msg.interface})",
                span,
                BOTH,
                span,
            )
            self.interface_pair(
                old_msg.interface,
                new_msg.interface,
                _root_name(new_msg),
                skip=frozenset({old_key, new_key}),
            )

    def interface_pair(
        self, old: str, new: str, path: str, skip: frozenset[str] = frozenset()
    ) -> None:
        if (old, new) in self.compared:
            return
        self.compared.add((old, new))
        old_decl, new_decl = self.old.decls[old], self.new.decls[new]
        assert isinstance(old_decl, ir.Interface) and isinstance(new_decl, ir.Interface)
        self.fields(old_decl.fields, new_decl.fields, path, new_decl.span, skip)

    def enum_pair(self, old: str, new: str) -> None:
        if (old, new) in self.compared:
            return
        self.compared.add((old, new))
        old_decl, new_decl = self.old.decls[old], self.new.decls[new]
        assert isinstance(old_decl, ir.Enum) and isinstance(new_decl, ir.Enum)
        new_values = {m.value: m for m in new_decl.members}
        old_values = {m.value: m for m in old_decl.members}
        new_by_name = {m.name: m for m in new_decl.members}
        changed: set[str] = set()
        for m in old_decl.members:
            if m.value in new_values:
                continue
            moved = new_by_name.get(m.name)
            if moved is not None and moved.value not in old_values:
                changed.add(moved.name)
                if m.value in self.message_values and moved.value in self.message_values:
                    continue
                self.add(
                    "TYPE_CHANGED",
                    new,
                    f"value of {new}.{m.name} changed from {_show_value(m.value)} to "
                    f"{_show_value(moved.value)}",
                    moved.span,
                    BOTH,
                    moved.span,
                )
                continue
            if m.value in self.message_values:
                continue
            self.add(
                "TYPE_NARROWED",
                new,
                f"value {_show_value(m.value)} removed ({old}.{m.name})",
                m.span,
                BACKWARD,
                new_decl.span,
            )
        for m in new_decl.members:
            if m.name in changed or m.value in old_values or m.value in self.message_values:
                continue
            self.add(
                "TYPE_WIDENED",
                new,
                f"value {_show_value(m.value)} added ({new}.{m.name})",
                m.span,
                FORWARD,
                m.span,
            )

    def fields(
        self,
        old: Iterable[ir.Field],
        new: Iterable[ir.Field],
        path: str,
        parent: ir.Span,
        skip: frozenset[str] = frozenset(),
    ) -> None:
        old_by_key = {f.name: f for f in old}
        new_by_key = {f.name: f for f in new}
        for key, n in new_by_key.items():
            if key in skip:
                continue
            here = _join(path, key)
            o = old_by_key.get(key)
            if o is None:
                if not n.optional:
                    self.add(
                        "FIELD_ADDED_REQUIRED",
                        here,
                        "field added as required",
                        n.span,
                        BACKWARD,
                        n.span,
                    )
                continue
            if o.optional and not n.optional:
                self.add(
                    "FIELD_MADE_REQUIRED",
                    here,
                    "field made required (`?` removed)",
                    n.span,
                    BACKWARD,
                    n.span,
                )
            elif n.optional and not o.optional:
                self.add(
                    "FIELD_MADE_OPTIONAL",
                    here,
                    "field made optional (`?` added)",
                    n.span,
                    FORWARD,
                    n.span,
                )
            self.types(o.type, n.type, here)
        for key, o in old_by_key.items():
            if key in skip or key in new_by_key or o.optional:
                continue
            self.add(
                "FIELD_REMOVED_REQUIRED",
                _join(path, key),
                "required field removed",
                o.span,
                FORWARD,
                parent,
            )

    def types(self, old_t: ir.Type, new_t: ir.Type, path: str) -> None:
        """Compare two type positions (a field's, an item's, an alias's)."""
        old_r, new_r = self.old.resolve(old_t), self.new.resolve(new_t)
        if self.same_leaf(old_r, new_r):
            return
        if (
            isinstance(old_r, ir.Ref)
            and isinstance(new_r, ir.Ref)
            and old_r.name == new_r.name
            and old_r.name in self.old.decls
            and isinstance(self.old.decls[old_r.name], ir.Interface)
            and isinstance(self.new.decls.get(new_r.name), ir.Interface)
        ):
            self.interface_pair(old_r.name, new_r.name, path)
            return
        span = new_r.span
        o, n = self.old.flatten(old_t), self.new.flatten(new_t)
        if o.top or n.top:
            if o.top and not n.top:
                self.add(
                    "TYPE_NARROWED",
                    path,
                    f"{describe(self.old, old_t)} narrowed to " f"{describe(self.new, new_t)}",
                    span,
                    BACKWARD,
                    span,
                )
            elif n.top and not o.top:
                self.add(
                    "TYPE_WIDENED",
                    path,
                    f"{describe(self.old, old_t)} widened to " f"{describe(self.new, new_t)}",
                    span,
                    FORWARD,
                    span,
                )
            return
        if o.null and not n.null:
            self.add(
                "FIELD_NULLABILITY",
                path,
                "`| null` removed: stored nulls no longer decode",
                span,
                BACKWARD,
                span,
            )
        elif n.null and not o.null:
            self.add(
                "FIELD_NULLABILITY",
                path,
                "`| null` added",
                span,
                FORWARD,
                span,
            )
        # whole enums on both sides: compared once, where they are declared
        for name in sorted(o.enums.keys() & n.enums.keys()):
            self.enum_pair(name, name)
        lost: list[str] = []
        gained: list[str] = []
        common = bool(o.enums.keys() & n.enums.keys())
        o_values = dict(o.values)
        n_values = dict(n.values)
        for name in o.enums.keys() - n.enums.keys():
            o_values.update(self.old.enum_values(name))
        for name in n.enums.keys() - o.enums.keys():
            n_values.update(self.new.enum_values(name))
        for kind in KINDS:
            o_all, n_all = kind in o.kinds, kind in n.kinds
            o_vals = {v for v in o_values if v[0] == kind}
            n_vals = {v for v in n_values if v[0] == kind}
            if o_all and n_all:
                common = True
            elif o_all:
                if n_vals:
                    common = True
                    lost.append(
                        f"{kind} values other than "
                        f"{' | '.join(_show_value(v[1]) for v in sorted(n_vals))}"
                    )
                else:
                    lost.append(kind)
            elif n_all:
                if o_vals:
                    common = True
                    gained.append(
                        f"{kind} values other than "
                        f"{' | '.join(_show_value(v[1]) for v in sorted(o_vals))}"
                    )
                else:
                    gained.append(kind)
            else:
                common = common or bool(o_vals & n_vals)
                lost.extend(_show_value(v[1]) for v in _ordered(o_vals - n_vals, o_values))
                gained.extend(_show_value(v[1]) for v in _ordered(n_vals - o_vals, n_values))
        # leaves of their own (Date, a tuple's whole shape): the same, or not
        for kind in sorted((o.kinds | n.kinds) - set(KINDS)):
            other = n.kinds if kind in o.kinds else o.kinds
            if kind in other or (kind == "Date" and "string" in other):
                common = True  # a Date is a string: string <-> Date narrows or widens
            elif kind in o.kinds:
                lost.append(kind)
            else:
                gained.append(kind)
        common |= self.structured(o, n, path, lost, gained)
        if not lost and not gained:
            return
        if not common and lost and gained:
            self.add(
                "TYPE_CHANGED",
                path,
                f"type changed from {describe(self.old, old_t)} " f"to {describe(self.new, new_t)}",
                span,
                BOTH,
                span,
            )
            return
        if lost:
            self.add(
                "TYPE_NARROWED", path, f"no longer accepts {', '.join(lost)}", span, BACKWARD, span
            )
        if gained:
            self.add(
                "TYPE_WIDENED",
                path,
                f"now also accepts {', '.join(gained)}",
                span,
                FORWARD,
                span,
            )

    def same_leaf(self, a: ir.Type, b: ir.Type) -> bool:
        """The common case, answered without flattening: the same primitive or value."""
        if isinstance(a, ir.Prim) and isinstance(b, ir.Prim):
            return a.name == b.name
        if isinstance(a, ir.Literal) and isinstance(b, ir.Literal):
            return type(a.value) is type(b.value) and a.value == b.value
        if isinstance(a, ir.EnumMemberRef) and isinstance(b, ir.EnumMemberRef):
            value = self.old.enum_value(a)
            other = self.new.enum_value(b)
            return value is not None and type(value) is type(other) and value == other
        return False

    def structured(
        self, o: Alternatives, n: Alternatives, path: str, lost: list[str], gained: list[str]
    ) -> bool:
        """Pair object and array alternatives, compare each pair; True if any paired."""
        paired = False
        for old_a, new_a in zip(o.arrays, n.arrays, strict=False):
            paired = True
            self.types(old_a.item, new_a.item, path + "[]")
        lost.extend(describe(self.old, a) for a in o.arrays[len(n.arrays) :])
        gained.extend(describe(self.new, a) for a in n.arrays[len(o.arrays) :])
        old_objs, new_objs = list(o.objects), list(n.objects)
        pairs: list[tuple[ir.Type, ir.Type]] = []
        # by name, then by a shared discriminator, then the one left on each side
        for a in list(old_objs):
            if isinstance(a, ir.Ref):
                same = next(
                    (b for b in new_objs if isinstance(b, ir.Ref) and b.name == a.name), None
                )
                if same is not None:
                    pairs.append((a, same))
                    old_objs.remove(a)
                    new_objs.remove(same)
        for a in list(old_objs):
            keys = self.old.discriminators(a)
            if not keys:
                continue
            match = next((b for b in new_objs if keys & self.new.discriminators(b)), None)
            if match is not None:
                pairs.append((a, match))
                old_objs.remove(a)
                new_objs.remove(match)
        if len(old_objs) == 1 and len(new_objs) == 1:
            pairs.append((old_objs.pop(), new_objs.pop()))
        lost.extend(describe(self.old, a) for a in old_objs)
        gained.extend(describe(self.new, b) for b in new_objs)
        for a, b in pairs:
            paired = True
            self.object_pair(a, b, path)
        return paired

    def object_pair(self, a: ir.Type, b: ir.Type, path: str) -> None:
        if isinstance(a, ir.Ref) and isinstance(b, ir.Ref) and a.name == b.name:
            self.interface_pair(a.name, b.name, path)
            return
        if isinstance(a, ir.Ref) and isinstance(b, ir.Ref):
            if (a.name, b.name) in self.compared:
                return
            self.compared.add((a.name, b.name))
        old_fields, new_fields = self.old.fields(a), self.new.fields(b)
        if old_fields is not None and new_fields is not None:
            self.fields(old_fields, new_fields, path, _span(self.new, b))
        elif isinstance(a, ir.Map) and isinstance(b, ir.Map):
            self.types(a.value, b.value, path + "{}")
        else:
            span = b.span
            self.add(
                "TYPE_CHANGED",
                path,
                f"type changed from {_json_kind(a)} "
                f"{describe(self.old, a)} to {_json_kind(b)} "
                f"{describe(self.new, b)}",
                span,
                BOTH,
                span,
            )


def _referenced(module: ir.Module) -> set[str]:
    """Names that some other declaration refers to."""
    out: set[str] = set()
    for name, decl in module.decls.items():
        out.update(t.name for t in walk(decl) if isinstance(t, ir.Ref) and t.name != name)
    return out


def _span(side: Side, t: ir.Type) -> ir.Span:
    if isinstance(t, ir.Ref):
        return side.decls[t.name].span
    return t.span


def _ordered(values: set[Scalar], spans: dict[Scalar, ir.Span]) -> list[Scalar]:
    """Values in the order they are declared (spans' insertion order)."""
    return [v for v in spans if v in values] if values else []


def _field(decl: ir.Decl, key: str) -> ir.Field | None:
    if isinstance(decl, ir.Interface):
        for f in decl.fields:
            if f.name == key:
                return f
    return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}"


def compare(old: ir.Module, new: ir.Module) -> list[Finding]:
    """Every difference between `old` and `new` that breaks a reader, either way."""
    return Comparer(old, new).run()


def select(findings: Iterable[Finding], mode: str) -> list[Finding]:
    """The findings that break readers the way `mode` (backward, forward, full) cares about."""
    wanted = MODES[mode]
    return [f for f in findings if f.breaks & wanted]
