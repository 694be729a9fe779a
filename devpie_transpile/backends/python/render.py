"""The Python backend: an `ir.Module` rendered as a typed, validating dataclass package.

Text is emitted already in black's style, so black is imported only for a block
whose layout this renderer cannot vouch for (a code line wider than 88 columns);
then black formats that block alone. Names come from `names.py`, which also
refuses, before anything is rendered, a module whose Python names would collide.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator

from ... import ir
from ..._compat import assert_never
from ..._gc import few_collections
from ...diagnostics import TranspileError, error_at
from .. import Target, header, header_source, target_distribution
from ..unions import MIXED_ENUMS, tagged_union
from .fast import MAX_DEPTH, FastWriter, assignment
from .layout import annotated_assignment, call_statement, def_header, subscript_statement
from .names import (
    check,
    field_name,
    hoisted,
    member_name,
    module_level_names,
    union_functions,
)
from .runtime import closure

LINE_LENGTH = 88
_IND = "    "
_IND2 = _IND * 2
_IND3 = _IND * 3

_PRIM_ANNOTATION = {"string": "str", "number": "float", "boolean": "bool", "any": "Any",
                    "unknown": "Any", "null": "None"}
_PRIM_DECODER = {"string": "_str", "number": "_float", "boolean": "_bool", "any": "_any",
                 "unknown": "_any", "null": "_null"}
_PRIM_JSON = {"string": "string", "number": "number", "boolean": "boolean", "null": "null"}

# A `#` comment starting like a tool directive (`# type: ignore`, `# fmt: off`) would
# change how mypy, black or a linter treat the generated file: such doc lines get a `\`.
_DIRECTIVE_RE = re.compile(
    r"\s*(type|mypy|fmt|yapf|isort|pyright|ruff|pylint|noqa|nosec|pragma|flake8)\b", re.I
)
_QUOTE_RUN_RE = re.compile(r'"(?=")|(?<=")"')

_FROM_DICT_DOC = '"""Decode parsed JSON; ValueError names the path of the first bad value."""'
_FROM_JSON_DOC = '"""Decode JSON text (str or bytes); ValueError as from_dict."""'
_TO_JSON_DOC = '"""This value as compact JSON text (NaN and infinities are refused)."""'
_TO_DICT_DOC = '"""The JSON object of this value; None optional fields are left out."""'


# --- escaping: nothing a user writes in the TS can leave its literal or comment ------


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\x{code:02x}")
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


@functools.lru_cache(maxsize=8192)
def py_str(value: str) -> str:
    """A Python string literal for `value`, quoted the way black leaves it."""
    if value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'  # nothing to escape (the common case, without a loop)
    quote = "'" if value.count('"') > value.count("'") else '"'
    out = [quote]
    for ch in value:
        if ch == "\\" or ch == quote:
            out.append("\\" + ch)
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(_escape_char(ch))
    out.append(quote)
    return "".join(out)


def _printable(text: str, *, backslashes: bool) -> str:
    if text.isprintable() and (not backslashes or "\\" not in text):
        return text
    out: list[str] = []
    for ch in text:
        if ch == "\\" and backslashes:
            out.append("\\\\")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(_escape_char(ch))
    return "".join(out)


def _doc_lines(doc: str | None, *, backslashes: bool) -> list[str]:
    """A doc as escaped lines: no blank edges, first line stripped, the rest dedented."""
    if doc is None:
        return []
    raw = doc.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [_printable(line, backslashes=backslashes).rstrip(" ") for line in raw]
    while lines and not lines[0].strip(" "):
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return []
    lines[0] = lines[0].lstrip(" ")
    rest = [line for line in lines[1:] if line]
    if rest:
        margin = min(len(line) - len(line.lstrip(" ")) for line in rest)
        lines[1:] = [line[margin:] for line in lines[1:]]
    return lines


def docstring(doc: str | None, indent: str) -> list[str]:
    """A docstring black leaves as it is: quote runs escaped, padded like black pads."""
    lines = [_QUOTE_RUN_RE.sub(r'\\"', line) for line in _doc_lines(doc, backslashes=True)]
    if not lines:
        return []
    if lines[0].startswith('"'):
        lines[0] = " " + lines[0]
    if len(lines) == 1:
        text = lines[0] + " " if lines[0].endswith('"') else lines[0]
        return [f'{indent}"""{text}"""']
    out = [f'{indent}"""{lines[0]}']
    out.extend(f"{indent}{line}" if line else "" for line in lines[1:])
    out.append(f'{indent}"""')
    return out


def comment(doc: str | None, indent: str) -> list[str]:
    """A doc as `#` comment lines (fields, enum members, aliases)."""
    out = []
    for line in _doc_lines(doc, backslashes=False):
        if not line:
            out.append(f"{indent}#")
        elif _DIRECTIVE_RE.match(line):
            out.append(f"{indent}# \\{line}")
        else:
            out.append(f"{indent}# {line}")
    return out


