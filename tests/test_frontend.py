"""The tree-sitter frontend: TypeScript -> IR, its loader, and IR validation."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from devpie_transpile import ir
from devpie_transpile.diagnostics import Diagnostic, TranspileError, format_diagnostics
from devpie_transpile.frontend import load
from devpie_transpile.validate import problems, validate

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project (has a package.json) that is also the current directory."""
    (tmp_path / "package.json").write_text("{}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")


def build(root: Path, src: str | bytes, notes: list[str] | None = None, **files: str) -> ir.Module:
    write(root, {"index.ts": src, **{k.replace("__", "/") + ".ts": v for k, v in files.items()}})
    return load(Path("index.ts"), note=None if notes is None else notes.append)


def fail(root: Path, src: str | bytes, **files: str) -> str:
    """The formatted diagnostics (with source line and caret) of a failing load."""
    with pytest.raises(TranspileError) as info:
        build(root, src, **files)
    return format_diagnostics(info.value)


def field(decl: ir.Decl, name: str) -> ir.Field:
    assert isinstance(decl, ir.Interface)
    return next(f for f in decl.fields if f.name == name)


def ftype(module: ir.Module, decl: str, name: str) -> ir.Type:
    return field(module.decls[decl], name).type


# -- the fixture -----------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_module() -> ir.Module:
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        return load(Path("fixtures/index.ts"))
    finally:
        os.chdir(cwd)


def test_fixture_declarations_in_source_order(fixture_module: ir.Module) -> None:
    m = fixture_module
    assert m.source == "fixtures/index.ts"
    assert list(m.decls)[:6] == [
        "Commands",
        "Events",
        "Categories",
        "EventTypes",
        "Metadata",
        "Message",
    ]
    assert list(m.decls)[-1] == "ProjectDeletedEvent"
    assert len(m.decls) == 17


def test_fixture_enums(fixture_module: ir.Module) -> None:
    commands = fixture_module.decls["Commands"]
    assert isinstance(commands, ir.Enum)
    assert commands.kind == "string"
    assert [m.name for m in commands.members][:2] == ["RegisterUser", "ModifyUser"]
    assert commands.doc == "Commands trigger something to happen (in the future)."
    categories = fixture_module.decls["Categories"]
    assert isinstance(categories, ir.Enum)
    assert [(m.name, m.value) for m in categories.members] == [
        ("Identity", "IDENTITY"),
        ("Accounting", "ACCOUNTING"),
        ("Projects", "PROJECTS"),
    ]
    assert categories.members[0].span == ir.Span("fixtures/index.ts", 30, 3, 8)


def test_fixture_alias_and_metadata(fixture_module: ir.Module) -> None:
    alias = fixture_module.decls["EventTypes"]
    assert isinstance(alias, ir.Alias)
    assert isinstance(alias.type, ir.Union)
    assert [t.name for t in alias.type.members if isinstance(t, ir.Ref)] == ["Events", "Commands"]
    assert alias.doc == "Any command or event name."
    trace = field(fixture_module.decls["Metadata"], "traceId")
    assert trace.doc == "Correlates every message caused by one user action."
    assert trace.span == ir.Span("fixtures/index.ts", 41, 3, 7)
    assert fixture_module.decls["Metadata"].doc == "Tracing data carried by every message."


def test_fixture_inline_object(fixture_module: ir.Module) -> None:
    data = ftype(fixture_module, "ProjectCreatedEvent", "data")
    assert isinstance(data, ir.Object)
    assert data.name == "ProjectCreatedEventData"
    by_name = {f.name: f for f in data.fields}
    assert list(by_name)[:3] == ["projectId", "tenantId", "name"]
    assert by_name["public"].doc == "Whether people outside the team can see the project."
    assert by_name["active"].doc is None
    column_order = by_name["columnOrder"].type
    assert isinstance(column_order, ir.Array)
    assert column_order.item == ir.Prim("string", column_order.item.span)
    updated = ftype(fixture_module, "ProjectUpdatedEvent", "data")
    assert isinstance(updated, ir.Object)
    assert [(f.name, f.optional) for f in updated.fields][:3] == [
        ("projectId", False),
        ("name", True),
        ("description", True),
    ]
    discriminator = ftype(fixture_module, "ProjectCreatedEvent", "type")
    assert isinstance(discriminator, ir.EnumMemberRef)
    assert (discriminator.enum, discriminator.member) == ("Events", "ProjectCreated")


