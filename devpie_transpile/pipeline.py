"""Source to files: load a contract once, render it for one or more targets.

Shared by the CLI (single-target and project mode) and the library API, so that
every way of running the tool produces the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .backends import (
    Target,
    distribution_name,
    main_file,
    module_path_problem,
    package_problem,
    render_parts,
)
from .diagnostics import Diagnostic, TranspileError
from .ir import Module

if TYPE_CHECKING:
    from .project import OutTarget


def load_module(
    source: Path, display_root: Path, note: Callable[[str], None] | None = None
) -> Module:
    """Parse `source` (and the files it re-exports) into the IR."""
    from .frontend import load  # tree-sitter is imported only when a source is read

    return load(source, display_root=display_root, note=note)


def target_problems(target: Target, *, whole_package: bool = False) -> list[str]:
    """Why `target` cannot make an importable package (its names), empty when it can."""
    problems = []
    if (problem := package_problem(target.lang, target.package)) is not None:
        problems.append(f"--package: {problem}")
    if target.module is not None and (problem := module_path_problem(target.module)) is not None:
        problems.append(f"--module: {problem}")
    if (
        whole_package
        and target.lang == "python"
        and target.distribution is None
        and problems == []
        and distribution_name(target.package) is None
    ):
        problems.append(
            f"--package: no distribution name can be made from {target.package!r} for "
            "pyproject.toml (use ASCII letters, or set 'distribution' in project mode)"
        )
    return problems


def check_targets(targets: Iterable[Target], *, whole_package: bool = False) -> None:
    """Reject package names a language cannot import before anything is rendered."""
    problems = [
        Diagnostic(problem)
        for target in targets
        for problem in target_problems(target, whole_package=whole_package)
    ]
    if problems:
        raise TranspileError(problems)


def package_files(module: Module, target: Target, out: Path) -> dict[Path, list[str]]:
    """The complete package for `target`, as absolute paths under `out`, each file as
    the parts its text joins (output.py writes and compares them without joining)."""
    return {out / name: parts for name, parts in render_parts(module, target).items()}


def main_parts(module: Module, target: Target) -> list[str]:
    """The parts of the file holding the generated types."""
    return render_parts(module, target)[main_file(target)]


def single_file(module: Module, target: Target) -> str:
    """Only the file holding the generated types (what stdout and `-o FILE` get)."""
    return "".join(main_parts(module, target))


def target_files(module: Module, item: OutTarget) -> dict[Path, list[str]]:
    """What a project target writes: its package, its Go file alone, or its one file."""
    if item.layout == "package":
        return package_files(module, item.target, item.out)
    return {item.paths()[0]: main_parts(module, item.target)}
