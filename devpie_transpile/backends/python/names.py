"""Every Python naming rule of the backend, and the check that no two names collide.

The renderer never invents a name itself: it asks this module, so that the rules of
SPEC "Names" live in one place and `check` can prove, before anything is rendered,
that the generated module binds each name once and shadows nothing it uses.
"""

from __future__ import annotations

import functools
import keyword
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from ... import ir
from ...diagnostics import Diagnostic, TranspileError
from ...messages import Tagged
from ...validate import walk
from ..unions import union_functions as _union_functions

_Named = TypeVar("_Named", ir.Field, ir.EnumMember)

# Names the generated module imports or defines at module level, besides the
# user's types. A TS type with one of these names would shadow it.
IMPORTED_NAMES = frozenset(
    {"annotations", "json", "Any", "Callable", "Literal", "TypeAlias", "TypeVar", "Enum",
     "IntEnum", "dataclass"}
)
PUBLIC_NAMES = frozenset({"parse_message", "MESSAGE_TYPES", "AnyMessage"})

# Parameters and locals of the generated code that refers to classes by name (`_fast`,
# `_decode` and `parse_<union>`: `Name._decode(...)`, `_o: Name = ...`): a class of the
# same name would be shadowed there. Fields are renamed away from them (snake_case, a
# `_` suffix); a type name is refused.
METHOD_LOCALS = frozenset(
    {"cls", "data", "decoded", "_d", "_o", "_cls", "_depth", "_obj", "_data", "_path"}
)
_METHOD_LOCAL_NUMBERED = re.compile(r"_v[0-9]+")  # the fast path's loop variables

# Builtins of every supported Python version (3.10 to 3.14), fixed here so that the
# same input is accepted or refused on every interpreter.
BUILTINS = frozenset(
    """
    ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup
    BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError
    ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError
    DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception
    ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning
    GeneratorExit IOError ImportError ImportWarning IndentationError IndexError
    InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError
    ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError
    OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError
    PythonFinalizationError RecursionError ReferenceError ResourceWarning RuntimeError
    RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError
    SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError
    UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning
    ValueError Warning ZeroDivisionError _IncompleteInputError __build_class__ __debug__
    __doc__ __import__ __loader__ __name__ __package__ __spec__ abs aiter all anext any
    ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex
    copyright credits delattr dict dir divmod enumerate eval exec exit filter float format
    frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter
    len license list locals map max memoryview min next object oct open ord pow print
    property quit range repr reversed round set setattr slice sorted staticmethod str sum
    super tuple type vars zip
    """.split()
)

# Field names that would shadow something a generated class uses: the builtins its
# annotations name (SPEC), its methods, and the parameters of the methods.
_FIELD_RESERVED = frozenset(
    {"str", "int", "float", "bool", "list", "dict", "object", "to_dict", "from_dict", "self",
     "cls"}
) | IMPORTED_NAMES

_SPLIT_RE = re.compile(r"[^0-9A-Za-z]+")
# A word boundary inside an identifier chunk: lower/digit -> upper (`auth0Id`,
# `emailVerified`), and the last capital of an acronym (`HTTPStatus`).
_BOUNDARY_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def words(name: str) -> list[str]:
    """`auth0Id` -> [auth0, Id]; `HTTPStatus` -> [HTTP, Status]; `content-type` split too.

    Non-ASCII letters and digits are word characters too (`naïveTime` -> [naïve, Time]).
    """
    if not name.isascii():
        return _unicode_words(name)
    out: list[str] = []
    for chunk in _SPLIT_RE.split(name):
        if chunk:
            out.extend(w for w in _BOUNDARY_RE.split(chunk) if w)
    return out


def _unicode_words(name: str) -> list[str]:
    """`words` by Unicode categories: the same boundaries as the ASCII regexes."""
    out: list[str] = []
    for chunk in re.split(r"[\W_]+", name):
        word = ""
        for i, ch in enumerate(chunk):
            prev = chunk[i - 1] if i else ""
            nxt = chunk[i + 1] if i + 1 < len(chunk) else ""
            if word and ch.isupper() and (
                prev.islower() or prev.isdigit() or (prev.isupper() and nxt.islower())
            ):
                out.append(word)
                word = ""
            word += ch
        if word:
            out.append(word)
    return out


