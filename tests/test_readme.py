"""The README tells the truth: its excerpts are the committed output, its example
session runs, and CI runs its test command."""

from __future__ import annotations

import doctest
import re
import sys

import pytest
from helpers import FIXTURE, REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
EXCERPTS = re.findall(r"<!-- excerpt: (\S+) -->\n```\w+\n(.*?)```\n", README, re.DOTALL)


def test_there_are_excerpts() -> None:
    assert len(EXCERPTS) >= 4


@pytest.mark.parametrize(("path", "body"), EXCERPTS, ids=[f"{p}#{i}" for i, (p, _) in enumerate(EXCERPTS)])
def test_excerpt_is_verbatim_output(path: str, body: str) -> None:
    shown = body.removesuffix("    ...\n")
    assert shown in (REPO / path).read_text(encoding="utf-8")


def test_typescript_excerpt_is_the_fixture() -> None:
    block = re.search(r"```ts\n(.*?)```\n", README, re.DOTALL)
    assert block and block.group(1) in FIXTURE.read_text(encoding="utf-8")


def test_python_session_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    session = next(b for b in re.findall(r"```python\n(.*?)```\n", README, re.DOTALL) if ">>>" in b)
    monkeypatch.syspath_prepend(str(REPO / "out" / "python"))
    test = doctest.DocTestParser().get_doctest(session, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=sys.stdout.write)
    assert runner.failures == 0 and runner.tries >= 2
    sys.modules.pop("devpie_client_events", None)


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(.*?)\n```", README)
    assert len(commands) >= 2
    install_and_test = commands[1]
    assert "pytest" in install_and_test
    assert install_and_test in (REPO / ".ci" / "run").read_text(encoding="utf-8")
