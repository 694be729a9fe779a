#!/usr/bin/env python3
"""Write a synthetic TypeScript message contract with N messages.

The benchmark needs contracts of any size that look like `fixtures/index.ts`:
`Commands`/`Events` string enums, a `Metadata` interface and one interface per
message with `id`, a `type` discriminator, `metadata` and an inline `data`
object.  Output is deterministic: the same N and seed give the same bytes, and
message i is the same in every N > i (each message draws from its own seeded
generator), so per-message costs compare across sizes.

Only constructs that both devpie-transpile and quicktype 26 handle are used
(see `generate` about maps).

    python bench/gen_contract.py 1000 -o /tmp/contract-1000.ts
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from dataclasses import dataclass

DEFAULT_SEED = 20240501

QUALIFIERS = (
    "Account", "Billing", "Board", "Card", "Comment", "Customer", "Device", "Draft",
    "Export", "Feature", "Group", "Import", "Inbox", "Invite", "Label", "Ledger",
    "License", "Member", "Note", "Order", "Payment", "Plan", "Policy", "Profile",
    "Quota", "Report", "Review", "Role", "Session", "Shipment", "Sprint", "Tag",
    "Task", "Team", "Tenant", "Ticket", "Token", "User", "Vendor", "Wallet",
)  # fmt: skip
NOUNS = (
    "Address", "Alert", "Archive", "Asset", "Attachment", "Audit", "Avatar", "Backup",
    "Badge", "Batch", "Budget", "Channel", "Checklist", "Column", "Contact", "Contract",
    "Coupon", "Credit", "Dashboard", "Deadline", "Discount", "Document", "Domain",
    "Estimate", "Filter", "Folder", "Goal", "Holiday", "Integration", "Invoice",
    "Item", "Key", "Limit", "Link", "Milestone", "Notification", "Permission",
    "Preference", "Price", "Queue", "Receipt", "Reminder", "Schedule", "Setting",
    "Snapshot", "Subscription", "Template", "Timer", "Webhook", "Workflow",
)  # fmt: skip
# (command verb, event past tense)
VERBS = (
    ("Create", "Created"), ("Update", "Updated"), ("Delete", "Deleted"),
    ("Archive", "Archived"), ("Restore", "Restored"), ("Assign", "Assigned"),
    ("Approve", "Approved"), ("Reject", "Rejected"), ("Publish", "Published"),
    ("Schedule", "Scheduled"), ("Cancel", "Cancelled"), ("Rename", "Renamed"),
)  # fmt: skip

# Scalar fields with the type their name suggests.
FIELDS = (
    ("accountId", "string"), ("active", "boolean"), ("amount", "number"),
    ("archived", "boolean"), ("assigneeId", "string"), ("balance", "number"),
    ("color", "string"), ("comment", "string"), ("count", "number"), ("country", "string"),
    ("createdAt", "number"), ("currency", "string"), ("deletedAt", "number"),
    ("description", "string"), ("displayName", "string"), ("dueDate", "string"),
    ("email", "string"), ("enabled", "boolean"), ("endsAt", "number"),
    ("externalRef", "string"), ("firstName", "string"), ("height", "number"),
    ("iconUrl", "string"), ("isDefault", "boolean"), ("lastName", "string"),
    ("limit", "number"), ("locale", "string"), ("name", "string"), ("note", "string"),
    ("ownerId", "string"), ("position", "number"), ("priority", "number"),
    ("projectId", "string"), ("public", "boolean"), ("quantity", "number"),
    ("reason", "string"), ("region", "string"), ("score", "number"),
    ("startsAt", "number"), ("status", "string"), ("summary", "string"),
    ("teamId", "string"), ("tenantId", "string"), ("title", "string"),
    ("total", "number"), ("updatedAt", "number"), ("url", "string"), ("userId", "string"),
    ("version", "number"), ("visible", "boolean"), ("weight", "number"), ("width", "number"),
)  # fmt: skip
LIST_NAMES = ("tags", "labels", "columnOrder", "memberIds", "scopes", "aliases", "emails")
OBJECT_NAMES = ("address", "owner", "period", "settings", "target", "origin")
ITEM_NAMES = ("lines", "entries", "changes", "attendees", "steps")
MAP_NAMES = ("attributes", "headers", "annotations", "extra")
NESTED_FIELDS = (
    ("street", "string"), ("city", "string"), ("zip", "string"), ("lat", "number"),
    ("lng", "number"), ("from", "string"), ("to", "string"), ("primary", "boolean"),
    ("label", "string"), ("value", "number"), ("code", "string"), ("ok", "boolean"),
)  # fmt: skip
DOCS = (
    "Set by the server; clients must not send it.",
    "Milliseconds since the epoch.",
    "Empty when the user has not chosen one.",
    'ISO 4217 currency code, e.g. "EUR".',
    "Kept for old clients; prefer the newer field.",
    "Ordered as shown in the UI.",
)
# Per message: the chance of carrying one field of each richer kind.
P_LIST, P_OBJECT, P_ITEMS, P_MAP = 0.30, 0.15, 0.10, 0.10
P_OPTIONAL, P_FIELD_DOC, P_MESSAGE_DOC = 0.25, 0.06, 0.15


@dataclass(frozen=True)
class Message:
    """One synthetic message: its enum, member name and rendered interface."""

    enum: str  # "Commands" or "Events"
    member: str
    text: str


def message_names(n: int, seed: int) -> list[tuple[str, str]]:
    """Distinct (command name, event name) stems for n messages, stable in n."""
    combos = list(itertools.product(QUALIFIERS, NOUNS, VERBS))
    random.Random(f"{seed}:names").shuffle(combos)
    out = []
    for i in range(n):
        qual, noun, (verb, past) = combos[i % len(combos)]
        gen = i // len(combos)
        suffix = f"V{gen + 1}" if gen else ""
        out.append((f"{verb}{qual}{noun}{suffix}", f"{qual}{noun}{past}{suffix}"))
    return out


def _nested_object(rng: random.Random, indent: str) -> str:
    """An inline object literal of 2-4 scalar fields."""
    fields = rng.sample(NESTED_FIELDS, rng.randint(2, 4))
    inner = indent + "  "
    body = "".join(
        f"{inner}{name}{'?' if rng.random() < 0.2 else ''}: {ty};\n" for name, ty in fields
    )
    return "{\n" + body + indent + "}"


def _data_fields(rng: random.Random, map_type: str) -> list[str]:
    """The lines of one `data: { ... }` body (3-12 fields), indented 4 spaces."""
    count = rng.randint(3, 12)
    fields = [f"{name}{{opt}}: {ty};" for name, ty in rng.sample(FIELDS, count)]
    richer = []
    if rng.random() < P_LIST:
        richer.append(f"{rng.choice(LIST_NAMES)}{{opt}}: string[];")
    if rng.random() < P_OBJECT:
        richer.append(f"{rng.choice(OBJECT_NAMES)}{{opt}}: {_nested_object(rng, '    ')};")
    if rng.random() < P_ITEMS:
        richer.append(f"{rng.choice(ITEM_NAMES)}{{opt}}: {_nested_object(rng, '    ')}[];")
    if rng.random() < P_MAP:
        richer.append(f"{rng.choice(MAP_NAMES)}{{opt}}: {map_type};")
    richer = richer[:count]  # they replace scalars, so the total stays `count`
    for slot, field in zip(rng.sample(range(count), len(richer)), richer, strict=True):
        fields[slot] = field
    lines: list[str] = []
    for field in fields:
        if rng.random() < P_FIELD_DOC:
            lines.append(f"    /** {rng.choice(DOCS)} */")
        lines.append("    " + field.replace("{opt}", "?" if rng.random() < P_OPTIONAL else ""))
    return lines


def make_message(i: int, names: tuple[str, str], seed: int, map_type: str) -> Message:
    """Message i, drawn from its own generator so it does not depend on N."""
    rng = random.Random(f"{seed}:msg:{i}")
    is_event = rng.random() < 0.7
    member = names[1] if is_event else names[0]
    enum = "Events" if is_event else "Commands"
    iface = f"{member}{'Event' if is_event else 'Command'}"
    head = ""
    if rng.random() < 0.15:
        what = "Notifies listeners that" if is_event else "Asks a service to"
        head = f"/** {what} {member} (synthetic message {i}). */\n"
    body = "\n".join(_data_fields(rng, map_type))
    text = (
        f"{head}export interface {iface} {{\n"
        "  id: string;\n"
        f"  type: {enum}.{member};\n"
        "  metadata: Metadata;\n"
        f"  data: {{\n{body}\n  }};\n"
        "}\n"
    )
    return Message(enum, member, text)


def generate(n: int, seed: int = DEFAULT_SEED, record: bool = False) -> str:
    """The whole contract as TypeScript source text.

    Maps are written `{ [key: string]: string }`: quicktype 26 fails on
    `Record<string, string>` ("Key Record%3C... not in schema"); `record=True`
    writes `Record<string, string>` instead, for devpie-transpile alone.
    """
    map_type = "Record<string, string>" if record else "{ [key: string]: string }"
    if n < 1:
        raise ValueError("n must be at least 1")
    msgs = [
        make_message(i, names, seed, map_type) for i, names in enumerate(message_names(n, seed))
    ]
    out = [
        "/**\n"
        f" * Synthetic message contract with {n} messages (seed {seed}), generated by\n"
        " * bench/gen_contract.py for benchmarking. Do not edit.\n"
        " */\n"
    ]
    for enum, doc in (
        ("Commands", "Commands trigger something to happen (in the future)."),
        ("Events", "Events notify listeners about something that has happened (in the past)."),
    ):
        members = [m.member for m in msgs if m.enum == enum]
        if not members:  # an empty enum is legal TS but says nothing; keep one member
            members = [f"Noop{enum}"]
        body = "".join(f'  {m} = "{m}",\n' for m in members)
        out.append(f"/** {doc} */\nexport enum {enum} {{\n{body}}}\n")
    out.append("/** Any command or event name. */\nexport type EventTypes = Events | Commands;\n")
    out.append(
        "/** Tracing data carried by every message. */\n"
        "export interface Metadata {\n"
        "  /** Correlates every message caused by one user action. */\n"
        "  traceId: string;\n"
        "  /** The user on whose behalf the message was sent. */\n"
        "  userId: string;\n"
        "}\n"
    )
    out.extend(m.text for m in msgs)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: write the contract to -o FILE or stdout."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of messages (>= 1)")
    ap.add_argument("-o", "--output", help="file to write (default: stdout)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument(
        "--record",
        action="store_true",
        help="write maps as Record<string, string> (quicktype 26 cannot read it)",
    )
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("n must be at least 1")
    text = generate(args.n, args.seed, args.record)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
