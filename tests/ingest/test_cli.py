"""``python -m ingest`` as a user runs it: real processes, real exit codes and output."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from service.config import PROJECT_ROOT, Settings
from service.index import NewsIndex, open_index
from service.ingestion.pipeline import IngestJob
from service.lexical import LexicalIndex
from tests.conftest import BBC_DIR


def ingest_env(chroma: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update({"RAG_CHROMA_PATH": str(chroma), "HF_HUB_OFFLINE": "1", **extra})
    return env


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ingest", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_json_mode_prints_one_summary_line(tmp_path: Path, articles: Path) -> None:
    env = ingest_env(tmp_path / "chroma")
    first = run_cli([str(articles), "--json"], env)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert len(lines) == 1
    summary = json.loads(lines[0])
    expected = {
        "documents",
        "chunks",
        "added",
        "updated",
        "unchanged",
        "deleted",
        "skipped",
        "duplicates",
        "embedded",
        "seconds",
        "chunks_per_second",
    }
    assert expected <= summary.keys()
    assert (summary["documents"], summary["added"]) == (5, 5)
    second = json.loads(run_cli([str(articles), "--json"], env).stdout)
    assert (second["embedded"], second["unchanged"], second["documents"]) == (0, 5, 5)


def test_default_path_is_the_bundled_sample(tmp_path: Path) -> None:
    result = run_cli(["--json"], ingest_env(tmp_path / "chroma"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"] == 5


def test_mismatch_exits_2_with_a_message_naming_rebuild(tmp_path: Path, articles: Path) -> None:
    env = ingest_env(tmp_path / "chroma")
    assert run_cli([str(articles), "--json"], env).returncode == 0
    changed = run_cli([str(articles), "--json"], {**env, "RAG_CHUNK_SIZE": "100"})
    assert changed.returncode == 2
    assert changed.stdout == ""
    assert "--rebuild" in changed.stderr and "Traceback" not in changed.stderr
    rebuilt = run_cli([str(articles), "--json", "--rebuild"], {**env, "RAG_CHUNK_SIZE": "100"})
    assert rebuilt.returncode == 0 and json.loads(rebuilt.stdout)["added"] == 5


def snapshot(index: NewsIndex) -> dict[str, Any]:
    got = index.chunk_collection.get(include=["metadatas", "documents"])
    chunks = sorted(zip(got["ids"], got["documents"], strict=True))
    docs = {d: (r.fingerprint, r.chunks, r.aliases) for d, r in index.document_records().items()}
    sentences = index.sentence_store.collection.get(include=["metadatas"])
    return {
        "chunks": chunks,
        "docs": docs,
        "sentences": sorted(
            (i, sorted(m.items()))
            for i, m in zip(sentences["ids"], sentences["metadatas"], strict=True)
        ),
    }


def kill_after(args: list[str], env: dict[str, str], marker: str, count: int) -> bool:
    """Start the ingest job, SIGKILL it when ``marker`` has appeared ``count`` times in its log.

    Returns False when the run finished before that.
    """
    proc = subprocess.Popen(
        [sys.executable, "-m", "ingest", *args],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    seen = 0
    for line in proc.stderr:
        if marker in line:
            seen += 1
            if seen >= count:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=60)
                assert proc.returncode == -signal.SIGKILL
                return True
    proc.wait(timeout=60)
    return False


def sync_lexical(path: Path, env: dict[str, str]) -> None:
    """Sync a BM25 file with the store in another process, as a running service would."""
    code = (
        "import sys; from pathlib import Path; from service.config import Settings; "
        "from service.index import open_index; from service.lexical import LexicalIndex; "
        "LexicalIndex(Path(sys.argv[1]), refresh_seconds=0).refresh("
        "open_index(Settings(_env_file=None)), force=True)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_sigkill_at_any_point_then_rerun_equals_one_clean_run(
    tmp_path: Path, make_settings: Callable[..., Settings], embed_model: Any
) -> None:
    folder = tmp_path / "bbc"
    for path in sorted((BBC_DIR / "business").glob("*.txt"))[:36]:
        (folder / "business").mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / "business" / path.name)
    shutil.copy(folder / "business" / "001.txt", folder / "business" / "zzz.txt")  # an alias
    knobs = {"chunk_size": 128, "chunk_overlap": 16, "embed_batch_size": 4}

    reference_settings = make_settings(chroma_path=tmp_path / "reference", **knobs)
    reference_index = open_index(reference_settings, for_writing=True, embed_model=embed_model)
    IngestJob(reference_settings, reference_index).run([folder])
    expected = snapshot(reference_index)
    assert len(expected["docs"]) == 36 and len(expected["chunks"]) > 60

    chroma = tmp_path / "killed"
    env = ingest_env(
        chroma,
        RAG_CHUNK_SIZE="128",
        RAG_CHUNK_OVERLAP="16",
        RAG_EMBED_BATCH_SIZE="4",
        RAG_LOG_LEVEL="DEBUG",
    )
    args = [str(folder), "--json"]
    # Kill points: while embedding the first batch (nothing stored yet), right after the
    # chunks of a batch are stored (before their records), during a later batch, and deep
    # into the run.
    kills = [
        ("embedding", 1),
        ("stored chunks", 1),
        ("embedding", 3),
        ("stored records", 5),
    ]
    lexical_file = tmp_path / "lexical.sqlite"
    killed = []
    for marker, n in kills:
        killed.append(kill_after(args, env, marker, n))
        sync_lexical(lexical_file, env)
    assert all(killed), "a run finished before it could be killed; the kill points need moving"
    final = run_cli(args, {**env, "RAG_LOG_LEVEL": "WARNING"})
    assert final.returncode == 0, final.stderr
    summary = json.loads(final.stdout)
    assert summary["documents"] == 36 and summary["duplicates"] == 1

    settings = make_settings(chroma_path=chroma, **knobs)
    got = snapshot(open_index(settings, embed_model=embed_model))
    assert got == expected
    ids = [c[0] for c in got["chunks"]]
    assert len(ids) == len(set(ids))
    assert {dict(meta)["chunk_id"] for _, meta in got["sentences"]} == set(ids)
    # A service's BM25 file that synced between the kills ends in step with the chunks.
    lexical = LexicalIndex(lexical_file, refresh_seconds=0)
    lexical.refresh(open_index(settings, embed_model=embed_model), force=True)
    assert sorted(lexical.chunk_ids().items()) == expected["chunks"]


def test_hostile_folder_every_bad_file_skipped_with_its_reason(
    tmp_path: Path, articles: Path
) -> None:
    # The README's table of bad inputs, as a user meets it: one run, exit code 0, every bad
    # file named with its reason, the articles indexed.
    (articles / "passwd.txt").symlink_to("/etc/passwd")
    (articles / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    records = [{"id": "/", "text": "Slash."}, {"id": "..", "text": "Dots."}, {"text": "Fine."}]
    (articles / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    (articles / "huge.txt").write_text("Huge\n\n" + "word " * 500_000, encoding="utf-8")
    utf16 = "Tide tables\n\nHigh tide in Valletta is at 06:12 on Monday."
    (articles / "utf16.txt").write_bytes(b"\xff\xfe" + utf16.encode("utf-16-le"))
    os.mkfifo(articles / "pipe.txt")
    env = ingest_env(tmp_path / "chroma")
    result = run_cli([str(articles), "--json"], env)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["added"], summary["documents"], summary["skipped"]) == (7, 7, 6)
    assert {s["source"]: s["reason"] for s in summary["skipped_files"]} == {
        "deep.json": "invalid JSON (nested too deeply)",
        "feed.jsonl#1": "record 1: unusable id '/' (empty)",
        "feed.jsonl#2": "record 2: unusable id '..' (has an empty, '.' or '..' path segment)",
        "huge.txt": "2,500,006 bytes, larger than RAG_MAX_DOC_BYTES (2,097,152 bytes)",
        "passwd.txt": "symbolic link to outside the ingested folder: not followed",
        "pipe.txt": "not a regular file",
    }
    assert str(tmp_path) not in result.stdout, "no server path in what the job reports"
    again = run_cli([str(articles)], env)
    assert again.returncode == 0, again.stderr
    assert "7 unchanged" in again.stdout and "6 skipped" in again.stdout
    assert "  skipped passwd.txt: symbolic link to outside the ingested folder: not followed" in (
        again.stdout.splitlines()
    )


def test_a_path_that_is_not_there_refuses_the_run(tmp_path: Path, articles: Path) -> None:
    """A typo in the command is not a bad file to skip: exit code 2, nothing written."""
    env = ingest_env(tmp_path / "chroma")
    done = run_cli([str(articles), str(tmp_path / "artciles"), "--json"], env)
    assert done.returncode == 2
    assert "no such file or folder" in done.stderr and "artciles" in done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert not (tmp_path / "chroma").exists()
