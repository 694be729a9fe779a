"""The Python backend lays out wide statements itself, exactly as black would.

The promise is that every generated module is byte-identical to
`black.format_str(text, mode=black.Mode())`; the renderer keeps it without importing
black by emitting black's layout directly (`backends/python/layout.py`), falling back
to black for the rare statement it cannot lay out. These tests hold the layouts to
black: statement by statement across every name length, on random modules against a
reference rendering that lets black lay out every wide statement, and on the fixture,
the golden cases and synthetic contracts of the benchmark.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from unittest import mock

import black
import pytest
from helpers import FIXTURE, REPO, case_entries
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import devpie_transpile.backends.python.render as backend
from devpie_transpile import ir
from devpie_transpile.backends import Target
from devpie_transpile.backends.python.layout import (
    LINE_LENGTH,
    Call,
    annotated_assignment,
    call_statement,
    def_header,
    flat,
    parse,
    subscript_statement,
)
from devpie_transpile.backends.python.fast import assignment
from devpie_transpile.frontend import load

MODE = black.Mode()


def _gen_contract() -> ModuleType:
    path = REPO / "bench" / "gen_contract.py"
    spec = importlib.util.spec_from_file_location("gen_contract", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


gen_contract = _gen_contract()


def in_context(lines: list[str], depth: int) -> str:
    """Statement lines at `depth` levels of indentation, inside a class (and a def)."""
    head = ["class A:", "    def f(self):"][:depth]
    return "\n".join([*head, *lines]) + "\n"


def black_layout(line: str, depth: int, *after: str) -> str:
    return black.format_str(in_context([line, *after], depth), mode=MODE)


def name(length: int) -> str:
    return "N" + "x" * (length - 1)


# --- statement by statement ------------------------------------------------------------

CALLS: list[Callable[[str], str]] = [
    lambda n: f'_required(_obj, "data", _path, {n}._decode)',
    lambda n: f'_optional(_obj, "changes", _path, _list({n}._decode))',
    lambda n: f'_optional(_obj, "x", _path, _dict(_list({n}._decode)))',
    lambda n: f'_required(_obj, "type", _path, _literal(Events.{n.upper()}))',
    lambda n: f'_required(_obj, "k", _path, _nullable(_union("string or number", _str, {n})))',
    lambda n: f'_required(_obj, "k", _path, _nullable(_enums("{n} | B", {n}, B)))',
    lambda n: f'_optional(_obj, "{n}", _path, _literal("a, (b)", -1, 2.5e20, "{n}"))',
    lambda n: f'_required(_obj, "v", _path, _list(_list(_dict({n}._decode))))',
]


@pytest.mark.parametrize("shape", range(len(CALLS)))
@pytest.mark.parametrize("prefix", ["", "some_field = ", "x = "])
def test_call_statements_match_black(shape: int, prefix: str) -> None:
    laid_out = 0
    for length in range(1, 100):
        expr = CALLS[shape](name(length))
        line = f"        {prefix}{expr}"
        lines = call_statement("        ", prefix, expr)
        if len(lines) == 1:
            assert lines == [line]
            if len(line) > LINE_LENGTH:
                continue  # left to black: too wide even when split
        assert in_context(lines, 2) == black_layout(line, 2), (length, lines)
        laid_out += len(lines) > 1
    assert laid_out > 10  # the sweep did reach the split layouts


COMPREHENSIONS: list[Callable[[str], str]] = [
    lambda n: f"[{n}._fast({n}, _v1, _depth + 2) for _v1 in changes]",
    lambda n: f"{{_v2: {n}._fast({n}, _v1, _depth + 2) for _v2, _v1 in entries.items()}}",
    lambda n: f"{n}._fast({n}, _d[\"data\"], _depth + 1)",
]


@pytest.mark.parametrize("shape", range(len(COMPREHENSIONS)))
@pytest.mark.parametrize("depth", [2, 3])
def test_fast_path_assignments_match_black(shape: int, depth: int) -> None:
    """The fast path's `x = [Name._fast(Name, _v1, _depth + 2) for ...]`: the element's
    call split too when the comprehension's own split is still too wide."""
    laid_out = 0
    indent = "    " * depth
    for length in range(1, 100):
        expr = COMPREHENSIONS[shape](name(length))
        lines = assignment(indent, "changes", expr)
        line = f"{indent}changes = {expr}"
        if len(lines) == 1:
            assert lines == [line]
            if len(line) > LINE_LENGTH:
                continue  # left to black
        head = ["class A:", "    def f(self):", "        if x:"][:depth]
        ours = "\n".join([*head, *lines]) + "\n"
        assert ours == black.format_str("\n".join([*head, line]) + "\n", mode=MODE), lines
        laid_out += len(lines) > 3
    assert laid_out > 10 or shape == 2


