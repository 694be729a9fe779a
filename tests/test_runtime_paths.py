"""The generated decoders' two paths: the fast one for valid input, the precise one
that names the problem. They must agree on every input, in both languages.

For every vectors case, valid values are mutated at random (a member dropped, a
value replaced by one of another JSON type, an unknown member added, a value
wrapped in an array, ...) and, in Go, the JSON text too (duplicate and escaped
keys, whitespace, number spellings). For each input: the fast path either fails
or gives exactly the precise path's value, the public decoder raises the precise
path's message, and Go's message is Python's. Valid vectors must take the fast
path. Also: the one depth limit, hostile numbers, parse_message on text.
"""

from __future__ import annotations

import json
import math
import re
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from devpie_transpile.backends.go.names import decoder_name, scan_name
from helpers import REPO, go, go_env
from hypothesis import given, settings
from hypothesis import strategies as st
from test_vectors import CASE_NAMES, import_generated, load_vectors

MAX_DEPTH = 128
POOL: list[Any] = [None, 0, -1.5, 3, "x", "", True, False, [], {}, [1, "a"], {"a": 1}, "Zoë"]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*path, i))
    return out


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        value = value[p]
    return value


def mutate(value: Any, rng: random.Random) -> Any:
    """A copy of value with one random change somewhere inside."""
    value = json.loads(json.dumps(value))
    path = rng.choice(_paths(value))
    parent = _get(value, path[:-1]) if path else None
    kind = rng.randrange(5)
    if not path:
        return rng.choice(POOL) if kind == 0 else {**value, "zz": 1} if isinstance(value, dict) \
            else value
    key = path[-1]
    if kind == 0 and isinstance(parent, dict):
        del parent[key]
    elif kind == 1:
        parent[key] = rng.choice(POOL)
    elif kind == 2 and isinstance(parent, dict):
        parent["unknownKey"] = rng.choice(POOL)
    elif kind == 3:
        parent[key] = [parent[key]]
    else:
        parent[key] = None
    return value


def _inputs(case: str, rng: random.Random, n: int) -> list[tuple[str, Any]]:
    vectors = load_vectors(case)  # union aliases (`parse`) have their own functions
    valid = [v for v in vectors["valid"] if not v.get("parse")]
    if not valid:
        return []
    out = [(v["decode"], v["data"]) for v in valid]
    out += [(v["decode"], v["data"]) for v in vectors["invalid"] if not v.get("parse")]
    for _ in range(n):
        v = rng.choice(valid)
        data = v["data"]
        for _ in range(rng.randint(1, 2)):
            data = mutate(data, rng)
        out.append((v["decode"], data))
    return out


def _class(mod: Any, name: str) -> Any:
    return getattr(mod, name)


def _python_result(mod: Any, name: str, data: Any) -> tuple[str | None, Any]:
    """(the precise path's message or None, and the fast path's outcome checked)."""
    cls = _class(mod, name) if name != "parse_message" else None
    assert cls is not None
    try:
        precise = cls._decode(data, "$", 1)
        message = None
    except ValueError as e:
        precise, message = None, str(e)
    try:
        fast = cls._fast(cls, data, 1)
    except Exception:
        fast = None
    if fast is not None:
        assert message is None, (name, data, message)
        assert fast == precise and vars(fast) == vars(precise), (name, data)
    try:
        public = cls.from_dict(data)
    except ValueError as e:
        assert str(e) == message, (name, data)
    else:
        assert message is None and public == precise
    return message, fast


@pytest.mark.parametrize("case", CASE_NAMES)
def test_python_fast_and_precise_paths_agree(case: str, python_packages: dict[str, Any]) -> None:
    mod = import_generated(python_packages[case], f"paths_{case}")
    rng = random.Random(case)
    for name, data in _inputs(case, rng, 300):
        if name == "parse_message":
            continue
        _python_result(mod, name, data)
    for vector in load_vectors(case)["valid"]:  # valid input takes the fast path
        if vector["decode"] != "parse_message" and not vector.get("parse"):
            cls = _class(mod, vector["decode"])
            assert cls._fast(cls, vector["data"], 1) == cls.from_dict(vector["data"])