def test_fixture_messages(fixture_module: ir.Module) -> None:
    messages = fixture_module.messages
    assert messages[0] == ir.Message("RegisterUserCommand", "RegisterUser")
    assert messages[-1] == ir.Message("ProjectDeletedEvent", "ProjectDeleted")
    assert len(messages) == 11
    assert "Message" not in [
        m.interface for m in messages
    ]  # `type: EventTypes` is no discriminator


def test_load_is_deterministic(fixture_module: ir.Module) -> None:
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        again = load(Path("fixtures/index.ts"))
    finally:
        os.chdir(cwd)
    assert repr(again.decls) == repr(fixture_module.decls)
    assert again.messages == fixture_module.messages


def test_display_root_and_outside_paths(tmp_path: Path) -> None:
    write(tmp_path, {"p/package.json": "{}", "p/src/index.ts": "export enum E { A }"})
    m = load(tmp_path / "p" / "src" / "index.ts", display_root=tmp_path / "p")
    assert m.source == "src/index.ts"
    assert m.decls["E"].span.file == "src/index.ts"
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    m = load(tmp_path / "p" / "src" / "index.ts", display_root=elsewhere)
    assert m.source == "../p/src/index.ts"  # relative, never absolute (SPEC)


# -- enums -----------------------------------------------------------------------


def test_numeric_enums(project: Path) -> None:
    m = build(project, "enum Level { Low, Mid, High }\nenum Code { A = 5, B, C = -2, D }")
    level, code = m.decls["Level"], m.decls["Code"]
    assert isinstance(level, ir.Enum) and isinstance(code, ir.Enum)
    assert level.kind == "int"
    assert [m.value for m in level.members] == [0, 1, 2]
    assert [m.value for m in code.members] == [5, 6, -2, -1]


def test_enum_member_docs_and_quoted_names(project: Path) -> None:
    m = build(project, 'enum E {\n  /** first */\n  "a-b" = "x",\n  // second\n  C = "c",\n}')
    e = m.decls["E"]
    assert isinstance(e, ir.Enum)
    assert [(x.name, x.value, x.doc) for x in e.members] == [
        ("a-b", "x", "first"),
        ("C", "c", "second"),
    ]


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        (
            'enum E { A = "a", B = 1 }',
            "index.ts:1:23: error: enum E mixes string and numeric members\n"
            '  enum E { A = "a", B = 1 }\n'
            "                        ^\n",
        ),
        (
            'enum E { A = "a", B }',
            "index.ts:1:19: error: enum member B needs an initializer"
            " (it follows a string member)\n",
        ),
        ('enum E { ["x"] = 1 }', "index.ts:1:10: error: computed enum members are not supported\n"),
        (
            "enum E { A = 1 << 2 }",
            "index.ts:1:14: error: computed enum members are not supported"
            " (use a string or integer literal)\n",
        ),
        (
            "enum E { A = 1.5 }",
            "index.ts:1:14: error: computed enum members are not supported"
            " (use a string or integer literal)\n",
        ),
        ("enum E { A, A }", "index.ts:1:13: error: enum member A is declared twice"),
    ],
)
def test_enum_errors(project: Path, src: str, expected: str) -> None:
    assert fail(project, src).startswith(expected)


# -- interfaces ------------------------------------------------------------------


