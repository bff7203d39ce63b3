"""Starting the real service as a user would: `python -m service` on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from service.config import PROJECT_ROOT

NETGUARD = Path(__file__).parent / "integration" / "netguard"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RunningService:
    """A started `python -m service` process."""

    def __init__(self, url: str, log: Path, netlog: Path) -> None:
        self.url = url
        self.log = log
        self.netlog = netlog

    def blocked_connections(self) -> str:
        return self.netlog.read_text() if self.netlog.exists() else ""


def start_service(
    env_overrides: dict[str, str], tmp: Path
) -> tuple[subprocess.Popen[str], RunningService]:
    port = free_port()
    netlog = tmp / "netguard.log"
    log = tmp / "service.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update(
        {
            "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)]),
            "NETGUARD_LOG": str(netlog),
            "HF_HUB_OFFLINE": "1",
            **env_overrides,
        }
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "service", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        text=True,
    )
    service = RunningService(f"http://127.0.0.1:{port}", log, netlog)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"service exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{service.url}/readyz", timeout=2).status_code == 200:
                return proc, service
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    proc.kill()
    pytest.fail(f"service not ready in 120 s: {log.read_text()[-2000:]}")
