"""Smoke test of bench/slow_paths.py: every scenario at tiny sizes, through the CLI.

Figures are printed by the script, never asserted here (speed is measured in
bench/, not by timed asserts in tests).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import slow_paths


def test_every_scenario_runs_and_the_table_lists_it(capsys) -> None:
    assert slow_paths.main(["--quick"]) == 0
    table = capsys.readouterr().out
    for scenario in slow_paths.SCENARIOS:
        row = next(line for line in table.splitlines() if line.startswith(f"| {scenario.name} |"))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 7  # scenario, input, wall and CPU per language, target
        for value in cells[2:6]:
            float(value)  # seconds, not a failure


def test_inputs_have_the_sizes_of_the_issue() -> None:
    assert slow_paths.alias_chain(2000).count("export type") == 2000
    assert 1000 <= len(slow_paths.union_diamond(20)) <= 1500
    assert slow_paths.literal_union(50_000).count(" | ") == 49_999
    assert 4_500_000 <= len(slow_paths.doc_comments(7_800)) <= 5_500_000


def test_unknown_scenario_is_a_usage_error(capsys) -> None:
    import pytest

    with pytest.raises(SystemExit):
        slow_paths.main(["--only", "nope"])
