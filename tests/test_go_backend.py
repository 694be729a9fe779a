"""The Go backend: names, literals and layout in Python; behaviour with the real toolchain.

The Go tests render two packages (the fixture contract, and hand-made IR covering
every shape the backend supports), build and vet them once per session, check them
with gofmt, and run one harness binary that decodes vectors and re-encodes them.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURE, REPO, VECTORS, go, go_env, gofmt_binary

from devpie_transpile import ir
from devpie_transpile.backends import Target, render
from devpie_transpile.backends.go.gofmt import align, doc_comment
from devpie_transpile.backends.go.names import go_string, pascal
from devpie_transpile.diagnostics import TranspileError

# -- hand-made IR ------------------------------------------------------------------


def sp(line: int) -> ir.Span:
    return ir.Span("shapes.ts", line, 1)


_line = iter(range(1, 10_000))


def S() -> ir.Span:
    return sp(next(_line))


def prim(name: ir.PrimName) -> ir.Prim:
    return ir.Prim(name, S())


def fld(name: str, t: ir.Type, optional: bool = False, doc: str | None = None) -> ir.Field:
    return ir.Field(name, t, optional, doc, S())


def lit(value: str | int | float | bool) -> ir.Literal:
    return ir.Literal(value, S())


def union(*members: ir.Type) -> ir.Union:
    return ir.Union(tuple(members), S())


def ref(name: str) -> ir.Ref:
    return ir.Ref(name, S())


NULL = ir.Prim("null", sp(9999))
WEIRD_DOC = (
    'Doc with */ and "quotes" \\ back\x00slash\r\nand é日本.\n\n    indented code\n- not a list'
)
ENUM_DOC = (
    "Severity of a shape.\n\nHeading Like This\n\nBody text.\n\n"
    "[Go]: https://go.dev\n\n#  Hash heading\n\n[x]: y\n#\tnot a heading\n"
)


def enum(
    name: str, kind: str, members: list[tuple[str, str | int]], doc: str | None = None
) -> ir.Enum:
    assert kind in ("string", "int")
    return ir.Enum(
        name,
        "string" if kind == "string" else "int",
        tuple(ir.EnumMember(n, v, f"member {n}" if n == "High" else None, S()) for n, v in members),
        doc,
        S(),
    )


def shapes_module() -> ir.Module:
    """Every construct the Go backend renders, with hostile strings and docs."""
    nested = ir.Object(
        "ShapeNested",
        (
            fld("content-type", prim("string"), doc="a key that is no identifier"),
            fld("avatarUrl", prim("string"), optional=True),
            fld(
                "inner",
                ir.Array(
                    ir.Object("ShapeNestedInnerItem", (fld("deep", prim("boolean")),), S()), S()
                ),
            ),
        ),
        S(),
    )
    shape_fields = (
        fld("id", ref("UserId"), doc=WEIRD_DOC),
        fld("type", lit("shape")),
        fld("level", ref("Level")),
        fld("levelHigh", ir.EnumMemberRef("Level", "High", S()), optional=True),
        fld("color", union(ref("Color"), NULL)),
        fld("tones", ir.Array(ref("Tones"), S()), optional=True),
        fld("role", ref("Role")),
        fld("roles", ir.Array(union(lit("admin"), lit("member"), lit(3)), S()), optional=True),
        fld("labels", ir.Map(prim("number"), S())),
        fld("optLabels", ir.Map(union(ir.Array(prim("string"), S()), NULL), S()), optional=True),
        fld("nested", nested),
        fld("count", prim("number"), optional=True),
        fld("anyOpt", prim("unknown"), optional=True),
        fld("anyReq", prim("any")),
        fld("nullableList", union(ir.Array(prim("string"), S()), NULL)),
        fld("nameOrNum", union(prim("string"), prim("number"))),
        fld("maybe", ref("MaybeName")),
        fld("maybeOpt", ref("MaybeName"), optional=True),
        fld("tags", ref("Tags")),
        fld("weird key!", prim("boolean")),
        fld("colorOrShade", union(ref("Color"), ref("Shade")), optional=True),
        fld("flag", union(lit(True), NULL), optional=True),
        fld("userIDs", ir.Array(union(prim("string"), NULL), S()), optional=True),
    )
    decls: list[ir.Decl] = [
        enum("Level", "int", [("Low", 1), ("High", 2), ("Minus", -3)], ENUM_DOC),
        enum("Color", "string", [("Red", "red"), ("Quote", 'a"b\\c'), ("Uni", "é日本\n`")]),
        enum("Shade", "string", [("Dark", "dark"), ("Red", "red")]),
        enum("Nothing", "string", []),
        ir.Alias("Tones", union(ref("Color"), ref("Shade")), "Color or shade.", S()),
        ir.Alias("UserId", prim("string"), None, S()),
        ir.Alias("Tags", ir.Array(prim("string"), S()), None, S()),
        ir.Alias("Role", union(lit("admin"), lit("member")), None, S()),
        ir.Alias("MaybeName", union(prim("string"), NULL), None, S()),
        ir.Interface("Shape", shape_fields, (), "A shape.\n\nWith two paragraphs.", S()),
        ir.Interface("Empty", (), (), None, S()),
        ir.Interface(
            "Circle",
            (fld("type", ir.EnumMemberRef("Shade", "Dark", S())), fld("r", prim("number"))),
            (),
            None,
            S(),
        ),
    ]
    return ir.Module(
        "shapes.ts",
        {d.name: d for d in decls},
        (ir.Message("Shape", "shape"), ir.Message("Circle", "dark")),
    )


def load_fixture() -> ir.Module:
    from devpie_transpile.frontend import load

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        return load(FIXTURE.relative_to(REPO))
    finally:
        os.chdir(cwd)


# -- names and literals (no Go needed) ---------------------------------------------


@pytest.mark.parametrize(
    ("key", "go"),
    [
        ("traceId", "TraceID"),
        ("auth0Id", "Auth0ID"),
        ("avatarUrl", "AvatarURL"),
        ("id", "ID"),
        ("userId", "UserID"),
        ("userIDs", "UserIDs"),
        ("emailVerified", "EmailVerified"),
        ("content-type", "ContentType"),
        ("HTMLParser", "HTMLParser"),
        ("api_key", "APIKey"),
        ("utf8Name", "UTF8Name"),
        ("3d", "X3d"),
        ("", "X"),
        ("$ref", "Ref"),
        ("type", "Type"),
        ("jsonUrlId", "JSONURLID"),
        ("weird key!", "WeirdKey"),
        ("columnOrder", "ColumnOrder"),
    ],
)
def test_field_names(key: str, go: str) -> None:
    assert pascal(key) == go


def test_go_string_cannot_break_out() -> None:
    assert go_string('a"b\\c') == '"a\\"b\\\\c"'
    assert go_string("é\n\x00\x7f😀`") == '"\\u00e9\\n\\x00\\x7f\\U0001f600`"'
    assert go_string("\ud800") == '"\\ufffd"'
    assert go_string("*/ //") == '"*/ //"'


def test_align_matches_tabwriter_blocks() -> None:
    rows: list[list[str] | str] = [
        ["A", "string", "`a`"],
        ["Beeee", "[]int", "`b`"],
        "// breaks the block",
        ["C", "map[string]*float64", "`c`"],
        ["Dd", "bool", "`d`"],
        "",
        ["E", "x", "`e`"],
    ]
    assert align(rows) == [
        "\tA     string `a`",
        "\tBeeee []int  `b`",
        "\t// breaks the block",
        "\tC  map[string]*float64 `c`",
        "\tDd bool                `d`",
        "",
        "\tE x `e`",
    ]


def test_doc_comment_is_canonical() -> None:
    assert doc_comment(ENUM_DOC) == [
        "// Severity of a shape.",
        "//",
        "// # Heading Like This",
        "//",
        "// Body text.",
        "//",
        "//\t[Go]: https://go.dev",
        "//",
        "// # Hash heading",
        "//",
        "// [x]: y",
        "// #\tnot a heading",
    ]
    assert doc_comment("  one\n\n\n  two  ") == ["// one", "//", "// two"]
    assert doc_comment(" \n ") == []


# -- refusals: diagnostics at the second name's location -----------------------------


def _module(*decls: ir.Decl, messages: tuple[ir.Message, ...] = ()) -> ir.Module:
    return ir.Module("t.ts", {d.name: d for d in decls}, messages)


def _errors(module: ir.Module) -> list[tuple[str, int]]:
    with pytest.raises(TranspileError) as info:
        render(module, Target("go", "events"))
    return [(d.message, d.span.line if d.span else 0) for d in info.value.diagnostics]


def test_field_collision_reported_at_second_field() -> None:
    a, b = ir.Field("userId", prim("string"), False, None, sp(3)), ir.Field(
        "userID", prim("string"), False, None, sp(4)
    )
    c = ir.Field("unmarshalJSON", prim("string"), False, None, sp(5))
    d = ir.Field("appendJSON", prim("string"), False, None, sp(6))
    errors = _errors(_module(ir.Interface("Foo", (a, b, c, d), (), None, sp(2))))
    assert errors == [
        ("fields 'userId' and 'userID' of Foo both become Go field UserID", 4),
        ("field 'unmarshalJSON' of Foo becomes the Go method name UnmarshalJSON", 5),
        ("field 'appendJSON' of Foo becomes the Go method name AppendJSON", 6),
    ]


def test_type_and_const_collisions_all_collected() -> None:
    events = ir.Enum(
        "Events", "string", (ir.EnumMember("UserRegistered", "U", None, sp(2)),), None, sp(1)
    )
    clash = ir.Interface("EventsUserRegistered", (), (), None, sp(3))
    parse = ir.Interface("ParseMessage", (), (), None, sp(4))
    bad = ir.Alias("Foo$", prim("string"), None, sp(5))
    errors = _errors(_module(events, clash, parse, bad))
    assert [line for _, line in errors] == [3, 4, 5]
    assert "collides with the const for Events.UserRegistered" in errors[0][0]
    assert "ParseMessage" in errors[1][0]
    assert "not a Go identifier" in errors[2][0]


def test_enum_union_const_collision() -> None:
    e1 = ir.Enum("A", "string", (ir.EnumMember("X", "1", None, sp(2)),), None, sp(1))
    e2 = ir.Enum("B", "string", (ir.EnumMember("X", "2", None, sp(4)),), None, sp(3))
    alias = ir.Alias("U", ir.Union((ir.Ref("A", sp(5)), ir.Ref("B", sp(5))), sp(5)), None, sp(5))
    assert _errors(_module(e1, e2, alias)) == [
        ("Go name UX of the const for B.X collides with " "the const for A.X", 5)
    ]


def test_unsupported_types_are_refused_not_dropped() -> None:
    obj = ir.Object("FooA", (), sp(3))
    bad = ir.Union((prim("string"), obj), sp(3))
    key = ir.Field('say "hi"', prim("string"), False, None, sp(4))
    errors = _errors(
        _module(ir.Interface("Foo", (ir.Field("a", bad, False, None, sp(3)), key), (), None, sp(2)))
    )
    # a key no struct tag can carry is accepted: MarshalJSON writes it member by member
    assert [line for _, line in errors] == [3]
    assert "Go has no union types" in errors[0][0]


def test_struct_holding_itself_by_value_refused() -> None:
    node = ir.Interface(
        "Node",
        (
            ir.Field("parent", ir.Ref("Node", sp(3)), True, None, sp(3)),
            ir.Field("kids", ir.Array(ir.Ref("Node", sp(4)), sp(4)), False, None, sp(4)),
            ir.Field("next", ir.Ref("Node", sp(5)), False, None, sp(5)),
        ),
        (),
        None,
        sp(2),
    )
    errors = _errors(_module(node))
    assert errors == [
        (
            "field 'next' makes Node contain itself; Go needs it optional or `| null` to be a "
            "pointer",
            5,
        )
    ]


def test_runtime_names_are_reserved() -> None:
    import re

    from devpie_transpile.backends.go.names import RUNTIME_NAMES
    from devpie_transpile.backends.go.runtime import RUNTIME

    declared = set(re.findall(r"^(?:func|type|const) (\w+)", RUNTIME, re.M))
    assert declared == RUNTIME_NAMES


def test_duplicate_discriminator_refused() -> None:
    a = ir.Interface("A", (), (), None, sp(1))
    b = ir.Interface("B", (), (), None, sp(2))
    errors = _errors(_module(a, b, messages=(ir.Message("A", "x"), ir.Message("B", "x"))))
    assert errors == [("B has the message type 'x' of A", 2)]


def test_output_is_deterministic_and_headed() -> None:
    module = shapes_module()
    first = render(module, Target("go", "shapes", "example.com/shapes"))
    assert first == render(module, Target("go", "shapes", "example.com/shapes"))
    assert first["go.mod"] == (
        "// Code generated by devpie-transpile from shapes.ts. DO NOT EDIT.\n\n"
        "module example.com/shapes\n\ngo 1.24\n"
    )
    text = first["shapes.go"]
    assert text.startswith("// Code generated by devpie-transpile from shapes.ts. DO NOT EDIT.\n\n")
    assert text.isascii() is False  # docs keep non-ASCII; string literals are escaped
    assert "\x00" not in text and "\r" not in text
    assert '`json:"weird key!"`' in text and '`json:"tones,omitzero"`' in text


# -- the real toolchain ---------------------------------------------------------------

HARNESS = """package main

