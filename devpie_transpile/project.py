"""Project mode: the configuration, found from the current directory upwards.

The first directory holding one of these wins (two in one directory is an error):

- `devpie-transpile.toml`: `source` and `[[targets]]` at top level;
- `pyproject.toml` with a `[tool.devpie-transpile]` table;
- `package.json` with a `"devpie-transpile"` object (same keys, JSON).

The nearest `package.json` at or above the configuration supplies the Python
defaults (`version`, the distribution name). A bad configuration is an error
located at the offending key, like any bad input.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from .backends import (
    GO_MIN_VERSION,
    LANGS,
    Target,
    distribution_name,
    main_file,
    module_path_problem,
    package_problem,
    valid_distribution,
)
from .diagnostics import Diagnostic, TranspileError, not_utf8
from .ir import Span
from .output import MARKER, first_line

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

TOML_FILE = "devpie-transpile.toml"
PYPROJECT = "pyproject.toml"
PACKAGE_JSON = "package.json"
KEY = "devpie-transpile"
SOURCE_KEYS = ("source", "targets")
TARGET_KEYS = (
    "lang", "out", "package", "distribution", "version", "module", "quicktype_compat"
)  # fmt: skip

Layout = Literal["package", "module-file", "file"]
"""`package`: the complete package in `out`; `module-file`: Go's `<package>.go` alone,
into the existing module holding `out`; `file`: `out` is the `.py`/`.go` file itself."""


@dataclass(frozen=True, slots=True)
class OutTarget:
    """A target of the config: what to render and where its files go."""

    target: Target
    out: Path
    layout: Layout = "package"

    def names(self) -> tuple[str, ...]:
        """The files this target writes, relative to `out` ('' for `out` itself)."""
        if self.layout == "file":
            return ("",)
        if self.layout == "module-file":
            return (f"{self.target.package}.go",)
        if self.target.lang == "go":
            return ("go.mod", main_file(self.target))
        return ("pyproject.toml", main_file(self.target), f"{self.target.package}/py.typed")

    def paths(self) -> tuple[Path, ...]:
        return tuple(self.out / name if name else self.out for name in self.names())


@dataclass(frozen=True, slots=True)
class Project:
    """A loaded config: paths are absolute; `root` is the directory of the config file."""

    root: Path
    source: Path
    targets: tuple[OutTarget, ...]


# --- finding the configuration ---------------------------------------------------------


def _has_pyproject_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    table = re.compile(r"^\s*\[+\s*tool\s*\.\s*[\"']?devpie-transpile\b", re.MULTILINE)
    return table.search(text) is not None


def _has_package_json_key(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        data = json.loads(text)
    except ValueError:  # broken: a candidate when it names the key, so the error is shown
        return f'"{KEY}"' in text
    return isinstance(data, dict) and KEY in data


def configs_in(directory: Path) -> list[Path]:
    """The configuration files of `directory` (more than one is an error)."""
    found = []
    if (directory / TOML_FILE).is_file():
        found.append(directory / TOML_FILE)
    if (directory / PYPROJECT).is_file() and _has_pyproject_table(directory / PYPROJECT):
        found.append(directory / PYPROJECT)
    if (directory / PACKAGE_JSON).is_file() and _has_package_json_key(directory / PACKAGE_JSON):
        found.append(directory / PACKAGE_JSON)
    return found


def find_config(start: Path, display: Callable[[Path], str]) -> Path | None:
    """The configuration of the nearest directory upwards from `start` that has one."""
    for directory in (start, *start.parents):
        found = configs_in(directory)
        if len(found) > 1:
            names = " and ".join(display(p) for p in found)
            raise TranspileError(
                Diagnostic(
                    f"two devpie-transpile configurations in one directory: {names}; keep one",
                    path=display(found[0]),
                )
            )
        if found:
            return found[0]
    return None


# --- locating keys for errors ----------------------------------------------------------


class Where(Protocol):
    def span(self, key: str | None, target: int | None = None) -> Span: ...


class _TomlWhere:
    """Finds the line of a key in TOML text (tomllib has no spans)."""

    def __init__(self, display: str, text: str, table: str) -> None:
        self.display = display
        self.lines = text.splitlines()
        if table:
            name = r"tool\s*\.\s*[\"']?devpie-transpile[\"']?\s*"
            self.targets_re = re.compile(r"\s*\[\[\s*" + name + r"\.\s*targets\s*\]\]")
            self.table_re: re.Pattern[str] | None = re.compile(r"\s*\[\s*" + name + r"\]")
        else:
            self.targets_re = re.compile(r"\s*\[\[\s*targets\s*\]\]")
            self.table_re = None

    def span(self, key: str | None, target: int | None = None) -> Span:
        start = -1
        if target is None:
            if self.table_re is not None:
                start = next((i for i, ln in enumerate(self.lines) if self.table_re.match(ln)), 0)
        else:
            starts = [i for i, ln in enumerate(self.lines) if self.targets_re.match(ln)]
            start = starts[target] if target < len(starts) else 0
        if key is not None:
            for i in range(start + 1, len(self.lines)):
                line = self.lines[i]
                if line.lstrip().startswith("["):
                    break
                match = re.match(rf"(\s*)([\"']?{re.escape(key)}[\"']?)\s*=", line)
                if match:
                    return Span(self.display, i + 1, len(match.group(1)) + 1, len(match.group(2)))
        start = max(start, 0)
        line = self.lines[start] if start < len(self.lines) else ""
        return Span(
            self.display, start + 1, len(line) - len(line.lstrip()) + 1, max(1, len(line.strip()))
        )


_WS = re.compile(r"[ \t\n\r]*")


def _scanstring(text: str, end: int) -> tuple[str, int]:
    """A JSON string's value and the offset after its closing quote (json's own scanner)."""
    value, after = json.decoder.scanstring(text, end)  # type: ignore[attr-defined]
    return str(value), int(after)

_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")


class _JsonWhere:
    """Spans of every key and array element of a JSON text, found by one scan."""

    def __init__(self, display: str, text: str, prefix: tuple[str | int, ...] = ()) -> None:
        self.display = display
        self.text = text
        self.prefix = prefix
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.spans: dict[tuple[str | int, ...], tuple[int, int]] = {}
        # the text was parsed by json first: a scan error is not reached
        with contextlib.suppress(ValueError, IndexError):
            self._value(self._skip(0), ())

    def _skip(self, pos: int) -> int:
        match = _WS.match(self.text, pos)
        return match.end() if match else pos

    def _value(self, pos: int, path: tuple[str | int, ...]) -> int:
        text = self.text
        if text[pos] == "{":
            pos = self._skip(pos + 1)
            while text[pos] != "}":
                key, end = _scanstring(text, pos + 1)
                child: tuple[str | int, ...] = (*path, key)
                self.spans[child] = (pos, end - pos)
                pos = self._value(self._skip(self._skip(end) + 1), child)
                pos = self._skip(pos)
                if text[pos] == ",":
                    pos = self._skip(pos + 1)
            return pos + 1
        if text[pos] == "[":
            pos = self._skip(pos + 1)
            index = 0
            while text[pos] != "]":
                item: tuple[str | int, ...] = (*path, index)
                self.spans[item] = (pos, 1)
                pos = self._skip(self._value(pos, item))
                if text[pos] == ",":
                    pos = self._skip(pos + 1)
                index += 1
            return pos + 1
        if text[pos] == '"':
            return _scanstring(text, pos + 1)[1]
        match = _SCALAR.match(text, pos)
        if match is None:
            raise ValueError(pos)
        return match.end()

    def at(self, path: tuple[str | int, ...]) -> Span:
        offset, length = self.spans.get(path, (0, 1))
        line = bisect_right(self.starts, offset)
        return Span(self.display, line, offset - self.starts[line - 1] + 1, length)

    def span(self, key: str | None, target: int | None = None) -> Span:
        path: tuple[str | int, ...] = self.prefix
        if target is not None:
            path = (*path, "targets", target)
        if key is not None and (*path, key) in self.spans:
            return self.at((*path, key))
        return self.at(path) if path in self.spans else self.at(self.prefix)


# --- reading ---------------------------------------------------------------------------


def _read_text(path: Path, display: str) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise TranspileError(Diagnostic("no such file", path=display)) from None
    except IsADirectoryError:
        raise TranspileError(Diagnostic("is a directory, expected a file", path=display)) from None
    except UnicodeDecodeError as exc:
        raise TranspileError(not_utf8(display, exc)) from None
    except OSError as exc:
        raise TranspileError(Diagnostic(f"cannot read: {exc.strerror}", path=display)) from None


def _parse_json(text: str, display: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        span = Span(display, exc.lineno, exc.colno)
        raise TranspileError(Diagnostic(f"invalid JSON: {exc.msg}", span=span)) from None


def _parse_toml(text: str, display: str) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(text)
        return data
    except tomllib.TOMLDecodeError as exc:
        line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        message = f"invalid TOML: {getattr(exc, 'msg', str(exc))}"
        if line and col:
            raise TranspileError(Diagnostic(message, span=Span(display, line, col))) from None
        raise TranspileError(Diagnostic(message, path=display)) from None


def _read_config(config: Path, display: str) -> tuple[Any, Where, str]:
    """The configuration's table, its locator and how to name the table in messages."""
    text = _read_text(config, display)
    if config.name == PACKAGE_JSON:
        data = _parse_json(text, display)
        where_json = _JsonWhere(display, text, (KEY,))
        if not isinstance(data, dict) or KEY not in data:
            raise TranspileError(Diagnostic(f'no "{KEY}" object', path=display))
        if not isinstance(data[KEY], dict):
            raise TranspileError(Diagnostic(f'"{KEY}" must be an object', where_json.at((KEY,))))
        return data[KEY], where_json, f'"{KEY}"'
    data = _parse_toml(text, display)
    if config.name == PYPROJECT:
        table = data.get("tool", {}).get(KEY)
        if not isinstance(table, dict):
            raise TranspileError(Diagnostic(f"no [tool.{KEY}] table", path=display))
        return table, _TomlWhere(display, text, f"tool.{KEY}"), f"[tool.{KEY}]"
    return data, _TomlWhere(display, text, ""), display


