"""The Go backend: one gofmt-clean, vet-clean file of structs, enums and decoders.

Output is built as lines, joined once per declaration; names come from names.py (which
refuses collisions before anything is rendered), types from types.py, layout from
gofmt, and the shared helpers from runtime.py. See docs/generated-code.md.
"""

from __future__ import annotations

from ... import ir
from ..._compat import assert_never
from ..._gc import few_collections
from ...diagnostics import Diagnostic, TranspileError
from ...messages import Tagged, enum_values, show
from .. import Target, header, header_source
from ..unions import MIXED_ENUMS, tagged_union
from .encode import EncodeWriter
from .gofmt import align, clean_text, comment_lines, doc_comment
from .names import (
    PARSE_MESSAGE,
    GoNames,
    append_name,
    check_names,
    decl_objects,
    decoder_name,
    enum_union,
    go_string,
    is_go_identifier,
    is_mixed,
    is_valid_json_tag,
    parse_functions,
    scan_name,
    tuple_fields,
)
from .runtime import PACKAGES, runtime_for
from .scan import ScanWriter
from .types import GoType, TypeMapper


@few_collections()
def render_parts(module: ir.Module, target: Target) -> dict[str, list[str]]:
    """`go.mod` and `<package>.go` for `module`, each as the parts its text joins.

    The parts are never joined here: at 10,000 messages the file is 85 MB, and a
    writer that takes the parts one by one never holds a second copy of it.
    """
    if not is_go_identifier(target.package) or not target.package.isascii():
        raise TranspileError(Diagnostic(f"Go package name {target.package!r} is not an identifier"))
    names, errors = check_names(module)
    mapper = TypeMapper(module, names)
    renderer = _Renderer(module, names, mapper, target.package)
    parts = renderer.render()
    errors.extend(renderer.recursive_fields())
    if errors or mapper.errors:
        # a type is mapped again for a struct's MarshalJSON: its refusal reported once
        raise TranspileError(list(dict.fromkeys(errors + mapper.errors)))
    mod = target.module or target.package
    go_mod = f"{header('//', module.source)}\n\nmodule {mod}\n\ngo 1.24\n"
    return {"go.mod": [go_mod], f"{target.package}.go": parts}


def render(module: ir.Module, target: Target) -> dict[str, str]:
    """`go.mod` and `<package>.go` for `module`."""
    return {name: "".join(parts) for name, parts in render_parts(module, target).items()}


def _one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


