"""Project mode's configuration: the three config files, package.json defaults, Go
targets inside an existing module, stale files, -v/-q, special files."""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import FIXTURE, run_cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TARGETS = [
    {"lang": "python", "out": "py", "package": "client_events"},
    {"lang": "go", "out": "gen/go", "package": "events", "module": "example.com/gen/events"},
]


def toml_targets(prefix: str) -> str:
    out = []
    for target in TARGETS:
        out.append(f"[[{prefix}targets]]")
        out.extend(f"{key} = {json.dumps(value)}" for key, value in target.items())
    return "\n".join(out) + "\n"


def write_config(root: Path, kind: str, targets: list[dict[str, str]] | None = None) -> Path:
    if kind == "devpie-transpile.toml":
        path = root / kind
        path.write_text('source = "src/index.ts"\n' + toml_targets(""))
    elif kind == "pyproject.toml":
        path = root / kind
        path.write_text(
            '[project]\nname = "x"\n\n[tool.devpie-transpile]\nsource = "src/index.ts"\n'
            + toml_targets("tool.devpie-transpile.")
        )
    else:
        path = root / "package.json"
        data = json.loads(path.read_text()) if path.exists() else {}
        data["devpie-transpile"] = {"source": "src/index.ts", "targets": targets or TARGETS}
        path.write_text(json.dumps(data, indent=2) + "\n")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An npm-shaped directory: package.json naming the package, the contract in src/."""
    (tmp_path / "src").mkdir()
    shutil.copy(FIXTURE, tmp_path / "src" / "index.ts")
    (tmp_path / "package.json").write_text(
        json.dumps({"name": "@devpie/client-events", "version": "0.0.44"}, indent=2) + "\n"
    )
    return tmp_path


@pytest.mark.parametrize("kind", ["devpie-transpile.toml", "pyproject.toml", "package.json"])
def test_each_config_file_is_found_from_a_subdirectory(repo: Path, kind: str) -> None:
    write_config(repo, kind)
    proc = run_cli(cwd=repo / "src")
    assert proc.returncode == 0, proc.stderr
    assert (repo / "gen/go/events.go").exists()
    meta = tomllib.loads((repo / "py/pyproject.toml").read_text())
    # defaults from the nearest package.json, whichever file holds the config
    assert meta["project"]["name"] == "devpie-client-events"
    assert meta["project"]["version"] == "0.0.44"
    assert sorted(proc.stderr.splitlines()) == sorted(
        f"wrote {p}"
        for p in ["py/pyproject.toml", "py/client_events/__init__.py",
                  "py/client_events/py.typed", "gen/go/go.mod", "gen/go/events.go"]
    )
    assert run_cli("--check", cwd=repo / "src").returncode == 0


def test_two_configs_in_one_directory_name_both(repo: Path) -> None:
    write_config(repo, "package.json")
    write_config(repo, "devpie-transpile.toml")
    proc = run_cli(cwd=repo)
    assert proc.returncode == 2
    assert "devpie-transpile.toml and package.json" in proc.stderr
    assert not (repo / "py").exists()


def test_nearest_directory_wins(repo: Path) -> None:
    write_config(repo, "package.json")
    inner = repo / "sub"
    (inner / "src").mkdir(parents=True)
    shutil.copy(FIXTURE, inner / "src/index.ts")
    write_config(inner, "devpie-transpile.toml")
    assert run_cli(cwd=inner / "src").returncode == 0
    assert (inner / "py/client_events/__init__.py").exists()
    assert not (repo / "py").exists()
    # package.json's defaults still come from above the configuration
    assert 'version = "0.0.44"' in (inner / "py/pyproject.toml").read_text()


def test_a_package_json_without_the_key_is_no_config(repo: Path) -> None:
    proc = run_cli(cwd=repo)
    assert proc.returncode == 2
    assert "no SOURCE given and no configuration" in proc.stderr


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ('{\n  "name": "x",\n  "devpie-transpile": {\n    "source": "src/index.ts",,\n', "4:30",
         "invalid JSON"),
        ('{"devpie-transpile": {\n  "source": "src/index.ts",\n  "targets": [\n'
         '    {"lang": "go", "out": "go", "package": "events", "module": "a b"}\n]}}\n',
         "4:54", "is not a Go module path"),
        ('{"devpie-transpile": {\n  "source": "src/index.ts",\n  "sauce": 1,\n'
         '  "targets": [{"lang": "python", "out": "py", "package": "x"}]}}\n', "3:3",
         "unknown key 'sauce'"),
        ('{"devpie-transpile": {"source": "src/index.ts",\n  "targets": [\n'
         '    {"lang": "python", "out": "py", "package": "json"}]}}\n', "3:37",
         "would shadow the standard library"),
        ('{"devpie-transpile": {"source": "src/index.ts",\n  "targets": [\n'
         '    {"lang": "go", "out": "go", "package": "events_windows", "module": "x"}]}}\n',
         "3:33", "compiled only on windows"),
        ('{"devpie-transpile": {"source": "src/index.ts",\n  "targets": [\n'
         '    {"lang": "go", "out": "../go", "package": "events", "module": "x"}]}}\n',
         "3:20", "'out' must be inside the project"),
    ],
)
def test_package_json_errors_are_located(tmp_path: Path, text: str, where: str, message: str) -> None:
    (tmp_path / "package.json").write_text(text)
    proc = run_cli(cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert f"package.json:{where}: error:" in proc.stderr, proc.stderr
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_bad_package_json_version_is_an_error_naming_the_fix(repo: Path) -> None:
    data = json.loads((repo / "package.json").read_text())
    data["version"] = "1.0.0-alpha.beta"
    (repo / "package.json").write_text(json.dumps(data, indent=2))
    write_config(repo, "devpie-transpile.toml")
    proc = run_cli(cwd=repo)
    assert proc.returncode == 2
    assert "devpie-transpile.toml:" in proc.stderr and "package.json:3:" in proc.stderr
    assert "set 'version'" in proc.stderr


def test_explicit_distribution_and_version_win_and_are_checked(repo: Path) -> None:
    targets = [{"lang": "python", "out": "py", "package": "client_events",
                "distribution": "acme-events", "version": "2.0.0rc1"}]
    write_config(repo, "package.json", targets)
    assert run_cli(cwd=repo).returncode == 0
    meta = tomllib.loads((repo / "py/pyproject.toml").read_text())
    assert (meta["project"]["name"], meta["project"]["version"]) == ("acme-events", "2.0.0rc1")
    targets[0]["distribution"] = "-bad-"
    write_config(repo, "package.json", targets)
    proc = run_cli(cwd=repo)
    assert proc.returncode == 2 and "not a valid distribution name" in proc.stderr


# --- Go into an existing module -------------------------------------------------------


def go_module(repo: Path, directive: str = "go 1.24") -> Path:
    go = repo / "go"
    go.mkdir()
    (go / "go.mod").write_text(f"module github.com/devpie/client-events/go\n\n{directive}\n")
    (go / "pubsub.go").write_text("package events\n\nfunc Hello() string { return \"hi\" }\n")
    return go


def test_go_into_an_existing_module_writes_only_the_package_file(repo: Path) -> None:
    go = go_module(repo)
    write_config(repo, "package.json", [{"lang": "go", "out": "go", "package": "events"}])
    proc = run_cli(cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "wrote go/events.go\n"
    assert sorted(p.name for p in go.iterdir()) == ["events.go", "go.mod", "pubsub.go"]
    assert (go / "go.mod").read_text().startswith("module github.com/devpie/client-events/go")


def test_old_go_directive_is_an_error_in_go_mod(repo: Path) -> None:
    go_module(repo, "go 1.14")
    write_config(repo, "package.json", [{"lang": "go", "out": "go", "package": "events"}])
    proc = run_cli(cwd=repo)
    assert proc.returncode == 2
    assert "go/go.mod:3:1: error: the generated Go needs go 1.24" in proc.stderr
    assert "  go 1.14\n  ^~~~~~~" in proc.stderr
    assert not (repo / "go/events.go").exists()


def test_module_key_beside_an_existing_module_is_an_error(repo: Path) -> None:
    go_module(repo)
    write_config(repo, "package.json",
                 [{"lang": "go", "out": "go", "package": "events", "module": "example.com/x"}])
    proc = run_cli(cwd=repo)
    assert proc.returncode == 2 and "'module' is only for a new module" in proc.stderr


def test_a_new_go_module_needs_module(repo: Path) -> None:
    write_config(repo, "package.json", [{"lang": "go", "out": "go", "package": "events"}])
    proc = run_cli(cwd=repo)
    assert proc.returncode == 2 and "a go target needs 'module'" in proc.stderr


def test_go_and_python_file_paths_as_out(repo: Path) -> None:
    go_module(repo)
    write_config(repo, "package.json", [
        {"lang": "go", "out": "go/messages.go", "package": "events"},
        {"lang": "python", "out": "lib/events_pb.py", "package": "client_events"},
    ])
    proc = run_cli(cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert sorted(proc.stderr.splitlines()) == ["wrote go/messages.go", "wrote lib/events_pb.py"]
    assert (repo / "go/messages.go").read_text().startswith("// Code generated")
    assert sorted(p.name for p in (repo / "lib").iterdir()) == ["events_pb.py"]


# --- stale files ----------------------------------------------------------------------


def test_a_renamed_package_leaves_nothing_behind(repo: Path) -> None:
    go = go_module(repo)
    targets = [{"lang": "go", "out": "go", "package": "events"},
               {"lang": "python", "out": "py", "package": "client_events"}]
    write_config(repo, "package.json", targets)
    assert run_cli(cwd=repo).returncode == 0
    (repo / "py/client_events/notes.txt").write_text("mine\n")  # no header: never touched
    targets[0]["package"], targets[1]["package"] = "messages", "devpie_events"
    write_config(repo, "package.json", targets)
    check = run_cli("--check", cwd=repo)
    assert check.returncode == 1
    assert "--- go/events.go (stale)\n+++ go/events.go (deleted)\n" in check.stdout
    assert "--- py/client_events/py.typed (stale)" in check.stdout
    proc = run_cli(cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert "deleted go/events.go" in proc.stderr.splitlines()
    assert "deleted py/client_events/__init__.py" in proc.stderr.splitlines()
    assert sorted(p.name for p in go.iterdir()) == ["go.mod", "messages.go", "pubsub.go"]
    assert sorted(p.name for p in (repo / "py/client_events").iterdir()) == ["notes.txt"]
    assert run_cli("--check", cwd=repo).returncode == 0


def test_a_generated_go_mod_is_stale_once_a_module_is_above(repo: Path) -> None:
    write_config(repo, "package.json", [
        {"lang": "go", "out": "go/events", "package": "events", "module": "example.com/e"}])
    assert run_cli(cwd=repo).returncode == 0
    (repo / "go/go.mod").write_text("module example.com/all\n\ngo 1.25\n")
    write_config(repo, "package.json", [{"lang": "go", "out": "go/events", "package": "events"}])
    proc = run_cli(cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "deleted go/events/go.mod\n"


# --- -v / -q --------------------------------------------------------------------------


def test_notes_only_with_verbose_and_quiet_prints_nothing(repo: Path) -> None:
    (repo / "src/index.ts").write_text(
        (repo / "src/index.ts").read_text() + "\nexport class Listener { run(): void {} }\n"
    )
    write_config(repo, "package.json")
    quiet = run_cli("-q", cwd=repo)
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert run_cli(cwd=repo).stderr == ""  # nothing changed: nothing to say
    verbose = run_cli("-v", "--check", cwd=repo)
    assert verbose.returncode == 0
    assert "Listener" in verbose.stderr
    single = run_cli("src/index.ts", "--lang", "go", cwd=repo)
    assert single.returncode == 0 and single.stderr == ""


# --- special files --------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_special_files_are_refused_untouched(repo: Path) -> None:
    fifo = repo / "fifo.go"
    os.mkfifo(fifo)
    link = repo / "link.go"
    link.symlink_to("/proc/self/fd/1")
    target = repo / "real.go"
    target.write_text("// Code generated by devpie-transpile from x. DO NOT EDIT.\n")
    to_real = repo / "to_real.go"
    to_real.symlink_to(target)
    for out in (fifo, link, to_real, Path("/dev/null")):
        for extra in ((), ("--check",)):
            proc = run_cli("src/index.ts", "--lang", "go", "-o", out, *extra, cwd=repo)
            assert proc.returncode == 2, (out, proc.stderr)
            assert "only regular files are written" in proc.stderr
    assert fifo.is_fifo() and link.is_symlink() and to_real.is_symlink()
    assert target.read_text().endswith("x. DO NOT EDIT.\n")
    empty = run_cli("src/index.ts", "--lang", "go", "-o", "", cwd=repo)
    assert empty.returncode == 2 and "-o needs a path" in empty.stderr


def test_a_symlinked_package_directory_is_not_written_through(repo: Path) -> None:
    write_config(repo, "package.json")
    elsewhere = repo / "elsewhere"
    elsewhere.mkdir()
    (repo / "py").mkdir()
    (repo / "py/client_events").symlink_to(elsewhere)
    proc = run_cli(cwd=repo)
    assert proc.returncode == 2
    assert "py/client_events: error: is a symlink, not a directory" in proc.stderr
    assert list(elsewhere.iterdir()) == [] and not (repo / "gen").exists()


def test_temp_files_of_a_killed_run_are_removed(repo: Path) -> None:
    out = repo / "go"
    out.mkdir()
    dead = out / ".events.go.devpie-transpile-999999999-abc.tmp"  # no such pid
    dead.write_text("half")
    live = out / f".events.go.devpie-transpile-{os.getpid()}-abc.tmp"  # a running process
    live.write_text("busy")
    mine = out / ".notes.tmp"
    mine.write_text("not ours")
    proc = run_cli("src/index.ts", "--lang", "go", "-o", "go/events.go", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(["events.go", live.name, mine.name])


def test_readme_config_example_is_valid(repo: Path) -> None:
    """The SPEC's example table, as devpie-transpile.toml, loads and generates."""
    (repo / "devpie-transpile.toml").write_text(textwrap.dedent("""\
        source = "src/index.ts"
        [[targets]]
        lang = "python"
        out = "py"
        package = "devpie_client_events"
        [[targets]]
        lang = "go"
        out = "go/events"
        package = "events"
        module = "github.com/devpie/client-events/go/events"
    """))
    proc = run_cli(cwd=repo)
    assert proc.returncode == 0, proc.stderr
