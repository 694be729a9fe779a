"""Project mode: [tool.devpie-transpile] targets, whole packages, --check, pre-commit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pytest
from helpers import FIXTURE, REPO, run_cli

CONFIG = """\
[project]
name = "demo"
version = "0.0.0"

[tool.devpie-transpile]
source = "src/index.ts"

[[tool.devpie-transpile.targets]]
lang = "python"
out = "out/python"
package = "demo_events"

[[tool.devpie-transpile.targets]]
lang = "go"
out = "out/go"
package = "events"
module = "example.com/demo/events"
"""

FILES = [
    "out/go/events.go",
    "out/go/go.mod",
    "out/python/demo_events/__init__.py",
    "out/python/demo_events/py.typed",
    "out/python/pyproject.toml",
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    shutil.copy(FIXTURE, tmp_path / "src" / "index.ts")
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    return tmp_path


def listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "out").rglob("*") if p.is_file())


def test_generates_every_target_as_a_package(project: Path) -> None:
    proc = run_cli(cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert listing(project) == FILES
    go_mod = (project / "out/go/go.mod").read_text()
    assert "module example.com/demo/events\n" in go_mod and "go 1.24\n" in go_mod
    # the header names the source relative to the project, from any subdirectory
    assert "from src/index.ts." in (project / "out/go/events.go").read_text().splitlines()[0]
    assert run_cli("--check", cwd=project / "src").returncode == 0


def test_check_shows_a_diff_per_drifted_file(project: Path) -> None:
    assert run_cli(cwd=project).returncode == 0
    go_file = project / "out/go/events.go"
    go_file.write_text(go_file.read_text().replace("\tTraceID string", "\tTraceId string"))
    (project / "out/python/demo_events/py.typed").unlink()
    proc = run_cli("--check", cwd=project)
    assert proc.returncode == 1
    assert "--- out/go/events.go (committed)\n+++ out/go/events.go (generated)\n" in proc.stdout
    assert "--- out/python/demo_events/py.typed (missing)" in proc.stdout
    assert "run: devpie-transpile" in proc.stderr
    assert not (project / "out/python/demo_events/py.typed").exists()


def test_files_the_tool_did_not_generate_are_left_alone(project: Path) -> None:
    (project / "out/go").mkdir(parents=True)
    (project / "out/go/extra.go").write_text("package events\n")
    assert run_cli(cwd=project).returncode == 0
    assert (project / "out/go/extra.go").read_text() == "package events\n"


def test_lang_filters_targets_and_config_option(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = run_cli("--config", project / "pyproject.toml", "--lang", "go", cwd=elsewhere)
    assert proc.returncode == 0, proc.stderr
    assert listing(project) == ["out/go/events.go", "out/go/go.mod"]


@pytest.mark.parametrize(
    ("edit", "where", "message"),
    [
        (('lang = "go"', 'lang = "rust"'), 'lang = "rust"', "'lang' must be one of: python, go"),
        (('package = "events"\n', 'package = "events"\npackages = "x"\n'), "packages", "unknown key 'packages'"),
        (('out = "out/python"\n', ""), '[[tool.devpie-transpile.targets]]', "a target needs 'out'"),
        (('source = "src/index.ts"', 'sauce = "src/index.ts"'), "sauce", "unknown key 'sauce'"),
    ],
)
def test_bad_config_is_a_located_error(project: Path, edit: tuple[str, str], where: str, message: str) -> None:
    text = CONFIG.replace(*edit)
    (project / "pyproject.toml").write_text(text)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if where in row)
    proc = run_cli(cwd=project)
    assert proc.returncode == 2
    assert f"pyproject.toml:{line}:" in proc.stderr
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (project / "out").exists()


def test_no_config_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli(cwd=tmp_path)
    assert proc.returncode == 2
    assert "no SOURCE given" in proc.stderr


def test_generated_python_package_installs_and_round_trips(project: Path, tmp_path: Path) -> None:
    """pip install the generated package into a fresh venv (as users do), and use it."""
    assert run_cli(cwd=project).returncode == 0
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(project / "out/python")],
        capture_output=True, text=True, check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    script = textwrap.dedent(
        """
        import demo_events as ev
        msg = {"id": "1", "type": "ProjectDeleted",
               "metadata": {"traceId": "t", "userId": "u"}, "data": {"projectId": "p"}}
        parsed = ev.parse_message(msg)
        assert isinstance(parsed, ev.ProjectDeletedEvent), parsed
        assert parsed.to_dict() == msg
        print(parsed.data.project_id)
        """
    )
    run = subprocess.run([str(python), "-c", script], cwd=tmp_path, capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "p\n"


@pytest.mark.slow
def test_pre_commit_hooks(project: Path, tmp_path: Path) -> None:
    """The real `pre-commit try-repo` against this checkout: check fails, fix fixes."""
    git_env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
               "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=project, env=git_env, check=True, capture_output=True)

    def hook(name: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), name, "--all-files"],
            cwd=project, env=git_env, capture_output=True, text=True, timeout=900, check=False,
        )

    git("init", "-q")
    assert run_cli(cwd=project).returncode == 0
    contract = project / "src/index.ts"
    contract.write_text(contract.read_text().replace("  plan: string;\n", "  plan: string;\n  seats: number;\n"))
    git("add", "-A")
    git("commit", "-qm", "stale packages")

    stale = hook("devpie-transpile-check")
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "seats" in stale.stdout

    fixed = hook("devpie-transpile")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr  # a fixer fails when it changed files
    assert "seats" in (project / "out/go/events.go").read_text()
    git("add", "-A")

    again = hook("devpie-transpile-check")
    assert again.returncode == 0, again.stdout + again.stderr
    assert hook("devpie-transpile").returncode == 0
