"""Where the loader's files come from: the disk, or a git revision.

The loader reads, tests and lists paths only through a `FileSystem`, so the same
resolution rules load the contract as it is now (`DISK`) and as it was at a
commit (`devpie-transpile breaking` passes a reader over `git show REF:path`).
Any file the loader opens (sources, and configuration such as tsconfig.json)
must go through it, or the old contract would be resolved against today's files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class FileSystem(Protocol):
    """Read-only access to a tree of files addressed by absolute (working-tree) paths.

    `label` is prefixed to every path shown to the user (`""` for the disk,
    `"HEAD:"` for a revision). `read_bytes` raises as `Path.read_bytes` does
    (`FileNotFoundError`, `IsADirectoryError`, `PermissionError`, `OSError`).
    """

    label: str

    def read_bytes(self, path: Path) -> bytes: ...

    def is_file(self, path: Path) -> bool: ...

    def is_dir(self, path: Path) -> bool: ...

    def exists(self, path: Path) -> bool: ...


class Disk:
    """The files as they are now."""

    label = ""

    def read_bytes(self, path: Path) -> bytes:
        return path.read_bytes()

    def is_file(self, path: Path) -> bool:
        return path.is_file()

    def is_dir(self, path: Path) -> bool:
        return path.is_dir()

    def exists(self, path: Path) -> bool:
        return path.exists()


DISK = Disk()