@pytest.mark.parametrize(("method", "params"), [
    ("_decode", "cls, _data: Any, _path: str"), ("from_dict", "cls, data: Any"),
])
def test_def_headers_match_black(method: str, params: str) -> None:
    for length in range(1, 100):
        returns = name(length)
        line = f"    def {method}({params}) -> {returns}:"
        lines = def_header("    ", method, params, returns)
        if len(lines) == 1 and len(line) > LINE_LENGTH:
            continue
        body = "        pass"
        assert in_context([*lines, body], 1) == black_layout(line, 1, body), length


@pytest.mark.parametrize("make", [
    lambda m: (f"type: Literal[Events.{m}]", f"Events.{m}"),
    lambda m: (f'type: Literal["{m}"]', f'"{m}"'),
    lambda m: (f"kind: Literal[{len(m)}]", str(len(m))),
    lambda m: (f"kind: Literal[-{len(m)}]", f"-{len(m)}"),
])
def test_literal_defaults_match_black(make: Callable[[str], tuple[str, str]]) -> None:
    for length in range(1, 100):
        target, value = make(name(length).upper() * (1 + length % 3))
        line = f"    {target} = {value}"
        lines = annotated_assignment("    ", target, value)
        if len(lines) == 1 and len(line) > LINE_LENGTH:
            continue
        assert in_context(lines, 1) == black_layout(line, 1)


ATOMS: list[Callable[[int], str]] = [
    lambda i: f'"value{i}"',
    lambda i: str(i * 7919 - 40000),
    lambda i: f"Kind.MEMBER_{i}",
    lambda i: backend.py_str(f"a, ]b\"c'{i}\\"),
    lambda i: "True" if i % 2 else "False",
]


@pytest.mark.parametrize("atom", range(len(ATOMS)))
@pytest.mark.parametrize(("depth", "prefix"), [
    (0, "{}: TypeAlias = "), (1, "{}: "), (2, "{}: "),
])
def test_literal_unions_match_black(atom: int, depth: int, prefix: str) -> None:
    """`X: TypeAlias = Literal[...]` and `x: Literal[...]`: every name length, one to
    forty values (on one line between the brackets, or one a line)."""
    laid_out = 0
    indent = "    " * depth
    for length in range(1, 90, 3):
        for count in (2, 3, 5, 8, 40):
            values = ", ".join(ATOMS[atom](i) for i in range(count))
            target = prefix.format(name(length) if depth == 0 else name(length).lower())
            expr = f"Literal[{values}]"
            line = f"{indent}{target}{expr}"
            lines = subscript_statement(indent, target, expr)
            if len(lines) == 1:
                assert lines == [line]
                if len(line) > LINE_LENGTH:
                    continue  # left to black
            assert in_context(lines, depth) == black_layout(line, depth), (length, count)
            laid_out += len(lines) > 1
    assert laid_out > 20


def test_other_subscripts_are_left_to_black() -> None:
    for expr in ["list[Literal[" + '"a", ' * 30 + '"b"]]', "Literal[" + '"x" * 9' * 20 + "]",
                 "Literal[" + '"' + "a" * 100 + '"]', 'Literal["a",' + ' "b",' * 30 + "]"]:
        assert subscript_statement("    ", "x: ", expr) == ["    x: " + expr]


def test_return_cls_explodes_with_magic_trailing_comma() -> None:
    """`return cls(...)` is emitted one argument a line: black keeps that (trailing comma)."""
    args = [f"field_{i}=field_{i}" for i in range(5)]
    lines = ["        return cls(", *(f"            {a}," for a in args), "        )"]
    assert black.format_str(in_context(lines, 2), mode=MODE) == in_context(lines, 2)


def test_parse_round_trips_and_refuses_other_syntax() -> None:
    text = '_f(a.b, "x, (y)", \'q"\', -1, 2.5e+20, _g(_h(c)), "\\\\\\"")'
    tree = parse(text)
    assert isinstance(tree, Call) and flat(tree) == text
    assert parse("a") == "a"
    for other in ['_tagged("x", {"a": A._decode})', "f(a)(b)", "f(a[0])", "f(a + b)",
                  "f(lambda: 1)", "f(a,)", 'f("open)', "f(a", "f(a) "]:
        assert parse(other) is None, other


def test_unknown_shapes_and_non_ascii_are_left_to_black() -> None:
    wide = '_tagged("x", {"a": ' + "A" * 80 + "._decode})"
    assert call_statement("        ", "x = ", wide) == [f"        x = {wide}"]
    unicode = "_required(_obj, " + '"ключ", ' * 12 + "_str)"
    assert call_statement("        ", "", unicode) == ["        " + unicode]
    long_atom = f"_required(_obj, {'N' * 90})"
    assert call_statement("        ", "", long_atom) == ["        " + long_atom]


# --- whole modules: the same bytes as letting black lay out every wide statement ---------


