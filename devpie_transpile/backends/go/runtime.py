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
// maxDepth is the deepest nesting of objects and arrays a value may have (the root is 1),
// the same limit as the generated Python's.
const maxDepth = 128

// A decoder checks and decodes v, the JSON value at path: the precise path, which
// names the first problem in declaration order.
type decoder[T any] func(v *jsonNode, path string) (T, error)

// A jsonNode is a parsed JSON value of the precise path: its kind ('{', '[', '"', 't',
// 'f', 'n', or '0' for a number), its text, its depth and its members or items.
type jsonNode struct {
	raw     []byte
	kind    byte
	depth   int
	keys    []string             // object keys in document order (first occurrence)
	members map[string]*jsonNode // object members (the last of duplicates)
	items   []*jsonNode
}

// parseRoot parses data, a whole JSON document, for the precise path; invalid JSON gets
// encoding/json's error.
func parseRoot(data []byte) (*jsonNode, error) {
	if !json.Valid(data) {
		var raw json.RawMessage
		return nil, json.Unmarshal(data, &raw)
	}
	return parseTree(data, 0), nil
}

// parseTree parses valid JSON whose enclosing containers number depth.
func parseTree(data []byte, depth int) *jsonNode {
	s := scanner{data: data}
	return s.node(depth + 1)
}

func (s *scanner) node(depth int) *jsonNode {
	n := &jsonNode{depth: depth}
	c := s.space()
	start := s.pos
	switch c {
	case '{':
		n.kind = c
		n.members = map[string]*jsonNode{}
		s.pos++
		for s.space() != '}' {
			var key string
			s.str(&key)
			s.space()
			s.pos++ // ':'
			member := s.node(depth + 1)
			if _, dup := n.members[key]; !dup {
				n.keys = append(n.keys, key)
			}
			n.members[key] = member
			if s.space() == ',' {
				s.pos++
			}
		}
		s.pos++
	case '[':
		n.kind = c
		s.pos++
		for s.space() != ']' {
			n.items = append(n.items, s.node(depth+1))
			if s.space() == ',' {
				s.pos++
			}
		}
		s.pos++
	default:
		if c == '"' || c == 't' || c == 'f' || c == 'n' {
			n.kind = c
		} else {
			n.kind = '0'
		}
		s.skip()
	}
	n.raw = s.data[start:s.pos]
	return n
}

