#!/usr/bin/env python3
"""Time the inputs that once made devpie-transpile slow (issue 9, item 16).

Each scenario builds one pathological contract and times one cold CLI process per
language on it (`devpie-transpile contract.ts --lang L -o out`), printing a table of
scenario -> seconds per language. The target is under 5 s per language for each.

    python bench/slow_paths.py            # the full sizes of the issue
    python bench/slow_paths.py --quick    # small sizes (seconds in all): a smoke run
    python bench/slow_paths.py --only alias-chain,diamond --repeats 3

A scenario is a name, a `build(directory, quick)` that writes its files and
returns the source path, and optionally a `prepare(directory, lang, source, out)`
that runs before each timed run (for a `--check` scenario: write the stale output
first) and the exit code a run must have.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_contract

LANGS = ("python", "go")
SUFFIX = {"python": ".py", "go": ".go"}
TARGET_SECONDS = 5.0


@dataclass(frozen=True)
class Scenario:
    name: str
    what: str  # one line: the input and its full size
    build: Callable[[Path, bool], Path]  # (directory, quick) -> source file
    prepare: Callable[[Path, str, Path, Path], None] | None = None
    expect_rc: int = 0
    args: tuple[str, ...] = ()  # more command-line arguments (`--check`)


# --- the inputs -----------------------------------------------------------------------


def alias_chain(n: int) -> str:
    """`A0 = string`, `A1 = A0`, ... `A{n-1}`, and an interface using the last."""
    lines = ["export type A0 = string;"]
    lines += [f"export type A{i} = A{i - 1};" for i in range(1, n)]
    lines.append(f"export interface Holder {{\n  value: A{n - 1};\n}}")
    return "\n".join(lines) + "\n"


def union_diamond(levels: int) -> str:
    """Two messages, then `levels` levels of two union aliases each naming both
    aliases of the level below (2**levels paths from the top down to the messages),
    and an interface with a field of the top one."""
    out = [
        'export enum Kind {\n  A = "A",\n  B = "B",\n}',
        "export interface MA {\n  type: Kind.A;\n}",
        "export interface MB {\n  type: Kind.B;\n}",
        "export type L0 = MA | MB;",
        "export type R0 = MB | MA;",
    ]
    for i in range(1, levels + 1):
        out.append(f"export type L{i} = L{i - 1} | R{i - 1};")
        out.append(f"export type R{i} = R{i - 1} | L{i - 1};")
    out.append(f"export interface Holder {{\n  message: L{levels};\n}}")
    return "\n".join(out) + "\n"


def literal_union(n: int) -> str:
    """A union of `n` string literals and an interface holding it."""
    members = " | ".join(f'"value{i}"' for i in range(n))
    return f"export type Big = {members};\nexport interface Holder {{\n  big: Big;\n}}\n"


def doc_comments(n: int) -> str:
    """bench/gen_contract.py's contract of `n` messages (5 MB at n=7,800), a
    multi-line doc comment on every interface in place of its one-line one."""
    text = gen_contract.generate(n)

    def doc(match: re.Match[str]) -> str:
        name = match.group(1)
        return (
            "/**\n"
            f" * {name}: sent when the state it names changes, so that every listener\n"
            " * can update its view. Fields follow the order of the form in the UI;\n"
            f" * see https://example.com/docs/{name} for the meaning of each.\n"
            " */\n"
            f"export interface {name} "
        )

    return re.sub(r"^(?:/\*\*[^\n]*\*/\n)?export interface (\w+) ", doc, text, flags=re.M)


RENAMED = ("  id: string;\n", "  messageId: string;\n")


def renamed_field(directory: Path, is_quick: bool) -> Path:
    """bench/gen_contract.py's contract with the field `id` of every message renamed
    (`contract.ts`), and the contract before the rename (`before/contract.ts`)."""
    text = gen_contract.generate(300 if is_quick else 6_000)
    (directory / "before").mkdir()
    (directory / "before" / "contract.ts").write_text(text, encoding="utf-8")
    source = directory / "contract.ts"
    source.write_text(text.replace(*RENAMED), encoding="utf-8")
    return source


def stale_output(directory: Path, lang: str, source: Path, out: Path) -> None:
    """What was generated before the rename, at `out`: the `--check` run diffs it."""
    before = directory / "before"
    stale = before / out.name
    if not stale.exists():
        subprocess.run(
            command(before / source.name, lang, stale), cwd=before, check=True,
            capture_output=True,
        )  # fmt: skip
    out.write_bytes(stale.read_bytes())


def _writer(make: Callable[[int], str], full: int, quick: int) -> Callable[[Path, bool], Path]:
    def build(directory: Path, is_quick: bool) -> Path:
        source = directory / "contract.ts"
        source.write_text(make(quick if is_quick else full), encoding="utf-8")
        return source

    return build


SCENARIOS: list[Scenario] = [
    Scenario("alias-chain", "a chain of 2,000 type aliases", _writer(alias_chain, 2000, 200)),
    Scenario(
        "diamond",
        "a 20-level diamond of message-union aliases (1.2 KB)",
        _writer(union_diamond, 20, 8),
    ),
    Scenario(
        "literal-union", "a union of 50,000 string literals", _writer(literal_union, 50_000, 2_000)
    ),
    Scenario(
        "doc-comments",
        "5 MB (7,800 messages), a doc comment on every interface",
        _writer(doc_comments, 7_800, 400),
    ),
    Scenario(
        "check-diff",
        "--check after renaming a field in 6,000 messages (a hunk per message)",
        renamed_field,
        prepare=stale_output,
        expect_rc=1,
        args=("--check",),
    ),
]


# --- running --------------------------------------------------------------------------


def command(source: Path, lang: str, out: Path, *args: str) -> list[str]:
    return [
        sys.executable, "-m", "devpie_transpile", source.name, "--lang", lang, "-o", str(out),
        *args,
    ]  # fmt: skip


def time_one(
    scenario: Scenario, directory: Path, source: Path, lang: str, timeout: float
) -> tuple[float, float] | str:
    """Wall and CPU (user + system) seconds of one cold process, or why it failed.

    CPU time is what to compare on a shared machine, where wall time mostly says how
    busy the other processes kept the cores."""
    out = directory / f"out{SUFFIX[lang]}"
    if scenario.prepare is not None:
        scenario.prepare(directory, lang, source, out)
    else:
        out.unlink(missing_ok=True)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            command(source, lang, out, *scenario.args),
            cwd=directory,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"> {timeout:g} s"
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    if proc.returncode != scenario.expect_rc:
        first = (proc.stderr.strip().splitlines() or [""])[-1][:60]
        return f"exit {proc.returncode}: {first}"
    return elapsed, cpu


def run(
    scenarios: list[Scenario], *, quick: bool, repeats: int, timeout: float
) -> dict[str, dict[str, float | str]]:
    """scenario -> language -> median wall seconds (or a failure); `<lang> cpu` keys
    hold the median CPU seconds."""
    results: dict[str, dict[str, float | str]] = {}
    for scenario in scenarios:
        with tempfile.TemporaryDirectory(prefix=f"slow-{scenario.name}-") as tmp:
            directory = Path(tmp)
            source = scenario.build(directory, quick)
            row: dict[str, float | str] = {}
            for lang in LANGS:
                times: list[tuple[float, float]] = []
                for _ in range(repeats):
                    got = time_one(scenario, directory, source, lang, timeout)
                    if isinstance(got, str):
                        row[lang] = row[f"{lang} cpu"] = got
                        break
                    times.append(got)
                else:
                    row[lang] = statistics.median(wall for wall, _ in times)
                    row[f"{lang} cpu"] = statistics.median(cpu for _, cpu in times)
            results[scenario.name] = row
        print(f"  {scenario.name}: " + ", ".join(f"{k} {fmt(v)}" for k, v in row.items()),
              file=sys.stderr, flush=True)  # fmt: skip
    return results


def fmt(value: float | str) -> str:
    return f"{value:.2f}" if isinstance(value, float) else value


def table(scenarios: list[Scenario], results: dict[str, dict[str, float | str]]) -> str:
    """A markdown table: scenario, input, wall seconds per language, CPU seconds per
    language, under the target (wall) or not."""
    columns = [*LANGS, *(f"{lang} cpu" for lang in LANGS)]
    lines = [
        "| scenario | input | " + " | ".join(f"{c} s" for c in columns) + " | target |",
        "| --- | --- | " + " | ".join("---:" for _ in columns) + " | --- |",
    ]
    for scenario in scenarios:
        row = results[scenario.name]
        walls = [row[lang] for lang in LANGS]
        ok = all(isinstance(w, float) and w < TARGET_SECONDS for w in walls)
        cells = " | ".join(fmt(row[c]) for c in columns)
        lines.append(
            f"| {scenario.name} | {scenario.what} | {cells} | "
            f"{'PASS' if ok else 'FAIL'} (< {TARGET_SECONDS:g} s) |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    ap.add_argument("--repeats", type=int, default=1, help="timed runs per cell (median)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per process")
    ap.add_argument("--only", default="", help="comma-separated scenario names")
    args = ap.parse_args(argv)
    chosen = SCENARIOS
    if args.only:
        wanted = args.only.split(",")
        unknown = set(wanted) - {s.name for s in SCENARIOS}
        if unknown:
            ap.error(f"unknown scenario(s): {', '.join(sorted(unknown))}")
        chosen = [s for s in SCENARIOS if s.name in wanted]
    results = run(chosen, quick=args.quick, repeats=max(1, args.repeats), timeout=args.timeout)
    sys.stdout.write(table(chosen, results))
    failed = any(isinstance(v, str) for row in results.values() for v in row.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
