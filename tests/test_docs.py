"""The README and the help texts are part of the product: keep them true."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from timeline.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, re.S)


def test_docs_readme_starts_with_setup_and_test_commands() -> None:
    setup, test = (b.strip() for b in _blocks()[:2])
    assert "pip install -e" in setup and "timeline build examples/ -o graphs/" in setup
    assert test == ".venv/bin/python -m pytest"
    assert README.index(setup) < README.index(test) < README.index("---")


def test_docs_ci_runs_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    setup, test = (b.strip() for b in _blocks()[:2])
    assert setup in ci and test in ci


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_docs_every_command_has_help_and_a_readme_line(name: str) -> None:
    res = CliRunner().invoke(cli, [name, "--help"])
    assert res.exit_code == 0
    assert cli.commands[name].help and len(cli.commands[name].help) > 20
    assert f"timeline {name}" in README
