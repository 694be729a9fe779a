"""Leaf types and the values and names around them, each class by generated inputs.

- Dates: the Python writer the property test uses agrees with node's `toISOString`
  (a table node wrote once, `tests/vectors/dates/node_iso.json`).
- Property names: what JavaScript reads for `0x10`, `1e3`, `"\\u0061bc"`, ... (a
  table node wrote once, `tests/js_keys.json`) is the JSON key, and generated
  numeric spellings read as the canonical ToString of their number.
- Values no JSON reader can agree on (integers beyond 2^53 - 1, lone surrogates)
  are refused at their location; others (`1e300`) build, import and decode.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from go_harness import build_go_harness, run_go
from helpers import REPO, VECTORS, run_cli
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from test_property import import_module, iso_date

from devpie_transpile import ir
from devpie_transpile.diagnostics import TranspileError
from devpie_transpile.frontend.literals import js_number_string, number_key
from devpie_transpile.pipeline import load_module

JS_KEYS: list[list[str]] = json.loads((REPO / "tests" / "js_keys.json").read_text("utf-8"))
NODE_ISO: list[list[Any]] = json.loads((VECTORS / "dates" / "node_iso.json").read_text("utf-8"))


def load(tmp: Path, text: str) -> ir.Module:
    (tmp / "package.json").write_text("{}")
    (tmp / "index.ts").write_text(text, encoding="utf-8")
    return load_module(tmp / "index.ts", tmp)


def refusal(tmp: Path, text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(TranspileError) as info:
        load(tmp, text)
    out = []
    for d in info.value.diagnostics:
        assert d.span is not None, d
        out.append((d.span.line, d.span.col, d.message))
    return out


# --- dates -----------------------------------------------------------------------


def test_iso_writer_agrees_with_node() -> None:
    assert len(NODE_ISO) > 200
    for ms, text in NODE_ISO:
        assert iso_date(ms) == text


def test_generated_python_reads_and_writes_node_dates() -> None:
    mod = import_module(REPO / "tests" / "golden" / "dates.py", "leaves_dates")
    stamps = [text for _, text in NODE_ISO]
    log = mod.Log.from_dict({"stamps": stamps, "firstStamp": stamps[0]})
    assert log.to_dict() == {"stamps": stamps, "firstStamp": stamps[0]}
    for (ms, text), value in zip(NODE_ISO, log.stamps, strict=True):
        assert value.utcoffset() is not None and value.utcoffset().total_seconds() == 0
        assert round(value.timestamp() * 1000) == ms, text


# --- property names as JavaScript reads them -----------------------------------------


def test_property_names_read_as_node_reads_them(tmp_path: Path) -> None:
    """Every spelling in node's table, in one interface, gives node's key."""
    by_key: dict[str, str] = {}
    for spelling, key in JS_KEYS:
        by_key.setdefault(key, spelling)
    lines = [f"  {spelling}: string;" for spelling in by_key.values()]
    module = load(tmp_path, "export interface Keys {\n" + "\n".join(lines) + "\n}\n")
    decl = module.decls["Keys"]
    assert isinstance(decl, ir.Interface)
    assert [f.name for f in decl.fields] == list(by_key)


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.integers(0, 10**30).map(lambda n: (n, [str(n), hex(n), oct(n), bin(n)])),
    st.floats(min_value=0, allow_nan=False, allow_infinity=False).map(lambda f: (f, [repr(f)])),
    st.tuples(st.integers(0, 10**6), st.integers(-330, 330)).map(
        lambda p: (float(f"{p[0]}e{p[1]}"),
                   [f"{p[0]}e{p[1]}", f"{p[0]}E+{p[1]}".replace("+-", "-")])
    ),
))
def test_numeric_property_names_read_as_canonical_numbers(case: tuple[float, list[str]]) -> None:
    value, spellings = case
    for spelling in spellings:
        key = number_key(spelling.replace("0o", "0o").replace("0x", "0x"))
        assert key is not None
        if math.isinf(float(value)):
            assert key == "Infinity"
            continue
        assert float(key) == float(value), (spelling, key)
        assert js_number_string(float(key)) == key  # canonical: ToString(ToNumber(key))


def test_computed_keys_are_the_member_values(tmp_path: Path) -> None:
    module = load(tmp_path, (
        'export enum Kind { Created = "created", Deleted = "deleted:\\u00e9" }\n'
        "export enum Code { A = 7, B }\n"
        "export interface Counters { [Kind.Created]: number; [Kind.Deleted]?: number;"
        ' [Code.B]: string; ["lit"]: boolean; [0x20]: string }\n'
    ))
    decl = module.decls["Counters"]
    assert isinstance(decl, ir.Interface)
    assert [f.name for f in decl.fields] == ["created", "deleted:é", "8", "lit", "32"]


@pytest.mark.parametrize(("text", "where", "message"), [
    ("export interface A { [Nope.X]: string }", (1, 23), "unknown type Nope"),
    ("export enum K { A = 'a' }\nexport interface A { [K.B]: string }", (2, 23),
     "enum K has no member B"),
    ("const k = 'a';\nexport interface A { [k]: string }", (2, 22),
     "computed property names are supported only as `[Enum.Member]` or a string or number "
     "literal"),
])
def test_bad_computed_keys_are_refused_at_their_location(
    tmp_path: Path, text: str, where: tuple[int, int], message: str
) -> None:
    found = refusal(tmp_path, text)
    assert (*where, message) in found, found


# --- values every reader holds alike ---------------------------------------------------

SAFE = 2**53 - 1


@pytest.mark.parametrize(("text", "col"), [
    ("export interface A { x: 99999999999999999999 }", 25),
    ("export interface A { x: -9007199254740992 }", 25),
    ("export interface A { x: 0x20000000000000 | 1 }", 25),
    ("export enum E { A = 9223372036854775807, B }", 17),
    ("export enum E { A = 9007199254740991, B }", 39),
    ("export enum E { A = 18446744073709551616 }", 17),
    ('export enum E { A = "\\uD800" }', 17),
    ('export interface A { x: "a\\uDC00" }', 25),
    ('export interface A { "\\uD83D": string }', 22),
])
def test_values_no_reader_agrees_on_are_refused(tmp_path: Path, text: str, col: int) -> None:
    found = refusal(tmp_path, text)
    assert found and found[0][:2] == (1, col), found
    assert "safe integers" in found[0][2] or "lone UTF-16 surrogate" in found[0][2]


def test_a_surrogate_pair_is_one_character(tmp_path: Path) -> None:
    module = load(tmp_path, 'export enum E { A = "\\uD83C\\uDF89" }\n')
    decl = module.decls["E"]
    assert isinstance(decl, ir.Enum) and decl.members[0].value == "🎉"


NUMBER_SPELLINGS = st.one_of(
    st.integers(-(2**70), 2**70).map(str),
    st.integers(0, 2**70).map(hex),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["1e300", "-1e300", "1.7976931348623157e308", "5e-324", "1e21", "0.1",
                     "9007199254740991", "9007199254740993", "-0", "1_000", "2e53"]),
)


@settings(max_examples=1, deadline=None, database=None,
          phases=[Phase.explicit, Phase.generate])
@given(st.lists(NUMBER_SPELLINGS, min_size=40, max_size=40, unique=True))
def test_numeric_literals_build_everywhere_or_are_refused(numbers: list[str]) -> None:
    """Each literal type alone: exit 2 at its location, or a Python module that
    imports, passes mypy and accepts that number, and a Go package that builds and
    accepts it too."""
    import tempfile

    from devpie_transpile import transpile_package

    with tempfile.TemporaryDirectory(prefix="devpie-numbers-") as name:
        tmp = Path(name)
        (tmp / "package.json").write_text("{}")
        pkgs: list[dict[str, Any]] = []
        vectors: list[dict[str, Any]] = []
        for i, text in enumerate(numbers):
            text = text.removeprefix("+")
            literal = text if not text.startswith("-") else f"-{text[1:]}"
            source = f"export interface N {{\n  n: {literal};\n}}\n"
            (tmp / f"n{i}.ts").write_text(source)
            value = json.loads(text.replace("_", "")) if not text.lower().startswith(
                ("0x", "-0x")) else int(text, 16)
            outcomes = []
            for lang in ("python", "go"):
                try:
                    files = transpile_package(tmp / f"n{i}.ts", lang, package=f"n{i}",
                                              module=f"example.com/n/n{i}")
                except TranspileError as exc:
                    spans = [d.span for d in exc.diagnostics]
                    assert [(s.line, s.col) for s in spans if s] == [(2, 6)], exc.diagnostics
                    outcomes.append(2)
                    continue
                for rel, content in files.items():
                    (tmp / f"n{i}-{lang}" / rel).parent.mkdir(parents=True, exist_ok=True)
                    (tmp / f"n{i}-{lang}" / rel).write_text(content, encoding="utf-8")
                outcomes.append(0)
            assert outcomes[0] == outcomes[1], (text, outcomes)
            if outcomes[0] == 2:
                assert isinstance(value, int) and abs(value) > SAFE, text
                continue
            py = import_module(tmp / f"n{i}-python/n{i}/__init__.py", f"numbers_n{i}")
            assert py.N.from_dict({"n": value}).to_dict() == {"n": value}
            pkgs.append({"case": f"n{i}", "module": f"example.com/n/n{i}", "go": tmp / f"n{i}-go"})
            vectors.append({"case": f"n{i}", "decode": "N", "data": {"n": value}})
        mypy = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental",
             *(str(tmp / f"{p['case']}-python/{p['case']}") for p in pkgs)],
            capture_output=True, text=True, check=False)
        assert mypy.returncode == 0, mypy.stdout
        binary = build_go_harness(pkgs, {p["case"]: ["N"] for p in pkgs}, tmp)
        for vector, result in zip(vectors, run_go(binary, vectors, tmp), strict=True):
            assert "error" not in result, (vector, result)


# --- names: kept where the target allows them, renamed or refused where not -----------

NAMES = [
    "État", "naïve", "名前", "Ünïcödé", "ﬁle", "ǅx", "straße", "x\u2160",
    "\u03a3", "\u03c3", "δέλτα", "_x",
    "String", "Object", "Field", "Map", "Union", "Array", "Tagged", "init", "plain", "main",
    "datetime", "timezone", "__class__", "__dict__", "__annotations__", "__file__",
    "__module__", "__init__", "class", "def", "type", "func", "range", "map", "chan", "None",
    "self", "cls", "from_dict", "to_dict", "MarshalJSON", "json", "errors", "m", "v", "err",
    "jsonWriter", "encoder", "_str", "_date", "Any", "Literal", "Enum", "x1", "HTTPServer",
    # locals of the generated methods, which refer to classes by name
    "_d", "_o", "_cls", "_depth", "_obj", "_data", "_path", "_v1", "_v12", "data", "result",
    "tag", "fast", "kind", "obj", "text", "b", "buf", "AppendJSON",
]


def name_contract(name: str) -> str:
    """`name` as a type, an enum, a field, a member, a tuple label and a JSON key."""
    key = json.dumps(name + "🎉x")
    return (
        f"export enum {name}E {{ {name} = {json.dumps(name)}, B = \"b\" }}\n"
        f"export interface {name} {{\n"
        f"  {name}: string;\n"
        f"  {key}: {name}E;\n"
        f"  \"{name}\\u00e9\"?: [{name}: number, b: string];\n"
        "  when: Date;\n"
        "}\n"
    )


@settings(max_examples=1, deadline=None, database=None,
          phases=[Phase.explicit, Phase.generate])  # a failure prints its names; no shrinking
@given(st.lists(st.sampled_from(NAMES) | st.text(
    st.characters(categories=["Lu", "Ll", "Lo", "Nd", "Pc", "Mn", "Nl", "So"]),
    min_size=1, max_size=6,
), min_size=24, max_size=24, unique=True))
def test_names_build_everywhere_or_are_refused(names: list[str]) -> None:
    """Each name used everywhere a name goes: refused at a location (exit 2), or a
    Python module that imports, passes mypy and round-trips, and a Go package that
    vets, builds and round-trips the same value under the exact keys."""
    import tempfile

    from devpie_transpile import transpile_package

    with tempfile.TemporaryDirectory(prefix="devpie-names-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "package.json").write_text("{}")
        pkgs: list[dict[str, Any]] = []
        vectors: list[dict[str, Any]] = []
        py_dirs: list[str] = []
        for i, name in enumerate(names):
            source = tmp / f"c{i}.ts"
            source.write_text(name_contract(name), encoding="utf-8")
            data = {name: "s", name + "🎉x": name, name + "é": [1.5, "x"],
                    "when": "2024-05-01T12:34:56.789Z"}
            for lang in ("python", "go"):
                try:
                    files = transpile_package(source, lang, package=f"c{i}",
                                              module=f"example.com/names/c{i}")
                except TranspileError as exc:
                    assert all(d.span is not None for d in exc.diagnostics), exc.diagnostics
                    continue
                out = tmp / f"c{i}-{lang}"
                for rel, text in files.items():
                    (out / rel).parent.mkdir(parents=True, exist_ok=True)
                    (out / rel).write_text(text, encoding="utf-8")
                if lang == "python":
                    py = import_module(out / f"c{i}/__init__.py", f"names_c{i}")
                    cls = next(v for k, v in vars(py).items()
                               if isinstance(v, type) and k not in ("Any",)
                               and hasattr(v, "from_dict"))
                    assert cls.from_dict(data).to_dict() == data, name
                    py_dirs.append(str(out / f"c{i}"))
                else:
                    type_name = next(
                        line.split()[1] for line in files[f"c{i}.go"].splitlines()
                        if line.startswith("type ") and line.endswith(" struct {")
                    )
                    exported = unicodedata.category(type_name[0]) == "Lu"
                    pkgs.append({"case": f"c{i}", "module": f"example.com/names/c{i}",
                                 "go": out, "types": [type_name] if exported else []})
                    if exported:  # `ǅx`, lower-case sigma: unexported in Go
                        vectors.append({"case": f"c{i}", "decode": type_name, "data": data})
        assert len(py_dirs) >= 3 and len(pkgs) >= 3, names  # most sampled names are fine
        if py_dirs:
            mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                                   *py_dirs], capture_output=True, text=True, check=False)
            assert mypy.returncode == 0, mypy.stdout
        hidden = [p for p in pkgs if not p["types"]]
        if hidden:  # unexported types: built and vetted through blank imports
            vet_go_packages(hidden, tmp / "hidden")
        pkgs = [p for p in pkgs if p["types"]]
        if pkgs:
            binary = build_go_harness(pkgs, {p["case"]: p["types"] for p in pkgs}, tmp)
            for vector, result in zip(vectors, run_go(binary, vectors, tmp), strict=True):
                assert result.get("json") == vector["data"], (vector, result)


def vet_go_packages(pkgs: list[dict[str, Any]], where: Path) -> None:
    """`go vet` and `go build` on generated packages nothing else imports."""
    from helpers import go, go_env

    where.mkdir()
    imports = "".join(f'import _ "{p["module"]}"\n' for p in pkgs)
    (where / "main.go").write_text(f"package main\n\n{imports}\nfunc main() {{}}\n")
    requires = "".join(f"require {p['module']} v0.0.0\nreplace {p['module']} => {p['go']}\n"
                       for p in pkgs)
    (where / "go.mod").write_text(f"module hidden\n\ngo 1.24\n\n{requires}")
    env = go_env(where)
    go(["vet", ".", *(p["module"] for p in pkgs)], where, env)
    go(["build", "-o", str(where / "hidden.bin"), "."], where, env)


def test_kept_names(tmp_path: Path) -> None:
    from devpie_transpile import transpile

    (tmp_path / "package.json").write_text("{}")
    source = tmp_path / "index.ts"
    source.write_text(
        "export enum État { Prêt = \"prêt\" }\n"
        "export interface String { naïve: État; 名前: string; \"emoji🎉\": number }\n"
        "export interface Map { s: String }\n",
        encoding="utf-8",
    )
    py = transpile(source, "python")
    assert "class État(str, Enum):" in py and "    PRÊT = \"prêt\"" in py
    assert "    naïve: État" in py and "    名前: str" in py
    go = transpile(source, "go")
    assert "type État string" in go and "ÉtatPrêt État = \"pr\\u00eat\"" in go
    assert "\tNaïve État" in go and "\tX名前" in go
    assert "`json:\"-\"`" in go  # emoji🎉: written by MarshalJSON
    assert "func decode_String(" in go and "func decode_Map(" in go


# --- comments that gofmt leaves as they are -------------------------------------------------


def test_generated_comments_are_gofmt_stable(tmp_path: Path) -> None:
    """Every printable ASCII pair (and U+2028, U+2029, U+202E) in type, field and enum
    docs, through the real renderer and the real gofmt."""
    from helpers import go_env, gofmt_binary

    from devpie_transpile import transpile

    chars = [chr(c) for c in range(0x20, 0x7F)]
    texts = [a + b for a in chars for b in chars]
    texts += ["'''", "```", "a\u2028b", "a\u2029b", "\u202eab", "''x``", "# ''", "x\n\n''"]
    docs = []
    for i in range(0, len(texts), 40):
        chunk = texts[i : i + 40]
        body = " ".join(t.replace("*/", "* /") for t in chunk)
        lines = "\n".join(f"  /** {t.replace('*/', '* /')} x */\n  f{j}: string;"
                          for j, t in enumerate(chunk))
        docs.append(f"/** {body}\n * {chunk[0]} line\n */\nexport interface T{i} {{\n{lines}\n}}\n")
    (tmp_path / "package.json").write_text("{}")
    source = tmp_path / "index.ts"
    source.write_text("\n".join(docs), encoding="utf-8")
    go = transpile(source, "go")
    assert "\u2028" not in go and "\u2029" not in go and "\u202e" not in go
    assert "\\u202e" in go  # escaped as Python escapes it (U+2028, U+2029 end a line)
    (tmp_path / "x.go").write_text(go, encoding="utf-8")
    env = go_env(tmp_path)
    diff = subprocess.run([gofmt_binary(env), "-d", str(tmp_path / "x.go")], env=env,
                          capture_output=True, text=True, check=True).stdout
    assert diff == ""
    py = transpile(source, "python")
    assert "\\u202e" in py and "\u202e" not in py


COMMENT_TEXT = st.lists(
    st.sampled_from([*"ab '`\"\\*/#-+.:[]<>{}\t\n ", "''", "``", "'''", "\u2028", "\u2029",
                     "\u202e", "\u00a0", "\ufeff", "\x00", "\x1b", "é", "名", "🎉", "*/",
                     "https://x.io", "[x]: https://y.io", "1.", "- ", "# H"]),
    min_size=1, max_size=12,
).map("".join)


@settings(max_examples=1, deadline=None, database=None,
          phases=[Phase.explicit, Phase.generate])
@given(st.lists(COMMENT_TEXT, min_size=60, max_size=60))
def test_random_comments_are_gofmt_stable_and_python_imports(texts: list[str]) -> None:
    """Random doc text on enums, members, interfaces and fields: the Go file is what
    the real gofmt prints, the Python module imports."""
    import tempfile

    from helpers import go_env, gofmt_binary

    from devpie_transpile import transpile

    def doc(text: str) -> str:
        return "/** " + text.replace("*/", "* /") + " */"

    parts = []
    for i in range(0, len(texts), 4):
        a, b, c, d = texts[i : i + 4]
        parts.append(f"{doc(a)}\nexport enum E{i} {{\n  {doc(b)}\n  M = \"m\",\n}}\n"
                     f"{doc(c)}\nexport interface T{i} {{\n  {doc(d)}\n  f: E{i};\n}}\n")
    with tempfile.TemporaryDirectory(prefix="devpie-comments-") as name:
        tmp = Path(name)
        (tmp / "package.json").write_text("{}")
        source = tmp / "index.ts"
        source.write_text("\n".join(parts), encoding="utf-8")
        go = transpile(source, "go")
        (tmp / "x.go").write_text(go, encoding="utf-8")
        env = go_env(tmp)
        diff = subprocess.run([gofmt_binary(env), "-d", str(tmp / "x.go")], env=env,
                              capture_output=True, text=True, check=True).stdout
        assert diff == "", diff
        py = transpile(source, "python")
        (tmp / "comments_mod.py").write_text(py, encoding="utf-8")
        import_module(tmp / "comments_mod.py", "leaves_comments")


@pytest.mark.parametrize(("text", "message"), [
    ("export interface N { kids: [N, N]; }",
     "1:22: error: field 'kids' makes N contain itself"),
    ("export interface M { x: [M, string] }",
     "1:25: error: field 'F0' makes M contain itself"),
    ("export interface P { a: [marshalJSON: string, b: number] }",
     "1:25: error: tuple label 'marshalJSON' becomes the Go method name MarshalJSON"),
])
def test_go_tuples_that_cannot_compile_are_refused(tmp_path: Path, text: str,
                                                   message: str) -> None:
    (tmp_path / "package.json").write_text("{}")
    (tmp_path / "index.ts").write_text(text + "\n")
    proc = run_cli("index.ts", "--lang", "go", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.startswith("index.ts:" + message), proc.stderr