def test_extends_puts_base_fields_first(project: Path) -> None:
    m = build(
        project,
        "interface A { a: string; shared: number }\n"
        "interface B { b: boolean }\n"
        "interface C extends A, B { readonly c: string; shared: number }\n",
    )
    c = m.decls["C"]
    assert isinstance(c, ir.Interface)
    assert [f.name for f in c.fields] == ["a", "shared", "b", "c"]
    assert c.extends == ("A", "B")


def test_extends_declared_later_and_across_alias_object(project: Path) -> None:
    m = build(project, "interface C extends B { c: string }\ntype B = { b: string }")
    c = m.decls["C"]
    assert isinstance(c, ir.Interface)
    assert [f.name for f in c.fields] == ["b", "c"]
    assert isinstance(m.decls["B"], ir.Interface)


def test_redeclared_field_with_other_type(project: Path) -> None:
    out = fail(project, "interface A { x: string }\ninterface B extends A { x: number }")
    assert out.startswith(
        "index.ts:2:25: error: field x redeclares the inherited field (at index.ts:1:15)"
        " with a type that is not narrower\n"
        "  interface B extends A { x: number }\n"
        "                          ^\n"
    )


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        (
            "interface A { m(): void }",
            "index.ts:1:15: error: method signatures are not supported (a message holds data)\n",
        ),
        (
            "interface A {\n  (a: number): string\n}",
            "index.ts:2:3: error: call signatures are not supported (a message holds data)\n",
        ),
        (
            "interface A { a: string; [k: string]: number }",
            "index.ts:1:26: error: an interface cannot mix properties with an index signature\n",
        ),
        (
            "type A = { a: string; [k: string]: number }",
            "index.ts:1:23: error: an object type cannot mix properties with an index signature\n",
        ),
        ("interface A extends B {}\ninterface B extends A {}", "index.ts:2:21: error: B extends"),
        ("enum E { X }\ninterface A extends E {}", "index.ts:2:21: error: A can only extend"),
        (
            "interface A { x: string }\ninterface A { y: string }",
            "index.ts:2:11: error: A is declared twice (first at index.ts:1:11)\n",
        ),
    ],
)
def test_interface_errors(project: Path, src: str, expected: str) -> None:
    assert fail(project, src).startswith(expected)


def test_index_signature_only_is_a_map(project: Path) -> None:
    m = build(project, "type A = { [key: string]: number }\ninterface B { [k: string]: A }")
    a, b = m.decls["A"], m.decls["B"]
    assert isinstance(a, ir.Alias) and isinstance(a.type, ir.Map)
    assert isinstance(a.type.value, ir.Prim) and a.type.value.name == "number"
    assert isinstance(b, ir.Alias) and isinstance(b.type, ir.Map)
    assert b.type.value == ir.Ref("A", b.type.value.span)


# -- types -----------------------------------------------------------------------


def test_primitives_literals_and_unions(project: Path) -> None:
    src = (
        "interface A {\n"
        "  s: string; n: number; b: boolean; a: any; u: unknown;\n"
        '  lit: "a\\"b\\n\\u00e9\\u{1F600}" | \'x\' | 3 | 1.5 | -2 | 0x10 | 1e3 | true | false;\n'
        "  flat: string | (number | (string | null)) | null;\n"
        "  paren: ((string));\n"
        "}"
    )
    m = build(project, src)
    for name, prim in [("s", "string"), ("n", "number"), ("b", "boolean"), ("a", "any")]:
        t = ftype(m, "A", name)
        assert isinstance(t, ir.Prim) and t.name == prim
    lit = ftype(m, "A", "lit")
    assert isinstance(lit, ir.Union)
    values = [t.value for t in lit.members if isinstance(t, ir.Literal)]
    assert values == ['a"b\né\U0001f600', "x", 3, 1.5, -2, 16, 1000, True, False]
    assert [type(v) for v in values[2:7]] == [int, float, int, int, int]
    flat = ftype(m, "A", "flat")
    assert isinstance(flat, ir.Union)
    assert [getattr(t, "name", None) for t in flat.members] == ["string", "number", "null"]
    paren = ftype(m, "A", "paren")
    assert isinstance(paren, ir.Prim) and paren.name == "string"


