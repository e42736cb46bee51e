"""Every way input can be bad, and the exact one-line message and exit code each gets.

One table, so that a new failure mode is one more row; the batch test checks that the same
messages come out of `timeline build` while the good inputs still finish."""

from __future__ import annotations

import json
import os
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
        "blank.jsonl": b"\n  \n",
    }
    entity = '<!ENTITY b "' + "x" * 1000 + '"><!ENTITY a "' + "&b;" * 100 + '">'
    made["bomb.tml"] = (
        f'<?xml version="1.0"?><!DOCTYPE TimeML [{entity}<!ENTITY c "{"&a;" * 80}">]>'
        "<TimeML><TEXT>&c;</TEXT></TimeML>"
    ).encode()
    made["deep.tml"] = ("<TimeML><TEXT>" + "<a>" * 1000 + "x" + "</a>" * 1000).encode() + (
        b"</TEXT></TimeML>"
    )
    made["deep.json"] = b"[" * 100_000 + b"]" * 100_000
    made["sentence.xml"] = b'<Document><token t_id="1" sentence="x">Apple</token></Document>'
    made["utf16bad.txt"] = b"\xff\xfeI\x00n\x00 "  # a byte order mark, then an odd byte count
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
    (
        ["parse", "{empty.txt}"],
        1,
        "{empty.txt}: file is empty (nothing but white space); give a file that holds the text",
    ),
    (
        ["parse", "{blank.md}"],
        1,
        "{blank.md}: file is empty (nothing but white space); give a file that holds the text",
    ),
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
        2,
        "invalid value for '--published': 'soonish' is not a date (use a real day, YYYY-MM-DD) "
        "(see `timeline parse --help`)",
    ),
    (
        ["parse", "{bomb.tml}"],
        1,
        "{bomb.tml}: declares a document type or entities (<!DOCTYPE>, <!ENTITY>), which "
        "timeline does not read; remove the declaration",
    ),
    (
        ["parse", "{deep.tml}"],
        1,
        "{deep.tml}: elements nested too deeply to read (TimeML nests a few levels)",
    ),
    (
        ["render", "{deep.json}", "-o", "{out.html}"],
        1,
        "{deep.json}: JSON nested too deeply to read (a document is a few levels deep)",
    ),
    (
        ["parse", "{sentence.xml}"],
        1,
        "{sentence.xml}: token t_id='1' has sentence='x', not a sentence number; fix the attribute",
    ),
    (
        ["parse", "{utf16bad.txt}"],
        1,
        "{utf16bad.txt}: not valid UTF-16 (offset 6) although its byte order mark says so; "
        "convert it to UTF-8",
    ),
    (
        ["build", "{tmp}", "-o", "{tmp}/o", "--max-page-docs", "-2"],
        2,
        "invalid value for '--max-page-docs': -2 is not in the range x>=0 "
        "(see `timeline build --help`)",
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
            "{empty.txt}: file is empty (nothing but white space); give a file that holds the text",
            "{blank.md}: file is empty (nothing but white space); give a file that holds the text",
            "{binary.txt}: looks binary (NUL byte at offset 6), not text",
            "{latin1.txt}: not valid UTF-8 (byte 0xe9 at offset 6); convert it, e.g. "
            "`iconv -f latin1 -t utf-8`",
            "{broken.json}: invalid JSON at line 2 column 13: Expecting value",
            "{schema.json} does not match the schema: $.events: 'none' is not of type "
            "'array'; $.timexes[0].value: 5 is not of type 'string', 'null'",
            '{corpus.jsonl}:2: JSON object has no non-empty "text" string',
            "{corpus.jsonl}:3: invalid JSON at column 14: Expecting property name enclosed in "
            "double quotes",
            "{blank.jsonl}: the JSON Lines file holds no articles (give one JSON object per line)",
            "{frontmatter.md}: front matter line 'title Untitled' is not `key: value`",
            '{surrogate.jsonl}:1: "text" holds an unpaired surrogate (\\ud800 at character 19), '
            "which no UTF-8 file can store; fix the JSON escape",
            "{surrogate.json} does not match the schema: $.text: holds an unpaired surrogate "
            "(\\ud800 at character 19), which no UTF-8 file can store; fix the JSON escape",
            "{bomb.tml}: declares a document type or entities (<!DOCTYPE>, <!ENTITY>), which "
            "timeline does not read; remove the declaration",
            "{deep.tml}: elements nested too deeply to read (TimeML nests a few levels)",
            "{deep.json}: JSON nested too deeply to read (a document is a few levels deep)",
            "{sentence.xml}: token t_id='1' has sentence='x', not a sentence number; fix the "
            "attribute",
            "{utf16bad.txt}: not valid UTF-16 (offset 6) although its byte order mark says so; "
            "convert it to UTF-8",
        )
    )
    passed_over = (
        f"timeline: warning: {tmp_path / 'nothing' / 'notes.pdf'}: not read (a folder's inputs "
        "are its .txt, .md, .html, .json, .jsonl, .tml and .xml files); name a file to read it"
        " (PDF and Word files: convert them to text first, e.g. `pdftotext`)"
    )
    assert lines == sorted([*expected, passed_over])  # a file of another kind is named too
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


