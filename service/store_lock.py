"""Processes take turns on an embedded Chroma store: services share it, the ingest job writes alone.

Embedded Chroma (``PersistentClient``) keeps each collection's vector index in the memory of
the process that opened it and never reloads it for another process's writes
(chroma-core/chroma#3792). A service left running while ``python -m ingest`` wrote to the same
folder found the new chunks in SQLite but not in its vector index: every search that reached
one failed until the service was restarted, and ``/readyz`` still said ready. Two ingest jobs on
one folder would race the same way.

So the entry points hold an advisory lock (``flock``) on ``<RAG_CHROMA_PATH>/newsqa.lock``:
``python -m service`` a shared one (several services may read one store, as the tests do;
for a write over HTTP, see ``exclusive`` below),
``python -m ingest`` an exclusive one, each taken without waiting and refused with what to do
instead (add articles over HTTP, stop the service first, or use a Chroma server). The kernel
drops a lock when its process exits, however it exits (SIGKILL included), so a crash never
leaves the store locked. A Chroma server (``RAG_CHROMA_HOST``) serves any number of processes
and takes no lock. Code that opens the index inside a process (tests, scripts) takes none
either: the lock is about processes, not threads.

A service that adds or deletes articles over HTTP takes the lock exclusively for the write
(``exclusive``): alone on the store it writes and shares the lock again; beside other services
it is refused (``StoreSharedError``, 409), because they would not see the write until they
restart. A service started later loads the store from disk and sees everything written.

``acquire`` and ``release``: not thread-safe, each entry point calls them once, before it
starts any thread. ``exclusive``: thread-safe (a lock serialises this process's writers).
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Literal

from service.config import Settings
from service.errors import IndexInUseError, StoreSharedError

LOCK_FILE = "newsqa.lock"

Role = Literal["service", "ingest"]

_REFUSALS: dict[Role, str] = {
    "ingest": (
        "the index (RAG_CHROMA_PATH) is open in another process: a running service or another "
        "ingest job. An embedded Chroma store cannot take writes from two processes (a running "
        "service would not see the new articles until restarted). Add articles over HTTP "
        "(POST /documents) while the service runs, stop the service before running the ingest "
        "job, or use a Chroma server (RAG_CHROMA_HOST)."
    ),
    "service": (
        "the index (RAG_CHROMA_PATH) is being written by an ingest job in another process "
        "(or by a service adding articles). Start the service when the write has finished, or "
        "use a Chroma server (RAG_CHROMA_HOST)."
    ),
}
_SHARED = (
    "other services share this embedded store (RAG_CHROMA_PATH) and would not see this write "
    "until they restart. Write through one service: stop the others first, or use a Chroma "
    "server (RAG_CHROMA_HOST), which any number of services share."
)


class StoreLock:
    """The lock of one entry point on the embedded store its settings name (a no-op in
    server mode). Use as a context manager, or ``acquire`` / ``release``."""

    def __init__(self, settings: Settings, role: Role) -> None:
        self.role = role
        self.path: Path | None = None if settings.chroma_host else settings.chroma_path / LOCK_FILE
        self._file: IO[str] | None = None
        self._writing = threading.Lock()

    def acquire(self) -> None:
        """Take the lock now, or raise ``IndexInUseError`` saying what to do instead."""
        if self.path is None or self._file is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a", encoding="utf-8")
        mode = fcntl.LOCK_SH if self.role == "service" else fcntl.LOCK_EX
        try:
            fcntl.flock(handle, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise IndexInUseError(_REFUSALS[self.role]) from None
        self._file = handle

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the store alone for the block (a service's write), then share it again.

        Raises ``StoreSharedError`` when other processes share the store. Without a held lock
        (server mode, or code that opened the index in process) there is no one to tell apart:
        the block just runs. ``flock`` converts a lock by dropping it and taking the other
        kind: a refused upgrade has dropped the shared lock, which is taken again at once
        (other services hold theirs, so no ingest job can have taken the store meanwhile).
        """
        with self._writing:
            if self._file is None:
                yield
                return
            try:
                fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fcntl.flock(self._file, fcntl.LOCK_SH)
                raise StoreSharedError(_SHARED) from None
            try:
                yield
            finally:
                fcntl.flock(self._file, fcntl.LOCK_SH)

    def release(self) -> None:
        """Give the lock back (closing the file releases it)."""
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