def test_undefined_in_a_union_makes_the_field_optional(project: Path) -> None:
    m = build(project, "interface A { x: string | undefined; y?: number | null; z: string }")
    a = m.decls["A"]
    assert isinstance(a, ir.Interface)
    assert [(f.name, f.optional) for f in a.fields] == [("x", True), ("y", True), ("z", False)]
    x = field(a, "x").type
    assert isinstance(x, ir.Prim) and x.name == "string"
    y = field(a, "y").type
    assert isinstance(y, ir.Union) and len(y.members) == 2


def test_arrays_and_maps(project: Path) -> None:
    m = build(
        project,
        "interface A { a: string[]; b: Array<string>; c: ReadonlyArray<string>;"
        " d: readonly string[]; e: Record<string, number>; f: string[][] }",
    )
    for name in "abcd":
        t = ftype(m, "A", name)
        assert isinstance(t, ir.Array) and isinstance(t.item, ir.Prim), name
    e = ftype(m, "A", "e")
    assert isinstance(e, ir.Map) and isinstance(e.value, ir.Prim)
    f = ftype(m, "A", "f")
    assert isinstance(f, ir.Array) and isinstance(f.item, ir.Array)


def test_inline_object_names(project: Path) -> None:
    m = build(
        project,
        "interface Foo {\n"
        "  data: { inner: { x: string } };\n"
        "  columnOrder: { id: string }[];\n"
        "  labels: Record<string, { v: string }>;\n"
        '  "content-type": { t: string };\n'
        "}\n"
        "type Bar = { y: number }[];\n",
    )
    data = ftype(m, "Foo", "data")
    assert isinstance(data, ir.Object) and data.name == "FooData"
    inner = data.fields[0].type
    assert isinstance(inner, ir.Object) and inner.name == "FooDataInner"
    col = ftype(m, "Foo", "columnOrder")
    assert isinstance(col, ir.Array) and isinstance(col.item, ir.Object)
    assert col.item.name == "FooColumnOrderItem"
    labels = ftype(m, "Foo", "labels")
    assert isinstance(labels, ir.Map) and isinstance(labels.value, ir.Object)
    assert labels.value.name == "FooLabelsValue"
    ct = ftype(m, "Foo", "content-type")
    assert isinstance(ct, ir.Object) and ct.name == "FooContentType"
    bar = m.decls["Bar"]
    assert isinstance(bar, ir.Alias) and isinstance(bar.type, ir.Array)
    assert isinstance(bar.type.item, ir.Object) and bar.type.item.name == "BarItem"


def test_enum_member_refs(project: Path) -> None:
    m = build(project, 'enum E { A = "a" }\ninterface M { type: E.A; e: E }')
    t = ftype(m, "M", "type")
    assert t == ir.EnumMemberRef("E", "A", ir.Span("index.ts", 2, 21, 3))
    assert ftype(m, "M", "e") == ir.Ref("E", ir.Span("index.ts", 2, 29, 1))
    assert m.messages == (ir.Message("M", "a"),)


MAPPED_WHY = "only the utility types (Partial, Required, Readonly, Pick, Omit, Record) are evaluated"


