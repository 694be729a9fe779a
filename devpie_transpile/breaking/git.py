"""The contract's files at a git revision, as a `FileSystem` for the loader.

Paths are the working tree's (absolute); each is read as `git cat-file blob
REF:path`. Directories are listed with `git ls-tree`, once each and only when the
loader asks about them, so a revision of a large repository costs a handful of git
processes, not a listing of every file. Nothing is checked out.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath

GIT_ENV = {"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}


class GitError(Exception):
    """Git cannot give the old contract: one line for the user, exit 2."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            env={**os.environ, **GIT_ENV},
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (breaking reads the old contract with git)") from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror}") from None


class GitTree:
    """The files of revision `ref` of the repository holding directory `start`."""

    def __init__(self, ref: str, start: Path) -> None:
        top = _git(["rev-parse", "--show-toplevel"], start)
        if top.returncode != 0:
            raise GitError(f"{start.as_posix()} is not inside a git repository")
        self.top = Path(os.fsdecode(top.stdout.rstrip(b"\n"))).resolve()
        if ref.startswith("-"):
            raise GitError(f"unknown revision {ref!r}")
        commit = _git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], self.top
        )
        if commit.returncode != 0:
            raise GitError(f"unknown revision {ref!r} (a branch, tag or commit of this repository)")
        self.ref = ref
        self.commit = commit.stdout.decode().strip()
        self.label = f"{ref}:"
        self._listings: dict[str, dict[str, str]] = {}

    def relative(self, path: Path) -> str | None:
        """`path` as a path inside the repository (`src/index.ts`), or None if outside."""
        absolute = Path(os.path.normpath(os.path.abspath(path)))
        try:
            rel = absolute.relative_to(self.top)
        except ValueError:
            try:
                rel = absolute.resolve().relative_to(self.top)
            except ValueError:
                return None
        return rel.as_posix() if rel.parts else ""

    def _listing(self, directory: str) -> dict[str, str]:
        """name -> "blob" / "tree" / "link" for one directory of the revision."""
        if directory not in self._listings:
            entries: dict[str, str] = {}
            result = _git(["ls-tree", "-z", f"{self.commit}:{directory}"], self.top)
            if result.returncode == 0:
                for record in result.stdout.split(b"\0"):
                    if not record:
                        continue
                    meta, _, name = record.partition(b"\t")
                    mode, kind, _ = meta.decode().split(" ", 2)
                    entries[os.fsdecode(name)] = "link" if mode == "120000" else kind
            self._listings[directory] = entries
        return self._listings[directory]

    def _kind(self, path: Path) -> str | None:
        rel = self.relative(path)
        if rel is None:
            return None
        if rel == "":
            return "tree"
        parent = PurePosixPath(rel).parent.as_posix()
        return self._listing("" if parent == "." else parent).get(PurePosixPath(rel).name)

    # -- the FileSystem protocol ----------------------------------------------------

    def read_bytes(self, path: Path) -> bytes:
        kind = self._kind(path)
        if kind == "tree":
            raise IsADirectoryError(str(path))
        if kind != "blob":  # missing, or a symbolic link (not followed in a revision)
            raise FileNotFoundError(str(path))
        result = _git(["cat-file", "blob", f"{self.commit}:{self.relative(path)}"], self.top)
        if result.returncode != 0:  # pragma: no cover - listed, so readable
            raise OSError(f"git cat-file failed: {result.stderr.decode(errors='replace')}")
        return result.stdout

    def is_file(self, path: Path) -> bool:
        return self._kind(path) == "blob"

    def is_dir(self, path: Path) -> bool:
        return self._kind(path) == "tree"

    def exists(self, path: Path) -> bool:
        if self.relative(path) == ".git":  # the repository's root is a project root
            return True
        return self._kind(path) is not None
