"""Shared JSON vectors, run through the generated Python AND the generated Go.

Each `tests/vectors/<case>/vectors.json` holds valid values (decode, re-encode,
get the same JSON value back; messages dispatch to the right class) and invalid
ones (decoding fails with exactly the message in the file, in both languages).
`decode` names a class, `parse_message`, or with `"parse": true` a union alias
decoded by its parse function (`parse_frame` / `ParseFrame`); `class` is then
the class the value must decode to.
`fixture` runs on the committed packages in out/; other cases on packages
generated from `tests/cases/<case>.ts` (or `<case>/index.ts`) by the CLI.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from go_harness import build_go_harness
from go_harness import run_go as run_harness
from helpers import FIXTURE, REPO, VECTORS, case_entry, run_cli

from devpie_transpile import ir
from devpie_transpile.backends.go.names import pascal
from devpie_transpile.backends.python.names import parse_function
from devpie_transpile.frontend import load
from devpie_transpile.messages import constants, enum_values

CASE_NAMES = sorted(p.parent.name for p in VECTORS.glob("*/vectors.json"))
GO_MODULE = "example.com/vectors/{case}"


def load_vectors(case: str) -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = json.loads(
        (VECTORS / case / "vectors.json").read_text(encoding="utf-8")
    )
    return data


def _generate(case: str, tmp: Path) -> dict[str, Any]:
    """Python and Go packages for one vectors case: committed (fixture) or generated."""
    if case == "fixture":
        return {"case": case, "python": REPO / "out/python/devpie_client_events/__init__.py",
                "go": REPO / "out/go", "module": _go_module_of(REPO / "out/go")}
    source = case_entry(case).relative_to(REPO)
    module = GO_MODULE.format(case=case)
    for lang, extra in (("python", []), ("go", ["--module", module])):
        proc = run_cli(source, "--lang", lang, "-o", f"{tmp / case / lang}/", *extra)
        assert proc.returncode == 0, proc.stderr
    return {"case": case, "python": tmp / case / "python/events/__init__.py",
            "go": tmp / case / "go", "module": module}


@pytest.fixture(scope="session")
def all_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("vector-packages")
    return {case: _generate(case, tmp) for case in CASE_NAMES}


@pytest.fixture(params=CASE_NAMES)
def packages(request: pytest.FixtureRequest, all_packages: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return all_packages[request.param]


def _go_module_of(directory: Path) -> str:
    first = (directory / "go.mod").read_text(encoding="utf-8")
    for line in first.splitlines():
        if line.startswith("module "):
            return line.split()[1]
    raise AssertionError("go.mod has no module line")


def import_generated(path: Path, name: str) -> ModuleType:
    """Import a generated module under a unique name (several cases are all 'events')."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while building classes
    spec.loader.exec_module(module)
    return module


def python_decode(mod: ModuleType, vector: dict[str, Any]) -> Any:
    name, data = vector["decode"], vector["data"]
    if vector.get("parse"):
        return getattr(mod, parse_function(name))(data)
    if name == "parse_message":
        return mod.parse_message(data)
    return getattr(mod, name).from_dict(data)


def go_name(vector: dict[str, Any]) -> str:
    """What the Go harness decodes with: a type, parse_message, or `ParseFrame()`."""
    return f"Parse{vector['decode']}()" if vector.get("parse") else str(vector["decode"])


def for_go(vector: dict[str, Any]) -> dict[str, Any]:
    return {**vector, "decode": go_name(vector)}


def class_of(vector: dict[str, Any]) -> str:
    return str(vector.get("class", vector["decode"]))


def constant_fields(case: str) -> dict[str, list[str]]:
    """Go names of each interface's constant fields (discriminators, `version: 1`)."""
    source = FIXTURE if case == "fixture" else case_entry(case)
    module = load(source, display_root=REPO)
    values = enum_values(module.decls)
    return {name: [pascal(key) for key in constants(decl.fields, values)]
            for name, decl in module.decls.items() if isinstance(decl, ir.Interface)}