@dataclass
class _Defaults:
    """What the nearest package.json says, read only when a target needs it."""

    start: Path
    display: Callable[[Path], str]
    loaded: bool = False
    version: tuple[str, Span] | None = None
    name: tuple[str, Span] | None = None

    def load(self) -> None:
        if self.loaded:
            return
        self.loaded = True
        for directory in (self.start, *self.start.parents):
            path = directory / PACKAGE_JSON
            if path.is_file():
                shown = self.display(path)
                text = _read_text(path, shown)
                data = _parse_json(text, shown)
                where = _JsonWhere(shown, text)
                if isinstance(data, dict):
                    for key in ("version", "name"):
                        if isinstance(data.get(key), str):
                            setattr(self, key, (data[key], where.at((key,))))
                return


# PEP 440, the regex of its appendix (case-insensitive).
_PEP440 = re.compile(
    r"v?(?:(?:[0-9]+)!)?[0-9]+(?:\.[0-9]+)*"
    r"(?:[-_\.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_\.]?(?:[0-9]+)?)?"
    r"(?:-(?:[0-9]+)|[-_\.]?(?:post|rev|r)[-_\.]?(?:[0-9]+)?)?"
    r"(?:[-_\.]?(?:dev)[-_\.]?(?:[0-9]+)?)?"
    r"(?:\+[a-z0-9]+(?:[-_\.][a-z0-9]+)*)?",
    re.IGNORECASE,
)