import (
	"encoding/json"
	"fmt"
	"os"

	fixture "example.com/fixture"
	shapes "example.com/shapes"
)

type vector struct {
	Decode string          `json:"decode"`
	Data   json.RawMessage `json:"data"`
}

func decode(name string, data []byte) (any, error) {
	switch name {
%s
	}
	return nil, fmt.Errorf("harness: no type %%q", name)
}

func main() {
	var vectors []vector
	if err := json.NewDecoder(os.Stdin).Decode(&vectors); err != nil {
		panic(err)
	}
	enc := json.NewEncoder(os.Stdout)
	for _, v := range vectors {
		value, err := decode(v.Decode, v.Data)
		out := map[string]any{}
		if err != nil {
			out["error"] = err.Error()
		} else if data, err := json.Marshal(value); err != nil {
			out["error"] = "marshal: " + err.Error()
		} else {
			out["json"] = json.RawMessage(data)
			out["type"] = fmt.Sprintf("%%T", value)
		}
		if err := enc.Encode(out); err != nil {
			panic(err)
		}
	}
}
"""


def _cases(pkg: str, module: ir.Module) -> list[str]:
    from devpie_transpile.backends.go.names import decl_objects, enum_union

    names: list[str] = []
    for decl in module.decls.values():
        if not isinstance(decl, ir.Alias) or enum_union(module, decl) is not None:
            names.append(decl.name)
        names.extend(o.name for o in decl_objects(decl))
    lines = [
        f'\tcase "{pkg}.ParseMessage":\n\t\treturn {pkg}.ParseMessage(data)',
    ]
    for name in names:
        lines.append(
            f'\tcase "{pkg}.{name}":\n\t\tvar v {pkg}.{name}\n'
            f"\t\terr := json.Unmarshal(data, &v)\n\t\treturn &v, err"
        )
    return lines


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both packages built, vetted, gofmt-checked, and a harness binary using them."""
    tmp = tmp_path_factory.mktemp("go")
    env = go_env(tmp)
    modules = {"fixture": load_fixture(), "shapes": shapes_module()}
    cases: list[str] = []
    for pkg, module in modules.items():
        for name, text in render(module, Target("go", pkg, f"example.com/{pkg}")).items():
            (tmp / pkg).mkdir(exist_ok=True)
            (tmp / pkg / name).write_text(text, encoding="utf-8")
        cases.extend(_cases(pkg, module))
    (tmp / "fmt").mkdir()
    (tmp / "fmt" / "shapes.go").write_text(_format_shapes(), encoding="utf-8")
    unformatted = subprocess.run(
        [gofmt_binary(env), "-l", "fixture", "shapes", "fmt"],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert unformatted == "", f"gofmt -l: {unformatted}"
    main = tmp / "harness"
    main.mkdir()
    (main / "main.go").write_text(HARNESS % "\n".join(cases), encoding="utf-8")
    (main / "go.mod").write_text(
        "module harness\n\ngo 1.24\n\nrequire (\n\texample.com/fixture v0.0.0\n"
        "\texample.com/shapes v0.0.0\n)\n\nreplace example.com/fixture => ../fixture\n\n"
        "replace example.com/shapes => ../shapes\n",
        encoding="utf-8",
    )
    go(["vet", "./...", "example.com/fixture", "example.com/shapes"], main, env)
    go(["build", "-o", str(tmp / "harness.bin"), "."], main, env)
    return tmp / "harness.bin"


def run(binary: Path, vectors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    proc = subprocess.run(
        [str(binary)],
        input=json.dumps(vectors, ensure_ascii=False),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _format_shapes() -> str:
    """Many random struct and const layouts and docs: gofmt must leave them alone."""
    from devpie_transpile.backends.go.gofmt import comment_lines

    rnd = random.Random(7)
    words = ["a", "Bb", "ccc", "DDDD", "é日本", "x_y", "[]map[string]*int", "Foo"]
    out = ["package fmt", ""]
    for i in range(120):
        rows: list[list[str] | str] = []
        for j in range(rnd.randint(0, 7)):
            kind = rnd.random()
            if kind < 0.15:
                rows.extend(comment_lines(rnd.choice([WEIRD_DOC, "x", ENUM_DOC, "  lead\ttab"])))
            elif kind < 0.25 and rows and rows[-1] != "":
                rows.append("")
            else:
                name = "F" + rnd.choice(words).replace("[]map[string]*int", "M") + str(j)
                typ = rnd.choice(["int", "string", "[]map[string]*int", "*T0", "map[string]any"])
                rows.append([name, typ, f'`json:"{rnd.choice(words)}{j},omitempty"`'])
        while rows and rows[-1] == "":
            rows.pop()
        out.extend(doc_comment(rnd.choice([WEIRD_DOC, ENUM_DOC, "Plain.", "A\n\nB C\n\nD."])))
        out.append(f"type T{i} struct {{")
        out.extend(align(rows))
        out.append("}")
        out.append("")
        consts = [
            [f"C{i}{rnd.choice(words[:4]) * rnd.randint(1, 3)}{k}", f"T{i}", f"= {k}"]
            for k in range(rnd.randint(1, 4))
        ]
        out.append("const (")
        out.extend(align(list(consts)))
        out.append(")")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# -- the fixture ------------------------------------------------------------------------


def _lead_vectors() -> dict[str, list[dict[str, Any]]]:
    path = VECTORS / "fixture" / "vectors.json"
    if not path.exists():
        pytest.skip("no shared vectors yet")
    data: dict[str, list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _go_name(vector: dict[str, Any], pkg: str) -> str:
    name = vector["decode"]
    return f"{pkg}.ParseMessage" if name == "parse_message" else f"{pkg}.{name}"


def test_fixture_vectors_round_trip(harness: Path) -> None:
    valid = _lead_vectors()["valid"]
    results = run(harness, [{"decode": _go_name(v, "fixture"), "data": v["data"]} for v in valid])
    for vector, result in zip(valid, results, strict=True):
        assert "error" not in result, (vector, result)
        assert result["json"] == vector["data"]


def test_fixture_vectors_errors(harness: Path) -> None:
    invalid = _lead_vectors()["invalid"]
    results = run(harness, [{"decode": _go_name(v, "fixture"), "data": v["data"]} for v in invalid])
    for vector, result in zip(invalid, results, strict=True):
        assert result.get("error") == vector["error"], vector


def test_parse_message_returns_pointer_to_struct(harness: Path) -> None:
    msg = {
        "id": "1",
        "type": "ProjectDeleted",
        "metadata": {"traceId": "t", "userId": "u"},
        "data": {"projectId": "p"},
    }
    [result] = run(harness, [{"decode": "fixture.ParseMessage", "data": msg}])
    assert result == {"type": "*fixture.ProjectDeletedEvent", "json": msg}


# -- every shape -------------------------------------------------------------------------

SHAPE: dict[str, Any] = {
    "id": "u1",
    "type": "shape",
    "level": 2,
    "color": None,
    "role": "member",
    "labels": {"b": 1.5, "a": 2},
    "nested": {"content-type": "x", "inner": []},
    "anyReq": None,
    "nullableList": None,
    "nameOrNum": 3,
    "maybe": None,
    "tags": [],
    "weird key!": False,
}


def _shape(**changes: Any) -> dict[str, Any]:
    out = {**SHAPE, **changes}
    return {k: v for k, v in out.items() if v is not ...}


VALID_SHAPES = [
    _shape(),
    _shape(
        levelHigh=2,
        color='a"b\\c',
        tones=["é日本\n`", "dark"],
        roles=["admin", 3],
        optLabels={"z": ["q"], "y": None},
        count=0,
        anyOpt={"n": [1, "x", None]},
        anyReq=[1.25, {"k": True}],
        nullableList=[],
        nameOrNum="n",
        maybe="m",
        maybeOpt="o",
        tags=["t"],
        colorOrShade="dark",
        flag=True,
        userIDs=["a", None],
        nested={"content-type": "y", "avatarUrl": "", "inner": [{"deep": True}]},
    ),
    _shape(tones=[], optLabels={}, roles=[]),
]


def test_shapes_round_trip(harness: Path) -> None:
    results = run(harness, [{"decode": "shapes.Shape", "data": v} for v in VALID_SHAPES])
    for vector, result in zip(VALID_SHAPES, results, strict=True):
        assert result.get("json") == vector, result


def test_optional_null_is_written_absent(harness: Path) -> None:
    [result] = run(harness, [{"decode": "shapes.Shape", "data": _shape(count=None, tones=None)}])
    assert result["json"] == SHAPE


LONG = "日本語のとても長い文字列はここで四十文字を超えるまで続きますよ、まだまだ続きます"
INVALID_SHAPES: list[tuple[str, Any, str]] = [
    ("shapes.Shape", [], "$: expected object, got []"),
    ("shapes.Shape", _shape(id=...), "id: missing"),
    ("shapes.Shape", _shape(type="circle"), 'type: expected "shape", got "circle"'),
    ("shapes.Shape", _shape(type=None), 'type: expected "shape", got null'),
    ("shapes.Shape", _shape(level=1.5), "level: expected integer, got 1.5"),
    ("shapes.Shape", _shape(level="1"), 'level: expected integer, got "1"'),
    ("shapes.Shape", _shape(level=7), "level: expected Level, got 7"),
    ("shapes.Shape", _shape(levelHigh=1), "levelHigh: expected 2, got 1"),
    ("shapes.Shape", _shape(color="blue"), 'color: expected Color, got "blue"'),
    ("shapes.Shape", _shape(color=...), "color: missing"),
    ("shapes.Shape", _shape(tones=["red", "pink"]), 'tones[1]: expected Tones, got "pink"'),
    ("shapes.Shape", _shape(tones=[1]), "tones[0]: expected string, got 1"),
    ("shapes.Shape", _shape(role="boss"), 'role: expected one of "admin", "member", got "boss"'),
    (
        "shapes.Shape",
        _shape(roles=["admin", 4]),
        'roles[1]: expected one of "admin", "member", 3, got 4',
    ),
    (
        "shapes.Shape",
        _shape(labels={"a": 1, "b": "x", "c": "y"}),
        'labels.b: expected number, got "x"',
    ),
    ("shapes.Shape", _shape(optLabels={"k": [1]}), "optLabels.k[0]: expected string, got 1"),
    ("shapes.Shape", _shape(nested={"inner": []}), "nested.content-type: missing"),
    (
        "shapes.Shape",
        _shape(nested={"content-type": "x", "inner": [{"deep": 1}]}),
        "nested.inner[0].deep: expected boolean, got 1",
    ),
    ("shapes.Shape", _shape(anyReq=...), "anyReq: missing"),
    ("shapes.Shape", _shape(nullableList=[None]), "nullableList[0]: expected string, got null"),
    ("shapes.Shape", _shape(nameOrNum=True), "nameOrNum: expected string or number, got true"),
    ("shapes.Shape", _shape(maybe=...), "maybe: missing"),
    ("shapes.Shape", _shape(tags=None), "tags: expected array, got null"),
    ("shapes.Shape", _shape(colorOrShade=3), "colorOrShade: expected string, got 3"),
    ("shapes.Shape", _shape(colorOrShade="x"), 'colorOrShade: expected Color | Shade, got "x"'),
    ("shapes.Shape", _shape(flag=False), "flag: expected true, got false"),
    (
        "shapes.Shape",
        _shape(nameOrNum=[LONG]),
        "nameOrNum: expected string or number, got "
        + json.dumps([LONG], ensure_ascii=False)[:37]
        + "...",
    ),
    ("shapes.Level", "1", 'expected integer, got "1"'),
    ("shapes.Color", "x", ""),
    ("shapes.Empty", [1, 2], "$: expected object, got [1,2]"),
    ("shapes.Tones", "1", ""),
    ("shapes.ParseMessage", {"type": "circle"}, 'type: unknown message type "circle"'),
    ("shapes.ParseMessage", {"type": "dark"}, "r: missing"),
    ("shapes.ParseMessage", {"kind": "dark"}, "type: missing"),
]


def test_shapes_errors(harness: Path) -> None:
    vectors = [{"decode": d, "data": data} for d, data, _ in INVALID_SHAPES]
    results = run(harness, vectors)
    for (decode, data, message), result in zip(INVALID_SHAPES, results, strict=True):
        if message.startswith("expected"):
            message = "$: " + message
        if not message:
            message = (
                f"$: expected {decode.split('.')[1]}, got {json.dumps(data, ensure_ascii=False)}"
            )
        assert result.get("error") == message, (decode, data)


def test_enums_and_empty_structs_decode(harness: Path) -> None:
    vectors = [
        {"decode": "shapes.Level", "data": -3},
        {"decode": "shapes.Color", "data": "é日本\n`"},
        {"decode": "shapes.Tones", "data": "dark"},
        {"decode": "shapes.Empty", "data": {"x": 1}},
        {"decode": "shapes.Circle", "data": {"type": "dark", "r": 1}},
    ]
    results = run(harness, vectors)
    assert [r.get("json") for r in results] == [
        -3,
        "é日本\n`",
        "dark",
        {},
        {"type": "dark", "r": 1},
    ]


def test_only_the_helpers_a_file_uses_are_emitted() -> None:
    from devpie_transpile.backends.go.runtime import HELPERS, runtime_for

    text, packages = runtime_for("x, err := decodeField(obj, path, \"x\", decodeArray(decodeString))")
    emitted = {h.name for h in HELPERS if f"func {h.name}" in text or f"type {h.name}" in text}
    assert {"decodeField", "decodeArray", "decodeString", "decoder", "jsonNode"} <= emitted
    assert "decodeTagged" not in emitted and "parseAs" not in emitted
    # the packages those helpers use (mismatchError's compact JSON text needs bytes)
    assert packages == {"bytes", "errors", "json", "strconv", "utf8"}
    enum_only, enum_packages = runtime_for("v, err := decodeString(raw, path)")
    assert "func decodeArray" not in enum_only and "func decodeString" in enum_only
    assert enum_packages <= packages
    # packages come from the helpers' code, never from the text given
    assert runtime_for("strconv.Quote bytes.Buffer") == ("", frozenset())
    assert runtime_for("") == ("", frozenset())


APPEND_TEST = """\
package events

import (
	"encoding/json"
	"math"
	"testing"
)

func TestAppendJSON(t *testing.T) {
	ev := ProjectUpdatedEvent{ID: "1", Data: ProjectUpdatedEventData{ProjectID: "p", UpdatedAt: 2}}
	want, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 1024)
	for i := 0; i < 3; i++ { // one buffer reused: the same bytes, no new array
		out, err := ev.AppendJSON(buf[:0])
		if err != nil || string(out) != string(want) || &out[0] != &buf[:1][0] {
			t.Fatalf("round %d: %s, %v (want %s)", i, out, err, want)
		}
	}
	if allocs := testing.AllocsPerRun(100, func() { buf, _ = ev.AppendJSON(buf[:0]) }); allocs != 0 {
		t.Fatalf("AppendJSON into a large enough buffer allocates %v times", allocs)
	}
	ev.Data.UpdatedAt = math.NaN() // what json.Marshal refuses, every entry point refuses
	if _, err := json.Marshal(ev); err == nil {
		t.Fatal("json.Marshal wrote NaN")
	}
	if _, err := ev.MarshalJSON(); err == nil {
		t.Fatal("MarshalJSON wrote NaN")
	}
	prefix := []byte("prefix")
	out, err := ev.AppendJSON(prefix)
	if err == nil || string(out) != "prefix" {
		t.Fatalf("AppendJSON of NaN: %q, %v (want the prefix back and an error)", out, err)
	}
}
"""


def test_append_json_reuses_the_buffer_and_fails_as_json_marshal(tmp_path: Path) -> None:
    """AppendJSON writes json.Marshal's bytes into the caller's buffer without allocating,
    and on a value json.Marshal refuses (NaN) fails too, handing `b` back unchanged."""
    from helpers import run_cli

    out = tmp_path / "go"
    proc = run_cli(FIXTURE, "--lang", "go", "-o", f"{out}/", "--module", "example.com/events")
    assert proc.returncode == 0, proc.stderr
    (out / "append_test.go").write_text(APPEND_TEST)
    env = go_env(tmp_path)
    go(["vet", "./..."], out, env)
    go(["test", "./..."], out, env)
