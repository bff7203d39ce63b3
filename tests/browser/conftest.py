"""Browser tests: Debian's Chromium driven by Playwright, against the real service process.

The ``browser`` and ``page`` fixtures live in ``tests/browser_support.py`` (shared with the
clients' citation-link tests).
"""

from __future__ import annotations

import shutil

import pytest

from tests.browser_support import ARTIFACTS

__all__ = ["ARTIFACTS"]


@pytest.fixture(scope="session", autouse=True)
def _clean_artifacts() -> None:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
