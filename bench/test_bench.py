"""Tests for the benchmark's own pieces: generator, timing, table, targets, chart.

Run with `pytest bench/` (the project's testpaths cover tests/ only). They need
neither node nor devpie-transpile, and take about a second.
"""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import gen_contract
import run


def test_generator_is_deterministic_and_prefix_stable() -> None:
    a, b = gen_contract.generate(60), gen_contract.generate(60)
    assert a == b
    small, big = gen_contract.generate(20), gen_contract.generate(200)
    iface = re.compile(
        r"^(?:/\*\*[^\n]*\*/\n)?export interface \w+(?:Event|Command) \{.*?^\}\n", re.M | re.S
    )
    assert len(iface.findall(small)) == 20
    assert iface.findall(small) == iface.findall(big)[:20]
    assert gen_contract.generate(20, seed=1) != small


@pytest.mark.parametrize("n", [1, 7, 500])
def test_generator_shape(n: int) -> None:
    text = gen_contract.generate(n)
    assert run.count_messages(text) == n
    members = re.findall(r'^  (\w+) = "\1",$', text, re.M)
    assert len(members) == len(set(members)) >= n  # unique names (+ a Noop if one enum is empty)
    names = re.findall(r"^export interface (\w+)", text, re.M)
    assert len(names) == len(set(names)) == n + 1  # + Metadata
    for body in re.findall(r"  data: \{\n(.*?)\n  \};", text, re.S):
        top = [ln for ln in body.splitlines() if re.match(r"^    \w+\??: ", ln)]
        assert 3 <= len(top) <= 12
        keys = [ln.split(":")[0].strip().rstrip("?") for ln in top]
        assert len(keys) == len(set(keys))
    assert "export type EventTypes = Events | Commands;" in text
    assert text.count("{") == text.count("}")


def test_generator_mixes_the_required_constructs() -> None:
    text = gen_contract.generate(300)
    for needle in (
        "?: ",
        "string[];",
        "number;",
        "boolean;",
        "}[];",
        "[key: string]: string",
        "/** ",
    ):
        assert needle in text, needle
    assert "Record<" not in text
    assert "Record<string, string>" in gen_contract.generate(300, record=True)


def test_generator_names_beyond_the_combinations_stay_unique() -> None:
    names = gen_contract.message_names(30000, gen_contract.DEFAULT_SEED)
    flat = [n for pair in names for n in pair]
    assert len(flat) == len(set(flat))


def test_cli_writes_file(tmp_path: Path) -> None:
    out = tmp_path / "c.ts"
    assert gen_contract.main(["5", "-o", str(out)]) == 0
    assert out.read_text() == gen_contract.generate(5)


def test_measure_reports_time_rss_and_failure(tmp_path: Path) -> None:
    ok = run.measure(
        [sys.executable, "-c", "b = bytearray(60 * 2**20); import time; time.sleep(0.05)"],
        tmp_path,
        30,
    )
    assert ok.rc == 0 and ok.wall >= 0.05
    assert ok.rss_kb >= 60 * 1024  # this child's own peak, not the test process's
    bad = run.measure([sys.executable, "-c", "import sys; sys.exit('boom')"], tmp_path, 30)
    assert bad.rc == 1 and "boom" in bad.error
    slow = run.measure([sys.executable, "-c", "import time; time.sleep(30)"], tmp_path, 0.3)
    assert slow.rc != 0 and "timeout" in slow.error and slow.wall < 10


def _job(tool: str, lang: str, n: int, walls: list[float], rss: int = 1024) -> run.Job:
    job = run.Job(f"synthetic-{n}", n, tool, lang, [], Path("."), [], len(walls))
    job.samples = [run.Sample(w, rss, 0) for w in walls]
    return job


def test_table_ratio_and_per_message() -> None:
    jobs = [
        _job("devpie-transpile", "python", 100, [0.1, 0.3, 0.2]),
        _job("quicktype", "python", 100, [2.0, 2.2, 1.8]),
        _job("devpie-transpile", "go", 100, [0.1]),
        _job("quicktype", "go", 100, [3.0]),
        _job("devpie-transpile", "both", 100, [0.25]),
    ]
    out = run.table(jobs)
    row = next(ln for ln in out.splitlines() if "devpie-transpile | python" in ln)
    assert "| 200 | 100 |" in row and "10.0x" in row and "| 2.00 |" in row
    both = next(ln for ln in out.splitlines() if "| both |" in ln)
    assert "20.0x" in both  # (2000 + 3000) / 250


def test_targets_pass_and_fail() -> None:
    jobs = [
        _job("devpie-transpile", "both", 100, [0.1]),
        _job("devpie-transpile", "both", 1000, [1.2]),
        _job("devpie-transpile", "both", 10000, [16.0], rss=400 * 1024),
    ]
    out = run.targets(jobs)
    assert "PASS: N=1,000" in out
    assert "FAIL: N=10,000" in out  # 16 s > 15 s
    assert re.search(r"FAIL: ms/message .* both .*worst 1\.60x", out)
    assert "not measured: fixture, --lang python" in out


def test_chart_is_a_png_drawn_by_matplotlib(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    jobs = [
        _job("devpie-transpile", "python", 10, [0.1, 0.2]),
        _job("devpie-transpile", "python", 1000, [0.5]),
        _job("quicktype", "go", 100, [2.0]),
    ]
    path = tmp_path / "chart.png"
    assert run.chart(jobs, path)
    png = path.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (860, 520)
    assert not run.chart([], tmp_path / "none.png")


def test_runtime_section_survives_a_rewrite(tmp_path: Path) -> None:
    latest = tmp_path / "latest.md"
    assert run.runtime_section(latest) == ""
    latest.write_text("# old\n<!-- runtime:begin -->\nRT\n<!-- runtime:end -->\nrest\n")
    assert run.runtime_section(latest) == "<!-- runtime:begin -->\nRT\n<!-- runtime:end -->\n"
