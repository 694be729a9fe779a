"""One Go binary that decodes JSON with many generated packages (one build for all).

Used by the shared vectors and the property test: each generated Go package gets an
import alias, each (case, type) a `case "<case>/<Type>"` in the harness's switch.
Building once instead of once per package keeps the suite fast on 2 cores.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from helpers import REPO, go, go_env, gofmt_binary


def build_go_harness(pkgs: list[dict[str, Any]], names: dict[str, list[str]], tmp: Path) -> Path:
    """Vet and gofmt-check every package, then build the harness; returns the binary.

    `pkgs` items have `case`, `module` (Go module path) and `go` (its directory);
    `names[case]` are the types to decode (`parse_message` adds ParseMessage, a name
    ending in `()`, such as `ParseFrame()`, calls that function)."""
    env = go_env(tmp)
    unformatted = subprocess.run([gofmt_binary(env), "-l", *(str(p["go"]) for p in pkgs)],
                                 env=env, capture_output=True, text=True, check=True).stdout
    assert unformatted == "", f"gofmt -l: {unformatted}"
    imports: list[str] = []
    cases: list[str] = []
    for i, p in enumerate(pkgs):
        imports.append(f"\tp{i} {json.dumps(p['module'])}")
        for name in sorted(set(names[p["case"]]) - {"parse_message"}):
            if name.endswith("()"):
                cases.append(f"\tcase {json.dumps(p['case'] + '/' + name)}:\n"
                             f"\t\treturn p{i}.{name[:-2]}(data)")
                continue
            cases.append(f"\tcase {json.dumps(p['case'] + '/' + name)}:\n\t\tvar v p{i}.{name}\n"
                         "\t\terr := json.Unmarshal(data, &v)\n\t\treturn &v, err")
        if any("func ParseMessage(" in f.read_text(encoding="utf-8") for f in p["go"].glob("*.go")):
            cases.append(f"\tcase {json.dumps(p['case'] + '/parse_message')}:\n"
                         f"\t\treturn p{i}.ParseMessage(data)")
    template = (REPO / "tests" / "vectors_harness.go.tmpl").read_text(encoding="utf-8")
    harness = tmp / "harness"
    harness.mkdir()
    (harness / "main.go").write_text(
        template.replace("@IMPORTS@", "\n".join(imports)).replace("@CASES@", "\n".join(cases))
    )
    requires = "".join(f"require {p['module']} v0.0.0\nreplace {p['module']} => {p['go']}\n"
                       for p in pkgs)
    (harness / "go.mod").write_text(f"module harness\n\ngo 1.24\n\n{requires}")
    go(["vet", ".", *(p["module"] for p in pkgs)], harness, env)
    go(["build", "-o", str(tmp / "harness.bin"), "."], harness, env)
    return tmp / "harness.bin"


def run_go(binary: Path, vectors: list[dict[str, Any]], tmp: Path) -> list[dict[str, Any]]:
    """Each vector (`case`, `decode`, `data`) -> {type, json} or {error}."""
    path = tmp / "go-vectors.json"
    path.write_text(json.dumps(vectors), encoding="utf-8")
    proc = subprocess.run([str(binary), str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]