def test_errors_utf16_and_utf32_articles_are_read(tmp_path: Path) -> None:
    """Issue 12: text with a byte order mark (Windows tools write UTF-16) was "binary"."""
    text = "In 2019, Zürich voted on a plan for the harbour."
    for enc in ("utf-16", "utf-16-be", "utf-32", "utf-8-sig"):
        data = text.encode(enc)
        if enc == "utf-16-be":
            data = b"\xfe\xff" + data
        (tmp_path / f"{enc}.txt").write_bytes(data)
        res = CliRunner().invoke(cli, ["parse", str(tmp_path / f"{enc}.txt")])
        assert res.exit_code == 0, res.stderr
        assert json.loads(res.stdout)["text"] == text


@pytest.mark.parametrize(
    ("dct", "published", "problem"),
    [("PRESENT_REF", None, "creation-time-unusable"), ("1998-01-08T10:00", "1998-01-08", None)],
)
def test_errors_timeml_creation_time_that_is_no_day(tmp_path: Path, dct, published, problem):
    """A DCT of PRESENT_REF rejected the file (cut to 'PRESENT_RE'); now the document is
    parsed without a date and says so. A header comment over 2,000 characters long before
    <TimeML> no longer makes it read as MEANTIME."""
    tml = tmp_path / "x.tml"
    tml.write_text(
        "<?xml version='1.0'?>\n<!-- " + "header " * 400 + "-->\n"
        f'<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" '
        'functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
        "<TEXT>In 2019, Oslo voted on Monday.</TEXT></TimeML>"
    )
    res = CliRunner().invoke(cli, ["parse", str(tml)])
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["source"]["published"] == published
    assert [p["code"] for p in doc["problems"] if p["code"] == problem] == (
        [problem] if problem else []
    )


