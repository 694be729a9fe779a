"""Fuzzing the whole CLI: whatever the bytes, exit 0 or 2 and never a traceback.

Runs in-process (typer's CliRunner) so hypothesis can try hundreds of inputs;
every exit-0 output is then compiled (Python) or parsed by gofmt (Go), in one
batch. DEVPIE_FUZZ_EXAMPLES raises the example count.
"""

from __future__ import annotations

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
