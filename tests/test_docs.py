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


def test_docs_readme_entity_timeline_example_is_what_the_command_prints(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # (a document's id depends on its path, as written)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"\$ timeline entity-timeline --entity Putin examples/\n(.*?)```", readme, re.S
    )
    assert block is not None
    res = CliRunner().invoke(cli, ["entity-timeline", "--entity", "Putin", "examples/"])
    assert res.exit_code == 0, res.output
    assert res.output == block.group(1)