@pytest.mark.parametrize(
    ("decl", "message"),
    [
        ("type T = { [K in keyof X]: X[K] };", f"mapped types are not supported ({MAPPED_WHY})"),
        (
            "type T = X extends string ? 1 : 2;",
            "conditional types are not supported (the tool evaluates generics and utility "
            "types, not conditions on types)",
        ),
        (
            "type T = (a: number) => string;",
            "function types are not supported (a message holds data, and JSON has no functions)",
        ),
        (
            "type T = `a${string}`;",
            "template literal types are not supported (its set of strings has no Python or Go "
            "type)",
        ),
        ("type T = Promise<string>;", "`Promise<...>` is not supported: a Promise is not data"),
        ("type T = Nope<string>;", "unknown generic type Nope"),
        ("type T = never;", "`never` types are not supported"),
        ("type T = void;", "`void` types are not supported"),
        ("type T = bigint;", "`bigint` types are not supported"),
    ],
)
def test_unsupported_types(project: Path, decl: str, message: str) -> None:
    out = fail(project, f"interface X {{ a: string }}\n{decl}\n")
    assert out == (
        f"index.ts:2:10: error: {message}\n"
        f"  {decl}\n"
        f"  {' ' * 9}^{'~' * (len(decl) - 11)}\n"
    ), out


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        (
            "type T<X> = { x: X };\ninterface U { t: T }",
            "index.ts:2:18: error: T is generic (T<X>): use it with type arguments\n",
        ),
        (
            "interface I<X> { x: X }\ntype U = I<string, number>;",
            "index.ts:2:10: error: I takes at most 1 type arguments, not 2\n"
            "  type U = I<string, number>;\n"
            "           ^~~~~~~~~~~~~~~~~\n",
        ),
        (
            "type T = Record<number, string>;",
            "index.ts:1:10: error: `Record` keys must be `string`, string literals or a string "
            "enum, not `number`\n",
        ),
        ("type T = Nope;", "index.ts:1:10: error: unknown type Nope\n"),
        ("type T = object;", "index.ts:1:10: error: `object` types are not supported"),
        ("type T = null;", "index.ts:1:10: error: `null` alone is not a supported type"),
        ("type T = string | undefined;", "index.ts:1:10: error: `undefined` is only supported"),
        ("enum E { A }\ntype T = E.B;", "index.ts:2:10: error: enum E has no member B\n"),
        ("interface I {}\ntype T = I.B;", "index.ts:2:10: error: I is not a namespace or an enum"),
        ("function K() {}\ntype T = K;", "index.ts:2:10: error: K is a function, not a type"),
        ("function f() {}\ntype T = f;", "index.ts:2:10: error: f is a function"),
        ("const v = 1;\ntype T = v;", "index.ts:2:10: error: v is a variable"),
        ("interface I { [k: number]: string }", "index.ts:1:19: error: only `string` index"),
        ("interface I { x }", "index.ts:1:15: error: property x needs a type annotation\n"),
    ],
)
def test_type_errors(project: Path, src: str, expected: str) -> None:
    out = fail(project, src)
    assert out.startswith(expected), out


def test_all_problems_are_reported_sorted(project: Path) -> None:
    out = fail(project, "type B = Nope2;\ninterface A { x: Nope1; m(): void }\n")
    lines = [line for line in out.splitlines() if ": error: " in line]
    assert lines == [
        "index.ts:1:10: error: unknown type Nope2",
        "index.ts:2:18: error: unknown type Nope1",
        "index.ts:2:25: error: method signatures are not supported (a message holds data)",
    ]


# -- comments ----------------------------------------------------------------------


def test_doc_comments(project: Path) -> None:
    m = build(
        project,
        "/** File header. */\n"
        "\n"
        "/**\n"
        " * Block doc.\n"
        " *   indented line\n"
        " */\n"
        "export interface A {\n"
        "  // line one\n"
        "  // line two\n"
        "  a: string; // trailing, ignored\n"
        "  b: string;\n"
        "\n"
        "  // separated by a blank line: ignored\n"
        "\n"
        "  c: string;\n"
        "}\n"
        "// not above anything\n"
        "\n"
        "type B = string;\n",
    )
    a = m.decls["A"]
    assert isinstance(a, ir.Interface)
    assert a.doc == "Block doc.\n  indented line"
    assert [f.doc for f in a.fields] == ["line one\nline two", None, None]
    assert m.decls["B"].doc is None


# -- files -------------------------------------------------------------------------


