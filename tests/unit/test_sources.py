"""Loaders: formats, ids, encodings and bad files (skipped with a reason, never raised)."""

from __future__ import annotations

import json
from pathlib import Path

from service.ingestion.sources import RawDocument, Skipped, load_paths
from tests.conftest import BBC_DIR


def load(*paths: Path) -> tuple[list[RawDocument], list[Skipped]]:
    docs: list[RawDocument] = []
    skipped: list[Skipped] = []
    for item in load_paths(list(paths)):
        (skipped if isinstance(item, Skipped) else docs).append(item)  # type: ignore[arg-type]
    return docs, skipped


def test_ids_are_relative_paths_without_extension(tmp_path: Path) -> None:
    (tmp_path / "business").mkdir()
    (tmp_path / "business" / "001.txt").write_text("Title\n\nBody text here.", encoding="utf-8")
    (tmp_path / "top.md").write_text("# Heading\n\nBody.", encoding="utf-8")
    docs, skipped = load(tmp_path)
    assert [d.doc_id for d in docs] == ["business/001", "top"]
    assert not skipped
    single, _ = load(tmp_path / "business" / "001.txt")
    assert single[0].doc_id == "001"
    assert Path(single[0].source).is_absolute()


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        """<html><head><title>Chips export curbs widen</title>
        <meta property="article:published_time" content="2024-03-01T10:00:00Z">
        <script>var tracking = 1;</script></head>
        <body><nav>Home | World | Tech</nav>
        <article><h1>Chips export curbs widen</h1><p>Washington widened curbs on chips.</p>
        <p>Officials said more rules are coming.</p></article>
        <footer>Subscribe to our newsletter</footer></body></html>""",
        encoding="utf-8",
    )
    (doc,), _ = load(tmp_path)
    assert doc.title == "Chips export curbs widen"
    assert doc.published == "2024-03-01"
    assert "Washington widened curbs on chips." in doc.text
    assert "tracking" not in doc.text and "Home | World" not in doc.text
    assert "newsletter" not in doc.text


def test_jsonl_records_with_and_without_ids(tmp_path: Path) -> None:
    lines = [
        {
            "id": "wire/1",
            "title": "First",
            "text": "One.",
            "url": "https://example.org/1",
            "published": "2024-01-02",
        },
        {"text": "Two."},
        {"title": "no text"},
        "not an object",
    ]
    body = "\n".join(json.dumps(x) for x in lines) + "\n{broken json\n"
    (tmp_path / "feed.jsonl").write_text(body, encoding="utf-8")
    docs, skipped = load(tmp_path)
    assert [(d.doc_id, d.title, d.published) for d in docs] == [
        ("wire/1", "First", "2024-01-02"),
        ("feed/2", None, None),
    ]
    assert docs[0].source == "https://example.org/1"
    reasons = sorted(s.reason for s in skipped)
    assert len(reasons) == 3
    assert any("missing or empty 'text'" in r for r in reasons)
    assert any("not a JSON object" in r for r in reasons)
    assert any("invalid JSON" in r for r in reasons)


def test_json_array(tmp_path: Path) -> None:
    (tmp_path / "batch.json").write_text(json.dumps([{"text": "A."}, {"text": "B."}]))
    docs, _ = load(tmp_path)
    assert [d.doc_id for d in docs] == ["batch/1", "batch/2"]


def test_bad_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "broken.json").write_text("{nope")
    (tmp_path / ".hidden.txt").write_text("ignored")
    (tmp_path / "good.txt").write_text("Fine\n\nText.")
    docs, skipped = load(tmp_path, tmp_path / "missing-folder")
    assert [d.doc_id for d in docs] == ["good"]
    by_name = {Path(s.source).name: s.reason for s in skipped}
    assert by_name == {
        "binary.txt": "binary file (contains NUL bytes)",
        "broken.json": "invalid JSON (Expecting property name enclosed in double quotes at line 1)",
        "empty.txt": "empty file",
        "image.png": "unsupported file type '.png'",
        "missing-folder": "no such file or folder",
    }


def test_latin1_file_of_the_bbc_corpus_decodes() -> None:
    path = BBC_DIR / "sport" / "199.txt"
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
        utf8 = True
    except UnicodeDecodeError:
        utf8 = False
    assert not utf8, "test data drifted: the Latin-1 file is valid UTF-8 now"
    (doc,), skipped = load(path)
    assert not skipped
    assert "\ufffd" not in doc.text
    assert any(ord(ch) > 127 for ch in doc.text)


def test_utf8_bom_and_cp1252(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffTitle\n\nCafé".encode())
    (tmp_path / "win.txt").write_bytes("Title\n\n\u201cQuoted\u201d".encode("cp1252"))
    docs, _ = load(tmp_path)
    assert docs[0].text.startswith("Title") and "Café" in docs[0].text
    assert "\u201cQuoted\u201d" in docs[1].text
