"""Property: any contract built from the supported constructs renders in both
languages, and every value of its root type round-trips through both.

Hypothesis draws whole contracts (enums, interfaces, nested inline objects, arrays,
maps, literal unions, optional and nullable fields, references; and what the
frontend evaluates: generic templates instantiated with random arguments, some
left to their defaults; intersections; `extends` chains that narrow inherited
fields; unions of object literals; and a union of interfaces told apart by a
discriminator of a random name whose values are strings, numbers or enum members)
and, for each, JSON values of its root interface and of the discriminated union's
members (decoded by parse_<union> and, for messages, parse_message). The Python
package must import and round-trip them (the first one also passes `mypy
--strict`); the Go packages of all contracts are built into one harness (one
build: CI has 2 cores) that must round-trip the same values.
DEVPIE_PROPERTY_EXAMPLES (default 4) sets how many contracts one run draws.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from go_harness import build_go_harness, run_go
from helpers import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("DEVPIE_PROPERTY_EXAMPLES", "4"))
VALUES_PER_CONTRACT = 6

# Keys whose Python and Go names are all distinct (collisions are tested elsewhere).
KEYS = ["userId", "createdAt", "HTTPStatus", "sourceM3u8", "auth0Id", "from", "class", "value",
        "items", "data", "name", "avatarUrl", "apiKey", "count", "content-type", "list", "id"]
STRINGS = ["", "a", 'say "hi"', "back\\slash", "*/ \"\"\" '''", "héllo 世界 🎉", "line\nbreak",
           "<&>", "tab\tx"]
NUMBERS = [0, 1, -7, 2.5, -0.125, 1234567, 3.75]
LABELS = ["start", "end", "x", "y", "naïve", "at"]
# Date.toISOString's range that both languages hold: 0001-01-01 to 9999-12-31.
DATE_MS = (-62135596800000, 253402300799999)
# Keys of templates and of intersected objects: their Pascal forms are not those of
# KEYS, so a hoisted name (`G0I0Payload`) cannot meet an inline object's name.
TEMPLATE_KEYS = ["payload", "meta", "extra", "body"]
EXTRA_KEYS = ["addedA", "addedB"]

Type = tuple[Any, ...]

# Discriminator names (none of them in KEYS), and the string values they hold.
DISCRIMINATORS = ["type", "kind", "subject", "event", "op", "action", "t", "eventType"]
TAGS = ["a", "join", "ticket:created", "x y", 'q"', "héllo", "Created", "0"]


# What a drawn type may refer to besides enums and interfaces: generic templates
# (name, parameter count) and unions of object literals (alias names).
Extra = tuple[tuple[tuple[str, int], ...], tuple[str, ...]]
NONE: Extra = ((), ())


@st.composite
def types(draw: st.DrawFn, enums: list[tuple[str, str, list[Any]]], ifaces: list[str],
          depth: int, extra: Extra = NONE) -> Type:
    templates, unions = extra
    leaves: list[st.SearchStrategy[Type]] = [
        st.sampled_from([("string",), ("number",), ("boolean",), ("any",), ("date",)]),
        st.lists(st.sampled_from(["admin", "member", "x y", 'q"']), min_size=1, max_size=3,
                 unique=True).map(lambda v: ("lit", v)),
    ]
    if enums:
        leaves.append(st.sampled_from(enums).map(lambda e: ("enum", e[0])))
    if ifaces:
        leaves.append(st.sampled_from(ifaces).map(lambda i: ("ref", i)))
    if unions:
        leaves.append(st.sampled_from(unions).map(lambda u: ("ounion", u)))
    if depth >= 3:
        return draw(st.one_of(leaves))
    kinds = ["leaf", "leaf", "array", "map", "object", "nullable", "tuple"]
    kinds += ["inst"] * bool(templates) + ["inter"] * bool(ifaces)
    kind = draw(st.sampled_from(kinds))
    if kind == "leaf":
        return draw(st.one_of(leaves))
    if kind == "tuple":
        items = draw(st.lists(types(enums, ifaces, depth + 1, extra), min_size=1, max_size=3))
        labels = draw(st.none() | st.lists(st.sampled_from(LABELS), min_size=len(items),
                                           max_size=len(items), unique=True))
        return ("tuple", items, labels)
    if kind == "object":
        return ("object", draw(fields(enums, ifaces, depth + 1, extra)))
    if kind == "inst":  # `G0<A>` or `G0<A, B>`: the rest take their defaults
        name, count = draw(st.sampled_from(templates))
        given = draw(st.integers(1, count))
        return ("inst", name, [draw(types(enums, ifaces, depth + 1, extra)) for _ in range(given)])
    if kind == "inter":  # `I0 & { addedA: ... }`
        keys = draw(st.lists(st.sampled_from(EXTRA_KEYS), min_size=1, unique=True))
        added = [(k, draw(types(enums, [], 3)), draw(st.booleans())) for k in keys]
        return ("inter", draw(st.sampled_from(ifaces)), added)
    inner = draw(types(enums, ifaces, depth + 1, extra))
    if kind == "nullable":
        return ("nullable", inner) if inner[0] not in ("nullable", "any") else inner
    return (kind, inner)


@st.composite
def fields(draw: st.DrawFn, enums: list[tuple[str, str, list[Any]]], ifaces: list[str],
           depth: int, extra: Extra = NONE) -> list[tuple[str, Type, bool]]:
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=4, unique=True))
    return [(k, draw(types(enums, ifaces, depth, extra)), draw(st.booleans())) for k in keys]


@st.composite
def template(draw: st.DrawFn, enums: list[tuple[str, str, list[Any]]]) -> list[tuple[str, Type, bool]]:
    """The fields of `interface G<T, U = string>`: parameters used plainly or nested."""
    uses = [("param", "T"), ("array", ("param", "T")), ("map", ("param", "T")), ("param", "U")]
    keys = draw(st.lists(st.sampled_from(TEMPLATE_KEYS), min_size=1, max_size=3, unique=True))
    out = [(keys[0], draw(st.sampled_from(uses[:3])), False)]
    for k in keys[1:]:
        t = draw(st.one_of(st.sampled_from(uses), types(enums, [], 2)))
        out.append((k, t, draw(st.booleans())))
    return out


def narrowed(f: tuple[str, Type, bool]) -> tuple[str, Type, bool]:
    """A redeclaration of inherited field `f` with a narrower (or the same) type."""
    key, t, optional = f
    if optional:
        return (key, t, False)
    if t == ("string",):
        return (key, ("lit", ["admin"]), False)
    if t[0] == "nullable":
        return (key, t[1], False)
    if t[0] == "lit" and len(t[1]) > 1:
        return (key, ("lit", t[1][:1]), False)
    return f


@st.composite
def contracts(draw: st.DrawFn) -> dict[str, Any]:
    enums: list[tuple[str, str, list[Any]]] = []
    for i in range(draw(st.integers(0, 2))):
        if draw(st.booleans()):
            enums.append((f"E{i}", "string", draw(st.lists(st.sampled_from(STRINGS[1:]),
                                                          min_size=1, max_size=3, unique=True))))
        else:
            enums.append((f"E{i}", "int", draw(st.lists(st.integers(-5, 50), min_size=1,
                                                       max_size=3, unique=True))))
    templates = {f"G{i}": draw(template(enums)) for i in range(draw(st.integers(0, 2)))}
    unions: dict[str, tuple[str, list[tuple[Any, list[tuple[str, Type, bool]]]]]] = {}
    for i in range(draw(st.integers(0, 2))):
        # discriminated by `type`, `kind` (strings) or `op` (numbers); tags unique in the
        # module: each member is a message
        tag = draw(st.sampled_from(["type", "kind", "op"]))
        values: list[Any] = [10 * i + 1, 10 * i + 2] if tag == "op" else [f"u{i}a", f"u{i}b"]
        unions[f"U{i}"] = (tag, [(v, draw(fields(enums, [], 2))) for v in values])
    extra: Extra = (tuple((n, 2) for n in templates), tuple(unions))
    ifaces: list[tuple[str, list[tuple[str, Type, bool]]]] = []
    derived: dict[str, tuple[str, list[tuple[str, Type, bool]]]] = {}
    for i in range(draw(st.integers(1, 3))):
        own = draw(fields(enums, [n for n, _ in ifaces], 0, extra))
        if ifaces and draw(st.booleans()):  # extends a previous one, narrowing some fields
            base, inherited = draw(st.sampled_from(ifaces))
            redeclared = [narrowed(f) for f in inherited if draw(st.booleans())]
            mine = {f[0]: f for f in redeclared}
            new = [f for f in own if f[0] not in {g[0] for g in inherited}]
            derived[f"I{i}"] = (base, redeclared + new)
            own = [mine.get(f[0], f) for f in inherited] + new
        ifaces.append((f"I{i}", own))
    # with unions of object literals (messages on `type`), a `type` of ours holds strings
    union = draw(st.none() | discriminated(enums, bool(unions)))
    if union is not None:
        root, root_fields = ifaces[-1]
        shape = draw(st.sampled_from([("union", "Msg"), ("array", ("union", "Msg"))]))
        payload = ("payload", shape, draw(st.booleans()))
        ifaces[-1] = (root, [*root_fields, payload])
        if root in derived:
            base, own = derived[root]
            derived[root] = (base, [*own, payload])
    return {"enums": enums, "ifaces": ifaces, "seed": draw(st.integers(0, 2**32)),
            "templates": templates, "unions": unions, "derived": derived, "union": union}


@st.composite
def discriminated(draw: st.DrawFn, enums: list[tuple[str, str, list[Any]]],
                  type_holds_strings: bool = False) -> dict[str, Any]:
    """`type Msg = Msg0 | Msg1 ...`: members told apart by one field of a random name, whose
    values are strings, numbers or members of an enum (appended to `enums`); each
    member may also carry the same constant `version: 1` (never the discriminator)."""
    key = draw(st.sampled_from(DISCRIMINATORS))
    n = draw(st.integers(2, 3))
    styles = ["string", "number", "string enum", "int enum"]
    if key == "type" and type_holds_strings:
        styles = ["string", "string enum"]
    style = draw(st.sampled_from(styles))
    tags: list[Type]
    if style == "string":
        values = draw(st.lists(st.sampled_from(TAGS), min_size=n, max_size=n, unique=True))
        tags = [("lit", [v]) for v in values]
    elif style == "number":
        values = draw(st.lists(st.integers(-3, 5000), min_size=n, max_size=n, unique=True))
        tags = [("lit", [v]) for v in values]
    else:
        name = f"D{len(enums)}"
        if style == "string enum":
            values = draw(st.lists(st.sampled_from(TAGS), min_size=n, max_size=n, unique=True))
            enums.append((name, "string", values))
        else:
            values = draw(st.lists(st.integers(0, 99), min_size=n, max_size=n, unique=True))
            enums.append((name, "int", values))
        tags = [("member", name, i) for i in range(n)]
    versioned = draw(st.booleans())
    members = []
    for i, tag in enumerate(tags):
        rest = draw(fields(enums[:-1] if style.endswith("enum") else enums, [], 1))
        head = [("version", ("lit", [1]), False)] if versioned else []
        members.append((f"Msg{i}", [*head, (key, tag, False), *rest]))
    return {"name": "Msg", "key": key, "members": members}


def ts_type(t: Type) -> str:
    match t:
        case ("string" | "number" | "boolean" | "any" as name,):
            return name
        case ("lit", values):
            return " | ".join(json.dumps(v) for v in values)
        case ("member", enum, index):
            return f"{enum}.M{index}"
        case ("union", name):
            return str(name)
        case ("enum" | "ref" | "ounion" | "param", name):
            return str(name)
        case ("array", inner):
            return f"Array<{ts_type(inner)}>"
        case ("map", inner):
            return f"Record<string, {ts_type(inner)}>"
        case ("nullable", inner):
            return f"{ts_type(inner)} | null"
        case ("object", fs):
            return "{ " + " ".join(ts_field(f) for f in fs) + " }"
        case ("date",):
            return "Date"
        case ("tuple", items, labels):
            shown = [ts_type(i) for i in items]
            if labels is not None:
                shown = [f"{label}: {s}" for label, s in zip(labels, shown, strict=True)]
            return "[" + ", ".join(shown) + "]"
        case ("inst", name, args):
            return f"{name}<{', '.join(ts_type(a) for a in args)}>"
        case ("inter", name, added):
            return f"{name} & {ts_type(('object', added))}"
    raise AssertionError(t)


def ts_field(f: tuple[str, Type, bool]) -> str:
    key, t, optional = f
    return f"{json.dumps(key)}{'?' if optional else ''}: {ts_type(t)};"


def ts_source(c: dict[str, Any]) -> str:
    out = []
    for name, kind, values in c["enums"]:
        members = ", ".join(f"M{i} = {json.dumps(v)}" for i, v in enumerate(values))
        out.append(f"/** Enum {name}: {kind}. */\nexport enum {name} {{ {members} }}")
    for name, fs in c.get("templates", {}).items():
        body = "\n".join(f"  {ts_field(f)}" for f in fs)
        out.append(f"export interface {name}<T, U = string> {{\n{body}\n}}")
    for name, (tag, members) in c.get("unions", {}).items():
        shown = " | ".join(ts_type(("object", [(tag, ("lit", [v]), False), *fs]))
                           for v, fs in members)
        out.append(f"export type {name} = {shown};")
    union = c.get("union")
    for name, fs in union["members"] if union else []:
        body = "\n".join(f"  /** {f[0]} */\n  {ts_field(f)}" for f in fs)
        out.append(f"export interface {name} {{\n{body}\n}}")
    if union:
        out.append(f"export type {union['name']} = {' | '.join(n for n, _ in union['members'])};")
    for name, fs in c["ifaces"]:
        base, own = c.get("derived", {}).get(name, (None, fs))
        body = "\n".join(f"  /** {f[0]} */\n  {ts_field(f)}" for f in own)
        heading = f"{name} extends {base}" if base else name
        out.append(f"export interface {heading} {{\n{body}\n}}")
    return "\n\n".join(out) + "\n"


def substitute(t: Type, env: dict[str, Type]) -> Type:
    match t:
        case ("param", name):
            return env[name]
        case ("array" | "map" | "nullable" as kind, inner):
            return (kind, substitute(inner, env))
        case ("object", fs):
            return ("object", [(k, substitute(x, env), o) for k, x, o in fs])
        case ("tuple", items, labels):
            return ("tuple", [substitute(i, env) for i in items], labels)
    return t


def value(t: Type, c: dict[str, Any], rng: random.Random, depth: int = 0) -> Any:
    match t:
        case ("string",):
            return rng.choice(STRINGS)
        case ("number",):
            return rng.choice(NUMBERS)
        case ("boolean",):
            return rng.random() < 0.5
        case ("any",):
            return rng.choice([None, 1, "s", [1, {"a": None}], {"k": [True]}])
        case ("lit", values):
            return rng.choice(values)
        case ("member", enum, index):
            return next(v for n, _, v in c["enums"] if n == enum)[index]
        case ("union", _):
            _, fs = rng.choice(c["union"]["members"])
            return obj(fs, c, rng, depth + 1)
        case ("enum", name):
            return rng.choice(next(v for n, _, v in c["enums"] if n == name))
        case ("ref", name):
            return obj(next(fs for n, fs in c["ifaces"] if n == name), c, rng, depth + 1)
        case ("array", inner):
            return [value(inner, c, rng, depth + 1) for _ in range(rng.randint(0, 2))]
        case ("map", inner):
            keys = rng.sample(STRINGS, rng.randint(0, 2))
            return {k: value(inner, c, rng, depth + 1) for k in keys}
        case ("nullable", inner):
            return None if rng.random() < 0.3 else value(inner, c, rng, depth)
        case ("object", fs):
            return obj(fs, c, rng, depth + 1)
        case ("date",):
            return iso_date(rng.randint(*DATE_MS))
        case ("tuple", items, _):
            return [value(i, c, rng, depth + 1) for i in items]
        case ("inst", name, args):
            env = {"T": args[0], "U": args[1] if len(args) > 1 else ("string",)}
            fs = [(k, substitute(x, env), o) for k, x, o in c["templates"][name]]
            return obj(fs, c, rng, depth + 1)
        case ("inter", name, added):
            base = obj(next(fs for n, fs in c["ifaces"] if n == name), c, rng, depth + 1)
            return {**base, **obj(added, c, rng, depth + 1)}
        case ("ounion", name):
            tag, members = c["unions"][name]
            v, fs = rng.choice(members)
            return {tag: v, **obj(fs, c, rng, depth + 1)}
    raise AssertionError(t)


def iso_date(ms: int) -> str:
    """What `new Date(ms).toISOString()` writes (checked against node in test_dates)."""
    import datetime

    d = datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=ms)
    return (f"{d.year:04d}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}:"
            f"{d.second:02d}.{d.microsecond // 1000:03d}Z")


def obj(fs: list[tuple[str, Type, bool]], c: dict[str, Any], rng: random.Random,
        depth: int) -> dict[str, Any]:
    out = {}
    for key, t, optional in fs:
        if optional and rng.random() < 0.4:
            continue
        v = value(t, c, rng, depth)
        if optional and v is None:
            continue  # an optional null is written absent: not a round-trip value
        out[key] = v
    return out


def import_module(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@settings(max_examples=1, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(contracts(), min_size=EXAMPLES, max_size=EXAMPLES))
def test_random_contracts_round_trip_in_both_languages(batch: list[dict[str, Any]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="devpie-property-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "package.json").write_text("{}")
        pkgs: list[dict[str, Any]] = []
        vectors: list[dict[str, Any]] = []
        for i, c in enumerate(batch):
            case = f"c{i}"
            (tmp / f"{case}.ts").write_text(ts_source(c), encoding="utf-8")
            module = f"example.com/property/{case}"
            for lang, extra in (("python", []), ("go", ["--module", module])):
                proc = run_cli(f"{case}.ts", "--lang", lang, "-o", f"{case}-{lang}/", *extra,
                               cwd=tmp)
                assert proc.returncode == 0, ts_source(c) + proc.stderr
            py = import_module(tmp / f"{case}-python/events/__init__.py", f"property_{case}")
            rng = random.Random(c["seed"])
            root, root_fields = c["ifaces"][-1]
            for _ in range(VALUES_PER_CONTRACT):
                data = obj(root_fields, c, rng, 0)
                decoded = getattr(py, root).from_dict(data)
                assert decoded.to_dict() == data, (ts_source(c), data)
                vectors.append({"case": case, "decode": root, "data": data})
            if c["union"] is not None:
                vectors.extend(union_values(c, case, py, rng))
            pkgs.append({"case": case, "module": module, "go": tmp / f"{case}-go"})
        mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                               str(tmp / "c0-python/events")], capture_output=True, text=True,
                              check=False)
        assert mypy.returncode == 0, ts_source(batch[0]) + mypy.stdout
        names = {p["case"]: [c["ifaces"][-1][0], *(["ParseMsg()"] if c["union"] else [])]
                 for p, c in zip(pkgs, batch, strict=True)}
        binary = build_go_harness(pkgs, names, tmp)
        go_vectors = [{k: v for k, v in vector.items() if k != "class"} for vector in vectors]
        for vector, result in zip(vectors, run_go(binary, go_vectors, tmp), strict=True):
            assert "error" not in result, (ts_source(batch[int(vector["case"][1:])]), vector, result)
            assert result["json"] == vector["data"], (vector, result)
            if "class" in vector:
                assert result["type"].endswith("." + vector["class"]), (vector, result)


def union_values(c: dict[str, Any], case: str, py: Any, rng: random.Random) -> list[dict[str, Any]]:
    """Values of each member of the contract's union, decoded by parse_msg (and by
    parse_message where the member is a message) in Python; the same vectors for Go."""
    out: list[dict[str, Any]] = []
    messages = {cls.__name__ for cls in getattr(py, "MESSAGE_TYPES", {}).values()}
    for name, fs in c["union"]["members"]:
        data = obj(fs, c, rng, 1)
        decoded = py.parse_msg(data)
        assert type(decoded).__name__ == name and decoded.to_dict() == data, (ts_source(c), data)
        out.append({"case": case, "decode": "ParseMsg()", "data": data, "class": name})
        if name in messages:
            assert type(py.parse_message(data)).__name__ == name, (ts_source(c), data)
            out.append({"case": case, "decode": "parse_message", "data": data, "class": name})
    return out


def test_contract_sources_parse_as_drawn() -> None:
    """The generator's TS is what the tool reads: a fixed contract, checked by hand."""
    c = {"enums": [("E0", "int", [1, 2])], "seed": 0,
         "ifaces": [("I0", [("userId", ("nullable", ("enum", "E0")), True),
                            ("data", ("object", [("x", ("lit", ["a", "b"]), False)]), False)])]}
    assert ts_source(c) == (
        "/** Enum E0: int. */\nexport enum E0 { M0 = 1, M1 = 2 }\n\n"
        'export interface I0 {\n  /** userId */\n  "userId"?: E0 | null;\n'
        '  /** data */\n  "data": { "x": "a" | "b"; };\n}\n'
    )
    assert obj(c["ifaces"][0][1], c, random.Random(1), 0)["data"]["x"] in ("a", "b")


def test_discriminated_union_sources_parse_as_drawn() -> None:
    c = {"enums": [("D0", "int", [4, 9])], "seed": 0, "ifaces": [],
         "union": {"name": "Msg", "key": "op", "members": [
             ("Msg0", [("version", ("lit", [1]), False), ("op", ("member", "D0", 0), False)]),
             ("Msg1", [("version", ("lit", [1]), False), ("op", ("member", "D0", 1), False)])]}}
    assert ts_source(c) == (
        "/** Enum D0: int. */\nexport enum D0 { M0 = 4, M1 = 9 }\n\n"
        'export interface Msg0 {\n  /** version */\n  "version": 1;\n  /** op */\n  "op": D0.M0;\n}'
        '\n\nexport interface Msg1 {\n  /** version */\n  "version": 1;\n  /** op */\n'
        '  "op": D0.M1;\n}\n\nexport type Msg = Msg0 | Msg1;\n'
    )
    assert value(("union", "Msg"), c, random.Random(3))["op"] in (4, 9)


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