def test_python_valid_round_trip(packages: dict[str, Any]) -> None:
    mod = import_generated(packages["python"], f"vectors_{packages['case']}_valid")
    vectors = load_vectors(packages["case"])["valid"]
    assert vectors
    for vector in vectors:
        value = python_decode(mod, vector)
        assert type(value).__name__ == class_of(vector)
        assert value.to_dict() == vector["data"], vector
        # to_dict output is plain JSON: it survives a trip through the json module
        assert json.loads(json.dumps(value.to_dict())) == vector["data"]
        if class_of(vector) in {cls.__name__ for cls in getattr(mod, "MESSAGE_TYPES", {}).values()}:
            parsed = mod.parse_message(vector["data"])
            assert type(parsed).__name__ == class_of(vector)
            assert parsed == value


def test_python_invalid_raise_value_error_naming_the_path(packages: dict[str, Any]) -> None:
    mod = import_generated(packages["python"], f"vectors_{packages['case']}_invalid")
    vectors = load_vectors(packages["case"])["invalid"]
    for vector in vectors:
        with pytest.raises(ValueError) as info:
            python_decode(mod, vector)
        assert str(info.value) == vector["error"], vector


@pytest.fixture(scope="session")
def go_harness(all_packages: dict[str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One harness binary over every case's generated Go package (vetted, gofmt-checked)."""
    names = {case: [go_name(v) for v in load_vectors(case)["valid"] + load_vectors(case)["invalid"]]
             for case in all_packages}
    return build_go_harness(list(all_packages.values()), names, tmp_path_factory.mktemp("go-vectors"))


def run_go(binary: Path, case: str, vectors: list[dict[str, Any]], tmp: Path) -> list[dict[str, Any]]:
    return run_harness(binary, [{**for_go(v), "case": case} for v in vectors], tmp)


def test_go_valid_round_trip(packages: dict[str, Any], go_harness: Path, tmp_path: Path) -> None:
    vectors = load_vectors(packages["case"])["valid"]
    zero = constant_fields(packages["case"])
    results = run_go(go_harness, packages["case"],
                     [{**v, "zero": zero.get(class_of(v), [])} for v in vectors], tmp_path)
    for vector, result in zip(vectors, results, strict=True):
        assert "error" not in result, (vector, result)
        assert result["type"] == f"*{_pkg_name(packages['go'])}.{class_of(vector)}"
        assert result["json"] == vector["data"], vector
        if zero.get(class_of(vector)):
            # a struct encodes its constant fields (discriminators) even when never set
            assert result["unset"] == vector["data"], (vector, result)
    mod = import_generated(packages["python"], f"vectors_{packages['case']}_go")
    message_classes = {cls.__name__ for cls in getattr(mod, "MESSAGE_TYPES", {}).values()}
    messages = [v for v in vectors if class_of(v) in message_classes]
    dispatched = run_go(go_harness, packages["case"],
                        [{**v, "decode": "parse_message", "parse": False,
                          "zero": zero[class_of(v)]} for v in messages], tmp_path)
    for vector, result in zip(messages, dispatched, strict=True):
        assert result.get("type", "").endswith(f".{class_of(vector)}"), (vector, result)
        assert result["json"] == vector["data"]
        # a message encodes its own constant fields even when they were never set
        assert result["unset"] == vector["data"], (vector, result)


def test_go_invalid_errors_match_python(packages: dict[str, Any], go_harness: Path, tmp_path: Path) -> None:
    vectors = load_vectors(packages["case"])["invalid"]
    results = run_go(go_harness, packages["case"], vectors, tmp_path)
    for vector, result in zip(vectors, results, strict=True):
        assert result.get("error") == vector["error"], (vector, result)


def _pkg_name(directory: Path) -> str:
    go_file = next(p for p in directory.glob("*.go"))
    for line in go_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("package "):
            return line.split()[1]
    raise AssertionError("no package clause")
