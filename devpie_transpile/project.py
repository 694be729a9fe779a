"""Project mode: the `[tool.devpie-transpile]` table of `pyproject.toml`.

    [tool.devpie-transpile]
    source = "src/index.ts"
    [[tool.devpie-transpile.targets]]
    lang = "go"
    out = "out/go"
    package = "events"
    module = "github.com/example/events"

A bad table is an error located at the offending key, like any bad input.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .backends import LANGS, Target
from .diagnostics import Diagnostic, TranspileError
from .ir import Span

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

TABLE = "tool.devpie-transpile"
SOURCE_KEYS = {"source", "targets"}
TARGET_KEYS = {"lang", "out", "package", "module", "version"}


@dataclass(frozen=True, slots=True)
class OutTarget:
    """A target of the config: what to render and the package directory it goes to."""

    target: Target
    out: Path


@dataclass(frozen=True, slots=True)
class Project:
    """A loaded config: paths are absolute; `root` is the directory of the config file."""

    root: Path
    source: Path
    targets: tuple[OutTarget, ...]


def find_config(start: Path) -> Path | None:
    """The nearest `pyproject.toml` with a `[tool.devpie-transpile]` table, upwards from start."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if re.search(r"^\s*\[+\s*tool\.devpie-transpile\b", text, re.MULTILINE):
                return candidate
    return None


class _Locator:
    """Finds the line of a key in the TOML text, for located errors (tomllib has no spans)."""

    def __init__(self, display: str, text: str) -> None:
        self.display = display
        self.lines = text.splitlines()

    def _section_starts(self) -> list[int]:
        return [
            i
            for i, line in enumerate(self.lines)
            if re.match(r"\s*\[\[\s*tool\.devpie-transpile\.targets\s*\]\]", line)
        ]

    def span(self, key: str | None, target: int | None = None) -> Span:
        start = 0
        if target is None:
            for i, line in enumerate(self.lines):
                if re.match(r"\s*\[\s*tool\.devpie-transpile\s*\]", line):
                    start = i
                    break
        else:
            starts = self._section_starts()
            start = starts[target] if target < len(starts) else 0
        if key is not None:
            for i in range(start + 1, len(self.lines)):
                line = self.lines[i]
                if line.lstrip().startswith("["):
                    break
                match = re.match(rf"(\s*)(\"?{re.escape(key)}\"?)\s*=", line)
                if match:
                    return Span(self.display, i + 1, len(match.group(1)) + 1, len(match.group(2)))
        line = self.lines[start] if start < len(self.lines) else ""
        return Span(
            self.display, start + 1, len(line) - len(line.lstrip()) + 1, max(1, len(line.strip()))
        )


def load_project(config: Path, display: str) -> Project:
    """Read and validate the config file; every problem is a located diagnostic."""
    try:
        text = config.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise TranspileError(Diagnostic("no such file", path=display)) from None
    except UnicodeDecodeError as exc:
        raise TranspileError(
            Diagnostic(f"not UTF-8 (byte offset {exc.start})", path=display)
        ) from None
    except OSError as exc:
        raise TranspileError(Diagnostic(f"cannot read: {exc.strerror}", path=display)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        message = f"invalid TOML: {getattr(exc, 'msg', str(exc))}"
        if line and col:
            raise TranspileError(Diagnostic(message, span=Span(display, line, col))) from None
        raise TranspileError(Diagnostic(message, path=display)) from None
    where = _Locator(display, text)
    table: Any = data.get("tool", {}).get("devpie-transpile")
    if not isinstance(table, dict):
        raise TranspileError(Diagnostic(f"no [{TABLE}] table", path=display))

    problems: list[Diagnostic] = []
    for key in table:
        if key not in SOURCE_KEYS:
            problems.append(
                Diagnostic(
                    f"unknown key {key!r} in [{TABLE}] (expected one of: source, targets)",
                    where.span(key),
                )
            )
    source = table.get("source")
    if not isinstance(source, str) or not source:
        problems.append(
            Diagnostic(
                f"[{TABLE}] needs 'source', the entry .ts file",
                where.span("source" if "source" in table else None),
            )
        )
    raw_targets = table.get("targets")
    if not isinstance(raw_targets, list) or not raw_targets:
        problems.append(
            Diagnostic(f"[{TABLE}] needs at least one [[{TABLE}.targets]]", where.span(None))
        )
        raw_targets = []
    root = config.parent.resolve()
    targets: list[OutTarget] = []
    for index, raw in enumerate(raw_targets):
        target = _target(raw, index, root, where, problems)
        if target is not None:
            targets.append(target)
    outs: dict[Path, int] = {}
    for index, item in enumerate(targets):
        if item.out in outs:
            problems.append(
                Diagnostic(
                    f"two targets write to {item.out.relative_to(root).as_posix()!r}",
                    where.span("out", index),
                )
            )
        outs[item.out] = index
    if problems:
        raise TranspileError(problems)
    assert isinstance(source, str)
    return Project(root=root, source=root / source, targets=tuple(targets))


def _target(
    raw: Any, index: int, root: Path, where: _Locator, problems: list[Diagnostic]
) -> OutTarget | None:
    if not isinstance(raw, dict):
        problems.append(Diagnostic("a target must be a table", where.span(None, index)))
        return None
    before = len(problems)
    for key in raw:
        if key not in TARGET_KEYS:
            allowed = ", ".join(sorted(TARGET_KEYS))
            problems.append(
                Diagnostic(
                    f"unknown key {key!r} in a target (expected one of: {allowed})",
                    where.span(key, index),
                )
            )
    lang = raw.get("lang")
    if lang not in LANGS:
        problems.append(
            Diagnostic(
                f"'lang' must be one of: {', '.join(LANGS)}",
                where.span("lang" if "lang" in raw else None, index),
            )
        )
    for key in ("out", "package"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            problems.append(
                Diagnostic(
                    f"a target needs '{key}' (a non-empty string)",
                    where.span(key if key in raw else None, index),
                )
            )
    for key in ("module", "version"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key]):
            problems.append(
                Diagnostic(f"'{key}' must be a non-empty string", where.span(key, index))
            )
    if "module" in raw and lang == "python":
        problems.append(
            Diagnostic(
                "'module' is the Go module path; a python target has none",
                where.span("module", index),
            )
        )
    if "version" in raw and lang == "go":
        problems.append(
            Diagnostic(
                "'version' is the Python distribution's version; a go target has none",
                where.span("version", index),
            )
        )
    if len(problems) > before:
        return None
    out = (root / raw["out"]).resolve()
    if out != root and root not in out.parents:
        problems.append(
            Diagnostic("'out' must be inside the project directory", where.span("out", index))
        )
        return None
    version = raw.get("version", "0.1.0")
    return OutTarget(Target(lang, raw["package"], raw.get("module"), version), out)  # type: ignore[arg-type]
