"""gofmt's layout, reproduced so that the tool emits gofmt-clean Go without Go installed.

Two things gofmt would otherwise change in generated code: the column alignment of
struct fields and const specs (go/printer feeds cells to text/tabwriter, elastic
tabstops), and the text of top-level doc comments (go/doc/comment reformats them).
`align` implements the first; `comment_lines` writes doc text in a form that
go/doc/comment already considers canonical.
"""

from __future__ import annotations

import unicodedata

Row = list[str]  # the cells of one line


def align(rows: list[Row | str], indent: str = "\t") -> list[str]:
    """Lay out `rows` as gofmt does inside a struct or const block.

    A row is either a list of cells (every cell but the last is padded to its column's
    width + 1, as text/tabwriter with padding 1) or a plain string (a comment or blank
    line), which ends every column block, as in tabwriter. A column block is a run of
    consecutive rows having that column (a cell that is not the row's last).

    (tabwriter finds the blocks of a column within those of the column before it;
    a row having column c has column c - 1 too, so those are simply the maximal runs
    of rows having column c, found here in one pass per column.)
    """
    counts = [len(row) - 1 if isinstance(row, list) else 0 for row in rows]
    columns = max(counts, default=0)
    if columns and min(counts) == columns:  # the usual block: one run, every column
        widths = [max(len(row[c]) for row in rows) + 1 for c in range(columns)]
        if columns == 2:
            w0, w1 = widths
            return [f"{indent}{row[0].ljust(w0)}{row[1].ljust(w1)}{row[2]}" for row in rows]
        return [
            indent + "".join([c.ljust(w) for c, w in zip(row, widths, strict=False)]) + row[-1]
            for row in rows
        ]
    row_widths: list[list[int]] = [[] for _ in rows]  # of each row, its columns in order
    n = len(rows)
    for column in range(columns):
        start = 0
        while start < n:
            if counts[start] <= column:
                start += 1
                continue
            end = start
            width = 0
            while end < n and counts[end] > column:
                width = max(width, len(rows[end][column]) + 1)
                end += 1
            for i in range(start, end):
                row_widths[i].append(width)
            start = end
    out: list[str] = []
    for row, cell_widths in zip(rows, row_widths, strict=True):
        if isinstance(row, str):
            out.append(indent + row if row else "")
            continue
        cells = [cell.ljust(w) for cell, w in zip(row, cell_widths, strict=False)]
        out.append(indent + "".join(cells) + row[-1])
    return out


def clean_text(text: str) -> str:
    """Text safe inside a Go `//` comment: what Python does not print (control and
    format characters such as U+202E, line and paragraph separators, lone
    surrogates) written as the escapes the Python backend writes (`\\u2028`), tabs
    kept; newlines are the caller's business."""
    if text.replace("\t", "").replace("\n", "").isprintable():
        return text  # one C-speed pass for the usual text (5 MB of doc comments)
    out = []
    for ch in text:
        if ch == "\t" or ch == "\n" or ch.isprintable():
            out.append(ch)
        else:
            out.append(_escape(ch))
    return "".join(out)


def _escape(ch: str) -> str:
    """As the Python backend escapes a character in a comment."""
    code = ord(ch)
    if code < 0x100:
        return {"\r": "\\r"}.get(ch, f"\\x{code:02x}")
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def gofmt_quotes(line: str) -> str:
    """A doc comment's text as gofmt prints it: go/doc/comment turns `\x60\x60` and
    `''` into typographic quotes, so a generated doc writes them so already."""
    if "``" in line or "''" in line:
        return line.replace("``", "\u201c").replace("''", "\u201d")
    return line


def _split_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.rstrip() for line in clean_text(text).split("\n")]


def comment_lines(text: str, indent: str = "") -> list[str]:
    """`// ` lines for a comment that gofmt leaves alone (a field's or const's doc)."""
    lines = _split_lines(text)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return [f"{indent}// {line}" if line.strip() else f"{indent}//" for line in lines]


def doc_comment(text: str) -> list[str]:
    """`// ` lines for a top-level doc comment, already in go/doc/comment's canonical form.

    gofmt reparses such comments; plain paragraphs of unindented lines print back
    unchanged, so lines are stripped (no code blocks or lists), blank runs collapse,
    headings take the `# ` form gofmt would give them, and a paragraph made only of
    link definitions (which gofmt would move to the end) becomes a code block.
    """
    if text.isprintable():  # one line, nothing to clean (the generated docs)
        line = text.strip()
        if not line:
            return []
        if _is_heading(line):
            return ["// # " + gofmt_quotes(line[1:].strip())]
        if _is_link_def(line):
            return ["//\t" + line]
        return ["// " + gofmt_quotes(line)]
    paragraphs: list[list[str]] = [[]]
    for line in _split_lines(text):
        line = line.strip()
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    out: list[str] = []
    for i, para in enumerate(paragraphs):
        if out:
            out.append("//")
        if len(para) == 1 and _is_heading(para[0]):
            out.append("// # " + gofmt_quotes(para[0][1:].strip()))
        elif len(para) == 1 and 0 < i < len(paragraphs) - 1 and _is_old_heading(para[0]):
            out.append("// # " + gofmt_quotes(para[0]))
        elif all(_is_link_def(line) for line in para):
            out.extend("//\t" + line for line in para)
        else:
            out.extend("// " + gofmt_quotes(line) for line in para)
    return out


def _is_heading(line: str) -> bool:
    """go/doc/comment's isHeading."""
    return len(line) >= 2 and line[0] == "#" and line[1] in " \t" and line.strip() != "#"


def _is_old_heading(line: str) -> bool:
    """go/doc/comment's isOldHeading, for a line between two blank lines."""
    first, last = line[0], line[-1]
    if unicodedata.category(first) != "Lu":
        return False
    if not (unicodedata.category(last).startswith("L") or unicodedata.category(last) == "Nd"):
        return False
    if any(c in ";:!?+*/=[]{}_^°&§~%#@<\">\\" for c in line):
        return False
    rest = line
    while "'" in rest:
        rest = rest.split("'", 1)[1]
        if rest != "s" and not rest.startswith("s "):
            return False
    rest = line
    while "." in rest:
        rest = rest.split(".", 1)[1]
        if rest == "" or rest.startswith(" "):
            return False
    return True


def _is_link_def(line: str) -> bool:
    """go/doc/comment's parseLink: `[text]: scheme://...`."""
    if not line.startswith("["):
        return False
    i = line.find("]:")
    if i < 0 or i + 3 >= len(line) or line[i + 2] not in " \t":
        return False
    url = line[i + 3 :].strip()
    j = url.find("://")
    if j < 0:
        return False
    return url[:j] in _SCHEMES


_SCHEMES = frozenset({"file", "ftp", "gopher", "http", "https", "mailto", "nntp"})
