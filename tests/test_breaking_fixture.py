"""The history of `fixtures/index.ts`: a sequence of realistic edits, one commit each,
and the report of `breaking --against HEAD~1` after each (in every mode)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from breaking_repo import Repo, loc
from helpers import FIXTURE

SRC = "src/index.ts"


def replace(old: str, new: str) -> Callable[[str], str]:
    def apply(text: str) -> str:
        assert old in text, old
        return text.replace(old, new)

    return apply


def drop_interface(name: str) -> Callable[[str], str]:
    def apply(text: str) -> str:
        out, count = re.subn(rf"\nexport interface {name} \{{.*?\n\}}\n", "\n", text, flags=re.S)
        assert count == 1, name
        return out

    return apply


def chain(*steps: Callable[[str], str]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    return apply


USER_DELETED = """
export interface UserDeletedEvent {
  id: string;
  type: Events.UserDeleted;
  metadata: MessageMetadata;
  data: {
    id: string;
  };
}
"""

METADATA = """\
/** Tracing data carried by every message. */
export interface MessageMetadata {
  /** Correlates every message caused by one user action. */
  traceId: string;
  /** The user on whose behalf the message was sent. */
  userId: string;
}
"""

# (what the edit is, the edit, extra files, {mode: [(RULE, JSON path)]}, where the
# first finding is: ("new"|"old", needle) or None)
STEPS: list[
    tuple[str, Callable[[str], str], dict[str, str | None], dict[str, list[tuple[str, str]]]]
] = [
    (
        "an optional field",
        replace(
            "    firstName?: string;\n    lastName?: string;\n    picture?: string;\n"
            "    locale?: string;\n  };\n}\n\nexport interface MembershipCreatedEvent",
            "    firstName?: string;\n    lastName?: string;\n    picture?: string;\n"
            "    locale?: string;\n    avatarUrl?: string;\n  };\n}\n\n"
            "export interface MembershipCreatedEvent",
        ),
        {},
        {"full": []},
    ),
    (
        "a required field on an event",
        replace(
            "    id: string;\n    auth0Id: string;\n",
            "    id: string;\n    auth0Id: string;\n    phone: string;\n",
        ),
        {},
        {"backward": [("FIELD_ADDED_REQUIRED", "UserRegistered.data.phone")], "forward": []},
    ),
    (
        "a new event",
        chain(
            replace(
                '  UserModified = "UserModified",\n',
                '  UserModified = "UserModified",\n  UserDeleted = "UserDeleted",\n',
            ),
            lambda text: text + USER_DELETED.replace("MessageMetadata", "Metadata"),
        ),
        {},
        {"backward": [], "forward": [("MESSAGE_ADDED", "UserDeleted")]},
    ),
    (
        "an interface renamed",
        chain(
            replace("export interface Metadata {", "export interface MessageMetadata {"),
            replace("metadata: Metadata;", "metadata: MessageMetadata;"),
        ),
        {},
        {"full": []},
    ),
    (
        "a number becomes a string",
        replace(
            "    /** Milliseconds since the epoch. */\n    createdAt: number;",
            "    /** ISO 8601. */\n    createdAt: string;",
        ),
        {},
        {
            "backward": [("TYPE_CHANGED", "ProjectCreated.data.createdAt")],
            "forward": [("TYPE_CHANGED", "ProjectCreated.data.createdAt")],
        },
    ),
    (
        "an event removed",
        chain(
            replace('  MembershipDeleted = "MembershipDeleted",\n', ""),
            drop_interface("MembershipDeletedEvent"),
        ),
        {},
        {"backward": [("MESSAGE_REMOVED", "MembershipDeleted")], "forward": []},
    ),
    (
        "an optional field made required",
        replace(
            "    membershipId: string;\n    role?: string;",
            "    membershipId: string;\n    role: string;",
        ),
        {},
        {"backward": [("FIELD_MADE_REQUIRED", "MembershipUpdated.data.role")], "forward": []},
    ),
    (
        "the metadata moved to its own file",
        chain(
            lambda text: text[: text.index("/** Tracing data")]
            + 'import { MessageMetadata } from "./metadata";\n\n'
            + text[text.index("/** The envelope") :],
        ),
        {"src/metadata.ts": METADATA},
        {"full": []},
    ),
    (
        "a field of the moved metadata",
        lambda text: text,
        {
            "src/metadata.ts": METADATA.replace(
                "  userId: string;\n", "  userId: string;\n  spanId: string;\n"
            )
        },
        {"backward": [("FIELD_ADDED_REQUIRED", "RegisterUser.metadata.spanId")], "forward": []},
    ),
    (
        "a discriminator renamed",
        replace('ProjectDeleted = "ProjectDeleted"', 'ProjectDeleted = "project.deleted"'),
        {},
        {
            "backward": [("DISCRIMINATOR_CHANGED", "project.deleted")],
            "forward": [("DISCRIMINATOR_CHANGED", "project.deleted")],
        },
    ),
    (
        "a category removed",
        replace('  Accounting = "ACCOUNTING",\n', ""),
        {},
        {"backward": [("TYPE_NARROWED", "Categories")], "forward": []},
    ),
    (
        "doc comments rewritten",
        chain(
            replace(
                "/** Commands trigger something to happen (in the future). */",
                "/** Commands ask for something to happen. */",
            ),
            replace("    /** Whether people outside the team can see the project. */\n", ""),
        ),
        {},
        {"full": []},
    ),
    (
        "a field made nullable",
        replace(
            "    prefix: string;\n    description: string;",
            "    prefix: string;\n    description: string | null;",
        ),
        {},
        {"backward": [], "forward": [("FIELD_NULLABILITY", "ProjectCreated.data.description")]},
    ),
    (
        "an accepted breaking change",
        replace(
            "    projectId: string;\n  };\n}\n",
            "    projectId: string;\n"
            "    reason: string; // devpie-transpile: allow FIELD_ADDED_REQUIRED\n  };\n}\n",
        ),
        {},
        {"full": []},
    ),
]


def test_fixture_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path, monkeypatch)
    text = FIXTURE.read_text()
    repo.commit({SRC: text}, "the contract")
    for what, change, files, by_mode in STEPS:
        old_text, text = text, change(text)
        repo.commit({SRC: text, **files}, what)
        for mode, expected in by_mode.items():
            result = repo.breaking(SRC, "--against", "HEAD~1", "--mode", mode, capsys=capsys)
            got = [(rule, path) for rule, _, path in result.rules()]
            assert got == expected, (what, mode, result.out, result.err)
            assert result.status == (1 if expected else 0), (what, mode, result.err)
        full = repo.breaking(SRC, "--against", "HEAD~1", "--mode", "full", capsys=capsys)
        assert sorted(r for r, _, _ in full.rules()) == sorted(
            {r for items in by_mode.values() for r, _ in items}
        ), what
        if what == "a required field on an event":
            assert full.rules()[0][1] == loc(text, "phone", SRC)
        if what == "an event removed":
            where = loc(old_text, "MembershipDeletedEvent", "HEAD~1:" + SRC)
            assert full.rules()[0][1] == where
        if what == "an accepted breaking change":
            assert [(s, r) for s, _, r, _ in full.findings()] == [("note", "FIELD_ADDED_REQUIRED")]
    # the whole history at once, against the first commit
    result = repo.breaking(SRC, "--against", "HEAD~14", "--mode", "full", "-q", capsys=capsys)
    assert result.status == 1
    assert {rule for rule, _, _ in result.rules()} == {
        "FIELD_ADDED_REQUIRED",
        "MESSAGE_ADDED",
        "TYPE_CHANGED",
        "MESSAGE_REMOVED",
        "FIELD_MADE_REQUIRED",
        "DISCRIMINATOR_CHANGED",
        "TYPE_NARROWED",
        "FIELD_NULLABILITY",
    }


def test_readme_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's session: the fixture on `main`, an event removed and a field added."""
    readme = (FIXTURE.parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```console\n\$ devpie-transpile breaking (.*?)\n(.*?)```\n", readme, re.S)
    assert block is not None
    repo = Repo(tmp_path, monkeypatch)
    text = FIXTURE.read_text()
    repo.commit({SRC: text})
    text = chain(
        replace(
            "    id: string;\n    auth0Id: string;\n",
            "    id: string;\n    auth0Id: string;\n    phone: string;\n",
        ),
        replace('  MembershipDeleted = "MembershipDeleted",\n', ""),
        drop_interface("MembershipDeletedEvent"),
    )(text)
    repo.write({SRC: text})
    result = repo.breaking(*block.group(1).split(), capsys=capsys)
    assert result.status == 1
    assert result.out == block.group(2)