def test_reexports_renames_imports_and_cycles(project: Path) -> None:
    notes: list[str] = []
    m = build(
        project,
        'import { Meta } from "./meta";\n'
        'export * from "./events";\n'
        'export { Cmd as Command, Other } from "./cmds";\n'
        "export interface Msg { meta: Meta }\n",
        notes,
        meta="export interface Meta { lvl: Level }\nexport enum Level { A = 1 }\n"
        "export interface Unused { x: string }\n",
        events='export * from "./more";\nexport interface Ev { type: "ev"; h: Helper }\n'
        "interface Helper { y: number }\nexport function f() {}\n",
        more='export * from "./events";\nexport type E2 = string;\n',
        cmds='import { Other } from "./other";\nexport { Other };\n'
        'export interface Cmd { type: "cmd"; o: Other }\n',
        other="export interface Other { a: string }\nexport interface NotReexported {}\n",
    )
    assert list(m.decls) == ["Msg", "Ev", "E2", "Command", "Other", "Meta", "Helper", "Level"]
    command = m.decls["Command"]
    assert isinstance(command, ir.Interface) and command.name == "Command"
    assert command.span.file == "cmds.ts"
    assert ftype(m, "Command", "o") == ir.Ref("Other", ftype(m, "Command", "o").span)
    assert m.messages == (ir.Message("Ev", "ev"), ir.Message("Command", "cmd"))
    assert notes == ["events.ts:4:8: note: skipping function f (not a message type)"]


def test_followed_paths(project: Path) -> None:
    m = build(
        project,
        'export * from "./sub";\nexport { Q } from "./q.ts";\nexport { J } from "./j.js";\n',
        sub__index="export interface S { a: string }",
        q="export interface Q { b: string }",
        j="export interface J { c: string }",
    )
    assert [(n, d.span.file) for n, d in m.decls.items()] == [
        ("S", "sub/index.ts"),
        ("Q", "q.ts"),
        ("J", "j.ts"),
    ]


def test_module_errors(project: Path) -> None:
    (project.parent / "outside.ts").write_text("export interface O {}")
    out = fail(
        project,
        'import { X } from "./nope";\n'
        'import { Y } from "../outside";\n'
        'import { Stan } from "node-nats-streaming";\n'
        'export { Gone } from "./q";\n'
        "export interface A { s: Stan; x: X }\n",
        q="export interface Q {}",
    )
    assert out == (
        'index.ts:1:19: error: cannot find module "./nope" (tried nope.ts, nope.tsx, '
        'nope.d.ts, nope/index.ts, nope/index.tsx, nope/index.d.ts)\n'
        '  import { X } from "./nope";\n'
        "                    ^~~~~~~~\n"
        f'index.ts:2:19: error: "../outside" is outside the project root ({project.name}/)\n'
        '  import { Y } from "../outside";\n'
        "                    ^~~~~~~~~~~~\n"
        'index.ts:4:22: error: "./q" does not export Gone\n'
        '  export { Gone } from "./q";\n'
        "                       ^~~~~\n"
        "index.ts:5:25: error: `Stan` comes from the npm package `node-nats-streaming`, "
        "which is not part of this project\n"
        "  export interface A { s: Stan; x: X }\n"
        "                          ^~~~\n"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_symlink_outside_the_root_is_refused(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    secret = tmp_path_factory.mktemp("secret") / "secret.ts"
    secret.write_text("export interface Secret {}")
    (project / "link.ts").symlink_to(secret)
    out = fail(project, 'export * from "./link";\n')
    assert out.startswith('index.ts:1:15: error: "./link" is outside the project root')


def test_project_root_is_the_nearest_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "shared/base.ts": "export interface Base { a: string }",
            "src/index.ts": 'export { Base } from "../shared/base";',
        },
    )
    monkeypatch.chdir(tmp_path)
    assert list(load(Path("src/index.ts")).decls) == ["Base"]


