"""quicktype's top-level Go API, for callers migrating from quicktype.

With the target option `quicktype_compat = true`, every interface `X` also gets
quicktype's `UnmarshalX(data []byte) (X, error)` and `(r *X) Marshal() ([]byte,
error)`, so code written against quicktype's output compiles unchanged. Both
call `encoding/json`, so they validate as `json.Unmarshal` of the type does.
"""

from __future__ import annotations

import re

from ... import ir
from ...diagnostics import Diagnostic, TranspileError

_CONST = re.compile(r"^\t(\w+)(?: [\w.\[\]*]+)? = ", re.M)
_DECL = re.compile(r"^(?:type|func|var|const) (\w+)", re.M)


def add_quicktype_api(module: ir.Module, text: str) -> str:
    """`text` (a rendered Go file) with quicktype's functions for every interface."""
    interfaces = [d for d in module.decls.values() if isinstance(d, ir.Interface)]
    if not interfaces:
        return text
    declared = set(_DECL.findall(text)) | set(_CONST.findall(text))
    problems: list[Diagnostic] = []
    chunks: list[str] = []
    for decl in interfaces:
        name = decl.name
        body = re.search(rf"^type {re.escape(name)} struct {{\n(.*?)^}}\n", text, re.M | re.S)
        if body is None:
            problems.append(
                Diagnostic(f"quicktype_compat: {name} is not rendered as a Go struct", decl.span)
            )
            continue
        if f"Unmarshal{name}" in declared:
            problems.append(
                Diagnostic(
                    f"quicktype_compat: Unmarshal{name} is already a name of the generated "
                    "package; rename the type or turn quicktype_compat off",
                    decl.span,
                )
            )
        if re.search(r"^\tMarshal\b", body.group(1), re.M) or re.search(
            rf"^func \(\w+ \*?{re.escape(name)}\) Marshal\(", text, re.M
        ):
            problems.append(
                Diagnostic(
                    f"quicktype_compat: {name} has a field Marshal, which the Marshal method "
                    "would clash with; rename the field or turn quicktype_compat off",
                    decl.span,
                )
            )
        chunks.append(
            f"// Unmarshal{name} decodes data into a {name} (quicktype's API).\n"
            f"func Unmarshal{name}(data []byte) ({name}, error) {{\n"
            f"\tvar r {name}\n"
            "\terr := json.Unmarshal(data, &r)\n"
            "\treturn r, err\n"
            "}\n\n"
            f"// Marshal encodes r as JSON (quicktype's API): the bytes json.Marshal(r) "
            "returns, without its second pass over them.\n"
            f"func (r *{name}) Marshal() ([]byte, error) {{\n"
            "\tif r == nil {\n"
            "\t\treturn []byte(\"null\"), nil\n"
            "\t}\n"
            "\treturn r.MarshalJSON()\n"
            "}\n"
        )
    if problems:
        raise TranspileError(problems)
    return _with_json_import(text) + "\n" + "\n".join(chunks)


def _with_json_import(text: str) -> str:
    if re.search(r'^\t"encoding/json"$|^import "encoding/json"$', text, re.M):
        return text
    block = re.search(r"^import \(\n(.*?)^\)\n", text, re.M | re.S)
    if block is not None:
        lines = sorted([*block.group(1).splitlines(), '\t"encoding/json"'])
        return text[: block.start(1)] + "\n".join(lines) + "\n" + text[block.end(1) :]
    single = re.search(r'^import ("[^"]+")\n', text, re.M)
    if single is not None:
        paths = sorted([single.group(1), '"encoding/json"'])
        joined = "".join(f"\t{p}\n" for p in paths)
        return text[: single.start()] + f"import (\n{joined})\n" + text[single.end() :]
    package = re.search(r"^package \w+\n", text, re.M)
    assert package is not None
    return text[: package.end()] + '\nimport "encoding/json"\n' + text[package.end() :]
