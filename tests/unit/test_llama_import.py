"""Two threads importing llama-index for the first time at once (``service.llama_import``).

Each run is a fresh interpreter: the race exists only for a process's first import. Before the
lock, two threads importing different parts of ``llama_index.core`` at once failed in every run
tried (``_DeadlockError``, or "cannot import name 'ComposableGraph'" from a half-initialised
module): a 500 for a request that came during the start-up warm-up.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

# Two of the service's own lazy imports, started together: the evidence's sentence splitter
# (llama_index.core.utils) and the index's dense query (llama_index.core.vector_stores).
RACE = textwrap.dedent(
    """
    import threading
    from service.evidence import sentence_spans
    from service.llama_import import llama_index_core

    def query_types():
        llama_index_core()
        from llama_index.core.vector_stores.types import VectorStoreQuery

    barrier = threading.Barrier(2)
    errors = []

    def run(step):
        barrier.wait()
        try:
            step()
        except Exception as exc:
            errors.append(repr(exc))

    threads = [
        threading.Thread(target=run, args=(lambda: sentence_spans("One. Two."),)),
        threading.Thread(target=run, args=(query_types,)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("errors:", errors)
    """
)


def test_first_imports_from_two_threads_at_once_succeed() -> None:
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", RACE], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "errors: []", done.stdout
