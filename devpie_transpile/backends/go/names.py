"""Every Go naming rule in one place: field and const names, literals, collisions.

The Go backend renders only names computed here, and `check` refuses (with a
diagnostic at the second name's location) any module whose names would collide
or not compile, so that rendering itself never fails on a name.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from ... import ir
from ..._compat import assert_never
from ...diagnostics import Diagnostic, TranspileError
from ...messages import Tagged
from ..unions import union_functions
from .runtime import HELPERS, PACKAGES

# golint's / staticcheck's common initialisms (the list sqlc and quicktype follow).
INITIALISMS = frozenset(
    """ACL API ASCII CPU CSS DNS EOF GUID HTML HTTP HTTPS ID IP JSON LHS QPS RAM RHS
    RPC SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL UTF8 VM XML XMPP XSRF
    XSS""".split()
)

GO_KEYWORDS = frozenset(
    """break case chan const continue default defer else fallthrough for func go goto
    if import interface map package range return select struct switch type var""".split()
)

GO_PREDECLARED = frozenset(
    """any bool byte comparable complex64 complex128 error float32 float64 int int8
    int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr true false
    iota nil append cap clear close complex copy delete imag len make max min new panic
    print println real recover""".split()
)

# Package names the generated file imports: a declaration may not reuse them.
IMPORT_NAMES = frozenset(PACKAGES)

# Unexported helpers of runtime.RUNTIME, and the exported entry point.
RUNTIME_NAMES = frozenset(h.name for h in HELPERS if "." not in h.name)  # not methods
PARSE_MESSAGE = "ParseMessage"
PARSE_MESSAGE_PRECISE = "parseMessage"

# Locals of generated functions that refer to package-level names in their scope.
LOCAL_NAMES = frozenset("m e v obj err raw path data typ kind ok s key root x b start".split())
# ... and the numbered temporaries of the fast path (x1, x2, ...) and its `seen0` words
_LOCAL_NUMBERED = re.compile(r"(x|seen)[0-9]+")

# Methods generated on structs: a field may not have the same name.
METHODS = frozenset({"UnmarshalJSON", "MarshalJSON", "AppendJSON"})

_SAFE_TAG_PUNCT = frozenset("!#$%&()*+-./:;<=>?@[]^_{|}~ ")


def _is_letter(ch: str) -> bool:
    return ch == "_" or unicodedata.category(ch) in ("Lu", "Ll", "Lt", "Lm", "Lo")


def shape(t: ir.Type) -> object:
    """`t` without its spans: two tuple elements of the same shape have one Go type."""
    match t:
        case ir.Prim(name=name):
            return name
        case ir.Literal(value=value):
            return ("literal", type(value).__name__, value)
        case ir.Ref(name=name) | ir.Object(name=name):
            return ("named", name)
        case ir.EnumMemberRef(enum=enum, member=member):
            return ("member", enum, member)
        case ir.Array(item=inner):
            return ("array", shape(inner))
        case ir.Map(value=inner):
            return ("map", shape(inner))
        case ir.Union(members=members):
            return ("union", tuple(shape(m) for m in members))
        case ir.Date():
            return "date"
        case ir.Tuple(items=items):
            return ("tuple", tuple(shape(i) for i in items))
        case _:
            assert_never(t)


def is_mixed(t: ir.Tuple) -> bool:
    """A tuple whose elements differ in type: a Go struct, not an array."""
    first = shape(t.items[0])
    return any(shape(i) != first for i in t.items[1:]) or isinstance(t.items[0], ir.Object)


def tuple_fields(t: ir.Tuple) -> list[str]:
    """The Go fields of a mixed tuple's struct: its labels, else F0, F1, ..."""
    if t.labels is None:
        return [f"F{i}" for i in range(len(t.items))]
    return [pascal(label) for label in t.labels]


_ASCII_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def is_go_identifier(name: str) -> bool:
    """Whether `name` is a Go identifier (Unicode letters, `_`, decimal digits)."""
    if name.isascii():  # one regex, not a Unicode category per character
        return _ASCII_IDENTIFIER.fullmatch(name) is not None
    if not name or not _is_letter(name[0]):
        return False
    return all(_is_letter(c) or unicodedata.category(c) == "Nd" for c in name)


_ASCII_TAG = re.compile(r"[A-Za-z0-9!#$%&()*+\-./:;<=>?@\[\]^_{|}~ ]+")


