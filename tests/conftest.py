"""Shared fixtures. Tests build documents by parsing small texts written for the tests;
nothing here reads ../shared (the eval gate reads corpora from TIMELINE_EVAL_DATA only).

Conventions (after spaCy's tests/README.md): files are test_<module>.py, tests are named
test_<module>_<behaviour>, cases are parametrized even when there is one, golden files live
in tests/golden/ and are rewritten with ``pytest --update-golden`` (review the diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_doc() -> timeline.Document:
    return timeline.parse_file(EXAMPLES / "us-mission-venezuela.md")


@pytest.fixture(scope="session")
def port_doc() -> timeline.Document:
    return timeline.parse_file(EXAMPLES / "port-strike-harbour-city.md")