def _toml_str(value: str) -> str:
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


# --- blocks ---------------------------------------------------------------------------


def _too_wide(line: str) -> bool:
    if line.isascii():
        return len(line) > LINE_LENGTH
    # An upper bound of black's width (east-asian wide characters count 2).
    return len(line) + sum(1 for ch in line if ord(ch) > 0x7F) > LINE_LENGTH


class _Block:
    """The lines of one top-level statement; black lays it out only if a code line is wide.

    Doc lines (comments, docstrings) are exempt: black never rewraps them.
    """

    __slots__ = ("docs", "lines")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.docs: set[int] = set()

    def code(self, line: str) -> None:
        self.lines.append(line)

    def doc(self, lines: list[str]) -> None:
        if not lines:
            return
        start = len(self.lines)
        self.lines.extend(lines)
        self.docs.update(range(start, len(self.lines)))

    def needs_black(self, text: str) -> bool:
        if text.isascii() and max(map(len, self.lines)) <= LINE_LENGTH:
            return False
        return any(_too_wide(line) for i, line in enumerate(self.lines) if i not in self.docs)

    def text(self) -> str:
        text = "\n".join(self.lines)
        if self.needs_black(text):
            import black  # lazily: 150 ms of start-up that most runs never pay

            text = black.format_str(text + "\n", mode=black.Mode()).rstrip("\n")
        return text


# --- types ----------------------------------------------------------------------------


def _without_null(t: ir.Type) -> ir.Type:
    if isinstance(t, ir.Union):
        rest = tuple(m for m in t.members if not (isinstance(m, ir.Prim) and m.name == "null"))
        if len(rest) == 1:
            return rest[0]
        if rest and len(rest) < len(t.members):
            return ir.Union(rest, t.span)
    return t


def _split(u: ir.Union) -> tuple[list[ir.Type], bool]:
    rest = [m for m in u.members if not (isinstance(m, ir.Prim) and m.name == "null")]
    return rest, len(rest) < len(u.members)


def _is_any(t: ir.Type) -> bool:
    return isinstance(t, ir.Prim) and t.name in ("any", "unknown")


def _literal_like(t: ir.Type) -> bool:
    return isinstance(t, ir.EnumMemberRef) or (
        isinstance(t, ir.Literal) and not isinstance(t.value, float)
    )


def _py_literal(value: str | int | float | bool) -> str:
    if isinstance(value, str):
        return py_str(value)
    return repr(value)


