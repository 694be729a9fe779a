"""End to end, the adoption the tool was made for (issue 12): an npm package whose
contract lives in `src/`, with an existing Go module holding hand-written code
beside the generated file, and a Python distribution named from package.json.

No pyproject.toml in the npm repository and no hand-copied version: the config is
the `"devpie-transpile"` object of package.json (or, as well, devpie-transpile.toml
or pyproject.toml), names and version come from package.json.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pytest
from helpers import FIXTURE, go, go_env, run_cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG = {
    "source": "src/index.ts",
    "targets": [
        {"lang": "python", "out": "py", "package": "devpie_client_events"},
        {"lang": "go", "out": "go", "package": "events"},
    ],
}
PACKAGE = {
    "name": "@devpie/client-events",
    "version": "0.0.44",
    "main": "build/index.js",
    "scripts": {"build": "tsc && devpie-transpile"},
    "devDependencies": {"typescript": "^5.4.0"},
}
INDEX_TS = """\
export * from "./events";

/** Subscribes to a NATS subject and hands each message to a callback. */
export class NatsListener {
  constructor(private subject: string) {}
  listen(callback: (data: unknown) => void): void {}
}
"""
PUBSUB_GO = """\
package events

import "encoding/json"

// Publish encodes a message for the bus: hand-written code using generated types.
func Publish(m UserRegisteredEvent) ([]byte, error) {
	return json.Marshal(m)
}

// Receive decodes any message of the contract.
func Receive(data []byte) (any, error) {
	return ParseMessage(data)
}
"""
GO_TEST = """\
package events

import "testing"

