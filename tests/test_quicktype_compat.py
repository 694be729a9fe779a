"""`quicktype_compat = true`: quicktype's `UnmarshalX` / `(r *X) Marshal()` in Go, so
callers written against quicktype's output compile unchanged."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import FIXTURE, go, go_env, gofmt_binary, run_cli

CALLER = """\
package events

// Callers as they were written against quicktype's output.
func decodeRegistered(data []byte) (string, []byte, error) {
	ev, err := UnmarshalUserRegisteredEvent(data)
	if err != nil {
		return "", nil, err
	}
	out, err := ev.Marshal()
	return ev.Data.Email, out, err
}
"""
CALLER_TEST = """\
package events

import (
	"encoding/json"
	"testing"
)

func TestQuicktypeAPI(t *testing.T) {
	in := `{"id":"1","type":"UserRegistered","metadata":{"traceId":"t","userId":"u"},` +
		`"data":{"id":"u","auth0Id":"a","email":"e@x","emailVerified":true,"firstName":"f",` +
		`"lastName":"l","picture":"p","locale":"en"}}`
	email, out, err := decodeRegistered([]byte(in))
	if err != nil || email != "e@x" || len(out) == 0 {
		t.Fatalf("%q %s %v", email, out, err)
	}
	ev, _ := UnmarshalUserRegisteredEvent([]byte(in))
	if want, err := json.Marshal(&ev); err != nil || string(out) != string(want) {
		t.Fatalf("Marshal wrote %s, json.Marshal %s (%v)", out, want, err)
	}
	var none *UserRegisteredEvent
	if got, err := none.Marshal(); err != nil || string(got) != "null" {
		t.Fatalf("a nil *UserRegisteredEvent marshals to %s (%v)", got, err)
	}
	if _, err := UnmarshalUserRegisteredEvent([]byte(`{"id":1}`)); err == nil {
		t.Fatal("a wrong type decodes")
	}
}
"""


def project(tmp: Path, source: str, **target: object) -> Path:
    (tmp / "src").mkdir()
    (tmp / "src/index.ts").write_text(source)
    (tmp / "go").mkdir()
    (tmp / "go/go.mod").write_text("module example.com/events\n\ngo 1.24\n")
    config = {"source": "src/index.ts",
              "targets": [{"lang": "go", "out": "go", "package": "events", **target}]}
    (tmp / "package.json").write_text(json.dumps({"name": "x", "devpie-transpile": config}))
    return tmp


def test_quicktype_callers_compile_and_run(tmp_path: Path) -> None:
    repo = project(tmp_path, FIXTURE.read_text(), quicktype_compat=True)
    (repo / "go/caller.go").write_text(CALLER)
    (repo / "go/caller_test.go").write_text(CALLER_TEST)
    proc = run_cli(cwd=repo)
    assert proc.returncode == 0, proc.stderr
    env = go_env(tmp_path)
    go(["vet", "./..."], repo / "go", env)
    go(["test", "./..."], repo / "go", env)
    fmt = subprocess.run([gofmt_binary(env), "-l", "events.go"], cwd=repo / "go", env=env,
                         capture_output=True, text=True, check=True)
    assert fmt.stdout == ""
    text = (repo / "go/events.go").read_text()
    assert "func UnmarshalMetadata(data []byte) (Metadata, error) {" in text
    assert "func (r *ProjectDeletedEvent) Marshal() ([]byte, error) {" in text
    assert "func UnmarshalProjectDeletedEventData(" not in text  # hoisted: not top-level


def test_off_by_default(tmp_path: Path) -> None:
    repo = project(tmp_path, FIXTURE.read_text())
    assert run_cli(cwd=repo).returncode == 0
    assert "func Unmarshal" not in (repo / "go/events.go").read_text()


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("export interface Foo {\n  marshal: string;\n}\n", "has a field Marshal"),
        ("export interface Foo {\n  a: string;\n}\nexport interface UnmarshalFoo {\n  b: string;\n}\n",
         "UnmarshalFoo is already a name"),
    ],
)
def test_clashes_are_located_errors(tmp_path: Path, source: str, message: str) -> None:
    repo = project(tmp_path, source, quicktype_compat=True)
    proc = run_cli(cwd=repo)
    assert proc.returncode == 2
    assert "src/index.ts:1:" in proc.stderr and message in proc.stderr
    assert not (repo / "go/events.go").exists()


def test_only_for_go_and_only_a_boolean(tmp_path: Path) -> None:
    repo = project(tmp_path, "export interface Foo {\n  a: string;\n}\n", quicktype_compat="yes")
    proc = run_cli(cwd=repo)
    assert proc.returncode == 2 and "'quicktype_compat' must be true or false" in proc.stderr
    config = json.loads((repo / "package.json").read_text())
    config["devpie-transpile"]["targets"] = [
        {"lang": "python", "out": "py", "package": "ev", "quicktype_compat": True}]
    (repo / "package.json").write_text(json.dumps(config))
    proc = run_cli(cwd=repo)
    assert proc.returncode == 2 and "'quicktype_compat' is for a go target" in proc.stderr
