"""`--check`'s unified diff: valid for any two texts, and near-linear (bench/slow_paths.py)."""

from __future__ import annotations

import difflib
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from devpie_transpile.output import unified_diff
from helpers import REPO

HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n")


def apply(a: list[str], diff: list[str]) -> list[str]:
    """Apply a unified diff (as `patch` would), checking every context and removed line."""
    if not diff:
        return a
    assert diff[0].startswith("--- ") and diff[1].startswith("+++ ")
    out: list[str] = []
    at = 0
    rows = diff[2:]
    k = 0
    while k < len(rows):
        match = HUNK.fullmatch(rows[k])
        assert match, rows[k]
        start = int(match.group(1))
        old_len = int(match.group(2) or 1)
        start = start - 1 if old_len else start
        out.extend(a[at:start])
        at = start
        k += 1
        while k < len(rows) and not rows[k].startswith("@@"):
            tag, line = rows[k][0], rows[k][1:]
            if tag in " -":
                assert a[at] == line
                at += 1
            if tag in " +":
                out.append(line)
            k += 1
    return out + a[at:]


lines = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "}\n", "x = 1\n", "\n", "end"]), max_size=40)


@settings(max_examples=400, deadline=None)
@given(a=lines, b=lines)
def test_the_diff_turns_the_old_text_into_the_new(a: list[str], b: list[str]) -> None:
    diff = list(unified_diff(a, b, "old", "new"))
    assert (diff == []) == (a == b)
    assert apply(a, diff) == b


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 200), min_size=1, max_size=60), st.data())
def test_unique_lines_diff_like_difflib(numbers: list[int], data: st.DataObject) -> None:
    """Edits of mostly unique lines (generated code): the same hunks as difflib."""
    a = [f"line {n}\n" for n in dict.fromkeys(numbers)]
    b = list(a)
    for _ in range(data.draw(st.integers(0, 3))):
        if b:
            b[data.draw(st.integers(0, len(b) - 1))] = f"edited {data.draw(st.integers())}\n"
    assert list(unified_diff(a, b, "x", "y")) == list(
        difflib.unified_diff(a, b, "x", "y")
    )


def test_the_bench_scenario_runs(capsys: object) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    import slow_paths

    assert slow_paths.main(["--quick", "--only", "check-diff"]) == 0
