"""A trailing slash names the same route: served as without it, never a redirect (a client
may resend a redirected POST without its body, and the redirect's ``Location`` named the
request's ``Host``); unknown paths stay 404s in the route's error shape."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from tests.api.test_endpoints import QUESTION, error_of

CHAT = {"model": "newsqa", "messages": [{"role": "user", "content": QUESTION}]}


def same(client: TestClient, method: str, path: str, **kwargs: Any) -> Any:
    """``path`` and ``path/`` answered alike, without a redirect; the answer with the slash."""
    plain = client.request(method, path, follow_redirects=False, **kwargs)
    slashed = client.request(method, path + "/", follow_redirects=False, **kwargs)
    assert plain.status_code == 200, plain.text
    assert slashed.status_code == 200, (path, slashed.status_code, slashed.headers)
    assert "location" not in slashed.headers
    return slashed


def test_get_documents_with_a_slash_is_the_listing(client: TestClient) -> None:
    listing = same(client, "GET", "/documents").json()
    assert listing == client.get("/documents").json() and listing["total"] == 5
    assert (
        same(client, "GET", "/documents", params={"limit": 2}).json()["documents"]
        == (listing["documents"][:2])
    )
    doc_id = listing["documents"][0]["doc_id"]
    assert same(client, "GET", f"/documents/{doc_id}").json()["doc_id"] == doc_id


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics", "/v1/models", "/docs"])
def test_get_routes_with_a_slash(client: TestClient, path: str) -> None:
    same(client, "GET", path)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/search", {"query": "AI models"}),
        ("/ask", {"question": QUESTION}),
        ("/ask/stream", {"question": QUESTION}),
        ("/v1/chat/completions", CHAT),
    ],
)
def test_post_routes_with_a_slash_get_their_body(client: TestClient, path: str, body: Any) -> None:
    response = same(client, "POST", path, json=body)
    if path == "/search":
        assert response.json()["results"]
    elif path == "/ask/stream":
        assert "event: done" in response.text
    else:
        assert response.json()["citations"]


def test_the_upload_limit_of_chat_applies_with_a_slash(client: TestClient) -> None:
    # (a conversation over RAG_MAX_BODY_BYTES, as chat clients resend: the upload limit)
    turns = [
        {"role": "user", "content": "Which AI models were launched?"},
        {"role": "assistant", "content": "x " * 40_000},
    ]
    body = {**CHAT, "messages": [*turns, *CHAT["messages"]]}
    same(client, "POST", "/v1/chat/completions", json=body)


def test_wrong_method_and_unknown_paths_with_a_slash(client: TestClient) -> None:
    response = client.delete("/documents/", follow_redirects=False)
    assert "DELETE is not allowed here" in error_of(response, 405)
    assert response.headers["Allow"] == "GET, HEAD, POST"
    for path in ["/nope/", "/ask/nope/"]:
        assert "no route GET" in error_of(client.get(path, follow_redirects=False), 404)
    response = client.post("/v1/completions/", json=CHAT, follow_redirects=False)
    assert response.status_code == 404 and response.json()["error"]["code"] == "unknown_url"
    assert client.get("/", follow_redirects=False).status_code == 200  # the chat page


def test_delete_with_a_slash_deletes(make_settings: Any, embed_model: Any, tmp_path: Any) -> None:
    from service.index import open_index
    from service.ingestion.pipeline import IngestJob

    folder = tmp_path / "corpus" / "business"
    folder.mkdir(parents=True)
    (folder / "001.txt").write_text("Oil prices rise\n\nOil rose 3% on Monday.", encoding="utf-8")
    (folder / "002.txt").write_text("Gold falls\n\nGold fell 2% on Tuesday.", encoding="utf-8")
    settings = make_settings(lexical_dir=tmp_path / "lexical")
    index = open_index(settings, for_writing=True, embed_model=embed_model)
    IngestJob(settings, index).run([tmp_path / "corpus"])
    with TestClient(create_app(settings, index=index)) as c:
        response = c.delete("/documents/business/001/", follow_redirects=False)
        assert response.status_code == 200, response.text
        assert response.json()["doc_id"] == "business/001"
        listing = c.get("/documents/", follow_redirects=False).json()
        assert [d["doc_id"] for d in listing["documents"]] == ["business/002"]
