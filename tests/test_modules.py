"""Module resolution as tsc does it, and how declarations are wrapped.

The golden cases (tests/cases/<case>/) pin the output of each resolution rule;
these pin the details: candidate order, tsconfig.json semantics, what is refused
and where, and that no specifier or file layout makes the loader hang or raise.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest
from helpers import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devpie_transpile import ir
from devpie_transpile.diagnostics import TranspileError, format_diagnostics
from devpie_transpile.frontend import load
from devpie_transpile.frontend.jsonc import JsoncError, parse
from devpie_transpile.frontend.resolve import candidates, package_name


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "package.json").write_text("{}")
    monkeypatch.chdir(root)
    return root


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def build(root: Path, files: dict[str, str], entry: str = "index.ts") -> ir.Module:
    write(root, files)
    return load(Path(entry))


def fail(root: Path, files: dict[str, str], entry: str = "index.ts") -> str:
    write(root, files)
    with pytest.raises(TranspileError) as info:
        load(Path(entry))
    return format_diagnostics(info.value)


def fields(module: ir.Module, name: str) -> list[str]:
    decl = module.decls[name]
    assert isinstance(decl, ir.Interface), decl
    return [f.name for f in decl.fields]


# --- relative specifiers ---------------------------------------------------------------


def test_candidates_in_tsc_order() -> None:
    def names(joined: str) -> list[str]:
        return [p.as_posix() for p in candidates(joined)]

    assert names("/p/x") == [
        "/p/x.ts", "/p/x.tsx", "/p/x.d.ts", "/p/x/index.ts", "/p/x/index.tsx", "/p/x/index.d.ts",
    ]
    assert names("/p/x.js") == ["/p/x.ts", "/p/x.tsx", "/p/x.d.ts", "/p/x.js/index.ts",
                                "/p/x.js/index.tsx", "/p/x.js/index.d.ts"]
    assert names("/p/x.mjs")[:2] == ["/p/x.mts", "/p/x.d.mts"]
    assert names("/p/x.cjs")[:2] == ["/p/x.cts", "/p/x.d.cts"]
    assert names("/p/x.ts") == ["/p/x.ts"]
    assert names("/p/x.d.ts") == ["/p/x.d.ts"]
    assert names("/p/x.mts") == ["/p/x.mts"]
    assert names("/p/x.service") [0] == "/p/x.service.ts"
    assert names("/p/sub/") == ["/p/sub/index.ts", "/p/sub/index.tsx", "/p/sub/index.d.ts"]
    assert names("/p/.") == ["/p/index.ts", "/p/index.tsx", "/p/index.d.ts"]


def test_ts_source_wins_over_tsx_and_declarations(project: Path) -> None:
    module = build(project, {
        "index.ts": 'export * from "./a.js";',
        "a.ts": "export interface FromTs { x: string }",
        "a.tsx": "export interface FromTsx { x: string }",
        "a.d.ts": "export interface FromDts { x: string }",
    })
    assert list(module.decls) == ["FromTs"]


def test_a_folder_index_may_be_tsx_or_a_declaration_file(project: Path) -> None:
    module = build(project, {
        "index.ts": 'export * from "./ui";\nexport * from "./types/";',
        "ui/index.tsx": "export interface Button { label: string }\n"
                        "export const b = <button>{1}</button>;",
        "types/index.d.ts": "export declare interface Shape { sides: number }",
    })
    assert list(module.decls) == ["Button", "Shape"]


def test_relative_entry_dot_specifiers(project: Path) -> None:
    module = build(project, {
        "index.ts": 'export * from ".";\nexport interface A { x: string }',
        "sub/b.ts": 'import { A } from "..";\nimport { A as A2 } from "../";\n'
                    "export interface B { a: A; b: A2 }",
        "c.ts": 'import { B } from "./sub/b";\nexport interface C { b: B }',
    }, entry="c.ts")
    assert list(module.decls) == ["C", "B", "A"]


def test_missing_module_lists_what_was_tried(project: Path) -> None:
    out = fail(project, {"index.ts": 'export * from "./gone.js";'})
    assert out.startswith(
        'index.ts:1:15: error: cannot find module "./gone.js" (tried gone.ts, gone.tsx, '
        "gone.d.ts, gone.js/index.ts, gone.js/index.tsx, gone.js/index.d.ts)\n"
    )


# --- import / export forms ----------------------------------------------------------------


def test_type_only_imports_and_exports(project: Path) -> None:
    module = build(project, {
        "index.ts": 'import type { A } from "./a";\nimport { type B, C } from "./a";\n'
                    'export type { D } from "./a";\nexport { type E as Eee } from "./a";\n'
                    "export interface I { a: A; b: B; c: C }",
        "a.ts": "export interface A {}\nexport interface B {}\nexport interface C {}\n"
                "export interface D {}\nexport interface E {}",
    })
    assert list(module.decls) == ["I", "D", "Eee", "A", "B", "C"]


def test_default_exports(project: Path) -> None:
    module = build(project, {
        "index.ts": 'import Money from "./money";\nimport Ref from "./refund";\n'
                    'export { default as Fee } from "./fee";\nexport { default } from "./tip";\n'
                    "export interface I { m: Money; r: Ref }",
        "money.ts": "export default interface Money { cents: number }",
        "refund.ts": "interface Refund { id: string }\nexport default Refund;",
        "fee.ts": "interface F { x: number }\nexport { F as default };",
        "tip.ts": "export default interface Tip { y: number }",
    })
    assert list(module.decls) == ["I", "Fee", "Tip", "Money", "Refund"]


def test_renamed_exports_render_the_exported_name(project: Path) -> None:
    module = build(project, {
        "index.ts": 'import { Inner } from "./a";\ninterface Local { x: string }\n'
                    "interface Both { y: string }\n"
                    "export { Local as Public, Inner as Outer, Both, Both as Twice };",
        "a.ts": "export interface Inner { z: number }",
    })
    assert list(module.decls) == ["Public", "Both", "Outer", "Twice"]
    twice = module.decls["Twice"]
    assert isinstance(twice, ir.Alias) and twice.type == ir.Ref("Both", twice.type.span)


def test_exporting_an_undeclared_name(project: Path) -> None:
    out = fail(project, {"index.ts": "export { Nope };"})
    assert out.startswith("index.ts:1:10: error: cannot export Nope: it is not declared\n")


# --- npm packages and library types ------------------------------------------------------


@pytest.mark.parametrize(
    ("specifier", "package"),
    [("nats", "nats"), ("nats/lib/msg", "nats"), ("@types/ws", "@types/ws"),
     ("@scope/pkg/sub", "@scope/pkg"), ("node:events", "node:events")],
)
def test_types_from_npm_packages_name_the_package(
    project: Path, specifier: str, package: str
) -> None:
    out = fail(project, {
        "index.ts": f'import {{ Msg }} from "{specifier}";\nexport interface I {{ m: Msg }}',
    })
    assert out.startswith(
        f"index.ts:2:25: error: `Msg` comes from the npm package `{package}`, "
        "which is not part of this project\n"
    ), out


def test_npm_reexports_and_unused_imports_are_fine(project: Path) -> None:
    module = build(project, {
        "index.ts": 'import { connect } from "nats";\nexport { Msg } from "nats";\n'
                    'export * from "@scope/pkg";\nexport interface I { x: string }',
    })
    assert list(module.decls) == ["I"]


def test_namespace_import_of_a_package(project: Path) -> None:
    out = fail(project, {
        "index.ts": 'import * as nats from "nats";\nexport interface I { m: nats.Msg }',
    })
    assert "`nats.Msg` comes from the npm package `nats`" in out


@pytest.mark.parametrize(
    ("name", "library"),
    [("RTCIceCandidate", "DOM"), ("HTMLElement", "DOM"), ("Blob", "DOM"),
     ("Uint8Array", "ECMAScript"), ("RegExp", "ECMAScript"), ("WeakMap", "ECMAScript")],
)
def test_library_types_say_so(project: Path, name: str, library: str) -> None:
    out = fail(project, {"index.ts": f"export interface I {{ x: {name} }}"})
    assert out.startswith(
        f"index.ts:1:25: error: `{name}` is a {library} library type, not part of this project"
    ), out


def test_unknown_non_package_specifier(project: Path) -> None:
    out = fail(project, {"index.ts": 'import { A } from "@/a";\nexport interface I { a: A }'})
    assert out.startswith(
        'index.ts:1:19: error: cannot find module "@/a" (no `paths` of a tsconfig.json maps it)'
    ), out


# --- tsconfig.json -----------------------------------------------------------------------


def test_jsonc() -> None:
    value = parse('// c\n{ "a": [1, "x",], /* b */ "b": {"c": true,}, "a": null, }\n')
    assert value == {"b": {"c": True}, "a": None}
    key = next(iter(parse('{\n  "k": "v"\n}')))
    assert (key.line, key.col, key.length) == (2, 3, 3)
    for bad in ["{", '{"a" 1}', '{"a": 1 "b": 2}', "[1,,]", '"\\q"', "/* x", "{} x", "[" * 200]:
        with pytest.raises(JsoncError):
            parse(bad)


def test_paths_exact_before_wildcard_and_longest_prefix(project: Path) -> None:
    module = build(project, {
        "tsconfig.json": '{"compilerOptions": {"paths": {'
                         '"@/*": ["./a/*"], "@/special/*": ["./b/*"], "@/exact": ["./c/x.ts"]}}}',
        "index.ts": 'import { A } from "@/one";\nimport { B } from "@/special/one";\n'
                    'import { C } from "@/exact";\nexport interface I { a: A; b: B; c: C }',
        "a/one.ts": "export interface A {}",
        "b/one.ts": "export interface B {}",
        "c/x.ts": "export interface C {}",
    })
    assert list(module.decls) == ["I", "A", "B", "C"]


def test_paths_without_baseurl_resolve_against_their_config(project: Path) -> None:
    module = build(project, {
        "tsconfig.json": '{"extends": "./config/base.json"}',
        "config/base.json": '{"compilerOptions": {"paths": {"~/*": ["../src/*"]}}}',
        "src/a.ts": "export interface A {}",
        "index.ts": 'export * from "~/a";',
    })
    assert list(module.decls) == ["A"]


def test_extending_config_overrides_its_base(project: Path) -> None:
    module = build(project, {
        "tsconfig.json": '{"extends": ["./one.json", "./two.json"],'
                         ' "compilerOptions": {"baseUrl": "three"}}',
        "one.json": '{"compilerOptions": {"baseUrl": "one"}}',
        "two.json": '{"compilerOptions": {"baseUrl": "two"}}',
        "one/m.ts": "export interface One {}",
        "two/m.ts": "export interface Two {}",
        "three/m.ts": "export interface Three {}",
        "index.ts": 'export * from "m";',
    })
    assert list(module.decls) == ["Three"]


def test_a_matched_path_with_no_file_is_an_error_but_a_catch_all_falls_through(
    project: Path,
) -> None:
    out = fail(project, {
        "tsconfig.json": '{"compilerOptions": {"paths": {"@/*": ["./src/*"]}}}',
        "index.ts": 'export * from "@/nope";',
    })
    assert out.startswith(
        'index.ts:1:15: error: cannot find module "@/nope" through `paths` "@/*" of '
        "tsconfig.json (tried src/nope.ts,"
    ), out
    module = build(project, {
        "tsconfig.json": '{"compilerOptions": {"paths": {"*": ["./types/*"]}}}',
        "types/local.d.ts": "export interface Local {}",
        "index.ts": 'export * from "local";\nexport * from "nats";',
    })
    assert list(module.decls) == ["Local"]


def test_the_nearest_tsconfig_is_read_only_when_needed(project: Path) -> None:
    write(project, {"tsconfig.json": "{ broken"})
    assert list(build(project, {"index.ts": "export interface A {}"}).decls) == ["A"]
    out = fail(project, {"index.ts": 'export * from "nats";'})
    assert out.startswith("tsconfig.json:1:3: error: invalid tsconfig.json: expected a string key")


def test_tsconfig_problems_are_located(project: Path) -> None:
    out = fail(project, {
        "tsconfig.json": '{\n  "extends": "./self.json",\n'
                         '  "compilerOptions": {"paths": {"a/**": ["x"], "b": "x"}}\n}',
        "self.json": '{"extends": "./self.json"}',
        "index.ts": 'export * from "nats";',
    })
    assert 'self.json:1:13: error: `extends` "./self.json" makes a cycle' in out
    assert 'tsconfig.json:3:33: error: `paths` pattern "a/**" can have at most one `*`' in out
    assert 'tsconfig.json:3:48: error: `paths` "b" must map to a list of paths' in out


def test_an_extends_package_not_installed_is_a_note(project: Path) -> None:
    write(project, {
        "tsconfig.json": '{"extends": "@tsconfig/node20/tsconfig.json",'
                         ' "compilerOptions": {"baseUrl": "src"}}',
        "src/a.ts": "export interface A {}",
        "index.ts": 'export * from "a";',
    })
    notes: list[str] = []
    module = load(Path("index.ts"), note=notes.append)
    assert list(module.decls) == ["A"]
    assert notes == [
        'tsconfig.json:1:13: note: not reading `extends` "@tsconfig/node20/tsconfig.json" '
        "(not installed in node_modules); only its baseUrl and paths would matter"
    ]
    write(project, {
        "node_modules/@tsconfig/node20/tsconfig.json": '{"compilerOptions": {"baseUrl": "../../../lib"}}',
        "tsconfig.json": '{"extends": "@tsconfig/node20/tsconfig.json"}',
        "lib/a.ts": "export interface FromLib {}",
    })
    assert list(load(Path("index.ts")).decls) == ["FromLib"]


# --- confinement to the project root ---------------------------------------------------


def test_paths_baseurl_and_extends_outside_the_root_are_refused_at_their_location(
    project: Path,
) -> None:
    (project.parent / "outside").mkdir()
    (project.parent / "outside" / "x.ts").write_text("export interface Secret {}")
    (project.parent / "base.json").write_text('{"compilerOptions": {"baseUrl": "outside"}}')
    out = fail(project, {
        "tsconfig.json": '{\n  "extends": "../base.json",\n  "compilerOptions": {\n'
                         '    "baseUrl": "..",\n'
                         '    "paths": {"@/*": ["../outside/*", "./ok/*"], "x": ["/etc/x.ts"]}\n'
                         "  }\n}",
        "index.ts": 'export * from "@/x";',
    })
    assert "Secret" not in out
    name = project.name
    assert f'tsconfig.json:2:14: error: `extends` "../base.json" points outside the project root ({name}/)' in out
    assert f'tsconfig.json:4:16: error: baseUrl ".." points outside the project root ({name}/)' in out
    assert f'tsconfig.json:5:23: error: `paths` entry "../outside/*" points outside' in out
    assert 'tsconfig.json:5:56: error: `paths` entry "/etc/x.ts" points outside' in out


def test_a_wildcard_substitution_cannot_leave_the_root(project: Path) -> None:
    (project.parent / "secret.ts").write_text("export interface Secret {}")
    out = fail(project, {
        "tsconfig.json": '{"compilerOptions": {"paths": {"@/*": ["./src/*"]}, "baseUrl": "."}}',
        "index.ts": 'export * from "@/../../secret";\nexport * from "src/../../secret";',
    })
    assert out.count("is outside the project root") == 2, out
    assert "Secret" not in out


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_a_tsconfig_symlinked_from_outside_is_not_read(project: Path) -> None:
    (project.parent / "tsconfig.json").write_text('{"compilerOptions": {"baseUrl": "."}}')
    (project / "tsconfig.json").symlink_to(project.parent / "tsconfig.json")
    out = fail(project, {"index.ts": 'import { A } from "x";\nexport interface I { a: A }'})
    assert "npm package `x`" in out


# --- namespaces, declare, classes ---------------------------------------------------------


def test_namespaces_scope_and_qualified_names(project: Path) -> None:
    module = build(project, {
        "index.ts": 'import * as ext from "./ext";\n'
                    "export namespace A {\n  export interface X { y: Y; z: B.Z }\n"
                    "  interface Y { n: number }\n  export namespace B { export type Z = string }\n}\n"
                    "namespace A { export interface W { x: X } }\n"
                    "export interface Top { x: A.X; w: A.W; e: ext.E; f: ext.N.F }",
        "ext.ts": "export interface E {}\nexport namespace N { export interface F {} }",
    })
    assert list(module.decls) == ["AX", "AY", "ABZ", "AW", "Top", "E", "NF"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("namespace N { interface Hidden {} }\nexport interface I { h: N.Hidden }",
         "index.ts:2:25: error: namespace N does not export Hidden"),
        ("namespace N {}\nexport interface I { h: N }",
         "index.ts:2:25: error: N is a namespace, not a type"),
        ("interface X {}\nexport interface I { h: X.Y.Z }",
         "index.ts:2:25: error: X is not a namespace or an enum"),
        ("enum E { A }\nexport interface I { h: E.B }",
         "index.ts:2:25: error: enum E has no member B"),
    ],
)
def test_namespace_errors(project: Path, text: str, message: str) -> None:
    assert fail(project, {"index.ts": text}).startswith(message)


def test_declare_forms_render_as_plain_ones(project: Path) -> None:
    module = build(project, {
        "index.ts": "declare interface A { x: string }\nexport declare type B = A;\n"
                    "declare const enum C { X = 1 }\nexport declare namespace D { interface E {} }\n"
                    'declare module "m" { interface Q {} }\ndeclare global { interface G {} }\n',
    })
    assert list(module.decls) == ["A", "B", "C", "DE"]


def test_classes_render_only_when_used(project: Path) -> None:
    write(project, {
        "index.ts": "export class Unused { a = 1 }\n"
                    "class Used {\n  constructor(public x: string, y: number, readonly z?: boolean) {}\n"
                    "  static s = 1;\n  private p = 2;\n  protected q = 3;\n  #r = 4;\n"
                    "  readonly lit = 'k';\n  n = 5;\n  flag = false;\n  run(): void {}\n}\n"
                    "export interface I { u: Used }",
    })
    notes: list[str] = []
    module = load(Path("index.ts"), note=notes.append)
    assert list(module.decls) == ["I", "Used"]
    assert fields(module, "Used") == ["x", "z", "lit", "n", "flag"]
    used = module.decls["Used"]
    assert isinstance(used, ir.Interface)
    assert [type(f.type).__name__ for f in used.fields] == ["Prim", "Prim", "Literal", "Prim", "Prim"]
    assert notes == ["index.ts:1:8: note: skipping class Unused (not a message type)"]


def test_class_property_needing_an_annotation(project: Path) -> None:
    out = fail(project, {"index.ts": "class C { items = [] }\nexport interface I { c: C }"})
    assert out.startswith("index.ts:1:11: error: property items needs a type annotation\n")


# --- issue 9 item 2: export-star graphs ---------------------------------------------------


def test_export_star_cycle_without_the_name_answers_at_once(project: Path) -> None:
    out = fail(project, {
        "a.ts": 'export * from "./b";\nexport * from "./c";',
        "b.ts": 'export * from "./a";\nexport * from "./c";',
        "c.ts": 'export * from "./a";\nexport * from "./b";',
        "index.ts": 'import { Nope } from "./a";\nexport interface X { n: Nope }',
    })
    assert out.startswith('index.ts:2:25: error: "./a" does not export Nope\n')


def test_dense_export_star_graph_is_linear(project: Path) -> None:
    n = 40
    files = {
        f"m{i}.ts": "".join(f'export * from "./m{j}";\n' for j in range(n) if j != i)
        for i in range(n)
    }
    files["m39.ts"] += "export interface Deep { x: string }\n"
    files["index.ts"] = (
        'import { Nope } from "./m0";\nimport { Deep } from "./m0";\n'
        "export interface X { n: Nope; d: Deep }"
    )
    out = fail(project, files)
    assert out.startswith('index.ts:3:25: error: "./m0" does not export Nope\n')
    del files["index.ts"]
    assert list(build(project, {**files, "index.ts": 'export * from "./m0";'}).decls) == ["Deep"]


@st.composite
def star_graphs(draw: st.DrawFn) -> tuple[int, list[set[int]], dict[str, int], str]:
    """n files, each `export *` from some others (cycles welcome), names each declared
    in at most one file, and the name the entry imports from file 0."""
    n = draw(st.integers(1, 9))
    edges = [draw(st.sets(st.integers(0, n - 1), max_size=n)) for _ in range(n)]
    names = draw(st.dictionaries(st.sampled_from("ABCDEFG"), st.integers(0, n - 1), max_size=5))
    wanted = draw(st.sampled_from("ABCDEFGH"))
    return n, edges, names, wanted


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(graph=star_graphs())
def test_random_export_star_graphs(project: Path, graph: tuple[int, list[set[int]], dict[str, int], str]) -> None:
    n, edges, names, wanted = graph
    directory = project / f"g{abs(hash(repr(graph)))}"
    directory.mkdir(exist_ok=True)
    for i in range(n):
        text = "".join(f'export * from "./f{j}";\n' for j in sorted(edges[i]))
        text += "".join(f"export interface {name} {{ from{i}: string }}\n"
                        for name, owner in sorted(names.items()) if owner == i)
        (directory / f"f{i}.ts").write_text(text)
    (directory / "index.ts").write_text(
        f'import {{ {wanted} }} from "./f0";\nexport interface Entry {{ x: {wanted} }}'
    )
    reachable, stack = set(), [0]
    while stack:
        i = stack.pop()
        if i not in reachable:
            reachable.add(i)
            stack.extend(edges[i])
    entry = Path(directory.name) / "index.ts"
    owner = names.get(wanted)
    if owner is not None and owner in reachable:
        module = load(entry)
        assert fields(module, wanted) == [f"from{owner}"]
    else:
        with pytest.raises(TranspileError) as info:
            load(entry)
        assert info.value.diagnostics[0].message == f'"./f0" does not export {wanted}'


# --- issue 9 item 4: hostile specifiers and layouts -----------------------------------------


def cli_fails(root: Path, entry: str = "index.ts") -> str:
    proc = run_cli(entry, "--lang", "python", cwd=root)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stderr


@pytest.mark.parametrize(
    ("specifier", "message"),
    [
        ("./a\\0b", 'index.ts:1:19: error: module specifier contains a NUL character'),
        ("./" + "x" * 300, 'index.ts:1:19: error: "./xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...": '
                           "cannot read"),
        ("./" + "/".join(["d"] * 600), "index.ts:1:19: error: "),
        ("", "index.ts:1:19: error: empty module specifier"),
    ],
)
def test_hostile_specifiers_are_located(project: Path, specifier: str, message: str) -> None:
    write(project, {"index.ts": f'import {{ A }} from "{specifier}";\nexport interface I {{ a: A }}'})
    err = cli_fails(project)
    assert err.startswith(message), err


def test_self_and_directory_specifiers(project: Path) -> None:
    write(project, {
        "index.ts": 'export * from ".";\nimport { A as Self } from "./";\n'
                    "export interface A { a: string }\nexport interface B { a: Self }",
    })
    proc = run_cli("index.ts", "--lang", "python", cwd=project)
    assert proc.returncode == 0, proc.stderr
    write(project, {"sub/x.ts": 'export * from "./";', "index.ts": 'export * from "./sub/x";'})
    err = cli_fails(project)
    assert err.startswith('sub/x.ts:1:15: error: cannot find module "./" (tried sub/index.ts,'), err


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_symlink_loops_as_module_and_as_entry(project: Path) -> None:
    (project / "loop1.ts").symlink_to("loop2.ts")
    (project / "loop2.ts").symlink_to("loop1.ts")
    write(project, {"index.ts": 'import { A } from "./loop1";\nexport interface I { a: A }'})
    err = cli_fails(project)
    assert err.startswith(
        'index.ts:1:19: error: "./loop1": cannot read loop1.ts: a loop of symbolic links\n'
    ), err
    err = cli_fails(project, "loop1.ts")
    assert err.startswith("loop1.ts: error: cannot read: "), err


def test_an_unreadable_directory_is_a_located_error(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project, {
        "locked/index.ts": "export interface A {}",
        "index.ts": 'import { A } from "./locked";\nexport interface I { a: A }',
    })
    real_stat = os.stat

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if "locked/" in os.fspath(path):  # type: ignore[call-overload]
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    with pytest.raises(TranspileError) as info:
        load(Path("index.ts"))
    monkeypatch.undo()
    assert format_diagnostics(info.value).startswith(
        'index.ts:1:19: error: "./locked": cannot read locked/index.ts: permission denied\n'
    )


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_directory_for_real(project: Path) -> None:
    write(project, {
        "locked/index.ts": "export interface A {}",
        "index.ts": 'import { A } from "./locked";\nexport interface I { a: A }',
    })
    (project / "locked").chmod(0)
    try:
        err = cli_fails(project)
    finally:
        (project / "locked").chmod(0o755)
    assert "permission denied" in err


def test_package_names() -> None:
    assert package_name("nats") == "nats"
    assert package_name("@a/b/c") == "@a/b"
    assert package_name("@/x") is None
    assert package_name("~/x") == "~"


def test_generics_inside_namespaces_and_over_classes(project: Path) -> None:
    module = build(project, {
        "index.ts": "export namespace N {\n  export interface Env<T> { x: T }\n"
                    "  export interface Inner { y: Env<number> }\n}\n"
                    "export type A = N.Env<string>;\n"
                    "export class Money { constructor(public readonly cents: number) {} }\n"
                    "export interface Wrap<T> { value: T }\nexport type W = Wrap<Money>;\n"
                    "export interface Uses { m: Partial<Money>; i: N.Inner }",
    })
    assert list(module.decls) == ["NEnvNumber", "NInner", "A", "W", "Uses", "Money"]
    assert fields(module, "A") == ["x"]


def test_export_star_as_namespace_and_enum_namespace_merging(project: Path) -> None:
    write(project, {
        "q.ts": 'export interface Q { q: string }\nexport enum Color { Red = "red" }\n'
                "export namespace Color {\n  export interface Meta { c: Color }\n"
                "  export function parse(s: string) { return s }\n}\n",
        "i3.ts": 'export * as ns from "./q";',
        "index.ts": 'export * as ns from "./q";\nimport { ns as other } from "./i3";\n'
                    "export interface U { q: other.Q; m: other.Color.Meta; r: other.Color.Red }",
    })
    notes: list[str] = []
    module = load(Path("index.ts"), note=notes.append)
    assert list(module.decls) == ["U", "Q", "Color", "ColorMeta"]
    assert notes == ["q.ts:5:10: note: skipping function Color.parse (not a message type)"]


def test_namespace_members_render_in_source_order(project: Path) -> None:
    members = [f"M{i}" for i in range(30)]
    body = "".join(f"  export interface {m} {{ x: string }}\n" for m in members)
    module = build(project, {
        "ns.ts": f"export namespace N {{\n{body}}}\n",
        "index.ts": 'export * from "./ns";',
    })
    assert list(module.decls) == [f"N{m}" for m in members]


def test_ambiguous_export_stars_are_an_error_a_shared_declaration_is_not(project: Path) -> None:
    out = fail(project, {
        "a.ts": 'export * from "./b";\nexport * from "./c";',
        "b.ts": "export interface X { b: string }",
        "c.ts": "export interface X { c: string }",
        "index.ts": 'import { X } from "./a";\nexport interface I { x: X }',
    })
    assert out.startswith(
        'a.ts:2:15: error: X is exported by both "./b" and "./c" through `export *`; '
        "re-export the one meant explicitly\n"
    ), out
    module = build(project, {
        "b.ts": 'export * from "./d";',
        "c.ts": 'export * from "./d";',
        "d.ts": "export interface X { d: string }",
    })
    assert fields(module, "X") == ["d"]
