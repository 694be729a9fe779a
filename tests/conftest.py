"""pytest setup: make tests/helpers.py importable from every test module."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def all_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """The Python and Go packages of every vectors case, generated once per session."""
    from test_vectors import generate_all

    return generate_all(tmp_path_factory.mktemp("vector-packages"))
