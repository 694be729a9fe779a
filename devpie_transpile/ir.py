"""The intermediate model: what a TypeScript message contract says, and nothing more.

The frontend builds it from tree-sitter nodes; each backend renders it. It holds no
target-language knowledge (no Python or Go names, no formatting), so that every
backend sees the same contract and both languages agree on the JSON.

Every node carries the `Span` of the source text it came from, so that any later
stage (validation, a backend's name check) can report an error at its location.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal as _Literal
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class Span:
    """A position in a source file: 1-based line and column (in characters).

    `file` is the path as shown to the user (relative to the current directory when
    possible, `/` separators). `length` is how many characters of the line the node
    covers (at least 1), for underlining in diagnostics.
    """

    file: str
    line: int
    col: int
    length: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


PrimName: TypeAlias = _Literal["string", "number", "boolean", "any", "unknown", "null"]


@dataclass(frozen=True, slots=True)
class Prim:
    """A predefined type. `null` appears only as a `Union` member (`T | null`)."""

    name: PrimName
    span: Span


@dataclass(frozen=True, slots=True)
class Array:
    """`T[]`, `Array<T>`, `ReadonlyArray<T>`, `readonly T[]`."""

    item: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Map:
    """`Record<string, T>` or `{ [key: string]: T }`: JSON object with string keys."""

    value: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to a named declaration of the module (`Enum`, `Interface`, `Alias`).

    After loading, every `Ref.name` is a key of `Module.decls`.
    """

    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class EnumMemberRef:
    """`E.Member` used as a type: exactly that enum value (a discriminator)."""

    enum: str
    member: str
    span: Span


@dataclass(frozen=True, slots=True)
class Literal:
    """A literal type: `"admin"`, `3`, `true`. Strings are the decoded string value."""

    value: str | int | float | bool
    span: Span


@dataclass(frozen=True, slots=True)
class Union:
    """`A | B | ...` with at least two members, in source order, duplicates removed.

    `T | null` is `Union((T, Prim("null")))`, as quicktype models it.
    """

    members: tuple[Type, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Object:
    """An inline object type `{ ... }`, hoisted to a named class by every backend.

    `name` is derived from where it appears, the same for every target: field `data`
    of `Foo` -> `FooData`; an array element -> `...Item`; a map value -> `...Value`;
    an alias `type Foo = { ... }` -> `Foo`; a member of an aliased union
    (`type Foo = { ... } | null`) -> `FooObject`, as `Foo` names the alias. Names
    are checked for collisions when the module is loaded.
    """

    name: str
    fields: tuple[Field, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Date:
    """`Date`: JSON carries the string `Date.toJSON()` writes (`2024-05-01T12:34:56.789Z`)."""

    span: Span


@dataclass(frozen=True, slots=True)
class Tuple:
    """A fixed-length tuple `[A, B]` or `[start: A, end: B]`: a JSON array of exactly
    `len(items)` values, each of its own type.

    `labels` are the element names when the tuple has them (all or none, as in TS).
    `name` is derived like `Object.name` (field `range` of `Foo` -> `FooRange`), for a
    target that needs a named type to hold mixed elements.
    """

    name: str
    items: tuple[Type, ...]
    labels: tuple[str, ...] | None
    span: Span


Type: TypeAlias = (
    Prim | Array | Map | Ref | EnumMemberRef | Literal | Union | Object | Date | Tuple
)


@dataclass(frozen=True, slots=True)
class Field:
    """A property `name?: type`. `name` is the JSON key, byte for byte.

    `optional` is `?:` (the key may be absent); `null` in `type` is separate (the
    value may be null). `doc` is the comment above the property, without comment
    markers, or None.
    """

    name: str
    type: Type
    optional: bool
    doc: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Interface:
    """An `interface` (or an alias of an object type rendered as one).

    `fields` are complete: inherited fields first (in `extends` order), then its
    own, as SPEC says. `extends` keeps the base names for documentation only.
    """

    name: str
    fields: tuple[Field, ...]
    extends: tuple[str, ...]
    doc: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class EnumMember:
    """One enum member: its TS name and its value (a string, or an int)."""

    name: str
    value: str | int
    doc: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Enum:
    """A TS `enum`. All values are strings (`kind="string"`) or all ints (`"int"`)."""

    name: str
    kind: _Literal["string", "int"]
    members: tuple[EnumMember, ...]
    doc: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Alias:
    """`type Name = <type>` whose target is not an object type (those are Interfaces)."""

    name: str
    type: Type
    doc: str | None
    span: Span


Decl: TypeAlias = Enum | Interface | Alias


@dataclass(frozen=True, slots=True)
class Message:
    """A declaration that `parse_message` / `ParseMessage` dispatches to.

    `field` is the JSON key of its discriminator (the same for every message of a
    module: `type`, else the one key they share, see `messages.py`), `value` the
    constant that field holds: a string, or an integer (a numeric literal or an int
    enum member's value). Backends read both from here, never from field names.
    """

    interface: str
    value: str | int
    field: str = "type"


@dataclass(frozen=True, slots=True, eq=False)
class Module:
    """A loaded, validated contract.

    `source` is the entry file as shown in generated headers (relative, `/`).
    `decls` maps names to declarations in output order (source order, the entry
    file's declarations first in their order, then the ones pulled in from other
    files in the order they were reached). Every `Ref` resolves in `decls`.
    `messages` lists the discriminated interfaces in declaration order.
    """

    source: str
    decls: dict[str, Decl]
    messages: tuple[Message, ...]
