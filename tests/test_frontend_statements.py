"""Top-level statement shapes: what the loader declares, follows, re-exports or notes.

The frontend tells statements apart with one pass over the program's children (no
tree-sitter query, whose compilation cost start-up time); these pin every shape.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from devpie_transpile import ir
from devpie_transpile.frontend import load


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "package.json").write_text("{}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build(root: Path, index: str, **files: str) -> tuple[ir.Module, list[str]]:
    for name, text in {"index": index, **files}.items():
        (root / f"{name}.ts").write_text(text, encoding="utf-8")
    notes: list[str] = []
    return load(Path("index.ts"), note=notes.append), notes


def test_declarations_exported_or_not_and_namespaces(project: Path) -> None:
    module, notes = build(
        project,
        "interface A { x: string }\nexport type B = A;\nenum E { X }\n"
        "export default interface D { e: E }\nnamespace N { }\nmodule M { }\n"
        "export namespace Q { }\ndeclare const c: number;\n",
    )
    assert list(module.decls) == ["A", "B", "E", "D"]
    assert notes == ["index.ts:8:9: note: skipping variable c (not a message type)"]


def test_other_statements_are_noted_after_the_declarations(project: Path) -> None:
    _, notes = build(
        project,
        'foo();\nclass C {}\nexport default 42;\nexport = C;\nexport * as ns from "./q";\n'
        'export */* c */from "./q";\n;\nimport "./q";\nimport x = require("./q");\n',
        q="export interface Q {}",
    )
    assert notes == [
        "index.ts:2:1: note: skipping class C (not a message type)",
        "index.ts:1:1: note: skipping statement (not a message type)",
        "index.ts:3:1: note: skipping statement (not a message type)",
        "index.ts:4:1: note: skipping statement (not a message type)",
        "index.ts:6:1: note: skipping statement (not a message type)",
    ]


def test_imports_and_reexports_are_followed(project: Path) -> None:
    module, notes = build(
        project,
        'import { A } from "./a";\nimport type { B as Bee } from "./b";\n'
        'import Def, * as All from "./c";\n'
        'export { C, D as Dee } from "./c";\nexport * from "./e";\n'
        "export interface I { a: A; b: Bee }\nexport { I as J };\n",
        a="export interface A {}",
        b="export interface B {}",
        c="export interface C {}\nexport interface D {}",
        e="export enum E { X }",
    )
    assert notes == []
    assert list(module.decls) == ["I", "C", "Dee", "E", "J", "A", "B"]