class _Renderer:
    """Renders declarations in module order, each followed by its hoisted structs."""

    def __init__(self, module: ir.Module, names: GoNames, mapper: TypeMapper, package: str) -> None:
        self.module = module
        self.names = names
        self.mapper = mapper
        self.package = package
        self.out: list[str] = []
        # struct -> (struct it holds by value, field): Go rejects such a cycle
        self.holds: dict[str, list[tuple[str, ir.Field]]] = {}
        # the inline objects each declaration hoists, in module order (walked once)
        self.objects = [decl_objects(d) for d in module.decls.values()]
        self.structs: set[str] = {
            d.name for d in module.decls.values() if isinstance(d, ir.Interface)
        } | {o.name for objects in self.objects for o in objects}
        self.enum_values = enum_values(module.decls)
        self.parse_functions = {alias.name: fn for alias, _, fn in parse_functions(module)}
        # every decoder expression and helper the code calls, for runtime_for: far
        # smaller than the file, which is never scanned
        self.uses: set[str] = set()
        self.scan = ScanWriter(module, mapper, self.uses)
        self.encode = EncodeWriter(module, mapper, self.uses)
        self.marshals = False  # whether a MarshalJSON calls json.Marshal

    def _flush(self, parts: list[str]) -> None:
        """The lines written since the last flush, as one part and its newline.

        A declaration's lines are joined as soon as it is written: the file is a few
        parts per declaration, not a list of its 3 million lines (150 MB of string
        objects at 10,000 messages). Joined groups of lines, each followed by a
        newline, are the lines joined by newlines, with the final newline.
        """
        if self.out:
            parts.append("\n".join(self.out))
            parts.append("\n")
            self.out.clear()

    def render(self) -> list[str]:
        """The file, as the parts it is the concatenation of."""
        source = _one_line(header_source(self.module.source))
        out = self.out
        out.append(header("//", self.module.source))
        out.append("")
        out.extend(
            doc_comment(
                f"Package {self.package} holds the message types of {source}: structs and "
                "enums that encode to the contract's JSON and validate it on decode."
            )
        )
        out.append(f"package {self.package}")
        parts: list[str] = []
        self._flush(parts)
        head = len(parts)  # the imports go here, once the declarations tell which
        emitted: set[tuple[str, ir.Span]] = set()
        for decl, objects in zip(self.module.decls.values(), self.objects, strict=True):
            if isinstance(decl, ir.Alias) and isinstance(decl.type, ir.Tuple) \
                    and is_mixed(decl.type):  # `type Pair = [A, B]`: the struct itself
                emitted.add((decl.type.name, decl.type.span))
                self._tuple_struct(decl.type, decl.doc)
            else:
                self._decl(decl)
            for obj in objects:
                if (obj.name, obj.span) in emitted:  # inherited: emitted with its base
                    continue
                emitted.add((obj.name, obj.span))
                if isinstance(obj, ir.Tuple):
                    self._tuple_struct(obj, None)
                else:
                    self._struct(obj.name, obj.fields, None)
            self._flush(parts)
        if self.module.messages:
            self._parse_message()
            self._flush(parts)
        runtime, packages = runtime_for(" ".join(self.uses))
        # what declarations themselves refer to: json.Marshal in MarshalJSON, errors.New
        # in ParseMessage (never scanned from text, where docs could lie)
        packages |= {"json"} if self.marshals else set()
        packages |= {"errors"} if self.module.messages else set()
        imports = sorted(PACKAGES[p] for p in packages)
        if imports:
            out.extend(["", "import (", *(f'\t"{path}"' for path in imports), ")"])
            imported: list[str] = []
            self._flush(imported)
            parts[head:head] = imported
        if runtime:
            out.extend(["", runtime])
            self._flush(parts)
        return parts

    def _decl(self, decl: ir.Decl) -> None:
        match decl:
            case ir.Enum():
                consts = [
                    (m.doc, self.names.consts[(decl.name, decl.name, m.name)], m.value)
                    for m in decl.members
                ]
                self._enum(decl.name, decl.kind, decl.doc, consts)
            case ir.Alias():
                if isinstance(decl.type, ir.Union):
                    tagged, _ = tagged_union(self.module, list(decl.type.members), decl.span)
                    if tagged:
                        self._sealed(decl, tagged)
                        self._parse_union(decl.name, tagged)
                        return
                enums = enum_union(self.module, decl)
                if enums is None:
                    self._alias(decl)
                    if isinstance(decl.type, ir.Union):  # a union of messages `| null`
                        rest = [m for m in decl.type.members if not _is_null(m)]
                        tagged, _ = tagged_union(self.module, rest, decl.span)
                        if tagged:
                            self._parse_union(decl.name, tagged)
                    return
                kinds = {e.kind for e in enums}
                if len(kinds) > 1:
                    self.mapper.errors.append(Diagnostic(MIXED_ENUMS, span=decl.type.span))
                    return
                consts = [
                    (m.doc, self.names.consts[(decl.name, e.name, m.name)], m.value)
                    for e in enums
                    for m in e.members
                ]
                self._enum(decl.name, kinds.pop() if kinds else "string", decl.doc, consts)
            case ir.Interface():
                self._struct(decl.name, decl.fields, decl.doc)
            case _:
                assert_never(decl)

    def _doc(self, doc: str | None) -> None:
        if doc:
            self.out.extend(doc_comment(doc))

    def _enum(
        self,
        name: str,
        kind: str,
        doc: str | None,
        consts: list[tuple[str | None, str, str | int]],
    ) -> None:
        out = self.out
        out.append("")
        self._doc(doc)
        out.append(f"type {name} {'string' if kind == 'string' else 'int'}")
        rows: list[list[str] | str] = []
        seen_consts: set[str] = set()
        by_value: dict[str | int, str] = {}
        for member_doc, const, value in consts:
            if const in seen_consts:
                continue
            seen_consts.add(const)
            by_value.setdefault(value, const)
            if member_doc:
                rows.extend(comment_lines(member_doc))
            literal = go_string(value) if isinstance(value, str) else str(value)
            rows.append([const, name, f"= {literal}"])
        if rows:
            out.append("")
            out.append("const (")
            out.extend(align(rows))
            out.append(")")
        self._unmarshal(name, "e")
        out.append("")
        out.extend(self.scan.enum(name, kind, list(by_value.values())))
        zero = '""' if kind == "string" else "0"
        out.append("")
        out.append(_decoder_head(name))
        var = "v" if by_value else "_"  # an enum without members accepts nothing
        if kind == "string":
            self.uses.add("decodeString")
            out.append(f"\t{var}, err := decodeString(raw, path)")
        else:
            self.uses.add("decodeInteger")
            out.append(f"\t{var}, err := decodeInteger(raw, path, {go_string(name)})")
        out.append("\tif err != nil {")
        out.append(f"\t\treturn {zero}, err")
        out.append("\t}")
        if by_value:
            out.append(f"\tswitch {name}(v) {{")
            out.append(f"\tcase {', '.join(by_value.values())}:")
            out.append(f"\t\treturn {name}(v), nil")
            out.append("\t}")
        self.uses.add("mismatchError")
        out.append(f"\treturn {zero}, mismatchError(path, {go_string(name)}, raw)")
        out.append("}")

    def _unmarshal(self, name: str, receiver: str) -> None:
        out = self.out
        out.append("")
        doc = f"UnmarshalJSON decodes JSON into the receiver and validates it as {name}."
        out.extend(doc_comment(doc))
        out.append(f"func ({receiver} *{name}) UnmarshalJSON(data []byte) error {{")
        self.uses.update(("fast", "precise"))
        out.append(f"\tvar v {name}")
        out.append(f"\tif !fast(data, {scan_name(name)}, &v) {{")
        out.append("\t\tvar err error")
        out.append(f"\t\tif v, err = precise(data, {decoder_name(name)}); err != nil {{")
        out.append("\t\t\treturn err")
        out.append("\t\t}")
        out.append("\t}")
        out.append(f"\t*{receiver} = v")
        out.append("\treturn nil")
        out.append("}")

    def _constants(self, name: str, fields: tuple[ir.Field, ...]) -> list[tuple[str, str, str]]:
        """(Go field, Go value, JSON value) of each constant field of a struct."""
        consts: list[tuple[str, str, str]] = []
        for f in fields:
            if f.optional:
                continue
            match f.type:
                case ir.EnumMemberRef(enum=enum, member=member):
                    value = self.enum_values.get((enum, member))
                    if value is None:
                        continue
                    go = self.names.consts[(enum, enum, member)]
                case ir.Literal(value=value) if not isinstance(value, float):
                    if isinstance(value, bool):
                        go = "true" if value else "false"
                    else:
                        go = go_string(value) if isinstance(value, str) else str(value)
                case _:
                    continue
            text = "true" if value is True else "false" if value is False else show(value)
            consts.append((self.names.fields[(name, f.name)], go, text))
        return consts

    def _leaves(self, fields: tuple[ir.Field, ...], seen: frozenset[str] = frozenset()) -> int:
        """How many values a struct writes, its inline objects' included (a size hint)."""
        count = 0
        for f in fields:
            if isinstance(f.type, ir.Object) and f.type.name not in seen:
                count += self._leaves(f.type.fields, seen | {f.type.name})
            else:
                count += 1
        return count

    def _marshal(self, name: str, fields: tuple[ir.Field, ...],
                 types: list[tuple[str, ir.Field, str]]) -> None:
        """MarshalJSON through `append<Name>`: one pass, no reflection, no re-marshal."""
        out = self.out
        out.append("")
        doc = ("MarshalJSON encodes the receiver as the contract's JSON: optional fields "
               "only when set, a nil required array or map as [] or {}")
        consts = [(go_name, text) for go_name, f, _ in types
                  if not f.optional and (text := self.encode.constant(f.type)) is not None]
        if consts:  # a discriminator, `version: 1`: as the Python class defaults them
            doc += ", and " + ", ".join(f"{go_name} as {text}" for go_name, text in consts)
            doc += " whatever " + ("it holds" if len(consts) == 1 else "they hold")
        out.extend(doc_comment(doc + "."))
        out.append(f"func (m {name}) MarshalJSON() ([]byte, error) {{")
        size = min(4096, max(64, 40 * self._leaves(fields)))  # one buffer for most values
        out.append(f"\treturn {append_name(name)}(make([]byte, 0, {size}), &m)")
        out.append("}")
        self._append_json(name, f"{append_name(name)}(b, &m)")
        out.append("")
        lines = self.encode.struct(name, types)
        if any("json.Marshal(" in line for line in lines):
            self.marshals = True
        out.extend(lines)

    def _append_json(self, name: str, call: str | None) -> None:
        """`AppendJSON(b)`: the bytes MarshalJSON returns, appended to the caller's buffer.

        json.Marshal compacts and re-checks whatever a MarshalJSON returns, which costs
        more than writing it; this entry point skips that pass and lets a loop reuse
        one buffer. `call` appends to `b` directly; None goes through MarshalJSON."""
        out = self.out
        out.append("")
        out.extend(doc_comment(
            "AppendJSON appends to b the JSON that MarshalJSON returns, without the "
            "second pass json.Marshal makes over it (it compacts and checks every "
            "MarshalJSON result): the fast way to encode, reusing b. On error it returns "
            "b unchanged."
        ))
        out.append(f"func (m {name}) AppendJSON(b []byte) ([]byte, error) {{")
        out.append(f"\tx, err := {call or 'm.MarshalJSON()'}")
        out.extend(("\tif err != nil {", "\t\treturn b, err", "\t}"))
        out.append(f"\treturn {'x' if call else 'append(b, x...)'}, nil")
        out.append("}")

    def _marshal_fields(self, name: str, fields: tuple[ir.Field, ...]) -> None:
        """MarshalJSON member by member, for what struct tags cannot say: dates as
        toISOString writes them, keys no tag can carry, constant fields as their values."""
        out = self.out
        constants = {go_name: go for go_name, go, _ in self._constants(name, fields)}
        out.append("")
        out.extend(doc_comment(
            "MarshalJSON encodes the receiver with the TypeScript JSON keys, dates as "
            "Date.toISOString writes them."
        ))
        out.append(f"func (m {name}) MarshalJSON() ([]byte, error) {{")
        out.append("\tw := jsonWriter{buf: []byte{'{'}}")
        self.uses.update(("jsonWriter", "writeMember", "encodeJSON", "closeJSON"))
        for f in fields:
            go_name = self.names.fields[(name, f.name)]
            key = go_string(f.name)
            if go_name in constants:  # as _marshal_constants: whatever the field holds
                expr, _, _ = self._field(f)
                out.append(f"\twriteMember(&w, {key}, {constants[go_name]}, encodeJSON[{expr}])")
                continue
            t = _without_null(f.type) if f.optional else f.type
            go = self.mapper.go_type(t)
            enc = self.mapper.encoder(t, go) or f"encodeJSON[{go.expr}]"
            self.uses.add(enc)
            if not f.optional:
                out.append(f"\twriteMember(&w, {key}, m.{go_name}, {enc})")
                continue
            value = f"m.{go_name}"
            if go.kind not in ("slice", "map") and not go.nilable:
                value = f"*m.{go_name}"  # a pointer to T
            out.append(f"\tif m.{go_name} != nil {{")
            out.append(f"\t\twriteMember(&w, {key}, {value}, {enc})")
            out.append("\t}")
        out.append("\treturn closeJSON(&w, '}')")
        out.append("}")
        self._append_json(name, None)

    def _tuple_struct(self, t: ir.Tuple, doc: str | None) -> None:
        """A mixed tuple: a struct of its elements, read and written as a JSON array."""
        out = self.out
        name = t.name
        out.append("")
        self._doc(doc or f"{name} is a JSON array of {len(t.items)} items.")
        rows: list[list[str] | str] = []
        gos = [self.mapper.go_type(item) for item in t.items]
        fields = tuple_fields(t)
        for go_name, go in zip(fields, gos, strict=True):
            if _element(go.expr) in self.structs:
                self.holds.setdefault(name, []).append(
                    (_element(go.expr), ir.Field(go_name, t, False, None, t.span))
                )
            rows.append([go_name, go.expr])
        out.append(f"type {name} struct {{")
        out.extend(align(rows))
        out.append("}")
        self._unmarshal(name, "m")
        out.append("")
        out.extend(doc_comment("MarshalJSON encodes the receiver as a JSON array."))
        out.append(f"func (m {name}) MarshalJSON() ([]byte, error) {{")
        out.append("\tw := jsonWriter{buf: []byte{'['}}")
        self.uses.update(("jsonWriter", "writeItem", "encodeJSON", "closeJSON"))
        for go_name, go, item in zip(fields, gos, t.items, strict=True):
            enc = self.mapper.encoder(item, go) or f"encodeJSON[{go.expr}]"
            self.uses.add(enc)
            out.append(f"\twriteItem(&w, m.{go_name}, {enc})")
        out.append("\treturn closeJSON(&w, ']')")
        out.append("}")
        self._append_json(name, None)
        out.append("")
        out.extend(self.scan.alias(name, t, own_type=True))  # through its precise decoder
        out.append("")
        out.append(_decoder_head(name))
        out.append(f"\tvar m {name}")
        self.uses.update(("decodeTuple", "indexPath"))
        out.append(f"\titems, err := decodeTuple(raw, path, {len(t.items)})")
        out.append("\tif err != nil {")
        out.append("\t\treturn m, err")
        out.append("\t}")
        for i, (go_name, go) in enumerate(zip(fields, gos, strict=True)):
            self.uses.add(go.decoder)
            out.append(
                f"\tif m.{go_name}, err = {go.decoder}(items[{i}], indexPath(path, {i})); "
                "err != nil {"
            )
            out.append("\t\treturn m, err")
            out.append("\t}")
        out.append("\treturn m, nil")
        out.append("}")

    def _sealed(self, decl: ir.Alias, tagged: Tagged) -> None:
        """`type Msg = A | B` of messages: an interface that only its members implement."""
        out = self.out
        name = decl.name
        marker = f"is{name}"
        cases = tagged.cases
        out.append("")
        self._doc(decl.doc or f"{name} is one of: " + ", ".join(f"*{c}" for _, c in cases) + ".")
        out.append(f"type {name} interface {{")
        out.append(f"\t{marker}()")
        out.append("}")
        for _, struct in cases:
            out.append("")
            out.append(f"func (*{struct}) {marker}() {{}}")
        out.append("")
        out.extend(self.scan.alias(name, decl.type, own_type=True))
        out.append("")
        out.append(_decoder_head(name))
        decoder = self.mapper.tagged(tagged).decoder
        self.uses.add(decoder)
        out.append(f"\tv, err := {decoder}(raw, path)")
        out.append("\tif err != nil {")
        out.append("\t\treturn nil, err")
        out.append("\t}")
        out.append(f"\treturn v.({name}), nil")
        out.append("}")

    def _parse_union(self, name: str, tagged: Tagged) -> None:
        """`ParseClientMessage(data)`: a union alias decoded from JSON text."""
        function = self.parse_functions.get(name)
        if function is None:
            return  # `type Message = ...` of exactly the messages: ParseMessage it is
        out = self.out
        out.append("")
        out.extend(
            doc_comment(
                f"{function} decodes and validates a {name}, its struct chosen by its "
                f"{go_string(tagged.field)} member, and returns a pointer to that struct "
                f"(such as *{tagged.cases[0][1]})."
            )
        )
        out.append(f"func {function}(data []byte) ({name}, error) {{")
        self.uses.add("precise")
        out.append(f"\treturn precise(data, {decoder_name(name)})")
        out.append("}")

    def _alias(self, decl: ir.Alias) -> None:
        go = self.mapper.go_type(decl.type)
        if _literal_set(decl.type) and go.expr in ("string", "float64", "bool"):
            self._literal_type(decl, go)
            return
        out = self.out
        out.append("")
        self._doc(decl.doc)
        out.append(f"type {decl.name} = {go.expr}")
        out.append("")
        out.extend(self.scan.alias(decl.name, decl.type, own_type=False))
        out.append("")
        out.append(
            _decoder_head(decl.name)
        )
        self.uses.add(go.decoder)
        out.append(f"\treturn {go.decoder}(raw, path)")
        out.append("}")

    def _literal_type(self, decl: ir.Alias, go: GoType) -> None:
        """`type Role = "admin" | "member"`: a type of its own, so that json.Unmarshal
        into a Role checks the value too (an alias of string could not)."""
        out = self.out
        name = decl.name
        out.append("")
        self._doc(decl.doc)
        out.append(f"type {name} {go.expr}")
        self._unmarshal(name, "e")
        out.append("")
        out.extend(self.scan.alias(name, decl.type, own_type=True))
        out.append("")
        out.append(_decoder_head(name))
        self.uses.add(go.decoder)
        out.append(f"\tv, err := {go.decoder}(raw, path)")
        out.append(f"\treturn {name}(v), err")
        out.append("}")

    def _field(self, f: ir.Field) -> tuple[str, str, str]:
        """The Go type, JSON tag options and decoding call of a field."""
        if not f.optional:
            go = self.mapper.go_type(f.type)
            self.uses.update(("decodeField", go.decoder))
            return go.expr, "", f"decodeField(obj, path, {go_string(f.name)}, {go.decoder})"
        go = self.mapper.go_type(_without_null(f.type))
        call = "decodeOptionalField(obj, path, " + go_string(f.name) + ", {})"
        if go.kind not in ("slice", "map") and not go.nilable:
            go = GoType(f"*{go.expr}", f"decodeNullable({go.decoder})", "ptr")
        self.uses.update(("decodeOptionalField", go.decoder))
        options = ",omitzero" if go.kind in ("slice", "map") else ",omitempty"
        return go.expr, options, call.format(go.decoder)

    def _struct(self, name: str, fields: tuple[ir.Field, ...], doc: str | None) -> None:
        out = self.out
        out.append("")
        self._doc(doc)
        rows: list[list[str] | str] = []
        calls: list[tuple[str, str]] = []
        custom = any(
            not is_valid_json_tag(f.name) or self.mapper.has_date(f.type) for f in fields
        )
        scans: list[tuple[str, ir.Field, str, bool]] = []
        types: list[tuple[str, ir.Field, str]] = []
        for f in fields:
            go_name = self.names.fields[(name, f.name)]
            expr, options, call = self._field(f)
            scans.append((go_name, f, expr, f.optional and expr.startswith("*")))
            types.append((go_name, f, expr))
            held = _element(expr)
            if held in self.structs:
                self.holds.setdefault(name, []).append((held, f))
            if f.doc:
                rows.extend(comment_lines(f.doc))
            if is_valid_json_tag(f.name):
                rows.append([go_name, expr, f'`json:"{f.name}{options}"`'])
            else:  # no tag can carry the key: MarshalJSON writes it
                rows.append([go_name, expr, '`json:"-"`'])
            calls.append((go_name, call))
        if rows:
            out.append(f"type {name} struct {{")
            out.extend(align(rows))
            out.append("}")
        else:
            out.append(f"type {name} struct{{}}")
        self._unmarshal(name, "m")
        if custom:  # dates, keys no tag carries: member by member (json.Marshal inside)
            self._marshal_fields(name, fields)
        else:
            self._marshal(name, fields, types)
        out.append("")
        out.extend(self.scan.struct(name, scans))
        out.append("")
        out.append(_decoder_head(name))
        out.append(f"\tvar m {name}")
        if not calls:
            self.uses.add("decodeObject")
            out.append("\t_, err := decodeObject(raw, path)")
            out.append("\treturn m, err")
            out.append("}")
            return
        self.uses.add("decodeObject")
        out.append("\tobj, err := decodeObject(raw, path)")
        out.append("\tif err != nil {")
        out.append("\t\treturn m, err")
        out.append("\t}")
        for go_name, call in calls:
            out.append(f"\tif m.{go_name}, err = {call}; err != nil {{")
            out.append("\t\treturn m, err")
            out.append("\t}")
        out.append("\treturn m, nil")
        out.append("}")

    def recursive_fields(self) -> list[Diagnostic]:
        """A diagnostic for each field closing a cycle of structs held by value."""
        errors: list[Diagnostic] = []
        done: set[str] = set()
        for struct in self.holds:
            self._visit(struct, [], done, errors)
        return errors

    def _visit(
        self, struct: str, stack: list[str], done: set[str], errors: list[Diagnostic]
    ) -> None:
        # A method, not a closure: a nested function calling itself is a reference
        # cycle, which kept this renderer (and the whole model) alive until Python's
        # next full collection, at exit.
        if struct in done:
            return
        stack.append(struct)
        for target, f in self.holds.get(struct, ()):
            if target in stack:
                errors.append(
                    Diagnostic(
                        f"field {f.name!r} makes {target} contain itself; Go needs it "
                        "optional or `| null` to be a pointer",
                        span=f.span,
                    )
                )
            else:
                self._visit(target, stack, done, errors)
        stack.pop()
        done.add(struct)

    def _parse_message(self) -> None:
        out = self.out
        messages = self.module.messages
        field = messages[0].field
        numeric = not isinstance(messages[0].value, str)
        key = go_string(field)
        out.append("")
        example = messages[0].interface
        out.extend(
            doc_comment(
                f"{PARSE_MESSAGE} decodes and validates a message of any type, chosen by its "
                f"{key} member, and returns a pointer to its struct (such as *{example})."
            )
        )
        out.append(f"func {PARSE_MESSAGE}(data []byte) (any, error) {{")
        self.uses.update(("messageType", "fast"))
        out.append(f"\tswitch string(messageType(data, {key})) {{")
        for msg in messages:
            out.append(f"\tcase {go_string(str(msg.value))}:")
            scan = scan_name(msg.interface)
            out.append(f"\t\tif v := new({msg.interface}); fast(data, {scan}, v) {{")
            out.append("\t\t\treturn v, nil")
            out.append("\t\t}")
        out.append("\t}")
        out.append("\treturn parseMessage(data)")
        out.append("}")
        out.append("")
        out.extend(doc_comment("parseMessage is the precise path of ParseMessage: it names the "
                               "first problem."))
        out.append("func parseMessage(data []byte) (any, error) {")
        decode = "decodeNumber" if numeric else "decodeString"
        self.uses.update(("parseRoot", "decodeObject", decode, "parseAs", "jsonText"))
        out.append("\troot, err := parseRoot(data)")
        out.append("\tif err != nil {")
        out.append("\t\treturn nil, err")
        out.append("\t}")
        out.append('\tobj, err := decodeObject(root, "")')
        out.append("\tif err != nil {")
        out.append("\t\treturn nil, err")
        out.append("\t}")
        out.append(f"\ttyp, ok := obj.members[{key}]")
        out.append("\tif !ok {")
        out.append(f"\t\treturn nil, errors.New({go_string(field + ': missing')})")
        out.append("\t}")
        out.append(f"\tkind, err := {decode}(typ, {key})")
        out.append("\tif err != nil {")
        out.append("\t\treturn nil, err")
        out.append("\t}")
        out.append("\tswitch kind {")
        for msg in messages:
            value = go_string(msg.value) if isinstance(msg.value, str) else str(msg.value)
            out.append(f"\tcase {value}:")
            out.append(f"\t\treturn parseAs(root, {decoder_name(msg.interface)})")
        out.append("\t}")
        unknown = go_string(field + ": unknown message type ")
        out.append(f"\treturn nil, errors.New({unknown} + jsonText(typ.raw))")
        out.append("}")