func TestRoundTrip(t *testing.T) {
	in := []byte(`{"id":"1","type":"ProjectDeleted","metadata":{"traceId":"t","userId":"u"},"data":{"projectId":"p"}}`)
	msg, err := Receive(in)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := msg.(*ProjectDeletedEvent); !ok {
		t.Fatalf("got %T", msg)
	}
}
"""
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, check=True,
                   capture_output=True)


@pytest.fixture
def npm_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "client-events"
    (repo / "src").mkdir(parents=True)
    (repo / "src/index.ts").write_text(INDEX_TS)
    shutil.copy(FIXTURE, repo / "src/events.ts")
    (repo / "package.json").write_text(
        json.dumps({**PACKAGE, "devpie-transpile": CONFIG}, indent=2) + "\n"
    )
    (repo / "go").mkdir()
    (repo / "go/go.mod").write_text("module github.com/devpie/client-events/go\n\ngo 1.24\n")
    (repo / "go/pubsub.go").write_text(PUBSUB_GO)
    (repo / "go/pubsub_test.go").write_text(GO_TEST)
    (repo / ".gitignore").write_text("node_modules/\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "the npm package")
    return repo


def snapshot(repo: Path) -> dict[str, bytes]:
    return {
        p.relative_to(repo).as_posix(): p.read_bytes()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(repo).parts
        and p.relative_to(repo).parts[0] in ("go", "py")
    }


def test_npm_repository_end_to_end(npm_repo: Path, tmp_path: Path) -> None:
    repo = npm_repo
    proc = run_cli(cwd=repo / "src")  # from a subdirectory, as an npm script may run
    assert proc.returncode == 0, proc.stderr
    assert sorted(proc.stderr.splitlines()) == [
        "wrote go/events.go",
        "wrote py/devpie_client_events/__init__.py",
        "wrote py/devpie_client_events/py.typed",
        "wrote py/pyproject.toml",
    ]  # no note about the skipped class without -v
    assert "NatsListener" in run_cli("-v", "--check", cwd=repo).stderr
    assert not (repo / "pyproject.toml").exists()
    # Go: one file into the existing module; hand-written code builds against it
    assert (repo / "go/go.mod").read_text().startswith("module github.com/devpie/client-events/go")
    env = go_env(tmp_path)
    go(["build", "./..."], repo / "go", env)
    go(["vet", "./..."], repo / "go", env)
    go(["test", "./..."], repo / "go", env)
    # Python: name and version from package.json
    meta = tomllib.loads((repo / "py/pyproject.toml").read_text())
    assert (meta["project"]["name"], meta["project"]["version"]) == (
        "devpie-client-events", "0.0.44"
    )
    generated = snapshot(repo)

    # the same output from each of the other two configuration files
    for kind in ("devpie-transpile.toml", "pyproject.toml"):
        data = json.loads((repo / "package.json").read_text())
        data.pop("devpie-transpile", None)
        (repo / "package.json").write_text(json.dumps(data, indent=2) + "\n")
        table = "" if kind == "devpie-transpile.toml" else "tool.devpie-transpile."
        lines = ["[tool.devpie-transpile]"] if table else []
        lines.append('source = "src/index.ts"')
        for target in CONFIG["targets"]:  # type: ignore[union-attr]
            lines.append(f"[[{table}targets]]")
            lines.extend(f"{k} = {json.dumps(v)}" for k, v in target.items())
        (repo / kind).write_text("\n".join(lines) + "\n")
        check = run_cli("--check", cwd=repo / "go")
        assert check.returncode == 0, (kind, check.stdout, check.stderr)
        shutil.rmtree(repo / "py")
        (repo / "go/events.go").unlink()
        assert run_cli(cwd=repo).returncode == 0
        assert snapshot(repo) == generated, kind
        (repo / kind).unlink()
    (repo / "package.json").write_text(
        json.dumps({**PACKAGE, "devpie-transpile": CONFIG}, indent=2) + "\n"
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "generated packages")
    assert run_cli("--check", cwd=repo).returncode == 0

    # --check catches a contract edit...
    events = repo / "src/events.ts"
    original = events.read_text()
    events.write_text(original.replace("  userId: string;\n", "  userId: string;\n  tenant: string;\n", 1))
    edited = run_cli("--check", cwd=repo)
    assert edited.returncode == 1 and "+\tTenant " in edited.stdout and "+    tenant: str" in edited.stdout
    events.write_text(original)
    # ...a hand edit of a generated file...
    go_file = repo / "go/events.go"
    go_file.write_text(go_file.read_text().replace("package events", "package events // mine", 1))
    hand = run_cli("--check", cwd=repo)
    assert hand.returncode == 1 and "--- go/events.go (committed)" in hand.stdout
    git(repo, "checkout", "--", "go/events.go")
    # ...and a stale package after a rename
    renamed = json.loads(json.dumps(CONFIG))
    renamed["targets"][0]["package"] = "client_events"
    (repo / "package.json").write_text(
        json.dumps({**PACKAGE, "devpie-transpile": renamed}, indent=2) + "\n"
    )
    stale = run_cli("--check", cwd=repo)
    assert stale.returncode == 1
    assert "--- py/devpie_client_events/__init__.py (stale)" in stale.stdout
    fixed = run_cli(cwd=repo)
    assert fixed.returncode == 0
    assert "deleted py/devpie_client_events/__init__.py" in fixed.stderr
    assert not (repo / "py/devpie_client_events").exists()
    assert run_cli("--check", cwd=repo).returncode == 0
    go(["build", "./..."], repo / "go", env)

    # the generated distribution installs with pip, as users install it
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", str(repo / "py")],
                             capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stdout + install.stderr
    script = textwrap.dedent("""
        from importlib.metadata import version
        import client_events as ev
        msg = {"id": "1", "type": "ProjectDeleted",
               "metadata": {"traceId": "t", "userId": "u"}, "data": {"projectId": "p"}}
        assert ev.parse_message(msg).to_dict() == msg
        print(version("devpie-client-events"))
    """)
    run = subprocess.run([str(python), "-c", script], cwd=tmp_path, capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "0.0.44\n"


def _readme_block(heading: str, lang: str) -> str:
    from helpers import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(heading):]
    start = section.index(f"```{lang}\n") + len(lang) + 4
    return section[start:section.index("```\n", start)]


def test_the_readme_npm_setup_works_as_written(npm_repo: Path) -> None:
    data = json.loads(_readme_block("## Setup in an npm repository", "json"))
    assert data["devpie-transpile"] == CONFIG
    proc = run_cli(cwd=npm_repo)
    assert proc.returncode == 0, proc.stderr


def test_the_readme_toml_configuration_works_as_written(npm_repo: Path) -> None:
    data = json.loads((npm_repo / "package.json").read_text())
    del data["devpie-transpile"]
    (npm_repo / "package.json").write_text(json.dumps(data))
    shutil.rmtree(npm_repo / "go")  # no Go module yet: the example's target makes one
    (npm_repo / "devpie-transpile.toml").write_text(_readme_block("## Configuration\n", "toml"))
    proc = run_cli(cwd=npm_repo)
    assert proc.returncode == 0, proc.stderr
    assert (npm_repo / "go/events/go.mod").exists() and (npm_repo / "py/pyproject.toml").exists()


def test_hooks_run_on_contract_config_and_generated_files() -> None:
    import re

    import yaml  # pre-commit's own dependency
    from helpers import REPO

    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    for name in ("devpie-transpile", "devpie-transpile-check"):
        hook = hooks[name]
        assert hook["pass_filenames"] is False
        pattern = re.compile(hook["files"])
        for path in ("src/index.ts", "src/a.mts", "package.json", "pyproject.toml",
                     "devpie-transpile.toml", "py/events/__init__.py", "go/events.go", "go/go.mod",
                     "py/events/py.typed"):
            assert pattern.search(path), (name, path)
        for path in ("README.md", "docs/x.png", "Makefile"):
            assert not pattern.search(path), (name, path)
