"""Tests of bench/runtime on a small stream: the generator, the peers, one whole run.

Peers that are not installed (the `bench` extra, quicktype) are skipped, as the
benchmark itself skips them.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import measure  # noqa: E402
import stream  # noqa: E402

ROOT = HERE.parent.parent


def _ours() -> object:
    spec = importlib.util.spec_from_file_location(
        "runtime_bench_ours", ROOT / "out/python/devpie_client_events/__init__.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["runtime_bench_ours"] = module
    spec.loader.exec_module(module)
    return module


def test_stream_is_seeded_and_covers_every_message_type() -> None:
    a, b = stream.stream(300), stream.stream(300)
    assert a == b
    assert stream.stream(300, seed=1) != a
    assert {name for name, _ in a} == {m[0] for m in stream.MESSAGES}
    fixture = (ROOT / "fixtures/index.ts").read_text(encoding="utf-8")
    assert set(re.findall(r"interface (\w+(?:Command|Event)) ", fixture)) == {
        m[0] for m in stream.MESSAGES
    }


def test_every_message_of_the_stream_decodes_and_round_trips() -> None:
    ours = _ours()
    for name, data in stream.stream(500):
        value = ours.parse_message(json.loads(data))  # type: ignore[attr-defined]
        assert type(value).__name__ == name
        assert value.to_dict() == json.loads(data)


def test_invalid_cases_are_invalid_to_the_generated_python() -> None:
    ours = _ours()
    for what, data, bad in stream.invalid_cases():
        try:
            ours.parse_message(json.loads(data))  # type: ignore[attr-defined]
        except ValueError:
            rejected = True
        else:
            rejected = False
        if "NaN" in what or "Infinity" in what or "1e309" in what:
            continue  # json.loads makes floats of these: see the finite-number tests
        assert rejected == bad, what


def test_peers_accept_the_stream() -> None:
    peers = pytest.importorskip("peers")
    if peers.pydantic is None and peers.msgspec is None:
        pytest.skip("the bench extra is not installed")
    for name, data in stream.stream(200):
        if peers.pydantic is not None:
            assert type(peers.PYDANTIC_MESSAGE.validate_json(data)).__name__ == name
        if peers.msgspec is not None:
            assert type(peers.MSGSPEC_DECODER.decode(data)).__name__ == name


def test_a_small_run_prints_the_table_and_checks_every_tool(tmp_path: Path) -> None:
    assert measure.main(["-n", "60", "--rounds", "1", "--no-quicktype",
                         "--results", str(tmp_path)]) == 0
    text = (tmp_path / "runtime.md").read_text(encoding="utf-8")
    assert "| go | decode | devpie-transpile |" in text
    assert "| go | encode | plain encoding/json |" in text
    assert "| python | decode | devpie-transpile |" in text
    assert re.search(r"- (PASS|FAIL): go decode, devpie-transpile, <= 1\.50x of plain", text)
    assert "| go | encode | devpie-transpile, v.AppendJSON(buf[:0]) (one buffer) |" in text
    assert re.search(r"- (PASS|FAIL): go encode, devpie-transpile, v\.AppendJSON", text)
    assert "- NOTE: go encode through json.Marshal:" in text
    # the rejection report names every invalid case, for Go and Python
    for what, _, _ in stream.invalid_cases():
        assert text.count(f"| {what} |") == 2, what
    assert "<!-- runtime:begin -->" in (tmp_path / "latest.md").read_text(encoding="utf-8")
    if importlib.util.find_spec("matplotlib"):
        assert (tmp_path / "runtime.png").read_bytes()[:4] == b"\x89PNG"
