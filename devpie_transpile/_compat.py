"""Small shims for Python 3.10, which the tool supports."""

from __future__ import annotations

from typing import NoReturn


def assert_never(value: NoReturn) -> NoReturn:
    """`typing.assert_never` (3.11+): mypy proves a `match` over IR nodes exhaustive."""
    raise AssertionError(f"unhandled IR node: {value!r}")
