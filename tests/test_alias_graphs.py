"""Alias graphs that were slow (issue 9, item 16) give the output they always did.

bench/slow_paths.py measures them; these tests hold their output: a diamond of
union aliases decodes as the union it flattens to (the flattening is memoised per
alias, no longer repeated per path), a chain of thousands of aliases renders in
either declaration order (walked, not recursed), and alias cycles are reported
exactly when there is one (searched per strongly connected component).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devpie_transpile import ir
from devpie_transpile.backends import Target, render
from devpie_transpile.diagnostics import TranspileError
from devpie_transpile.frontend import load
from devpie_transpile.validate import problems

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TARGETS = {"python": Target("python", "events"), "go": Target("go", "events", "x.com/events")}


def generate(tmp: Path, text: str, lang: str) -> str:
    source = tmp / "index.ts"
    source.write_text(text, encoding="utf-8")
    files = render(load(source, display_root=tmp), TARGETS[lang])
    return files["events/__init__.py" if lang == "python" else "events.go"]


def chunks_about(text: str, name: str) -> list[str]:
    """The top-level blocks of generated text that mention `name`."""
    return [c for c in re.split(r"\n\n+(?=\S)", text) if re.search(rf"\b{name}\b", c)]


@st.composite
def diamonds(draw: st.DrawFn) -> tuple[str, str]:
    """A diamond of union aliases over messages or enums, declared in a random order,
    and the same contract with the top alias written as the union it flattens to."""
    enums = draw(st.booleans())
    n = draw(st.integers(2, 4))
    base = [f"E{i}" if enums else f"M{i}" for i in range(n)]
    decls = ['export enum Kind {\n' + "".join(f'  K{i} = "k{i}",\n' for i in range(n)) + "}"]
    for i, name in enumerate(base):
        if enums:
            # member names unique across enums: Go names an alias's consts <Alias><Member>
            decls.append(f'export enum {name} {{\n  A{i} = "{name}a",\n  B{i} = "{name}b",\n}}')
        else:
            decls.append(f"export interface {name} {{\n  type: Kind.K{i};\n  n: number;\n}}")
    levels = draw(st.integers(1, 12))
    width = draw(st.integers(2, 3))
    below = base
    aliases: list[str] = []
    flattened = {b: [b] for b in base}  # alias -> the base types it stands for, in order
    for level in range(levels):
        names = [f"L{level}x{j}" for j in range(width)]
        for j, name in enumerate(names):
            members = draw(st.permutations(below))
            if level == 0:
                # (an alias of a single enum, `type L = E0`, is not an enum union to
                # either backend: unions hold at least two there)
                members = members[: draw(st.integers(2 if enums else 1, len(members)))]
                if j == 0:
                    members = base  # the top covers every base type
            aliases.append(f"export type {name} = {' | '.join(members)};")
            flattened[name] = list(dict.fromkeys(b for m in members for b in flattened[m]))
        below = names
    top = below[0]
    holder = f"export interface Holder {{\n  value: {top};\n  many: {top}[];\n  maybe?: {top};\n}}"
    ordered = draw(st.permutations([*aliases, holder]))
    flat = [a for a in aliases if not a.startswith(f"export type {top} ")]
    flat_top = f"export type {top} = {' | '.join(flattened[top])};"
    flat_order = [flat_top if a.startswith(f"export type {top} ") else a for a in ordered]
    assert flat != aliases
    return "\n".join([*decls, *ordered]) + "\n", "\n".join([*decls, *flat_order]) + "\n"


@SETTINGS
@given(diamonds(), st.sampled_from(["python", "go"]))
def test_a_diamond_of_union_aliases_renders_as_the_union_it_flattens_to(
    tmp_path: Path, pair: tuple[str, str], lang: str
) -> None:
    diamond, flat = pair
    got, want = generate(tmp_path, diamond, lang), generate(tmp_path, flat, lang)
    top = re.search(r"value: (\w+);", diamond)
    assert top is not None
    # Python writes the top alias as written (`L: TypeAlias = A | B`); Go declares the
    # flattened union itself (a sealed interface, or an enum type)
    names = ["Holder"] if lang == "python" else ["Holder", top.group(1)]
    for name in names:
        assert chunks_about(got, name) == chunks_about(want, name), diamond


def chain(n: int, reverse: bool) -> str:
    decls = [f"export type A{i} = A{i - 1};" for i in range(1, n)]
    decls.append("export type A0 = Kind | null;")
    if reverse:
        decls.reverse()
    last = f"A{n - 1}"
    return "\n".join([
        'export enum Kind {\n  X = "x",\n}',
        f"export interface Holder {{\n  value: {last};\n  many: {last}[];\n  maybe?: {last};\n}}",
        *decls,
    ]) + "\n"


def test_a_chain_of_2000_aliases_renders_in_either_order(tmp_path: Path) -> None:
    for lang in ("python", "go"):
        short = generate(tmp_path, chain(3, reverse=False), lang)
        for reverse in (False, True):
            text = generate(tmp_path, chain(2000, reverse), lang)
            # Holder's code is that of a short chain: A1999 stands for `Kind | null`
            assert chunks_about(text, "Holder") == [
                c.replace("A2", "A1999") for c in chunks_about(short, "Holder")
            ]


def test_a_chain_of_2000_aliases_python_imports(tmp_path: Path) -> None:
    import importlib.util
    import sys

    path = tmp_path / "chain_module.py"
    path.write_text(generate(tmp_path, chain(2000, reverse=True), "python"), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("chain_module", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["chain_module"] = module
    try:
        spec.loader.exec_module(module)
        data = {"value": "x", "many": ["x", None], "maybe": "x"}
        assert module.Holder.from_dict(data).to_dict() == data
    finally:
        del sys.modules["chain_module"]


# --- alias cycles ----------------------------------------------------------------------

SPAN = ir.Span("index.ts", 1, 1, 1)


@st.composite
def alias_graphs(draw: st.DrawFn) -> dict[str, list[str]]:
    n = draw(st.integers(1, 10))
    names = [f"A{i}" for i in range(n)]
    return {a: draw(st.lists(st.sampled_from(names), max_size=3)) for a in names}


def _module(graph: dict[str, list[str]]) -> ir.Module:
    decls: dict[str, ir.Decl] = {}
    for name, targets in graph.items():
        members = (*(ir.Ref(t, SPAN) for t in targets), ir.Prim("string", SPAN))
        decls[name] = ir.Alias(name, ir.Union(members, SPAN), None, SPAN)
    return ir.Module("index.ts", decls, ())


def _cyclic(graph: dict[str, list[str]]) -> bool:
    state: dict[str, int] = {}

    def visit(node: str) -> bool:  # small graphs: recursion is fine here
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1 or (nxt not in state and visit(nxt)):
                return True
        state[node] = 2
        return False

    return any(node not in state and visit(node) for node in graph)


@settings(max_examples=300, deadline=None)
@given(alias_graphs())
def test_alias_cycles_are_reported_exactly_when_there_is_one(graph: dict[str, list[str]]) -> None:
    found = [d.message for d in problems(_module(graph))]
    assert bool(found) == _cyclic(graph)
    covered: set[str] = set()
    for message in found:
        assert message.startswith("type alias refers to itself: ")
        path = message.split(": ", 1)[1].split(" -> ")
        assert path[0] == path[-1]
        for a, b in itertools.pairwise(path):
            assert b in graph[a]  # a real edge
        assert not covered.intersection(path)  # each alias in at most one report
        covered.update(path)


def test_a_cycle_through_a_long_chain_is_reported_once(tmp_path: Path) -> None:
    n = 2000
    text = "\n".join(f"export type A{i} = A{(i + 1) % n} | null;" for i in range(n)) + "\n"
    (tmp_path / "index.ts").write_text(text, encoding="utf-8")
    try:
        load(tmp_path / "index.ts", display_root=tmp_path)
    except TranspileError as exc:
        (diag,) = exc.diagnostics
        assert diag.message.startswith("type alias refers to itself: A0 -> A1 -> A2 -> ")
        assert diag.message.endswith(" -> A1999 -> A0")
    else:  # pragma: no cover
        raise AssertionError("cycle not reported")
