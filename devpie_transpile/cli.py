"""The `devpie-transpile` command: one target from the command line, or every
target of `[tool.devpie-transpile]` in pyproject.toml.

Exit status: 0 ok, 1 `--check` found drift (or `--exit-non-zero-on-change` wrote
something), 2 bad input or usage. Bad input is reported as located diagnostics,
never as a traceback.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .backends import DEFAULT_PACKAGE, LANGS, Target
from .diagnostics import Diagnostic, TranspileError, format_diagnostics
from .output import drift, write_files
from .pipeline import check_targets, load_module, package_files, single_file

EPILOG = """\
\b
Examples:
  devpie-transpile src/index.ts --lang python      # print the Python module
  devpie-transpile src/index.ts --lang go -o go/events.go
  devpie-transpile src/index.ts --lang go -o go/ --module github.com/acme/events
  devpie-transpile                                 # every target in pyproject.toml
  devpie-transpile --check                         # CI: exit 1 and a diff on drift
  devpie-transpile breaking --against main         # changes that break stored events

\b
Exit status: 0 ok, 1 --check found drift, 2 bad input or usage.
"""

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Usage(Exception):
    """A command-line mistake: exit 2 with a one-line message."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"devpie-transpile {__version__}")
        raise typer.Exit()


def _color() -> bool:
    return sys.stderr.isatty() and "NO_COLOR" not in os.environ


def _note(message: str) -> None:
    sys.stderr.write(message + "\n")


def _display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@app.command(epilog=EPILOG)
def command(
    source: Annotated[
        Path | None,
        typer.Argument(
            metavar="SOURCE",
            help="Entry .ts file. Without it, every target of [tool.devpie-transpile] "
            "in pyproject.toml is generated.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", "-l", metavar="python|go", help="Target language.", show_default=False
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            metavar="PATH",
            help="Write here instead of stdout: a file gets the module; a directory "
            "(existing, or written with a trailing /) gets the complete package.",
            show_default=False,
        ),
    ] = None,
    package: Annotated[
        str | None,
        typer.Option(
            metavar="NAME", help="Package name (Python import name / Go package). [default: events]"
        ),
    ] = None,
    module: Annotated[
        str | None,
        typer.Option(metavar="PATH", help="Go module path for go.mod (package directory output)."),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 and print a diff if the output is stale."
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite files that lack the generated-code header."),
    ] = False,
    exit_non_zero_on_change: Annotated[
        bool,
        typer.Option(
            "--exit-non-zero-on-change",
            help="Exit 1 when a file was written (for pre-commit hooks).",
        ),
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="pyproject.toml to read targets from [default: the nearest one upwards].",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Generate Python dataclasses and Go structs from a TypeScript message contract."""
    try:
        if lang is not None and lang not in LANGS:
            raise Usage(f"--lang must be one of: {', '.join(LANGS)} (got {lang!r})")
        opts = Options(lang, out, package, module, check, force, config)
        status = _single(source, opts) if source is not None else _project(opts)
    except Usage as exc:
        sys.stderr.write(f"devpie-transpile: error: {exc}\nTry 'devpie-transpile --help'.\n")
        raise typer.Exit(2) from None
    except TranspileError as exc:
        sys.stderr.write(format_diagnostics(exc, color=_color(), base=exc.base))
        raise typer.Exit(2) from None
    if status == "changed" and exit_non_zero_on_change:
        raise typer.Exit(1)
    if status == "drift":
        raise typer.Exit(1)


@dataclass(frozen=True)
class Options:
    """The command line's options, as both modes read them."""

    lang: str | None
    out: str | None
    package: str | None
    module: str | None
    check: bool
    force: bool
    config: Path | None


def _single(source: Path, opts: Options) -> str:
    lang, out, package, module = opts.lang, opts.out, opts.package, opts.module
    if lang is None:
        raise Usage("--lang is required with SOURCE (python or go)")
    if opts.config is not None:
        raise Usage("--config is for project mode (no SOURCE)")
    if opts.check and out is None:
        raise Usage("--check needs -o PATH, the file or package directory to compare")
    assert lang in LANGS
    target = Target(lang, package or DEFAULT_PACKAGE[lang], module)  # type: ignore[arg-type]
    check_targets([target])
    cwd = Path.cwd()
    parsed = load_module(source, cwd, _note)
    if out is None:
        sys.stdout.write(single_file(parsed, target))
        return "ok"
    out_path = Path(out)
    as_package = out_path.is_dir() or out.endswith(("/", os.sep))
    files = (
        package_files(parsed, target, out_path)
        if as_package
        else {out_path: single_file(parsed, target)}
    )
    parts = [f"devpie-transpile {source.as_posix()} --lang {lang} -o {out}"]
    if package:
        parts.append(f"--package {package}")
    if module:
        parts.append(f"--module {module}")
    return _emit(files, cwd, opts, " ".join(parts))


def _project(opts: Options) -> str:
    from .project import find_config, load_project

    lang, config = opts.lang, opts.config
    for flag, value in (("-o", opts.out), ("--package", opts.package), ("--module", opts.module)):
        if value is not None:
            raise Usage(f"{flag} needs SOURCE; in project mode it comes from pyproject.toml")
    cwd = Path.cwd()
    command = "devpie-transpile" + (f" --config {config.as_posix()}" if config else "")
    if lang:
        command += f" --lang {lang}"
    if config is None:
        config = find_config(cwd)
        if config is None:
            raise Usage(
                "no SOURCE given and no pyproject.toml with [tool.devpie-transpile] "
                "in this directory or above"
            )
    project = load_project(config, _display_path(config, cwd))
    targets = [t for t in project.targets if lang is None or t.target.lang == lang]
    try:
        check_targets(t.target for t in targets)
        parsed = load_module(project.source, project.root, _note)
        files: dict[Path, str] = {}
        for item in targets:
            files.update(package_files(parsed, item.target, item.out))
    except TranspileError as exc:
        exc.base = project.root  # spans are relative to the project, not to cwd
        raise
    return _emit(files, project.root, opts, command)


def _emit(files: dict[Path, str], base: Path, opts: Options, command: str) -> str:
    """Check or write `files`; returns "ok", "changed" or "drift"."""
    if opts.check:
        diff = drift(files, base)
        if not diff:
            return "ok"
        sys.stdout.write(diff)
        sys.stderr.write(f"devpie-transpile: generated code is out of date; run: {command}\n")
        return "drift"
    changed = write_files(files, base, force=opts.force)
    for path in changed:
        sys.stderr.write(f"wrote {_display_path(path, base)}\n")
    return "changed" if changed else "ok"


def main() -> None:
    """Console-script entry point."""
    try:
        if sys.argv[1:2] == ["breaking"]:  # the subcommand has its own options
            from .breaking.command import app as breaking

            breaking(args=sys.argv[2:], prog_name="devpie-transpile breaking")
        app()
    except KeyboardInterrupt:
        sys.stderr.write("devpie-transpile: interrupted\n")
        sys.exit(130)
    except RecursionError:
        error = TranspileError(Diagnostic("input nested too deeply", path="<source>"))
        sys.stderr.write(format_diagnostics(error))
        sys.exit(2)
