"""The `devpie-transpile` command: one target from the command line, or every
target of the project's configuration (see project.py).

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
from ._typer_app import new_app, use_color
from .backends import DEFAULT_PACKAGE, LANGS, Target
from .diagnostics import Diagnostic, TranspileError, format_diagnostics
from .output import Text, check_no_symlinks, check_regular, drift, write_files
from .pipeline import check_targets, load_module, main_parts, package_files, target_files

EPILOG = """\
\b
Examples:
  devpie-transpile src/index.ts --lang python      # print the Python module
  devpie-transpile src/index.ts --lang go -o go/events.go
  devpie-transpile src/index.ts --lang go -o go/ --module github.com/acme/events
  devpie-transpile                                 # every target of the configuration
  devpie-transpile --check                         # CI: exit 1 and a diff on drift
  devpie-transpile breaking --against main         # changes that break stored events

\b
Exit status: 0 ok, 1 --check found drift, 2 bad input or usage.
"""

app = new_app()


class Usage(Exception):
    """A command-line mistake: exit 2 with a one-line message."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"devpie-transpile {__version__}")
        raise typer.Exit()


def _color() -> bool:
    return use_color(sys.stderr)


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
            help="Entry .ts file. Without it, every target of the configuration "
            "(devpie-transpile.toml, pyproject.toml or package.json) is generated.",
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
            help="devpie-transpile.toml, pyproject.toml or package.json to read targets from "
            "[default: the nearest one upwards].",
        ),
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Also print notes (declarations skipped)."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print errors only (not the files written)."),
    ] = False,
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
        if verbose and quiet:
            raise Usage("-v/--verbose and -q/--quiet exclude each other")
        opts = Options(lang, out, package, module, check, force, config, verbose, quiet)
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
    verbose: bool = False
    quiet: bool = False

    def note(self, message: str) -> None:
        """A note (a skipped declaration): shown with --verbose only."""
        if self.verbose:
            sys.stderr.write(message + "\n")


def _single(source: Path, opts: Options) -> str:
    lang, out, package, module = opts.lang, opts.out, opts.package, opts.module
    if lang is None:
        raise Usage("--lang is required with SOURCE (python or go)")
    if opts.config is not None:
        raise Usage("--config is for project mode (no SOURCE)")
    if opts.check and out is None:
        raise Usage("--check needs -o PATH, the file or package directory to compare")
    if out == "":
        raise Usage("-o needs a path (got an empty one)")
    assert lang in LANGS
    target = Target(lang, package or DEFAULT_PACKAGE[lang], module)  # type: ignore[arg-type]
    out_path = Path(out) if out is not None else None
    as_package = out is not None and (out.endswith(("/", os.sep)) or _is_real_dir(Path(out)))
    check_targets([target], whole_package=as_package)
    cwd = Path.cwd()
    if out_path is not None and not as_package:
        check_regular(out_path, cwd)  # before the (slow) parse: a FIFO is never opened
    parsed = load_module(source, cwd, opts.note)
    if out_path is None:
        sys.stdout.writelines(main_parts(parsed, target))
        return "ok"
    files: dict[Path, Text]
    if as_package:
        files = dict(package_files(parsed, target, out_path))
        for path in files:
            check_no_symlinks(path, out_path, cwd)
    else:
        files = {out_path: main_parts(parsed, target)}
    del parsed  # the texts are all that is left to write: the model's memory can go
    parts = [f"devpie-transpile {source.as_posix()} --lang {lang} -o {out}"]
    if package:
        parts.append(f"--package {package}")
    if module:
        parts.append(f"--module {module}")
    return _emit(files, cwd, opts, " ".join(parts))


def _is_real_dir(path: Path) -> bool:
    """An existing directory (a symlink to one counts: the user named it)."""
    return path.is_dir()


def _project(opts: Options) -> str:
    from .project import find_config, load_project, stale_files

    lang, config = opts.lang, opts.config
    for flag, value in (("-o", opts.out), ("--package", opts.package), ("--module", opts.module)):
        if value is not None:
            raise Usage(f"{flag} needs SOURCE; in project mode it comes from the configuration")
    cwd = Path.cwd()

    def display(path: Path) -> str:
        return _display_path(path, cwd)

    command = "devpie-transpile" + (f" --config {config.as_posix()}" if config else "")
    if lang:
        command += f" --lang {lang}"
    if config is None:
        config = find_config(cwd, display)
        if config is None:
            raise Usage(
                "no SOURCE given and no configuration in this directory or above "
                "(devpie-transpile.toml, [tool.devpie-transpile] in pyproject.toml, or "
                '"devpie-transpile" in package.json)'
            )
    project = load_project(config, display)
    targets = [t for t in project.targets if lang is None or t.target.lang == lang]
    try:
        parsed = load_module(project.source, project.root, opts.note)
        files: dict[Path, Text] = {}
        for item in targets:
            for path, text in target_files(parsed, item).items():
                check_no_symlinks(path, item.out, project.root)
                files[path] = text
        del parsed  # the texts are all that is left to write: the model's memory can go
        keep = {path for item in project.targets for path in item.paths()}
        stale = stale_files(targets, keep)
    except TranspileError as exc:
        exc.base = project.root  # spans are relative to the project, not to cwd
        raise
    return _emit(files, project.root, opts, command, stale)


def _emit(
    files: dict[Path, Text],
    base: Path,
    opts: Options,
    command: str,
    stale: list[Path] | None = None,
) -> str:
    """Check or write `files`; returns "ok", "changed" or "drift"."""
    if opts.check:
        diff = drift(files, base, stale or ())
        if not diff:
            return "ok"
        sys.stdout.write(diff)
        sys.stderr.write(f"devpie-transpile: generated code is out of date; run: {command}\n")
        return "drift"
    changed, deleted = write_files(files, base, force=opts.force, delete=stale or ())
    if not opts.quiet:
        for path in changed:
            sys.stderr.write(f"wrote {_display_path(path, base)}\n")
        for path in deleted:
            sys.stderr.write(f"deleted {_display_path(path, base)}\n")
    return "changed" if changed or deleted else "ok"


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
