"""Backends: one per target language, each `render(module, target) -> {path: text}`.

A backend sees only the IR (`ir.Module`) and a `Target`; it returns every file of
a complete package, keyed by `/`-separated paths relative to the package directory.
The CLI, check mode and pre-commit hook work only on that mapping. Backends are
imported lazily so that a Go run never imports black.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from importlib import import_module
from typing import Literal, TypeAlias, get_args

from ..ir import Module

Lang: TypeAlias = Literal["python", "go"]
LANGS: tuple[str, ...] = get_args(Lang)


@dataclass(frozen=True, slots=True)
class Target:
    """What to generate: a language and the package's names.

    `package`: the Python import package / Go package name. `module`: the Go module
    path for `go.mod`. `version`: the Python distribution's version.
    """

    lang: Lang
    package: str
    module: str | None = None
    version: str = "0.1.0"


DEFAULT_PACKAGE: dict[str, str] = {"python": "events", "go": "events"}


def package_problem(lang: str, package: str) -> str | None:
    """Why `package` cannot name a package in `lang`, or None when it can."""
    if lang == "go":
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", package) or package in GO_KEYWORDS:
            return f"{package!r} is not a valid Go package name (lower case letters, digits, _)"
        return None
    if not package.isidentifier() or keyword.iskeyword(package):
        return f"{package!r} is not a valid Python package name"
    return None


GO_KEYWORDS = frozenset(
    (
        "break case chan const continue default defer else fallthrough for func go goto "
        "if import interface map package range return select struct switch type var"
    ).split()
)


def main_file(target: Target) -> str:
    """The file holding the generated types: what single-file mode prints or writes."""
    if target.lang == "python":
        return f"{target.package}/__init__.py"
    return f"{target.package}.go"


def render(module: Module, target: Target) -> dict[str, str]:
    """Every file of the package for `target`, rendered from `module` alone."""
    backend = import_module(f"{__name__}.{target.lang}")
    files: dict[str, str] = backend.render(module, target)
    return files
