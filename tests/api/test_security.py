"""Keys, admin keys, rate limits, security headers, trusted hosts, docs, metrics, logs: over
HTTP (Starlette's TestClient) against the app over the sample index."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi import Depends
from fastapi.testclient import TestClient

from service.api.middleware import JsonLogFormatter
from service.api.security import require_admin_key
from service.app import create_app
from service.config import Settings
from tests.api.test_endpoints import error_of

QUESTION = "Which Chinese tech giants have launched their own AI models?"
KEYS = "alpha-key-1,beta-key-2"
ADMIN = "admin-key-9"


@pytest.fixture
def app_client(sample_settings: Settings, sample_index: Any) -> Callable[..., Any]:
    """``with app_client(**settings) as client``: an app over the sample index."""

    @contextmanager
    def factory(**overrides: Any) -> Iterator[TestClient]:
        settings = sample_settings.model_copy(update=overrides)
        app = create_app(settings, index=sample_index)

        @app.post("/test-admin", dependencies=[Depends(require_admin_key)])
        async def write() -> dict[str, str]:  # stands in for the write endpoints of issue 15
            return {"written": "yes"}

        with TestClient(app) as c:
            yield c

    return factory


def keyed(**overrides: Any) -> dict[str, Any]:
    from pydantic import SecretStr

    return {"api_keys": SecretStr(KEYS), "admin_keys": SecretStr(ADMIN), **overrides}


def test_without_keys_the_api_is_open(app_client: Any) -> None:
    with app_client() as c:
        assert c.post("/search", json={"query": "AI"}).status_code == 200
        assert c.post("/test-admin").json() == {"written": "yes"}


def test_keys_are_required_on_every_endpoint_but_health(app_client: Any) -> None:
    with app_client(**keyed()) as c:
        for method, path, body in [
            ("POST", "/ask", {"question": QUESTION}),
            ("POST", "/ask/stream", {"question": QUESTION}),
            ("POST", "/search", {"query": "AI"}),
            ("GET", "/documents", None),
            ("GET", "/documents/000_x", None),
            ("GET", "/metrics", None),
        ]:
            response = c.request(method, path, json=body)
            message = error_of(response, 401)
            assert "Authorization: Bearer" in message, path
            assert response.json()["error"]["code"] == "unauthorized"
            assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert c.get("/healthz").status_code == 200
        assert c.get("/readyz").status_code == 200


def test_a_key_in_either_header_is_accepted_and_a_wrong_one_is_not(app_client: Any) -> None:
    with app_client(**keyed()) as c:
        assert c.get("/documents", headers={"Authorization": "Bearer beta-key-2"}).is_success
        assert c.get("/documents", headers={"X-API-Key": "alpha-key-1"}).is_success
        assert c.get("/documents", headers={"X-API-Key": ADMIN}).is_success  # admin reads too
        wrong = c.get("/documents", headers={"Authorization": "Bearer alpha-key-"})
        assert "not valid" in error_of(wrong, 401)
        assert "alpha" not in wrong.text  # a key is never echoed
        assert c.get("/documents", headers={"Authorization": "Basic YWxwaGE="}).status_code == 401


def test_write_endpoints_need_an_admin_key(app_client: Any) -> None:
    with app_client(**keyed()) as c:
        assert c.post("/test-admin").status_code == 401
        reader = c.post("/test-admin", headers={"X-API-Key": "alpha-key-1"})
        assert "admin key" in error_of(reader, 403)
        assert reader.json()["error"]["code"] == "forbidden"
        assert c.post("/test-admin", headers={"X-API-Key": ADMIN}).json() == {"written": "yes"}
    with app_client(api_keys=keyed()["api_keys"]) as c:  # keys on, no admin keys: writes off
        refused = c.post("/test-admin", headers={"X-API-Key": "alpha-key-1"})
        assert "RAG_ADMIN_KEYS" in error_of(refused, 403)


def test_rate_limit_per_key_answers_429_with_retry_after(app_client: Any) -> None:
    with app_client(**keyed(rate_limit=6.0, rate_burst=2)) as c:
        a = {"X-API-Key": "alpha-key-1"}
        assert c.get("/documents", headers=a).is_success
        assert c.get("/documents", headers=a).is_success
        limited = c.get("/documents", headers=a)
        assert "too many requests" in error_of(limited, 429)
        assert limited.json()["error"]["code"] == "rate_limited"
        assert 1 <= int(limited.headers["Retry-After"]) <= 10
        # another key has its own bucket; health is never limited
        assert c.get("/documents", headers={"X-API-Key": "beta-key-2"}).is_success
        assert all(c.get("/healthz").is_success for _ in range(5))


def test_guessing_keys_spends_the_address_bucket(app_client: Any) -> None:
    with app_client(**keyed(rate_limit=6.0, rate_burst=2)) as c:
        statuses = [
            c.get("/documents", headers={"X-API-Key": f"guess{i}"}).status_code for i in range(4)
        ]
    assert statuses[:2] == [401, 401] and statuses[2:] == [429, 429]


def test_security_headers_on_the_page_and_the_api(app_client: Any) -> None:
    with app_client() as c:
        for path in ["/", "/healthz", "/static/app.js", "/nope"]:
            headers = c.get(path).headers
            assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], path
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert "X-Request-ID" in headers


def test_swagger_ui_is_served_locally_or_off(app_client: Any) -> None:
    with app_client() as c:
        page = c.get("/docs")
        assert page.status_code == 200
        sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert sources and all(s.startswith("/docs-assets/") for s in sources), sources
        for asset in sources:
            assert c.get(asset).status_code == 200, asset
        assert c.get("/redoc").status_code == 404  # ReDoc needs a CDN: not served
    with app_client(docs_enabled=False) as c:
        assert c.get("/docs").status_code == 404


def test_untrusted_host_is_refused(app_client: Any) -> None:
    with app_client(trusted_hosts="news.example.com,testserver") as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/healthz", headers={"Host": "evil.example.net"}).status_code == 400


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Prometheus text → {(sample name, labels): value}, with prometheus_client's parser."""
    from prometheus_client.parser import text_string_to_metric_families

    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_metrics_count_requests_answers_and_need_a_key(app_client: Any) -> None:
    with app_client(**keyed()) as c:
        h = {"X-API-Key": "alpha-key-1"}
        assert c.post("/ask", json={"question": QUESTION}, headers=h).is_success
        c.post("/ask", json={"question": "Who won the 1950 chess olympiad?"}, headers=h)
        c.get("/documents/000_x", headers=h)
        # answered before routing, still counted under its route (review66: "unmatched")
        big = {"question": "x" * 70_000}
        assert c.post("/ask", json=big, headers=h).status_code == 413
        text = c.get("/metrics", headers=h).text
    got = samples(text)
    ask_ok = frozenset({("route", "/ask"), ("method", "POST"), ("status", "200")})
    assert got[("newsqa_http_requests_total", ask_ok)] == 2
    doc = frozenset({("route", "/documents/{doc_id:path}"), ("method", "GET"), ("status", "404")})
    assert got[("newsqa_http_requests_total", doc)] == 1  # a template, never the id
    too_big = frozenset({("route", "/ask"), ("method", "POST"), ("status", "413")})
    assert got[("newsqa_http_requests_total", too_big)] == 1
    assert got[("newsqa_answers_total", frozenset({("outcome", "answered")}))] == 1
    assert got[("newsqa_answers_total", frozenset({("outcome", "refused")}))] == 1
    assert ("newsqa_verification_removed_sentences_total", frozenset()) in got
    assert "alpha-key-1" not in text and "000_x" not in text