def load_project(config: Path, display: Callable[[Path], str]) -> Project:
    """Read and validate the config file; every problem is a located diagnostic."""
    shown = display(config)
    table, where, name = _read_config(config, shown)
    root = config.parent.resolve()
    problems: list[Diagnostic] = []
    for key in table:
        if key not in SOURCE_KEYS:
            problems.append(
                Diagnostic(
                    f"unknown key {key!r} in {name} (expected one of: source, targets)",
                    where.span(key),
                )
            )
    source = table.get("source")
    if not isinstance(source, str) or not source:
        problems.append(
            Diagnostic(
                f"{name} needs 'source', the entry .ts file",
                where.span("source" if "source" in table else None),
            )
        )
    raw_targets = table.get("targets")
    if not isinstance(raw_targets, list) or not raw_targets:
        problems.append(
            Diagnostic(f"{name} needs at least one target ('targets')", where.span(None))
        )
        raw_targets = []
    defaults = _Defaults(root, display)
    targets: list[OutTarget] = []
    for index, raw in enumerate(raw_targets):
        target = _target(raw, index, root, where, problems, defaults, display)
        if target is not None:
            targets.append(target)
    owners: dict[Path, int] = {}
    for index, item in enumerate(targets):
        for path in item.paths():
            if path in owners and owners[path] != index:
                problems.append(
                    Diagnostic(
                        f"two targets write {path.relative_to(root).as_posix()!r}",
                        where.span("out", index),
                    )
                )
            owners[path] = index
    if problems:
        raise TranspileError(problems)
    assert isinstance(source, str)
    return Project(root=root, source=root / source, targets=tuple(targets))


