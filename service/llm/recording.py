"""Recorded answers: record a real provider's exchanges, replay them without any model.

Each exchange is one readable JSON file under the recordings folder, named by a hash of the
exact messages and generation parameters, holding provider, model, messages, the rendered
prompt, parameters, the response and its streamed pieces. Replay serves the pieces for a
matching hash and fails loudly, naming the re-record command, when there is none (for
example after a prompt file changed).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from service.config import PROJECT_ROOT
from service.errors import ReplayMissError as ReplayMissError  # re-exported
from service.llm.base import MessageGenerator, ProviderHealth
from service.llm.prompting import Message, chatml

RERECORD_COMMAND = "make record"


def _shown(folder: Path) -> str:
    """The folder as users may see it: relative to the project, else its name only."""
    try:
        return str(folder.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return folder.name


def exchange_key(messages: list[dict[str, str]], params: dict[str, Any]) -> str:
    """The hash that names a recording: exact messages plus generation parameters."""
    blob = json.dumps({"messages": messages, "params": params}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def _plain(messages: Sequence[Message]) -> list[dict[str, str]]:
    return [{"role": m.role, "content": m.content} for m in messages]


class RecordingGenerator(MessageGenerator):
    """Runs the real provider and saves every exchange it completes (answers and condensing)."""

    def __init__(self, inner: MessageGenerator, folder: Path, params: dict[str, Any]) -> None:
        self.inner = inner
        self.name = inner.name
        self.gate = inner.gate
        self.folder = folder
        self.params = params

    def stream_messages(self, messages: Sequence[Message]) -> Iterator[str]:
        """Pass the provider's tokens through, then write the recording."""
        pieces: list[str] = []
        for piece in self.inner.stream_messages(messages):
            pieces.append(piece)
            yield piece
        plain = _plain(messages)
        provider, _, model = self.inner.name.partition(":")
        record = {
            "provider": provider,
            "model": model,
            "messages": plain,
            "prompt": chatml(list(messages)),
            "params": self.params,
            "response": "".join(pieces),
            "chunks": pieces,
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{exchange_key(plain, self.params)}.json"
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False, indent=2)
            f.write("\n")
        os.replace(tmp, target)

    def health(self) -> ProviderHealth:
        """The real provider's health."""
        return self.inner.health()

    def warm_up(self) -> None:
        """The real provider's warm-up."""
        self.inner.warm_up()


class ReplayGenerator(MessageGenerator):
    """Serves recorded answers; needs no model and no network."""

    def __init__(self, folder: Path, params: dict[str, Any]) -> None:
        self.folder = folder
        self.params = params
        models = {
            f"{r.get('provider')}:{r.get('model')}"
            for r in (self._read(p) for p in sorted(folder.glob("*.json"))[:50])
        }
        self.name = "replay:" + (next(iter(models)) if len(models) == 1 else "recordings")

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    def stream_messages(self, messages: Sequence[Message]) -> Iterator[str]:
        """The recorded pieces; ReplayMissError when this prompt was never recorded."""
        key = exchange_key(_plain(messages), self.params)
        path = self.folder / f"{key}.json"
        if not path.is_file():
            miss = ReplayMissError(
                f"no recorded answer for this prompt (key {key}) in {_shown(self.folder)}; the "
                "prompt or its parameters changed since recording. "
                f"Re-record with `{RERECORD_COMMAND}`"
            )
            self.report_error(miss)
            raise miss
        yield from self._read(path)["chunks"]

    def health(self) -> ProviderHealth:
        """Ready when there are recordings to serve."""
        if any(self.folder.glob("*.json")):
            return ProviderHealth("ready")
        return ProviderHealth(
            "unreachable", f"no recordings in {_shown(self.folder)}; run `{RERECORD_COMMAND}`"
        )
