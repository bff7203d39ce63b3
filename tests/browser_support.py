"""Playwright fixtures for every suite that drives Debian's Chromium (browser/, clients/).

One plugin module (``pytest_plugins`` in tests/conftest.py), so that one session has one
browser: two ``sync_playwright()`` instances in one process fail ("Sync API inside the asyncio
loop").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from service.config import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh page; its screenshot is saved under test-artifacts/ (not committed)."""
    # Playwright's wait_for_function evaluates strings, which the page's Content-Security-Policy
    # forbids (no 'unsafe-eval'); test_api_keys.py checks the page under its real CSP.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"