def _target(
    raw: Any,
    index: int,
    root: Path,
    where: Where,
    problems: list[Diagnostic],
    defaults: _Defaults,
    display: Callable[[Path], str],
) -> OutTarget | None:
    if not isinstance(raw, dict):
        problems.append(Diagnostic("a target must be a table (an object)", where.span(None, index)))
        return None

    def problem(message: str, key: str | None) -> None:
        problems.append(Diagnostic(message, where.span(key if key in raw else None, index)))

    before = len(problems)
    for key in raw:
        if key not in TARGET_KEYS:
            allowed = ", ".join(TARGET_KEYS)
            problem(f"unknown key {key!r} in a target (expected one of: {allowed})", key)
    lang = raw.get("lang")
    if lang not in LANGS:
        problem(f"'lang' must be one of: {', '.join(LANGS)}", "lang")
    for key in ("out", "package"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            problem(f"a target needs '{key}' (a non-empty string)", key)
    for key in ("module", "version", "distribution"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key]):
            problem(f"'{key}' must be a non-empty string", key)
    if "quicktype_compat" in raw and not isinstance(raw["quicktype_compat"], bool):
        problem("'quicktype_compat' must be true or false", "quicktype_compat")
    if len(problems) > before:
        return None
    owners = (("module", "go"), ("version", "python"), ("distribution", "python"))
    for key, owner in (*owners, ("quicktype_compat", "go")):
        if key in raw and lang != owner:
            problem(f"'{key}' is for a {owner} target, not a {lang} one", key)
    package: str = raw["package"]
    assert isinstance(lang, str)
    if (why := package_problem(lang, package)) is not None:
        problem(f"'package': {why}", "package")
    if "module" in raw and (why := module_path_problem(raw["module"])) is not None:
        problem(why, "module")
    if "distribution" in raw and not valid_distribution(raw["distribution"]):
        problem(
            f"{raw['distribution']!r} is not a valid distribution name (letters, digits, "
            "'-._', starting and ending with a letter or digit)",
            "distribution",
        )
    if "version" in raw and not _PEP440.fullmatch(raw["version"]):
        problem(f"{raw['version']!r} is not a valid Python version (PEP 440)", "version")
    if len(problems) > before:
        return None

    out = (root / raw["out"]).resolve()
    if out != root and root not in out.parents:
        problem("'out' must be inside the project directory (symlinks resolved)", "out")
        return None
    is_file = raw["out"].endswith(".go" if lang == "go" else ".py")
    if lang == "python":
        if is_file:
            for key in ("version", "distribution"):
                if key in raw:
                    problem(f"'{key}' is for a package directory; a .py 'out' is the module", key)
            if len(problems) > before:
                return None
            return OutTarget(Target("python", package), out, "file")
        return _python_target(raw, package, out, problem, defaults)

    go_mod = _module_above(out.parent if is_file else out, root)
    if go_mod is not None:
        _check_go_mod(go_mod, display, problems)
        if "module" in raw:
            problem(
                f"'module' is only for a new module: {display(go_mod)} already declares one "
                "(the target writes into it)",
                "module",
            )
    elif is_file and "module" in raw:
        problem("'module' is for a package directory; a .go 'out' is the file alone", "module")
    elif not is_file and "module" not in raw:
        problem(
            "a go target needs 'module' (the Go module path for its go.mod): "
            "no go.mod at or above 'out'",
            None,
        )
    if len(problems) > before:
        return None
    layout: Layout = "file" if is_file else "module-file" if go_mod is not None else "package"
    compat = bool(raw.get("quicktype_compat", False))
    return OutTarget(Target("go", package, raw.get("module"), quicktype_compat=compat), out, layout)


