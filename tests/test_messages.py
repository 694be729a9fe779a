"""Which declarations are messages, on which field they dispatch, and which unions
decode by a discriminator (SPEC "Discriminators and messages"); generated-code
behaviour of each rule is in the shared vectors (subjects, opcodes, kinds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from devpie_transpile import ir
from devpie_transpile.backends import Target
from devpie_transpile.backends.go.render import render as render_go
from devpie_transpile.backends.python.render import render as render_python
from devpie_transpile.diagnostics import TranspileError, format_diagnostics
from devpie_transpile.frontend import load


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "package.json").write_text("{}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build(root: Path, src: str) -> ir.Module:
    (root / "index.ts").write_text(src, encoding="utf-8")
    return load(Path("index.ts"))


def fail(root: Path, src: str) -> str:
    with pytest.raises(TranspileError) as info:
        build(root, src)
    return format_diagnostics(info.value)


def dispatch(m: ir.Module) -> list[tuple[str, str | int, str]]:
    return [(msg.interface, msg.value, msg.field) for msg in m.messages]


def test_type_of_any_literal_or_enum_member_kind(project: Path) -> None:
    m = build(project, "enum N { One = 1, Two = 2 }\n"
                       "interface A { type: N.One }\ninterface B { type: 3; kind: 'x' }\n")
    assert dispatch(m) == [("A", 1, "type"), ("B", 3, "type")]


def test_type_wins_over_any_other_field(project: Path) -> None:
    m = build(project, 'interface A { kind: "a" }\ninterface B { kind: "b" }\n'
                       'interface C { type: "c"; kind: "c" }\n')
    assert dispatch(m) == [("C", "c", "type")]


def test_the_shared_field_when_no_type(project: Path) -> None:
    m = build(project, "enum S { Created = 'ticket:created', Updated = 'ticket:updated' }\n"
                       "interface A { version: 1; subject: S.Created }\n"
                       "interface B { version: 1; subject: S.Updated }\n")
    assert dispatch(m) == [("A", "ticket:created", "subject"), ("B", "ticket:updated", "subject")]


def test_a_constant_in_every_interface_is_not_a_discriminator(project: Path) -> None:
    m = build(project, "interface A { version: 1; a: string }\n"
                       "interface B { version: 1; b: string }\n")
    assert m.messages == ()


def test_the_field_most_interfaces_carry_with_distinct_values(project: Path) -> None:
    m = build(project, 'interface Ping { op: 1 }\ninterface Pong { op: 2 }\n'
                       'interface Join { kind: "join" }\ninterface Say { kind: "say" }\n'
                       'interface Leave { kind: "leave" }\n'
                       'interface Usd { currency: "USD" }\ninterface Usd2 { currency: "USD" }\n'
                       'interface Eur { currency: "EUR" }\ninterface Gbp { currency: "GBP" }\n')
    # currency has the most carriers but repeats a value: not a discriminator
    assert dispatch(m) == [("Join", "join", "kind"), ("Say", "say", "kind"),
                           ("Leave", "leave", "kind")]


def test_ties_go_to_the_first_declared_field(project: Path) -> None:
    m = build(project, 'interface A { op: 1; kind: "a" }\ninterface B { op: 2; kind: "b" }\n')
    assert dispatch(m) == [("A", 1, "op"), ("B", 2, "op")]


@pytest.mark.parametrize("src", [
    'interface A { kind: "a" }\n',  # one interface: nothing to tell apart
    'interface A { kind: "a" }\ninterface B { kind: 1 }\n',  # strings and numbers
    'interface A { kind?: "a" }\ninterface B { kind?: "b" }\n',  # optional
    'interface A { kind: "a" | null }\ninterface B { kind: "b" | null }\n',
    "interface A { on: true }\ninterface B { on: false }\n",  # booleans are constants
    "interface A { at: 1.5 }\ninterface B { at: 2.5 }\n",
    "interface A { n: 1e20 }\ninterface B { n: 1 }\n",  # beyond 2^53
    'interface A { data: { kind: "a" } }\ninterface B { data: { kind: "b" } }\n',  # nested
])
def test_no_messages(project: Path, src: str) -> None:
    assert build(project, src).messages == ()


def test_a_shared_field_whose_values_repeat_is_no_dispatch_field(project: Path) -> None:
    # two views of one role are no contract bug; a copied subject would be: a note says
    (project / "index.ts").write_text(
        "enum S { Created = 'c', Updated = 'u' }\n"
        "interface A { subject: S.Created }\ninterface B { subject: S.Updated }\n"
        "interface C { subject: S.Created }\n", encoding="utf-8")
    notes: list[str] = []
    assert load(Path("index.ts"), note=notes.append).messages == ()
    assert notes == ['index.ts:4:24: note: no parse_message: subject "c" is already used by A, '
                     "so subject does not tell the interfaces apart"]


def test_a_distinct_field_wins_over_one_that_repeats(project: Path) -> None:
    m = build(project, "interface A { version: 1; op: 1 }\ninterface B { version: 1; op: 2 }\n"
                       "interface C { version: 2; op: 3 }\n")
    assert dispatch(m) == [("A", 1, "op"), ("B", 2, "op"), ("C", 3, "op")]


def test_two_messages_with_one_type_value(project: Path) -> None:
    out = fail(project, 'interface A { type: 1 }\ninterface B { type: 1.0 }\n')
    assert out.startswith("index.ts:2:21: error: message type 1 is already used by A\n")


def test_a_module_without_messages_says_nothing_of_parse_message(project: Path) -> None:
    m = build(project, "export interface A { a: string }\n")
    py = render_python(m, Target("python", "events"))["events/__init__.py"]
    go = render_go(m, Target("go", "events", "example.com/events"))["events.go"]
    assert "parse_message" not in py and "MESSAGE_TYPES" not in py and "AnyMessage" not in py
    assert "ParseMessage" not in go


def test_union_functions_named_like_parse_message(project: Path) -> None:
    # the union of exactly the messages: parse_message serves it
    m = build(project, 'export interface A { kind: "a" }\nexport interface B { kind: "b" }\n'
                       "export type Message = A | B;\nexport type Other = A | B;\n")
    py = render_python(m, Target("python", "events"))["events/__init__.py"]
    go = render_go(m, Target("go", "events", "example.com/events"))["events.go"]
    assert py.count("def parse_message(") == 1 and go.count("func ParseMessage(") == 1
    assert "def parse_other(data: Any) -> Other:" in py and "func ParseOther(" in go


def test_python_parse_functions_that_collide(project: Path) -> None:
    m = build(project, 'interface A { kind: "a" }\ninterface B { kind: "b" }\n'
                       "export type AB = A | B;\nexport type Ab = A | B;\n")
    with pytest.raises(TranspileError) as info:
        render_python(m, Target("python", "events"))
    assert format_diagnostics(info.value).startswith(
        "index.ts:4:13: error: union Ab: its Python parse function parse_ab collides with that "
        "of the union AB\n"
    )
    render_go(m, Target("go", "events", "example.com/events"))  # ParseAB, ParseAb: fine
