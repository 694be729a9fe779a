"""Fuzzing the whole CLI: whatever the bytes, exit 0 or 2 and never a traceback.

Runs in-process (typer's CliRunner) so hypothesis can try hundreds of inputs;
every exit-0 output is then compiled (Python) or parsed by gofmt (Go), in one
batch. DEVPIE_FUZZ_EXAMPLES raises the example count.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from helpers import FIXTURE, go_env, gofmt_binary
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from devpie_transpile.cli import app

EXAMPLES = int(os.environ.get("DEVPIE_FUZZ_EXAMPLES", "60"))
TOKENS = [
    "export", "interface", "enum", "type", "extends", "import", "from", "readonly", "class",
    "declare", "const", "function", "string", "number", "boolean", "any", "unknown", "null",
    "undefined", "Array", "Record", "Events", "Metadata", "Foo", "x", "data", "type", "{", "}",
    "(", ")", "[", "]", "<", ">", ":", ";", ",", "?", "|", "&", "=", ".", "*", '"a"', "'b'", "1",
    "-2.5", "/** doc */", "// note\n", "\n", " ", '"./other"', "=>", "keyof", "typeof", "`t${x}`",
]
FIXTURE_TEXT = FIXTURE.read_text(encoding="utf-8")
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def run(tmp: Path, data: bytes, lang: str) -> tuple[int, str]:
    source = tmp / "index.ts"
    source.write_bytes(data)
    result = CliRunner().invoke(app, [str(source), "--lang", lang], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}\ninput: {data[:300]!r}"
    )
    output = result.output
    assert "Traceback" not in output
    assert result.exit_code in (0, 2), (result.exit_code, output, data[:300])
    return result.exit_code, result.stdout


class Outputs:
    """Collects exit-0 outputs; checks them in one batch (gofmt costs a process)."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.go: list[str] = []

    def add(self, lang: str, text: str) -> None:
        if lang == "python":
            compile(text, "<generated>", "exec")  # a syntax error here fails the example
        else:
            self.go.append(text)

    def check_go(self) -> None:
        if not self.go:
            return
        directory = self.tmp / "go-outputs"
        directory.mkdir(exist_ok=True)
        for index, text in enumerate(self.go):
            (directory / f"out{index}.go").write_text(text)
        env = go_env(self.tmp)
        proc = subprocess.run([gofmt_binary(env), "-e", "-l", str(directory)], env=env,
                              capture_output=True, text=True, check=False)
        assert proc.returncode == 0 and proc.stdout == "", proc.stdout + proc.stderr


def _fuzz(tmp_path: Path, strategy: st.SearchStrategy[bytes]) -> None:
    outputs = Outputs(tmp_path)

    @SETTINGS
    @given(data=strategy, lang=st.sampled_from(["python", "go"]))
    def check(data: bytes, lang: str) -> None:
        code, stdout = run(tmp_path, data, lang)
        if code == 0:
            outputs.add(lang, stdout)

    check()
    outputs.check_go()


def test_random_bytes(tmp_path: Path) -> None:
    _fuzz(tmp_path, st.binary(max_size=400))


def test_token_soup(tmp_path: Path) -> None:
    soup = st.lists(st.sampled_from(TOKENS), max_size=80).map(lambda t: " ".join(t).encode())
    _fuzz(tmp_path, soup)


@st.composite
def mutated_fixture(draw: st.DrawFn) -> bytes:
    text = FIXTURE_TEXT
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        replacement = draw(st.sampled_from(["", *TOKENS]))
        text = text[:start] + replacement + text[end:]
    return text.encode()


def test_mutated_fixture(tmp_path: Path) -> None:
    _fuzz(tmp_path, mutated_fixture())


# --- module specifiers and file layouts ---------------------------------------------------

