"""Starting the real service as a user would: `python -m service` on a free loopback port."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from eval.bench import free_port
from service.config import PROJECT_ROOT

NETGUARD = Path(__file__).parent / "integration" / "netguard"


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


def service_exit(env_overrides: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m service` run to its exit, for a start that must be refused (its output
    captured): the environment without the developer's ``RAG_*`` settings, plus overrides."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update({"HF_HUB_OFFLINE": "1", **env_overrides})
    return subprocess.run(
        [sys.executable, "-m", "service", "--port", str(free_port())],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@contextmanager
def running_service(env_overrides: dict[str, str], tmp: Path) -> Iterator[RunningService]:
    """A `python -m service` process for the duration of a ``with`` block."""
    proc, service = start_service(env_overrides, tmp)
    try:
        yield service
    finally:
        proc.terminate()
        proc.wait(timeout=30)


class ChromaServer:
    """`chroma run` (from the chromadb package) on a free loopback port and a given folder."""

    def __init__(self, path: Path, log: Path) -> None:
        self.path = path
        self.log = log
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def env(self) -> dict[str, str]:
        """Settings that point the ingest job and the service at this server."""
        return {"RAG_CHROMA_HOST": "127.0.0.1", "RAG_CHROMA_PORT": str(self.port)}

    def start(self) -> None:
        chroma = Path(sys.executable).parent / "chroma"
        self.proc = subprocess.Popen(
            [
                str(chroma),
                "run",
                "--path",
                str(self.path),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"chroma run exited: {self.log.read_text()[-2000:]}")
            try:
                url = f"http://127.0.0.1:{self.port}/api/v2/heartbeat"
                if httpx.get(url, timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        pytest.fail("chroma run did not answer in 60 s")

    def kill(self) -> None:
        """SIGKILL: no chance to flush or close anything."""
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)


def ask_all(client: Any, questions: list[str]) -> list[dict[str, Any]]:
    """POST each question to ``/ask`` (an httpx client or Starlette's TestClient); every answer
    must be a 200."""
    answers = []
    for question in questions:
        response = client.post("/ask", json={"question": question})
        assert response.status_code == 200, response.text
        answers.append(response.json())
    return answers
