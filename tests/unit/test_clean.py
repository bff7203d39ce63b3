"""Cleaning keeps every piece of evidence and removes the known boilerplate of the samples."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from service.ingestion.clean import (
    clean_article,
    decode_character_references,
    find_published,
    parse_dateline,
)
from service.ingestion.sources import load_file
from tests.conftest import SAMPLE_DIR


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def cleaned(doc_id: str) -> str:
    return clean_article((SAMPLE_DIR / f"{doc_id}.txt").read_text(encoding="utf-8")).text


def test_every_dev_evidence_span_survives_cleaning(dev_qa: list[dict[str, Any]]) -> None:
    spans = [alt for q in dev_qa for group in q.get("evidence_groups", []) for alt in group]
    assert len(spans) >= 11
    for span in spans:
        assert fold(span["text"]) in fold(cleaned(span["doc_id"])), span


def test_every_body_paragraph_of_the_samples_survives() -> None:
    # Long lines of the raw files are article paragraphs; none may be lost.
    for path in sorted(SAMPLE_DIR.glob("*.txt")):
        text = fold(cleaned(path.stem))
        raw = path.read_text(encoding="utf-8")
        # Everything above the teaser sections is article; of it, long lines are paragraphs.
        raw = re.split(r"\n(?:Articles You May Like|Deep Dive)\n", raw)[0]
        body = [line for line in raw.splitlines() if len(line.split()) >= 25]
        body = [b for b in body if not b.startswith(("Disclaimer", "About The Author"))]
        assert body, path
        for paragraph in body:
            # The byline/translation notice may be cut from the head of a paragraph.
            tail = fold(paragraph)[-100:]
            assert tail in text, (path.name, paragraph[:80])


JUNK = {
    "000_9173119fdca6e14c": [
        "Articles You May Like",
        "Bank of England governor backs big retail",
        "Home secretary to announce extra £500m",
        "In this article",
        "Cezaro De Luca | Europa Press | Getty Images",
        # The photo's caption (a 2022 meeting in Madrid, not the one the article reports).
        "participates in a meeting at The Westin Palace Hotel",
    ],
    "001_819d45a17c5bb7df": ["Source link"],
    "002_f30c3b285b3e3037": [
        "Share this article",
        "Disclaimer",
        "Trust Project guidelines",
        "About The Author",
        "Alisa is a reporter for the Metaverse Post",
        "To improve your local-language experience",
        "by Alisa Davidson",
    ],
    "003_be6de4bd62aa57b5": [
        "icon\n",
        "Microsoft logo",
        "Arrow Down",
        "Title icon",
        "Source icon",
        "Semafor Logo",
        "Supported by",
        "Sources:",
        "Global insights on today's biggest stories",
    ],
    "004_b86033e991a1b907": [
        "Skip to Content",
        "Deep Dive",
        "OpenAI teases an amazing new generative video model",
        "Stay connected",
        "Get the latest updates from",
        "Thank you for submitting your email",
        "Explore more newsletters",
        "customer-service@technologyreview.com",
        "Lintao Zhang/Getty Images",
        "Illustration by Rose Wong",
    ],
}


@pytest.mark.parametrize("doc_id", sorted(JUNK))
def test_known_junk_blocks_are_gone(doc_id: str) -> None:
    text = cleaned(doc_id) + "\n"
    raw = (SAMPLE_DIR / f"{doc_id}.txt").read_text(encoding="utf-8")
    for junk in JUNK[doc_id]:
        assert junk in raw, f"test data drifted: {junk!r} not in the raw file"
        assert junk not in text, f"{junk!r} still in cleaned {doc_id}"


@pytest.mark.parametrize(
    ("doc_id", "title", "published"),
    [
        (
            "000_9173119fdca6e14c",
            "Microsoft’s president meets with the Chinese government to discuss A.I. co-operation",
            None,
        ),
        (
            "001_819d45a17c5bb7df",
            "US companies and China have had a complicated relationship.",
            "2024-02-26",
        ),
        (
            "002_f30c3b285b3e3037",
            "Shanghai Invites Microsoft to Promote AI Tech Advancements in the City",
            "2023-12-05",
        ),
        (
            "003_be6de4bd62aa57b5",
            "US and China’s AI talks likely won't result in any deals",
            None,
        ),
        ("004_b86033e991a1b907", "China’s leaders are softening their stance on AI", "2018-09-18"),
    ],
)
def test_title_and_date_of_each_sample(doc_id: str, title: str, published: str | None) -> None:
    raw = (SAMPLE_DIR / f"{doc_id}.txt").read_text(encoding="utf-8")
    result = clean_article(raw)
    assert result.title == title
    assert result.published == published


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("date 2023-12-05 Some title", "2023-12-05"),
        ("Mon. Feb 26th, 2024", "2024-02-26"),
        ("September 18, 2018", "2018-09-18"),
        ("18 September 2018", "2018-09-18"),
        ("Published: Sept 3, 2021", "2021-09-03"),
    ],
)
def test_datelines(line: str, iso: str) -> None:
    parsed = parse_dateline(line)
    assert parsed is not None and parsed[0] == iso


def test_dates_inside_sentences_are_not_publication_dates() -> None:
    text = "Title\n\nThe summit was held on 20 May, 2022 in Madrid, officials said.\n"
    assert find_published(text) is None
    assert parse_dateline("February 30, 2024") is None


def test_normalization_of_spaces_and_blank_lines() -> None:
    result = clean_article("Title\r\n\r\n\r\nA\u00a0sentence  here.\u200b\n\n\n\nNext.")
    assert result.text == "Title\n\nA sentence here.\n\nNext."


def test_a_caption_goes_with_its_photo_credit_but_a_dateline_stays() -> None:
    text = (
        "Ministers meet in Lisbon\n\n"
        "The minister speaks at a summit in Oslo on 3 May, 2021.\n"
        "Jo Lee | Europa Press | Getty Images\n\n"
        "The ministers met in Lisbon on Tuesday to discuss trade and fishing rights.\n\n"
        "September 18, 2018\n"
        "Jo Lee/Getty Images\n\n"
        "The talks will continue next month in Porto, officials said on Tuesday.\n"
    )
    out = clean_article(text).text
    assert "summit in Oslo" not in out and "Getty" not in out
    assert "met in Lisbon on Tuesday" in out and "continue next month" in out
    assert "September 18, 2018" in out


def test_html_character_references_are_decoded_once() -> None:
    # BBC files carry a few ("EC President Jos&#233; Manuel Barroso", "Bryn F&#244;n"): served
    # text, quotes and the lexical index read the letters, not the reference.
    raw = "EC President Jos&#233; Manuel Barroso met Bryn F&#244;n &amp; friends &lt;here&gt;."
    assert decode_character_references(raw) == (
        "EC President José Manuel Barroso met Bryn Fôn & friends <here>."
    )
    assert decode_character_references("Jos&#xE9; &pound;5") == "José £5"
    # once: an article about markup keeps the reference it spells out
    assert decode_character_references("write &amp;lt; for <") == "write &lt; for <"


@pytest.mark.parametrize(
    "text",
    [
        "AT&T and R&D agreed.",  # no reference at all
        "M&S; shares rose.",  # a name HTML does not define
        "Read the &notice and the R&copy note.",  # unterminated legacy names stay as written
        "Fish &amp chips.",
        "The &copyright; and &pounds; of it.",  # not "©right;" nor "£s;"
        "Line&#10;break, a&#0;b, a&#129;b, a&shy;b, a&#x202E;b.",  # shape, not spelling
    ],
)
def test_text_that_only_looks_like_a_reference_is_kept(text: str) -> None:
    assert decode_character_references(text) == text


def test_only_plain_text_files_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nJos&#233; said &amp;lt; twice.\n")
    (tmp_path / "b.html").write_text(
        "<html><head><title>T</title></head><body><p>Write &amp;lt; for &lt;.</p></body></html>"
    )
    (tmp_path / "c.json").write_text('{"id": "c", "text": "Title\\n\\nA &amp; B."}')
    texts = {
        p.name: next(iter(load_file(p, p.stem))).text  # type: ignore[union-attr]
        for p in sorted(tmp_path.iterdir())
    }
    assert "José said &lt; twice." in texts["a.txt"]
    assert "Write &lt; for <." in texts["b.html"]  # its parser decoded it, once
    assert "A &amp; B." in texts["c.json"]  # a record is stored as sent
