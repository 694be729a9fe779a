"""The Go target: structs with JSON tags and validating decoders, gofmt-clean.

`render` lays the package out (`render.py`); Go types (`types.py`), naming
(`names.py`), gofmt's layout rules (`gofmt.py`) and the runtime helpers copied
into generated code (`runtime.py`) live beside it.
"""