class _Renderer:
    """Renders one module; records the helpers and imports that the text uses."""

    def __init__(self, module: ir.Module, module_names: frozenset[str] | None = None) -> None:
        self.module = module
        self.decls = module.decls
        self.module_names = module_level_names(module) if module_names is None else module_names
        self.used: set[str] = set()
        self.imports: set[str] = set()
        self.resolving: set[str] = set()
        self.defined: set[str] = set()
        # Work done once per alias, however many paths reach it (a diamond of union
        # aliases is exponential in paths): decoder and encoder texts with the helpers
        # they use, the enum classes an alias stands for, the end of a chain of aliases.
        self._decoders: dict[str, tuple[str, frozenset[str]]] = {}
        self._encoders: dict[tuple[str, str, int], tuple[str | None, frozenset[str]]] = {}
        self._enum_cache: dict[str, list[str] | None] = {}
        self._chain_ends: dict[str, ir.Alias] = {}
        self._collecting: list[set[str]] = []  # helpers used by the memo entries being built
        self.fast = FastWriter(module.decls, self.decoder, self._kind_of, py_str,
                               self._chain_end)

    def _kind_of(self, name: str) -> str | None:
        decl = self.decls.get(name)
        return decl.kind if isinstance(decl, ir.Enum) else None

    # annotations

    def annotation(self, t: ir.Type) -> str:
        match t:
            case ir.Prim(name=name):
                if name in ("any", "unknown"):
                    self.imports.add("typing:Any")
                return _PRIM_ANNOTATION[name]
            case ir.Array(item=item):
                return f"list[{self.annotation(item)}]"
            case ir.Map(value=value):
                return f"dict[str, {self.annotation(value)}]"
            case ir.Ref(name=name):
                return name
            case ir.EnumMemberRef() | ir.Literal():
                return self._literal_annotation([t])
            case ir.Union():
                return self._union_annotation(t)
            case ir.Object(name=name):
                return name
            case ir.Date():
                self.imports.add("datetime:datetime")
                return "datetime"
            case ir.Tuple(items=items):
                return f"tuple[{', '.join(self.annotation(i) for i in items)}]"
            case _:
                assert_never(t)

    def _literal_annotation(self, members: list[ir.Type]) -> str:
        values: list[str] = []
        for m in members:
            if isinstance(m, ir.EnumMemberRef):
                values.append(f"{m.enum}.{member_name(m.member)}")
            elif isinstance(m, ir.Literal) and not isinstance(m.value, float):
                values.append(_py_literal(m.value))
        if not values:
            return "float"
        self.imports.add("typing:Literal")
        return f"Literal[{', '.join(values)}]"

    def _union_annotation(self, u: ir.Union) -> str:
        rest, nullable = _split(u)
        if any(_is_any(m) for m in rest):
            self.imports.add("typing:Any")
            return "Any"
        parts: list[str] = []
        literals = [m for m in rest if _literal_like(m)]
        for m in rest:
            if _literal_like(m):
                if m is literals[0]:
                    parts.append(self._literal_annotation(literals))
                continue
            part = self.annotation(m)
            if part not in parts:
                parts.append(part)
        if nullable:
            parts.append("None")
        return " | ".join(parts)

    # decoders: expressions of type Callable[[Any, str], T]

    def use(self, helper: str) -> str:
        self.used.add(helper)
        for helpers in self._collecting:
            helpers.add(helper)
        return helper

    def _chain_end(self, alias: ir.Alias) -> ir.Alias:
        """The last alias of `type A = B`, `type B = C`...: the one whose type is not a
        plain reference to another alias (it has the same decoder and encoder as A).
        Walked, not recursed: a chain of thousands of aliases must not exhaust the stack."""
        chain: list[ir.Alias] = []
        names: set[str] = set()
        end = alias
        while end.name not in self._chain_ends and isinstance(end.type, ir.Ref):
            target = self.decls[end.type.name]
            if not isinstance(target, ir.Alias):
                break
            chain.append(end)
            names.add(end.name)
            if target.name in names or target.name in self.resolving:
                raise error_at(target.span, f"type alias {target.name} refers to itself")
            end = target
        end = self._chain_ends.get(end.name, end)
        for a in chain:
            self._chain_ends[a.name] = end
        return end

    def decoder(self, t: ir.Type) -> str:
        match t:
            case ir.Prim(name=name):
                return self.use(_PRIM_DECODER[name])
            case ir.Array(item=item):
                return f"{self.use('_list')}({self.decoder(item)})"
            case ir.Map(value=value):
                return f"{self.use('_dict')}({self.decoder(value)})"
            case ir.Ref(name=name):
                decl = self.decls[name]
                if isinstance(decl, ir.Enum):
                    return f"{self.use('_enum')}({name})"
                if isinstance(decl, ir.Interface):
                    return f"{name}._decode"
                return self._alias_decoder(decl)
            case ir.EnumMemberRef(enum=enum, member=member):
                return f"{self.use('_literal')}({enum}.{member_name(member)})"
            case ir.Literal(value=value):
                return f"{self.use('_literal')}({_py_literal(value)})"
            case ir.Union():
                return self._union_decoder(t, None)
            case ir.Object(name=name):
                return f"{name}._decode"
            case ir.Date():
                return self.use("_date")
            case ir.Tuple(items=items):
                return f"{self.use('_tuple')}({', '.join(self.decoder(i) for i in items)})"
            case _:
                assert_never(t)

    def _alias_decoder(self, alias: ir.Alias) -> str:
        alias = self._chain_end(alias)
        cached = self._decoders.get(alias.name)
        if cached is None:
            if alias.name in self.resolving:
                raise error_at(alias.span, f"type alias {alias.name} refers to itself")
            self.resolving.add(alias.name)
            self._collecting.append(set())
            try:
                if isinstance(alias.type, ir.Union):
                    text = self._union_decoder(alias.type, alias.name)
                else:
                    text = self.decoder(alias.type)
            finally:
                collected = self._collecting.pop()
                self.resolving.discard(alias.name)
            cached = self._decoders[alias.name] = (text, frozenset(collected))
        text, helpers = cached
        for helper in helpers:
            self.use(helper)
        return text

    def _enum_classes(self, t: ir.Type) -> list[str] | None:
        """The enum classes a type stands for, if it is an enum or a union of enums."""
        if not isinstance(t, ir.Ref):
            return None
        decl = self.decls[t.name]
        if isinstance(decl, ir.Enum):
            return [decl.name]
        if isinstance(decl, ir.Alias) and isinstance(decl.type, ir.Union):
            if decl.name in self._enum_cache:
                return self._enum_cache[decl.name]
            if decl.name in self.resolving:
                return None
            rest, nullable = _split(decl.type)
            if nullable:
                return None
            self.resolving.add(decl.name)
            try:
                found: dict[str, None] = {}  # ordered set
                result: list[str] | None = None
                for m in rest:
                    classes = self._enum_classes(m)
                    if classes is None:
                        break
                    found.update(dict.fromkeys(classes))
                else:
                    result = list(found)
            finally:
                self.resolving.discard(decl.name)
            self._enum_cache[decl.name] = result
            return result
        return None

    def _enum_kind(self, name: str) -> str:
        decl = self.decls[name]
        assert isinstance(decl, ir.Enum)
        return decl.kind

    def _describe(self, t: ir.Type) -> str | None:
        """How an error names a scalar member of a union; None if it is not a scalar."""
        match t:
            case ir.Prim(name=name):
                return _PRIM_JSON.get(name)
            case ir.Literal(value=value):
                return json.dumps(value, ensure_ascii=False)
            case ir.EnumMemberRef(enum=enum, member=member):
                return json.dumps(self._member_value(enum, member), ensure_ascii=False)
            case ir.Ref(name=name):
                return name if self._enum_classes(t) is not None else None
            case _:
                return None

    def _member_value(self, enum: str, member: str) -> str | int:
        decl = self.decls.get(enum)
        if isinstance(decl, ir.Enum):
            for m in decl.members:
                if m.name == member:
                    return m.value
        return member

    def _union_decoder(self, u: ir.Union, name: str | None) -> str:
        rest, nullable = _split(u)
        if any(_is_any(m) for m in rest):
            return self.use("_any")
        tagged, problem = tagged_union(self.module, rest, u.span)
        if problem is not None:
            raise TranspileError(problem)
        if tagged:
            cases = ", ".join(f"{_py_literal(value)}: {cls}._decode" for value, cls in tagged.cases)
            kind = self.use("_float" if tagged.numeric else "_str")
            base = (
                f"{self.use('_tagged')}({py_str(tagged.field)}, {kind}, "
                f"{py_str(tagged.expected())}, {{{cases}}})"
            )
        elif len(rest) == 1:
            base = self.decoder(rest[0])
        elif all(isinstance(m, ir.Literal | ir.EnumMemberRef) for m in rest):
            # float literals too: their annotation is `float`, their check a literal set
            base = f"{self.use('_literal')}({', '.join(self._literal_values(rest))})"
        elif all(self._enum_classes(m) is not None for m in rest):
            classes: list[str] = []
            for m in rest:
                classes.extend(c for c in self._enum_classes(m) or () if c not in classes)
            if len({self._enum_kind(c) for c in classes}) > 1:
                raise error_at(u.span, MIXED_ENUMS)
            label = name or " | ".join(c for c in classes)
            base = f"{self.use('_enums')}({py_str(label)}, {', '.join(classes)})"
        else:
            described = [self._describe(m) for m in rest]
            if any(d is None for d in described):
                raise error_at(u.span, "the Python backend cannot decode a union of these "
                               "types: only unions of literals, enums and primitives are "
                               "supported (and `| null`)")
            expected = " or ".join(d for d in described if d is not None)
            decoders = ", ".join(self.decoder(m) for m in rest)
            base = f"{self.use('_union')}({py_str(expected)}, {decoders})"
        return f"{self.use('_nullable')}({base})" if nullable else base

    def _literal_values(self, members: list[ir.Type]) -> list[str]:
        out = []
        for m in members:
            if isinstance(m, ir.EnumMemberRef):
                out.append(f"{m.enum}.{member_name(m.member)}")
            elif isinstance(m, ir.Literal):
                out.append(_py_literal(m.value))
        return out

    # encoders: an expression turning `expr` into JSON, or None when it already is

    def encoder(self, t: ir.Type, expr: str, depth: int) -> str | None:
        match t:
            case ir.Prim() | ir.Literal():
                return None
            case ir.Array(item=item):
                var = f"v{depth}"
                inner = self.encoder(item, var, depth + 1)
                return None if inner is None else f"[{inner} for {var} in {expr}]"
            case ir.Map(value=value):
                key, var = f"k{depth}", f"v{depth}"
                inner = self.encoder(value, var, depth + 1)
                if inner is None:
                    return None
                return f"{{{key}: {inner} for {key}, {var} in {expr}.items()}}"
            case ir.Ref(name=name):
                decl = self.decls[name]
                if isinstance(decl, ir.Enum):
                    return f"{expr}.value"
                if isinstance(decl, ir.Interface):
                    return f"{expr}.to_dict()"
                return self._alias_encoder(decl, expr, depth)
            case ir.EnumMemberRef():
                return f"{expr}.value"
            case ir.Union():
                return self._union_encoder(t, expr, depth)
            case ir.Object():
                return f"{expr}.to_dict()"
            case ir.Date():
                return f"{self.use('_iso')}({expr})"
            case ir.Tuple(items=items):
                # always a list: JSON has no tuples, and `to_dict()` must equal the JSON
                parts = [self.encoder(item, f"{expr}[{i}]", depth) for i, item in enumerate(items)]
                if all(p is None for p in parts):
                    return f"list({expr})"
                return "[" + ", ".join(
                    p or f"{expr}[{i}]" for i, p in enumerate(parts)
                ) + "]"
            case _:
                assert_never(t)

    def _alias_encoder(self, alias: ir.Alias, expr: str, depth: int) -> str | None:
        alias = self._chain_end(alias)
        key = (alias.name, expr, depth)
        cached = self._encoders.get(key)
        if cached is None:
            if alias.name in self.resolving:
                raise error_at(alias.span, f"type alias {alias.name} refers to itself")
            self.resolving.add(alias.name)
            self._collecting.append(set())
            try:
                text = self.encoder(alias.type, expr, depth)
            finally:
                collected = self._collecting.pop()
                self.resolving.discard(alias.name)
            cached = self._encoders[key] = (text, frozenset(collected))
        text, helpers = cached
        for helper in helpers:
            self.use(helper)
        return text

    def _union_encoder(self, u: ir.Union, expr: str, depth: int) -> str | None:
        rest, nullable = _split(u)
        if any(_is_any(m) for m in rest):
            return None
        if len(rest) == 1:
            inner = self.encoder(rest[0], expr, depth)
        else:
            encoded = [self.encoder(m, expr, depth) for m in rest]
            if all(e is None for e in encoded):
                return None
            if encoded[0] is not None and all(e == encoded[0] for e in encoded):
                inner = encoded[0]  # enums (`.value`), interfaces (`.to_dict()`)
            else:
                return f"{self.use('_plain')}({expr})"
        if inner is None or not nullable:
            return inner
        return f"None if {expr} is None else {inner}"

    # declarations

    def names_in(self, t: ir.Type) -> Iterator[str]:
        match t:
            case ir.Ref(name=name) | ir.Object(name=name):
                yield name
            case ir.EnumMemberRef(enum=enum):
                yield enum
            case ir.Array(item=inner) | ir.Map(value=inner):
                yield from self.names_in(inner)
            case ir.Union(members=members) | ir.Tuple(items=members):
                for m in members:
                    yield from self.names_in(m)
            case _:
                pass

    def enum_block(self, e: ir.Enum) -> _Block:
        b = _Block()
        self.imports.add("enum:IntEnum" if e.kind == "int" else "enum:Enum")
        b.code(f"class {e.name}(IntEnum):" if e.kind == "int" else f"class {e.name}(str, Enum):")
        doc = docstring(e.doc, _IND)
        b.doc(doc)
        if doc and e.members:
            b.lines.append("")
        for m in e.members:
            b.doc(comment(m.doc, _IND))
            value = py_str(m.value) if isinstance(m.value, str) else repr(m.value)
            b.code(f"{_IND}{member_name(m.name)} = {value}")
        if not doc and not e.members:
            b.lines.append(f"{_IND}pass")
        return b

    def alias_block(self, a: ir.Alias) -> _Block:
        # An alias no field uses is still checked: refused here exactly as by Go.
        used = set(self.used)
        self._alias_decoder(a)
        self.used = used
        b = _Block()
        self.imports.add("typing:TypeAlias")
        ann = self.annotation(a.type)
        if any(name not in self.defined for name in self.names_in(a.type)):
            ann = py_str(ann)
        b.doc(comment(a.doc, ""))
        for line in subscript_statement("", f"{a.name}: TypeAlias = ", ann):
            b.code(line)
        return b

    def class_block(self, name: str, doc: str | None, fields: tuple[ir.Field, ...]) -> _Block:
        self.imports.add("dataclasses:dataclass")
        self.imports.add("typing:Any")
        b = _Block()
        code = b.lines.append
        code("@dataclass(kw_only=True)")
        code(f"class {name}:")
        doc_lines = docstring(doc, _IND)
        if doc_lines:
            b.doc(doc_lines)
            b.lines.append("")
        decode: list[str] = []
        fast: list[str] = []
        fast_args: list[tuple[str, str]] = []  # (attribute, value) of the new instance
        args: list[str] = []
        encode_required: list[str] = []
        encode_rest: list[str] = []
        self.used.add("_object")
        self.fast.counter = 0
        height = max((self.fast.height(f.type) for f in fields), default=0)
        for f in fields:
            py = field_name(f.name, self.module_names)
            key = py_str(f.name)
            b.doc(comment(f.doc, _IND))
            t = f.type
            if f.optional:
                t = _without_null(t)
                ann = self.annotation(t)
                code(f"{_IND}{py}: {ann} = None" if ann == "None" else
                     f"{_IND}{py}: {ann} | None = None")
                decode.extend(call_statement(
                    _IND2, f"{py} = ",
                    f"{self.use('_optional')}(_obj, {key}, _path, _depth, {self.decoder(t)})"))
                args.append(py)
                fast.append(f"{_IND2}{py} = _d.get({key})")
                stmts, expr = self.fast.value(t, py, "_depth + 1", _IND3)
                if stmts or expr != py:
                    fast.append(f"{_IND2}if {py} is not None:")
                    fast.extend(stmts)
                    if expr != py:
                        fast.extend(assignment(_IND3, py, expr))
                fast_args.append((py, py))
                value = self.encoder(t, f"self.{py}", 0) or f"self.{py}"
                encode_rest.append(f"{_IND2}if self.{py} is not None:")
                encode_rest.append(f"{_IND3}result[{key}] = {value}")
                continue
            ann = self.annotation(t)
            required = (f"{self.use('_required')}(_obj, {key}, _path, _depth, "
                        f"{self.decoder(t)})")
            stmts, expr = self.fast.value(t, py, "_depth + 1", _IND2)
            if not stmts and expr != py and not expr.startswith("None if"):
                # one expression that reads the value once: read the member inside it
                stmts, expr = self.fast.value(t, f"_d[{key}]", "_depth + 1", _IND2)
            else:
                fast.append(f"{_IND2}{py} = _d[{key}]")
            fast.extend(stmts)
            if _literal_like(t):
                assert isinstance(t, ir.EnumMemberRef | ir.Literal)
                default = self._literal_values([t])[0]
                b.lines.extend(annotated_assignment(_IND, f"{py}: {ann}", default))
                decode.extend(call_statement(_IND2, "", required))
                if expr != py and not stmts:
                    fast.extend(call_statement(_IND2, "", expr))  # checks by raising
                fast_args.append((py, default))
            else:
                b.lines.extend(subscript_statement(_IND, f"{py}: ", ann))
                decode.extend(call_statement(_IND2, f"{py} = ", required))
                args.append(py)
                if expr != py:
                    fast.extend(assignment(_IND2, py, expr))
                fast_args.append((py, py))
            value = self.encoder(t, f"self.{py}", 0) or f"self.{py}"
            if encode_rest:
                encode_rest.append(f"{_IND2}result[{key}] = {value}")
            else:
                encode_required.append(f"{_IND3}{key}: {value},")
        if fields:
            b.lines.append("")
        self.used.update(("_loads", "_ENCODER"))
        for line in (
            f"{_IND}@classmethod",
            *def_header(_IND, "from_dict", "cls, data: Any", name),
            f"{_IND2}{_FROM_DICT_DOC}",
            f"{_IND2}try:",
            f"{_IND3}return cls._fast(cls, data, 1)",
            f"{_IND2}except Exception:",
            f"{_IND3}pass",
            f'{_IND2}return cls._decode(data, "$", 1)',
            "",
            f"{_IND}@classmethod",
            *def_header(_IND, "from_json", "cls, text: str | bytes | bytearray", name),
            f"{_IND2}{_FROM_JSON_DOC}",
            f"{_IND2}return cls.from_dict(_loads(text))",
            "",
            f"{_IND}@staticmethod",
            # `_cls: Any`: a field named `type` would shadow the builtin in `type[...]`
            *def_header(_IND, "_fast", "_cls: Any, _d: Any, _depth: int", name),
            f"{_IND2}if _d.__class__ is not dict or _depth > {MAX_DEPTH - height}:",
            f"{_IND3}raise ValueError",
        ):
            code(line)
        for line in fast:
            code(line)
        # __init__ would take 0.5 µs of keyword arguments: set the fields directly
        self.used.add("_new")
        code(f"{_IND2}_o: {name} = _new(_cls)")
        for attr, value in fast_args:
            code(f"{_IND2}_o.{attr} = {value}")
        code(f"{_IND2}return _o")
        code("")
        for line in (
            f"{_IND}@classmethod",
            *def_header(_IND, "_decode", "cls, _data: Any, _path: str, _depth: int", name),
            f"{_IND2}_obj = _object(_data, _path, _depth)" if fields else
            f"{_IND2}_object(_data, _path, _depth)",
        ):
            code(line)
        for line in decode:
            code(line)
        self._constructor(code, args)
        code("")
        code(f"{_IND}def to_json(self) -> str:")
        code(f"{_IND2}{_TO_JSON_DOC}")
        code(f"{_IND2}return _ENCODER.encode(self.to_dict())")
        code("")
        code(f"{_IND}def to_dict(self) -> dict[str, Any]:")
        code(f"{_IND2}{_TO_DICT_DOC}")
        if not encode_rest:
            if encode_required:
                code(f"{_IND2}return {{")
                for line in encode_required:
                    code(line)
                code(f"{_IND2}}}")
            else:
                code(f"{_IND2}return {{}}")
        else:
            if encode_required:
                code(f"{_IND2}result: dict[str, Any] = {{")
                for line in encode_required:
                    code(line)
                code(f"{_IND2}}}")
            else:
                code(f"{_IND2}result: dict[str, Any] = {{}}")
            for line in encode_rest:
                code(line)
            code(f"{_IND2}return result")
        return b

    @staticmethod
    def _constructor(code: Callable[[str], None], args: list[str]) -> None:
        call = f"{_IND2}return cls({', '.join(f'{a}={a}' for a in args)})"
        if _too_wide(call):
            code(f"{_IND2}return cls(")
            for a in args:
                code(f"{_IND3}{a}={a},")
            code(f"{_IND2})")
        else:
            code(call)

    def blocks(self) -> Iterator[_Block]:
        """Declarations in source order, except that an enum whose member is a field's
        default comes before the first class that needs it (a class body evaluates its
        defaults when the class is defined)."""
        for decl in self.decls.values():
            match decl:
                case ir.Enum():
                    if decl.name not in self.defined:  # else hoisted already
                        yield self.enum_block(decl)
                        self.defined.add(decl.name)
                case ir.Interface():
                    yield from self._class(decl.name, decl.doc, decl.fields)
                    for obj in hoisted(decl.fields):
                        if obj.name in self.defined:
                            continue  # an inherited field's class: emitted with its base
                        yield from self._class(obj.name, None, obj.fields)
                case ir.Alias():
                    for outer in _objects_of(decl.type):
                        for obj in (outer, *hoisted(outer.fields)):
                            yield from self._class(obj.name, None, obj.fields)
                    yield self.alias_block(decl)
                    self.defined.add(decl.name)
                case _:
                    assert_never(decl)

    def _class(
        self, name: str, doc: str | None, fields: tuple[ir.Field, ...]
    ) -> Iterator[_Block]:
        """A class, after the enums its defaults need that are not defined yet."""
        for f in fields:
            if not f.optional and isinstance(f.type, ir.EnumMemberRef):
                enum = self.decls.get(f.type.enum)
                if isinstance(enum, ir.Enum) and enum.name not in self.defined:
                    yield self.enum_block(enum)
                    self.defined.add(enum.name)
        yield self.class_block(name, doc, fields)
        self.defined.add(name)

    def message_blocks(self) -> Iterator[_Block]:
        messages = self.module.messages
        if not messages:
            return
        self.imports.add("typing:TypeAlias")
        self.imports.add("typing:Any")
        self.used.update(("_object", "_required", "_show", "_loads"))
        classes = [m.interface for m in messages]
        b = _Block()
        head = "AnyMessage: TypeAlias = "
        one_line = " | ".join(classes)
        if len(head) + len(one_line) <= LINE_LENGTH:
            b.code(head + one_line)
        else:
            b.code(head + "(")
            if len(_IND) + len(one_line) <= LINE_LENGTH:
                b.code(_IND + one_line)
            else:
                b.code(_IND + classes[0])
                for c in classes[1:]:
                    b.code(f"{_IND}| {c}")
            b.code(")")
        yield b
        field = messages[0].field
        numeric = not isinstance(messages[0].value, str)
        b = _Block()
        b.code(f"MESSAGE_TYPES: dict[{'int' if numeric else 'str'}, type[AnyMessage]] = {{")
        for m in messages:
            b.code(f"{_IND}{_py_literal(m.value)}: {m.interface},")
        b.code("}")
        yield b
        b = _Block()
        key = py_str(field)
        self.used.add("_float" if numeric else "_str")
        b.code("def parse_message(data: Any) -> AnyMessage:")
        doc = (f"Decode the message whose class MESSAGE_TYPES maps `data[{key}]` to.\n\n"
               "`data` is the parsed JSON value, or JSON text as str or bytes.")
        b.doc(docstring(doc, _IND))
        for line in (
            f"{_IND}if data.__class__ is not dict and isinstance(data, (str, bytes, bytearray)):",
            f"{_IND2}data = _loads(data)",
            f"{_IND}if data.__class__ is dict:",
            f"{_IND2}tag = data.get({key})",
            f"{_IND2}if tag.__class__ is {'int' if numeric else 'str'}:",
            f"{_IND3}fast = MESSAGE_TYPES.get(tag)",
            f"{_IND3}if fast is not None:",
            f"{_IND3}    try:",
            f"{_IND3}        return fast._fast(fast, data, 1)",
            f"{_IND3}    except Exception:",
            f"{_IND3}        pass",
            f'{_IND}obj = _object(data, "$", 1)',
            f"{_IND}kind{': Any' if numeric else ''} = "
            f'_required(obj, {key}, "$", 1, {"_float" if numeric else "_str"})',
            f"{_IND}cls = MESSAGE_TYPES.get(kind)",
            f"{_IND}if cls is None:",
            f"{_IND2}raise ValueError({_unknown_message(field)})",
            f'{_IND}return cls._decode(obj, "$", 1)',
        ):
            b.code(line)
        yield b

    def union_function_blocks(self) -> Iterator[_Block]:
        """`parse_client_message(data)` for each union alias that decodes by a discriminator."""
        for alias, tagged, name in union_functions(self.module):
            self.imports.add("typing:Any")
            decoder = self.decoder(ir.Ref(alias.name, alias.span))
            doc = f"Decode a {alias.name}, its class chosen by `data[{py_str(tagged.field)}]`."
            b = _Block()
            b.code(f"def {name}(data: Any) -> {alias.name}:")
            b.doc(docstring(doc, _IND))
            for line in (
                *call_statement(_IND, f"decoded: {alias.name} = ", f'{decoder}(data, "$", 1)'),
                f"{_IND}return decoded",
            ):
                b.code(line)
            yield b


