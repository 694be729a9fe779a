"""Doc comments: the comment block directly above a declaration, property or member.

A `/** ... */` (or `/* ... */`) comment, or a run of `//` lines, counts when nothing
but line breaks separates it from the node (no blank line) and it does not trail
code on its own first line. Everything else is ignored, as TypeScript tooling does.
"""

from __future__ import annotations

from tree_sitter import Node

from .source import SourceFile


def doc_comment(source: SourceFile, anchor: Node) -> str | None:
    """The doc text for `anchor` (markers and leading `*` removed), or None."""
    below = anchor
    run: list[Node] = []
    prev = anchor.prev_sibling
    while prev is not None and prev.type == "comment":
        if prev.end_point[0] + 1 < below.start_point[0]:
            break  # a blank line separates them
        is_line = source.text(prev).startswith("//")
        if run and (not is_line or not source.text(run[-1]).startswith("//")):
            break  # only a run of `//` lines merges; a block comment stands alone
        run.append(prev)
        below = prev
        prev = prev.prev_sibling
        if not is_line:
            break
    # A comment on the same line as preceding code documents that code, not `anchor`.
    if (
        run
        and prev is not None
        and prev.type != "{"
        and prev.end_point[0] == run[-1].start_point[0]
    ):
        run.pop()
    if not run:
        return None
    text = "\n".join(_strip(source.text(c)) for c in reversed(run)).strip()
    return text or None


def _strip(comment: str) -> str:
    if comment.startswith("//"):
        body = comment[2:]
        return body[1:] if body.startswith(" ") else body
    body = comment[3:] if comment.startswith("/**") else comment[2:]
    body = body.removesuffix("*/")
    lines = []
    for line in body.splitlines():
        line = line.strip()
        if line.startswith("*"):
            line = line[1:]
            line = line[1:] if line.startswith(" ") else line
        lines.append(line.rstrip())
    return "\n".join(lines).strip()
