"""The generation gate: one generation at a time, a bounded queue, no unbounded wait."""

from __future__ import annotations

import threading
import time

import pytest

from service.errors import GenerationTimeoutError, ServiceBusyError
from service.llm.gate import GenerationGate

FAR = 3600.0  # a deadline no test reaches


def far() -> float:
    return time.monotonic() + FAR


def test_admission_is_refused_at_once_when_every_place_is_taken() -> None:
    gate = GenerationGate("m", queue=2, retry_after=3)
    rejected: list[str] = []
    gate.on_reject = rejected.append
    with gate.admit(), gate.admit(), gate.admit():
        assert gate.state().admitted == 3 == gate.capacity
        with pytest.raises(ServiceBusyError) as busy, gate.admit():
            pass
    assert busy.value.retry_after == 3 and "busy" in str(busy.value)
    assert rejected == ["queue_full"]
    assert gate.state().admitted == 0  # every place given back
    with gate.admit():  # and usable again
        pass


def test_a_second_generation_waits_until_its_deadline_then_times_out() -> None:
    gate = GenerationGate("m", queue=1)
    with gate.generation(far()):
        with pytest.raises(GenerationTimeoutError), gate.generation(time.monotonic()):
            pass
        assert gate.state().waiting == 0 and gate.state().running == 1
    assert gate.state().running == 0


def test_generations_beyond_the_bound_are_refused_not_queued() -> None:
    """Bound: the admitted places plus one per slot for a caller that was not admitted (the
    warm-up), so an admitted request is never refused half-way."""
    gate = GenerationGate("m", queue=0)
    waiter_done = threading.Event()

    def wait_for_the_model() -> None:
        with gate.generation(far()):
            waiter_done.set()

    with gate.generation(far()):  # e.g. the warm-up
        waiter = threading.Thread(target=wait_for_the_model)
        waiter.start()  # the one admitted request
        deadline = time.monotonic() + 30
        while gate.state().waiting < 1:
            assert time.monotonic() < deadline, "the waiter never started waiting"
            time.sleep(0.01)
        with pytest.raises(ServiceBusyError), gate.generation(far()):
            pass
    waiter.join(timeout=30)
    assert waiter_done.is_set()


def test_an_error_inside_releases_the_model() -> None:
    gate = GenerationGate("m", queue=0)
    with pytest.raises(RuntimeError), gate.generation(far()):
        raise RuntimeError("model failed")
    with gate.generation(far()):
        assert gate.state().running == 1


def test_threads_never_generate_at_the_same_time() -> None:
    """Eight threads through one gate: never two inside, every one served or told busy."""
    gate = GenerationGate("m", queue=8)
    waits: list[float] = []
    gate.on_wait = waits.append
    inside = 0
    most = 0
    outcomes: list[str] = []
    lock = threading.Lock()

    def model_call() -> None:
        nonlocal inside, most
        try:
            with gate.generation(far()):
                with lock:
                    inside += 1
                    most = max(most, inside)
                time.sleep(0.01)  # a token or two
                with lock:
                    inside -= 1
            outcomes.append("ok")
        except ServiceBusyError:
            outcomes.append("busy")

    threads = [threading.Thread(target=model_call) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert most == 1
    assert outcomes.count("ok") == 8  # capacity 9: nobody turned away
    assert len(waits) == 8 and gate.state() == gate.state().__class__(0, 0, 0, 9)


def test_the_slot_may_be_released_by_another_thread() -> None:
    """A stream is pulled by several worker threads in turn: the gate is not a thread lock."""
    gate = GenerationGate("m", queue=0)
    held = gate.generation(far())
    held.__enter__()
    releaser = threading.Thread(target=held.__exit__, args=(None, None, None))
    releaser.start()
    releaser.join(timeout=10)
    with gate.generation(far()):
        pass