def _unknown_message(field: str) -> str:
    """The f-string `f"<field>: unknown message type {_show(kind)}"`, any field escaped."""
    text = py_str(field.replace("{", "{{").replace("}", "}}") + ": unknown message type ")
    return f"f{text[:-1]}{{_show(kind)}}{text[-1]}"


def _objects_of(t: ir.Type) -> list[ir.Object]:
    match t:
        case ir.Object():
            return [t]
        case ir.Array(item=inner) | ir.Map(value=inner):
            return _objects_of(inner)
        case ir.Union(members=members) | ir.Tuple(items=members):
            return [o for m in members for o in _objects_of(m)]
        case _:
            return []


def _import_lines(imports: set[str]) -> list[str]:
    plain = sorted(i for i in imports if ":" not in i)
    grouped: dict[str, list[str]] = {}
    for item in imports:
        if ":" in item:
            mod, name = item.split(":")
            grouped.setdefault(mod, []).append(name)
    lines = [f"import {m}" for m in plain]
    for mod in sorted(grouped):
        lines.append(f"from {mod} import {', '.join(sorted(grouped[mod]))}")
    return lines


def render_module(module: ir.Module, module_names: frozenset[str] | None = None) -> list[str]:
    """The generated `__init__.py` (names already checked, `module_names` as `check`
    returned them), as the parts its text is the concatenation of: a part per
    top-level statement and the blank lines between them, never joined into a second
    copy of the file here."""
    r = _Renderer(module, module_names)
    body = [b.text() for b in r.blocks()]
    tail = [b.text() for b in (*r.message_blocks(), *r.union_function_blocks())]
    # The fast-path writer calls back into the renderer: a reference cycle that would
    # keep the renderer, and the whole model, alive until Python's next full collection.
    del r.fast
    helpers = closure(r.used)
    for h in helpers:
        r.imports.update(h.imports)
    head = [
        header("#", module.source),
        *docstring(
            f"Message types of {header_source(module.source)}, generated by devpie-transpile.\n\n"
            + (
                "Decode parsed JSON with `Type.from_dict(data)` (or `parse_message(data)`), "
                "encode\nwith `value.to_dict()`; both keep the TypeScript JSON keys."
                if module.messages
                else "Decode parsed JSON with `Type.from_dict(data)`, encode with "
                "`value.to_dict()`;\nboth keep the TypeScript JSON keys."
            ),
            "",
        ),
        "",
        "from __future__ import annotations",
    ]
    imports = _import_lines(r.imports)
    if imports:
        head.append("")
        head.extend(imports)
    sections = [*body, *(h.source for h in helpers), *tail]
    if not sections:
        return ["\n".join(head), "\n"]
    # Black puts two blank lines between top-level statements only before a class or
    # a def; right after the imports, any other statement gets one.
    first = next(line for line in sections[0].split("\n") if not line.startswith("#"))
    gap = "\n\n\n" if first.startswith(("class ", "@", "def ")) else "\n\n"
    parts = ["\n".join(head), gap]
    for section in sections:
        parts.append(section)
        parts.append("\n\n\n")
    parts[-1] = "\n"
    return parts