def test_errors_a_bad_size_limit_does_not_break_help(monkeypatch) -> None:
    monkeypatch.setenv("TIMELINE_MAX_CHARS", "lots")
    res = subprocess.run(
        [sys.executable, "-m", "timeline", "--help"], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0 and "Usage: timeline" in res.stdout and not res.stderr


def test_errors_a_stage_failure_names_the_file(tmp_path: Path, monkeypatch) -> None:
    """A bug in a stage is reported against the input file, not the id made from it."""
    import timeline.pipeline as pipeline

    def broken(doc, settings):
        raise ValueError("year 0 is out of range")

    stages = tuple((n, broken if n == "events" else f) for n, f in pipeline.STAGES)
    monkeypatch.setattr(pipeline, "STAGES", stages)
    src = tmp_path / "notes.txt"
    src.write_text("In 2019, Oslo voted.")
    res = CliRunner().invoke(cli, ["parse", str(src)], prog_name="timeline")
    assert (res.exit_code, res.stderr) == (
        1,
        f"timeline: error: {src}: the events stage failed (ValueError: year 0 is out of "
        "range); this is a bug in timeline: please report it with the input\n",
    )


def test_errors_jsonl_keeps_a_path_with_colons(tmp_path: Path) -> None:
    """errors.jsonl cut a path at its first ':' ('C:\\data\\x.txt' became 'C')."""
    missing = str(tmp_path / "C:\\data\\x.txt")
    (tmp_path / "ok.txt").write_text("In 2019, Oslo voted.")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", missing, str(tmp_path / "ok.txt"), "-o", str(out)])
    assert res.exit_code == 1
    (line,) = (out / "errors.jsonl").read_text().splitlines()
    assert json.loads(line)["path"] == missing


def test_errors_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    """A name that is not UTF-8 failed the whole batch with an internal error."""
    bad = os.fsdecode(bytes(tmp_path) + b"/\xff news.txt")
    Path(bad).write_text("On 3 May 2021 Putin met Biden.")
    (tmp_path / "ok.txt").write_text("In 2019, Oslo voted.")
    shown = str(tmp_path) + "/\\xff news.txt"
    message = (
        f"{shown}: the file name is not valid UTF-8; rename it (e.g. `convmv -f latin1 -t utf8`)"
    )
    for argv in (["parse", bad], ["render", bad, "-o", str(tmp_path / "p.html")]):
        res = CliRunner().invoke(cli, argv)
        assert (res.exit_code, res.stderr) == (1, f"timeline: error: {message}\n")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(out), "-q"])
    assert res.exit_code == 1 and res.stderr == f"timeline: error: {message}\n"
    assert json.loads((out / "errors.jsonl").read_text())["path"] == shown
    assert len(list((out / "docs").glob("*.json"))) == 1  # ok.txt finished


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_errors_devices_and_pipes_are_refused_not_read(tmp_path: Path) -> None:
    """/dev/zero (its size reads as 0) grew to gigabytes, and a pipe nobody writes to hung
    the batch; stdin is read only up to the size limit."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "ok.txt").write_text("In 2019, Oslo voted.")
    (src / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(src / "pipe.txt")
    out = tmp_path / "out"
    res = subprocess.run(
        [sys.executable, "-m", "timeline", "build", str(src), "-o", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert res.returncode == 1
    assert sorted(res.stderr.splitlines()) == [
        f"timeline: error: {src / n}: not a regular file (a device, pipe or socket); save the "
        "text to a file, or give it on standard input as -"
        for n in ("pipe.txt", "zero.txt")
    ]
    assert len(list((out / "docs").glob("*.json"))) == 1
    res = subprocess.run(
        [sys.executable, "-m", "timeline", "parse", "-"],
        input=b"x" * 2000,
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "TIMELINE_MAX_CHARS": "100"},
    )
    assert res.stderr.decode() == (
        "timeline: error: -: over the limit of 100 characters (split it, or raise "
        "TIMELINE_MAX_CHARS)\n"
    )


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_errors_graph_export_to_a_folder_it_cannot_write(tmp_path, monkeypatch, fmt) -> None:
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    src = tmp_path / "a.txt"
    src.write_text("In 2019, Oslo voted.")
    res = CliRunner().invoke(cli, ["export", str(src), "-f", fmt, "-o", str(tmp_path / "g")])
    assert (res.exit_code, res.stderr) == (
        1,
        f"timeline: error: {tmp_path}: cannot write: Permission denied; choose a folder you "
        "can write to\n",
    )


@pytest.mark.parametrize(
    ("output", "code", "message"),
    [
        (
            "",
            2,
            "invalid value for '-o' / '--output': an empty name (see `timeline render --help`)",
        ),
        ("/", 1, "/: is a folder; move it or choose another name"),
    ],
)
def test_errors_render_output_that_is_no_file(tmp_path: Path, output, code, message) -> None:
    src = tmp_path / "a.txt"
    src.write_text("In 2019, Oslo voted.")
    for embed in ([], ["--embed"]):
        res = CliRunner().invoke(
            cli, ["render", str(src), "-o", output, *embed], prog_name="timeline"
        )
        assert (res.exit_code, res.stderr) == (code, f"timeline: error: {message}\n")


def test_errors_meantime_input_does_not_copy_a_token_per_mention() -> None:
    """8,000 mentions anchored to one 450 KB token took 3.5 GB: as an input to parse, the
    gold mentions are not built at all."""
    from timeline.readwrite.meantime import parse_meantime

    marks = "".join(
        f'<ENTITY_MENTION m_id="m{i}"><token_anchor t_id="1"/></ENTITY_MENTION>' for i in range(50)
    )
    data = (
        '<Document><token t_id="1" sentence="0">Putin met Biden.</token>'
        f"<Markables>{marks}</Markables></Document>"
    )
    assert len(parse_meantime(data).mentions) == 50
    assert parse_meantime(data, gold=False).mentions == ()


def test_force_never_replaces_a_pipe_or_device(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("On 3 May 2021 the talks began in Oslo.\n")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    res = CliRunner().invoke(cli, ["parse", str(src), "-o", str(fifo), "--force"])
    assert res.exit_code == 1
    assert "not a regular file" in res.output
    assert not fifo.is_file() and fifo.exists()  # still the pipe


def test_a_huge_char_limit_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "a.txt"
    src.write_text("On 3 May 2021 the talks began in Oslo.\n")
    monkeypatch.setenv("TIMELINE_MAX_CHARS", "10000000000")
    res = CliRunner().invoke(cli, ["parse", str(src), "-o", str(tmp_path / "a.json")])
    assert res.exit_code != 0
    assert "TIMELINE_MAX_CHARS" in res.output and "internal error" not in res.output


def test_articles_named_like_readme_words_are_still_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "licensed-officers.md").write_text("Police licensed 300 officers in March 2020.\n")
    (folder / "contributing-factors.txt").write_text(
        "Contributing factors were found on 3 May 2019.\n"
    )
    (folder / "README.md").write_text("notes about this folder\n")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert len(list((out / "docs").glob("*.json"))) == 2


@pytest.mark.parametrize(
    ("data", "suffix", "kind"),
    [
        (b"%PDF-1.4\nIn 1999 Oslo voted.\n", ".pdf", "a PDF"),
        (b"{\\rtf1 In 1999 Oslo voted.}", ".rtf", "an RTF"),
        (b"PK\x03\x04rest-of-zip", ".docx", "a zipped"),
    ],
)
def test_errors_documents_to_convert_first(
    tmp_path: Path, data: bytes, suffix: str, kind: str
) -> None:
    """A PDF with only text bytes in it was taken as an article titled '%PDF-1.4'; a binary
    one was 'looks binary'. Both now say what the file is and how to convert it."""
    path = tmp_path / f"report{suffix}"
    path.write_bytes(data)
    res = subprocess.run(
        [sys.executable, "-m", "timeline", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 1
    assert res.stderr.startswith(f"timeline: error: {path}: {kind}")
    assert "convert it to text first" in res.stderr and "Traceback" not in res.stderr
