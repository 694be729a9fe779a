"""`// devpie-transpile: allow RULE [PATH]`: a breaking change accepted on purpose.

Which line a comment covers, exactly:

- `// devpie-transpile: allow RULE` at the end of a line accepts the findings of
  RULE whose anchor is that line; alone on its line, it accepts those anchored on
  the next line (as `eslint-disable-next-line` does).
- A finding's anchor is its own line in the new contract; for something removed
  (located in the old file), the line of the nearest thing that is still there:
  the object or interface that lost a required field, the enum that lost a value.
- With a JSON path, `// devpie-transpile: allow MESSAGE_REMOVED UserRegistered`
  stands anywhere in the new contract's files and accepts the findings of RULE at
  that path or below it. A removed message has no line left, so only this form
  accepts it.

Several rules may be listed, comma-separated: `allow TYPE_WIDENED, MESSAGE_ADDED`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .compare import Finding

COMMENT = re.compile(
    r"//\s*devpie-transpile:\s*allow\s+"
    r"(?P<rules>[A-Z_]+(?:\s*,\s*[A-Z_]+)*)"
    r"(?:\s+(?P<path>[^\s,]+))?\s*$"
)


@dataclass(frozen=True, slots=True)
class Allow:
    """One comment: where it is, which rules, and the JSON path it names (if any)."""

    file: str
    line: int  # the line it covers (its own, or the next one)
    at: int  # the line it is written on
    rules: frozenset[str]
    path: str | None


def parse(file: str, text: str) -> list[Allow]:
    out: list[Allow] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "devpie-transpile" not in line:
            continue
        match = COMMENT.search(line)
        if match is None:
            continue
        rules = frozenset(r.strip() for r in match.group("rules").split(","))
        alone = line[: match.start()].strip() == ""
        covers = number + 1 if alone else number
        out.append(Allow(file, covers, number, rules, match.group("path")))
    return out


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((prefix + ".", prefix + "[", prefix + "{"))


def allowed_by(finding: Finding, allows: Iterable[Allow]) -> Allow | None:
    """The comment that accepts `finding`, or None."""
    for allow in allows:
        if finding.rule not in allow.rules:
            continue
        if allow.path is not None:
            if _under(finding.path, allow.path):
                return allow
            continue
        anchor = finding.anchor
        if anchor is not None and anchor.file == allow.file and anchor.line == allow.line:
            return allow
    return None
