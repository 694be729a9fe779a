"""Loading and rendering collect garbage rarely, and leave the collector as they found it."""

from __future__ import annotations

import gc

import pytest
from helpers import FIXTURE

from devpie_transpile._gc import FIRST_GENERATION, few_collections
from devpie_transpile.backends import Target, render
from devpie_transpile.frontend import load


def test_thresholds_are_raised_inside_and_restored_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), few_collections():
        assert gc.get_threshold()[0] >= FIRST_GENERATION
        assert gc.get_threshold()[1:] == before[1:]
        raise RuntimeError
    assert gc.get_threshold() == before


@pytest.mark.parametrize("lang", ["python", "go"])
def test_load_and_render_leave_the_collector_alone(lang: str) -> None:
    before = gc.get_threshold()
    render(load(FIXTURE), Target(lang, "events"))  # type: ignore[arg-type]
    assert gc.get_threshold() == before