def _one_line_call(indent: str, prefix: str, expr: str, suffix: str = "") -> list[str]:
    return [f"{indent}{prefix}{expr}{suffix}"]


def _one_line_def(indent: str, method: str, params: str, returns: str) -> list[str]:
    return [f"{indent}def {method}({params}) -> {returns}:"]


def _one_line_assignment(indent: str, target: str, value: str) -> list[str]:
    return [f"{indent}{target} = {value}"]


def _one_line_subscript(indent: str, prefix: str, expr: str) -> list[str]:
    return [f"{indent}{prefix}{expr}"]


@contextmanager
def black_lays_out_everything() -> Iterator[None]:
    """The reference: wide statements stay on one line, so black lays out their block."""
    with mock.patch.multiple(backend, call_statement=_one_line_call, def_header=_one_line_def,
                             annotated_assignment=_one_line_assignment,
                             subscript_statement=_one_line_subscript):
        yield


def render_text(module: ir.Module) -> str:
    return backend.render(module, Target("python", "p"))["p/__init__.py"]


def assert_black_output(module: ir.Module) -> str:
    text = render_text(module)
    with black_lays_out_everything():
        reference = render_text(module)
    assert text == reference
    assert black.format_str(text, mode=MODE) == text
    return text


S = ir.Span("src/index.ts", 1, 1)
IDENT = st.integers(1, 70).flatmap(  # lengths drawn evenly: long names are the point
    lambda n: st.text("abcdefghijklmnopqrstuvwxyz", min_size=n, max_size=n)
)


@st.composite
def modules(draw: st.DrawFn) -> ir.Module:
    """Modules whose names run from one letter to 70: every layout and its edges."""
    members = tuple(
        ir.EnumMember(f"M{i}{draw(IDENT)}", f"v{i}{draw(IDENT)}", None, S)
        for i in range(draw(st.integers(1, 3)))
    )
    enum = ir.Enum("E" + draw(IDENT), "string", members, None, S)
    decls: list[ir.Decl] = [enum]
    messages: list[ir.Message] = []
    for i in range(draw(st.integers(1, 3))):
        iname = f"I{i}{draw(IDENT).capitalize()}"
        scalar = st.sampled_from([ir.Prim("string", S), ir.Prim("number", S),
                                  ir.Prim("boolean", S), ir.Prim("any", S), ir.Ref(enum.name, S)])
        fields: list[ir.Field] = []
        for j in range(draw(st.integers(0, 4))):
            key = f"f{j}{draw(IDENT)}"
            inner = ir.Object(f"{iname}{key.capitalize()}",
                              (ir.Field("v", draw(scalar), False, None, S),), S)
            t = draw(st.sampled_from([
                draw(scalar), ir.Array(inner, S), ir.Map(ir.Array(inner, S), S), inner,
                ir.Union((draw(scalar), ir.Prim("null", S)), S),
                ir.Union((ir.Literal("a" * len(key), S), ir.Literal(len(key), S)), S),
                ir.Literal(key, S), ir.EnumMemberRef(enum.name, members[0].name, S),
                ir.Union(tuple(ir.Literal(f"{key}{k}", S) for k in range(len(key) % 9 + 2)), S),
            ]))
            fields.append(ir.Field(key, t, draw(st.booleans()), None, S))
        if i == 0:
            fields.append(ir.Field("type", ir.EnumMemberRef(enum.name, members[-1].name, S),
                                   False, None, S))
            messages.append(ir.Message(iname, str(members[-1].value)))
        decls.append(ir.Interface(iname, tuple(fields), (), None, S))
    return ir.Module("src/index.ts", {d.name: d for d in decls}, tuple(messages))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modules())
def test_random_modules_render_as_black_would(module: ir.Module) -> None:
    assert_black_output(module)


# --- real contracts ----------------------------------------------------------------------


@pytest.mark.parametrize("source", [FIXTURE, *case_entries()],
                         ids=lambda p: p.relative_to(REPO).as_posix())
def test_fixture_and_cases_render_as_black_would(source: Path) -> None:
    try:
        module = load(source, display_root=REPO)
    except Exception as exc:  # a case meant to fail to load is not about layout
        pytest.skip(f"does not load: {exc}")
    assert_black_output(module)


@pytest.mark.parametrize(("n", "seed"),
                         [(25, 1), (25, 2), (25, 3), (60, gen_contract.DEFAULT_SEED)])
def test_synthetic_contracts_need_no_black(tmp_path: Path, n: int, seed: int) -> None:
    source = tmp_path / "contract.ts"
    source.write_text(gen_contract.generate(n, seed), encoding="utf-8")
    module = load(source, display_root=tmp_path)
    text = assert_black_output(module)
    with mock.patch.dict(sys.modules, {"black": None}):  # `import black` would now fail
        assert render_text(module) == text

