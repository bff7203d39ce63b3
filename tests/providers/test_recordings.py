"""Recorded answers and cassettes: replay mechanics, every file's shape, and no secrets."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx
import pytest

from service.config import PROJECT_ROOT, Settings
from service.evidence import EvidenceItem, Sentence
from service.llm import generation_params, make_generator
from service.llm.base import GenerationRequest, MessageGenerator
from service.llm.prompting import Message
from service.llm.providers import openai_generator, openai_like_generator
from service.llm.recording import RecordingGenerator, ReplayGenerator, ReplayMissError
from tests.cassettes import ReplayTransport

RECORDINGS = PROJECT_ROOT / "tests" / "recordings"
SECRETS = re.compile(
    r"sk-[A-Za-z0-9]{6,}|Bearer\s+(?!<scrubbed>)\S+|\"(authorization|cookie|set-cookie|api-key)\":"
    r"\s*\"(?!<scrubbed>)",
    re.IGNORECASE,
)
QUOTE = "Tesla CEO Elon Musk also made a trip to China"
REQUEST = GenerationRequest(
    "Which Tesla executive travelled to China?",
    [EvidenceItem(1, Sentence("d", "t", None, "p", 0, len(QUOTE), QUOTE), 1.0)],
)


class Scripted(MessageGenerator):
    """Failure-free stand-in used only to exercise the recording file format."""

    name = "scripted:model-x"

    def stream_messages(self, messages: Sequence[Message]) -> Iterator[str]:
        yield from ["Elon ", "Musk ", "[1]"]


def test_record_then_replay_then_miss(tmp_path: Path) -> None:
    params = {"temperature": 0.0, "max_tokens": 96}
    recorder = RecordingGenerator(Scripted(), tmp_path, params)
    assert list(recorder.stream(REQUEST)) == ["Elon ", "Musk ", "[1]"]
    (path,) = tmp_path.glob("*.json")
    record = json.loads(path.read_text())
    assert record["provider"] == "scripted" and record["model"] == "model-x"
    assert record["params"] == params and record["response"] == "Elon Musk [1]"
    assert [m["role"] for m in record["messages"]] == ["system", "user"]
    assert record["prompt"].startswith("<|im_start|>system\n")
    replay = ReplayGenerator(tmp_path, params)
    assert replay.name == "replay:scripted:model-x"
    assert replay.generate(REQUEST) == "Elon Musk [1]"
    assert list(replay.stream(REQUEST)) == ["Elon ", "Musk ", "[1]"]
    other = GenerationRequest("A different question?", REQUEST.evidence)
    with pytest.raises(ReplayMissError, match="make record"):
        replay.generate(other)
    with pytest.raises(ReplayMissError):  # other parameters are another key
        ReplayGenerator(tmp_path, {**params, "max_tokens": 50}).generate(REQUEST)


def test_the_replay_provider_is_chosen_by_one_setting() -> None:
    settings = Settings(_env_file=None, llm_provider="replay")
    generator = make_generator(settings)
    assert isinstance(generator, ReplayGenerator)
    assert generator.folder == RECORDINGS / "llm"
    assert generator.params == generation_params(settings)
    assert generator.health().state == "ready"


def test_every_llm_recording_is_complete() -> None:
    files = sorted((RECORDINGS / "llm").glob("*.json"))
    assert len(files) >= 11, "run `make record`"
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        assert record["provider"] == "llamacpp"
        assert record["model"].startswith("SmolLM2-135M-Instruct")
        assert record["response"] == "".join(record["chunks"])
        assert set(record["params"]) == {"temperature", "max_tokens"}


def test_no_recording_contains_a_key_token_or_cookie() -> None:
    files = sorted(RECORDINGS.rglob("*.json"))
    assert any(p.parent.name == "http" for p in files)
    for path in files:
        text = path.read_text(encoding="utf-8")
        match = SECRETS.search(text)
        assert match is None, f"{path.name}: {match.group(0) if match else ''}"


def _cassette_text(path: Path, stream: bool) -> str:
    body = json.loads(path.read_text())["interactions"][-1]["response"]["body"]
    if not stream:
        return str(json.loads(body)["choices"][0]["message"]["content"])
    text = ""
    for line in body.splitlines():
        if line.startswith("data: ") and line != "data: [DONE]":
            delta = json.loads(line[6:])["choices"][0].get("delta", {})
            text += delta.get("content") or ""
    return text


@pytest.mark.parametrize("provider", ["openai", "openai_like"])
@pytest.mark.parametrize("mode", ["generate", "stream"])
def test_openai_wire_protocol_against_recorded_server(provider: str, mode: str) -> None:
    cassette = RECORDINGS / "http" / f"{provider}_{mode}.json"
    transport = ReplayTransport(cassette)
    client = httpx.Client(transport=transport)
    recorded = json.loads(cassette.read_text())["interactions"][-1]["request"]["body"]
    question = recorded["messages"][1]["content"]
    evidence_line = re.search(r"^\[1\] (.+)$", question, re.MULTILINE)
    assert evidence_line is not None
    # Rebuild the same request the recording was made from: same prompt, same parameters.
    text = evidence_line.group(1)
    evidence = [EvidenceItem(1, Sentence("d", "t", None, "p", 0, len(text), text), 1.0)]
    for n, line in enumerate(re.findall(r"^\[(\d+)\] (.+)$", question, re.MULTILINE)[1:], 2):
        evidence.append(
            EvidenceItem(n, Sentence("d", "t", None, "p", 0, len(line[1]), line[1]), 1.0)
        )
    q = re.search(r"^Question: (.+)$", question, re.MULTILINE)
    assert q is not None
    request = GenerationRequest(q.group(1), evidence)
    base = "http://127.0.0.1:1/v1"
    if provider == "openai":
        from pydantic import SecretStr

        settings = Settings(_env_file=None, llm_base_url=base, openai_api_key=SecretStr("sk-x" * 5))
        gen = openai_generator(settings, http_client=client)
    else:
        settings = Settings(_env_file=None, llm_base_url=base, llm_model=recorded["model"])
        gen = openai_like_generator(settings, http_client=client)
    out = gen.generate(request) if mode == "generate" else "".join(gen.stream(request))
    assert out == _cassette_text(cassette, stream=mode == "stream")
    assert out.strip()
    assert recorded["stream"] is (mode == "stream")
    assert len(transport.requests) == 1
