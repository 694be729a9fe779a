"""The loader reads through a `FileSystem`: another tree (an in-memory one here, a
git revision for `breaking`) loads by the same resolution rules as the disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from devpie_transpile.diagnostics import TranspileError
from devpie_transpile.frontend import load


class Memory:
    """Files held in a dict, none on disk: anything the loader reads from disk shows."""

    label = "MEM:"

    def __init__(self, root: Path, files: dict[str, str]) -> None:
        self.files = {root / name: text.encode() for name, text in files.items()}
        self.dirs = {p for path in self.files for p in path.parents}

    def read_bytes(self, path: Path) -> bytes:
        if path in self.dirs:
            raise IsADirectoryError(path)
        if path not in self.files:
            raise FileNotFoundError(path)
        return self.files[path]

    def is_file(self, path: Path) -> bool:
        return path in self.files

    def is_dir(self, path: Path) -> bool:
        return path in self.dirs

    def exists(self, path: Path) -> bool:
        return self.is_file(path) or self.is_dir(path)


def test_loads_followed_files_from_the_given_tree(tmp_path: Path) -> None:
    fs = Memory(
        tmp_path,
        {
            "package.json": "{}",
            "src/index.ts": 'export * from "./events";\nexport interface A { b: B }\n'
            'import { B } from "../shared/b";',
            "src/events/index.ts": "export enum E { X = 'x' }",
            "shared/b.ts": "export interface B { c: string }",
        },
    )
    module = load(tmp_path / "src/index.ts", display_root=tmp_path, fs=fs)
    assert list(module.decls) == ["A", "E", "B"]
    assert module.decls["A"].span.file == "MEM:src/index.ts"
    assert module.decls["B"].span.file == "MEM:shared/b.ts"


def test_errors_name_the_tree(tmp_path: Path) -> None:
    fs = Memory(tmp_path, {"index.ts": 'export * from "./gone";'})
    with pytest.raises(TranspileError) as info:
        load(tmp_path / "index.ts", display_root=tmp_path, fs=fs)
    [diag] = info.value.diagnostics
    assert diag.span is not None and diag.span.file == "MEM:index.ts"
    assert diag.message == (
        'cannot find module "./gone" (tried MEM:gone.ts, MEM:gone.tsx, MEM:gone.d.ts, '
        "MEM:gone/index.ts, MEM:gone/index.tsx, MEM:gone/index.d.ts)"
    )
    with pytest.raises(TranspileError) as info:
        load(tmp_path / "missing.ts", display_root=tmp_path, fs=fs)
    assert [(d.path, d.message) for d in info.value.diagnostics] == [
        ("MEM:missing.ts", "no such file")
    ]


def test_tsconfig_is_read_from_the_given_tree(tmp_path: Path) -> None:
    fs = Memory(
        tmp_path,
        {
            "package.json": "{}",
            "tsconfig.json": '{"compilerOptions": {"paths": {"@/*": ["./src/*"]}}} // c',
            "src/a.ts": "export interface A { x: string }",
            "index.ts": 'export * from "@/a.js";',
        },
    )
    module = load(tmp_path / "index.ts", display_root=tmp_path, fs=fs)
    assert list(module.decls) == ["A"]