@pytest.fixture(scope="module")
def python_packages(all_packages: dict[str, dict[str, Any]]) -> dict[str, Path]:
    return {case: p["python"] for case, p in all_packages.items()}


# --- Go ---------------------------------------------------------------------------------

AGREE = """package @PKG@

import "reflect"

// Agree decodes data as the type name on both paths and says how they compare.
func Agree(name string, data []byte) (fastOK bool, errText string, problem string) {
	switch name {
@CASES@
	}
	return false, "", "no type " + name
}

func verdict(ok bool, err error, same bool) (bool, string, string) {
	if err != nil {
		if ok {
			return ok, err.Error(), "fast path accepts what the precise path rejects"
		}
		return ok, err.Error(), ""
	}
	if ok && !same {
		return ok, "", "fast and precise paths decode different values"
	}
	return ok, "", ""
}

var _ = reflect.DeepEqual

// ZeroValues encodes the zero value of every message and decodes it with ParseMessage.
func ZeroValues() map[string]string {
	out := map[string]string{}
@ZERO@
	return out
}
"""

MAIN = """package main

import (
	"bufio"
	"encoding/json"
	"os"

@IMPORTS@
)

type input struct {
	Case string `json:"case"`
	Name string `json:"name"`
	Text string `json:"text"`
}

type zeroOutput struct {
	Zero map[string]map[string]string `json:"zero"`
}

type output struct {
	Fast    bool   `json:"fast"`
	Error   string `json:"error"`
	Problem string `json:"problem"`
	Public  string `json:"public"`
}

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	if len(os.Args) > 2 && os.Args[2] == "zero" {
		z := zeroOutput{map[string]map[string]string{}}
@ZEROCALLS@
		enc.Encode(z)
		return
	}
	raw, _ := os.ReadFile(os.Args[1])
	var inputs []input
	if err := json.Unmarshal(raw, &inputs); err != nil {
		panic(err)
	}
	for _, in := range inputs {
		var o output
		switch in.Case {
@SWITCH@
		}
		enc.Encode(o)
	}
}
"""


def _type_names(case: str) -> list[str]:
    vectors = load_vectors(case)
    return sorted({v["decode"] for v in vectors["valid"] + vectors["invalid"]
                   if not v.get("parse")} - {"parse_message"})


