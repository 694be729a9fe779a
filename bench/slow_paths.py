#!/usr/bin/env python3
"""The slow paths of issue 9 item 16, each timed on this machine (target: < 5 s).

Every scenario is a function in SCENARIOS that returns {label: seconds}; run all
or some by name:

    python bench/slow_paths.py                       # every scenario
    python bench/slow_paths.py check-diff --sizes 1000 6000 --difflib

- check-diff: `--check` after renaming a field in every message of an N-message
  contract: the unified diff of the committed packages against the regenerated
  ones, both languages (only the diff is timed; `--difflib` also times the old
  quadratic difflib diff, for the before/after figure).
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import gen_contract

from devpie_transpile.backends import Target
from devpie_transpile.output import drift, write_files
from devpie_transpile.pipeline import load_module, package_files


def _packages(source: Path, root: Path) -> dict[Path, str]:
    module = load_module(source, root)
    files: dict[Path, str] = {}
    files.update(package_files(module, Target("python", "events"), root / "py"))
    files.update(package_files(module, Target("go", "events", "example.com/events"), root / "go"))
    return files


def check_diff(args: argparse.Namespace) -> dict[str, float]:
    results: dict[str, float] = {}
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            source = root / "index.ts"
            text = gen_contract.generate(n)
            source.write_text(text)
            write_files(_packages(source, root), root)
            source.write_text(text.replace("  id: string;\n", "  messageId: string;\n"))
            renamed = _packages(source, root)
            start = time.perf_counter()
            diff = drift(renamed, root)
            results[f"check-diff N={n} (both languages)"] = time.perf_counter() - start
            assert diff.count("messageId") >= n, "the rename is in the diff"
            if args.difflib:
                start = time.perf_counter()
                for path, want in renamed.items():
                    have = path.read_text()
                    if have != want:
                        for _ in difflib.unified_diff(
                            have.splitlines(True), want.splitlines(True)
                        ):
                            pass
                results[f"check-diff N={n} difflib (before)"] = time.perf_counter() - start
    return results


SCENARIOS: dict[str, Callable[[argparse.Namespace], dict[str, float]]] = {
    "check-diff": check_diff,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenarios", nargs="*", choices=[*SCENARIOS, []], default=[])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 6000])
    ap.add_argument("--difflib", action="store_true", help="also time difflib (slow: minutes)")
    args = ap.parse_args(argv)
    for name in args.scenarios or list(SCENARIOS):
        for label, seconds in SCENARIOS[name](args).items():
            flag = "" if seconds < 5 else "  (over the 5 s target)"
            print(f"{label:<45} {seconds:8.2f} s{flag}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
