"""The Python target: validating dataclasses in black's style.

`render` lays the module out (`render.py`), naming (`names.py`), black's layout
rules (`layout.py`) and the runtime helpers copied into generated code
(`runtime.py`) live beside it.
"""