@functools.lru_cache(maxsize=4096)  # asked for every field, twice; keys repeat
def is_valid_json_tag(key: str) -> bool:
    """Whether encoding/json honours `key` as a tag name (its `isValidTag`)."""
    if not key:
        return False
    if key.isascii():
        return _ASCII_TAG.fullmatch(key) is not None
    for ch in key:
        if ch in _SAFE_TAG_PUNCT:
            continue
        if not (_is_letter(ch) and ch != "_") and unicodedata.category(ch) != "Nd":
            return False
    return True


_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+[a-z]*|[A-Z][0-9]*")


def split_words(name: str) -> list[str]:
    """Words of a camelCase / snake_case / kebab-case name (ASCII letters and digits).

    `auth0Id` -> auth0, Id; `HTMLParser` -> HTML, Parser; `content-type` -> content, type.
    Digits stay with the word before them, so `utf8` and `auth0` stay whole.
    """
    words: list[str] = []
    for chunk in re.split(r"[^A-Za-z0-9]+", name):
        pos = 0
        while pos < len(chunk):
            match = _WORD.match(chunk, pos)
            if match is None or match.end() == pos:  # pragma: no cover - regex covers all
                words.append(chunk[pos:])
                break
            words.append(match.group())
            pos = match.end()
    return [w for w in words if w]


@functools.lru_cache(maxsize=8192)  # field names repeat across messages
def pascal(name: str) -> str:
    """An exported Go name for a JSON key or enum member: `avatarUrl` -> `AvatarURL`.

    Non-ASCII letters are kept (`naïve` -> `Naïve`); Go exports a name whose first
    letter is upper case (Lu), so one without (`名前`, `_x`, `1st`) gets an `X`
    prefix: `X名前`.
    """
    if not name.isascii():
        return _unicode_pascal(name)
    parts: list[str] = []
    for word in split_words(name):
        if word.upper() in INITIALISMS:
            parts.append(word.upper())
        else:
            parts.append(word[0].upper() + word[1:])
    result = "".join(parts)
    if not result or not result[0].isalpha():
        result = "X" + result
    return result


def _unicode_pascal(name: str) -> str:
    parts: list[str] = []
    for chunk in re.split(r"[\W_]+", name):
        word = "".join(c for c in chunk if _is_letter(c) or unicodedata.category(c) == "Nd")
        word = word.replace("_", "")
        if not word:
            continue
        if word.upper() in INITIALISMS:
            parts.append(word.upper())
        else:
            parts.append(word[0].upper() + word[1:])
    result = "".join(parts)
    if not result or unicodedata.category(result[0]) != "Lu":
        result = "X" + result
    return result


@functools.lru_cache(maxsize=8192)  # JSON keys repeat in every struct, thrice each
def go_string(value: str) -> str:
    """A Go interpreted string literal (strconv.QuoteToASCII semantics): always ASCII,
    so that no value can break out of the literal and the bytes never depend on the
    Unicode tables of the Python that runs the tool."""
    if value.isascii() and value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'  # nothing to escape (the common case, without a loop)
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        elif ch in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[ch])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        elif 0xD800 <= code <= 0xDFFF:  # a lone surrogate is no Unicode code point
            out.append("\\ufffd")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


_SHORT_ESCAPES = {c: "\\" + e for c, e in zip("\a\b\f\n\r\t\v", "abfnrtv", strict=True)}


def decoder_name(name: str) -> str:
    """The decoder of type `name`: `decode<Name>`, or `decode_<Name>` when that is a
    runtime helper's name (types `String`, `Map`, `Field`, `Object`, `Union`): the
    generated code renames its own function, never the user's type."""
    plain = "decode" + name
    return "decode_" + name if plain in RUNTIME_NAMES else plain


def scan_name(name: str) -> str:
    """The fast decoder of type `name`: `scan<Name>` (`scan_<Name>` beside a helper)."""
    plain = "scan" + name
    return "scan_" + name if plain in RUNTIME_NAMES else plain


def append_name(name: str) -> str:
    """The encoder of type `name`: `append<Name>`, or `append_<Name>` when that is a
    runtime helper's name (types `String`, `Number`, `Bool`, `Int`)."""
    plain = "append" + name
    return "append_" + name if plain in RUNTIME_NAMES else plain


def const_name(owner: str, member: str) -> str:
    """`Events` + `UserRegistered` -> `EventsUserRegistered`."""
    return owner + pascal(member)


@dataclass
class GoNames:
    """The Go names of a module, computed once by `check`."""

    fields: dict[tuple[str, str], str] = field(default_factory=dict)  # (struct, key) -> name
    consts: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (type, enum, member)


