"""A git repository built in a test, and `devpie-transpile breaking` run in it.

The command runs in-process (`cli.main` with its own argv), so a test per rule stays
cheap; `tests/test_breaking.py` also runs the installed script end to end.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from devpie_transpile import cli

GIT_ENV = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


@dataclass
class Result:
    status: int
    out: str
    err: str

    def findings(self) -> list[tuple[str, str, str, str]]:
        """(severity, location, RULE, JSON path) of each reported finding, in order."""
        pattern = re.compile(r"^(\S+): (error|note): ([A-Z_]+): (\S+): ", re.MULTILINE)
        return [(m[2], m[1], m[3], m[4]) for m in pattern.finditer(self.out)]

    def rules(self) -> list[tuple[str, str, str]]:
        """(RULE, location, JSON path) of each error."""
        return [(rule, where, path) for sev, where, rule, path in self.findings() if sev == "error"]


class Repo:
    """A repository in `path`: write files, commit them, run the command."""

    def __init__(self, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.path = path
        self.monkeypatch = monkeypatch
        for key, value in GIT_ENV.items():
            monkeypatch.setenv(key, value)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=self.path, check=True, capture_output=True, text=True
        ).stdout

    def write(self, files: dict[str, str | None]) -> None:
        for name, text in files.items():
            target = self.path / name
            if text is None:
                target.unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    def commit(self, files: dict[str, str | None], message: str = "change") -> None:
        self.write(files)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)

    def breaking(
        self, *args: str, capsys: pytest.CaptureFixture[str], cwd: Path | None = None
    ) -> Result:
        self.monkeypatch.chdir(cwd or self.path)
        self.monkeypatch.setattr(sys, "argv", ["devpie-transpile", "breaking", *args])
        self.monkeypatch.setenv("NO_COLOR", "1")
        capsys.readouterr()
        with pytest.raises(SystemExit) as info:
            cli.main()
        captured = capsys.readouterr()
        code = info.value.code
        return Result(code if isinstance(code, int) else 1, captured.out, captured.err)


def loc(text: str, needle: str, file: str = "src/index.ts") -> str:
    """`file:line:col` of the first `needle` in `text` (columns 1-based)."""
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{file}:{line}:{col}"
