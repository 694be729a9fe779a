"""Golden tests: the output for every case, and out/ for the fixture, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import REPO, case_entries, case_name, golden_mismatch, run_cli
from update_golden import SUFFIX, golden_path, render_case

CASE_FILES = case_entries()


@pytest.mark.parametrize("lang", list(SUFFIX))
@pytest.mark.parametrize("case", CASE_FILES, ids=[case_name(c) for c in CASE_FILES])
def test_case_matches_golden(case: Path, lang: str) -> None:
    problem = golden_mismatch(golden_path(case, lang), render_case(case, lang))
    if problem:
        pytest.fail(problem, pytrace=False)


@pytest.mark.parametrize(
    ("lang", "committed"),
    [
        ("python", "out/python/devpie_client_events/__init__.py"),
        ("go", "out/go/events.go"),
    ],
)
def test_fixture_stdout_is_the_committed_package(lang: str, committed: str) -> None:
    proc = run_cli("fixtures/index.ts", "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    problem = golden_mismatch(REPO / committed, proc.stdout)
    if problem:
        pytest.fail(problem, pytrace=False)


def test_committed_packages_are_up_to_date() -> None:
    proc = run_cli("--check")
    if proc.returncode != 0:
        pytest.fail(
            f"{proc.stdout}{proc.stderr}\nRegenerate with: python tests/update_golden.py",
            pytrace=False,
        )