def _identifier(joined: str) -> str:
    if not joined.isascii():
        # Python reads identifiers in NFKC; characters no identifier may hold are dropped
        joined = unicodedata.normalize("NFKC", joined)
        joined = "".join(ch for ch in joined if ("a" + ch).isidentifier())
    if not joined:
        return "_"
    if not joined[0].isidentifier():
        return "_" + joined
    return joined


@functools.lru_cache(maxsize=4096)
def _snake(key: str) -> str:
    name = _identifier("_".join(w.lower() for w in words(key)))
    if keyword.iskeyword(name) or name in _FIELD_RESERVED:
        name += "_"
    return name


def field_name(key: str, module_names: frozenset[str] = frozenset()) -> str:
    """The snake_case attribute for JSON key `key` (SPEC Names).

    `module_names` are the module-level names (the user's types) that a field must
    not shadow inside its class, where annotations are resolved.
    """
    name = _snake(key)
    return name + "_" if name in module_names else name


@functools.lru_cache(maxsize=4096)
def member_name(name: str) -> str:
    """UPPER_SNAKE enum member: `UserRegistered` -> `USER_REGISTERED`."""
    return _identifier("_".join(w.upper() for w in words(name)))


def helper_names() -> frozenset[str]:
    """The private module-level names of the runtime helpers (imported lazily)."""
    from .runtime import HELPER_NAMES

    return HELPER_NAMES


def type_name_problem(name: str) -> str | None:
    """Why a declaration (or hoisted class) cannot be named `name` in Python, or None."""
    if not name.isidentifier():
        return f"type name {name!r} is not a valid Python identifier"
    if unicodedata.normalize("NFKC", name) != name:
        normal = unicodedata.normalize("NFKC", name)
        return f"type name {name!r} is read by Python as {normal!r} (NFKC): write it so"
    if name.startswith("__") and name.endswith("__"):
        return f"type name {name!r} is a dunder name, which Python reserves"
    if keyword.iskeyword(name) or name == "_":
        return f"type name {name!r} is a Python keyword"
    if name in BUILTINS:
        return f"type name {name!r} would shadow the Python builtin {name!r}"
    if name in IMPORTED_NAMES or name in PUBLIC_NAMES or name in helper_names():
        return f"type name {name!r} would shadow {name!r}, which the generated Python module uses"
    if name in METHOD_LOCALS or _METHOD_LOCAL_NUMBERED.fullmatch(name):
        return (f"type name {name!r} would be shadowed by the local variable {name!r} of the "
                "generated methods")
    return None


_LEAVES = (ir.Prim, ir.Ref, ir.EnumMemberRef, ir.Literal, ir.Date)


def _objects(t: ir.Type) -> list[ir.Object]:
    """Inline objects inside `t`, outermost first (each one's own fields not included)."""
    if isinstance(t, _LEAVES):  # the common case, before the slower match
        return []
    match t:
        case ir.Object():
            return [t]
        case ir.Array(item=inner) | ir.Map(value=inner):
            return _objects(inner)
        case ir.Union(members=members) | ir.Tuple(items=members):
            return [o for m in members for o in _objects(m)]
        case ir.Prim() | ir.Ref() | ir.EnumMemberRef() | ir.Literal() | ir.Date():
            return []
        case _:
            return []


def hoisted(fields: tuple[ir.Field, ...]) -> list[ir.Object]:
    """The inline object classes of `fields`, depth-first in field order."""
    out: list[ir.Object] = []
    for f in fields:
        for obj in _objects(f.type):
            out.append(obj)
            out.extend(hoisted(obj.fields))
    return out


def _collisions(
    items: Iterable[_Named], convert: Callable[[str], str], what: str, diags: list[Diagnostic]
) -> None:
    """One diagnostic at every item whose converted name an earlier item already has."""
    seen: dict[str, _Named] = {}
    for item in items:
        py = convert(item.name)
        first = seen.setdefault(py, item)
        if first is not item:
            diags.append(Diagnostic(
                f"{what.format(name=repr(item.name))} {py!r}, like "
                f"{first.name!r} (line {first.span.line})", span=item.span,
            ))