def test_same_name_from_two_files(project: Path) -> None:
    out = fail(
        project,
        'import { A as B } from "./q";\nexport interface A { b: B }',
        q="export interface A {}",
    )
    assert out.startswith("q.ts:1:18: error: A is declared twice (first at index.ts:2:18)\n")


def test_syntax_error_in_followed_file(project: Path) -> None:
    out = fail(project, 'export * from "./q";', q="export interface Q { a: string b }")
    assert out.startswith("q.ts:1:32: error: syntax error: unexpected `b`\n")


def test_notes_for_skipped_declarations(project: Path) -> None:
    notes: list[str] = []
    build(
        project,
        "class Foo {}\nexport function f() {}\nconst x = 1, y = 2;\ndeclare const z: number;\n"
        "namespace N {}\nenum E { A }\n",
        notes,
    )
    assert notes == [
        "index.ts:1:1: note: skipping class Foo (not a message type)",
        "index.ts:2:8: note: skipping function f (not a message type)",
        "index.ts:3:1: note: skipping variable x (not a message type)",
        "index.ts:3:1: note: skipping variable y (not a message type)",
        "index.ts:4:9: note: skipping variable z (not a message type)",
    ]


# -- whole files -------------------------------------------------------------------


def test_missing_directory_and_empty_entry(project: Path) -> None:
    with pytest.raises(TranspileError) as info:
        load(Path("nope.ts"))
    assert format_diagnostics(info.value) == "nope.ts: error: no such file\n"
    (project / "dir.ts").mkdir()
    with pytest.raises(TranspileError) as info:
        load(Path("dir.ts"))
    assert format_diagnostics(info.value) == "dir.ts: error: is a directory, not a .ts file\n"
    (project / "empty.ts").write_text("")
    module = load(Path("empty.ts"))
    assert module.decls == {} and module.messages == ()


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="root can read anything",
)
def test_unreadable_file(project: Path) -> None:
    path = project / "locked.ts"
    path.write_text("enum E { A }")
    path.chmod(0)
    try:
        with pytest.raises(TranspileError) as info:
            load(Path("locked.ts"))
    finally:
        path.chmod(0o644)
    assert format_diagnostics(info.value) == "locked.ts: error: permission denied\n"


def test_invalid_utf8(project: Path) -> None:
    out = fail(project, b"enum E { A }\n// \xff\n")
    assert out == (
        "index.ts:2:4: error: not valid UTF-8 (byte 0xff)\n"
        "  // \ufffd\n"
        "     ^\n"
    )


def test_bom_and_crlf(project: Path) -> None:
    src = (
        b"\xef\xbb\xbf/** Doc\r\n * more */\r\nexport interface A {\r\n"
        b'  // c\r\n  x: "\xc3\xa9";\r\n  y: nope;\r\n}\r\n'
    )
    out = fail(project, src)
    assert out == "index.ts:6:6: error: unknown type nope\n    y: nope;\n       ^~~~\n"
    write(project, {"index.ts": src.replace(b"nope", b"string")})
    m = load(Path("index.ts"))
    a = m.decls["A"]
    assert isinstance(a, ir.Interface)
    assert a.doc == "Doc\nmore"
    assert a.span == ir.Span("index.ts", 3, 18, 1)
    assert field(a, "x").doc == "c"
    assert field(a, "x").type == ir.Literal("é", ir.Span("index.ts", 5, 6, 3))


def test_columns_count_characters(project: Path) -> None:
    out = fail(project, "const s = 'é€😀'; interface A { é: strin }")
    assert out.startswith("index.ts:1:35: error: unknown type strin\n")


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("interface A { x: string y }", "index.ts:1:25: error: syntax error: unexpected `y`\n"),
        ("interface A { x: string; ", "index.ts:1:25: error: syntax error: missing `}`\n"),
        ("type X = ;", "index.ts:1:9: error: syntax error: missing type identifier\n"),
    ],
)
def test_syntax_errors(project: Path, src: str, expected: str) -> None:
    assert fail(project, src).startswith(expected)


