"""A seeded stream of realistic messages of fixtures/index.ts, and invalid cases.

Every message type of the fixture appears (weighted like a live system: many
modifications, few deletions); values look like production traffic: UUIDs,
e-mails, names with accents, ISO timestamps, epoch milliseconds, optional fields
present about half the time, column orders of 0 to 12 ids. The same seed gives
the same bytes, so two runs (or two machines) time the same work.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable
from typing import Any

# (message interface, discriminator value, weight)
MESSAGES: tuple[tuple[str, str, int], ...] = (
    ("RegisterUserCommand", "RegisterUser", 6),
    ("ModifyUserCommand", "ModifyUser", 10),
    ("EnableAccountingCommand", "EnableAccounting", 3),
    ("UserRegisteredEvent", "UserRegistered", 6),
    ("UserModifiedEvent", "UserModified", 10),
    ("MembershipCreatedEvent", "MembershipCreated", 8),
    ("MembershipUpdatedEvent", "MembershipUpdated", 8),
    ("MembershipDeletedEvent", "MembershipDeleted", 3),
    ("ProjectCreatedEvent", "ProjectCreated", 8),
    ("ProjectUpdatedEvent", "ProjectUpdated", 20),
    ("ProjectDeletedEvent", "ProjectDeleted", 3),
)

_FIRST = ["Ada", "Grace", "Linus", "Zoë", "José", "Mårten", "Chloé", "Ivan", "Mei", "Olu"]
_LAST = ["Lovelace", "Hopper", "Torvalds", "Müller", "García", "Nakamura", "O'Neil", "Núñez"]
_LOCALES = ["en", "en-GB", "de", "fr", "es", "ja", "pt-BR"]
_ROLES = ["admin", "member", "viewer", "owner"]
_PLANS = ["basic", "team", "enterprise"]
_WORDS = ["board", "sprint", "roadmap", "backlog", "ops", "design", "launch", "q3", "mobile"]


class _Gen:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.clock = 1_700_000_000_000  # epoch ms, moving forward

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def auth0(self) -> str:
        return "auth0|" + "".join(self.rng.choices("0123456789abcdef", k=24))

    def ms(self) -> int:
        self.clock += self.rng.randint(1, 5000)
        return self.clock

    def iso(self) -> str:
        ms = self.ms()
        import datetime as dt

        t = dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc)
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"

    def person(self) -> dict[str, Any]:
        first, last = self.rng.choice(_FIRST), self.rng.choice(_LAST)
        return {
            "firstName": first,
            "lastName": last,
            "email": f"{first.lower()}.{last.lower()}@example.com".replace("'", ""),
            "picture": f"https://cdn.example.com/avatars/{self.uid()}.png",
            "locale": self.rng.choice(_LOCALES),
        }

    def some(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Each optional field present with probability 1/2."""
        return {k: v for k, v in fields.items() if self.rng.random() < 0.5}

    def title(self) -> str:
        return " ".join(self.rng.choice(_WORDS) for _ in range(self.rng.randint(1, 4))).title()

    def columns(self) -> list[str]:
        return [self.uid() for _ in range(self.rng.randint(0, 12))]


def _data(kind: str, g: _Gen) -> dict[str, Any]:
    p = g.person
    match kind:
        case "RegisterUser" | "UserRegistered":
            who = p()
            data = {"auth0Id": g.auth0(), "email": who["email"],
                    "emailVerified": g.rng.random() < 0.7, "firstName": who["firstName"],
                    "lastName": who["lastName"], "picture": who["picture"],
                    "locale": who["locale"]}
            return {"id": g.uid(), **data} if kind == "UserRegistered" else data
        case "ModifyUser" | "UserModified":
            who = p()
            data = g.some({k: who[k] for k in ("firstName", "lastName", "picture", "locale")})
            return {"id": g.uid(), **data} if kind == "UserModified" else data
        case "EnableAccounting":
            return {"tenantId": g.uid(), "plan": g.rng.choice(_PLANS)}
        case "MembershipCreated":
            return {"membershipId": g.uid(), "teamId": g.uid(), "userId": g.uid(),
                    "role": g.rng.choice(_ROLES), "createdAt": g.iso()}
        case "MembershipUpdated":
            return {"membershipId": g.uid(), **g.some({"role": g.rng.choice(_ROLES)}),
                    "updatedAt": g.iso()}
        case "MembershipDeleted":
            return {"membershipId": g.uid()}
        case "ProjectCreated":
            name = g.title()
            return {"projectId": g.uid(), "tenantId": g.uid(), "name": name,
                    "prefix": "".join(w[0] for w in name.split()).upper(),
                    "description": f"{name}: everything about {name.lower()}.",
                    "teamId": g.uid(), "userId": g.uid(), "active": True,
                    "public": g.rng.random() < 0.3, "columnOrder": g.columns(),
                    "createdAt": g.ms()}
        case "ProjectUpdated":
            name = g.title()
            return {"projectId": g.uid(),
                    **g.some({"name": name, "description": f"Now: {name.lower()}.",
                              "active": g.rng.random() < 0.9, "public": g.rng.random() < 0.3,
                              "columnOrder": g.columns()}),
                    "updatedAt": g.ms()}
        case "ProjectDeleted":
            return {"projectId": g.uid()}
    raise AssertionError(kind)