def _check_fields(owner: str, fields: tuple[ir.Field, ...], module_names: frozenset[str],
                  diags: list[Diagnostic]) -> None:
    _collisions(fields, lambda name: field_name(name, module_names),
                f"field {{name}} of {owner} becomes the Python attribute", diags)


def _check_members(enum: ir.Enum, diags: list[Diagnostic]) -> None:
    _collisions(enum.members, member_name,
                f"member {{name}} of enum {enum.name} becomes the Python member", diags)


def check(module: ir.Module) -> frozenset[str]:
    """Raise TranspileError with every naming problem of `module` for Python; else
    return its module-level names (`module_level_names`), which the renderer needs too."""
    diags: list[Diagnostic] = []
    date = uses_date(module)
    module_names = module_level_names(module, date)
    for decl in module.decls.values():
        problem = type_name_problem(decl.name)
        if problem is None and date and decl.name == "datetime":
            problem = "type name 'datetime' would shadow the `datetime` that Date fields use"
        if problem is not None:
            diags.append(Diagnostic(problem, span=decl.span))
        match decl:
            case ir.Enum():
                _check_members(decl, diags)
            case ir.Interface():
                _check_fields(decl.name, decl.fields, module_names, diags)
                for obj in hoisted(decl.fields):
                    problem = type_name_problem(obj.name)
                    if problem is not None:
                        diags.append(Diagnostic(problem, span=obj.span))
                    _check_fields(obj.name, obj.fields, module_names, diags)
            case ir.Alias():
                for obj in _objects(decl.type):
                    problem = type_name_problem(obj.name)
                    if problem is not None:
                        diags.append(Diagnostic(problem, span=obj.span))
                    _check_fields(obj.name, obj.fields, module_names, diags)
                    for inner in hoisted(obj.fields):
                        _check_fields(inner.name, inner.fields, module_names, diags)
            case _:
                pass
    _check_union_functions(module, module_names, diags)
    if diags:
        raise TranspileError(diags)
    return module_names


def uses_date(module: ir.Module) -> bool:
    """Whether the module imports `datetime` (a field or type may not then be named so)."""
    return any(isinstance(t, ir.Date) for decl in module.decls.values() for t in walk(decl))


def parse_function(alias: str) -> str:
    """`ClientMessage` -> `parse_client_message`: the decoder of a union alias."""
    return "parse_" + "_".join(w.lower() for w in words(alias))


def union_functions(module: ir.Module) -> list[tuple[ir.Alias, Tagged, str]]:
    """Each union alias with a parse function, and that function's name. A union that
    would be `parse_message` and dispatches exactly as the module's own needs none."""
    return _union_functions(module, parse_function, "parse_message")


def _check_union_functions(
    module: ir.Module, module_names: frozenset[str], diags: list[Diagnostic]
) -> None:
    taken: dict[str, str] = {}
    for alias, _, name in union_functions(module):
        if name in taken:
            owner = f"that of the union {taken[name]}"
        elif name == "parse_message" and module.messages:
            owner = "the module's parse_message (which dispatches over other messages)"
        elif name in module_names or name in helper_names() or name in IMPORTED_NAMES:
            owner = "a name the generated module already defines"
        else:
            taken[name] = alias.name
            continue
        diags.append(Diagnostic(
            f"union {alias.name}: its Python parse function {name} collides with {owner}",
            span=alias.span,
        ))


def module_level_names(module: ir.Module, date: bool | None = None) -> frozenset[str]:
    """Every class or alias name the module defines (declarations and hoisted objects),
    and `datetime` when the module imports it (`date`: `uses_date(module)`, if known)."""
    names: set[str] = set(module.decls)
    if uses_date(module) if date is None else date:
        names.add("datetime")
    for decl in module.decls.values():
        if isinstance(decl, ir.Interface):
            names.update(o.name for o in hoisted(decl.fields))
        elif isinstance(decl, ir.Alias):
            for obj in _objects(decl.type):
                names.add(obj.name)
                names.update(o.name for o in hoisted(obj.fields))
    return frozenset(names)
