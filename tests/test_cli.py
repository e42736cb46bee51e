"""The command line: outputs, exit codes and the exact one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import EXAMPLES
from timeline.cli import cli


@pytest.fixture()
def run():
    def _run(*args: str, input: bytes | str | None = None):
        return CliRunner().invoke(
            cli, list(args), input=input, catch_exceptions=False, prog_name="timeline"
        )

    return _run


@pytest.mark.parametrize("name", ["us-mission-venezuela.md"])
def test_cli_parse_prints_valid_document(run, name: str) -> None:
    res = run("parse", str(EXAMPLES / name))
    assert res.exit_code == 0
    doc = json.loads(res.stdout)
    assert doc["schema"] == "timeline/document/1"
    assert (
        doc["source"]["published"] == "2022-03-05" and doc["source"]["published_from"] == "metadata"
    )


@pytest.mark.parametrize("text", ["Last Tuesday the minister resigned."])
def test_cli_parse_stdin_with_published(run, text: str) -> None:
    res = run("parse", "-", "--published", "2022-03-05", input=text)
    doc = json.loads(res.stdout)
    assert doc["timexes"][0]["value"] == "2022-03-01"
    assert doc["source"]["published_from"] == "argument"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"",
            "timeline: error: {path}: file is empty (nothing but white space); give a file that holds the text\n",
        ),
        (
            b"  \n\n",
            "timeline: error: {path}: file is empty (nothing but white space); give a file that holds the text\n",
        ),
        (
            b"abc\x00\x01\x02",
            "timeline: error: {path}: looks binary (NUL byte at offset 3), not text\n",
        ),
        (
            b"caf\xe9 au lait",
            "timeline: error: {path}: not valid UTF-8 (byte 0xe9 at offset 3); "
            "convert it, e.g. `iconv -f latin1 -t utf-8`\n",
        ),
        (
            b"---\ntitle x\n---\nText.",
            "timeline: error: {path}: front matter line 'title x' is not `key: value`\n",
        ),
        (
            b"---\npublished: soon\n---\nText.",
            "timeline: error: {path}: front matter date 'soon' is not a date (use YYYY-MM-DD)\n",
        ),
    ],
)
def test_cli_parse_bad_input_one_line_error(
    run, tmp_path: Path, content: bytes, message: str
) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    res = run("parse", str(f))
    assert res.exit_code == 1
    assert res.stderr == message.format(path=f)
    assert res.stdout == ""


@pytest.mark.parametrize("args", [("parse", "nope.txt")])
def test_cli_missing_file(run, args: tuple[str, ...]) -> None:
    res = run(*args)
    assert (res.exit_code, res.stderr) == (1, "timeline: error: nope.txt: no such file\n")


@pytest.mark.parametrize("args", [("parse",), ("parse", "--bogus", "x"), ("frobnicate",)])
def test_cli_usage_errors_exit_2(run, args: tuple[str, ...]) -> None:
    assert run(*args).exit_code == 2


@pytest.mark.parametrize("command", ["parse", "build", "render", "export"])
@pytest.mark.parametrize(
    "date", ["yesterday-ish", "2022-02-30", "2022-13-01", "\u0662\u0660\u0662\u0662-01-01"]
)
def test_cli_bad_published_date(run, tmp_path: Path, command: str, date: str) -> None:
    """Issue 12: an impossible day, or other digits, is a usage error before any work."""
    extra = {
        "parse": [],
        "build": ["-o", str(tmp_path / "o")],
        "render": ["-o", str(tmp_path / "p.html")],
        "export": ["-f", "json", "-o", str(tmp_path / "g.json")],
    }[command]
    res = run(command, "-", "--published", date, *extra, input="Text here.")
    assert res.exit_code == 2
    assert res.stderr == (
        f"timeline: error: invalid value for '--published': {date!r} is not a date (use a real "
        f"day, YYYY-MM-DD) (see `timeline {command} --help`)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_cli_parse_refuses_to_overwrite(run, tmp_path: Path) -> None:
    out = tmp_path / "doc.json"
    out.write_text("{}")
    res = run("parse", str(EXAMPLES / "us-mission-venezuela.md"), "-o", str(out))
    assert res.exit_code == 1 and "exists (use --force to overwrite)" in res.stderr
    assert out.read_text() == "{}"
    assert (
        run("parse", str(EXAMPLES / "us-mission-venezuela.md"), "-o", str(out), "--force").exit_code
        == 0
    )
    assert json.loads(out.read_text())["schema"] == "timeline/document/1"


def test_cli_build_writes_outputs_and_keeps_going(run, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.md").write_text(
        (EXAMPLES / "us-mission-venezuela.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (src / "empty.txt").write_bytes(b"")
    (src / "latin1.txt").write_bytes(b"Caf\xe9 opened in 1990.")
    (src / "README.md").write_text("not an article")
    (src / "photo.bin").write_bytes(b"\x89PNG\0\0")
    out = tmp_path / "out"
    res = run("build", str(src), "-o", str(out), "--quiet")
    assert res.exit_code == 1
    lines = sorted(res.stderr.strip().splitlines())  # workers finish in any order
    assert lines == [
        f"timeline: error: {src / 'empty.txt'}: file is empty (nothing but white space); give a file that holds the text",
        f"timeline: error: {src / 'latin1.txt'}: not valid UTF-8 (byte 0xe9 at offset 3); convert it, e.g. `iconv -f latin1 -t utf-8`",
        # files a folder holds that are not inputs are named, not dropped silently
        f"timeline: warning: {src / 'photo.bin'}: not read (a folder's inputs are "
        "its .txt, .md, .html, .json, .jsonl, .tml and .xml files); name a file to read it",
    ]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["not_inputs"] == [str(src / "photo.bin")]
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert [Path(e["path"]).name for e in errors] == ["empty.txt", "latin1.txt"]
    assert {p.name for p in out.iterdir()} >= {
        "docs",
        "graph.json",
        "graph.graphml",
        "index.html",
        "errors.jsonl",
        "manifest.json",
    }
    assert len(list((out / "docs").glob("*.json"))) == 1
    assert not list(out.rglob("*.tmp"))


def test_cli_build_empty_folder(run, tmp_path: Path) -> None:
    res = run("build", str(tmp_path), "-o", str(tmp_path / "out"))
    assert res.exit_code == 1
    assert res.stderr.startswith(f"timeline: error: {tmp_path}: no inputs found")


def test_cli_validate_reports_json_paths(run, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    assert run("parse", str(EXAMPLES / "us-mission-venezuela.md"), "-o", str(good)).exit_code == 0
    doc = json.loads(good.read_text())
    doc["timexes"][0]["value"] = 5
    doc["events"][0]["trigger"]["text"] = "nothing"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": ')
    res = run("validate", str(good), str(bad), str(broken))
    assert res.exit_code == 1
    out = res.stdout.splitlines()
    assert out[0] == f"{good}: ok"
    assert out[1] == f"{bad}: $.timexes[0].value: 5 is not of type 'string', 'null'"
    assert out[2] == f"{broken}: $: invalid JSON at line 1 column 12: Expecting value"
    doc["timexes"][0]["value"] = "2022"
    bad.write_text(json.dumps(doc))
    res = run("validate", str(bad))
    assert res.stdout.startswith(f"{bad}: $.events[0].trigger: span ")


def test_cli_render_and_entity_timeline(run, tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    assert run("render", str(EXAMPLES), "-o", str(page)).exit_code == 0
    assert page.read_text().startswith("<!DOCTYPE html>")
    res = run("entity-timeline", "--entity", "Putin", str(EXAMPLES))
    assert res.exit_code == 0
    years = [line.split()[0][:4] for line in res.stdout.splitlines()]
    dated = [y for y in years if y != "unda"]
    assert dated == sorted(dated) and dated
    res = run("entity-timeline", "--entity", "Nobody Atall", str(EXAMPLES))
    assert (res.exit_code, res.stderr) == (
        1,
        "timeline: error: no entity named 'Nobody Atall' in the inputs\n",
    )


def test_cli_output_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    big = tmp_path / "a.txt"
    big.write_text("".join(f"On {1 + i % 28} May 2019, Oslo voted again. " for i in range(3000)))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "timeline",
            "entity-timeline",
            "--entity",
            "Oslo",
            str(big),
            "--published",
            "2020-01-01",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does, with thousands of lines still to print
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0 and err == ""
