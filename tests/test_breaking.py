"""`devpie-transpile breaking`: one test per rule and per mode on a git repository
built in the test (one commit per change), the safe changes that report nothing,
allow comments, and the ways the command refuses to run."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from breaking_repo import Repo, loc
from helpers import REPO, run_cli

SRC = "src/index.ts"
OLD = "HEAD~1:src/index.ts"

BASE = """\
/** Event names. */
export enum Events {
  UserRegistered = "UserRegistered",
  UserDeleted = "UserDeleted",
}

export enum Role {
  Admin = "admin",
  Guest = "guest",
}

export interface Metadata {
  traceId: string;
}

export interface UserRegisteredEvent {
  type: Events.UserRegistered;
  metadata: Metadata;
  data: {
    email: string;
    nick?: string;
    role: Role;
    tags: string[];
    note: string | null;
    count: number;
    status: "active" | "closed";
    labels: Record<string, { color: string }>;
    items: { sku: string; qty: number }[];
  };
}

export interface UserDeletedEvent {
  type: Events.UserDeleted;
  id: string;
}

export interface Circle {
  kind: "circle";
  r: number;
}

export interface Square {
  kind: "square";
  side: number;
}

export type Shape = Circle | Square;

export interface Drawing {
  shapes: Shape[];
  pen: { kind: "brush"; width: number } | { kind: "pencil"; hardness: string };
}
"""

USER_RENAMED = """
export interface UserRenamedEvent {
  type: Events.UserRenamed;
  id: string;
}
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    repo = Repo(tmp_path, monkeypatch)
    repo.commit({SRC: BASE}, "the contract")
    return repo