def _python_target(
    raw: dict[str, Any],
    package: str,
    out: Path,
    problem: Callable[[str, str | None], None],
    defaults: _Defaults,
) -> OutTarget | None:
    version = raw.get("version")
    distribution = raw.get("distribution")
    if version is None or distribution is None:
        defaults.load()
    if version is None and defaults.version is not None:
        version, span = defaults.version
        if not _PEP440.fullmatch(version):
            problem(
                f"package.json's version {version!r} (at {span}) is not a valid Python "
                "version (PEP 440): set 'version' in this target",
                None,
            )
            return None
    if distribution is None:
        if defaults.name is not None:
            npm, span = defaults.name
            distribution = distribution_name(npm)
            if distribution is None:
                problem(
                    f"no distribution name can be made from package.json's name {npm!r} "
                    f"(at {span}): set 'distribution' in this target",
                    None,
                )
                return None
        elif distribution_name(package) is None:
            problem(
                f"no distribution name can be made from {package!r}: set 'distribution'",
                "package",
            )
            return None
    target = Target("python", package, None, version or "0.0.0", distribution)
    return OutTarget(target, out, "package")


def _module_above(start: Path, root: Path) -> Path | None:
    """The go.mod a Go package at `start` belongs to (not one this tool generated)."""
    for directory in (start, *start.parents):
        candidate = directory / "go.mod"
        if candidate.is_file() and MARKER not in first_line(candidate):
            return candidate
        if directory == root:
            return None
    return None


def _check_go_mod(go_mod: Path, display: Callable[[Path], str], problems: list[Diagnostic]) -> None:
    shown = display(go_mod)
    try:
        text = _read_text(go_mod, shown)
    except TranspileError as exc:
        problems.extend(exc.diagnostics)
        return
    need = ".".join(map(str, GO_MIN_VERSION))
    for number, line in enumerate(text.split("\n"), 1):
        match = re.match(r"(\s*)go\s+(\d+)\.(\d+)", line)
        if match:
            if (int(match.group(2)), int(match.group(3))) < GO_MIN_VERSION:
                col = len(match.group(1)) + 1
                problems.append(
                    Diagnostic(
                        f"the generated Go needs go {need} or later (omitzero struct tags); "
                        f"raise this 'go' directive (go mod edit -go={need})",
                        Span(shown, number, col, len(line.strip())),
                    )
                )
            return
    problems.append(
        Diagnostic(
            f"no 'go' directive: the generated Go needs go {need} or later "
            f"(go mod edit -go={need})",
            Span(shown, 1, 1, 1),
        )
    )


# --- stale files -----------------------------------------------------------------------


def _has_header(path: Path) -> bool:
    line = first_line(path)
    return MARKER in line and "DO NOT EDIT" in line


def stale_files(items: Iterable[OutTarget], keep: set[Path]) -> list[Path]:
    """Files under the targets' `out` that this tool generated but generates no more.

    Only where the tool writes: `out` itself and, for Python, its package
    directories; a file counts as generated by its header (a `py.typed` by the
    generated `__init__.py` beside it). Symlinks are never followed.
    """
    found: list[Path] = []
    for item in items:
        if item.layout == "file" or not _real_dir(item.out):
            continue
        for entry in sorted(item.out.iterdir()):
            if entry in keep:
                continue
            if _has_header(entry):
                found.append(entry)
            elif item.target.lang == "python" and _real_dir(entry):
                generated_package = _has_header(entry / "__init__.py")
                for sub in sorted(entry.iterdir()):
                    if sub in keep:
                        continue
                    if _has_header(sub) or (
                        sub.name == "py.typed" and generated_package and first_line(sub) == ""
                        and sub.is_file() and not sub.is_symlink() and sub.stat().st_size == 0
                    ):
                        found.append(sub)
    return sorted(set(found))


def _real_dir(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()
