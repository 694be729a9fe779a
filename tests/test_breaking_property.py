"""Random contracts and random mutations with a known classification: the rules and
JSON paths `compare` reports equal the expected ones (in `full` mode, and each
mode's share of them)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_frontend_fs import Memory

from devpie_transpile.breaking import compare, select
from devpie_transpile.breaking.compare import BACKWARD_RULES, FORWARD_RULES
from devpie_transpile.frontend import load

ROOT = Path("/contract")
PRIMS = ("string", "number", "boolean")
LITERALS = ("a", "b", "c", "d")


@dataclass
class Field:
    name: str
    kind: str  # a prim, "literals", "array", "object", "enum"
    optional: bool = False
    nullable: bool = False
    prim: str = "string"
    literals: list[str] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)  # kind == "object"
    doc: str | None = None

    def ts(self, indent: str) -> str:
        match self.kind:
            case "literals":
                text = " | ".join(f'"{v}"' for v in self.literals)
            case "array":
                text = f"{self.prim}[]"
            case "object":
                inner = "".join(f.decl(indent + "  ") for f in self.fields)
                text = "{\n" + inner + indent + "}"
            case "enum":
                text = "Color"
            case _:
                text = self.prim
        if self.nullable:
            text += " | null"
        return text

    def decl(self, indent: str) -> str:
        doc = f"{indent}/** {self.doc} */\n" if self.doc else ""
        return f"{doc}{indent}{self.name}{'?' if self.optional else ''}: {self.ts(indent)};\n"


@dataclass
class Message:
    interface: str
    member: str
    value: str
    fields: list[Field]


@dataclass
class Contract:
    messages: list[Message]
    colors: list[str]

    def ts(self) -> str:
        out = ["export enum Events {\n"]
        out += [f'  {m.member} = "{m.value}",\n' for m in self.messages]
        out.append("}\n\nexport enum Color {\n")
        out += [f'  C{c} = "{c}",\n' for c in self.colors]
        out.append("}\n")
        for m in self.messages:
            out.append(f"\nexport interface {m.interface} {{\n  type: Events.{m.member};\n")
            out += [f.decl("  ") for f in m.fields]
            out.append("}\n")
        return "".join(out)


names = st.integers(0, 10**6)


@st.composite
def fields(draw: st.DrawFn, depth: int = 0) -> list[Field]:
    count = draw(st.integers(1, 4))
    out = []
    for i in range(count):
        kinds = ["prim", "literals", "array", "enum"] + (["object"] if depth < 2 else [])
        kind = draw(st.sampled_from(kinds))
        f = Field(f"f{i}", kind, draw(st.booleans()), draw(st.booleans()))
        if kind in ("prim", "array"):
            f.prim = draw(st.sampled_from(PRIMS))
        if kind == "prim":
            f.kind = f.prim
        if kind == "literals":
            f.literals = draw(
                st.lists(st.sampled_from(LITERALS), min_size=1, max_size=3, unique=True)
            )
        if kind == "object":
            f.fields = draw(fields(depth + 1))
        out.append(f)
    return out


@st.composite
def contracts(draw: st.DrawFn) -> Contract:
    count = draw(st.integers(1, 3))
    messages = [Message(f"M{i}Event", f"M{i}", f"m{i}", draw(fields())) for i in range(count)]
    return Contract(messages, draw(st.lists(st.sampled_from("xyz"), min_size=1, unique=True)))


Expected = set[tuple[str, str]]


def _paths(prefix: str, fs: list[Field]) -> list[tuple[str, list[Field], Field]]:
    """(JSON path, the list holding it, the field) of every field, nested ones too."""
    out = []
    for f in fs:
        out.append((f"{prefix}.{f.name}", fs, f))
        if f.kind == "object":
            out.extend(_paths(f"{prefix}.{f.name}", f.fields))
    return out


def mutate(draw: st.DrawFn, contract: Contract, message: Message, expected: Expected) -> None:
    """One change to `message` (or the contract), adding what it breaks to `expected`."""
    targets = _paths(message.value, message.fields)
    path, holder, f = draw(st.sampled_from(targets))
    parent = path.rsplit(".", 1)[0]
    action = draw(
        st.sampled_from(
            [
                "add_required",
                "add_optional",
                "remove",
                "toggle_optional",
                "toggle_null",
                "change_prim",
                "literal_add",
                "literal_remove",
                "literals_to_string",
                "doc",
                "reorder",
                "rename_interface",
                "remove_message",
                "change_discriminator",
            ]
        )
    )
    match action:
        case "add_required" | "add_optional":
            optional = action == "add_optional"
            holder.append(Field(f"new{len(holder)}", "string", optional))
            if not optional:
                expected.add(("FIELD_ADDED_REQUIRED", f"{parent}.new{len(holder) - 1}"))
        case "remove":
            holder.remove(f)
            if not f.optional:
                expected.add(("FIELD_REMOVED_REQUIRED", path))
        case "toggle_optional":
            f.optional = not f.optional
            rule = "FIELD_MADE_OPTIONAL" if f.optional else "FIELD_MADE_REQUIRED"
            expected.add((rule, path))
        case "toggle_null":
            f.nullable = not f.nullable
            expected.add(("FIELD_NULLABILITY", path))
        case "change_prim":
            if f.kind in PRIMS or f.kind == "array":
                f.prim = PRIMS[(PRIMS.index(f.prim) + 1) % 3]
                if f.kind in PRIMS:
                    f.kind = f.prim
                expected.add(("TYPE_CHANGED", path + ("[]" if f.kind == "array" else "")))
        case "literal_add":
            if f.kind == "literals" and len(f.literals) < len(LITERALS):
                f.literals.append(next(v for v in LITERALS if v not in f.literals))
                expected.add(("TYPE_WIDENED", path))
        case "literal_remove":
            if f.kind == "literals" and len(f.literals) > 1:
                f.literals.pop(0)
                expected.add(("TYPE_NARROWED", path))
        case "literals_to_string":
            if f.kind == "literals":
                f.kind, f.prim = "string", "string"
                expected.add(("TYPE_WIDENED", path))
        case "doc":
            f.doc = "Changed docs."
        case "reorder":
            holder.reverse()
        case "rename_interface":
            message.interface = "Renamed" + message.interface
        case "remove_message":
            contract.messages.remove(message)
            expected.add(("MESSAGE_REMOVED", message.value))
        case "change_discriminator":
            old = message.value
            message.value = "renamed." + old
            expected.add(("DISCRIMINATOR_CHANGED", message.value))
            for rule, p in list(expected):  # paths below the message follow its new value
                if p.startswith(old + "."):
                    expected.discard((rule, p))
                    expected.add((rule, message.value + p[len(old) :]))


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Contract, Contract, Expected]:
    old = draw(contracts())
    new = copy.deepcopy(old)
    expected: Expected = set()
    # at most one change per message, so that no two changes interact
    chosen = draw(st.lists(st.sampled_from(range(len(new.messages))), unique=True, min_size=1))
    for message in [new.messages[i] for i in chosen]:
        mutate(draw, new, message, expected)
    if draw(st.booleans()):
        new.messages.append(Message("AddedEvent", "Added", "added", [Field("id", "string")]))
        expected.add(("MESSAGE_ADDED", "added"))
    if draw(st.booleans()):
        new.colors.append("w")
        expected.add(("TYPE_WIDENED", "Color"))
    elif len(new.colors) > 1 and draw(st.booleans()):
        new.colors.pop()
        expected.add(("TYPE_NARROWED", "Color"))
    return old, new, expected


def _load(contract: Contract, label: str) -> object:
    fs = Memory(ROOT, {"package.json": "{}", "index.ts": contract.ts()})
    fs.label = label
    return load(ROOT / "index.ts", display_root=ROOT, fs=fs)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_reported_rules_equal_the_mutations(scenario: tuple[Contract, Contract, Expected]) -> None:
    old_contract, new_contract, expected = scenario
    old, new = _load(old_contract, "OLD:"), _load(new_contract, "")
    findings = compare(old, new)  # type: ignore[arg-type]
    got = {(f.rule, f.path) for f in findings}
    assert got == expected, (old_contract.ts(), new_contract.ts())
    assert len(findings) == len(got)  # each change once
    backward = {(f.rule, f.path) for f in select(findings, "backward")}
    forward = {(f.rule, f.path) for f in select(findings, "forward")}
    assert backward | forward == got
    for rule, path in got:
        if rule in BACKWARD_RULES:
            assert (rule, path) in backward
        if rule in FORWARD_RULES:
            assert (rule, path) in forward
    for f in findings:  # a removal is located in the old contract, the rest in the new
        gone = f.rule in ("MESSAGE_REMOVED", "FIELD_REMOVED_REQUIRED") or (
            f.rule == "TYPE_NARROWED" and f.path == "Color"
        )
        assert f.span.file == ("OLD:index.ts" if gone else "index.ts"), f
