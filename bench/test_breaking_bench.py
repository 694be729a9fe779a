"""bench/breaking.py runs end to end: its repositories, its edit, its report."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import breaking


def test_one_round_on_the_fixture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ours = Path(sys.executable).parent / "devpie-transpile"
    breaking.main(
        ["--sizes", "", "--repeats", "1", "--ours", str(ours), "--results", str(tmp_path)]
    )
    report = (tmp_path / "breaking.md").read_text()
    assert "| fixture, unchanged |" in report and "| fixture, one field added |" in report
    assert capsys.readouterr().err == ""  # every run exited as expected (0, then 1)


def test_the_edit_adds_a_required_field() -> None:
    text = "export interface A {\n  id: string;\n  data: {\n    x: string;\n  };\n}\n"
    assert "  data: {\n    addedField: string;\n    x: string;" in breaking._edit(text)
