"""The browser fixture: Debian's chromium driven by Playwright (never a downloaded browser),
skipped with the reason when either is missing; .ci/run installs both."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def screens() -> Path:
    """Where browser tests save screenshots to look at (kept after the run, git-ignored)."""
    path = Path(__file__).parent / "screens"
    path.mkdir(exist_ok=True)
    return path
