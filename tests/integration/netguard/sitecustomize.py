"""Loaded by every Python process started with this folder on PYTHONPATH (the integration
tests do that): any socket connection off loopback is refused and written to the file named
by NETGUARD_LOG, which the tests then require to be empty.
"""

from __future__ import annotations

import os
import socket

from netguard_rules import allowed as _allowed  # type: ignore[import-not-found]

_LOG = os.environ.get("NETGUARD_LOG")
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _refuse(address: object) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {address!r}\n")
    raise ConnectionRefusedError(f"network guard: connection to {address!r} is not allowed")


def _guarded_connect(self: socket.socket, address: object) -> None:
    if not _allowed(address):
        _refuse(address)
    _connect(self, address)  # type: ignore[arg-type]


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if not _allowed(address):
        _refuse(address)
    return _connect_ex(self, address)  # type: ignore[arg-type]


socket.socket.connect = _guarded_connect  # type: ignore[method-assign,assignment]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign,assignment]
