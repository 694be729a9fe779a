"""Where a module specifier leads, as `tsc` resolves it for a bundler/node16 project.

- relative (`./x`, `../x`, `.`, `/abs`): `x.ts`, `x.tsx`, `x.d.ts`, then
  `x/index.ts`, `x/index.tsx`, `x/index.d.ts`; a specifier ending in a TypeScript
  extension names its file; `.js`/`.jsx`/`.mjs`/`.cjs` reach their TypeScript
  source (`.ts`/`.tsx`/`.d.ts`, `.mts`/`.d.mts`, `.cts`/`.d.cts`);
- anything else through `paths` of the nearest tsconfig.json (the exact pattern,
  else the wildcard with the longest prefix; its targets in order), then
  `baseUrl`; what neither reaches is an npm package, never followed.

Nothing outside the project root is read, and no specifier, however hostile
(NUL bytes, 300 characters, symlink loops, unreadable directories), raises:
each failure is a message for the caller to locate at the specifier.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from .fs import DISK, Disk, FileSystem
from .tsconfig import ConfigReader, TsConfig, inside

MAX_SPECIFIER = 1024

TS_EXTENSIONS = (".d.ts", ".d.mts", ".d.cts", ".ts", ".tsx", ".mts", ".cts")
JS_TO_TS = {
    ".js": (".ts", ".tsx", ".d.ts"),
    ".jsx": (".tsx", ".d.ts"),
    ".mjs": (".mts", ".d.mts"),
    ".cjs": (".cts", ".d.cts"),
}
IMPLICIT = (".ts", ".tsx", ".d.ts")
INDEX = tuple("index" + ext for ext in IMPLICIT)
_PACKAGE = re.compile(r"^(?:@[\w.~-]+/)?[\w.~-][\w.~-]*$", re.ASCII)


@dataclass(frozen=True)
class Found:
    path: Path


@dataclass(frozen=True)
class Package:
    """A bare specifier that names an npm package (`nats`, `@scope/pkg`)."""

    name: str


@dataclass(frozen=True)
class Problem:
    message: str
    missing: bool = False  # no candidate exists (another way of resolving may follow)


Resolution = Found | Package | Problem


def quoted(text: str, limit: int = 60) -> str:
    """`text` in double quotes for a message: control characters escaped, long text cut."""
    shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)
    if len(shown) > limit:
        shown = shown[: limit - 3] + "..."
    return f'"{shown}"'


def is_relative(specifier: str) -> bool:
    return specifier in (".", "..") or specifier.startswith(("./", "../", "/"))


def package_name(specifier: str) -> str | None:
    """`@scope/pkg/sub` -> `@scope/pkg`, `nats/x` -> `nats`; None if not a package name."""
    if specifier.startswith("node:"):
        return specifier
    parts = specifier.split("/")
    name = "/".join(parts[:2]) if specifier.startswith("@") else parts[0]
    return name if _PACKAGE.match(name) and not name.startswith(".") else None


class ModuleResolver:
    """Resolves the specifiers of one load (the tsconfig.json is read on first need)."""

    def __init__(
        self,
        root: Path,
        entry: Path,
        show: Callable[[Path], str],
        errors: list[Diagnostic],
        note: Callable[[str], None],
        fs: FileSystem = DISK,
    ) -> None:
        self.root = Path(os.path.realpath(root))
        self.entry = entry
        self.show = show
        self.fs = fs
        self.configs = ConfigReader(self.root, show, errors, note, fs)
        self._config: TsConfig | None = None
        self._config_read = False

    def config(self) -> TsConfig | None:
        if not self._config_read:
            self._config_read = True
            self._config = self.configs.nearest(self.entry.parent)
        return self._config

    def resolve(self, importer: Path, specifier: str) -> Resolution:
        if not specifier:
            return Problem("empty module specifier")
        if "\0" in specifier:
            return Problem("module specifier contains a NUL character")
        if len(specifier) > MAX_SPECIFIER:
            return Problem(f"module specifier is too long ({len(specifier)} characters)")
        if is_relative(specifier):
            return self._lookup(os.path.join(importer.parent, specifier), specifier)
        config = self.config()
        matched = False
        if config is not None:
            pattern = config.match(specifier)
            if pattern is not None:
                matched = True
                captured = specifier[len(pattern.prefix) : len(specifier) - len(pattern.suffix)]
                tried: list[str] = []
                for target in pattern.targets:
                    found = self._lookup(target.replace("*", captured, 1), specifier, tried)
                    if not isinstance(found, Problem) or not found.missing:
                        return found
                if pattern.pattern != "*" or not pattern.targets:
                    via = f'`paths` "{pattern.pattern}" of {self.show(config.path)}'
                    where = (
                        f"tried {', '.join(tried)}"
                        if tried
                        else "it has no target inside the project"
                    )
                    return Problem(
                        f"cannot find module {quoted(specifier)} through {via} ({where})", True
                    )
            if config.base_url is not None and not matched:
                found = self._lookup(os.path.join(config.base_url, specifier), specifier)
                if not isinstance(found, Problem) or not found.missing:
                    return found
        name = package_name(specifier)
        if name is None:
            hint = (
                "no `paths` of a tsconfig.json maps it"
                if config is None or not config.patterns
                else f"no `paths` of {self.show(config.path)} maps it"
            )
            return Problem(f"cannot find module {quoted(specifier)} ({hint})", True)
        return Package(name)

    # -- files ----------------------------------------------------------------------

    def _lookup(self, joined: str, specifier: str, tried: list[str] | None = None) -> Resolution:
        """The first candidate file for `joined` (a path as written, not normalised)."""
        tried = [] if tried is None else tried
        failure: str | None = None
        for candidate in candidates(joined):
            if not inside(candidate, self.root):
                return Problem(
                    f"{quoted(specifier)} is outside the project root ({self.root.name}/)"
                )
            tried.append(quoted(self.show(candidate))[1:-1])
            kind = probe(candidate, self.fs)
            if kind == "file":
                return Found(candidate)
            if kind not in ("missing", "other") and failure is None:
                failure = f"cannot read {quoted(self.show(candidate))[1:-1]}: {kind}"
        if failure is not None:
            return Problem(f"{quoted(specifier)}: {failure}")
        return Problem(f"cannot find module {quoted(specifier)} (tried {', '.join(tried)})", True)


def candidates(joined: str) -> list[Path]:
    """Where the module `joined` may live, in tsc's order."""
    directory_only = joined.endswith("/") or os.path.basename(joined) in (".", "..")
    target = os.path.normpath(joined)
    found: list[Path] = []
    if not directory_only:
        name = os.path.basename(target)
        if name.endswith(TS_EXTENSIONS):
            return [Path(target)]
        stem, ext = os.path.splitext(target)
        if ext in JS_TO_TS:
            found.extend(Path(stem + ts) for ts in JS_TO_TS[ext])
        else:
            found.extend(Path(target + ts) for ts in IMPLICIT)
    found.extend(Path(target) / index for index in INDEX)
    return found


def probe(path: Path, fs: FileSystem = DISK) -> str:
    """`file`, `missing`, `other` (a directory, a FIFO...) or why it cannot be read."""
    if not isinstance(fs, Disk):  # another tree (a git revision): no stat to ask
        try:
            return "file" if fs.is_file(path) else "missing"
        except (OSError, ValueError):
            return "missing"
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of symbolic links"
        if exc.errno == errno.ENAMETOOLONG:
            return "file name too long"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "permission denied"
        return exc.strerror or "unreadable"
    except ValueError:
        return "not a valid path"
    return "file" if stat.S_ISREG(info.st_mode) else "other"