SPECIFIER_PARTS = [
    ".", "..", "", "a", "b.js", "c.mjs", "d.cjs", "e.tsx", "f.d.ts", "sub", "sub/", "index",
    "loop1", "link", "up", "outside", "nats", "@scope/pkg", "@/a", "~", "*", "\0", "x" * 300,
    "é", " ", "%2e%2e", "\\", "node:fs", "a.ts", "#events",
]
LAYOUT = {
    "a.ts": "export interface A { a: string }",
    "b.ts": 'export * from "./a.js";\nexport interface B { b: number }',
    "c.mts": "export interface C { c: boolean }",
    "d.cts": "export enum D { X = 1 }",
    "e.tsx": "export interface E { e: string }\nexport const v = <div>{1}</div>;",
    "f.d.ts": "export declare interface F { f: string }",
    "sub/index.tsx": 'export * from "..";\nexport interface S { s: string }',
}
CONFIG_VALUES = ["./*", "../*", "sub/*", "/*", "*", "a", "..", ".", "../secret", "x\0", "@/*"]


@st.composite
def specifier(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(SPECIFIER_PARTS), min_size=1, max_size=4))
    prefix = draw(st.sampled_from(["./", "../", "", "/", "./sub/"]))
    return prefix + "/".join(parts)


@st.composite
def module_layout(draw: st.DrawFn) -> tuple[dict[str, str], str]:
    """A project (files, symlinks, a tsconfig.json) and an entry importing random specifiers."""
    imports = draw(st.lists(specifier(), min_size=1, max_size=4))
    lines = []
    for i, spec in enumerate(imports):
        quoted = spec.replace("\\", "\\\\").replace('"', '\\"').replace("\0", "\\0")
        form = draw(st.sampled_from(["import", "star", "from"]))
        if form == "import":
            lines.append(f'import {{ {draw(st.sampled_from("ABCDEFS"))} as I{i} }} from "{quoted}";')
            lines.append(f"export interface Use{i} {{ x: I{i} }}")
        elif form == "star":
            lines.append(f'export * from "{quoted}";')
        else:
            lines.append(f'export {{ {draw(st.sampled_from("ABCDEFS"))} as R{i} }} from "{quoted}";')
    config: dict[str, object] = {}
    if draw(st.booleans()):
        options: dict[str, object] = {}
        if draw(st.booleans()):
            options["baseUrl"] = draw(st.sampled_from(CONFIG_VALUES))
        if draw(st.booleans()):
            options["paths"] = {
                draw(st.sampled_from(["@/*", "*", "nats", "~/*", "#events"])):
                    draw(st.lists(st.sampled_from(CONFIG_VALUES), max_size=3))
            }
        config["compilerOptions"] = options
        if draw(st.booleans()):
            config["extends"] = draw(st.sampled_from(["./base", "../base.json", "@tsconfig/x", "./tsconfig.json"]))
    files = dict(LAYOUT)
    files["index.ts"] = "\n".join(lines) + "\n"
    if config:
        files["tsconfig.json"] = "// comment\n" + json.dumps(config) + "\n"
    return files, draw(st.sampled_from(["index.ts", "loop1.ts", "sub/index.tsx"]))


def test_specifiers_and_layouts(tmp_path: Path) -> None:
    """Whatever the specifiers and layout: exit 0 or 2, no traceback, nothing outside the
    project root read (its `Secret` never reaches the output)."""
    (tmp_path / "secret.ts").write_text("export interface Secret { s: string }")
    (tmp_path / "base.json").write_text('{"compilerOptions": {"baseUrl": "."}}')
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "index.ts").write_text('export * from "../secret";')
    counter = iter(range(10**6))

    @SETTINGS
    @given(layout=module_layout())
    def check(layout: tuple[dict[str, str], str]) -> None:
        files, entry = layout
        root = tmp_path / f"p{next(counter)}"
        root.mkdir()
        (root / "package.json").write_text("{}")
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        if os.name != "nt":
            (root / "loop1.ts").symlink_to("loop2.ts")
            (root / "loop2.ts").symlink_to("loop1.ts")
            (root / "link.ts").symlink_to(tmp_path / "secret.ts")
            (root / "up").symlink_to(tmp_path)
        result = CliRunner().invoke(app, [str(root / entry), "--lang", "python"],
                                    catch_exceptions=True)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{type(result.exception).__name__}: {result.exception}\n{files}"
        )
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 2), (result.exit_code, result.output)
        assert "Secret" not in result.stdout, files
        if result.exit_code == 0:
            compile(result.stdout, "<generated>", "exec")

    check()
