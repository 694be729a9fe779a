'''The unexported Go helpers a generated file carries (standard library only).

Decoders share one shape, `func(raw json.RawMessage, path string) (T, error)`, so that
generic combinators (arrays, maps, nullables, literal sets) compose them; `path` is
the JSON path of `raw` ("" at the root, shown as `$`). Error messages are those of
docs/generated-code.md, byte for byte. names.py keeps contract names clear of them.
'''

from __future__ import annotations

import re
from dataclasses import dataclass

RUNTIME = """\
// A decoder checks and decodes raw, the JSON value at path.
type decoder[T any] func(raw json.RawMessage, path string) (T, error)

// A jsonObject holds the undecoded members of a JSON object.
type jsonObject = map[string]json.RawMessage

// jsonKind is the first byte of a JSON value ('{', '[', '"', 't', 'f', 'n', '-', a digit).
func jsonKind(raw json.RawMessage) byte {
	for _, c := range raw {
		switch c {
		case ' ', '\\t', '\\n', '\\r':
			continue
		}
		return c
	}
	return 0
}

// jsonText is raw as compact JSON for an error message, cut to 40 characters.
func jsonText(raw json.RawMessage) string {
	var buf bytes.Buffer
	text := string(raw)
	if err := json.Compact(&buf, raw); err == nil {
		text = buf.String()
	}
	if utf8.RuneCountInString(text) > 40 {
		return string([]rune(text)[:37]) + "..."
	}
	return text
}

func errorPath(path string) string {
	if path == "" {
		return "$"
	}
	return path
}

func fieldPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func indexPath(path string, i int) string {
	return errorPath(path) + "[" + strconv.Itoa(i) + "]"
}

func mismatchError(path, expected string, raw json.RawMessage) error {
	return errors.New(errorPath(path) + ": expected " + expected + ", got " + jsonText(raw))
}

// decodeObject returns the members of a JSON object, undecoded.
func decodeObject(raw json.RawMessage, path string) (jsonObject, error) {
	if jsonKind(raw) != '{' {
		return nil, mismatchError(path, "object", raw)
	}
	var obj jsonObject
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, err
	}
	return obj, nil
}

// decodeMembers returns the keys of a JSON object in document order, and its members.
func decodeMembers(raw json.RawMessage, path string) ([]string, jsonObject, error) {
	obj, err := decodeObject(raw, path)
	if err != nil {
		return nil, nil, err
	}
	keys := make([]string, 0, len(obj))
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, nil, err
	}
	seen := make(map[string]bool, len(obj))
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		key, _ := tok.(string)
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, nil, err
		}
		if !seen[key] {
			seen[key] = true
			keys = append(keys, key)
		}
	}
	return keys, obj, nil
}

// decodeField decodes the required member key of obj.
func decodeField[T any](obj jsonObject, path, key string, dec decoder[T]) (T, error) {
	raw, ok := obj[key]
	if !ok {
		var zero T
		return zero, errors.New(fieldPath(path, key) + ": missing")
	}
	return dec(raw, fieldPath(path, key))
}

// decodeOptionalField decodes the optional member key of obj: absent or null is the zero value.
func decodeOptionalField[T any](obj jsonObject, path, key string, dec decoder[T]) (T, error) {
	raw, ok := obj[key]
	if !ok || jsonKind(raw) == 'n' {
		var zero T
		return zero, nil
	}
	return dec(raw, fieldPath(path, key))
}

func decodeString(raw json.RawMessage, path string) (string, error) {
	var v string
	if jsonKind(raw) != '"' {
		return v, mismatchError(path, "string", raw)
	}
	err := json.Unmarshal(raw, &v)
	return v, err
}

func decodeNumber(raw json.RawMessage, path string) (float64, error) {
	var v float64
	if c := jsonKind(raw); c != '-' && (c < '0' || c > '9') {
		return v, mismatchError(path, "number", raw)
	}
	err := json.Unmarshal(raw, &v)
	return v, err
}

func decodeBool(raw json.RawMessage, path string) (bool, error) {
	switch jsonKind(raw) {
	case 't':
		return true, nil
	case 'f':
		return false, nil
	}
	return false, mismatchError(path, "boolean", raw)
}

func decodeAny(raw json.RawMessage, _ string) (any, error) {
	var v any
	err := json.Unmarshal(raw, &v)
	return v, err
}

// decodeInteger decodes a JSON integer for an int enum named name.
func decodeInteger(raw json.RawMessage, path, name string) (int, error) {
	text := string(bytes.TrimSpace(raw))
	if c := jsonKind(raw); c != '-' && (c < '0' || c > '9') || bytes.ContainsAny(raw, ".eE") {
		return 0, mismatchError(path, "integer", raw)
	}
	n, err := strconv.ParseInt(text, 10, 0)
	if err != nil {
		return 0, mismatchError(path, name, raw)
	}
	return int(n), nil
}

// decodeIntegerOf is decodeInteger as a decoder, for an inline union of int enums.
func decodeIntegerOf(name string) decoder[int] {
	return func(raw json.RawMessage, path string) (int, error) {
		return decodeInteger(raw, path, name)
	}
}

func decodeArray[T any](item decoder[T]) decoder[[]T] {
	return func(raw json.RawMessage, path string) ([]T, error) {
		if jsonKind(raw) != '[' {
			return nil, mismatchError(path, "array", raw)
		}
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, err
		}
		out := make([]T, 0, len(items))
		for i, itemRaw := range items {
			v, err := item(itemRaw, indexPath(path, i))
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
}

func decodeMap[T any](value decoder[T]) decoder[map[string]T] {
	return func(raw json.RawMessage, path string) (map[string]T, error) {
		keys, obj, err := decodeMembers(raw, path)
		if err != nil {
			return nil, err
		}
		out := make(map[string]T, len(keys))
		for _, key := range keys {
			v, err := value(obj[key], fieldPath(path, key))
			if err != nil {
				return nil, err
			}
			out[key] = v
		}
		return out, nil
	}
}

// decodeNullable decodes T | null as *T.
func decodeNullable[T any](dec decoder[T]) decoder[*T] {
	return func(raw json.RawMessage, path string) (*T, error) {
		if jsonKind(raw) == 'n' {
			return nil, nil
		}
		v, err := dec(raw, path)
		if err != nil {
			return nil, err
		}
		return &v, nil
	}
}

// decodeNullOr decodes T | null as T when T has nil (slices, maps): null is the zero value.
func decodeNullOr[T any](dec decoder[T]) decoder[T] {
	return func(raw json.RawMessage, path string) (T, error) {
		if jsonKind(raw) == 'n' {
			var zero T
			return zero, nil
		}
		return dec(raw, path)
	}
}

// decodeOneOf accepts only the values in want (literals, discriminators).
func decodeOneOf[T comparable](dec decoder[T], want []T, expected string) decoder[T] {
	return func(raw json.RawMessage, path string) (T, error) {
		v, err := dec(raw, path)
		if err == nil {
			for _, w := range want {
				if v == w {
					return v, nil
				}
			}
		}
		var zero T
		return zero, mismatchError(path, expected, raw)
	}
}

// decodeMemberOf accepts only the values in want (enum unions): dec checks the JSON type.
func decodeMemberOf[T comparable](dec decoder[T], want []T, name string) decoder[T] {
	return func(raw json.RawMessage, path string) (T, error) {
		v, err := dec(raw, path)
		if err != nil {
			return v, err
		}
		for _, w := range want {
			if v == w {
				return v, nil
			}
		}
		var zero T
		return zero, mismatchError(path, name, raw)
	}
}

// asAny turns a decoder of T into a decoder of any, for decodeUnion.
func asAny[T any](dec decoder[T]) decoder[any] {
	return func(raw json.RawMessage, path string) (any, error) {
		return dec(raw, path)
	}
}

// decodeUnion returns the value of the first decoder that accepts raw.
func decodeUnion(expected string, decs ...decoder[any]) decoder[any] {
	return func(raw json.RawMessage, path string) (any, error) {
		for _, dec := range decs {
			if v, err := dec(raw, path); err == nil {
				return v, nil
			}
		}
		return nil, mismatchError(path, expected, raw)
	}
}

// asPointer turns a decoder of T into a decoder of *T held in an any (union members).
func asPointer[T any](dec decoder[T]) decoder[any] {
	return func(raw json.RawMessage, path string) (any, error) {
		v, err := dec(raw, path)
		if err != nil {
			return nil, err
		}
		return &v, nil
	}
}

// decodeTagged decodes a union of messages: the member key, read by kind, picks the decoder.
func decodeTagged[K comparable](
	key string, kind decoder[K], expected string, cases map[K]decoder[any],
) decoder[any] {
	return func(raw json.RawMessage, path string) (any, error) {
		obj, err := decodeObject(raw, path)
		if err != nil {
			return nil, err
		}
		tag, err := decodeField(obj, path, key, kind)
		if err != nil {
			return nil, err
		}
		dec, ok := cases[tag]
		if !ok {
			return nil, mismatchError(fieldPath(path, key), expected, obj[key])
		}
		return dec(raw, path)
	}
}

// decodeDate accepts only the text Date.toISOString writes, years 0001 to 9999.
func decodeDate(raw json.RawMessage, path string) (time.Time, error) {
	var text string
	if jsonKind(raw) == '"' && json.Unmarshal(raw, &text) == nil && len(text) == 24 {
		t, err := time.Parse(dateLayout, text)
		if err == nil && t.Year() >= 1 && t.Format(dateLayout) == text {
			return t, nil
		}
	}
	return time.Time{}, mismatchError(path, "date", raw)
}

// dateLayout is the text of Date.toISOString, in UTC with milliseconds.
const dateLayout = "2006-01-02T15:04:05.000Z"

// decodeTuple returns the n items of a JSON array of exactly n items, undecoded.
func decodeTuple(raw json.RawMessage, path string, n int) ([]json.RawMessage, error) {
	if jsonKind(raw) != '[' {
		return nil, mismatchError(path, "array", raw)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, err
	}
	if len(items) != n {
		return nil, mismatchError(path, "array of "+strconv.Itoa(n)+" items", raw)
	}
	return items, nil
}

// decodeFixed decodes a JSON array of exactly n items into an array type A.
func decodeFixed[A any, T any](n int, item decoder[T], array func([]T) A) decoder[A] {
	return func(raw json.RawMessage, path string) (A, error) {
		var zero A
		items, err := decodeTuple(raw, path, n)
		if err != nil {
			return zero, err
		}
		out := make([]T, n)
		for i, itemRaw := range items {
			if out[i], err = item(itemRaw, indexPath(path, i)); err != nil {
				return zero, err
			}
		}
		return array(out), nil
	}
}

// An encoder writes v as JSON (the way its TypeScript type reads it).
type encoder[T any] func(v T) ([]byte, error)

// encodeJSON is encoding/json's encoding, for values without dates.
func encodeJSON[T any](v T) ([]byte, error) {
	return json.Marshal(v)
}

// encodeDate writes t as Date.toISOString does: "2024-05-01T12:34:56.789Z".
func encodeDate(t time.Time) ([]byte, error) {
	t = t.UTC()
	if t.Year() < 1 || t.Year() > 9999 {
		return nil, errors.New("date " + t.String() + " is outside the years 0001 to 9999")
	}
	return []byte(`"` + t.Format(dateLayout) + `"`), nil
}

// encodeArray writes a slice as a JSON array, nil as [].
func encodeArray[T any](item encoder[T]) encoder[[]T] {
	return func(v []T) ([]byte, error) {
		w := jsonWriter{buf: []byte{'['}}
		for _, x := range v {
			writeItem(&w, x, item)
		}
		return closeJSON(&w, ']')
	}
}

// encodeArrayOrNull writes a slice as a JSON array, nil as null (T[] | null).
func encodeArrayOrNull[T any](item encoder[T]) encoder[[]T] {
	return func(v []T) ([]byte, error) {
		if v == nil {
			return []byte("null"), nil
		}
		return encodeArray(item)(v)
	}
}

// encodeMap writes a map as a JSON object, keys sorted as encoding/json sorts them, nil as {}.
func encodeMap[T any](value encoder[T]) encoder[map[string]T] {
	return func(v map[string]T) ([]byte, error) {
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		w := jsonWriter{buf: []byte{'{'}}
		for _, k := range keys {
			writeMember(&w, k, v[k], value)
		}
		return closeJSON(&w, '}')
	}
}

// encodeMapOrNull writes a map as a JSON object, nil as null (Record<string, T> | null).
func encodeMapOrNull[T any](value encoder[T]) encoder[map[string]T] {
	return func(v map[string]T) ([]byte, error) {
		if v == nil {
			return []byte("null"), nil
		}
		return encodeMap(value)(v)
	}
}

// encodeNullable writes a nil pointer as null, else what it points to.
func encodeNullable[T any](enc encoder[T]) encoder[*T] {
	return func(v *T) ([]byte, error) {
		if v == nil {
			return []byte("null"), nil
		}
		return enc(*v)
	}
}

// A jsonWriter builds a JSON object or array; the first error sticks.
type jsonWriter struct {
	buf []byte
	err error
}

// closeJSON ends the object or array of w with end.
func closeJSON(w *jsonWriter, end byte) ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	return append(w.buf, end), nil
}

// writeMember appends the member key: v to an object.
func writeMember[T any](w *jsonWriter, key string, v T, enc encoder[T]) {
	if w.err != nil {
		return
	}
	if len(w.buf) > 1 {
		w.buf = append(w.buf, ',')
	}
	name, _ := json.Marshal(key)
	w.buf = append(append(w.buf, name...), ':')
	data, err := enc(v)
	w.buf, w.err = append(w.buf, data...), err
}

// writeItem appends v to an array.
func writeItem[T any](w *jsonWriter, v T, enc encoder[T]) {
	if w.err != nil {
		return
	}
	if len(w.buf) > 1 {
		w.buf = append(w.buf, ',')
	}
	data, err := enc(v)
	w.buf, w.err = append(w.buf, data...), err
}

// parseAs decodes a whole message with dec and returns a pointer to it.
func parseAs[T any](data []byte, dec decoder[T]) (any, error) {
	v, err := dec(data, "")
	if err != nil {
		return nil, err
	}
	return &v, nil
}
"""

