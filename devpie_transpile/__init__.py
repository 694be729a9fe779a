"""devpie-transpile: Python dataclasses and Go structs from a TypeScript message contract.

Library use::

    from devpie_transpile import transpile, TranspileError

    try:
        go_source = transpile("src/index.ts", "go", package="events")
    except TranspileError as exc:
        for diag in exc.diagnostics:
            print(diag.span, diag.message)

Heavy modules (tree-sitter, the backends, black) are imported on first use, so
that importing this package, and starting the CLI, stays cheap.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, TranspileError

if TYPE_CHECKING:
    from .backends import Lang

__version__ = "0.1.0"
__all__ = ["Diagnostic", "TranspileError", "__version__", "transpile", "transpile_package"]


def transpile(
    source: str | os.PathLike[str],
    lang: Lang,
    *,
    package: str | None = None,
) -> str:
    """The generated module for `source` in `lang` ("python" or "go"), as text.

    This is what `devpie-transpile SOURCE --lang LANG` prints. Raises
    `TranspileError` (with located `Diagnostic`s) for bad input.
    """
    from .backends import DEFAULT_PACKAGE, Target
    from .pipeline import check_targets, load_module, single_file

    target = Target(lang, package or DEFAULT_PACKAGE[lang])
    check_targets([target])
    return single_file(load_module(Path(source), Path.cwd()), target)


def transpile_package(
    source: str | os.PathLike[str],
    lang: Lang,
    *,
    package: str | None = None,
    module: str | None = None,
    version: str = "0.0.0",
    distribution: str | None = None,
) -> dict[str, str]:
    """Every file of the complete package, keyed by `/`-separated relative path.

    Python: `pyproject.toml`, `<package>/__init__.py`, `<package>/py.typed`;
    Go: `go.mod` (module path `module`) and `<package>.go`.
    """
    from .backends import DEFAULT_PACKAGE, Target, render
    from .pipeline import check_targets, load_module

    target = Target(lang, package or DEFAULT_PACKAGE[lang], module, version, distribution)
    check_targets([target], whole_package=True)
    return render(load_module(Path(source), Path.cwd()), target)
