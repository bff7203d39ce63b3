"""`python -m service` as a user starts it: a real uvicorn process on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from service.config import PROJECT_ROOT, Settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(sample_settings: Settings) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update(
        {
            "RAG_CHROMA_PATH": str(sample_settings.chroma_path),
            "RAG_LLM_PROVIDER": "extractive",
            "HF_HUB_OFFLINE": "1",
        }
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "service", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail("service did not become ready in 120 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_real_server_answers_over_http(server: str, dev_qa: list[dict[str, Any]]) -> None:
    q = next(q for q in dev_qa if q["id"] == "d05")
    answer = httpx.post(f"{server}/ask", json={"question": q["question"]}, timeout=60).json()
    assert "March" in answer["answer"] and answer["citations"]
    doc = httpx.get(f"{server}/documents/{answer['citations'][0]['doc_id']}", timeout=10).json()
    c = answer["citations"][0]
    assert doc["text"][c["start"] : c["end"]] == c["quote"]
    bad = httpx.post(
        f"{server}/ask", content=b"{", timeout=10, headers={"Content-Type": "application/json"}
    )
    assert bad.status_code == 422 and "not valid JSON" in bad.json()["error"]["message"]


def test_mismatched_index_refuses_to_start(sample_settings: Settings) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update(
        {"RAG_CHROMA_PATH": str(sample_settings.chroma_path), "RAG_EMBED_MODEL": "/elsewhere/model"}
    )
    result = subprocess.run(
        [sys.executable, "-m", "service", "--port", str(free_port())],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "--rebuild" in result.stderr and "Traceback" not in result.stderr
