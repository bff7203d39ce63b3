"""Settings: every field documented in .env.example, and the example itself is valid."""

from __future__ import annotations

import re

import pytest

from service.config import PROJECT_ROOT, Settings

EXAMPLE = PROJECT_ROOT / ".env.example"


def example_entries() -> dict[str, tuple[str, str]]:
    """NAME -> (value, the comment line right above it)."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    entries = {}
    for i, line in enumerate(lines):
        m = re.match(r"^(RAG_[A-Z0-9_]+)=(.*)$", line)
        if m:
            comment = lines[i - 1] if i else ""
            entries[m.group(1)] = (m.group(2), comment)
    return entries


def test_every_setting_is_in_env_example_with_a_comment() -> None:
    entries = example_entries()
    fields = {f"RAG_{name.upper()}" for name in Settings.model_fields}
    assert fields - entries.keys() == set(), "settings missing from .env.example"
    assert entries.keys() - fields == set(), ".env.example names settings that do not exist"
    for name, (_, comment) in entries.items():
        assert comment.startswith("# ") and len(comment) > 10, f"{name} has no comment"


def test_every_setting_has_a_description() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, name


def test_env_example_values_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, (value, _) in example_entries().items():
        if value:
            monkeypatch.setenv(name, value)
    settings = Settings(_env_file=None)
    assert settings.chunk_size == 256 and settings.chroma_host is None


def test_secret_is_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAG_OPENAI_API_KEY", "sk-test-not-a-real-key")
    settings = Settings(_env_file=None)
    assert "sk-test" not in repr(settings) and "sk-test" not in str(settings.model_dump())
