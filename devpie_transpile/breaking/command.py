"""`devpie-transpile breaking`: the contract now against the contract at a git revision.

Exit status: 0 nothing breaks (allowed changes are notes), 1 a breaking change,
2 bad input or usage (the contract does not load, no git, an unknown revision, a
revision without the source).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .. import ir
from .._typer_app import new_app, use_color
from ..diagnostics import Diagnostic, TranspileError, format_diagnostics
from ..frontend.files import display_path
from .allow import Allow, allowed_by, parse
from .compare import MODES, Finding, compare, select
from .git import GitError, GitTree

EPILOG = """\
\b
Examples:
  devpie-transpile breaking                        # the project's source against HEAD
  devpie-transpile breaking src/index.ts --against origin/main --mode full

\b
Accept a change on purpose with a comment on its line (or alone on the line above):
  email: string; // devpie-transpile: allow FIELD_ADDED_REQUIRED

\b
Exit status: 0 nothing breaks, 1 a breaking change, 2 bad input or usage.
"""

app = new_app()


class Usage(Exception):
    """A command-line or git problem: exit 2 with one line."""


def _color() -> bool:
    return use_color(sys.stdout)


@app.command(epilog=EPILOG)
def breaking(
    source: Annotated[
        Path | None,
        typer.Argument(
            metavar="SOURCE",
            help="Entry .ts file [default: the source of the project's configuration].",
            show_default=False,
        ),
    ] = None,
    against: Annotated[
        str,
        typer.Option("--against", metavar="REF", help="Git revision holding the old contract."),
    ] = "HEAD",
    mode: Annotated[
        str,
        typer.Option(
            "--mode",
            metavar="backward|forward|full",
            help="backward: new code reads every stored event; forward: old code reads "
            "new events; full: both.",
        ),
    ] = "backward",
    config: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Configuration naming the source (no SOURCE)."),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print notes.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print breaking changes only.")
    ] = False,
) -> None:
    """Report the changes of the contract that break readers of stored or new JSON."""
    try:
        if mode not in MODES:
            raise Usage(f"--mode must be one of: {', '.join(MODES)} (got {mode!r})")
        status = run(source, against, mode, config, verbose=verbose, quiet=quiet)
    except Usage as exc:
        sys.stderr.write(
            f"devpie-transpile breaking: error: {exc}\nTry 'devpie-transpile breaking --help'.\n"
        )
        raise typer.Exit(2) from None
    except GitError as exc:
        sys.stderr.write(f"devpie-transpile breaking: error: {exc}\n")
        raise typer.Exit(2) from None
    raise typer.Exit(status)


def _entry(source: Path | None, config: Path | None) -> tuple[Path, Path]:
    """The entry file and the directory paths are shown relative to."""
    cwd = Path.cwd()
    if source is not None:
        if config is not None:
            raise Usage("--config is for project mode (no SOURCE)")
        return source, cwd
    from ..project import find_config, load_project

    def display(path: Path) -> str:
        return display_path(path, cwd)

    if config is None:
        config = find_config(cwd, display)
        if config is None:
            raise Usage(
                "no SOURCE given and no configuration in this directory or above "
                "(devpie-transpile.toml, [tool.devpie-transpile] in pyproject.toml, or "
                '"devpie-transpile" in package.json)'
            )
    project = load_project(config, display)
    return project.source, project.root


def run(
    source: Path | None,
    against: str,
    mode: str,
    config: Path | None,
    *,
    verbose: bool = False,
    quiet: bool = False,
) -> int:
    from ..frontend import load

    def note(message: str) -> None:
        if verbose:
            sys.stderr.write(message + "\n")

    tree: GitTree | None = None
    base = Path.cwd()

    def read(file: str) -> bytes | None:
        if tree is None or not file.startswith(tree.label):
            return None
        return tree.read_bytes(base / file[len(tree.label) :])

    try:
        entry, base = _entry(source, config)
        new = load(entry, display_root=base, note=note)
        start = entry.resolve().parent
        tree = GitTree(against, start if start.is_dir() else base)
        shown = display_path(entry, base)
        if tree.relative(entry.resolve()) is None:
            raise GitError(f"{shown} is not inside the git repository at {tree.top.as_posix()}")
        if not tree.is_file(entry.resolve()):
            raise GitError(f"{shown} does not exist at {against}: nothing to compare against")
        old = load(entry, display_root=base, fs=tree)
    except TranspileError as exc:
        sys.stderr.write(format_diagnostics(exc, color=_color(), base=exc.base or base, read=read))
        return 2
    findings = select(compare(old, new), mode)
    if not findings:
        return 0
    allows = _allows(new, base)
    diagnostics: list[Diagnostic] = []
    errors = 0
    for finding in findings:
        allow = allowed_by(finding, allows)
        if allow is None:
            errors += 1
            diagnostics.append(Diagnostic(finding.text, span=finding.span))
        elif not quiet:
            where = f"{allow.file}:{allow.at}"
            message = f"{finding.text} (allowed at {where})"
            diagnostics.append(Diagnostic(message, span=finding.span, severity="note"))
    if diagnostics:
        sys.stdout.write(
            format_diagnostics(TranspileError(diagnostics), color=_color(), base=base, read=read)
        )
    if errors and not quiet:
        s = "" if errors == 1 else "s"
        sys.stderr.write(
            f"devpie-transpile breaking: {errors} breaking change{s} against {against} "
            f"(--mode {mode})\n"
        )
    return 1 if errors else 0


def _allows(module: ir.Module, base: Path) -> list[Allow]:
    """The allow comments of every file the new contract was read from."""
    files = {decl.span.file for decl in module.decls.values()}
    out: list[Allow] = []
    for file in sorted(files):
        try:
            text = (base / file).read_bytes().decode("utf-8-sig", errors="replace")
        except OSError:
            continue
        out.extend(parse(file, text))
    return out


def findings_of(old: ir.Module, new: ir.Module, mode: str = "full") -> list[Finding]:
    """Library use: the findings `mode` reports (no allow comments applied)."""
    return select(compare(old, new), mode)
