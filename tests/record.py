"""``python -m tests.record`` (``make record``): re-record every recorded answer and cassette.

1. Ingests the sample articles into a scratch index and asks every dev-set question through the
   real local model (``llamacpp``, SmolLM2) in record mode: ``tests/recordings/llm/``.
2. Starts llama-cpp-python's OpenAI-compatible server with the same model on a free loopback
   port and records the OpenAI wire protocol through the ``openai`` and ``openai_like``
   providers, non-streaming and streaming: ``tests/recordings/http/``.

Needs the ``llamacpp`` extra (``make run`` installs it). Nothing leaves this machine.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from pydantic import SecretStr

from service.answer_check import open_answer_check
from service.answering import AnswerService, Question
from service.config import PROJECT_ROOT, Settings
from service.index import open_index
from service.ingestion.pipeline import IngestJob
from service.llm import generation_params, make_generator
from service.llm.base import GenerationRequest, Turn
from service.llm.providers import default_gguf_path, openai_generator, openai_like_generator
from tests.cassettes import RecordingTransport
from tests.security.hostile import record as record_hostile

RECORDINGS = PROJECT_ROOT / "tests" / "recordings"
DEV_QA = PROJECT_ROOT.parent / "shared" / "eval" / "dev_qa.jsonl"
# The conversation the browser test replays: a question, then a follow-up.
CONVERSATION = ("Which Tesla executive travelled to China this year?", "What about Apple?")
# A key of the shape of OpenAI's, so that the scrubbing is exercised for real.
FAKE_KEY = "sk-local-recording-" + "0" * 24


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def record_answers(scratch: Path) -> AnswerService:
    """Ask every dev question through llamacpp in record mode."""
    folder = RECORDINGS / "llm"
    shutil.rmtree(folder, ignore_errors=True)
    settings = Settings(
        _env_file=None,
        chroma_path=scratch / "chroma",
        chroma_host=None,
        llm_provider="llamacpp",
        llm_record=True,
        recordings_dir=folder,
    )
    IngestJob(settings, open_index(settings, for_writing=True)).run([settings.articles_dir])
    # The index as the service opens it (its ONNX query encoder): the recorded prompts must be
    # the ones `python -m service` sends, and a borderline second evidence sentence can differ
    # between the ingest job's torch encoder and ONNX (cosine > 0.999, not identical).
    # ... and with the learned answerability check, which decides the leads as it does there
    service = AnswerService.checked(
        settings, open_index(settings), make_generator(settings), open_answer_check(settings)
    )
    questions = [json.loads(line) for line in DEV_QA.read_text(encoding="utf-8").splitlines()]
    for q in questions:
        answer = service.ask(Question(q["question"]))
        flag = "refused" if answer.refused else ("degraded" if answer.degraded else "answered")
        print(f"{q['id']} {flag}: {answer.answer[:100]}", file=sys.stderr)
    first = service.ask(Question(CONVERSATION[0]))
    follow = service.ask(Question(CONVERSATION[1], (Turn(CONVERSATION[0], first.answer),)))
    print(f"follow-up searched {follow.query!r}: {follow.answer[:100]}", file=sys.stderr)
    print(f"recorded {len(list(folder.glob('*.json')))} answers in {folder}", file=sys.stderr)
    return service


def record_cassettes(service: AnswerService) -> None:
    """The OpenAI wire protocol against llama-cpp-python's server, four cassettes."""
    folder = RECORDINGS / "http"
    shutil.rmtree(folder, ignore_errors=True)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(default_gguf_path()),
            "--model_alias",
            "smollm2-135m-instruct",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "2048",
            "--n_threads",
            "2",
            "--seed",
            "0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/v1"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{base}/models", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            raise RuntimeError("llama_cpp.server did not start")
        # Evidence for one dev question, as the service would offer it.
        question = "Which Tesla executive travelled to China this year?"
        _, evidence = service.gather(question)
        request = GenerationRequest(question, evidence)
        for provider in ("openai", "openai_like"):
            for mode in ("generate", "stream"):
                transport = RecordingTransport(folder / f"{provider}_{mode}.json")
                client = httpx.Client(transport=transport)
                if provider == "openai":
                    # llama-index's OpenAI class only takes OpenAI model names; the local
                    # server answers any name with its one model.
                    settings = Settings(
                        _env_file=None, llm_base_url=base, openai_api_key=SecretStr(FAKE_KEY)
                    )
                    generator = openai_generator(settings, http_client=client)
                else:
                    settings = Settings(
                        _env_file=None,
                        llm_base_url=base,
                        llm_model="smollm2-135m-instruct",
                        llm_api_key=SecretStr(FAKE_KEY),
                    )
                    generator = openai_like_generator(settings, http_client=client)
                if mode == "generate":
                    text = generator.generate(request)
                else:
                    text = "".join(generator.stream(request))
                transport.save()
                print(f"{provider} {mode}: {text[:100]!r}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    """Re-record everything."""
    with tempfile.TemporaryDirectory() as scratch:
        service = record_answers(Path(scratch))
        record_cassettes(service)
        record_hostile(Path(scratch) / "hostile")
    print("params:", generation_params(service.settings), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