// jsonText is raw as compact JSON for an error message, cut to 40 characters.
func jsonText(raw []byte) string {
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

func mismatchError(path, expected string, v *jsonNode) error {
	return errors.New(errorPath(path) + ": expected " + expected + ", got " + jsonText(v.raw))
}

// checkContainer says whether v is an object ('{') or an array ('[') within maxDepth.
func checkContainer(v *jsonNode, path string, kind byte, expected string) error {
	if v.kind != kind {
		return mismatchError(path, expected, v)
	}
	if v.depth > maxDepth {
		return errors.New(errorPath(path) + ": nested too deeply")
	}
	return nil
}

// decodeObject checks that v is an object within maxDepth.
func decodeObject(v *jsonNode, path string) (*jsonNode, error) {
	return v, checkContainer(v, path, '{', "object")
}

// decodeField decodes the required member key of obj.
func decodeField[T any](obj *jsonNode, path, key string, dec decoder[T]) (T, error) {
	v, ok := obj.members[key]
	if !ok {
		var zero T
		return zero, errors.New(fieldPath(path, key) + ": missing")
	}
	return dec(v, fieldPath(path, key))
}

// decodeOptionalField decodes the optional member key of obj: absent or null is the zero value.
func decodeOptionalField[T any](obj *jsonNode, path, key string, dec decoder[T]) (T, error) {
	v, ok := obj.members[key]
	if !ok || v.kind == 'n' {
		var zero T
		return zero, nil
	}
	return dec(v, fieldPath(path, key))
}

func decodeString(v *jsonNode, path string) (string, error) {
	var out string
	if v.kind != '"' {
		return out, mismatchError(path, "string", v)
	}
	s := scanner{data: v.raw}
	s.str(&out)
	return out, nil
}

func decodeNumber(v *jsonNode, path string) (float64, error) {
	if v.kind != '0' {
		return 0, mismatchError(path, "number", v)
	}
	f, err := strconv.ParseFloat(string(v.raw), 64)
	if err != nil {
		return 0, errors.New(errorPath(path) + ": number out of range, got " + jsonText(v.raw))
	}
	return f, nil
}

func decodeBool(v *jsonNode, path string) (bool, error) {
	switch v.kind {
	case 't':
		return true, nil
	case 'f':
		return false, nil
	}
	return false, mismatchError(path, "boolean", v)
}

// decodeAny is any JSON value as encoding/json decodes it into an any, with the depth
// limit and float64's range checked at their paths.
func decodeAny(v *jsonNode, path string) (any, error) {
	switch v.kind {
	case '{':
		if err := checkContainer(v, path, '{', "object"); err != nil {
			return nil, err
		}
		out := make(map[string]any, len(v.keys))
		for _, key := range v.keys {
			item, err := decodeAny(v.members[key], fieldPath(path, key))
			if err != nil {
				return nil, err
			}
			out[key] = item
		}
		return out, nil
	case '[':
		if err := checkContainer(v, path, '[', "array"); err != nil {
			return nil, err
		}
		out := make([]any, 0, len(v.items))
		for i, item := range v.items {
			x, err := decodeAny(item, indexPath(path, i))
			if err != nil {
				return nil, err
			}
			out = append(out, x)
		}
		return out, nil
	case '"':
		return decodeString(v, path)
	case '0':
		return decodeNumber(v, path)
	case 'n':
		return nil, nil
	}
	return decodeBool(v, path)
}

// decodeInteger decodes a JSON integer for an int enum named name.
func decodeInteger(v *jsonNode, path, name string) (int, error) {
	if v.kind != '0' || bytes.ContainsAny(v.raw, ".eE") {
		return 0, mismatchError(path, "integer", v)
	}
	n, err := strconv.ParseInt(string(v.raw), 10, 0)
	if err != nil {
		return 0, mismatchError(path, name, v)
	}
	return int(n), nil
}

// decodeIntegerOf is decodeInteger as a decoder, for an inline union of int enums.
func decodeIntegerOf(name string) decoder[int] {
	return func(v *jsonNode, path string) (int, error) {
		return decodeInteger(v, path, name)
	}
}

func decodeArray[T any](item decoder[T]) decoder[[]T] {
	return func(v *jsonNode, path string) ([]T, error) {
		if err := checkContainer(v, path, '[', "array"); err != nil {
			return nil, err
		}
		out := make([]T, 0, len(v.items))
		for i, itemNode := range v.items {
			x, err := item(itemNode, indexPath(path, i))
			if err != nil {
				return nil, err
			}
			out = append(out, x)
		}
		return out, nil
	}
}

func decodeMap[T any](value decoder[T]) decoder[map[string]T] {
	return func(v *jsonNode, path string) (map[string]T, error) {
		if err := checkContainer(v, path, '{', "object"); err != nil {
			return nil, err
		}
		out := make(map[string]T, len(v.keys))
		for _, key := range v.keys {
			x, err := value(v.members[key], fieldPath(path, key))
			if err != nil {
				return nil, err
			}
			out[key] = x
		}
		return out, nil
	}
}

// decodeNullable decodes T | null as *T.
func decodeNullable[T any](dec decoder[T]) decoder[*T] {
	return func(v *jsonNode, path string) (*T, error) {
		if v.kind == 'n' {
			return nil, nil
		}
		x, err := dec(v, path)
		if err != nil {
			return nil, err
		}
		return &x, nil
	}
}

// decodeNullOr decodes T | null as T when T has nil (slices, maps): null is the zero value.
func decodeNullOr[T any](dec decoder[T]) decoder[T] {
	return func(v *jsonNode, path string) (T, error) {
		if v.kind == 'n' {
			var zero T
			return zero, nil
		}
		return dec(v, path)
	}
}

// decodeOneOf accepts only the values in want (literals, discriminators).
func decodeOneOf[T comparable](dec decoder[T], want []T, expected string) decoder[T] {
	return func(v *jsonNode, path string) (T, error) {
		x, err := dec(v, path)
		if err == nil {
			for _, w := range want {
				if x == w {
					return x, nil
				}
			}
		}
		var zero T
		return zero, mismatchError(path, expected, v)
	}
}

// decodeMemberOf accepts only the values in want (enum unions): dec checks the JSON type.
func decodeMemberOf[T comparable](dec decoder[T], want []T, name string) decoder[T] {
	return func(v *jsonNode, path string) (T, error) {
		x, err := dec(v, path)
		if err != nil {
			return x, err
		}
		for _, w := range want {
			if x == w {
				return x, nil
			}
		}
		var zero T
		return zero, mismatchError(path, name, v)
	}
}

// asAny turns a decoder of T into a decoder of any, for decodeUnion.
func asAny[T any](dec decoder[T]) decoder[any] {
	return func(v *jsonNode, path string) (any, error) {
		return dec(v, path)
	}
}

// decodeUnion returns the value of the first decoder that accepts v.
func decodeUnion(expected string, decs ...decoder[any]) decoder[any] {
	return func(v *jsonNode, path string) (any, error) {
		for _, dec := range decs {
			if x, err := dec(v, path); err == nil {
				return x, nil
			}
		}
		return nil, mismatchError(path, expected, v)
	}
}

// asPointer turns a decoder of T into a decoder of *T held in an any (union members).
func asPointer[T any](dec decoder[T]) decoder[any] {
	return func(v *jsonNode, path string) (any, error) {
		x, err := dec(v, path)
		if err != nil {
			return nil, err
		}
		return &x, nil
	}
}

// decodeTagged decodes a union of messages: the member key, read by kind, picks the decoder.
func decodeTagged[K comparable](
	key string, kind decoder[K], expected string, cases map[K]decoder[any],
) decoder[any] {
	return func(v *jsonNode, path string) (any, error) {
		obj, err := decodeObject(v, path)
		if err != nil {
			return nil, err
		}
		tag, err := decodeField(obj, path, key, kind)
		if err != nil {
			return nil, err
		}
		dec, ok := cases[tag]
		if !ok {
			return nil, mismatchError(fieldPath(path, key), expected, obj.members[key])
		}
		return dec(v, path)
	}
}

// decodeDate accepts only the text Date.toISOString writes, years 0001 to 9999.
func decodeDate(v *jsonNode, path string) (time.Time, error) {
	if text, err := decodeString(v, path); err == nil && len(text) == 24 {
		t, err := time.Parse(dateLayout, text)
		if err == nil && t.Year() >= 1 && t.Format(dateLayout) == text {
			return t, nil
		}
	}
	return time.Time{}, mismatchError(path, "date", v)
}

// dateLayout is the text of Date.toISOString, in UTC with milliseconds.
const dateLayout = "2006-01-02T15:04:05.000Z"

// decodeTuple returns the n items of a JSON array of exactly n items, undecoded.
func decodeTuple(v *jsonNode, path string, n int) ([]*jsonNode, error) {
	if err := checkContainer(v, path, '[', "array"); err != nil {
		return nil, err
	}
	if len(v.items) != n {
		return nil, mismatchError(path, "array of "+strconv.Itoa(n)+" items", v)
	}
	return v.items, nil
}

// decodeFixed decodes a JSON array of exactly n items into an array type A.
func decodeFixed[A any, T any](n int, item decoder[T], array func([]T) A) decoder[A] {
	return func(v *jsonNode, path string) (A, error) {
		var zero A
		items, err := decodeTuple(v, path, n)
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
func parseAs[T any](v *jsonNode, dec decoder[T]) (any, error) {
	x, err := dec(v, "")
	if err != nil {
		return nil, err
	}
	return &x, nil
}

// precise decodes data with dec, naming the first problem in declaration order.
func precise[T any](data []byte, dec decoder[T]) (T, error) {
	root, err := parseRoot(data)
	if err != nil {
		var zero T
		return zero, err
	}
	return dec(root, "")
}

// A scanner reads JSON in one pass on the fast path: decoding a valid value straight into
// its Go type, it only says whether the input is valid (the precise path says why not).
// It is never more lenient than the precise path: when unsure, it fails.
type scanner struct {
	data  []byte
	pos   int
	depth int
	bad   bool
}

// space skips whitespace and returns the next byte (0 at the end).
func (s *scanner) space() byte {
	for s.pos < len(s.data) {
		switch c := s.data[s.pos]; c {
		case ' ', '\\t', '\\n', '\\r':
			s.pos++
		default:
			return c
		}
	}
	return 0
}

// end says whether only whitespace is left.
func (s *scanner) end() bool {
	s.space()
	return s.pos == len(s.data)
}

// enter opens an object or array and says whether a member follows (false when it is
// empty; when it is no such container, s.bad is set too).
func (s *scanner) enter(open, close byte) bool {
	if s.space() != open {
		s.bad = true
		return false
	}
	s.pos++
	s.depth++
	if s.depth > maxDepth {
		s.bad = true
		return false
	}
	if s.space() == close {
		s.pos++
		s.depth--
		return false
	}
	return true
}

// more reads the comma before the next member (true) or the closing bracket (false).
func (s *scanner) more(close byte) bool {
	switch s.space() {
	case ',':
		s.pos++
		return true
	case close:
		s.pos++
		s.depth--
		return false
	}
	s.bad = true
	return false
}

// key reads an object key and its colon; nil unless the key is plain (no escapes).
func (s *scanner) key() []byte {
	if s.space() != '"' {
		return nil
	}
	start := s.pos + 1
	high := false
	for i := start; i < len(s.data); i++ {
		switch c := s.data[i]; {
		case c == '"':
			key := s.data[start:i]
			if high && !utf8.Valid(key) {
				return nil
			}
			s.pos = i + 1
			if s.space() != ':' {
				return nil
			}
			s.pos++
			return key
		case c == '\\\\' || c < 0x20:
			return nil
		case c >= 0x80:
			high = true
		}
	}
	return nil
}

// str reads a string as encoding/json does (escapes and invalid UTF-8 the slow way).
func (s *scanner) str(dst *string) bool {
	if s.space() != '"' {
		return false
	}
	start := s.pos + 1
	high := false
	for i := start; i < len(s.data); i++ {
		switch c := s.data[i]; {
		case c == '"':
			if high && !utf8.Valid(s.data[start:i]) {
				return s.quoted(dst)
			}
			*dst = string(s.data[start:i])
			s.pos = i + 1
			return true
		case c == '\\\\' || c < 0x20:
			return s.quoted(dst)
		case c >= 0x80:
			high = true
		}
	}
	return false
}

// quoted reads a string with escapes (or invalid UTF-8) through encoding/json.
func (s *scanner) quoted(dst *string) bool {
	start := s.pos
	if !s.skipString() {
		return false
	}
	return json.Unmarshal(s.data[start:s.pos], dst) == nil
}

// skipString steps over a valid JSON string.
func (s *scanner) skipString() bool {
	for i := s.pos + 1; i < len(s.data); i++ {
		switch c := s.data[i]; {
		case c == '"':
			s.pos = i + 1
			return true
		case c < 0x20:
			return false
		case c == '\\\\':
			i++
			if i >= len(s.data) {
				return false
			}
			switch s.data[i] {
			case '"', '\\\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(s.data) {
					return false
				}
				for _, h := range s.data[i+1 : i+5] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return false
					}
				}
				i += 4
			default:
				return false
			}
		}
	}
	return false
}

