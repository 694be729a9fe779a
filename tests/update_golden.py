"""Regenerate every golden file: `python tests/update_golden.py`.

Golden files are the expected output of each case under tests/cases/ (one module
per language under tests/golden/) and the committed packages under out/ for
fixtures/index.ts (written in project mode, exactly as users regenerate theirs).
Review the diff before committing it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import GOLDEN, REPO, case_entries, case_name, cli_path  # noqa: E402

SUFFIX = {"python": "py", "go": "go"}


def golden_path(case: Path, lang: str) -> Path:
    return GOLDEN / f"{case_name(case)}.{SUFFIX[lang]}"


def render_case(case: Path, lang: str) -> str:
    """A case rendered by the real CLI, run from the repository root."""
    proc = subprocess.run(
        [cli_path(), str(case.relative_to(REPO)), "--lang", lang],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{case.name} ({lang}) failed:\n{proc.stderr}")
    return proc.stdout


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for case in case_entries():
        for lang in SUFFIX:
            path = golden_path(case, lang)
            text = render_case(case, lang)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                print(f"updated {path.relative_to(REPO)}")
    subprocess.run([cli_path(), "--force"], cwd=REPO, check=True)


if __name__ == "__main__":
    main()
