"""What both commands (generate and `breaking`) share on the command line: one typer
set-up, so that their help, option spellings and errors look alike, and one rule for
colour (a terminal, and no NO_COLOR)."""

from __future__ import annotations

import os
from typing import TextIO

import typer


def new_app() -> typer.Typer:
    """A typer application without completion, rich markup or pretty tracebacks."""
    return typer.Typer(
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, never with NO_COLOR set (no-color.org)."""
    return stream.isatty() and "NO_COLOR" not in os.environ
