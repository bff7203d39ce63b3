"""The entry points' lock on an embedded store (``service.store_lock``): flock semantics.

``flock`` locks belong to open file descriptions, so two ``StoreLock`` objects in one process
conflict exactly as two processes would; one test also kills a real holder process.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from service.config import Settings
from service.errors import IndexInUseError, StoreSharedError
from service.store_lock import LOCK_FILE, StoreLock


def test_services_share_a_store(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    with StoreLock(settings, "service"), StoreLock(settings, "service"):
        assert (settings.chroma_path / LOCK_FILE).exists()


def test_an_ingest_job_is_refused_while_a_service_has_the_store(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings()
    with StoreLock(settings, "service"), pytest.raises(IndexInUseError) as refused:
        StoreLock(settings, "ingest").acquire()
    message = str(refused.value)
    assert "POST /documents" in message and "RAG_CHROMA_HOST" in message
    assert str(settings.chroma_path) not in message  # no server path in a message
    with StoreLock(settings, "ingest"):  # free again once the service let go
        pass


def test_a_service_and_a_second_job_are_refused_while_a_job_writes(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings()
    with StoreLock(settings, "ingest"):
        with pytest.raises(IndexInUseError, match="being written by an ingest job"):
            StoreLock(settings, "service").acquire()
        with pytest.raises(IndexInUseError, match="open in another process"):
            StoreLock(settings, "ingest").acquire()


def test_another_store_is_not_locked(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    with (
        StoreLock(make_settings(), "ingest"),
        StoreLock(make_settings(chroma_path=tmp_path / "other"), "ingest"),
    ):
        pass


def test_server_mode_takes_no_lock(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(chroma_host="127.0.0.1")
    with StoreLock(settings, "ingest"), StoreLock(settings, "ingest"):
        assert not (settings.chroma_path / LOCK_FILE).exists()


def test_a_killed_holder_leaves_the_store_free(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings()
    settings.chroma_path.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time\n"
            f"f = open({str(settings.chroma_path / LOCK_FILE)!r}, 'a')\n"
            "fcntl.flock(f, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "time.sleep(600)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(IndexInUseError):
            StoreLock(settings, "service").acquire()
    finally:
        holder.kill()  # SIGKILL: no clean-up code runs in the holder
        holder.wait(timeout=30)
    deadline = time.monotonic() + 10
    while True:
        try:
            with StoreLock(settings, "ingest"):
                break
        except IndexInUseError:
            assert time.monotonic() < deadline, "the kernel did not drop a dead process's lock"
            time.sleep(0.1)


class _Failing:
    """A collection whose reads fail with ``message`` (failure injection)."""

    def __init__(self, message: str) -> None:
        self.message = message
        self.calls = 0

    def get(self, **kwargs: object) -> dict[str, object]:
        from chromadb.errors import InternalError

        self.calls += 1
        raise InternalError(self.message)


def test_only_a_stale_vector_index_is_read_past() -> None:
    """``get_readable`` reads past embedded Chroma's "Error finding id" (ids its vector index
    lacks) and nothing else: another Chroma failure reaches the caller (a 503), not an empty
    read (review62)."""
    from chromadb.errors import InternalError

    from service.chroma_paging import get_readable

    stale = _Failing("Error executing plan: Internal error: Error finding id")
    assert get_readable(stale, ["a", "b"], ["embeddings"]) == {"ids": [], "embeddings": []}
    assert stale.calls == 3  # the batch, then one by one
    broken = _Failing("database disk image is malformed")
    with pytest.raises(InternalError):
        get_readable(broken, ["a", "b"], ["embeddings"])
    assert broken.calls == 1


def test_a_service_writes_alone_and_then_shares_the_store_again(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings()
    with StoreLock(settings, "service") as service:
        with service.exclusive(), pytest.raises(IndexInUseError, match="a service adding"):
            StoreLock(settings, "service").acquire()
        with StoreLock(settings, "service"):  # shared again after the write
            pass
        with pytest.raises(IndexInUseError):  # and still held: no ingest job under it
            StoreLock(settings, "ingest").acquire()


def test_a_write_beside_another_service_is_refused_and_keeps_the_shared_lock(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings()
    with StoreLock(settings, "service") as service:
        other = StoreLock(settings, "service")
        other.acquire()
        with pytest.raises(StoreSharedError, match="RAG_CHROMA_HOST"), service.exclusive():
            pytest.fail("the write must not run")
        with pytest.raises(IndexInUseError):  # the refused upgrade gave its shared lock back
            StoreLock(settings, "ingest").acquire()
        other.release()
        with service.exclusive():
            pass


def test_without_a_held_lock_a_write_just_runs(make_settings: Callable[..., Settings]) -> None:
    ran = []
    for lock in (
        StoreLock(make_settings(), "service"),
        StoreLock(make_settings(chroma_host="h"), "service"),
    ):
        with lock.exclusive():
            ran.append(lock)
    assert len(ran) == 2
