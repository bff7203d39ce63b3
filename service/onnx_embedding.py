"""The local sentence-transformers model run by ONNX Runtime instead of PyTorch.

Written by hand because nothing installed does it without torch: sentence-transformers'
own ONNX backend (and optimum) import torch, which alone costs the service seconds of start-up
and hundreds of MB. ONNX Runtime and the Hugging Face ``tokenizers`` library are all this needs
at run time; torch is needed once, to export the packaged weights (``export_onnx``), which the
ingest job or the first service start does and caches in ``model_cache_dir``.

The export is the same network and the same weights in float32: its vectors match the PyTorch
model's (a test holds cosine similarity above 0.999), so an index built by either is queried by
either.

With ``RAG_EMBED_QUERY_INT8``, queries run on an int8 copy (``quantize_onnx``: ONNX Runtime's
dynamic quantisation, weights per channel): a third of the float32 CPU time per question
(measured: ~3 ms -> ~1 ms on this machine) at cosine ~0.99 to the float32 vector; evidence
recall on both dev sets is unchanged (README, "Performance"). Stored vectors and every text
the service embeds (uploads, the claims the verifier compares) stay float32. Per-tensor int8
(cosine ~0.97) lost recall@1; it is not used. Off by default: scores move by ~0.01, so some
evidence orders, and so LLM prompts, change (the recorded exchanges in ``tests/recordings/llm``
would need recording again).

Sessions run each inference on the calling thread (``intra_op_num_threads=1``, no spinning):
the service runs one inference per request thread, and ONNX Runtime's default pool (a thread
per core, spinning between inferences) only made request threads compete for the 2 cores
(measured, float32, loaded machine: 5-7 ms of CPU per question with the default pool, 3.1-3.9
ms on one thread). A large upload (``POST /documents``) embeds on one core.

``OnnxEncoder`` (this module) is the model itself and imports nothing from llama-index, so the
service's start-up loads it without importing ``llama_index.core`` (~0.7 s of CPU, about a third
of a cold start); ``service.onnx_llama.OnnxEmbedding`` is the llama-index ``BaseEmbedding`` over
an encoder, for code that wants llama-index's interface (the ingest job, tests).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from service.embeddings import onnx_unsupported_reason
from service.errors import ConfigurationError

log = logging.getLogger(__name__)

EXPORT_VERSION = 1
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def _model_fingerprint(model_dir: Path) -> str:
    """A short hash naming the weights and configuration an export came from."""
    digest = hashlib.sha256(f"export-v{EXPORT_VERSION}".encode())
    for name in ("config.json", "model.safetensors", "pytorch_model.bin", "tokenizer.json"):
        path = model_dir / name
        if path.exists():
            stat = path.stat()
            digest.update(f"{name}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    return digest.hexdigest()[:16]


def onnx_path(model_dir: Path, cache_dir: Path) -> Path:
    """Where the export of ``model_dir`` lives (whether or not it exists yet)."""
    return cache_dir / f"{model_dir.name}-{_model_fingerprint(model_dir)}.onnx"


def export_onnx(model_dir: Path, cache_dir: Path) -> Path:
    """Export the transformer of ``model_dir`` to ONNX once; later calls return the cached file.

    Written to a temporary file and renamed, so concurrent processes never see half a file.
    """
    target = onnx_path(model_dir, cache_dir)
    if target.exists():
        return target
    reason = onnx_unsupported_reason(model_dir)
    if reason:
        raise ConfigurationError(f"{reason}; set RAG_EMBED_RUNTIME=torch")
    from transformers import AutoModel

    log.info("exporting %s to ONNX at %s (once)", model_dir, target)
    base = AutoModel.from_pretrained(str(model_dir)).eval()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".onnx.part")
    except OSError as exc:
        raise ConfigurationError(
            f"cannot write the ONNX export to {cache_dir}: {exc}. "
            "Set RAG_MODEL_CACHE_DIR to a writable folder."
        ) from exc
    os.close(fd)
    try:
        torch_to_onnx(
            base, lambda out: out.last_hidden_state, Path(tmp), "last_hidden_state", tokens=True
        )
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the export is not a secret
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def torch_to_onnx(
    model: Any, pick: Callable[[Any], Any], path: Path, output: str, *, tokens: bool
) -> None:
    """Export a Hugging Face BERT-style ``model`` to ONNX at ``path``: inputs ``input_ids``,
    ``attention_mask`` and ``token_type_ids`` of any batch size and length, one output named
    ``output`` chosen from the model's by ``pick`` (per token when ``tokens``). Shared by the
    embedding export and the answerability check's (``eval.answer_model export``)."""
    import torch

    class _Picked(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return pick(
                self.inner(
                    input_ids=input_ids,
                    attention_mask=attention_mask,
                    token_type_ids=token_type_ids,
                )
            )

    sample = torch.ones((2, 8), dtype=torch.long)
    # The TorchScript exporter: one self-contained file, no onnxscript needed.
    torch.onnx.export(
        _Picked(),
        (sample, sample, torch.zeros_like(sample)),
        str(path),
        input_names=list(_INPUTS),
        output_names=[output],
        dynamic_axes={name: {0: "batch", 1: "tokens"} for name in _INPUTS}
        | {output: {0: "batch", 1: "tokens"} if tokens else {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )


def quantize_onnx(onnx_file: Path) -> Path:
    """An int8 copy of an export for queries (dynamic quantisation, per-channel weights),
    made once beside it; written to a temporary file and renamed like the export."""
    target = onnx_file.with_name(f"{onnx_file.stem}-int8.onnx")
    if target.exists():
        return target
    from onnxruntime.quantization import QuantType, quantize_dynamic

    log.info("quantising %s to int8 at %s (once)", onnx_file, target)
    fd, tmp = tempfile.mkstemp(dir=onnx_file.parent, suffix=".onnx.part")
    os.close(fd)
    try:
        quantize_dynamic(onnx_file, tmp, per_channel=True, weight_type=QuantType.QInt8)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def onnx_session(path: Path, threads: int) -> Any:
    """An ONNX Runtime session on ``threads`` threads that do not spin between runs."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


class OnnxEncoder:
    """Mean-pooled, L2-normalised sentence embeddings from an exported encoder.

    Thread-safe: ONNX Runtime sessions and ``tokenizers`` may be called from several threads.
    """

    def __init__(self, model_dir: Path, onnx_file: Path, query_file: Path | None = None) -> None:
        """``query_file``: another export of the same model for queries (the int8 copy)."""
        from tokenizers import Tokenizer

        config_path = model_dir / "sentence_bert_config.json"
        config = json.loads(config_path.read_text()) if config_path.exists() else {}
        self.model_dir = model_dir
        self.max_length = int(config.get("max_seq_length", 256))
        tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=self.max_length)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest in the batch
        self._tokenizer = tokenizer
        self._session = onnx_session(onnx_file, 1)
        self._query_session = onnx_session(query_file, 1) if query_file else self._session

    def encode(self, texts: list[str], *, query: bool = False) -> list[list[float]]:
        """The vectors of ``texts`` (one batch); ``query``: on the query session."""
        import numpy as np

        if not texts:
            return []
        encoded = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        session = self._query_session if query else self._session
        hidden = session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )[0]
        weights = mask[..., None].astype(hidden.dtype)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        vectors: list[list[float]] = pooled.tolist()
        return vectors