# Import path of each package the helpers (and generated declarations) refer to.
PACKAGES = {
    "bytes": "bytes",
    "json": "encoding/json",
    "errors": "errors",
    "strconv": "strconv",
    "utf8": "unicode/utf8",
    "time": "time",
    "sort": "sort",
}


@dataclass(frozen=True, slots=True)
class _Helper:
    """One top-level declaration of RUNTIME, its doc comment included."""

    name: str
    text: str
    helpers: frozenset[str]  # the other helpers it calls
    packages: frozenset[str]  # the packages it refers to


def _split(runtime: str) -> tuple[_Helper, ...]:
    blocks = runtime.rstrip("\n").split("\n\n")
    names = [re.search(r"^(?:func|type|const) (\w+)", b, re.MULTILINE) for b in blocks]
    assert all(names), "every RUNTIME block declares one func or type"
    declared = {m.group(1) for m in names if m}
    helpers = []
    for block, match in zip(blocks, names, strict=True):
        assert match
        words = set(re.findall(r"\b\w+\b", block))
        used = {p for p in PACKAGES if re.search(rf"\b{p}\.", block)}
        helpers.append(
            _Helper(match.group(1), block, frozenset(words & declared - {match.group(1)}),
                    frozenset(used))
        )
    return tuple(helpers)


HELPERS = _split(RUNTIME)
_BY_NAME = {h.name: h for h in HELPERS}
_MENTION = re.compile(r"\b(" + "|".join(sorted(_BY_NAME, key=len, reverse=True)) + r")\b")


def runtime_for(uses: str) -> tuple[str, frozenset[str]]:
    """The helpers named in `uses` (the decoder expressions and helper names a file's
    code calls), with the helpers they call, in RUNTIME's order; and the packages
    those helpers import.

    Only helpers a file uses are emitted, as the Python backend does: a contract of
    enums alone carries no array or union decoders. Imports come from the helpers'
    own code, never from the contract's text.
    """
    wanted: set[str] = set()
    todo = list(set(_MENTION.findall(uses)))
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo.extend(_BY_NAME[name].helpers)
    chosen = [h for h in HELPERS if h.name in wanted]
    packages = frozenset().union(*(h.packages for h in chosen))
    return "\n\n".join(h.text for h in chosen), packages
