"""llama-index's core package, imported once, by one thread at a time.

The service imports llama-index where it is used (start-up does not pay ~2 s for it). But
``llama_index.core`` imports itself circularly, and when two threads import it for the first
time at once (the start-up warm-up querying the index while a request embeds a posted
article), Python's import locks hand one of them a partly initialised module:
``_DeadlockError`` or "cannot import name 'ComposableGraph'", a 500, and modules left broken
for the rest of the process (review65's run; ``tests/unit/test_llama_import.py`` reproduces
it). Every lazy import of llama-index calls ``llama_index_core()`` first.

Thread-safe: a lock serialises the first import; later calls return at once.
"""

from __future__ import annotations

import threading

_lock = threading.Lock()
_done = False


def llama_index_core() -> None:
    """Import ``llama_index.core`` (and with it its circular parts) if not yet done."""
    global _done
    if _done:
        return
    with _lock:
        if not _done:
            import llama_index.core  # noqa: F401

            _done = True
