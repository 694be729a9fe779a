"""The files of a contract: what each declares, imports and exports.

Where a specifier leads is `resolve.py`'s business; this module turns one parsed
file's top-level statements (and the bodies of its namespaces) into a `FileScope`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from tree_sitter import Node, QueryCursor

from .. import ir
from ..diagnostics import Diagnostic
from .fs import DISK, FileSystem
from .literals import decode_string
from .source import SourceFile, query

RENDERED = {
    "interface_declaration": "interface",
    "type_alias_declaration": "alias",
    "enum_declaration": "enum",
}
SKIPPED = {
    "class_declaration": "class",
    "abstract_class_declaration": "class",
    "function_declaration": "function",
    "generator_function_declaration": "function",
    "function_signature": "function",
    "lexical_declaration": "variable",
    "variable_declaration": "variable",
}
NAMESPACES = ("internal_module", "module")
MERGE_WITH_NAMESPACE = ("enum", "class", "function")  # declaration merging
ROOT_MARKERS = ("package.json", "pyproject.toml", "devpie-transpile.toml", ".git")

DeclKind = Literal["interface", "alias", "enum", "class", "function", "variable", "namespace"]


@dataclass(eq=False)
class DeclSite:
    """A named declaration: identity of a type across files.

    `name` is its name in the module (`PayloadJoin` for `Join` in namespace
    `Payload`), `local` the name it is declared under, `parent` its namespace.
    """

    file: SourceFile
    name: str
    kind: DeclKind
    node: Node  # the declaration node (interface_declaration, ...)
    statement: Node  # the statement it is part of, where its doc comment sits
    span: ir.Span  # its name
    local: str = ""
    parent: DeclSite | None = None
    members: dict[str, DeclSite] = field(default_factory=dict)  # of a namespace
    exported_members: dict[str, None] = field(default_factory=dict)  # in source order

    def __post_init__(self) -> None:
        self.local = self.local or self.name

    @property
    def qualified(self) -> str:
        """`Payload.Media.Offer`, as the source spells it."""
        return self.local if self.parent is None else f"{self.parent.qualified}.{self.local}"

    @property
    def rendered(self) -> bool:
        """Rendered wherever it is declared or re-exported (a class: only when used)."""
        return self.kind in ("interface", "alias", "enum")

    @property
    def shape(self) -> bool:
        """Can be referred to by a rendered type."""
        return self.kind in ("interface", "alias", "enum", "class")


@dataclass(frozen=True)
class Binding:
    """`name` of module `target`, bound locally.

    `target` is None for an npm `package` (never followed) or a module that failed
    to resolve (already reported).
    """

    name: str
    specifier: str
    target: SourceFile | None
    span: ir.Span  # the specifier in the import/export clause
    package: str | None = None


@dataclass(eq=False)
class FileScope:
    """What one file declares (`decls`), imports and exports, in source order."""

    source: SourceFile
    decls: dict[str, DeclSite] = field(default_factory=dict)
    order: list[DeclSite] = field(default_factory=list)  # namespace members included
    imports: dict[str, Binding] = field(default_factory=dict)
    exports: dict[str, Binding | DeclSite | str] = field(default_factory=dict)
    star_exports: list[Binding] = field(default_factory=list)
    # Re-exports, in source order: `export *` (a Binding named "*") or the exported
    # name of an `export { A as B } from` or `export { A as B }`.
    reexports: list[Binding | str] = field(default_factory=list)
    reexport_spans: dict[str, ir.Span] = field(default_factory=dict)  # of `export { A }`
    # `--verbose` notes in source order; a class's is dropped if a rendered type uses it
    notes: list[tuple[str, DeclSite | None]] = field(default_factory=list)
    # constants and functions by name: a value may share its name with a type
    # (`const Status = {...} as const; type Status = ...`), read by `typeof`
    values: dict[str, DeclSite] = field(default_factory=dict)


def project_root(entry: Path, fs: FileSystem = DISK) -> Path:
    """Nearest ancestor of the (resolved) entry holding a project marker, else its dir."""
    start = Path(os.path.realpath(entry)).parent
    for directory in (start, *start.parents):
        if any(fs.exists(directory / marker) for marker in ROOT_MARKERS):
            return directory
    return start


def display_path(path: Path, display_root: Path) -> str:
    """`path` relative to `display_root` with `/` (`../x.ts` when outside it).

    Generated headers name the source this way, so they never hold an absolute,
    machine-specific path.
    """
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(display_root))
    except ValueError:  # another drive on Windows: nothing relative exists
        return path.as_posix()
    return Path(rel).as_posix()


Follow = Callable[[SourceFile, Node, str], "tuple[SourceFile | None, str | None]"]


class ScopeBuilder:
    """Turns a parsed file's statements into a `FileScope`.

    `follow(source, specifier_node, specifier)` returns the file a specifier leads
    to (loading it if needed), or the npm package it names, or (None, None) after
    reporting why it leads nowhere.
    """

    def __init__(self, source: SourceFile, follow: Follow, errors: list[Diagnostic]) -> None:
        self.source = source
        self.follow = follow
        self.errors = errors
        self.scope = FileScope(source)

    def build(self) -> FileScope:
        matched: set[int] = set()
        cursor = QueryCursor(query("statements", self.source.tsx))
        # Every pattern starts at `program`: no match can start deeper, and telling
        # the cursor so spares it a walk of every type node (0.6 s -> 0.04 s at
        # 10,000 messages).
        cursor.set_max_start_depth(0)
        matches = cursor.matches(self.source.root)
        matches.sort(key=lambda m: m[1]["statement"][0].start_byte)
        for _, caps in matches:
            statement = caps["statement"][0]
            if statement.id in matched:
                continue
            matched.add(statement.id)
            if "declaration" in caps:
                self._declaration(statement, caps["declaration"][0], None)
            elif "export_all" in caps:
                self._export_all(caps["source"][0])
            elif "export_from" in caps:
                self._export_from(caps["clause"][0], caps["source"][0])
            elif "export_local" in caps:
                self._export_local(caps["clause"][0])
            elif "import" in caps:
                self._import(caps["clause"][0], caps["source"][0])
        for child in self.source.root.named_children:
            if child.id in matched or child.type in ("comment", "empty_statement"):
                continue
            if child.type == "import_statement":
                continue
            if child.type == "export_statement" and (
                self._export_default(child) or self._export_namespace(child)
            ):
                continue
            self._note(child, "statement")
        return self.scope

    def _note(self, node: Node, what: str, site: DeclSite | None = None) -> None:
        span = self.source.span(node)
        self.scope.notes.append((f"{span}: note: skipping {what} (not a message type)", site))

    def _declaration(self, statement: Node, node: Node, parent: DeclSite | None) -> None:
        exported = statement.type == "export_statement"
        default = exported and any(c.type == "default" for c in statement.children)
        while node.type == "ambient_declaration":  # `declare X`: as X
            inner = next((c for c in node.named_children if c.type != "comment"), None)
            if inner is None or inner.type == "statement_block":  # `declare global {}`
                self._note(node, "declare statement")
                return
            node = inner
        if node.type == "expression_statement" and node.named_children:
            node = node.named_children[0]
        if node.type in NAMESPACES:
            self._namespace(statement, node, parent, exported)
            return
        kind = RENDERED.get(node.type) or SKIPPED.get(node.type)
        if kind is None:
            self._note(node, "statement")
            return
        for name_node in self._names(node):
            local = self.source.text(name_node)
            name = local if parent is None else parent.name + local
            site = DeclSite(
                self.source, name, kind, node, statement, self.source.span(name_node),  # type: ignore[arg-type]
                local, parent,
            )
            if not site.rendered:
                self._note(node, f"{kind} {site.qualified}", site if kind == "class" else None)
            if not self._add(site, parent):
                continue
            if parent is not None:
                if exported:
                    parent.exported_members[local] = None
            elif default:
                self.scope.exports["default"] = site
            elif exported:
                self.scope.exports[local] = site

    def _add(self, site: DeclSite, parent: DeclSite | None) -> bool:
        table = self.scope.decls if parent is None else parent.members
        previous = table.get(site.local)
        if parent is None and site.kind in ("variable", "function"):
            if site.local not in self.scope.values:
                self.scope.values[site.local] = site
                if previous is not None and previous.rendered:
                    return False  # the type of that name stays the type
        elif site.rendered and previous is not None and previous.kind in ("variable", "function"):
            previous = None  # a type named like a constant: both meanings are kept
        if previous is not None:
            if previous.kind == "namespace" and site.kind == "namespace":
                return False  # namespaces merge (the caller reuses `previous`)
            if site.kind == "namespace" and previous.kind in MERGE_WITH_NAMESPACE:
                return False  # `enum E {}` + `namespace E {}`: E carries the members
            if previous.kind == "namespace" and site.kind in MERGE_WITH_NAMESPACE:
                site.members, site.exported_members = previous.members, previous.exported_members
                table[site.local] = site
                self.scope.order.append(site)
                return True
            self.errors.append(
                Diagnostic(
                    f"{site.local} is declared twice (first at {previous.span})", span=site.span
                )
            )
            return False
        table[site.local] = site
        self.scope.order.append(site)
        return True

    def _namespace(
        self, statement: Node, node: Node, parent: DeclSite | None, exported: bool
    ) -> None:
        """`namespace A.B { ... }`: its declarations are named `AB<Name>`."""
        name_node = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name_node is None or name_node.type == "string":  # `declare module "x" {}`
            self._note(node, "module declaration")
            return
        parts = self.source.text(name_node).split(".")
        for i, local in enumerate(parts):
            name = local if parent is None else parent.name + local
            site = DeclSite(
                self.source, name, "namespace", node, statement, self.source.span(name_node),
                local, parent,
            )
            if not self._add(site, parent):
                table = self.scope.decls if parent is None else parent.members
                previous = table.get(local)
                if previous is None or previous.kind not in ("namespace", *MERGE_WITH_NAMESPACE):
                    return
                site = previous
            if parent is not None:
                if exported or i > 0:
                    parent.exported_members[local] = None
            elif exported:
                self.scope.exports[local] = site
            parent = site
        if body is None or parent is None:
            return
        for child in body.named_children:
            if child.type in ("comment", "empty_statement"):
                continue
            if child.type == "export_statement":
                declaration = child.child_by_field_name("declaration")
                if declaration is not None:
                    self._declaration(child, declaration, parent)
                else:
                    self._note(child, "statement")
            elif child.type in (
                *RENDERED, *SKIPPED, "ambient_declaration", *NAMESPACES, "expression_statement"
            ):
                if child.type == "expression_statement" and not (
                    child.named_children and child.named_children[0].type in NAMESPACES
                ):
                    self._note(child, "statement")
                    continue
                self._declaration(child, child, parent)
            else:
                self._note(child, "statement")

    def _names(self, node: Node) -> list[Node]:
        name = node.child_by_field_name("name")
        if name is not None:
            return [name]
        found = []
        for declarator in node.named_children:
            if declarator.type == "variable_declarator":
                target = declarator.child_by_field_name("name")
                if target is not None and target.type == "identifier":
                    found.append(target)
        return found

    def _export_default(self, statement: Node) -> bool:
        """`export default Name;`: the default export is a local name."""
        value = statement.child_by_field_name("value")
        if value is None or value.type != "identifier":
            return False
        if not any(c.type == "default" for c in statement.children):
            return False
        self.scope.exports["default"] = self.source.text(value)
        return True

    def _export_namespace(self, statement: Node) -> bool:
        """`export * as ns from "./x"`: `ns` is module x's namespace."""
        clause = next((c for c in statement.named_children if c.type == "namespace_export"), None)
        source_node = statement.child_by_field_name("source")
        if clause is None or source_node is None:
            return False
        names = [c for c in clause.named_children if c.type in ("identifier", "string")]
        if not names:
            return False
        exported = self._name(names[0])
        binding = self._binding("*", source_node)
        if binding.target is not None or binding.package is not None:
            self.scope.exports[exported] = binding
            self.scope.reexports.append(exported)
        return True

    def _binding(self, name: str, source_node: Node) -> Binding:
        specifier = decode_string(self.source, source_node)
        target, package = self.follow(self.source, source_node, specifier)
        return Binding(name, specifier, target, self.source.span(source_node), package)

    def _export_all(self, source_node: Node) -> None:
        binding = self._binding("*", source_node)
        self.scope.star_exports.append(binding)
        self.scope.reexports.append(binding)

    def _specifiers(self, clause: Node) -> list[tuple[str, str, Node]]:
        """(imported name, local name, node) for each `A` / `A as B` of a clause."""
        out = []
        for spec in clause.named_children:
            if spec.type not in ("export_specifier", "import_specifier"):
                continue
            name_node = spec.child_by_field_name("name")
            alias_node = spec.child_by_field_name("alias")
            if name_node is None:
                continue
            name = self._name(name_node)
            local = self._name(alias_node) if alias_node is not None else name
            out.append((name, local, alias_node or name_node))
        return out

    def _name(self, node: Node) -> str:
        if node.type == "string":
            return decode_string(self.source, node)
        return self.source.text(node)

    def _export_from(self, clause: Node, source_node: Node) -> None:
        for name, exported, _ in self._specifiers(clause):
            binding = self._binding(name, source_node)
            if binding.target is None and binding.package is None:
                return  # the module that failed is already reported
            self.scope.exports[exported] = binding
            self.scope.reexports.append(exported)

    def _export_local(self, clause: Node) -> None:
        for name, exported, node in self._specifiers(clause):
            self.scope.exports[exported] = name
            self.scope.reexports.append(exported)
            self.scope.reexport_spans[exported] = self.source.span(node)

    def _import(self, clause: Node, source_node: Node) -> None:
        for child in clause.named_children:
            if child.type == "named_imports":
                for name, local, _ in self._specifiers(child):
                    self.scope.imports[local] = self._binding(name, source_node)
            elif child.type == "identifier":
                self.scope.imports[self.source.text(child)] = self._binding("default", source_node)
            elif child.type == "namespace_import":
                for ident in child.named_children:
                    self.scope.imports[self.source.text(ident)] = self._binding("*", source_node)
