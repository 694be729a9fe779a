"""The private helpers that generated modules decode with, as black-formatted source.

Generated classes validate through these small combinators (`_required(obj, key,
path, _list(_str))`) instead of repeating checks inline, so that every error
message of docs/generated-code.md is written exactly once. Only the helpers a
module uses are emitted, with the imports they need, in the fixed order below.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Helper:
    """One module-level helper: its source, the helpers and imports it needs."""

    name: str
    source: str
    needs: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()


# Imports are named "module" (plain `import module`) or "module:name".
HELPERS: tuple[Helper, ...] = (
    Helper("_T", '_T = TypeVar("_T")', imports=("typing:TypeVar",)),
    Helper("_E", '_E = TypeVar("_E", bound=Enum)', imports=("typing:TypeVar", "enum:Enum")),
    Helper("_show", '''\
def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=repr)
    return text if len(text) <= 40 else text[:37] + "..."''', imports=("json", "typing:Any")),
    Helper("_error", '''\
def _error(path: str, expected: str, value: Any) -> ValueError:
    return ValueError(f"{path}: expected {expected}, got {_show(value)}")''',
           needs=("_show",), imports=("typing:Any",)),
    Helper("_at", '''\
def _at(path: str, key: str) -> str:
    return key if path == "$" else f"{path}.{key}"'''),
    Helper("_object", '''\
def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _error(path, "object", value)
    return value''', needs=("_error",), imports=("typing:Any",)),
    Helper("_required", '''\
def _required(
    obj: dict[str, Any], key: str, path: str, decode: Callable[[Any, str], _T]
) -> _T:
    at = _at(path, key)
    if key not in obj:
        raise ValueError(f"{at}: missing")
    return decode(obj[key], at)''', needs=("_T", "_at"),
           imports=("typing:Any", "collections.abc:Callable")),
    Helper("_optional", '''\
def _optional(
    obj: dict[str, Any], key: str, path: str, decode: Callable[[Any, str], _T]
) -> _T | None:
    value = obj.get(key)
    return None if value is None else decode(value, _at(path, key))''',
           needs=("_T", "_at"), imports=("typing:Any", "collections.abc:Callable")),
    Helper("_nullable", '''\
def _nullable(decode: Callable[[Any, str], _T]) -> Callable[[Any, str], _T | None]:
    def run(value: Any, path: str) -> _T | None:
        return None if value is None else decode(value, path)

    return run''', needs=("_T",), imports=("typing:Any", "collections.abc:Callable")),
    Helper("_str", '''\
def _str(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise _error(path, "string", value)
    return value''', needs=("_error",), imports=("typing:Any",)),
    Helper("_float", '''\
def _float(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _error(path, "number", value)
    return value''', needs=("_error",), imports=("typing:Any",)),
    Helper("_bool", '''\
def _bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise _error(path, "boolean", value)
    return value''', needs=("_error",), imports=("typing:Any",)),
    Helper("_null", '''\
def _null(value: Any, path: str) -> None:
    if value is not None:
        raise _error(path, "null", value)''', needs=("_error",), imports=("typing:Any",)),
    Helper("_any", '''\
def _any(value: Any, path: str) -> Any:
    return value''', imports=("typing:Any",)),
    Helper("_list", '''\
def _list(item: Callable[[Any, str], _T]) -> Callable[[Any, str], list[_T]]:
    def run(value: Any, path: str) -> list[_T]:
        if not isinstance(value, list):
            raise _error(path, "array", value)
        return [item(v, f"{path}[{i}]") for i, v in enumerate(value)]

    return run''', needs=("_T", "_error"), imports=("typing:Any", "collections.abc:Callable")),
    Helper("_dict", '''\
def _dict(item: Callable[[Any, str], _T]) -> Callable[[Any, str], dict[str, _T]]:
    def run(value: Any, path: str) -> dict[str, _T]:
        return {k: item(v, _at(path, k)) for k, v in _object(value, path).items()}

    return run''', needs=("_T", "_at", "_object"),
           imports=("typing:Any", "collections.abc:Callable")),
    Helper("_iso", '''\
def _iso(value: datetime) -> str:
    offset = value.utcoffset()
    if offset is not None:
        value = value - offset
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:"
        f"{value.minute:02d}:{value.second:02d}.{value.microsecond // 1000:03d}Z"
    )''', imports=("datetime:datetime",)),
    Helper("_date", '''\
def _date(value: Any, path: str) -> datetime:
    if isinstance(value, str) and len(value) == 24 and value.endswith("Z"):
        try:
            parsed = datetime.fromisoformat(value[:23] + "+00:00")
        except ValueError:
            pass
        else:
            if _iso(parsed) == value:
                return parsed
    raise _error(path, "date", value)''', needs=("_iso", "_error"),
           imports=("typing:Any", "datetime:datetime")),
    Helper("_tuple", '''\
def _tuple(*items: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    def run(value: Any, path: str) -> Any:
        if not isinstance(value, list):
            raise _error(path, "array", value)
        if len(value) != len(items):
            raise _error(path, f"array of {len(items)} items", value)
        return tuple(
            item(v, f"{path}[{i}]") for i, (item, v) in enumerate(zip(items, value))
        )

    return run''', needs=("_error",), imports=("typing:Any", "collections.abc:Callable")),
    Helper("_kind_ok", '''\
def _kind_ok(value: Any, cls: type[Enum]) -> bool:
    if issubclass(cls, int):
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str)''', imports=("typing:Any", "enum:Enum")),
    Helper("_enum", '''\
def _enum(cls: type[_E]) -> Callable[[Any, str], _E]:
    def run(value: Any, path: str) -> _E:
        if not _kind_ok(value, cls):
            raise _error(path, "integer" if issubclass(cls, int) else "string", value)
        try:
            return cls(value)
        except ValueError:
            raise _error(path, cls.__name__, value) from None

    return run''', needs=("_E", "_error", "_kind_ok"),
           imports=("typing:Any", "collections.abc:Callable")),
    Helper("_enums", '''\
def _enums(name: str, *classes: type[Enum]) -> Callable[[Any, str], Any]:
    def run(value: Any, path: str) -> Any:
        kinds = [cls for cls in classes if _kind_ok(value, cls)]
        if not kinds:
            ints = all(issubclass(cls, int) for cls in classes)
            raise _error(path, "integer" if ints else "string", value)
        for cls in kinds:
            try:
                return cls(value)
            except ValueError:
                pass
        raise _error(path, name, value)

    return run''', needs=("_error", "_kind_ok"),
           imports=("typing:Any", "enum:Enum", "collections.abc:Callable")),
    Helper("_same", '''\
def _same(value: Any, option: Any) -> bool:
    return (
        value == option
        and isinstance(value, bool) == isinstance(option, bool)
        and isinstance(value, str) == isinstance(option, str)
    )''', imports=("typing:Any",)),
    Helper("_plain", '''\
def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value''',
           imports=("typing:Any", "enum:Enum")),
    Helper("_literal", '''\
def _literal(*options: Any) -> Callable[[Any, str], Any]:
    def run(value: Any, path: str) -> Any:
        for option in options:
            if _same(value, option):
                return option
        shown = ", ".join(_show(_plain(option)) for option in options)
        raise _error(path, shown if len(options) == 1 else f"one of {shown}", value)

    return run''', needs=("_same", "_show", "_plain", "_error"),
           imports=("typing:Any", "collections.abc:Callable")),
    Helper("_tagged", '''\
def _tagged(
    key: str,
    kind: Callable[[Any, str], Any],
    expected: str,
    cases: dict[Any, Callable[[Any, str], Any]],
) -> Callable[[Any, str], Any]:
    def run(value: Any, path: str) -> Any:
        obj = _object(value, path)
        tag = _required(obj, key, path, kind)
        decode = cases.get(tag)
        if decode is None:
            raise _error(_at(path, key), expected, tag)
        return decode(obj, path)

    return run''', needs=("_object", "_required", "_error", "_at"),
           imports=("typing:Any", "collections.abc:Callable")),
    Helper("_union", '''\
def _union(
    expected: str, *decoders: Callable[[Any, str], Any]
) -> Callable[[Any, str], Any]:
    def run(value: Any, path: str) -> Any:
        for decode in decoders:
            try:
                return decode(value, path)
            except ValueError:
                pass
        raise _error(path, expected, value)

    return run''', needs=("_error",), imports=("typing:Any", "collections.abc:Callable")),
)

BY_NAME: dict[str, Helper] = {h.name: h for h in HELPERS}
HELPER_NAMES = frozenset(BY_NAME)


def closure(used: set[str]) -> list[Helper]:
    """The helpers `used` needs (transitively), in the fixed order of HELPERS."""
    todo = list(used)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(BY_NAME[name].needs)
    return [h for h in HELPERS if h.name in seen]
