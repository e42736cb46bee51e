"""Every way input can be bad, and the exact one-line message and exit code each gets.

One table, so that a new failure mode is one more row; the batch test checks that the same
messages come out of `timeline build` while the good inputs still finish."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli

ROOT = Path(__file__).resolve().parent.parent
LOOKED_FOR = ".htm, .html, .json, .jsonl, .markdown, .md, .ndjson, .tml, .txt, .xml"


def _files(tmp: Path) -> dict[str, Path]:
    """Bad inputs of every kind, written fresh for each test."""
    made = {
        "empty.txt": b"",
        "blank.md": b" \n\t\n",
        "binary.txt": b"GIF89a\x00\x01\x02",
        "latin1.txt": b"Le caf\xe9 ferme en 2019.",
        "broken.json": b'{"schema": "timeline/document/1",\n  "source": }',
        "corpus.jsonl": b'{"text": "In 2019 it rained."}\n{"text": 5}\n{"text": "x",\n',
        "frontmatter.md": b"---\ntitle Untitled\n---\nText of 2019.",
        "big.txt": b"In 2019 it rained. " * 8,
        "surrogate.jsonl": b'{"text": "In 2019 Oslo voted \\ud800 again."}\n',
    }
    out = {}
    for name, data in made.items():
        (tmp / name).write_bytes(data)
        out[name] = tmp / name
    good = json.loads(
        CliRunner()
        .invoke(cli, ["parse", "-", "--published", "2022-03-05"], input="In 2019, Oslo voted.")
        .stdout
    )
    good["timexes"][0]["value"] = 5
    good["events"] = "none"
    (tmp / "schema.json").write_text(json.dumps(good))
    out["schema.json"] = tmp / "schema.json"
    good["timexes"][0]["value"] = "2019"
    good["events"] = []
    raw = json.dumps(good)
    (tmp / "surrogate.json").write_text(raw.replace('voted."', 'voted\\ud800"', 1))
    out["surrogate.json"] = tmp / "surrogate.json"
    (tmp / "nothing").mkdir()
    (tmp / "nothing" / "notes.pdf").write_bytes(b"%PDF")
    out["nothing"] = tmp / "nothing"
    return out


CASES = [
    # (argv with {name} placeholders, exit code, exact stderr)
    (["parse", "{missing.txt}"], 1, "{missing.txt}: no such file"),
    (["parse", "{empty.txt}"], 1, "{empty.txt}: file is empty"),
    (["parse", "{blank.md}"], 1, "{blank.md}: file is empty"),
    (["parse", "{binary.txt}"], 1, "{binary.txt}: looks binary (NUL byte at offset 6), not text"),
    (
        ["parse", "{latin1.txt}"],
        1,
        "{latin1.txt}: not valid UTF-8 (byte 0xe9 at offset 6); convert it, e.g. "
        "`iconv -f latin1 -t utf-8`",
    ),
    (
        ["render", "{broken.json}", "-o", "{out.html}"],
        1,
        "{broken.json}: invalid JSON at line 2 column 13: Expecting value",
    ),
    (
        ["render", "{schema.json}", "-o", "{out.html}"],
        1,
        "{schema.json} does not match the schema: $.events: 'none' is not of type 'array'; "
        "$.timexes[0].value: 5 is not of type 'string', 'null'",
    ),
    (
        ["export", "{corpus.jsonl}", "-f", "json", "-o", "{out.json}"],
        1,
        '{corpus.jsonl}:2: JSON object has no non-empty "text" string',
    ),
    (
        ["export", "{surrogate.jsonl}", "-f", "json", "-o", "{out.json}"],
        1,
        '{surrogate.jsonl}:1: "text" holds an unpaired surrogate (\\ud800 at character 19), '
        "which no UTF-8 file can store; fix the JSON escape",
    ),
    (
        ["render", "{surrogate.json}", "-o", "{out.html}"],
        1,
        "{surrogate.json} does not match the schema: $.text: holds an unpaired surrogate "
        "(\\ud800 at character 19), which no UTF-8 file can store; fix the JSON escape",
    ),
    (
        ["parse", "{corpus.jsonl}"],
        1,
        "{corpus.jsonl}: a JSON Lines corpus holds many articles; use `timeline build`",
    ),
    (
        ["parse", "{frontmatter.md}"],
        1,
        "{frontmatter.md}: front matter line 'title Untitled' is not `key: value`",
    ),
    (
        ["parse", "{nothing}"],
        1,
        "{nothing}: is a directory (give the files, or use `timeline build`)",
    ),
    (
        ["render", "{nothing}", "-o", "{out.html}"],
        1,
        f"{{nothing}}: no inputs found (looked for {LOOKED_FOR})",
    ),
    (
        ["render", "{missing.txt}", "-o", "{out.html}"],
        1,
        "{missing.txt}: no such file or directory",
    ),
    (
        ["render", "{tmp}/*.nope", "-o", "{out.html}"],
        1,
        "{tmp}/*.nope: the pattern matches no files",
    ),
    (
        ["parse", "-", "--published", "soonish"],
        1,
        "-: published date 'soonish' is not a date (use YYYY-MM-DD)",
    ),
    (["parse", "--bogus", "x"], 2, "no such option '--bogus' (see `timeline parse --help`)"),
    (["parse"], 2, "missing argument 'INPUT' (see `timeline parse --help`)"),
    (["frobnicate"], 2, "no such command 'frobnicate' (see `timeline --help`)"),
    (
        ["build", "{tmp}", "-w", "0"],
        2,
        "invalid value for '-w' / '--workers': 0 is not in the range 1<=x<=256 "
        "(see `timeline build --help`)",
    ),
]


def _fill(s: str, files: dict[str, Path], tmp: Path) -> str:
    names = {k: str(v) for k, v in files.items()}
    names.update({"missing.txt": str(tmp / "missing.txt"), "out.html": str(tmp / "o.html")})
    names.update({"out.json": str(tmp / "o.json"), "tmp": str(tmp)})
    for k, v in names.items():
        s = s.replace("{" + k + "}", v)
    return s


@pytest.mark.parametrize(("argv", "code", "message"), CASES)
def test_each_failure_has_one_exact_line(tmp_path: Path, argv, code: int, message: str) -> None:
    files = _files(tmp_path)
    args = [_fill(a, files, tmp_path) for a in argv]
    res = CliRunner().invoke(
        cli, args, input="Text of 2019.", catch_exceptions=False, prog_name="timeline"
    )
    assert res.exit_code == code
    assert res.stderr == f"timeline: error: {_fill(message, files, tmp_path)}\n"
    assert not (tmp_path / "o.html").exists() and not (tmp_path / "o.json").exists()


def test_size_limit_is_configurable(tmp_path: Path, monkeypatch) -> None:
    files = _files(tmp_path)
    monkeypatch.setenv("TIMELINE_MAX_CHARS", "100")
    res = CliRunner().invoke(cli, ["parse", str(files["big.txt"])], catch_exceptions=False)
    assert (res.exit_code, res.stderr) == (
        1,
        f"timeline: error: {files['big.txt']}: 152 characters, over the limit of 100\n",
    )
    monkeypatch.setenv("TIMELINE_MAX_CHARS", "lots")
    res = CliRunner().invoke(cli, ["parse", str(files["big.txt"])], catch_exceptions=False)
    assert res.stderr == "timeline: error: TIMELINE_MAX_CHARS='lots' is not a whole number\n"


def test_batch_reports_every_bad_input_and_finishes_the_good_ones(tmp_path: Path) -> None:
    files = _files(tmp_path)
    (tmp_path / "good.txt").write_text("On 3 May 2021, Acme Corp opened a plant in Oslo.")
    out = tmp_path / "out"
    res = subprocess.run(
        [sys.executable, "-m", "timeline", "build", str(tmp_path), "-o", str(out), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 1
    lines = sorted(res.stderr.splitlines())
    expected = sorted(
        "timeline: error: " + _fill(m, files, tmp_path)
        for m in (
            "{empty.txt}: file is empty",
            "{blank.md}: file is empty",
            "{binary.txt}: looks binary (NUL byte at offset 6), not text",
            "{latin1.txt}: not valid UTF-8 (byte 0xe9 at offset 6); convert it, e.g. "
            "`iconv -f latin1 -t utf-8`",
            "{broken.json}: invalid JSON at line 2 column 13: Expecting value",
            "{schema.json} does not match the schema: $.events: 'none' is not of type "
            "'array'; $.timexes[0].value: 5 is not of type 'string', 'null'",
            '{corpus.jsonl}:2: JSON object has no non-empty "text" string',
            "{corpus.jsonl}:3: invalid JSON at column 14: Expecting property name enclosed in "
            "double quotes",
            "{frontmatter.md}: front matter line 'title Untitled' is not `key: value`",
            '{surrogate.jsonl}:1: "text" holds an unpaired surrogate (\\ud800 at character 19), '
            "which no UTF-8 file can store; fix the JSON escape",
            "{surrogate.json} does not match the schema: $.text: holds an unpaired surrogate "
            "(\\ud800 at character 19), which no UTF-8 file can store; fix the JSON escape",
        )
    )
    assert lines == expected
    assert "Traceback" not in res.stderr
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert len(errors) == len(expected)
    docs = sorted(p.name for p in (out / "docs").glob("*.json"))
    assert len(docs) == 3  # good.txt, big.txt, the good line of corpus.jsonl


@pytest.mark.parametrize(
    "bad_id", ["../../escape", "/etc/passwd", "CON", "..", "a/../../b", "nul.txt", "\u202e gpj.exe"]
)
def test_ids_from_input_cannot_escape_the_output_folder(tmp_path: Path, bad_id: str) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": bad_id, "text": "In 2019, Oslo voted."}) + "\n")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out), "-q", "-w", "1"])
    assert res.exit_code == 0, res.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p != corpus]
    assert written and all(out in p.parents for p in written)
    (doc,) = (out / "docs").glob("*.json")
    assert doc.parent == out / "docs"
    # Windows' reserved device names are reserved as whole stems ("CON", "nul.txt")
    assert doc.stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}
    assert not doc.name.startswith(".") and doc.name.isascii()
