"""The sentence layout a chunk record carries (``service.sentence_store``)."""

from __future__ import annotations

import pytest

from service.sentence_store import decode_layout, encode_layout


def test_a_layout_round_trips_in_document_offsets() -> None:
    spans = [(1200, 1290), (1291, 1400), (1402, 1500)]
    text = encode_layout(spans, 1200)
    assert text == "0-90,91-200,202-300"  # offsets from the chunk's start: short
    assert decode_layout(text, 1200) == tuple(spans)


@pytest.mark.parametrize(
    "value",
    [None, "", 17, "0-90,x-4", "0-90,91", "5-5", "-3-4", "0-90;91-200"],
)
def test_anything_else_is_no_layout(value: object) -> None:
    # None sends the chunk to the old read (sentence records by id, with their metadata).
    assert decode_layout(value, 100) is None