@pytest.fixture(scope="module")
def go_agree(all_packages: dict[str, dict[str, Any]],
             tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One binary: every case's package with an Agree function (both paths, unexported)."""
    tmp = tmp_path_factory.mktemp("go-agree")
    imports, switch, requires = [], [], []
    for i, case in enumerate(CASE_NAMES):
        pkg = all_packages[case]
        dest = tmp / case
        shutil.copytree(pkg["go"], dest)
        go_file = next(dest.glob("*.go"))
        package = next(line.split()[1] for line in go_file.read_text().splitlines()
                       if line.startswith("package "))
        cases = "\n".join(
            f"\tcase {json.dumps(n)}:\n\t\tvar a {n}\n\t\tok := fast(data, {scan_name(n)}, &a)\n"
            f"\t\tb, err := precise(data, {decoder_name(n)})\n"
            f"\t\treturn verdict(ok, err, reflect.DeepEqual(a, b))"
            for n in _type_names(case))
        messages = re.findall(r"if v := new\((\w+)\); fast", go_file.read_text())
        zero = "\n".join(
            f"\tif data, err := json.Marshal({m}{{}}); err != nil {{\n"
            f"\t\tout[{json.dumps(m)}] = err.Error()\n"
            f"\t}} else if _, err := ParseMessage(data); err != nil {{\n"
            f"\t\tout[{json.dumps(m)}] = string(data) + \": \" + err.Error()\n"
            f"\t}} else {{\n\t\tout[{json.dumps(m)}] = \"\"\n\t}}" for m in messages)
        agree = AGREE.replace("@PKG@", package).replace("@CASES@", cases).replace("@ZERO@", zero)
        if messages:
            agree = agree.replace('import "reflect"', 'import (\n\t"encoding/json"\n\t"reflect"\n)')
        (dest / "zz_agree.go").write_text(agree, encoding="utf-8")
        module = pkg["module"]
        imports.append(f"\tp{i} {json.dumps(module)}")
        public = "\n".join(
            f"\t\t\tcase {json.dumps(n)}:\n\t\t\t\tvar v p{i}.{n}\n"
            f"\t\t\t\tif err := json.Unmarshal([]byte(in.Text), &v); err != nil {{\n"
            f"\t\t\t\t\to.Public = err.Error()\n\t\t\t\t}}" for n in _type_names(case))
        switch.append(f"\t\tcase {json.dumps(case)}:\n"
                      f"\t\t\to.Fast, o.Error, o.Problem = p{i}.Agree(in.Name, []byte(in.Text))\n"
                      f"\t\t\tswitch in.Name {{\n{public}\n\t\t\t}}")
        requires.append(f"require {module} v0.0.0\nreplace {module} => {dest}\n")
    main = tmp / "main"
    main.mkdir()
    zero_calls = "\n".join(f"\t\tz.Zero[{json.dumps(case)}] = p{i}.ZeroValues()"
                           for i, case in enumerate(CASE_NAMES))
    (main / "main.go").write_text(MAIN.replace("@IMPORTS@", "\n".join(imports))
                                  .replace("@SWITCH@", "\n".join(switch))
                                  .replace("@ZEROCALLS@", zero_calls), encoding="utf-8")
    (main / "go.mod").write_text("module agree\n\ngo 1.24\n\n" + "".join(requires))
    env = go_env(tmp)
    go(["build", "-o", str(tmp / "agree.bin"), "."], main, env)
    return tmp / "agree.bin"


def _run_agree(binary: Path, inputs: list[dict[str, str]], tmp: Path) -> list[dict[str, Any]]:
    path = tmp / "inputs.json"
    path.write_text(json.dumps(inputs), encoding="utf-8")
    proc = subprocess.run([str(binary), str(path)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _text_mutations(text: str, rng: random.Random) -> str:
    """JSON text of the same value, or of a near one, spelled as a hostile writer would."""
    choice = rng.randrange(5)
    if choice == 0:
        return " \n" + text.replace(",", " ,\t").replace(":", ": ") + "\r\n"
    if choice == 1 and text.startswith("{") and len(text) > 2:
        first = text[1:].split(":", 1)[0]  # duplicate the first key with another value
        return "{" + first + ":" + json.dumps(rng.choice(POOL)) + "," + text[1:]
    if choice == 2 and text.startswith('{"') and text[2:3].isalpha():
        # the first key with its first letter escaped: the same key
        return text[:2] + "\\u00" + format(ord(text[2]), "02x") + text[3:]
    if choice == 3:
        return text.replace("1", "1e0", 1)
    return text + rng.choice(["", "x", "]", " {}"])


def test_go_fast_and_precise_paths_agree_and_match_python(
    go_agree: Path, python_packages: dict[str, Path], tmp_path: Path
) -> None:
    inputs, expected = [], []
    for case in CASE_NAMES:
        mod = import_generated(python_packages[case], f"agree_{case}")
        rng = random.Random(case + "go")
        for name, data in _inputs(case, rng, 200):
            if name == "parse_message":
                continue
            message, _ = _python_result(mod, name, data)
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            inputs.append({"case": case, "name": name, "text": text})
            expected.append(("same", message, data))
            inputs.append({"case": case, "name": name, "text": _text_mutations(text, rng)})
            expected.append(("text", None, data))
    results = _run_agree(go_agree, inputs, tmp_path)
    valid = {(c, v["decode"], json.dumps(v["data"], ensure_ascii=False, separators=(",", ":")))
             for c in CASE_NAMES for v in load_vectors(c)["valid"] if not v.get("parse")}
    for given_input, (kind, message, data), result in zip(inputs, expected, results, strict=True):
        assert result["problem"] == "", (given_input, result)
        assert result["public"] == result["error"], (given_input, result)
        if kind == "same":
            assert result["error"] == (message or ""), (given_input, result, message)
            if (given_input["case"], given_input["name"], given_input["text"]) in valid and \
                    "\\" not in given_input["text"]:  # escaped keys: the precise path reads them
                assert result["fast"], given_input  # valid input takes the fast path


# --- depth -------------------------------------------------------------------------------


def _chain(depth: int, leaf: str = "leaf") -> dict[str, Any]:
    """A TreeNode whose parent chain makes the innermost object `depth` levels deep (its
    `children` array one more)."""
    node: dict[str, Any] = {"value": leaf, "children": []}
    for _ in range(depth - 1):
        node = {"value": "v", "children": [], "parent": node}
    return node


# the first container beyond the limit, in declaration order: the `children` array of
# the object at depth MAX_DEPTH
TOO_DEEP = ".".join(["parent"] * (MAX_DEPTH - 1)) + ".children: nested too deeply"


@settings(max_examples=30, deadline=None)
@given(depth=st.integers(min_value=1, max_value=400), through_children=st.booleans())
def test_python_one_depth_limit(python_packages: dict[str, Path], depth: int,
                                through_children: bool) -> None:
    mod = import_generated(python_packages["recursive"], "depth_recursive")
    if through_children:  # arrays count as levels too
        node: dict[str, Any] = {"value": "leaf", "children": []}
        levels = 1
        while levels + 2 <= depth:
            node = {"value": "v", "children": [node]}
            levels += 2
        data, depth = node, levels
    else:
        data = _chain(depth)
        depth += 1  # its children array
    if depth <= MAX_DEPTH:
        assert mod.TreeNode.from_dict(data).to_dict() == data
    else:
        with pytest.raises(ValueError, match=r"nested too deeply$") as info:
            mod.TreeNode.from_dict(data)
        if not through_children:
            assert str(info.value) == TOO_DEEP


def test_python_text_nested_beyond_json_loads(python_packages: dict[str, Path]) -> None:
    mod = import_generated(python_packages["messages"], "depth_text")
    text = '{"type":' + "[" * 5000 + "]" * 5000 + "}"
    with pytest.raises(ValueError, match="nested too deeply"):
        mod.parse_message(text)


def test_go_depth_limit_and_linear_time(go_agree: Path, tmp_path: Path) -> None:
    deep = json.dumps(_chain(MAX_DEPTH), separators=(",", ":"))
    ok = json.dumps(_chain(MAX_DEPTH - 1), separators=(",", ":"))
    # a 9,000-level chain (encoding/json itself stops at 10,000) and a 1 MB string at
    # depth 1,000: quadratic before (seconds), rejected at once now
    def text_chain(levels: int, leaf: str) -> str:
        return ('{"value":"v","children":[],"parent":' * (levels - 1)
                + '{"value":"' + leaf + '","children":[]}' + "}" * (levels - 1))

    chain, big = text_chain(9_000, "v"), text_chain(1000, "x" * 1_000_000)
    inputs = [{"case": "recursive", "name": "TreeNode", "text": t} for t in (deep, ok, chain, big)]
    results = _run_agree(go_agree, inputs, tmp_path)
    assert results[0]["error"] == TOO_DEEP
    assert results[1] == {"fast": True, "error": "", "problem": "", "public": ""}
    assert results[2]["error"] == results[3]["error"] == results[0]["error"]


# --- numbers -----------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(value=st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                       st.integers(min_value=-(10**30), max_value=10**30)))
def test_python_numbers(python_packages: dict[str, Path], value: float) -> None:
    mod = import_generated(python_packages["primitives"], "numbers_primitives")
    data = load_vectors("primitives")["valid"][0]["data"]
    name = load_vectors("primitives")["valid"][0]["decode"]
    key = next(k for k, v in data.items() if isinstance(v, float | int) and not isinstance(v, bool))
    cls = getattr(mod, name)
    bad = {**data, key: value}
    if isinstance(value, float) and not math.isfinite(value):
        with pytest.raises(ValueError) as info:
            cls.from_dict(bad)
        shown = json.dumps(value)
        expected = (f"{key}: expected number, got NaN" if value != value
                    else f"{key}: number out of range, got {shown}")
        assert str(info.value) == expected
    else:
        decoded = cls.from_dict(bad)
        assert decoded.to_dict()[key] == value  # integers beyond 2**53 are kept exactly
        assert type(decoded.to_dict()[key]) is type(value)


def test_python_never_writes_nan(python_packages: dict[str, Path]) -> None:
    mod = import_generated(python_packages["primitives"], "numbers_write")
    vector = load_vectors("primitives")["valid"][0]
    value = getattr(mod, vector["decode"]).from_dict(vector["data"])
    key = next(k for k, v in vector["data"].items()
               if isinstance(v, float | int) and not isinstance(v, bool))
    field = next(f for f in vars(value) if value.to_dict()[key] == getattr(value, f))
    setattr(value, field, math.nan)
    with pytest.raises(ValueError):
        value.to_json()


def test_go_numbers_carry_their_path_and_round_as_javascript(go_agree: Path,
                                                             tmp_path: Path) -> None:
    vector = load_vectors("primitives")["valid"][0]
    key = next(k for k, v in vector["data"].items()
               if isinstance(v, float | int) and not isinstance(v, bool))
    text = json.dumps(vector["data"], separators=(",", ":"))
    number = json.dumps(vector["data"][key])
    inputs = [{"case": "primitives", "name": vector["decode"],
               "text": text.replace(f'"{key}":{number}', f'"{key}":{n}', 1)}
              for n in ("1e309", "-1e400", "9007199254740993")]
    results = _run_agree(go_agree, inputs, tmp_path)
    assert results[0]["error"] == f"{key}: number out of range, got 1e309"
    assert results[1]["error"] == f"{key}: number out of range, got -1e400"
    assert results[2]["error"] == "" and results[2]["fast"]


# --- parse_message and from_json/to_json on text ----------------------------------------


def test_parse_message_accepts_value_str_and_bytes(python_packages: dict[str, Path]) -> None:
    mod = import_generated(REPO / "out/python/devpie_client_events/__init__.py", "text_fixture")
    for vector in load_vectors("fixture")["valid"]:
        if vector["decode"] not in {c.__name__ for c in mod.MESSAGE_TYPES.values()}:
            continue
        text = json.dumps(vector["data"], ensure_ascii=False)
        from_value = mod.parse_message(vector["data"])
        assert mod.parse_message(text) == from_value
        assert mod.parse_message(text.encode()) == from_value
        assert mod.parse_message(bytearray(text.encode())) == from_value
        cls = type(from_value)
        assert cls.from_json(text) == from_value == cls.from_json(text.encode())
        assert json.loads(from_value.to_json()) == vector["data"]
        assert from_value.to_json() == json.dumps(vector["data"], ensure_ascii=False,
                                                  separators=(",", ":"))
    with pytest.raises(ValueError, match=r"^\$: expected object, got \[\]$"):
        mod.parse_message(b"[]")
    with pytest.raises(ValueError):
        mod.parse_message(b"{not json")


def test_go_zero_value_of_every_message_encodes_to_json_that_decodes(go_agree: Path) -> None:
    """A nil required array or map is written as []/{} and a message writes its own
    discriminator (and every field of one literal value its value): `json.Marshal(Msg{})`
    of every fixture message gives JSON that ParseMessage accepts; in the other cases,
    only a zero enum value or a nil union (set by no one) may be refused, never a null
    array or a missing key."""
    proc = subprocess.run([str(go_agree), "/dev/null", "zero"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    zero = json.loads(proc.stdout)["zero"]
    assert len(zero["fixture"]) == 11
    for case, results in zero.items():
        for message, problem in results.items():
            if case == "fixture":
                assert problem == "", (case, message, problem)
            # (a union-of-messages field left nil is null: no one set it, as a zero enum)
            assert "expected array, got null" not in problem, (case, problem)
            assert ": missing" not in problem, (case, problem)