@pytest.mark.parametrize(
    "src",
    [
        "interface A { x: " + "{ a: " * 2000 + "string" + " }" * 2000 + " }\n",
        "type A = string" + "[]" * 2000 + ";\n",
        "type A = " + "Array<" * 2000 + "string" + ">" * 2000 + ";\n",
    ],
)
def test_deep_nesting_is_a_clean_error(project: Path, src: str) -> None:
    out = fail(project, src)
    assert "error: type is nested too deeply (more than 64 levels)" in out


def test_deep_parentheses_unwrap_without_recursion(project: Path) -> None:
    m = build(project, "type A = " + "(" * 2000 + "string[]" + ")" * 2000 + ";\n")
    a = m.decls["A"]
    assert isinstance(a, ir.Alias) and isinstance(a.type, ir.Array)


def test_long_union_and_extends_chain(project: Path) -> None:
    values = " | ".join(f'"v{i}"' for i in range(3000))
    chain = "\n".join(f"interface I{i} extends I{i + 1} {{ f{i}: string }}" for i in range(300))
    out = fail(project, f"type U = {values};\n{chain}\ninterface I300 {{}}\n")
    assert "too many levels of `extends`" in out
    m = build(project, f"type U = {values};\n")
    u = m.decls["U"]
    assert isinstance(u, ir.Alias) and isinstance(u.type, ir.Union)
    assert len(u.type.members) == 3000


# -- messages and validation ---------------------------------------------------------


def test_messages(project: Path) -> None:
    m = build(
        project,
        'enum E { A = "a" }\n'
        "interface M1 { type: E.A }\n"
        'interface M2 { type: "lit" }\n'
        "interface NotOptional { type?: E.A }\n"
        "interface NotUnion { type: E.A | null }\n",
    )
    assert m.messages == (ir.Message("M1", "a"), ir.Message("M2", "lit"))


def test_duplicate_discriminator(project: Path) -> None:
    out = fail(project, 'enum E { A = "x" }\ninterface A { type: E.A }\ninterface B { type: "x" }')
    assert out.startswith(
        'index.ts:3:21: error: message type "x" is already used by A\n'
        '  interface B { type: "x" }\n'
        "                      ^~~\n"
    )


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        (
            "type A = B;\ntype B = A[] | null;",
            "index.ts:1:6: error: type alias refers to itself: A -> B -> A\n",
        ),
        (
            "interface F { data: { a: string } }\ninterface FData { z: string }",
            "index.ts:2:11: error: type FData is already defined at index.ts:1:21\n",
        ),
        (
            "interface FData { z: string }\ninterface F { data: { a: string } }",
            "index.ts:2:21: error: inline object type FData is already defined at index.ts:1:11\n",
        ),
        (
            "interface A { x: string; y: number; x: string }",
            "index.ts:1:37: error: field x is declared twice (first at index.ts:1:15)\n",
        ),
    ],
)
def test_validation_errors(project: Path, src: str, expected: str) -> None:
    assert fail(project, src).startswith(expected)


def test_recursion_through_interfaces_is_fine(project: Path) -> None:
    m = build(
        project,
        "interface TreeNode { children: TreeNode[]; tags: Tags }\n"
        "type Tags = Record<string, TreeNode>;",
    )
    assert set(m.decls) == {"TreeNode", "Tags"}


def test_validate_on_a_hand_built_module() -> None:
    span = ir.Span("x.ts", 1, 1)
    a = ir.Alias("A", ir.Ref("Missing", span), None, span)
    module = ir.Module("x.ts", {"A": a}, ())
    assert problems(module) == [Diagnostic("unknown type Missing", span=span)]
    with pytest.raises(TranspileError):
        validate(module)
    ok = ir.Module("x.ts", {"A": ir.Alias("A", ir.Prim("string", span), None, span)}, ())
    validate(ok)