def _element(expr: str) -> str:
    """The type a Go array type holds by value (`[2][3]Node` -> `Node`): a struct
    holding an array of itself contains itself."""
    while expr.startswith("[") and "]" in expr and expr[1:expr.index("]")].isdigit():
        expr = expr[expr.index("]") + 1 :]
    return expr


def _decoder_head(name: str) -> str:
    """The first line of the decoder of type `name`."""
    return f"func {decoder_name(name)}(raw *jsonNode, path string) ({name}, error) {{"


def _literal_set(t: ir.Type) -> bool:
    """A literal or a union of literals (no null): a closed set of values."""
    if isinstance(t, ir.Union):
        return all(isinstance(m, ir.Literal | ir.EnumMemberRef) for m in t.members)
    return isinstance(t, ir.Literal)


def _is_null(t: ir.Type) -> bool:
    return isinstance(t, ir.Prim) and t.name == "null"


def _without_null(t: ir.Type) -> ir.Type:
    """`T | null` -> `T`: for an optional field, null and absent are the same."""
    if not isinstance(t, ir.Union):
        return t
    rest = tuple(m for m in t.members if not (isinstance(m, ir.Prim) and m.name == "null"))
    if len(rest) == len(t.members):
        return t
    if len(rest) == 1:
        return rest[0]
    return ir.Union(rest, t.span)
