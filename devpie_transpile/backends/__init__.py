"""Backends: one per target language, each `render(module, target) -> {path: text}`.

A backend sees only the IR (`ir.Module`) and a `Target`; it returns every file of
a complete package, keyed by `/`-separated paths relative to the package directory
(`render_parts`: each text as the list of parts it joins, for the writers).
The CLI, check mode and pre-commit hook work only on that mapping. Backends are
imported lazily so that a Go run never imports black.
"""

from __future__ import annotations

import keyword
import re
import sys
import unicodedata
from dataclasses import dataclass
from importlib import import_module
from typing import Literal, TypeAlias, get_args

from ..ir import Module

Lang: TypeAlias = Literal["python", "go"]
LANGS: tuple[str, ...] = get_args(Lang)

GO_MIN_VERSION = (1, 24)
"""The `go` directive the generated Go needs: `omitzero` struct tags arrived in Go 1.24."""


@dataclass(frozen=True, slots=True)
class Target:
    """What to generate: a language and the package's names.

    `package`: the Python import package / Go package name. `module`: the Go module
    path for `go.mod`. `version` and `distribution`: the Python distribution's
    version and name (default: the package name with `-`, see `distribution_name`).
    `quicktype_compat`: Go also gets quicktype's `UnmarshalX`/`Marshal` (go/compat.py).
    """

    lang: Lang
    package: str
    module: str | None = None
    version: str = "0.0.0"
    distribution: str | None = None
    quicktype_compat: bool = False


DEFAULT_PACKAGE: dict[str, str] = {"python": "events", "go": "events"}

GO_KEYWORDS = frozenset(
    (
        "break case chan const continue default defer else fallthrough for func go goto "
        "if import interface map package range return select struct switch type var"
    ).split()
)

# go/build's lists (syslist.go): `<name>_<GOOS>.go`, `<name>_<GOARCH>.go` and
# `<name>_<GOOS>_<GOARCH>.go` are compiled only on that platform.
GO_OS = frozenset(
    "aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd "
    "plan9 solaris wasip1 windows zos".split()
)
GO_ARCH = frozenset(
    "386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le "
    "mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm".split()
)

# Modules the generated Python imports; a package of the same name would shadow them
# (and every other standard module: the whole list is refused, see python_problem).
PYTHON_IMPORTS = frozenset(
    "__future__ dataclasses datetime enum json math re sys typing collections".split()
)


def package_problem(lang: str, package: str) -> str | None:
    """Why `package` cannot name a package in `lang`, or None when it can."""
    if lang == "go":
        return _go_problem(package)
    return _python_problem(package)


def _go_problem(package: str) -> str | None:
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", package) or package in GO_KEYWORDS:
        return f"{package!r} is not a valid Go package name (lower case letters, digits, _)"
    if package == "main":
        return "'main' is the package of a Go command; it cannot be imported"
    if package.startswith("_"):
        return f"{package!r}: the go tool ignores files whose name starts with '_'"
    # the file is `<package>.go`: go/build reads suffixes after the first '_'
    parts = package.split("_")[1:]
    if parts and parts[-1] == "test":
        return f"{package!r}: '{package}.go' would be a test file, compiled only by go test"
    if parts and (parts[-1] in GO_OS or parts[-1] in GO_ARCH):
        return (
            f"{package!r}: '{package}.go' would be compiled only on "
            f"{'_'.join(p for p in parts[-2:] if p in GO_OS or p in GO_ARCH)} (a go/build suffix)"
        )
    return None


def _python_problem(package: str) -> str | None:
    if not package.isidentifier() or keyword.iskeyword(package):
        return f"{package!r} is not a valid Python package name"
    if unicodedata.normalize("NFKC", package) != package:
        normal = unicodedata.normalize("NFKC", package)
        return f"{package!r} imports as {normal!r} (NFKC): name the package {normal!r}"
    if package in PYTHON_IMPORTS or package in sys.stdlib_module_names:
        return f"{package!r} would shadow the standard library module of that name"
    if package.startswith("__") and package.endswith("__"):
        return f"{package!r}: dunder names are reserved by Python"
    return None


# golang.org/x/mod/module: the characters of a module path element.
_GO_ELEMENT = re.compile(r"[A-Za-z0-9_~-]([A-Za-z0-9._~-]*[A-Za-z0-9_~-])?")


def module_path_problem(path: str) -> str | None:
    """Why `path` is not a Go module path (golang.org/x/mod's rules), None if it is one."""
    if path.startswith("-") or not all(_GO_ELEMENT.fullmatch(e) for e in path.split("/")):
        return (
            f"{path!r} is not a Go module path: elements of ASCII letters, digits and "
            "'-._~' separated by '/', none empty or starting or ending with '.', "
            "not starting with '-'"
        )
    return None


_DIST_RE = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")


def valid_distribution(name: str) -> bool:
    """A valid Python distribution name (PEP 508 / the core metadata `Name`)."""
    return _DIST_RE.fullmatch(name) is not None


def distribution_name(name: str) -> str | None:
    """A valid distribution name made from an import or npm name, None when none can be.

    `devpie_client_events` -> `devpie-client-events`, `@devpie/client-events` ->
    `devpie-client-events`, `événements` -> `evenements`.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9.]+", "-", ascii_name.replace("_", "-")).strip("-.")
    return cleaned if cleaned and valid_distribution(cleaned) else None


def target_distribution(target: Target) -> str:
    """The distribution name a Python target's pyproject.toml declares."""
    if target.distribution is not None:
        return target.distribution
    return distribution_name(target.package) or target.package


_COOKIE_RE = re.compile(r"(coding)([:=])", re.IGNORECASE)


def header_source(source: str) -> str:
    """`source` as one line that cannot change how the file holding it is read.

    Python reads a `coding[:=]` cookie on the first two lines, and a line ends at any
    line break: backslashes are doubled, characters that are not printable become
    `\\xNN`/`\\uNNNN` escapes, and the cookie's `:`/`=` is escaped (`coding\\:`), so
    the header names the path readably without ever being a cookie or a second line.
    """
    out: list[str] = []
    for ch in source:
        if ch == "\\":
            out.append("\\\\")
        elif ch.isprintable():
            out.append(ch)
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return _COOKIE_RE.sub(r"\1\\\2", "".join(out))


def header(comment: str, source: str) -> str:
    """The first line of every generated file that can hold a comment.

    `output.is_generated` looks for it before overwriting a file; `source` is
    made safe here (`header_source`), whatever the path holds.
    """
    shown = header_source(source)
    return f"{comment} Code generated by devpie-transpile from {shown}. DO NOT EDIT."


def main_file(target: Target) -> str:
    """The file holding the generated types: what single-file mode prints or writes."""
    if target.lang == "python":
        return f"{target.package}/__init__.py"
    return f"{target.package}.go"


def render_parts(module: Module, target: Target) -> dict[str, list[str]]:
    """Every file of the package for `target`, rendered from `module` alone, each as
    the list of parts its text is the concatenation of.

    A large contract's files are tens of megabytes: a caller that writes or compares
    the parts one by one never holds the joined text beside them.
    """
    backend = import_module(f"{__name__}.{target.lang}.render")
    files: dict[str, list[str]] = backend.render_parts(module, target)
    if target.quicktype_compat and target.lang == "go":
        from .go.compat import add_quicktype_api

        name = main_file(target)
        files[name] = [add_quicktype_api(module, "".join(files[name]))]
    return files


def render(module: Module, target: Target) -> dict[str, str]:
    """Every file of the package for `target`, rendered from `module` alone."""
    return {name: "".join(parts) for name, parts in render_parts(module, target).items()}
