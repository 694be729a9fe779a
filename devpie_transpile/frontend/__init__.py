"""The TypeScript frontend: `load(entry)` parses a contract with tree-sitter into IR."""

from .loader import load

__all__ = ["load"]
