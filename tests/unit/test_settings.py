"""Settings: every field documented in .env.example, and the example itself is valid."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from service.config import PROJECT_ROOT, Settings, get_settings
from service.errors import ConfigurationError

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


def test_env_example_copied_to_env_is_read_as_is(monkeypatch: pytest.MonkeyPatch) -> None:
    # (review66: "cp .env.example .env" stopped every entry point on "RAG_RATE_LIMIT=")
    for name in example_entries():
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=EXAMPLE)
    defaults = Settings(_env_file=None)
    for name, (value, _) in example_entries().items():
        if not value:  # an empty entry is the setting's default
            field = name.removeprefix("RAG_").lower()
            assert getattr(settings, field) == getattr(defaults, field), name


def test_secret_is_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAG_OPENAI_API_KEY", "sk-test-not-a-real-key")
    settings = Settings(_env_file=None)
    assert "sk-test" not in repr(settings) and "sk-test" not in str(settings.model_dump())


def test_an_empty_variable_still_overrides_env_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # (review67: ignoring empty values let .env's server win over RAG_CHROMA_HOST= given)
    env_file = tmp_path / ".env"
    env_file.write_text("RAG_CHROMA_HOST=chroma.example\nRAG_RATE_LIMIT=60\n")
    monkeypatch.setenv("RAG_CHROMA_HOST", "")
    monkeypatch.setenv("RAG_RATE_LIMIT", "")
    settings = Settings(_env_file=env_file)
    assert settings.chroma_host is None and settings.rate_limit is None
    monkeypatch.delenv("RAG_CHROMA_HOST")
    assert Settings(_env_file=env_file).chroma_host == "chroma.example"


def test_a_bad_setting_is_named_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAG_TOP_K", "abc")
    with pytest.raises(ConfigurationError, match="RAG_TOP_K: Input should be a valid integer"):
        get_settings()


@pytest.mark.parametrize("module", ["service", "ingest"])
def test_entry_points_report_a_bad_setting_without_a_traceback(module: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env["RAG_TOP_K"] = "abc"
    result = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: invalid settings") and "RAG_TOP_K" in result.stderr
    assert "Traceback" not in result.stderr


def test_thresholds_measured_with_the_default_model_are_named_under_another() -> None:
    assert Settings(_env_file=None).uncalibrated_thresholds() == []
    other = Settings(_env_file=None, embed_model="/models/bge-small-en")
    assert other.uncalibrated_thresholds() == [
        "RAG_TOPIC_FLOOR",
        "RAG_LEAD_MIN_SIMILARITY",
        "RAG_RELATION_MIN_SIMILARITY",
        "RAG_TERM_MIN_SIMILARITY",
    ]
    tuned = Settings(_env_file=None, embed_model="/models/bge-small-en", topic_floor=0.4)
    assert "RAG_TOPIC_FLOOR" not in tuned.uncalibrated_thresholds()
    remote = Settings(_env_file=None, embed_provider="ollama", embed_model="nomic-embed-text")
    assert len(remote.uncalibrated_thresholds()) == 4


def test_a_paraphrase_threshold_under_the_checks_own_is_refused() -> None:
    """The paraphrase pass asks more of a sentence than the check does (review83): 0 is off,
    anything else must be at least RAG_ANSWER_CHECK_THRESHOLD."""
    with pytest.raises(ValidationError, match="RAG_ANSWER_CHECK_PARAPHRASE_THRESHOLD"):
        Settings(answer_check_threshold=0.5, answer_check_paraphrase_threshold=0.3)
    assert Settings(answer_check_threshold=0.5, answer_check_paraphrase_threshold=0.0)
    assert Settings(answer_check_threshold=0.5, answer_check_paraphrase_threshold=0.5)
    assert Settings(answer_check_threshold=0.0, answer_check_paraphrase_threshold=0.9)
