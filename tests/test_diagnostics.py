"""Diagnostics on hostile text: bytes that are not UTF-8, very long lines, wide and
control characters (issue 9, item 12; SPEC "Command line").

Bad bytes are located as `path:line:col` (the characters before them on their line),
and the printed source line is cut to about 120 columns around the caret, with the
caret under the right character whatever the characters before it.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devpie_transpile.diagnostics import (
    WINDOW,
    Diagnostic,
    TranspileError,
    excerpt,
    format_diagnostics,
)
from devpie_transpile.frontend import load
from devpie_transpile.ir import Span

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def width(text: str) -> int:
    """Display columns, as a terminal counts them."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


# --- bytes that are not UTF-8 ----------------------------------------------------------

TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("\n\t é中😀"),
    max_size=300,
)
BAD = st.sampled_from([b"\xff", b"\xfe", b"\x80", b"\xc3", b"\xe9(", b"\xed\xa0\x80",
                       b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xe2\x82"])


@SETTINGS
@given(TEXT, BAD, TEXT)
def test_bytes_that_are_not_utf8_are_located_by_line_and_column(
    tmp_path: Path, before: str, bad: bytes, after: str
) -> None:
    data = before.encode("utf-8") + bad + after.encode("utf-8")
    (tmp_path / "index.ts").write_bytes(data)
    try:
        load(tmp_path / "index.ts", display_root=tmp_path)
    except TranspileError as exc:
        (diag,) = exc.diagnostics
        text = format_diagnostics(exc, base=tmp_path)
    else:  # pragma: no cover
        raise AssertionError("accepted bytes that are not UTF-8")
    # the position, worked out from the text before the bad bytes (a leading BOM is
    # not part of the text)
    before = before.removeprefix("\ufeff")
    line = before.count("\n") + 1
    col = len(before.rsplit("\n", 1)[-1]) + 1
    assert diag.span == Span("index.ts", line, col, 1)
    assert diag.message == f"not valid UTF-8 (byte 0x{bad[0]:02x})"
    head, shown, marks = text.rstrip("\n").split("\n")
    assert head == f"index.ts:{line}:{col}: error: {diag.message}"
    # the caret is under the replacement character that stands for the bad bytes
    caret = marks.index("^")
    prefix = shown[: len(shown)]
    columns = [width(shown[:i]) for i in range(len(shown) + 1)]
    assert caret in columns
    at = columns.index(caret)
    while at < len(shown) and width(shown[at]) == 0:
        at += 1
    assert shown[at] == "\ufffd", (shown, marks, prefix)


def test_a_bom_is_not_counted(tmp_path: Path) -> None:
    (tmp_path / "index.ts").write_bytes(b"\xef\xbb\xbfexport enum E { A = \"\xff\" }\n")
    try:
        load(tmp_path / "index.ts", display_root=tmp_path)
    except TranspileError as exc:
        assert format_diagnostics(exc, base=tmp_path) == (
            "index.ts:1:22: error: not valid UTF-8 (byte 0xff)\n"
            '  export enum E { A = "\ufffd" }\n'
            "                       ^\n"
        )


# --- long lines, wide characters, tabs ---------------------------------------------------

CHARS = st.sampled_from([*"abc xyz;{}|\"'", "\t", "é", "中", "文", "😀", "\u0301", "ﾊ", "\x1b",
                         "\x7f", "\x0c", "\u2028", "\u200b"])


@SETTINGS
@given(st.lists(CHARS, min_size=1, max_size=2500), st.data())
def test_the_caret_is_under_its_character_in_a_cut_line(chars: list[str], data: st.DataObject
                                                        ) -> None:
    index = data.draw(st.integers(0, len(chars) - 1))
    marker = data.draw(st.sampled_from(["¤", "〶"]))  # a narrow or a wide target, unique
    chars[index] = marker
    line = "".join(chars)
    length = data.draw(st.integers(1, 3000))
    shown, marks = excerpt(line, index + 1, length)
    assert width(shown) <= WINDOW + 6
    assert not any(ch in shown for ch in "\t\x1b\x7f\x0c\u2028")  # no terminal controls
    caret = marks.index("^")
    assert caret == width(shown[: shown.index(marker)])
    assert set(marks[caret:]) <= {"^", "~"}
    assert caret + len(marks[caret:]) <= width(shown)
    if width(line) <= WINDOW and "\t" not in line:
        assert not shown.startswith("...") and not shown.endswith("...")


def test_an_error_in_a_2000_column_line(tmp_path: Path) -> None:
    fields = ["".join(f"f{i}: string; " for i in range(k, k + 100)) for k in (0, 100)]
    line = f"export interface Wide {{ {fields[0]}bad: Nope; {fields[1]}}}"
    (tmp_path / "index.ts").write_text(line + "\n", encoding="utf-8")
    try:
        load(tmp_path / "index.ts", display_root=tmp_path)
    except TranspileError as exc:
        text = format_diagnostics(exc, base=tmp_path)
    else:  # pragma: no cover
        raise AssertionError("unknown type accepted")
    col = line.index("Nope") + 1
    head, shown, marks = text.rstrip("\n").split("\n")
    assert head == f"index.ts:1:{col}: error: unknown type Nope"
    assert len(shown) <= WINDOW + 2 and shown.startswith("  ...") and shown.endswith("...")
    assert shown[marks.index("^") :].startswith("Nope")
    assert marks.strip() == "^~~~"


def test_short_lines_are_shown_whole(tmp_path: Path) -> None:
    error = TranspileError(Diagnostic("boom", span=Span("a.ts", 1, 5, 3)))
    (tmp_path / "a.ts").write_text("ab\tc中def\n", encoding="utf-8")
    assert format_diagnostics(error, base=tmp_path) == (
        "a.ts:1:5: error: boom\n  ab c中def\n      ^~~~\n"
    )


def test_configuration_files_that_are_not_utf8_are_located_too(tmp_path: Path) -> None:
    from helpers import run_cli

    (tmp_path / "devpie-transpile.toml").write_bytes(b'source = "caf\xe9.ts"\n')
    proc = run_cli(cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("devpie-transpile.toml:1:14: error: not valid UTF-8 (byte 0xe9)")
    (tmp_path / "devpie-transpile.toml").unlink()
    (tmp_path / "tsconfig.json").write_bytes(b'\xef\xbb\xbf{"compilerOptions": {"baseUrl": "\xff"}}')
    (tmp_path / "index.ts").write_text('import { X } from "lib/x";\nexport type A = X;\n')
    proc = run_cli("index.ts", "--lang", "go", cwd=tmp_path)
    assert proc.returncode == 2
    assert "tsconfig.json:1:34: error: not valid UTF-8 (byte 0xff)\n" in proc.stderr
