"""Constructs the tool cannot express, and names that collide, through the real CLI.

Each row is a contract and the first diagnostic both languages must print, at its
exact `path:line:col` (SPEC: refused at its location, never dropped or made `Any`);
exit status 2 and nothing on stdout. Rows with a message per language are refused by
the backends, in their own words but at the same place. The CLI runs in-process
(typer's runner): some sixty runs, without paying interpreter start-up for each.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from devpie_transpile.cli import app

TWO = "interface A { a: string }\ninterface B { b: string }\n"
ENUMS = 'enum S { A = "a" }\nenum N { B = 1 }\n'
UNDISCRIMINATED = "union of interfaces: A has no discriminator (a required field whose type is"

# (id, source, expected for both, or {lang: expected})
ROWS: list[tuple[str, str, str | dict[str, str]]] = [
    ("open-generic", "export interface A<T> { x: T }\nexport interface B { a: A }",
     "2:25: error: A is generic (A<T>): use it with type arguments"),
    ("missing-type-argument", "export interface A<T> { x: T }\nexport type B = A;",
     "2:17: error: A is generic (A<T>): use it with type arguments"),
    ("too-many-type-arguments", "interface A<T> { x: T }\nexport type B = A<string, 1>;",
     "2:17: error: A takes at most 1 type arguments, not 2"),
    ("not-generic", "interface A { x: string }\nexport type B = A<string>;",
     "2:17: error: A is not generic, so it takes no type arguments"),
    ("extends-open-generic", "interface B<T> { t: T }\nexport interface I extends B { }",
     "2:28: error: B is generic (B<T>): use it with type arguments"),
    ("infinite-instantiation", "interface A<T> { x: A<T[]> }\nexport type B = A<string>;",
     "1:21: error: instantiations nest too deeply (more than 50)"),
    ("alias-template-of-itself", "type A<T> = A<T>;\nexport type B = A<string>;",
     "1:13: error: AString is defined in terms of itself"),
    ("typeof-class", "export class K { x = 1 }\nexport type T = typeof K;",
     "2:17: error: typeof K: K is a class, not a constant (its type is not data)"),
    ("library-generic", "export interface B { x: Promise<string> }",
     "1:25: error: `Promise<...>` is not supported: a Promise is not data"),
    ("library-conditional", "export interface B { x: ReturnType<string> }",
     "1:25: error: `ReturnType<...>` is not supported: it is a conditional type over a "
     "function"),
    ("intersection-conflict",
     "interface A { a: string }\ninterface B { a: number }\nexport type C = A & B;",
     "3:21: error: field a of B conflicts with the field a declared at index.ts:1:15: "
     "neither type is narrower than the other"),
    ("intersection-conflict-inline", "interface A { a: string }\nexport type C = A & { a: 1 };",
     "2:23: error: field a of the object type conflicts with the field a declared at "
     "index.ts:1:15: neither type is narrower than the other"),
    ("intersection-of-non-object", "interface A { a: string }\nexport type C = A & string;",
     "2:21: error: an intersection can only combine object types"),
    ("pick-unknown-key", "interface A { a: string }\nexport type C = Pick<A, \"b\">;",
     "2:17: error: Pick: A has no property 'b'"),
    ("partial-of-non-object", "export type C = Partial<string>;",
     "1:17: error: Partial needs an object type (an interface or `{ ... }`)"),
    ("exclude-to-never", 'export type C = Exclude<"a", "a">;',
     "1:17: error: the result is `never` (no type is left)"),
    ("indexed-unknown-key", "interface A { a: string }\nexport type C = A[\"b\"];",
     "2:17: error: A has no property 'b'"),
    ("recursive-partial", "export interface A { a: Partial<A> }",
     "1:25: error: A is used to build its own type"),
    ("instantiation-named-like-a-type",
     "interface Box<T> { v: T }\nexport interface BoxA { a: string }\n"
     "export interface A { a: string }\nexport interface C { b: Box<A> }",
     "4:25: error: the instantiation Box<...> is named BoxA, like the declaration at "
     "index.ts:2:18"),
    ("union-member-named-like-a-type",
     'export interface MsgA { a: string }\nexport type Msg = { type: "a" } | { type: "b" };',
     "2:19: error: the union member MsgA is named MsgA, like the declaration at index.ts:1:18"),
    ("mapped", 'export type M = { [K in "a" | "b"]: string };',
     "1:17: error: mapped types are not supported (only the utility types (Partial, "
     "Required, Readonly, Pick, Omit, Record) are evaluated)"),
    ("conditional", "export interface X { c: string extends number ? 1 : 2 }",
     "1:25: error: conditional types are not supported (the tool evaluates generics and "
     "utility types, not conditions on types)"),
    ("this", "export interface X { c: this }",
     "1:25: error: this types are not supported (a polymorphic `this` has no single JSON "
     "shape)"),
    ("tuple-optional", "export interface T { pair: [string, number?] }",
     "1:37: error: optional tuple elements are not supported (the tuple would have no fixed "
     "length)"),
    ("tuple-rest", "export interface T { pair: [string, ...number[]] }",
     "1:37: error: rest elements in tuples are not supported (the tuple would have no fixed "
     "length)"),
    ("tuple-empty", "export interface T { pair: [] }",
     "1:28: error: empty tuple types are not supported (they hold no data)"),
    ("function", "export interface F { cb: () => void }",
     "1:26: error: function types are not supported (a message holds data, and JSON has no "
     "functions)"),
    ("method", "export interface F { run(): void }",
     "1:22: error: method signatures are not supported (a message holds data)"),
    ("keyof-of-non-object", "export interface K { k: keyof string }",
     "1:25: error: keyof needs an object type (an interface or `{ ... }`)"),
    ("typeof-function", "function f() {}\nexport interface T { t: typeof f }",
     "2:25: error: typeof f: f is a function, not a constant (its type is not data)"),
    ("typeof-tuple", 'const K = ["a"] as const;\nexport interface T { t: typeof K }',
     "2:25: error: typeof an array constant `as const` is a tuple type, supported only as "
     "(typeof C)[number], the union of its elements"),
    ("typeof-call", "const x = f();\nexport interface T { t: typeof x }",
     "2:25: error: cannot read the type of `f()`"),
    ("template-literal", "export interface T { t: `a${string}` }",
     "1:25: error: template literal types are not supported (its set of strings has no "
     "Python or Go type)"),
    ("object", "export interface O { o: object }",
     "1:25: error: `object` types are not supported; use Record<string, unknown>"),
    ("bigint", "export interface O { o: bigint }", "1:25: error: `bigint` types are not supported"),
    ("symbol", "export interface O { o: symbol }", "1:25: error: `symbol` types are not supported"),
    ("never", "export interface O { o: never }", "1:25: error: `never` types are not supported"),
    ("null-alone", "export interface N { n: null }",
     "1:25: error: `null` alone is not a supported type; use `T | null`"),
    ("undefined-alias", "export type U = undefined;",
     "1:17: error: `undefined` is only supported in a property type (x: T | undefined)"),
    ("record-number-keys", "export interface R { r: Record<number, string> }",
     "1:25: error: `Record` keys must be `string`, string literals or a string enum, not "
     "`number`"),
    ("index-and-properties", "export interface M { known: string; [k: string]: string }",
     "1:37: error: an interface cannot mix properties with an index signature"),
    ("inline-index-and-properties", "export interface M { m: { a: string; [k: string]: string } }",
     "1:38: error: an object type cannot mix properties with an index signature"),
    ("redeclared-field",
     "interface A { id: string }\nexport interface B extends A {\n  id: number;\n}",
     "3:3: error: field id redeclares the inherited field (at index.ts:1:15) "
     "with a type that is not narrower"),
    ("union-of-undiscriminated-interfaces", TWO + "export interface X { v: A | B }",
     f"3:25: error: {UNDISCRIMINATED}"),
    ("unused-alias-of-undiscriminated-interfaces", TWO + "export type U = A | B;",
     f"3:17: error: {UNDISCRIMINATED}"),
    ("union-without-shared-discriminator",
     'interface A { kind: "a" }\ninterface B { op: 1 }\nexport type U = A | B;',
     "3:17: error: union of interfaces: its members share no discriminator field"),
    ("union-with-repeated-discriminator",
     'interface A { kind: "a"; x: string }\ninterface B { kind: "a" }\nexport type U = A | B;',
     '3:17: error: union of interfaces: B has the same kind "a" as A, so their JSON cannot'),
    ("union-of-string-and-number-discriminators",
     'interface A { kind: "a" }\ninterface B { kind: 1 }\nexport type U = A | B;',
     "3:17: error: union of interfaces: the members' kind values mix strings and numbers"),
    ("message-types-of-both-kinds",
     'export interface A { type: "a" }\nexport interface B { type: 1 }',
     '2:28: error: message type 1 is a number, but A\'s is the string "a": parse_message '
     "cannot dispatch on both"),
    ("union-named-message-besides-the-messages",
     'export interface C { type: "c" }\ninterface A { kind: "a" }\ninterface B { kind: "b" }\n'
     "export type Message = A | B;",
     {"python": "4:13: error: union Message: its Python parse function parse_message collides "
                "with the module's parse_message (which dispatches over other messages)",
      "go": "4:13: error: Go name ParseMessage of the parse function of the union Message "
            "collides with the generated ParseMessage function"}),
    ("union-of-interface-and-string",
     "interface A { a: string }\nexport interface X { v: A | string }",
     {"python": "2:25: error: the Python backend cannot decode a union of these types",
      "go": "2:25: error: Go has no union types"}),
    ("string-and-numeric-enums", ENUMS + "export type U = S | N;",
     "3:17: error: a union of string and numeric enums is not supported (no Go type holds both)"),
    ("string-and-numeric-enums-inline", ENUMS + "export interface X { u: S | N }",
     "3:25: error: a union of string and numeric enums is not supported (no Go type holds both)"),
    # names that collide after conversion: the error is at the second one
    ("field-collision", "export interface C {\n  userId: string;\n  user_id: string;\n}",
     {"python": "3:3: error: field 'user_id' of C becomes the Python attribute 'user_id', like "
                "'userId' (line 2)",
      "go": "3:3: error: fields 'userId' and 'user_id' of C both become Go field UserID"}),
    ("inline-class-named-like-a-type", "export interface A {\n  b: { x: string };\n}\n"
     "export interface AB { y: string }",
     "4:18: error: type AB is already defined at index.ts:2:6"),
    ("two-inline-classes-one-name", "export interface A {\n  bC: { x: string };\n  "
     "'b-c': { y: string };\n}",
     "3:10: error: inline object type ABC is already defined at index.ts:2:7"),
    ("class-named-like-an-enum",
     'export enum Color { Red = "red" }\nexport interface Color { a: string }',
     "2:18: error: Color is declared twice (first at index.ts:1:13)"),
    ("enum-members-collide", 'export enum E {\n  TwoWords = "a",\n  "two words" = "b",\n}',
     {"python": "3:3: error: member 'two words' of enum E becomes the Python member 'TWO_WORDS', "
                "like 'TwoWords' (line 2)",
      "go": "3:3: error: Go name ETwoWords of the const for E.two words collides with the const "
            "for E.TwoWords"}),
    ("duplicate-message-type", 'export interface A { type: "x" }\nexport interface B { type: "x" }',
     '2:28: error: message type "x" is already used by A'),
]


@pytest.mark.parametrize("lang", ["python", "go"])
@pytest.mark.parametrize(("source", "expected"), [(s, e) for _, s, e in ROWS],
                         ids=[r[0] for r in ROWS])
def test_refused_at_its_location(source: str, expected: str | dict[str, str], lang: str,
                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "package.json").write_text("{}")
    (tmp_path / "index.ts").write_text(source + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    result = CliRunner().invoke(app, ["index.ts", "--lang", lang])
    want = expected if isinstance(expected, str) else expected[lang]
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    first = next(line for line in result.stderr.splitlines() if ": error: " in line)
    assert first.startswith(f"index.ts:{want}"), result.stderr
