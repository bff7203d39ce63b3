"""The local model's two runtimes (torch, ONNX) and the ONNX export agree and behave."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest

from service.config import Settings
from service.embeddings import (
    local_model_dir,
    make_embed_model,
    onnx_unsupported_reason,
    resolve_runtime,
)
from service.errors import ConfigurationError
from service.onnx_embedding import export_onnx, onnx_path, quantize_onnx
from service.onnx_llama import OnnxEmbedding

TEXTS = [
    "The Bank of England raised interest rates to 4.75%.",
    "Short.",
    "Manchester United beat Arsenal 2-0 at Old Trafford on Sunday. " * 12,  # past 256 pieces
    "Lovely weather.",
]


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / math.sqrt(
        sum(x * x for x in a) * sum(y * y for y in b)
    )


@pytest.fixture(scope="module")
def torch_fp32() -> Any:
    settings = Settings(_env_file=None, embed_runtime="torch", embed_precision="float32")
    return make_embed_model(settings, "batch")


def test_auto_runtime_is_torch_for_ingest_and_onnx_for_the_service() -> None:
    settings = Settings(_env_file=None)
    assert resolve_runtime(settings, "batch") == "torch"
    assert resolve_runtime(settings, "query") == "onnx"
    pinned = Settings(_env_file=None, embed_runtime="torch")
    assert resolve_runtime(pinned, "query") == "torch"


def test_onnx_vectors_match_torch_float32(embed_model: Any, torch_fp32: Any) -> None:
    assert type(embed_model).__name__ == "OnnxEmbedding"
    onnx = embed_model.get_text_embedding_batch(TEXTS)
    torch = torch_fp32.get_text_embedding_batch(TEXTS)
    for a, b in zip(onnx, torch, strict=True):
        assert len(a) == 384
        assert cosine(a, b) > 0.999
        assert abs(math.sqrt(sum(x * x for x in a)) - 1.0) < 1e-4
    q_torch = torch_fp32.get_query_embedding("who raised rates?")
    assert cosine(embed_model.get_query_embedding("who raised rates?"), q_torch) > 0.999
    # with RAG_EMBED_QUERY_INT8 questions go through the int8 copy: close, not equal
    int8 = make_embed_model(Settings(_env_file=None, embed_query_int8=True))
    assert cosine(int8.get_query_embedding("who raised rates?"), q_torch) > 0.98
    # and the vectors are not all alike: unrelated texts stay apart
    assert cosine(onnx[0], onnx[3]) < 0.5


def test_bfloat16_vectors_match_float32(torch_fp32: Any) -> None:
    settings = Settings(_env_file=None, embed_runtime="torch", embed_precision="bfloat16")
    bf16 = make_embed_model(settings, "batch")
    assert type(bf16).__name__ == "_Bf16HuggingFaceEmbedding"
    for a, b in zip(
        bf16.get_text_embedding_batch(TEXTS),
        torch_fp32.get_text_embedding_batch(TEXTS),
        strict=True,
    ):
        assert cosine(a, b) > 0.999


def test_export_is_cached_and_keyed_by_the_weights(tmp_path: Path) -> None:
    model_dir = local_model_dir(Settings(_env_file=None))
    first = export_onnx(model_dir, tmp_path)
    assert first == onnx_path(model_dir, tmp_path) and first.stat().st_size > 1_000_000
    stamp = first.stat().st_mtime_ns
    assert export_onnx(model_dir, tmp_path) == first
    assert first.stat().st_mtime_ns == stamp  # not exported again
    assert [p.name for p in tmp_path.iterdir()] == [first.name]  # no temporary left behind


def test_a_model_without_mean_pooling_stays_on_torch(tmp_path: Path) -> None:
    model = tmp_path / "cls-model"
    (model / "1_Pooling").mkdir(parents=True)
    (model / "tokenizer.json").write_text("{}")
    (model / "1_Pooling" / "config.json").write_text(
        json.dumps({"pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False})
    )
    assert onnx_unsupported_reason(model) == f"{model} does not use mean pooling"
    auto = Settings(_env_file=None, embed_model=str(model))
    assert resolve_runtime(auto, "query") == "torch"  # auto falls back instead of failing
    with pytest.raises(ConfigurationError, match="RAG_EMBED_RUNTIME=torch"):
        export_onnx(model, tmp_path / "cache")  # asked for explicitly: refused, with the fix
    assert onnx_unsupported_reason(local_model_dir(Settings(_env_file=None))) is None


def test_an_unwritable_cache_names_the_setting(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    model_dir = local_model_dir(Settings(_env_file=None))
    with pytest.raises(ConfigurationError, match="RAG_MODEL_CACHE_DIR"):
        export_onnx(model_dir, blocker / "models")


def test_ingest_succeeds_when_the_export_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ingest.__main__ import main
    from tests.conftest import SAMPLE_DIR

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RAG_CHROMA_PATH", str(tmp_path / "chroma"))
    monkeypatch.setenv("RAG_MODEL_CACHE_DIR", str(blocker / "models"))
    assert main([str(SAMPLE_DIR), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["documents"] == 5
    assert "warning: the service's ONNX model was not exported" in err
    assert "RAG_MODEL_CACHE_DIR" in err and "Traceback" not in err


def test_a_missing_model_folder_names_the_setting(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, embed_model=str(tmp_path / "nope"))
    with pytest.raises(ConfigurationError, match="RAG_EMBED_MODEL"):
        make_embed_model(settings)


def test_embed_texts_keeps_the_input_order(sample_settings: Settings, embed_model: Any) -> None:
    from service.index import open_index

    index = open_index(sample_settings, embed_model=embed_model)
    together = index.embed_texts(TEXTS)  # embedded sorted by length, returned in input order
    for text, vector in zip(TEXTS, together, strict=True):
        assert cosine(vector, embed_model.get_text_embedding(text)) > 0.9999


def test_ingest_prepares_the_services_onnx_model(tmp_path: Path) -> None:
    from service.embeddings import prepare_query_model

    exported = prepare_query_model(Settings(_env_file=None, model_cache_dir=tmp_path))
    assert exported is not None and exported.parent == tmp_path and exported.exists()
    torch_only = Settings(_env_file=None, model_cache_dir=tmp_path / "x", embed_runtime="torch")
    assert prepare_query_model(torch_only) is None and not (tmp_path / "x").exists()


def test_int8_query_copy_is_cached_and_close_to_float32(tmp_path: Path) -> None:
    model_dir = local_model_dir(Settings(_env_file=None))
    exported = export_onnx(model_dir, Settings(_env_file=None).model_cache_dir)
    shutil.copy(exported, tmp_path / exported.name)
    int8 = quantize_onnx(tmp_path / exported.name)
    assert int8.stat().st_size < exported.stat().st_size / 3  # int8 weights
    stamp = int8.stat().st_mtime_ns
    assert quantize_onnx(tmp_path / exported.name) == int8 and int8.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([exported.name, int8.name])
    both = OnnxEmbedding(model_dir, exported, int8)
    fp32 = OnnxEmbedding(model_dir, exported)
    texts = both.get_text_embedding_batch(TEXTS)
    # Texts stay float32 (the stored vectors); questions use the int8 copy.
    for a, b in zip(texts, fp32.get_text_embedding_batch(TEXTS), strict=True):
        assert cosine(a, b) > 0.9999
    for question in ("who raised rates?", "Which team won at Old Trafford?"):
        q8, q32 = both.get_query_embedding(question), fp32.get_query_embedding(question)
        assert 0.98 < cosine(q8, q32) < 0.99999  # another model, nearly the same vectors
        scores8 = [cosine(q8, t) for t in texts]
        scores32 = [cosine(q32, t) for t in texts]
        assert scores8.index(max(scores8)) == scores32.index(max(scores32))


def test_the_service_model_uses_the_int8_copy_when_told_to() -> None:
    on = make_embed_model(Settings(_env_file=None, embed_query_int8=True))
    off = make_embed_model(Settings(_env_file=None))
    q_on, q_off = on.get_query_embedding("rates"), off.get_query_embedding("rates")
    assert 0.98 < cosine(q_on, q_off) < 0.99999
    assert cosine(off.get_query_embedding("rates"), off.get_text_embedding("rates")) > 0.99999


def test_the_service_starts_and_embeds_questions_without_llama_index_core() -> None:
    """Importing the service and loading its query model import no llama-index module (about
    0.7 s of CPU, a third of a cold start); the first search imports it (the Chroma query goes
    through llama-index's vector store), in the start-up thread after /readyz says ready."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "import service.__main__\n"
        "from service.config import Settings\n"
        "from service.embeddings import Embedder\n"
        "embedder = Embedder(Settings(_env_file=None), 'query')\n"
        "vector = embedder.embed_query('who raised rates?')\n"
        "assert embedder.state == 'ready' and len(vector) == 384\n"
        "print(sorted(m for m in sys.modules if m.startswith('llama_index')))\n"
        "print(type(embedder.model).__name__)\n"
        "assert embedder.model.get_query_embedding('who raised rates?') == vector\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    before, model = done.stdout.strip().splitlines()
    assert before == "[]"
    assert model == "OnnxEmbedding"  # llama-index's interface still wraps the same encoder