def _pyproject(module: ir.Module, target: Target) -> str:
    package = target.package
    return "\n".join([
        header("#", module.source),
        "",
        "[build-system]",
        'requires = ["setuptools>=61"]',
        'build-backend = "setuptools.build_meta"',
        "",
        "[project]",
        f"name = {_toml_str(target_distribution(target))}",
        f"version = {_toml_str(target.version)}",
        "description = "
        + _toml_str(f"Message types generated by devpie-transpile from {module.source}"),
        'requires-python = ">=3.10"',
        "dependencies = []",
        "",
        "[tool.setuptools]",
        f"packages = [{_toml_str(package)}]",
        "",
        "[tool.setuptools.package-data]",
        f'{_toml_str(package)} = ["py.typed"]',
        "",
    ])


@few_collections()
def render_parts(module: ir.Module, target: Target) -> dict[str, list[str]]:
    """The complete package: pyproject.toml, `<package>/__init__.py`, `<package>/py.typed`,
    each as the parts its text joins (see `render_module`)."""
    module_names = check(module)
    return {
        "pyproject.toml": [_pyproject(module, target)],
        f"{target.package}/__init__.py": render_module(module, module_names),
        f"{target.package}/py.typed": [],
    }


def render(module: ir.Module, target: Target) -> dict[str, str]:
    """The complete package: pyproject.toml, `<package>/__init__.py`, `<package>/py.typed`."""
    return {name: "".join(parts) for name, parts in render_parts(module, target).items()}