def test_one_access_log_line_per_request_without_keys(
    app_client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="service.access"), app_client(**keyed()) as c:
        response = c.get("/documents", headers={"X-API-Key": "alpha-key-1"})
    lines = [r for r in caplog.records if r.name == "service.access"]
    assert len(lines) == 1
    record = lines[0]
    assert record.request_id == response.headers["X-Request-ID"]  # type: ignore[attr-defined]
    assert record.route == "/documents" and record.status == 200  # type: ignore[attr-defined]
    assert record.client.startswith("key:")  # type: ignore[attr-defined]
    logged = JsonLogFormatter().format(record)
    entry = json.loads(logged)
    assert entry["status"] == 200 and entry["latency_ms"] >= 0
    assert "alpha-key-1" not in logged


def test_readyz_shows_no_exception_text_or_path(
    app_client: Any,
    sample_index: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken() -> Any:
        raise RuntimeError("sqlite failure at /srv/secret/chroma.sqlite3")

    monkeypatch.setattr(sample_index, "counts", broken)
    with app_client() as c:
        ready = c.get("/readyz")
    assert ready.status_code == 503
    assert "secret" not in ready.text and "sqlite" not in ready.text
    assert ready.headers["X-Request-ID"] in ready.json()["index"]["detail"]
    assert "sqlite failure" in caplog.text  # the reason is in the log, under the request id


def test_the_rate_limit_is_on_by_default_only_with_keys(app_client: Any) -> None:
    with app_client() as c:
        assert c.app.state.rate_limiter.rate == 0  # open API: local use, no limit
    with app_client(**keyed()) as c:
        assert c.app.state.rate_limiter.rate * 60 == 120
    with app_client(rate_limit=30.0) as c:  # explicit: applies without keys too
        assert c.app.state.rate_limiter.rate * 60 == 30


def test_the_schema_states_the_limits_in_force(app_client: Any) -> None:
    """A schema-valid request is never refused for a limit the schema does not state."""
    with app_client(max_question_chars=300, max_history_turns=3, max_doc_ids=7) as c:
        schemas = c.get("/openapi.json").json()["components"]["schemas"]
    assert schemas["AskRequest"]["properties"]["question"]["maxLength"] == 300
    assert schemas["AskRequest"]["properties"]["history"]["maxItems"] == 3
    assert schemas["SearchRequest"]["properties"]["query"]["maxLength"] == 300
    doc_ids = schemas["Filters"]["properties"]["doc_ids"]["anyOf"]
    assert [alt.get("maxItems") for alt in doc_ids if alt.get("type") == "array"] == [7]


def test_httpx_request_lines_do_not_drown_the_access_log() -> None:
    # (review66: in server mode ~3 httpx INFO lines per request to the Chroma server)
    import logging

    from service.api.middleware import configure_logging

    root = logging.getLogger()
    saved = (root.handlers[:], root.level, logging.getLogger("httpx").level)
    try:
        logging.getLogger("httpx").setLevel(logging.NOTSET)
        configure_logging(Settings(_env_file=None, log_level="DEBUG"))
        assert logging.getLogger("httpx").getEffectiveLevel() == logging.DEBUG  # all asked for
        configure_logging(Settings(_env_file=None, log_level="INFO"))
        assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    finally:
        root.handlers[:], _, _ = saved
        root.setLevel(saved[1])
        logging.getLogger("httpx").setLevel(saved[2])


def emitted_links(c: TestClient, headers: dict[str, str]) -> list[str]:
    """Every absolute link a chat completion emits: its url_citation annotations, and in a
    stream its Open WebUI source events and annotations."""
    question = {"role": "user", "content": "Which Tesla executive travelled to China this year?"}
    body = {"model": "newsqa", "messages": [question]}
    answer = c.post("/v1/chat/completions", json=body, headers=headers).json()
    annotations = answer["choices"][0]["message"]["annotations"]
    links = [a["url_citation"]["url"] for a in annotations]
    assert links, "the question must be answered with a citation"
    streamed = c.post("/v1/chat/completions", json={**body, "stream": True}, headers=headers)
    for line in streamed.text.splitlines():
        if not line.startswith("data: {"):
            continue
        data = json.loads(line.removeprefix("data: "))
        event = data.get("event") or {}
        if event.get("type") == "source":
            source = event["data"]
            links += [source["source"]["id"], source["source"]["url"]]
            links += [m["source"] for m in source["metadata"]]
        for choice in data["choices"]:
            links += [a["url_citation"]["url"] for a in choice["delta"].get("annotations", [])]
    return links


@pytest.mark.parametrize(
    ("public_url", "base"),
    [
        ("https://news.example.org", "https://news.example.org/?doc="),
        ("https://example.org/news/", "https://example.org/news/?doc="),  # behind a path prefix
    ],
)
def test_links_are_on_the_public_url_whatever_the_host_header(
    app_client: Any, public_url: str, base: str
) -> None:
    with app_client(public_url=Settings(_env_file=None, public_url=public_url).public_url) as c:
        for host in ("evil.example", "testserver"):
            links = emitted_links(c, {"Host": host})
            assert all(link.startswith(base) for link in links), links


def test_without_a_public_url_links_follow_the_request(app_client: Any) -> None:
    # (local use: the links open the page the client reached)
    with app_client() as c:
        assert all(link.startswith("http://testserver/?doc=") for link in emitted_links(c, {}))
        links = emitted_links(c, {"Host": "evil.example"})
        assert all(link.startswith("http://evil.example/?doc=") for link in links)


@pytest.mark.parametrize(
    "value", ["news.example.org", "ftp://news.example.org", "https://news.example.org/?a=1"]
)
def test_the_public_url_must_be_an_http_base(value: str) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="public_url"):
        Settings(_env_file=None, public_url=value)