def edit(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


# (id, the new text, {mode: [(RULE, where, JSON path)]}); `where` is
# ("new", needle) in the new text or ("old", needle) in the old one.
Where = tuple[str, str]
CASES: list[tuple[str, str, dict[str, list[tuple[str, Where, str]]]]] = [
    (
        "message-removed",
        edit(
            BASE,
            (
                "export interface UserDeletedEvent {\n  type: Events.UserDeleted;\n  id: "
                "string;\n}\n",
                "",
            ),
        ),
        {
            "backward": [("MESSAGE_REMOVED", ("old", "UserDeletedEvent {"), "UserDeleted")],
            "forward": [],
        },
    ),
    (
        "message-added",
        edit(
            BASE,
            (
                '  UserDeleted = "UserDeleted",\n',
                '  UserDeleted = "UserDeleted",\n  UserRenamed = "UserRenamed",\n',
            ),
        )
        + USER_RENAMED,
        {
            "backward": [],
            "forward": [("MESSAGE_ADDED", ("new", "UserRenamedEvent {"), "UserRenamed")],
        },
    ),
    (
        "field-added-required",
        edit(BASE, ("    email: string;\n", "    email: string;\n    phone: string;\n")),
        {
            "backward": [("FIELD_ADDED_REQUIRED", ("new", "phone"), "UserRegistered.data.phone")],
            "forward": [],
        },
    ),
    (
        "field-removed-required",
        edit(BASE, ("    email: string;\n", "")),
        {
            "backward": [],
            "forward": [("FIELD_REMOVED_REQUIRED", ("old", "email"), "UserRegistered.data.email")],
        },
    ),
    (
        "field-made-required",
        edit(BASE, ("nick?: string", "nick: string")),
        {
            "backward": [("FIELD_MADE_REQUIRED", ("new", "nick"), "UserRegistered.data.nick")],
            "forward": [],
        },
    ),
    (
        "field-made-optional",
        edit(BASE, ("email: string", "email?: string")),
        {
            "backward": [],
            "forward": [("FIELD_MADE_OPTIONAL", ("new", "email?"), "UserRegistered.data.email")],
        },
    ),
    (
        "null-removed",
        edit(BASE, ("note: string | null", "note: string")),
        {
            "backward": [
                ("FIELD_NULLABILITY", ("new", "string;\n    count"), "UserRegistered.data.note")
            ],
            "forward": [],
        },
    ),
    (
        "null-added",
        edit(BASE, ("count: number", "count: number | null")),
        {
            "backward": [],
            "forward": [
                ("FIELD_NULLABILITY", ("new", "number | null"), "UserRegistered.data.count")
            ],
        },
    ),
    (
        "type-changed",
        edit(BASE, ("count: number", "count: string")),
        {
            "backward": [
                ("TYPE_CHANGED", ("new", "string;\n    status"), "UserRegistered.data.count")
            ],
            "forward": [
                ("TYPE_CHANGED", ("new", "string;\n    status"), "UserRegistered.data.count")
            ],
        },
    ),
    (
        "object-to-array",
        edit(BASE, ("Record<string, { color: string }>", "{ color: string }[]")),
        {
            "backward": [
                ("TYPE_CHANGED", ("new", "{ color: string }[]"), "UserRegistered.data.labels")
            ],
            "forward": [
                ("TYPE_CHANGED", ("new", "{ color: string }[]"), "UserRegistered.data.labels")
            ],
        },
    ),
    (
        "literal-narrowed",
        edit(BASE, ('status: "active" | "closed"', 'status: "active"')),
        {
            "backward": [("TYPE_NARROWED", ("new", '"active";'), "UserRegistered.data.status")],
            "forward": [],
        },
    ),
    (
        "string-narrowed-to-literals",
        edit(BASE, ("traceId: string", 'traceId: "a" | "b"')),
        {
            "backward": [
                ("TYPE_NARROWED", ("new", '"a" | "b"'), "UserRegistered.metadata.traceId")
            ],
            "forward": [],
        },
    ),
    (
        "enum-value-removed",
        edit(BASE, ('  Guest = "guest",\n', "")),
        {
            "backward": [("TYPE_NARROWED", ("old", "Guest"), "Role")],
            "forward": [],
        },
    ),
    (
        "literal-widened",
        edit(BASE, ('status: "active" | "closed"', 'status: "active" | "closed" | "banned"')),
        {
            "backward": [],
            "forward": [
                (
                    "TYPE_WIDENED",
                    ("new", '"active" | "closed" | "banned"'),
                    "UserRegistered.data.status",
                )
            ],
        },
    ),
    (
        "enum-value-added",
        edit(BASE, ('  Guest = "guest",\n', '  Guest = "guest",\n  Owner = "owner",\n')),
        {
            "backward": [],
            "forward": [("TYPE_WIDENED", ("new", "Owner"), "Role")],
        },
    ),
    (
        "discriminator-changed",
        edit(BASE, ('UserDeleted = "UserDeleted"', 'UserDeleted = "user.deleted"')),
        {
            "backward": [("DISCRIMINATOR_CHANGED", ("new", "Events.UserDeleted;"), "user.deleted")],
            "forward": [("DISCRIMINATOR_CHANGED", ("new", "Events.UserDeleted;"), "user.deleted")],
        },
    ),
    (
        "nested-array-item",
        edit(
            BASE, ("{ sku: string; qty: number }[]", "{ sku: string; qty: number; at: string }[]")
        ),
        {
            "backward": [
                ("FIELD_ADDED_REQUIRED", ("new", "at: string"), "UserRegistered.data.items[].at")
            ],
            "forward": [],
        },
    ),
    (
        "nested-map-value",
        edit(BASE, ("{ color: string }>", "{ color: number }>")),
        {
            "backward": [
                ("TYPE_CHANGED", ("new", "number }>"), "UserRegistered.data.labels{}.color")
            ],
            "forward": [
                ("TYPE_CHANGED", ("new", "number }>"), "UserRegistered.data.labels{}.color")
            ],
        },
    ),
    (
        "array-item-type",
        edit(BASE, ("tags: string[]", "tags: number[]")),
        {
            "backward": [("TYPE_CHANGED", ("new", "number[]"), "UserRegistered.data.tags[]")],
            "forward": [("TYPE_CHANGED", ("new", "number[]"), "UserRegistered.data.tags[]")],
        },
    ),
    (
        "union-member-removed",
        edit(BASE, ("type Shape = Circle | Square;", "type Shape = Circle;")),
        {
            "backward": [("TYPE_NARROWED", ("new", "Circle;\n"), "Shape")],
            "forward": [],
        },
    ),
    (
        "union-member-added",
        edit(BASE, ("type Shape = Circle | Square;", "type Shape = Circle | Square | Drawing;")),
        {
            "backward": [],
            "forward": [("TYPE_WIDENED", ("new", "Circle | Square | Drawing"), "Shape")],
        },
    ),
    (
        "union-member-changed",
        edit(BASE, ("  side: number;", "  side: string;")),
        {
            "backward": [("TYPE_CHANGED", ("new", "string;\n}\n\nexport type"), "Shape.side")],
            "forward": [("TYPE_CHANGED", ("new", "string;\n}\n\nexport type"), "Shape.side")],
        },
    ),
    (
        "inline-union-members-paired-by-discriminator",
        edit(
            BASE,
            (
                '{ kind: "brush"; width: number } | { kind: "pencil"; hardness: string }',
                '{ kind: "pencil"; hardness: number } | { kind: "brush"; width: number }',
            ),
        ),
        {
            "backward": [("TYPE_CHANGED", ("new", "number } |"), "Drawing.pen.hardness")],
            "forward": [("TYPE_CHANGED", ("new", "number } |"), "Drawing.pen.hardness")],
        },
    ),
    (
        "shared-interface",
        edit(BASE, ("  traceId: string;\n", "  traceId: string;\n  spanId: string;\n")),
        {
            "backward": [
                ("FIELD_ADDED_REQUIRED", ("new", "spanId"), "UserRegistered.metadata.spanId")
            ],
            "forward": [],
        },
    ),
]


def _expected(
    old_text: str, new_text: str, items: list[tuple[str, Where, str]]
) -> list[tuple[str, str, str]]:
    out = []
    for rule, (side, needle), path in items:
        if side == "old":
            out.append((rule, loc(old_text, needle, OLD), path))
        else:
            out.append((rule, loc(new_text, needle, SRC), path))
    return out


@pytest.mark.parametrize(("case", "new_text", "by_mode"), CASES, ids=[c[0] for c in CASES])
def test_rule(
    repo: Repo,
    capsys: pytest.CaptureFixture[str],
    case: str,
    new_text: str,
    by_mode: dict[str, list[tuple[str, Where, str]]],
) -> None:
    repo.commit({SRC: new_text}, case)
    reports = {}
    for mode in ("backward", "forward", "full"):
        reports[mode] = repo.breaking(SRC, "--against", "HEAD~1", "--mode", mode, capsys=capsys)
    for mode, items in by_mode.items():
        result = reports[mode]
        expected = _expected(BASE, new_text, items)
        assert result.rules() == expected, result.out
        assert result.status == (1 if expected else 0), result.err
    full = set(_expected(BASE, new_text, [i for items in by_mode.values() for i in items]))
    assert set(reports["full"].rules()) == full
    assert reports["full"].status == (1 if full else 0)


def test_default_mode_is_backward_and_ref_is_head(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write({SRC: edit(BASE, ("    email: string;\n", "    email: string;\n    x: string;\n"))})
    result = repo.breaking(capsys=capsys, cwd=repo.path)  # no SOURCE, no pyproject: usage
    assert result.status == 2
    result = repo.breaking(SRC, capsys=capsys)
    assert result.status == 1
    assert [r[0] for r in result.rules()] == ["FIELD_ADDED_REQUIRED"]
    assert "1 breaking change against HEAD (--mode backward)" in result.err


def test_output_has_the_line_and_caret(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.write({SRC: edit(BASE, ("    email: string;\n", ""))})
    result = repo.breaking(SRC, "--mode", "full", capsys=capsys)
    where = loc(BASE, "email", "HEAD:src/index.ts")
    assert result.out == (
        f"{where}: error: FIELD_REMOVED_REQUIRED: UserRegistered.data.email: "
        "required field removed\n"
        "      email: string;\n"
        "      ^~~~~\n"
    )


SAFE = [
    (
        "optional-field-added",
        edit(BASE, ("    email: string;\n", "    email: string;\n    x?: number;\n")),
    ),
    ("optional-field-removed", edit(BASE, ("    nick?: string;\n", ""))),
    (
        "doc-edits",
        edit(
            BASE,
            ("/** Event names. */", "/** The names of events. */"),
            ("  traceId: string;", "  /** W3C trace id. */\n  traceId: string;"),
        ),
    ),
    (
        "reordered",
        edit(
            BASE,
            (
                "    email: string;\n    nick?: string;\n",
                "    nick?: string;\n    email: string;\n",
            ),
        ),
    ),
    (
        "interface-renamed",
        edit(
            BASE,
            ("interface Metadata {", "interface Meta {"),
            ("metadata: Metadata;", "metadata: Meta;"),
        ),
    ),
    ("message-interface-renamed", edit(BASE, ("interface UserDeletedEvent", "interface UserGone"))),
    ("enum-member-renamed", edit(BASE, ('  Guest = "guest"', '  Visitor = "guest"'))),
    (
        "alias-introduced",
        edit(BASE, ("    email: string;\n", "    email: Email;\n"))
        + "export type Email = string;\n",
    ),
    (
        "inline-object-named",
        edit(BASE, ("{ sku: string; qty: number }[]", "Item[]"))
        + "export interface Item { qty: number; sku: string }\n",
    ),
    ("union-reordered", edit(BASE, ('"active" | "closed"', '"closed" | "active"'))),
]


@pytest.mark.parametrize(("case", "new_text"), SAFE, ids=[c[0] for c in SAFE])
def test_safe_changes_report_nothing(
    repo: Repo, capsys: pytest.CaptureFixture[str], case: str, new_text: str
) -> None:
    repo.commit({SRC: new_text}, case)
    result = repo.breaking(SRC, "--against", "HEAD~1", "--mode", "full", capsys=capsys)
    assert (result.status, result.out, result.err) == (0, "", "")


def test_moving_a_type_to_another_file_reports_nothing(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    moved = edit(
        BASE,
        (
            "export interface Metadata {\n  traceId: string;\n}\n",
            'import { Metadata } from "./metadata";\n',
        ),
    )
    repo.commit(
        {SRC: moved, "src/metadata.ts": "export interface Metadata {\n  traceId: string;\n}\n"}
    )
    result = repo.breaking(SRC, "--against", "HEAD~1", "--mode", "full", capsys=capsys)
    assert (result.status, result.out) == (0, "")
    # and a change in the followed file, read from the revision too
    repo.commit({"src/metadata.ts": "export interface Metadata {\n  traceId: number;\n}\n"})
    result = repo.breaking(SRC, "--against", "HEAD~1", capsys=capsys)
    assert result.rules() == [
        ("TYPE_CHANGED", "src/metadata.ts:2:12", "UserRegistered.metadata.traceId")
    ]
    result = repo.breaking(SRC, "--against", "HEAD~2", capsys=capsys)
    assert result.rules() == [
        ("TYPE_CHANGED", "src/metadata.ts:2:12", "UserRegistered.metadata.traceId")
    ]


# -- allow comments ------------------------------------------------------------


def test_allow_on_the_line_and_the_line_above(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write(
        {
            SRC: edit(
                BASE,
                (
                    "    email: string;\n",
                    "    email: string;\n"
                    "    phone: string; // devpie-transpile: allow FIELD_ADDED_REQUIRED\n"
                    "    // devpie-transpile: allow FIELD_ADDED_REQUIRED, TYPE_CHANGED\n"
                    "    fax: string;\n"
                    "    pager: string;\n",
                ),
            )
        }
    )
    result = repo.breaking(SRC, capsys=capsys)
    assert result.status == 1
    assert [(sev, path) for sev, _, _, path in result.findings()] == [
        ("note", "UserRegistered.data.phone"),
        ("note", "UserRegistered.data.fax"),
        ("error", "UserRegistered.data.pager"),
    ]
    assert "(allowed at src/index.ts:21)" in result.out
    quiet = repo.breaking(SRC, "-q", capsys=capsys)
    assert [sev for sev, *_ in quiet.findings()] == ["error"]
    assert quiet.err == ""


def test_allow_a_removal_on_its_parent_and_a_message_by_path(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit(
        BASE,
        (
            "  data: {\n    email: string;\n",
            "  data: { // devpie-transpile: allow FIELD_REMOVED_REQUIRED\n",
        ),
        (
            "export interface UserDeletedEvent {\n  type: Events.UserDeleted;\n  id: string;\n}\n",
            "// devpie-transpile: allow MESSAGE_REMOVED UserDeleted\n",
        ),
    )
    repo.write({SRC: text})
    result = repo.breaking(SRC, "--mode", "full", capsys=capsys)
    assert result.status == 0, result.out
    assert [(sev, rule) for sev, _, rule, _ in result.findings()] == [
        ("note", "FIELD_REMOVED_REQUIRED"),
        ("note", "MESSAGE_REMOVED"),
    ]
    # the wrong rule, or another path, accepts nothing
    repo.write({SRC: text.replace("MESSAGE_REMOVED UserDeleted", "MESSAGE_REMOVED UserRegistered")})
    result = repo.breaking(SRC, capsys=capsys)
    assert result.rules() == [
        ("MESSAGE_REMOVED", loc(BASE, "UserDeletedEvent", "HEAD:src/index.ts"), "UserDeleted")
    ]


# -- the command's edges -------------------------------------------------------


def test_bad_revision_and_missing_source_are_one_line(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    result = repo.breaking(SRC, "--against", "nope", capsys=capsys)
    assert result.status == 2
    assert result.err == (
        "devpie-transpile breaking: error: unknown revision 'nope' "
        "(a branch, tag or commit of this repository)\n"
    )
    repo.commit({"src/other.ts": "export interface A { a: string }\n"})
    result = repo.breaking("src/other.ts", "--against", "HEAD~1", capsys=capsys)
    assert result.status == 2
    assert result.err == (
        "devpie-transpile breaking: error: src/other.ts does not exist at HEAD~1: "
        "nothing to compare against\n"
    )
    result = repo.breaking(SRC, "--mode", "sideways", capsys=capsys)
    assert result.status == 2
    assert "--mode must be one of: backward, forward, full (got 'sideways')" in result.err


def test_outside_a_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "index.ts").write_text(BASE)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    repo = Repo.__new__(Repo)
    repo.path, repo.monkeypatch = tmp_path, monkeypatch
    result = repo.breaking("index.ts", capsys=capsys)
    assert result.status == 2
    assert result.err.endswith("is not inside a git repository\n")
    assert result.err.count("\n") == 1


def test_without_git(tmp_path: Path) -> None:
    (tmp_path / "index.ts").write_text(BASE)
    env = {"PATH": str(tmp_path / "empty")}
    result = run_cli("breaking", "index.ts", cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert result.stderr == (
        "devpie-transpile breaking: error: git is not installed "
        "(breaking reads the old contract with git)\n"
    )


def test_the_old_contract_with_an_error_is_located_in_the_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path, monkeypatch)
    repo.commit({SRC: "export interface A {\n  a: strin g;\n}\n"})
    repo.write({SRC: "export interface A {\n  a: string;\n}\n"})
    result = repo.breaking(SRC, capsys=capsys)
    assert result.status == 2
    assert result.err == (
        "HEAD:src/index.ts:2:12: error: syntax error: unexpected `g`\n"
        "    a: strin g;\n"
        "             ^\n"
    )


def test_the_new_contract_with_an_error(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.write({SRC: "export interface A { a: Nope }\n"})
    result = repo.breaking(SRC, capsys=capsys)
    assert result.status == 2
    assert result.err.startswith("src/index.ts:1:25: error: unknown type Nope\n")


def test_project_mode_and_a_subdirectory(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.commit(
        {
            "pyproject.toml": '[tool.devpie-transpile]\nsource = "src/index.ts"\n'
            '[[tool.devpie-transpile.targets]]\nlang = "python"\nout = "py"\npackage = "events"\n'
        }
    )
    repo.write({SRC: edit(BASE, ("count: number", "count: string"))})
    result = repo.breaking(capsys=capsys)
    assert result.rules() == [
        ("TYPE_CHANGED", loc(BASE, "number;\n    status", SRC), "UserRegistered.data.count")
    ]
    (repo.path / "src").mkdir(exist_ok=True)
    result = repo.breaking(capsys=capsys, cwd=repo.path / "src")
    assert result.status == 1
    assert result.rules()[0][1] == loc(BASE, "number;\n    status", SRC)
    result = repo.breaking("index.ts", capsys=capsys, cwd=repo.path / "src")
    assert result.rules()[0][1] == loc(BASE, "number;\n    status", "index.ts")


def test_recursive_types_terminate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path, monkeypatch)
    tree = "export interface Node {\n  name: string;\n  children: Node[];\n  parent?: Node | null;\n}\n"
    repo.commit({SRC: tree})
    repo.write({SRC: tree.replace("name: string", "name: number")})
    result = repo.breaking(SRC, capsys=capsys)
    assert result.rules() == [("TYPE_CHANGED", f"{SRC}:2:9", "Node.name")]


def test_the_installed_script(repo: Repo) -> None:
    (repo.path / SRC).write_text(edit(BASE, ("nick?: string", "nick: string")))
    result = run_cli("breaking", SRC, "--mode", "full", cwd=repo.path)
    assert result.returncode == 1
    assert result.stdout.startswith(
        f"{loc(BASE, 'nick', SRC)}: error: FIELD_MADE_REQUIRED: UserRegistered.data.nick: "
    )
    help_text = run_cli("breaking", "--help", cwd=repo.path)
    assert help_text.returncode == 0
    assert "--against" in help_text.stdout and "--mode" in help_text.stdout


def test_pre_commit_hook_is_declared() -> None:
    import yaml  # type: ignore[import-untyped]

    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    hook = hooks["devpie-transpile-breaking"]
    assert hook["entry"] == "devpie-transpile breaking"
    assert hook["pass_filenames"] is False


@pytest.mark.skipif(shutil.which("git") is None, reason="git")
def test_git_listing_is_lazy(repo: Repo) -> None:
    """Only the directories the loader asks about are listed (a large repo stays cheap)."""
    from devpie_transpile.breaking.git import GitTree

    tree = GitTree("HEAD", repo.path)
    assert tree.is_file(repo.path / SRC)
    assert tree.is_dir(repo.path / "src")
    assert not tree.exists(repo.path / "src" / "nope.ts")
    assert tree.exists(repo.path / ".git")
    assert tree.read_bytes(repo.path / SRC).decode() == BASE
    with pytest.raises(IsADirectoryError):
        tree.read_bytes(repo.path / "src")
    with pytest.raises(FileNotFoundError):
        tree.read_bytes(repo.path / "src" / "nope.ts")
    assert sorted(tree._listings) == ["", "src"]
    env = {**os.environ}
    assert (
        subprocess.run(["git", "status"], cwd=repo.path, env=env, capture_output=True).returncode
        == 0
    )


@pytest.mark.slow
def test_pre_commit_hook(repo: Repo, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The real `pre-commit try-repo` of this checkout: a staged breaking change fails
    the hook; the same change with an allow comment passes."""
    import sys

    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}
    repo.commit(
        {
            "devpie-transpile.toml": 'source = "src/index.ts"\n[[targets]]\n'
            'lang = "python"\nout = "py"\npackage = "events"\n'
        }
    )

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(REPO),
             "devpie-transpile-breaking", "--all-files"],
            cwd=repo.path, env=env, capture_output=True, text=True, timeout=900, check=False,
        )  # fmt: skip

    repo.write(
        {SRC: edit(BASE, ("    email: string;\n", "    email: string;\n    phone: string;\n"))}
    )
    repo.git("add", "-A")
    failed = hook()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "FIELD_ADDED_REQUIRED: UserRegistered.data.phone" in failed.stdout
    repo.write(
        {
            SRC: edit(
                BASE,
                (
                    "    email: string;\n",
                    "    email: string;\n"
                    "    phone: string; // devpie-transpile: allow FIELD_ADDED_REQUIRED\n",
                ),
            )
        }
    )
    repo.git("add", "-A")
    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_old_contract_resolves_with_the_old_tsconfig(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """tsconfig.json, like every file the loader reads, comes from the revision."""
    repo = Repo(tmp_path, monkeypatch)
    meta = "export interface Meta {\n  traceId: string;\n}\n"
    index = 'import { Meta } from "@shared/meta";\nexport interface A {\n  meta: Meta;\n}\n'
    repo.commit(
        {
            "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", '
            '"paths": { "@shared/*": ["shared/*"] } } }\n',
            "shared/meta.ts": meta,
            SRC: index,
        }
    )
    repo.write(
        {
            "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", '
            '"paths": { "@shared/*": ["common/*"] } } }\n',
            "shared/meta.ts": None,
            "common/meta.ts": meta.replace("string", "number"),
        }
    )
    result = repo.breaking(SRC, capsys=capsys)
    assert result.rules() == [("TYPE_CHANGED", "common/meta.ts:2:12", "A.meta.traceId")], result.err


def test_numeric_discriminator_and_another_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path, monkeypatch)
    old = (
        "export interface Opened {\n  op: 1;\n  id: string;\n}\n"
        "export interface Closed {\n  op: 2;\n  id: string;\n}\n"
    )
    repo.commit({SRC: old})
    repo.commit({SRC: old.replace("op: 2;", "op: 3;")})
    result = repo.breaking(SRC, "--against", "HEAD~1", capsys=capsys)
    assert result.rules() == [("DISCRIMINATOR_CHANGED", f"{SRC}:6:7", "Closed")]
    assert "discriminator changed from 2 to 3 (interface Closed)" in result.out
    repo.commit({SRC: old.replace("op:", "code:")})
    result = repo.breaking(SRC, "--against", "HEAD~2", capsys=capsys)
    assert result.rules() == [
        ("DISCRIMINATOR_CHANGED", f"{SRC}:2:9", "Opened"),
        ("DISCRIMINATOR_CHANGED", f"{SRC}:6:9", "Closed"),
    ]
    assert "discriminator changed from op=1 to code=1 (interface Opened)" in result.out


def test_dates_and_tuples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path, monkeypatch)
    old = "export interface A {\n  at: Date;\n  pair: [string, number];\n  n: number;\n}\n"
    repo.commit({SRC: old})
    repo.write(
        {SRC: old.replace("[string, number]", "[string, string]").replace("n: number", "n: Date")}
    )
    result = repo.breaking(SRC, "--mode", "full", capsys=capsys)
    assert [(r, p) for r, _, p in result.rules()] == [
        ("TYPE_CHANGED", "A.pair"),
        ("TYPE_CHANGED", "A.n"),
    ], result.out
    repo.write({SRC: old.replace("at: Date", "at: string")})
    result = repo.breaking(SRC, "--mode", "full", capsys=capsys)
    assert [(r, p) for r, _, p in result.rules()] == [("TYPE_WIDENED", "A.at")], result.out