def hoisted_objects(t: ir.Type) -> Iterator[ir.Object | ir.Tuple]:
    """The inline objects (and mixed tuples, Go structs too) inside `t`, depth-first
    in field order (each before its own)."""
    match t:
        case ir.Prim() | ir.Ref() | ir.EnumMemberRef() | ir.Literal() | ir.Date():
            return
        case ir.Tuple(items=items):
            if is_mixed(t):
                yield t
            for item in items:
                yield from hoisted_objects(item)
        case ir.Array(item=inner) | ir.Map(value=inner):
            yield from hoisted_objects(inner)
        case ir.Union(members=members):
            for member in members:
                yield from hoisted_objects(member)
        case ir.Object(fields=fields):
            yield t
            for f in fields:
                yield from hoisted_objects(f.type)
        case _:
            assert_never(t)


def decl_objects(decl: ir.Decl) -> list[ir.Object | ir.Tuple]:
    """The inline objects a declaration hoists, in output order."""
    match decl:
        case ir.Interface(fields=fields):
            return [o for f in fields for o in hoisted_objects(f.type)]
        case ir.Alias(type=t):
            return list(hoisted_objects(t))
        case ir.Enum():
            return []
        case _:
            assert_never(decl)


def enum_union(
    module: ir.Module, alias: ir.Alias, memo: dict[str, list[ir.Enum] | None] | None = None
) -> list[ir.Enum] | None:
    """The enums of `type U = E1 | E2` (aliases of such unions flattened), else None.

    `memo` holds each nested alias's answer, so that an alias reached by many paths (a
    diamond of union aliases) is flattened once, not once per path (exponential).
    """
    if not isinstance(alias.type, ir.Union):
        return None
    memo = {} if memo is None else memo
    enums: dict[str, ir.Enum] = {}  # ordered set
    for member in alias.type.members:
        if not isinstance(member, ir.Ref):
            return None
        target = module.decls.get(member.name)
        if isinstance(target, ir.Enum):
            found = [target]
        elif isinstance(target, ir.Alias) and target is not alias:
            if target.name not in memo:
                memo[target.name] = enum_union(module, target, memo)
            nested = memo[target.name]
            if nested is None:
                return None
            found = nested
        else:
            return None
        for e in found:
            enums.setdefault(e.name, e)
    return list(enums.values())


class _Scope:
    """Top-level identifiers of the generated file: the first use wins, later ones err."""

    def __init__(self, errors: list[Diagnostic]) -> None:
        self.owners: dict[str, str] = {}
        self.const_values: dict[str, object] = {}
        self.errors = errors
        for name in GO_KEYWORDS | GO_PREDECLARED:
            self.owners[name] = f"the Go {'keyword' if name in GO_KEYWORDS else 'builtin'}"
        for name in IMPORT_NAMES:
            self.owners[name] = "an imported Go package"
        for name in RUNTIME_NAMES | LOCAL_NAMES:
            self.owners[name] = "a name the generated Go code uses"
        self.owners[PARSE_MESSAGE] = "the generated ParseMessage function"
        self.owners[PARSE_MESSAGE_PRECISE] = "the generated parseMessage function"
        self.owners["_"] = "the Go blank identifier"
        self.owners["init"] = "Go's package initialiser, which only a func may be named"

    def add(self, name: str, what: str, span: ir.Span) -> None:
        owner = self.owners.get(name)
        if owner is None and _LOCAL_NUMBERED.fullmatch(name):
            owner = "a name the generated Go code uses"
        if owner is not None:
            self.errors.append(
                Diagnostic(f"Go name {name} of {what} collides with {owner}", span=span)
            )
            return
        self.owners[name] = what


def check(module: ir.Module) -> GoNames:
    """All Go names of `module`, or a TranspileError listing every collision."""
    names, errors = check_names(module)
    if errors:
        raise TranspileError(errors)
    return names


