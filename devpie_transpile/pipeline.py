"""Source to files: load a contract once, render it for one or more targets.

Shared by the CLI (single-target and project mode) and the library API, so that
every way of running the tool produces the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .backends import Target, main_file, package_problem, render
from .diagnostics import Diagnostic, TranspileError
from .ir import Module


def load_module(
    source: Path, display_root: Path, note: Callable[[str], None] | None = None
) -> Module:
    """Parse `source` (and the files it re-exports) into the IR."""
    from .frontend import load  # tree-sitter is imported only when a source is read

    return load(source, display_root=display_root, note=note)


def check_targets(targets: Iterable[Target]) -> None:
    """Reject package names a language cannot import before anything is rendered."""
    problems = [
        Diagnostic(f"--package: {problem}")
        for target in targets
        if (problem := package_problem(target.lang, target.package)) is not None
    ]
    if problems:
        raise TranspileError(problems)


def package_files(module: Module, target: Target, out: Path) -> dict[Path, str]:
    """The complete package for `target`, as absolute paths under `out`."""
    return {out / name: text for name, text in render(module, target).items()}


def single_file(module: Module, target: Target) -> str:
    """Only the file holding the generated types (what stdout and `-o FILE` get)."""
    return render(module, target)[main_file(target)]
