"""Declaration order across files: every generated Python module imports.

A Python class body evaluates its field defaults when the class is defined, so an
enum whose member is a default (a discriminator `type: Kind.A`, any field of an
enum member type, in an interface or an inline object) must come before the class,
wherever the enum was declared: later in the same file, in a file re-exported after
the one holding the message, or pulled in only because the message refers to it
(issue 9, item 9). Everything else keeps source order (SPEC, "Command line").

The generator spreads enums, messages, plain interfaces and aliases over several
files that import each other in any order (cycles included), with an entry that
re-exports them in a random order (`export *` or a chosen few names); every
generated module is then imported.
"""

from __future__ import annotations

import importlib.util
import itertools
import os
import re
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devpie_transpile.backends import Target, render
from devpie_transpile.frontend import load

SETTINGS = settings(
    max_examples=int(os.environ.get("DEVPIE_ORDERING_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_counter = itertools.count()


def import_text(tmp: Path, text: str) -> Any:
    """Import generated Python source as a fresh module."""
    name = f"ordering_{next(_counter)}"
    path = tmp / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


@st.composite
def contracts(draw: st.DrawFn) -> dict[str, str]:
    """Files (name -> TypeScript) of one contract; `index.ts` is the entry."""
    n_enums = draw(st.integers(1, 4))
    enums = [f"Kind{i}" for i in range(n_enums)]
    members = ("A", "B", "C")
    # each (enum, member) is the discriminator of at most one message
    tags = draw(st.permutations([(e, m) for e in enums for m in members]))
    n_ifaces = draw(st.integers(1, 6))
    ifaces = [f"Msg{i}" for i in range(n_ifaces)]
    decls: dict[str, tuple[str, set[str]]] = {}  # name -> (text, names it refers to)
    for e in enums:
        body = "".join(f'  {m} = "{e}_{m}",\n' for m in members)
        decls[e] = (f"export enum {e} {{\n{body}}}\n", set())
    messages: list[str] = []
    for i, name in enumerate(ifaces):
        lines: list[str] = []
        refs: set[str] = set()
        if draw(st.booleans()) and i < len(tags):
            enum, member = tags[i]
            lines.append(f"  type: {enum}.{member};")
            refs.add(enum)
            messages.append(name)
        for j in range(draw(st.integers(0, 3))):
            kind = draw(st.sampled_from(["member", "enum", "iface", "inline", "number"]))
            enum, member = draw(st.sampled_from(enums)), draw(st.sampled_from(members))
            if kind == "member":
                lines.append(f"  f{j}: {enum}.{member};")
                refs.add(enum)
            elif kind == "enum":
                lines.append(f"  f{j}?: {enum};")
                refs.add(enum)
            elif kind == "iface" and len(ifaces) > 1:
                other = draw(st.sampled_from([x for x in ifaces if x != name]))
                lines.append(f"  f{j}?: {other};")
                refs.add(other)
            elif kind == "inline":
                lines.append(f"  f{j}: {{ tag: {enum}.{member}; n: number }};")
                refs.add(enum)
            else:
                lines.append(f"  f{j}: number;")
        body = "".join(line + "\n" for line in lines)
        decls[name] = (f"export interface {name} {{\n{body}}}\n", refs)
    if len(messages) >= 2:
        chosen = draw(st.lists(st.sampled_from(messages), min_size=2, max_size=3, unique=True))
        decls["AnyMsg"] = (f"export type AnyMsg = {' | '.join(chosen)};\n", set(chosen))
    if len(enums) >= 2:
        chosen = draw(st.lists(st.sampled_from(enums), min_size=2, max_size=3, unique=True))
        decls["AnyKind"] = (f"export type AnyKind = {' | '.join(chosen)};\n", set(chosen))
        e0, e1 = chosen[:2]
        decls["Pair"] = (f"export type Pair = {e0}.A | {e1}.B;\n", {e0, e1})
    names = draw(st.permutations(list(decls)))
    n_files = draw(st.integers(1, 4))
    home = {name: draw(st.integers(0, n_files)) for name in names}  # file n_files = index.ts

    def file_name(k: int) -> str:
        return "index" if k == n_files else f"f{k}"

    files: dict[str, str] = {}
    for k in range(n_files + 1):
        own = [n for n in names if home[n] == k]
        needed = sorted({r for n in own for r in decls[n][1] if home[r] != k})
        by_file: dict[int, list[str]] = {}
        for r in needed:
            by_file.setdefault(home[r], []).append(r)
        head = [
            f'import {{ {", ".join(rs)} }} from "./{file_name(f)}";\n'
            for f, rs in sorted(by_file.items())
        ]
        reexports = []
        if k == n_files:
            for f in draw(st.permutations(range(n_files))):
                theirs = [n for n in names if home[n] == f]
                if theirs and draw(st.booleans()):
                    some = draw(st.lists(st.sampled_from(theirs), min_size=1, unique=True))
                    reexports.append(f'export {{ {", ".join(some)} }} from "./f{f}";\n')
                else:
                    reexports.append(f'export * from "./f{f}";\n')
        body = [decls[n][0] for n in own]
        parts = draw(st.permutations([*head, *reexports, *body])) if k == n_files else [
            *head, *body
        ]
        files[f"{file_name(k)}.ts"] = "".join(parts)
    return files


@SETTINGS
@given(contracts())
def test_generated_python_imports_whatever_the_declaration_order(
    tmp_path: Path, files: dict[str, str]
) -> None:
    src = tmp_path / f"src{next(_counter)}"
    src.mkdir()
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    module = load(src / "index.ts", display_root=src)
    text = render(module, Target("python", "events"))["events/__init__.py"]
    context = "\n".join(f"// {n}\n{t}" for n, t in files.items())
    try:
        generated = import_text(tmp_path, text)
    except Exception as exc:  # pragma: no cover - the failure report
        raise AssertionError(f"{type(exc).__name__}: {exc}\n{context}\n{text}") from exc
    # every class and alias is there, and all but enums keep the IR's (source) order
    others = [n for n, d in module.decls.items() if type(d).__name__ != "Enum"]
    positions = [
        re.search(rf"^(?:class {n}\b|{n}: TypeAlias)", text, re.M) for n in others
    ]
    assert all(positions), context
    starts = [p.start() for p in positions if p is not None]
    assert starts == sorted(starts), context
    for msg in module.messages:
        cls = getattr(generated, msg.interface)
        data = _defaults_only(cls)
        if data is not None:
            assert generated.parse_message(data).__class__ is cls


def _defaults_only(cls: Any) -> dict[str, Any] | None:
    """The JSON of an instance built from defaults alone, if no field needs a value."""
    import dataclasses

    out: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.default is dataclasses.MISSING:
            return None
        if f.default is not None:
            out[f.name] = getattr(f.default, "value", f.default)
    return out


REGRESSION = {
    # the example of the issue: the message's file is re-exported before the enum's,
    # so the enum comes after the message in output order
    "index.ts": 'export * from "./messages";\nexport * from "./kinds";\n',
    "messages.ts": (
        'import { Kind } from "./kinds";\n'
        "export interface Started {\n  type: Kind.Started;\n  at: number;\n}\n"
    ),
    "kinds.ts": 'export enum Kind {\n  Started = "started",\n}\n',
}


def test_enum_re_exported_after_its_message(tmp_path: Path) -> None:
    for name, text in REGRESSION.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    module = load(tmp_path / "index.ts", display_root=tmp_path)
    assert list(module.decls) == ["Started", "Kind"]
    text = render(module, Target("python", "events"))["events/__init__.py"]
    assert text.index("class Kind(") < text.index("class Started:")
    generated = import_text(tmp_path, text)
    assert generated.parse_message({"type": "started", "at": 1}) == generated.Started(at=1)
