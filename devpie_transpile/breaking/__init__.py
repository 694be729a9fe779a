"""`devpie-transpile breaking`: which changes of the contract break readers of its JSON.

`compare` walks two IR modules (never syntax); `git` reads the old contract from a
revision through the loader's `FileSystem` seam; `allow` reads the comments that
accept a change; `command` is the subcommand.
"""

from .compare import RULES, Finding, compare, select

__all__ = ["RULES", "Finding", "compare", "select"]
