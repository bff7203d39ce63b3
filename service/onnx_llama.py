"""The ONNX encoder (``service.onnx_embedding.OnnxEncoder``) as a llama-index embedding model.

Apart from ``service.onnx_embedding`` so that loading the encoder does not import
``llama_index.core`` (see there); same vectors, one encoder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from service.onnx_embedding import OnnxEncoder


class OnnxEmbedding(BaseEmbedding):
    """Mean-pooled, L2-normalised sentence embeddings from an exported encoder."""

    max_length: int = 256
    _encoder: OnnxEncoder = PrivateAttr()

    def __init__(
        self,
        model_dir: Path,
        onnx_file: Path | None = None,
        query_file: Path | None = None,
        *,
        encoder: OnnxEncoder | None = None,
        **kwargs: Any,
    ) -> None:
        """Load the exports (``query_file``: another export of the same model for queries,
        the int8 copy), or wrap an ``encoder`` already loaded from them."""
        if encoder is None:
            if onnx_file is None:
                raise ValueError("an ONNX file or an encoder is needed")
            encoder = OnnxEncoder(model_dir, onnx_file, query_file)
        super().__init__(model_name=str(model_dir), max_length=encoder.max_length, **kwargs)
        self._encoder = encoder

    @property
    def encoder(self) -> OnnxEncoder:
        """The encoder this model runs."""
        return self._encoder

    @classmethod
    def class_name(cls) -> str:
        """The name llama-index serialises this class under."""
        return "OnnxEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encoder.encode([query], query=True)[0]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encoder.encode([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encoder.encode(texts)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)