def messages(n: int, seed: int = 13) -> list[tuple[str, dict[str, Any]]]:
    """n (interface name, message) pairs; every message type at least once when n >= 11."""
    rng = random.Random(seed)
    g = _Gen(rng)
    kinds = [m for m in MESSAGES for _ in range(m[2])]
    out = []
    for i in range(n):
        name, value, _ = MESSAGES[i] if i < len(MESSAGES) else rng.choice(kinds)
        out.append((name, {"id": g.uid(), "type": value,
                           "metadata": {"traceId": g.uid(), "userId": g.uid()},
                           "data": _data(value, g)}))
    return out


def encode(message: dict[str, Any]) -> bytes:
    """The wire form: compact UTF-8 JSON, as a JavaScript service writes it."""
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode()


def stream(n: int, seed: int = 13) -> list[tuple[str, bytes]]:
    return [(name, encode(m)) for name, m in messages(n, seed)]


# --- invalid cases: what each tool rejects ------------------------------------------


def _base() -> dict[str, Any]:
    return messages(9)[8][1]  # a ProjectCreated message


def _edit(change: Callable[[dict[str, Any]], None]) -> bytes:
    m = _base()
    change(m)
    return encode(m)


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def run(m: dict[str, Any]) -> None:
        m["data"][key] = value

    return run


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    def run(m: dict[str, Any]) -> None:
        del m["data"][key]

    return run


def _top(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def run(m: dict[str, Any]) -> None:
        if value is _DROP:
            del m[key]
        else:
            m[key] = value

    return run


_DROP = object()


def _replace(old: bytes, new: bytes) -> bytes:
    text = encode(_base())
    assert old in text
    return text.replace(old, new, 1)


def invalid_cases() -> list[tuple[str, bytes, bool]]:
    """(what is wrong, the bytes, whether the contract makes it invalid).

    The last one is valid (an unknown key: a tolerant reader accepts it); every other
    input breaks the contract and should be rejected.
    """
    created = str(_base()["data"]["createdAt"]).encode()
    return [
        ("required key missing (data.name)", _edit(_drop("name")), True),
        ("null for a required string", _edit(_set("name", None)), True),
        ("number for a string", _edit(_set("name", 7)), True),
        ("string for a boolean", _edit(_set("active", "yes")), True),
        ("number for a boolean", _edit(_set("public", 1)), True),
        ("string for a number", _edit(_set("createdAt", "1700000000000")), True),
        ("wrong array item (columnOrder[1])", _edit(_set("columnOrder", ["a", 2])), True),
        ("object for an array", _edit(_set("columnOrder", {})), True),
        ("data is an array", _edit(lambda m: m.__setitem__("data", [])), True),
        ("metadata missing", _edit(_top("metadata", _DROP)), True),
        ("type missing", _edit(_top("type", _DROP)), True),
        ("unknown type", _edit(_top("type", "ProjectArchived")), True),
        ("type of another shape", _edit(_top("type", "MembershipDeleted")), True),
        ("NaN (not JSON)", _replace(b'"createdAt":' + created, b'"createdAt":NaN'), True),
        ("Infinity (not JSON)", _replace(b'"createdAt":' + created, b'"createdAt":Infinity'),
         True),
        ("1e309 (beyond float64)", _replace(b'"createdAt":' + created, b'"createdAt":1e309'),
         True),
        ("truncated JSON", encode(_base())[:-7], True),
        ("message is not an object", b"[]", True),
        ("unknown key (valid: ignored)", _edit(_set("color", "teal")), False),
    ]