// number steps over a JSON number and returns its text, and whether it is an integer.
func (s *scanner) number() (text []byte, integer bool) {
	d := s.data
	start := s.pos
	i := start
	if i < len(d) && d[i] == '-' {
		i++
	}
	digits := func() bool {
		from := i
		for i < len(d) && '0' <= d[i] && d[i] <= '9' {
			i++
		}
		return i > from
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case !digits():
		return nil, false
	}
	integer = true
	if i < len(d) && d[i] == '.' {
		i++
		integer = false
		if !digits() {
			return nil, false
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		integer = false
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if !digits() {
			return nil, false
		}
	}
	s.pos = i
	return d[start:i], integer
}

// num reads a JSON number within float64's range.
func (s *scanner) num(dst *float64) bool {
	s.space()
	text, integer := s.number()
	if text == nil {
		return false
	}
	if integer && len(text) <= 15 {
		var n int64
		for _, c := range text {
			if c != '-' {
				n = n*10 + int64(c-'0')
			}
		}
		f := float64(n)
		if text[0] == '-' {
			f = -f
		}
		*dst = f
		return true
	}
	f, err := strconv.ParseFloat(string(text), 64)
	*dst = f
	return err == nil
}

// integer reads a JSON integer that fits an int (int enums).
func (s *scanner) integer(dst *int) bool {
	s.space()
	text, integer := s.number()
	if !integer {
		return false
	}
	n, err := strconv.ParseInt(string(text), 10, 0)
	*dst = int(n)
	return err == nil
}

func (s *scanner) literal(word string) bool {
	if !bytes.HasPrefix(s.data[s.pos:], []byte(word)) {
		return false
	}
	s.pos += len(word)
	return true
}

func (s *scanner) boolean(dst *bool) bool {
	switch s.space() {
	case 't':
		*dst = true
		return s.literal("true")
	case 'f':
		*dst = false
		return s.literal("false")
	}
	return false
}

// null reads a null if one comes next.
func (s *scanner) null() bool {
	return s.space() == 'n' && s.literal("null")
}

// skip steps over any valid JSON value.
func (s *scanner) skip() bool {
	switch c := s.space(); c {
	case '"':
		return s.skipString()
	case '{':
		for ok := s.enter('{', '}'); ok; ok = s.more('}') {
			if s.space() != '"' || !s.skipString() || s.space() != ':' {
				return false
			}
			s.pos++
			if !s.skip() {
				return false
			}
		}
		return !s.bad
	case '[':
		for ok := s.enter('[', ']'); ok; ok = s.more(']') {
			if !s.skip() {
				return false
			}
		}
		return !s.bad
	case 't':
		return s.literal("true")
	case 'f':
		return s.literal("false")
	case 'n':
		return s.literal("null")
	}
	text, _ := s.number()
	return text != nil
}

// scanVia decodes the next value with the precise decoder dec: the fast path of the
// types it does not read itself (unions, any), still in one pass over their bytes.
func scanVia[T any](s *scanner, dec decoder[T], dst *T) bool {
	s.space()
	start := s.pos
	if !s.skip() {
		return false
	}
	v, err := dec(parseTree(s.data[start:s.pos], s.depth), "")
	*dst = v
	return err == nil
}

// fast decodes data with scan: true only when all of it is valid.
func fast[T any](data []byte, scan func(*scanner, *T) bool, dst *T) bool {
	s := scanner{data: data}
	return scan(&s, dst) && !s.bad && s.end()
}

// appendString appends s as a JSON string, escaped as encoding/json escapes it.
func appendString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\\\':
				b = append(b, '\\\\', c)
			case '\\n':
				b = append(b, '\\\\', 'n')
			case '\\r':
				b = append(b, '\\\\', 'r')
			case '\\t':
				b = append(b, '\\\\', 't')
			case '\\b':
				b = append(b, '\\\\', 'b')
			case '\\f':
				b = append(b, '\\\\', 'f')
			default:
				b = append(b, '\\\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == 0x2028 || r == 0x2029 {
			b = append(b, s[start:i]...)
			if r == utf8.RuneError {
				b = append(b, `\\ufffd`...)
			} else {
				b = append(b, '\\\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			}
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendNumber appends f as encoding/json writes a float64; NaN and infinities are no JSON.
func appendNumber(b []byte, f float64) ([]byte, error) {
	if f-f != 0 {
		return b, errors.New("json: unsupported value: " + strconv.FormatFloat(f, 'g', -1, 64))
	}
	abs := f
	if abs < 0 {
		abs = -abs
	}
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1] // e-09 -> e-9
		b = b[:n-1]
	}
	return b, nil
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, "true"...)
	}
	return append(b, "false"...)
}

