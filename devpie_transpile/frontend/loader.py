"""`load`: the entry file and the files it follows -> a validated `ir.Module`.

Names are resolved per file (its declarations, then its imports), so a type is
identified by where it is declared (`DeclSite`), and known in the module by the
first name it was reached under: the entry file's declarations, then what the entry
re-exports, then whatever those refer to, in the order reached.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path

from tree_sitter import Node

from .. import ir
from .._gc import few_collections
from ..diagnostics import Diagnostic, TranspileError
from ..validate import problems
from .decls import convert_decl
from .files import (
    Binding,
    DeclSite,
    FileScope,
    ScopeBuilder,
    display_path,
    project_root,
    resolve_specifier,
)
from .fs import DISK, FileSystem
from .source import SourceFile, parse_file

MAX_EXTENDS = 50
MAX_REEXPORT_HOPS = 100

Found = DeclSite | Binding | None


class Loader:
    """One load: files, scopes, the names given to declarations, collected errors."""

    def __init__(
        self,
        entry: Path,
        display_root: Path,
        note: Callable[[str], None],
        fs: FileSystem = DISK,
    ) -> None:
        self.entry = entry
        self.display_root = display_root
        self.note = note
        self.fs = fs
        self.errors: list[Diagnostic] = []
        self.root = project_root(entry, fs)
        self.files: dict[Path, SourceFile | None] = {}
        self.scopes: dict[SourceFile, FileScope] = {}
        self.pending: deque[SourceFile] = deque()
        self.followed: dict[tuple[Path, int], SourceFile | None] = {}
        # naming and conversion
        self.names: dict[DeclSite, str] = {}
        self.by_name: dict[str, DeclSite] = {}
        self.worklist: deque[DeclSite] = deque()
        self.extra: dict[str, ir.Alias] = {}
        self.order: list[str] = []
        self.converted: dict[DeclSite, ir.Decl] = {}
        self.in_progress: list[DeclSite] = []
        self.member_names: dict[DeclSite, frozenset[str]] = {}  # enum -> its member names

    # -- files --------------------------------------------------------------------

    def show(self, path: Path) -> str:
        """`path` as diagnostics name it (`HEAD:src/x.ts` when read from a revision)."""
        return self.fs.label + display_path(path, self.display_root)

    def _open(self, path: Path) -> SourceFile | None:
        real = path.resolve()
        if real in self.files:
            return self.files[real]
        try:
            source: SourceFile | None = parse_file(path, self.show(path), self.fs)
        except TranspileError as exc:
            self.errors.extend(exc.diagnostics)
            source = None
        self.files[real] = source
        if source is not None:
            self.pending.append(source)
        return source

    def follow(self, source: SourceFile, node: Node, specifier: str) -> SourceFile | None:
        key = (source.path.resolve(), node.id)
        if key in self.followed:
            return self.followed[key]
        path, problem = resolve_specifier(source.path, specifier, self.root, self.show, self.fs)
        target = None
        if problem is not None:
            self.errors.append(Diagnostic(problem, span=source.span(node)))
        elif path is not None:
            target = self._open(path)
        self.followed[key] = target
        return target

    def load_files(self) -> SourceFile | None:
        entry = self._open(self.entry)
        while self.pending:
            source = self.pending.popleft()
            scope = ScopeBuilder(source, self.follow, self.errors).build()
            self.scopes[source] = scope
            for name in scope.imports:
                if name in scope.decls:
                    self.errors.append(
                        Diagnostic(
                            f"{name} is declared twice (also imported)", span=scope.decls[name].span
                        )
                    )
        return entry

    # -- resolution ---------------------------------------------------------------

    def lookup(self, source: SourceFile, name: str, hops: int = 0) -> Found:
        """What `name` means in `source`: a declaration, an unfollowed import, or None."""
        scope = self.scopes.get(source)
        if scope is None:
            return None
        if name in scope.decls:
            return scope.decls[name]
        binding = scope.imports.get(name)
        if binding is None:
            return None
        return self.exported(binding, hops + 1)

    def exported(self, binding: Binding, hops: int = 0) -> Found:
        if binding.target is None:
            return binding
        return self.find_export(binding.target, binding.name, hops + 1)

    def find_export(self, source: SourceFile, name: str, hops: int = 0) -> Found:
        """The declaration module `source` exports as `name` (following re-exports)."""
        scope = self.scopes.get(source)
        if scope is None or hops > MAX_REEXPORT_HOPS:
            return None
        entry = scope.exports.get(name)
        if isinstance(entry, DeclSite):
            return entry
        if isinstance(entry, Binding):
            return self.exported(entry, hops + 1)
        if isinstance(entry, str):
            return self.lookup(source, entry, hops + 1)
        if name == "default":
            return None
        for star in scope.star_exports:
            if star.target is not None:
                found = self.find_export(star.target, name, hops + 1)
                if found is not None:
                    return found
        return None

    def export_names(self, source: SourceFile) -> list[str]:
        """Every name `source` exports, its own first, then through `export *`."""
        names: list[str] = []
        seen_files: set[SourceFile] = set()
        stack = [source]
        while stack:
            current = stack.pop()
            if current in seen_files or current not in self.scopes:
                continue
            seen_files.add(current)
            scope = self.scopes[current]
            names.extend(n for n in scope.exports if n not in names and n != "default")
            stack.extend(s.target for s in reversed(scope.star_exports) if s.target is not None)
        return names

    # -- naming -------------------------------------------------------------------

    def name_of(self, site: DeclSite, name: str | None = None) -> str:
        """The module name of `site`, giving it one (and queueing it) when first reached."""
        if site in self.names:
            known = self.names[site]
            if name is not None and name != known and name not in self.by_name:
                # re-exported under a second name: an alias of the first
                self.extra[name] = ir.Alias(name, ir.Ref(known, site.span), None, site.span)
                self.order.append(name)
            return known
        name = name or site.name
        other = self.by_name.get(name)
        if other is not None:
            self.errors.append(
                Diagnostic(f"{name} is declared twice (first at {other.span})", span=site.span)
            )
            return name
        self.names[site] = name
        self.by_name[name] = site
        self.order.append(name)
        self.worklist.append(site)
        return name

    # -- the Resolver protocol ----------------------------------------------------

    def _error(self, span: ir.Span, message: str) -> ir.Type:
        self.errors.append(Diagnostic(message, span=span))
        return ir.Prim("any", span)

    def _site(self, source: SourceFile, name: str, span: ir.Span) -> DeclSite | None:
        found = self.lookup(source, name)
        if isinstance(found, DeclSite):
            if not found.rendered:
                self._error(
                    span,
                    f"{name} is a {found.kind}, not a type that can be generated "
                    "(only enums, interfaces and type aliases)",
                )
                return None
            return found
        if isinstance(found, Binding):
            if not found.specifier.startswith("."):
                self._error(
                    span,
                    f'{name} is imported from "{found.specifier}", which is not followed '
                    "(only relative imports are)",
                )
            return None  # a relative module that failed is already reported
        binding = self.scopes[source].imports.get(name) if source in self.scopes else None
        if binding is not None:
            self._error(span, f'"{binding.specifier}" does not export {binding.name}')
        elif name in ("Array", "ReadonlyArray", "Record"):
            self._error(span, f"{name} needs type arguments")
        else:
            self._error(span, f"unknown type {name}")
        return None

    def ref(self, source: SourceFile, name: str, span: ir.Span) -> ir.Type:
        site = self._site(source, name, span)
        if site is None:
            return ir.Prim("any", span)
        return ir.Ref(self.name_of(site), span)

    def declares(self, source: SourceFile, name: str) -> bool:
        """Whether `name` means something in `source` (a `Date` of its own shadows the global)."""
        return self.lookup(source, name) is not None

    def member_value(
        self, source: SourceFile, enum: str, member: str, span: ir.Span
    ) -> str | int | None:
        """The value of `enum.member` (a computed property key), or None once reported."""
        ref = self.enum_member(source, enum, member, span)
        if not isinstance(ref, ir.EnumMemberRef):
            return None
        decl = self.decl(self.by_name[ref.enum])
        assert isinstance(decl, ir.Enum)
        return next(m.value for m in decl.members if m.name == member)

    def enum_member(self, source: SourceFile, enum: str, member: str, span: ir.Span) -> ir.Type:
        site = self._site(source, enum, span)
        if site is None:
            return ir.Prim("any", span)
        if site.kind != "enum":
            return self._error(span, f"{enum} is not an enum, so {enum}.{member} is not a type")
        names = self.member_names.get(site)
        if names is None:  # indexed once per enum: a message per member must stay linear
            decl = self.decl(site)
            assert isinstance(decl, ir.Enum)
            names = self.member_names[site] = frozenset(m.name for m in decl.members)
        if member not in names:
            return self._error(span, f"enum {enum} has no member {member}")
        return ir.EnumMemberRef(self.name_of(site), member, span)

    def base_interface(self, site: DeclSite, node: Node) -> ir.Interface | None:
        name = site.file.text(node)
        span = site.file.span(node)
        base = self._site(site.file, name, span)
        if base is None:
            return None
        if base in self.in_progress:
            self._error(span, f"{site.name} extends itself (through {name})")
            return None
        if len(self.in_progress) > MAX_EXTENDS:
            self._error(span, f"too many levels of `extends` (more than {MAX_EXTENDS})")
            return None
        self.name_of(base)
        decl = self.decl(base)
        if not isinstance(decl, ir.Interface):
            self._error(span, f"{site.name} can only extend an interface; {name} is not one")
            return None
        return decl

    # -- conversion ---------------------------------------------------------------

    def decl(self, site: DeclSite) -> ir.Decl:
        if site not in self.converted:
            name = self.name_of(site)
            self.in_progress.append(site)
            try:
                self.converted[site] = convert_decl(site, name, self, self.errors)
            finally:
                self.in_progress.pop()
        return self.converted[site]

    def build(self) -> ir.Module:
        entry = self.load_files()
        if entry is None:
            raise TranspileError(self.errors)
        entry_scope = self.scopes[entry]
        for message in entry_scope.notes:
            self.note(message)
        for site in entry_scope.order:
            if site.rendered:
                self.name_of(site)
        for item in entry_scope.reexports:
            if isinstance(item, Binding):
                if item.target is not None:
                    for exported in self.export_names(item.target):
                        self._root(self.find_export(item.target, exported), exported, item)
            else:
                binding = entry_scope.exports[item]
                assert isinstance(binding, Binding)
                found = self.exported(binding)
                if found is None and binding.target is not None:
                    self.errors.append(
                        Diagnostic(
                            f'"{binding.specifier}" does not export {binding.name}',
                            span=binding.span,
                        )
                    )
                self._root(found, item, binding)
        while self.worklist:
            self.decl(self.worklist.popleft())
        decls: dict[str, ir.Decl] = {}
        for name in self.order:
            if name in self.extra:
                decls[name] = self.extra[name]
            else:
                decls[name] = self.converted[self.by_name[name]]
        module = ir.Module(
            display_path(self.entry, self.display_root), decls, self._messages(decls)
        )
        self.errors.extend(problems(module))
        if self.errors:
            raise TranspileError(_unique(self.errors))
        return module

    def _root(self, found: Found, exported: str, via: Binding) -> None:
        if isinstance(found, DeclSite):
            if found.rendered:
                self.name_of(found, exported)
            else:
                span = found.file.span(found.node)
                self.note(f"{span}: note: skipping {found.kind} {found.name} (not a message type)")
        elif isinstance(found, Binding) and not found.specifier.startswith("."):
            pass  # re-exporting a package's names: nothing to generate

    def _messages(self, decls: dict[str, ir.Decl]) -> tuple[ir.Message, ...]:
        messages: list[ir.Message] = []
        owners: dict[str, str] = {}
        values = _string_values(decls)
        for decl in decls.values():
            if not isinstance(decl, ir.Interface):
                continue
            for f in decl.fields:
                if f.name != "type" or f.optional:
                    continue
                value = _discriminator(f.type, values)
                if value is None:
                    continue
                if value in owners:
                    self.errors.append(
                        Diagnostic(
                            f'message type "{value}" is already used by {owners[value]}',
                            span=f.type.span,
                        )
                    )
                    continue
                owners[value] = decl.name
                messages.append(ir.Message(decl.name, value))
        return tuple(messages)


def _string_values(decls: dict[str, ir.Decl]) -> dict[tuple[str, str], str]:
    """(enum, member) -> value of every string member: one index, not a scan per message."""
    values: dict[tuple[str, str], str] = {}
    for name, decl in decls.items():
        if isinstance(decl, ir.Enum):
            for m in decl.members:
                if isinstance(m.value, str):
                    values.setdefault((name, m.name), m.value)
    return values


def _discriminator(t: ir.Type, values: dict[tuple[str, str], str]) -> str | None:
    if isinstance(t, ir.Literal) and isinstance(t.value, str):
        return t.value
    if isinstance(t, ir.EnumMemberRef):
        return values.get((t.enum, t.member))
    return None


def _unique(errors: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[Diagnostic] = set()
    out = []
    for d in errors:
        if d not in seen:
            seen.add(d)
            out.append(d)
    return out


def load(
    entry: Path,
    *,
    display_root: Path | None = None,
    note: Callable[[str], None] | None = None,
    fs: FileSystem = DISK,
) -> ir.Module:
    """Parse `entry` (a .ts file) and what it follows into a validated module.

    `fs` is where files are read from (the disk, or a git revision). Raises
    `TranspileError` with every problem found; never another exception for bad input.
    """
    loader = Loader(Path(entry), display_root or Path.cwd(), note or (lambda _: None), fs)
    try:
        with few_collections():
            return loader.build()
    except RecursionError:  # pragma: no cover - depth is guarded; this is a last resort
        raise TranspileError(
            Diagnostic(
                "input is nested too deeply", path=loader.show(Path(entry))
            )
        ) from None

