"""The `baseUrl` and `paths` of the nearest `tsconfig.json`, `extends` followed.

Read as `tsc` reads it: JSON with comments and trailing commas; a relative
`extends` resolves against the config that declares it (`.json` added when
missing), a package `extends` through `node_modules`; `baseUrl` against the config
declaring it, and `paths` targets against `baseUrl`, or without one against the
config declaring `paths`. Nothing outside the project root is read: an `extends`,
`baseUrl` or `paths` entry pointing outside it is refused at its own location.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import ir
from ..diagnostics import Diagnostic, not_utf8
from .fs import DISK, FileSystem
from .jsonc import JsoncError, Located, parse

MAX_EXTENDS = 20
MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class PathPattern:
    """One `paths` key (`@/*`) and its targets, each a path with at most one `*`."""

    pattern: str
    prefix: str
    suffix: str
    wildcard: bool
    targets: tuple[str, ...]  # absolute, `*` kept, not normalised (normpath after substitution)


@dataclass
class TsConfig:
    path: Path
    base_url: Path | None = None
    patterns: list[PathPattern] = field(default_factory=list)

    def match(self, specifier: str) -> PathPattern | None:
        """The exact pattern, else the matching wildcard with the longest prefix (tsc)."""
        best: PathPattern | None = None
        for p in self.patterns:
            if not p.wildcard:
                if p.pattern == specifier:
                    return p
                continue
            if (
                len(specifier) >= len(p.prefix) + len(p.suffix)
                and specifier.startswith(p.prefix)
                and specifier.endswith(p.suffix)
                and (best is None or len(p.prefix) > len(best.prefix))
            ):
                best = p
        return best


def inside(path: str | Path, root: Path) -> bool:
    """Whether `path`, symlinks resolved, lies in `root` (itself resolved)."""
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return False
    return Path(real).is_relative_to(root)


class ConfigReader:
    """Finds and reads the tsconfig.json for one load; problems go to `errors`."""

    def __init__(
        self,
        root: Path,
        show: Callable[[Path], str],
        errors: list[Diagnostic],
        note: Callable[[str], None],
        fs: FileSystem = DISK,
    ) -> None:
        self.root = root
        self.show = show
        self.errors = errors
        self.note = note
        self.fs = fs

    def nearest(self, start: Path) -> TsConfig | None:
        """The config of the nearest `tsconfig.json` from `start` up to the project root."""
        directory = Path(os.path.abspath(start))
        while True:
            candidate = directory / "tsconfig.json"
            if self._is_file(candidate) and inside(candidate, self.root):
                return self.read(candidate)
            if not inside(directory, self.root) or Path(os.path.realpath(directory)) == self.root:
                return None
            if directory.parent == directory:
                return None
            directory = directory.parent

    def read(self, path: Path) -> TsConfig:
        config = TsConfig(path)
        options: dict[str, tuple[Any, Path, Path]] = {}
        self._collect(path, [], options)
        base_url = options.get("baseUrl")
        if base_url is not None:
            value, directory, declared_in = base_url
            if isinstance(value, str):
                resolved = Path(os.path.normpath(directory / value))
                if self._confined(resolved, value, declared_in, "baseUrl"):
                    config.base_url = resolved
            else:
                self._error(declared_in, value, "`baseUrl` must be a string")
        paths = options.get("paths")
        if paths is not None:
            value, directory, declared_in = paths
            base = config.base_url or directory
            if isinstance(value, dict):
                config.patterns = self._patterns(value, base, declared_in)
            else:
                self._error(declared_in, value, "`paths` must be an object")
        return config

    # -- reading --------------------------------------------------------------------

    def _collect(
        self, path: Path, chain: list[Path], options: dict[str, tuple[Any, Path, Path]]
    ) -> None:
        """Options of `path` over those of what it extends: (value, its dir, its file)."""
        data = self._load(path)
        if not isinstance(data, dict):
            if data is not None:
                self.errors.append(
                    Diagnostic("a tsconfig.json must hold an object", path=self.show(path))
                )
            return
        chain = [*chain, Path(os.path.realpath(path))]
        extends = data.get("extends")
        bases = extends if isinstance(extends, list) else [extends] if extends is not None else []
        for base in bases:
            if not isinstance(base, Located):
                self._error(path, base, "`extends` must be a string or a list of strings")
                continue
            target = self._extends(path, base)
            if target is None:
                continue
            if Path(os.path.realpath(target)) in chain:
                self._error(path, base, f'`extends` "{base}" makes a cycle')
            elif len(chain) > MAX_EXTENDS:
                self._error(path, base, f"too many levels of `extends` (more than {MAX_EXTENDS})")
            else:
                self._collect(target, chain, options)
        compiler = data.get("compilerOptions")
        if isinstance(compiler, dict):
            for key in ("baseUrl", "paths"):
                if key in compiler:
                    options[key] = (compiler[key], path.parent, path)

    def _load(self, path: Path) -> Any:
        try:
            raw = self.fs.read_bytes(path)
        except (OSError, ValueError) as exc:
            self.errors.append(
                Diagnostic(
                    f"cannot read: {getattr(exc, 'strerror', None) or exc}", path=self.show(path)
                )
            )
            return None
        if len(raw) > MAX_BYTES:
            self.errors.append(Diagnostic("too large for a tsconfig.json", path=self.show(path)))
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.errors.append(not_utf8(self.show(path), exc))
            return None
        try:
            return parse(text)
        except JsoncError as exc:
            span = ir.Span(self.show(path), exc.line, exc.col)
            self.errors.append(Diagnostic(f"invalid tsconfig.json: {exc.message}", span=span))
            return None

    def _extends(self, path: Path, value: Located) -> Path | None:
        if "\0" in value or not value:
            self._error(path, value, "`extends` is not a valid path")
            return None
        if value.startswith(("./", "../", "/")) or value in (".", ".."):
            target = Path(os.path.normpath(path.parent / value))
            if not self._confined(target, value, path, "`extends`"):
                return None
            if not self._is_file(target) and not value.endswith(".json"):
                target = target.with_name(target.name + ".json")
            if not self._is_file(target):
                self._error(path, value, f'cannot find the configuration "{value}" extends')
                return None
            return target
        return self._package_config(path, value)

    def _package_config(self, path: Path, value: Located) -> Path | None:
        """`extends: "@tsconfig/node20"`: from node_modules inside the project root."""
        directory = path.parent
        while True:
            modules = directory / "node_modules"
            for candidate in (
                modules / value,
                modules / (value + ".json"),
                modules / value / "tsconfig.json",
            ):
                if self._is_file(candidate):
                    if not self._confined(candidate, value, path, "`extends`"):
                        return None
                    return candidate
            if Path(os.path.realpath(directory)) == self.root or directory.parent == directory:
                break
            directory = directory.parent
        self.note(
            f'{_where(self.show(path), value)}: note: not reading `extends` "{value}" '
            "(not installed in node_modules); only its baseUrl and paths would matter"
        )
        return None

    def _patterns(self, value: dict[str, Any], base: Path, path: Path) -> list[PathPattern]:
        out: list[PathPattern] = []
        for key, targets in value.items():
            assert isinstance(key, Located)
            if key.count("*") > 1:
                self._error(path, key, f'`paths` pattern "{key}" can have at most one `*`')
                continue
            if not isinstance(targets, list):
                self._error(path, key, f'`paths` "{key}" must map to a list of paths')
                continue
            resolved: list[str] = []
            for target in targets:
                if not isinstance(target, Located) or target.count("*") > 1 or "\0" in target:
                    self._error(path, target, "a `paths` target is a path with at most one `*`")
                    continue
                fixed = os.path.normpath(base / target.split("*")[0])
                if self._confined(Path(fixed), target, path, "`paths` entry"):
                    resolved.append(os.path.join(base, target))
            prefix, star, suffix = key.partition("*")
            out.append(PathPattern(str(key), prefix, suffix, bool(star), tuple(resolved)))
        return out

    # -- helpers ----------------------------------------------------------------------

    def _confined(self, target: Path, value: Any, path: Path, what: str) -> bool:
        if inside(target, self.root):
            return True
        self._error(
            path, value, f'{what} "{value}" points outside the project root ({self.root.name}/)'
        )
        return False

    def _is_file(self, path: Path) -> bool:
        try:
            return self.fs.is_file(path)
        except (OSError, ValueError):
            return False

    def _error(self, path: Path, value: Any, message: str) -> None:
        if isinstance(value, Located):
            span = ir.Span(self.show(path), value.line, value.col, value.length)
            self.errors.append(Diagnostic(message, span=span))
        else:
            self.errors.append(Diagnostic(message, path=self.show(path)))


def _where(display: str, value: Located) -> str:
    return f"{display}:{value.line}:{value.col}"