def check_names(module: ir.Module) -> tuple[GoNames, list[Diagnostic]]:
    """All Go names of `module`, and a diagnostic for each collision or bad name."""
    errors: list[Diagnostic] = []
    names = GoNames()
    scope = _Scope(errors)
    objects: set[tuple[str, ir.Span]] = set()
    for decl in module.decls.values():
        _check_type_name(decl.name, decl.span, errors)
        scope.add(decl.name, f"type {decl.name}", decl.span)
        scope.add(decoder_name(decl.name), f"the decoder of {decl.name}", decl.span)
        scope.add(scan_name(decl.name), f"the fast decoder of {decl.name}", decl.span)
        scope.add(append_name(decl.name), f"the encoder of {decl.name}", decl.span)
        match decl:
            case ir.Enum():
                for m in decl.members:
                    _add_const(names, scope, decl.name, decl.name, m)
            case ir.Alias():
                for enum in enum_union(module, decl) or ():
                    for m in enum.members:
                        _add_const(names, scope, decl.name, enum.name, m, decl.span)
            case ir.Interface():
                _check_fields(names, decl.name, decl.fields, errors)
            case _:
                assert_never(decl)
        for obj in decl_objects(decl):
            if (obj.name, obj.span) in objects:
                continue  # an inherited field's object: one struct for every heir
            objects.add((obj.name, obj.span))
            if isinstance(obj, ir.Tuple):
                _check_tuple(obj, errors)
                if obj.name == decl.name:
                    continue  # `type Pair = [A, B]`: the alias is that struct
            _check_type_name(obj.name, obj.span, errors)
            scope.add(obj.name, f"the struct {obj.name}", obj.span)
            scope.add(decoder_name(obj.name), f"the decoder of {obj.name}", obj.span)
            scope.add(scan_name(obj.name), f"the fast decoder of {obj.name}", obj.span)
            scope.add(append_name(obj.name), f"the encoder of {obj.name}", obj.span)
            if isinstance(obj, ir.Object):
                _check_fields(names, obj.name, obj.fields, errors)
    if not module.messages:
        del scope.owners[PARSE_MESSAGE]  # no ParseMessage: the name is free
    for alias, _, function in parse_functions(module):
        scope.add(function, f"the parse function of the union {alias.name}", alias.span)
    _check_messages(module, errors)
    return names, errors


def parse_functions(module: ir.Module) -> list[tuple[ir.Alias, Tagged, str]]:
    """`ParseClientMessage` for each union alias that decodes by a discriminator."""
    return union_functions(module, lambda alias: "Parse" + alias, PARSE_MESSAGE)


def _check_type_name(name: str, span: ir.Span, errors: list[Diagnostic]) -> None:
    if not is_go_identifier(name):
        errors.append(Diagnostic(f"type name {name!r} is not a Go identifier", span=span))


def _add_const(
    names: GoNames,
    scope: _Scope,
    owner: str,
    enum: str,
    member: ir.EnumMember,
    span: ir.Span | None = None,
) -> None:
    """Register `<owner><Member>`; in an enum union, one const serves a repeated
    member name when the values agree (`Events.Ping` and `Commands.Ping` both "Ping")."""
    name = const_name(owner, member.name)
    names.consts[(owner, enum, member.name)] = name
    if scope.const_values.get(name, _NO_VALUE) == member.value and owner != enum:
        return
    scope.const_values[name] = member.value
    scope.add(name, f"the const for {enum}.{member.name}", span or member.span)


_NO_VALUE = object()


def _check_fields(
    names: GoNames, struct: str, fields: tuple[ir.Field, ...], errors: list[Diagnostic]
) -> None:
    seen: dict[str, str] = {}
    for f in fields:
        go = pascal(f.name)
        if go in METHODS:
            message = f"field {f.name!r} of {struct} becomes the Go method name {go}"
            errors.append(Diagnostic(message, span=f.span))
        elif go in seen:
            errors.append(
                Diagnostic(
                    f"fields {seen[go]!r} and {f.name!r} of {struct} both become Go field {go}",
                    span=f.span,
                )
            )
        else:
            seen[go] = f.name
        names.fields[(struct, f.name)] = go


def _check_tuple(t: ir.Tuple, errors: list[Diagnostic]) -> None:
    seen: dict[str, str] = {}
    for label, go in zip(t.labels or (), tuple_fields(t), strict=False):
        if go in METHODS:
            errors.append(Diagnostic(
                f"tuple label {label!r} becomes the Go method name {go}", span=t.span
            ))
        elif go in seen:
            errors.append(Diagnostic(
                f"tuple labels {seen[go]!r} and {label!r} both become Go field {go}", span=t.span
            ))
        seen.setdefault(go, label)


def _check_messages(module: ir.Module, errors: list[Diagnostic]) -> None:
    seen: dict[str | int, str] = {}
    for msg in module.messages:
        if msg.value in seen:
            decl = module.decls[msg.interface]
            errors.append(
                Diagnostic(
                    f"{msg.interface} has the message {msg.field} {msg.value!r} of "
                    f"{seen[msg.value]}",
                    span=decl.span,
                )
            )
        else:
            seen[msg.value] = msg.interface
