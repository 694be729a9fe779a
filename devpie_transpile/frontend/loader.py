"""`load`: the entry file and the files it follows -> a validated `ir.Module`.

Names are resolved per file (its declarations, then its imports), so a type is
identified by where it is declared (`DeclSite`), and known in the module by the
first name it was reached under: the entry file's declarations, then what the entry
re-exports, then whatever those refer to, in the order reached.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from pathlib import Path

from tree_sitter import Node

from .. import ir
from .._gc import few_collections
from ..diagnostics import Diagnostic, TranspileError
from ..messages import find_messages
from ..validate import problems
from .comments import doc_comment
from .consts import const_type
from .decls import convert_decl, template_body, type_parameters
from .evaluate import EvalError, arg_name, rehint, rehint_fields
from .files import Binding, DeclSite, FileScope, ScopeBuilder, display_path, project_root
from .fs import DISK, FileSystem
from .libtypes import library_type
from .resolve import Found as FoundFile
from .resolve import ModuleResolver, Package
from .source import SourceFile, parse_file
from .types import Binding as Bound
from .types import TypeConverter, type_key

MAX_EXTENDS = 50
MAX_INSTANTIATIONS = 50  # nested instantiations in progress: `Bad<T> { x: Bad<T[]> }`

Found = DeclSite | Binding | None
InstanceKey = tuple[int, tuple[tuple[object, bool], ...]]


def _object_template(site: DeclSite) -> bool:
    """An interface, or an alias of an object literal: its instantiations are objects."""
    if site.kind == "interface":
        return True
    value = site.node.child_by_field_name("value")
    while value is not None and value.type == "parenthesized_type" and value.named_children:
        value = value.named_children[0]
    return value is not None and value.type == "object_type"


def is_template(site: DeclSite) -> bool:
    """A generic declaration: it renders only through its instantiations."""
    return bool(type_parameters(site))


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
        self.resolver = ModuleResolver(self.root, entry, self.show, self.errors, note, fs)
        self.files: dict[str, SourceFile | None] = {}
        self.scopes: dict[SourceFile, FileScope] = {}
        self.pending: deque[SourceFile] = deque()
        self.followed: dict[tuple[str, int], tuple[SourceFile | None, str | None]] = {}
        self.lookups: dict[tuple[SourceFile, str], Found] = {}
        self.exports: dict[tuple[SourceFile, str], Found] = {}
        # naming and conversion
        self.names: dict[DeclSite, str] = {}
        self.by_name: dict[str, DeclSite] = {}
        self.worklist: deque[DeclSite] = deque()
        self.extra: dict[str, ir.Decl] = {}  # re-export aliases, hoisted declarations
        self.order: list[str] = []
        self.converted: dict[DeclSite, ir.Decl] = {}
        self.in_progress: list[DeclSite] = []
        self.member_names: dict[DeclSite, frozenset[str]] = {}  # enum -> its member names
        self.skipped: list[DeclSite] = []  # re-exported non-types, noted unless used
        # evaluation: instantiations of generic declarations and hoisted declarations
        self.instances: dict[InstanceKey, str] = {}  # hoisted instantiation -> its name
        self.evaluated: dict[InstanceKey, ir.Type] = {}  # memo: (template, args) -> type
        self.evaluating: list[InstanceKey] = []
        self.deferred: dict[InstanceKey, list[tuple[str, DeclSite, ir.Span]]] = {}
        self.hoisted: dict[str, ir.Span] = {}  # names of hoisted declarations
        self.before: dict[str, list[str]] = {}  # declaration -> hoisted ones rendered before it
        self.owners: list[str] = []  # the declarations being built, innermost last
        self.instantiated: set[DeclSite] = set()

    # -- files --------------------------------------------------------------------

    def show(self, path: Path) -> str:
        """`path` as diagnostics name it (`HEAD:src/x.ts` when read from a revision)."""
        return self.fs.label + display_path(path, self.display_root)

    def _open(self, path: Path) -> SourceFile | None:
        real = os.path.realpath(path)
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

    def follow(
        self, source: SourceFile, node: Node, specifier: str
    ) -> tuple[SourceFile | None, str | None]:
        """The file `specifier` leads to, or the npm package it names; (None, None) when
        it leads nowhere (reported at `node`)."""
        key = (os.path.realpath(source.path), node.id)
        if key in self.followed:
            return self.followed[key]
        found = self.resolver.resolve(source.path, specifier)
        result: tuple[SourceFile | None, str | None] = (None, None)
        if isinstance(found, FoundFile):
            result = (self._open(found.path), None)
        elif isinstance(found, Package):
            result = (None, found.name)
        else:
            self.errors.append(Diagnostic(found.message, span=source.span(node)))
        self.followed[key] = result
        return result

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
    #
    # Every query walks the import/re-export graph visiting each (file, name) at most
    # once, so cycles end and a name no file exports is answered in linear time (an
    # `export *` cycle used to be explored path by path: exponential).

    def lookup(self, source: SourceFile, name: str, context: DeclSite | None = None) -> Found:
        """What `name` means in `source` (inside namespace `context`, if given)."""
        while context is not None:
            if name in context.members:
                return context.members[name]
            context = context.parent
        key = (source, name)
        if key not in self.lookups:
            self.lookups[key] = self._lookup(source, name, set())
        return self.lookups[key]

    def _lookup(
        self, source: SourceFile, name: str, visiting: set[tuple[SourceFile, str]]
    ) -> Found:
        scope = self.scopes.get(source)
        if scope is None:
            return None
        if name in scope.decls:
            return scope.decls[name]
        binding = scope.imports.get(name)
        if binding is None:
            return None
        return self._exported(binding, visiting)

    def exported(self, binding: Binding) -> Found:
        return self._exported(binding, set())

    def _exported(self, binding: Binding, visiting: set[tuple[SourceFile, str]]) -> Found:
        if binding.target is None or binding.name == "*":
            return binding  # a package, a failed module, or `import * as ns`
        return self._find_export(binding.target, binding.name, visiting)

    def find_export(self, source: SourceFile, name: str) -> Found:
        """The declaration module `source` exports as `name` (following re-exports)."""
        key = (source, name)
        if key not in self.exports:
            self.exports[key] = self._find_export(source, name, set())
        return self.exports[key]

    def _find_export(
        self, source: SourceFile, name: str, visiting: set[tuple[SourceFile, str]]
    ) -> Found:
        scope = self.scopes.get(source)
        if scope is None or (source, name) in visiting:
            return None
        visiting.add((source, name))
        entry = scope.exports.get(name)
        if isinstance(entry, DeclSite):
            return entry
        if isinstance(entry, Binding):
            return self._exported(entry, visiting)
        if isinstance(entry, str):
            return self._lookup(source, entry, visiting)
        if name == "default":
            return None
        found: Found = None
        first: Binding | None = None
        for star in scope.star_exports:  # each is explored: two answers are ambiguous
            if star.target is None:
                continue
            other = self._find_export(star.target, name, visiting)
            if other is None:
                continue
            if first is None:
                found, first = other, star
            elif other is not found and isinstance(other, DeclSite):
                self._error(
                    star.span,
                    f'{name} is exported by both "{first.specifier}" and "{star.specifier}" '
                    "through `export *`; re-export the one meant explicitly",
                )
        return found

    def export_names(self, source: SourceFile) -> list[str]:
        """Every name `source` exports, its own first, then through `export *`."""
        names: dict[str, None] = {}
        seen_files: set[SourceFile] = set()
        stack = [source]
        while stack:
            current = stack.pop()
            if current in seen_files or current not in self.scopes:
                continue
            seen_files.add(current)
            scope = self.scopes[current]
            names.update((n, None) for n in scope.exports if n != "default")
            stack.extend(s.target for s in reversed(scope.star_exports) if s.target is not None)
        return list(names)

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
        if name in self.hoisted:
            self.errors.append(
                Diagnostic(
                    f"{name} is declared twice (also generated at {self.hoisted[name]})",
                    span=site.span,
                )
            )
            return name
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

    def _context(self, source: SourceFile) -> DeclSite | None:
        """The namespace the declaration being converted sits in (names resolve there first)."""
        if self.in_progress and self.in_progress[-1].file is source:
            return self.in_progress[-1].parent
        return None

    def _site(self, source: SourceFile, name: str, span: ir.Span) -> DeclSite | None:
        resolved = self._resolve_path(source, name.split("."), span)
        if resolved is None:
            return None
        site, member = resolved
        if member is not None:
            self._error(span, f"{name} is an enum member, not a type here")
            return None
        return self._shape(site, name, span)

    def _shape(self, site: DeclSite, name: str, span: ir.Span) -> DeclSite | None:
        if site.shape:
            return site
        what = "a namespace" if site.kind == "namespace" else f"a {site.kind}"
        self._error(
            span,
            f"{name} is {what}, not a type that can be generated "
            "(only enums, interfaces, type aliases and classes)",
        )
        return None

    def _resolve_path(
        self, source: SourceFile, parts: list[str], span: ir.Span
    ) -> tuple[DeclSite, str | None] | None:
        """`A` or `A.B.C` (through namespaces and `import * as A`) to a declaration and,
        for `Enum.Member`, the member; None when reported."""
        head = parts[0]
        found = self.lookup(source, head, self._context(source))
        rest = parts[1:]
        while rest and isinstance(found, Binding) and found.name == "*" and found.target:
            found = self.find_export(found.target, rest[0])  # `ns.X` of `import * as ns`
            if found is None:
                self._error(span, f'"{self._binding_of(source, head)}" does not export {rest[0]}')
                return None
            head, rest = f"{head}.{rest[0]}", rest[1:]
        if isinstance(found, Binding):
            if found.package is not None:
                self._error(
                    span,
                    f"`{'.'.join(parts)}` comes from the npm package `{found.package}`, "
                    "which is not part of this project",
                )
            elif found.target is not None and found.name == "*":
                self._error(span, f"{head} is a module namespace, not a type")
            return None  # otherwise a module that failed, already reported
        if found is None:
            self._unknown(source, head, span)
            return None
        for i, member in enumerate(rest):
            inner = found.members.get(member)
            if inner is not None and member in found.exported_members:
                found = inner
                continue
            if found.kind == "enum" and i == len(rest) - 1:
                return found, member
            if found.kind != "namespace" and not found.members:
                self._error(span, f"{'.'.join(parts[: i + 1])} is not a namespace or an enum")
            else:
                self._error(span, f"namespace {'.'.join(parts[: i + 1])} does not export {member}")
            return None
        assert isinstance(found, DeclSite)
        return found, None

    def _binding_of(self, source: SourceFile, name: str) -> str:
        scope = self.scopes.get(source)
        binding = scope.imports.get(name) if scope is not None else None
        return binding.specifier if binding is not None else name

    def _unknown(self, source: SourceFile, name: str, span: ir.Span) -> None:
        binding = self.scopes[source].imports.get(name) if source in self.scopes else None
        library = library_type(name)
        if binding is not None:
            self._error(span, f'"{binding.specifier}" does not export {binding.name}')
        elif name in ("Array", "ReadonlyArray", "Record"):
            self._error(span, f"{name} needs type arguments")
        elif library is not None:
            self._error(
                span,
                f"`{name}` is a {library} library type, not part of this project "
                "(it has no JSON shape to generate)",
            )
        else:
            self._error(span, f"unknown type {name}")

    def ref(self, source: SourceFile, name: str, span: ir.Span) -> ir.Type:
        site = self._site(source, name, span)
        if site is None:
            return ir.Prim("any", span)
        if is_template(site):
            params = ", ".join(p for p, _ in type_parameters(site))
            return self._error(
                span, f"{name} is generic ({name}<{params}>): use it with type arguments"
            )
        return ir.Ref(self.name_of(site), span)

    # -- evaluation -----------------------------------------------------------------

    def declares(self, source: SourceFile, name: str) -> bool:
        """Whether `name` (or the head of `A.B`) is declared or imported in `source`."""
        return self.lookup(source, name.split(".")[0], self._context(source)) is not None

    def decl_named(self, name: str) -> ir.Decl | None:
        if name in self.extra:
            return self.extra[name]
        if name in self.hoisted:
            raise EvalError(f"{name} is used to build its own type")
        site = self.by_name.get(name)
        if site is None:
            return None
        if site in self.in_progress:
            raise EvalError(f"{name} is used to build its own type")
        return self.decl(site)

    def _claim(self, name: str, span: ir.Span, what: str) -> bool:
        """Reserve `name` for a hoisted declaration, rendered before the current one."""
        site = self.by_name.get(name)
        if site is not None or name in self.hoisted:
            first = site.span if site is not None else self.hoisted[name]
            self._error(span, f"{what} is named {name}, like the declaration at {first}")
            return False
        self.hoisted[name] = span
        owner = self.owners[-1] if self.owners else ""
        self.before.setdefault(owner, []).append(name)
        return True

    def hoist(self, decl: ir.Interface) -> ir.Type:
        if not self._claim(decl.name, decl.span, f"the union member {decl.name}"):
            return ir.Prim("any", decl.span)
        self.extra[decl.name] = decl
        return ir.Ref(decl.name, decl.span)

    def instantiate(
        self, source: SourceFile, name: str, args: list[Bound], hint: str, span: ir.Span,
        hoist: bool,
    ) -> ir.Type:
        site = self._site(source, name, span)
        if site is None:
            return ir.Prim("any", span)
        params = type_parameters(site)
        if not params:
            return self._error(span, f"{name} is not generic, so it takes no type arguments")
        if len(args) > len(params):
            return self._error(
                span, f"{name} takes at most {len(params)} type arguments, not {len(args)}"
            )
        env: dict[str, Bound] = {}
        defaults = TypeConverter(site.file, self, self.errors, env)
        for i, (param, default) in enumerate(params):
            if i < len(args):
                env[param] = args[i]
            elif default is not None:
                env[param] = defaults.convert_optional(default, hint, 0)
            else:
                return self._error(span, f"{name} needs a type argument for {param}")
        self.instantiated.add(site)
        key: InstanceKey = (
            id(site),
            tuple((type_key(t, structural=True), u) for t, u in env.values()),
        )
        display = site.name + "".join(arg_name(t) for t, _ in args)
        if not hoist:
            return rehint(self._evaluate(site, key, env, display, span), hint)
        known = self.instances.get(key)
        if known is not None:
            return ir.Ref(known, span)
        what = f"the instantiation {name}<...>"
        if _object_template(site):  # named before its body, which may use it
            if not self._claim(display, span, what):
                return ir.Prim("any", span)
            self.instances[key] = display
            self.owners.append(display)
            try:
                if key in self.evaluating:
                    self.deferred.setdefault(key, []).append((display, site, span))
                else:
                    t = self._evaluate(site, key, env, display, span)
                    self._hoisted(display, site, t, span)
                    if display not in self.extra:  # its body failed: reported already
                        return ir.Prim("any", span)
            finally:
                self.owners.pop()
            return ir.Ref(display, span)
        t = self._evaluate(site, key, env, display, span)
        if not isinstance(t, ir.Object):
            return rehint(t, hint)
        if not self._claim(display, span, what):
            return ir.Prim("any", span)
        self.instances[key] = display
        self._hoisted(display, site, t, span)
        return ir.Ref(display, span)

    def _hoisted(self, name: str, site: DeclSite, t: ir.Type, span: ir.Span) -> None:
        if isinstance(t, ir.Object):
            doc = doc_comment(site.file, site.statement)
            self.extra[name] = ir.Interface(name, rehint_fields(t.fields, name), (), doc, span)
        elif isinstance(t, ir.Map):
            self.extra[name] = ir.Alias(name, rehint(t, name), None, span)

    def _evaluate(
        self, site: DeclSite, key: InstanceKey, env: dict[str, Bound], canonical: str,
        span: ir.Span,
    ) -> ir.Type:
        """The type of a generic declaration with its parameters bound, evaluated once."""
        known = self.evaluated.get(key)
        if known is not None:
            return known
        if key in self.evaluating:
            return self._error(span, f"{canonical} is defined in terms of itself")
        if len(self.evaluating) >= MAX_INSTANTIATIONS:
            return self._error(
                span, f"instantiations nest too deeply (more than {MAX_INSTANTIATIONS})"
            )
        self.evaluating.append(key)
        self.in_progress.append(site)  # names in its body resolve in its namespace
        try:
            converter = TypeConverter(site.file, self, self.errors, dict(env))
            t = template_body(site, canonical, converter, self, self.errors)
        finally:
            self.evaluating.pop()
            self.in_progress.pop()
        self.evaluated[key] = t
        for name, template, use in self.deferred.pop(key, []):
            self._hoisted(name, template, t, use)
        return t

    def type_of(
        self, source: SourceFile, name: str, hint: str, span: ir.Span, elements: bool
    ) -> ir.Type:
        return const_type(self, self.errors, source, name, hint, span, elements)

    def value_site(self, source: SourceFile, name: str) -> DeclSite | None:
        """The constant (or enum) `name` means as a value in `source`."""
        scope = self.scopes.get(source)
        if scope is None:
            return None
        if name in scope.values:
            return scope.values[name]
        site = scope.decls.get(name)
        if site is not None:  # an enum; a class or function: refused by `typeof`
            return site if site.kind in ("enum", "class", "function") else None
        binding = scope.imports.get(name)
        if binding is None or binding.target is None:
            return None
        target = self.scopes.get(binding.target)
        if target is not None and binding.name in target.values:
            return target.values[binding.name]
        found = self.exported(binding)
        return found if isinstance(found, DeclSite) and found.kind == "enum" else None

    def enum_ref(self, site: DeclSite, span: ir.Span) -> ir.Type:
        return ir.Ref(self.name_of(site), span)

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
        """`Enum.Member`, or `Namespace.Type` (`enum` may be dotted: `A.B.Type`)."""
        resolved = self._resolve_path(source, [*enum.split("."), member], span)
        if resolved is None:
            return ir.Prim("any", span)
        site, pending = resolved
        if pending is None:
            shape = self._shape(site, f"{enum}.{member}", span)
            return ir.Prim("any", span) if shape is None else ir.Ref(self.name_of(shape), span)
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
        if is_template(base):
            params = ", ".join(p for p, _ in type_parameters(base))
            self._error(span, f"{name} is generic ({name}<{params}>): use it with type arguments")
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
            self.owners.append(name)
            try:
                self.converted[site] = convert_decl(site, name, self, self.errors)
            finally:
                self.in_progress.pop()
                self.owners.pop()
        return self.converted[site]

    def build(self) -> ir.Module:
        entry = self.load_files()
        if entry is None:
            raise TranspileError(self.errors)
        entry_scope = self.scopes[entry]
        public = _public_names(entry_scope)
        for site in entry_scope.order:
            if site.rendered and not is_template(site):
                self.name_of(site, public.get(site))
        for item in entry_scope.reexports:
            if isinstance(item, Binding):
                if item.target is not None:
                    for name in self.export_names(item.target):
                        self._root(self.find_export(item.target, name), name)
                continue
            what = entry_scope.exports[item]
            if isinstance(what, str):  # `export { A as B }` of an import
                found = self.lookup(entry, what)
                if isinstance(found, DeclSite) and found.file is entry:
                    if found.rendered:  # named above; a second name is an alias
                        self.name_of(found, item)
                    continue
                span = entry_scope.reexport_spans.get(item)
                if found is None and span is not None:
                    self._error(span, f"cannot export {what}: it is not declared")
                self._root(found, item)
                continue
            assert isinstance(what, Binding)
            found = self.exported(what)
            if found is None and what.target is not None:
                self._error(what.span, f'"{what.specifier}" does not export {what.name}')
            self._root(found, item)
        while self.worklist:
            self.decl(self.worklist.popleft())
        for message, noted in entry_scope.notes:
            if noted is None or noted not in self.names:
                self.note(message)
        for skipped in self.skipped:
            if skipped not in self.names:
                span = skipped.file.span(skipped.node)
                what = f"{skipped.kind} {skipped.qualified}"
                self.note(f"{span}: note: skipping {what} (not a message type)")
        for site in entry_scope.order:
            if is_template(site) and site not in self.instantiated:
                self.note(
                    f"{site.span}: note: generic {site.kind} {site.name} renders nothing: "
                    "no instantiation uses it"
                )
        decls: dict[str, ir.Decl] = {}
        for name in [*self.before.get("", []), *self.order]:
            self._place(name, decls)
        module = ir.Module(
            display_path(self.entry, self.display_root), decls, self._messages(decls)
        )
        self.errors.extend(problems(module))
        if self.errors:
            raise TranspileError(_unique(self.errors))
        return module

    def _place(self, name: str, decls: dict[str, ir.Decl]) -> None:
        """`name` into `decls`, after the hoisted declarations it uses first (iterative)."""
        stack: list[tuple[str, bool]] = [(name, False)]
        while stack:
            current, ready = stack.pop()
            if current in decls:
                continue
            if ready:
                if current in self.extra:
                    decls[current] = self.extra[current]
                elif current in self.by_name and self.by_name[current] in self.converted:
                    decls[current] = self.converted[self.by_name[current]]
                continue
            stack.append((current, True))
            stack.extend((h, False) for h in reversed(self.before.get(current, [])))

    def _root(self, found: Found, exported: str) -> None:
        """A declaration the entry re-exports as `exported`: rendered (a namespace: its
        exported members), or noted if it is not a type."""
        if isinstance(found, Binding) and found.name == "*" and found.target is not None:
            for name in self.export_names(found.target):  # `export * as ns from`
                self._root(self.find_export(found.target, name), name)
        if not isinstance(found, DeclSite):
            return  # a package's names (nothing to generate), or already reported
        if is_template(found):
            self.instantiated.add(found)  # re-exported: not a candidate for the note
        elif found.rendered:
            self.name_of(found, None if exported in ("default", found.local) else exported)
        elif found.kind != "namespace" and found not in self.skipped:
            self.skipped.append(found)
        for member in found.exported_members:
            self._root(found.members[member], member)

    def _messages(self, decls: dict[str, ir.Decl]) -> tuple[ir.Message, ...]:
        messages, errors = find_messages(decls, self.note)
        self.errors.extend(errors)
        return messages


def _public_names(scope: FileScope) -> dict[DeclSite, str]:
    """Entry declarations exported only under another name (`export { A as B }`): B."""
    own = {n for n, e in scope.exports.items() if isinstance(e, DeclSite) or e == n}
    renamed: dict[DeclSite, str] = {}
    for exported, local in scope.exports.items():
        if not isinstance(local, str) or exported == "default" or local in own:
            continue
        site = scope.decls.get(local)
        if site is not None and exported != local and site not in renamed:
            renamed[site] = exported
    return renamed


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
    finally:
        # The loader's graph is cyclic (its resolver calls back into it), so only a full
        # collection would free it, and with it every file's bytes and parse tree: at
        # 10,000 messages 115 MB that would otherwise live on through rendering. The
        # module holds none of it (spans are plain text and numbers).
        vars(loader).clear()

