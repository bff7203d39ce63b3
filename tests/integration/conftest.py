"""Integration tests: the real service process (uvicorn on a free loopback port) over the
sample index, with the replay provider and the network guard."""

from __future__ import annotations

import socket
import sys

import pytest

from tests.servers import NETGUARD


@pytest.fixture(autouse=True)
def no_network_off_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test process itself may only talk to loopback, too."""
    sys.path.insert(0, str(NETGUARD))
    try:
        from netguard_rules import allowed  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(NETGUARD))
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        if not allowed(address):
            raise ConnectionRefusedError(f"network guard: {address!r} is not loopback")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)