func appendInt(b []byte, n int) []byte {
	return strconv.AppendInt(b, int64(n), 10)
}

// sortedKeys returns the keys of m in the order encoding/json writes them.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// messageType returns the value of the member key of a JSON object when it is a plain
// string (its text) or a number (as written), reading no further than that member;
// nil otherwise. The fast path that follows checks everything.
func messageType(data []byte, key string) []byte {
	s := scanner{data: data}
	if s.space() != '{' {
		return nil
	}
	s.pos++
	for {
		k := s.key()
		if k == nil {
			return nil
		}
		if string(k) == key {
			if s.space() != '"' {
				text, _ := s.number()
				return text
			}
			for i := s.pos + 1; i < len(s.data); i++ {
				switch c := s.data[i]; {
				case c == '"':
					return s.data[s.pos+1 : i]
				case c == '\\\\' || c < 0x20:
					return nil
				}
			}
			return nil
		}
		if !s.skip() || s.space() != ',' {
			return nil
		}
		s.pos++
	}
}
"""

# Import path of each package the helpers (and generated declarations) refer to.
PACKAGES = {
    "bytes": "bytes",
    "json": "encoding/json",
    "errors": "errors",
    "sort": "sort",
    "strconv": "strconv",
    "utf8": "unicode/utf8",
    "time": "time",
}


@dataclass(frozen=True, slots=True)
class _Helper:
    """One top-level declaration of RUNTIME, its doc comment included."""

    name: str
    text: str
    helpers: frozenset[str]  # the other helpers it calls
    packages: frozenset[str]  # the packages it refers to


def _split(runtime: str) -> tuple[_Helper, ...]:
    """One helper per block; a method (`func (s *scanner) str`) is named `scanner.str`
    and comes with its type, which needs every method's own helpers."""
    blocks = runtime.rstrip("\n").split("\n\n")
    names = [
        re.search(r"^(?:func|type|const) (?:\(\w+ \*?(\w+)\) )?(\w+)", b, re.MULTILINE)
        for b in blocks
    ]
    assert all(names), "every RUNTIME block declares one func, method, type or const"
    keys = [f"{m.group(1)}.{m.group(2)}" if m.group(1) else m.group(2) for m in names if m]
    declared = {k for k in keys if "." not in k}
    found: dict[str, tuple[str, set[str], set[str]]] = {}
    for block, key in zip(blocks, keys, strict=True):
        words = set(re.findall(r"\b\w+\b", block))
        used = {p for p in PACKAGES if re.search(rf"\b{p}\.", block)}
        found[key] = (block, (words & declared) - {key}, used)
    for key in keys:
        if "." in key:
            owner = key.split(".")[0]
            found[owner][1].add(key)
    return tuple(
        _Helper(key, block, frozenset(helpers), frozenset(used))
        for key, (block, helpers, used) in found.items()
    )


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
