"""Fewer cyclic garbage collections while a large model is built or rendered.

Loading a big contract, and rendering it, make millions of small objects that stay
alive (IR nodes, names, lines) and almost no cyclic garbage. With the default
thresholds the collector keeps walking the growing heap: a third of a 10,000-message
load, a fifth of its Go rendering, and a per-message cost that grows with the
contract. Raising the first-generation threshold for the duration keeps the work
linear; the thresholds are restored after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FIRST_GENERATION = 100_000  # allocations between young collections (default 700)


@contextmanager
def few_collections() -> Iterator[None]:
    """Collect rarely inside the block (usable as a decorator too)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], FIRST_GENERATION), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
