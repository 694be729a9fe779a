#!/usr/bin/env python3
"""Time `devpie-transpile breaking` as cold processes, as a pre-commit hook runs it.

In a throw-away git repository holding the contract at HEAD, each scenario edits
the working copy (or not) and times whole `devpie-transpile breaking` processes,
start-up, both loads, the git reads and the comparison included; a generation
run (`--lang python`) of the same contract is timed alongside, interleaved, as
the baseline the comparison adds to. Results: a markdown table on stdout and
`bench/results/breaking.md`.

    python bench/breaking.py                  # fixture and N=1,000, 11 repeats
    python bench/breaking.py --sizes 1000,10000 --repeats 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import gen_contract
from run import FIXTURE, ROOT, find_ours, measure

TARGET_FIXTURE_MS = 1000.0  # "well under a second" on the fixture
GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, env={**os.environ, **GIT_ENV}
    )


def _edit(text: str) -> str:
    """A realistic breaking edit: a required field added to the first message's data."""
    return re.sub(r"(\n  data: \{\n)", r"\1    addedField: string;\n", text, count=1)


def scenarios(work: Path, sizes: Sequence[int], fixture: bool) -> list[tuple[str, Path, str]]:
    """(name, repository, source) per input: the contract committed, then edited."""
    inputs: list[tuple[str, str]] = []
    if fixture:
        inputs.append(("fixture", FIXTURE.read_text(encoding="utf-8")))
    inputs += [(f"N={n:,}", gen_contract.generate(n)) for n in sizes]
    out = []
    for name, text in inputs:
        for edited in (False, True):
            repo = work / f"{re.sub(r'[^a-z0-9]', '', name.lower())}-{int(edited)}"
            (repo / "src").mkdir(parents=True)
            (repo / "src/index.ts").write_text(text, encoding="utf-8")
            _git(repo, "init", "-q")
            _git(repo, "add", "-A")
            _git(repo, "commit", "-qm", "contract")
            if edited:
                changed = _edit(text)
                assert changed != text
                (repo / "src/index.ts").write_text(changed, encoding="utf-8")
            out.append(
                (f"{name}, {'one field added' if edited else 'unchanged'}", repo, "src/index.ts")
            )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000", help="synthetic contract sizes (comma list)")
    parser.add_argument("--repeats", type=int, default=11)
    parser.add_argument("--no-fixture", action="store_true")
    parser.add_argument("--ours", help="the devpie-transpile executable")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    ours = find_ours(args.ours)
    if ours is None:
        print("devpie-transpile not found", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows = []
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench-breaking-") as tmp:
        for name, repo, source in scenarios(Path(tmp), sizes, not args.no_fixture):
            commands = {
                "breaking": [ours, "breaking", source],
                "generate": [ours, source, "--lang", "python"],
            }
            walls: dict[str, list[float]] = {k: [] for k in commands}
            for _ in range(args.repeats):
                for what, cmd in commands.items():  # interleaved: both share the noise
                    sample = measure(cmd, repo, 600)
                    expected = (1 if "added" in name else 0) if what == "breaking" else 0
                    if sample.rc != expected:
                        failed = True
                        print(f"{name}: {what}: exit {sample.rc} ({sample.error})", file=sys.stderr)
                    walls[what].append(sample.wall * 1000)
            b, g = statistics.median(walls["breaking"]), statistics.median(walls["generate"])
            rows.append((name, b, min(walls["breaking"]), g, b / g))
    lines = [
        "| contract | breaking median ms | breaking min ms | generate --lang python median ms "
        "| ratio |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [f"| {n} | {b:.0f} | {m:.0f} | {g:.0f} | {r:.2f} |" for n, b, m, g, r in rows]
    fixture_ms = max((b for n, b, *_ in rows if n.startswith("fixture")), default=None)
    verdict = ""
    if fixture_ms is not None:
        ok = fixture_ms < TARGET_FIXTURE_MS
        failed |= not ok
        verdict = (
            f"\nTarget: fixture under {TARGET_FIXTURE_MS:.0f} ms: "
            f"{'PASS' if ok else 'FAIL'} ({fixture_ms:.0f} ms)\n"
        )
    revision = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    report = (
        "# devpie-transpile breaking: cold-process timings\n\n"
        "Command: `python bench/breaking.py "
        f"{' '.join(argv if argv is not None else sys.argv[1:])}`"
        f"  \nMachine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load {load:.1f} at the start; revision {revision}, "
        f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; {args.repeats} repeats\n\n"
        + "\n".join(lines)
        + "\n"
        + verdict
    )
    print(report)
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "breaking.md").write_text(report, encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main())
