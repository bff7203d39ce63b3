"""Slow and lying clients against the real server (uvicorn, raw sockets): headers sent a byte
at a time, idle connections, a body that never arrives, a 1 GB Content-Length."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlparse

import httpx
import pytest

from service.config import Settings
from tests.servers import RunningService, running_service

BOUND = 1.0  # RAG_HEADER_TIMEOUT and RAG_BODY_TIMEOUT of the server under test


@pytest.fixture(scope="module")
def server(
    sample_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningService]:
    env = {
        "RAG_CHROMA_PATH": str(sample_settings.chroma_path),
        "RAG_LLM_PROVIDER": "extractive",
        "RAG_HEADER_TIMEOUT": str(BOUND),
        "RAG_BODY_TIMEOUT": str(BOUND),
        "RAG_LOG_FORMAT": "json",
        "RAG_API_KEYS": "slow-key",
    }
    with running_service(env, tmp_path_factory.mktemp("slow-clients")) as service:
        yield service


@pytest.fixture(scope="module")
def address(server: RunningService) -> tuple[str, int]:
    url = urlparse(server.url)
    assert url.hostname and url.port
    return url.hostname, url.port


def connect(address: tuple[str, int]) -> socket.socket:
    sock = socket.create_connection(address, timeout=10 * BOUND + 10)
    return sock


def closed_by_server(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes; socket.timeout if it never does."""
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


def test_headers_sent_a_byte_at_a_time_are_cut_off(address: tuple[str, int]) -> None:
    sock = connect(address)
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200
    started = time.monotonic()
    with pytest.raises(OSError):  # the server closes while we are still sending
        for byte in request:
            sock.send(bytes([byte]))
            time.sleep(0.05)
    assert closed_by_server(sock) == b""
    assert time.monotonic() - started < 10 * BOUND  # the 200-byte trickle needed 10 s
    sock.close()


def test_a_connection_that_sends_nothing_is_closed(address: tuple[str, int]) -> None:
    sock = connect(address)
    assert closed_by_server(sock) == b""  # without the header bound: held forever
    sock.close()


def test_a_body_that_never_arrives_gets_408(address: tuple[str, int]) -> None:
    sock = connect(address)
    sock.sendall(
        b"POST /search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b'Content-Length: 100\r\n\r\n{"query": '
    )
    reply = closed_by_server(sock)
    assert reply.startswith(b"HTTP/1.1 408") and b"request_timeout" in reply
    sock.close()


def test_a_1gb_content_length_is_refused_before_any_byte_of_it(address: tuple[str, int]) -> None:
    sock = connect(address)
    sock.sendall(
        b"POST /ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 1000000000\r\n\r\n"
    )
    reply = closed_by_server(sock)
    assert reply.startswith(b"HTTP/1.1 413") and b"payload_too_large" in reply
    sock.close()


def test_many_slow_connections_do_not_stop_others(address: tuple[str, int]) -> None:
    slow = [connect(address) for _ in range(100)]
    for sock in slow:
        sock.send(b"GET /healthz HTTP/1.1\r\n")
    url = f"http://{address[0]}:{address[1]}"
    assert httpx.get(f"{url}/healthz", timeout=10).status_code == 200
    for sock in slow:
        assert closed_by_server(sock) == b""
        sock.close()


def test_json_logs_one_line_per_request_without_the_key(server: RunningService) -> None:
    response = httpx.post(
        f"{server.url}/search", json={"query": "AI"}, headers={"X-API-Key": "slow-key"}
    )
    assert response.status_code == 200
    rid = response.headers["X-Request-ID"]
    deadline = time.monotonic() + 10
    while rid not in server.log.read_text():
        assert time.monotonic() < deadline, "no access line for the request"
        time.sleep(0.1)
    lines = [
        json.loads(line) for line in server.log.read_text().splitlines() if line.startswith("{")
    ]
    mine = [entry for entry in lines if entry.get("request_id") == rid]
    assert len(mine) == 1
    assert mine[0]["route"] == "/search" and mine[0]["status"] == 200
    assert mine[0]["client"].startswith("key:") and mine[0]["latency_ms"] > 0
    assert "slow-key" not in server.log.read_text()
    assert all({"time", "level", "logger", "message"} <= set(entry) for entry in lines)
