"""The output folder of `timeline build` loses nothing: files timeline did not write are never
replaced, its own files are never read back as inputs, two builds never share a folder,
every input ends as a document or an error line, and a stop leaves no worker behind
(issue 12, items 1, 3, 4, 9, 10, 13)."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.corpus import build_corpus
from timeline.inputs import expand_inputs
from timeline.outfolder import OutputFolder

STORY = "In 2019, Washington cut diplomatic ties with Caracas. Maduro condemned the move."


def _build(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["build", *args, "-q", "-w", "1"], catch_exceptions=False)
    return res.exit_code, res.stderr


def _md(path: Path, title: str, published: str, body: str = STORY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\npublished: {published}\n---\n{body}\n")
    return path


@pytest.mark.parametrize("name", ["index.html", "graph.json", "manifest.json", "errors.jsonl"])
def test_outfolder_never_replaces_a_file_it_did_not_write(tmp_path: Path, name: str) -> None:
    news = tmp_path / "news"
    _md(news / "a.md", "A", "2022-03-05")
    theirs = news / name
    theirs.write_text("<p>the user's own file</p>")
    code, err = _build(str(news), "-o", str(news))
    assert (code, err) == (
        1,
        f"timeline: error: {theirs}: exists and timeline did not write it; move it, or choose "
        "another output folder\n",
    )
    assert theirs.read_text() == "<p>the user's own file</p>"
    assert sorted(p.name for p in news.iterdir()) == sorted(["a.md", name])  # nothing left


def test_outfolder_reruns_never_read_their_own_outputs(tmp_path: Path) -> None:
    news = tmp_path / "news"
    _md(news / "a.md", "A", "2022-03-05")
    assert _build(str(news), "-o", str(news)) == (0, "")
    assert _build(str(news), "-o", str(news)) == (0, "")
    manifest = json.loads((news / "manifest.json").read_text())
    assert (manifest["units"], manifest["skipped"], manifest["failed"]) == (1, 1, 0)


def test_outfolder_other_output_folders_give_their_documents_only(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _md(src / "a.md", "A", "2022-03-05")
    _md(src / "b.md", "B", "2022-03-06", "In 2001, Canada signed a treaty with Mexico.")
    assert _build(str(src), "-o", str(src / "first")) == (0, "")
    # a folder search skips an output folder inside it (its documents would come twice)
    assert _build(str(src), "-o", str(tmp_path / "second")) == (0, "")
    assert len(list((tmp_path / "second" / "docs").glob("*.json"))) == 2
    # named as an input, an output folder gives its documents (to merge or re-render them)
    assert _build(str(src / "first"), "-o", str(tmp_path / "third")) == (0, "")
    assert len(json.loads((tmp_path / "third" / "manifest.json").read_text())["doc_ids"]) == 2


@pytest.mark.parametrize("workers", [1, 2])
def test_corpus_one_body_with_two_front_matters_is_two_documents(tmp_path: Path, workers) -> None:
    ap = _md(tmp_path / "ap" / "story.md", "AP story", "2022-03-05")
    reuters = _md(tmp_path / "reuters" / "story.md", "Reuters story", "2022-03-09")
    res = build_corpus([str(ap.parent), str(reuters.parent)], tmp_path / "out", workers=workers)
    assert (res["parsed"], res["failed"], len(res["doc_ids"])) == (2, 0, 2)
    docs = [json.loads(p.read_text()) for p in (tmp_path / "out" / "docs").glob("*.json")]
    assert sorted(d["source"]["published"] for d in docs) == ["2022-03-05", "2022-03-09"]


@pytest.mark.parametrize("workers", [1, 2])
def test_corpus_documents_with_one_id_are_reported_not_dropped(tmp_path: Path, workers) -> None:
    code = (
        CliRunner()
        .invoke(cli, ["parse", "-", "-o", str(tmp_path / "b.json")], input=STORY)
        .exit_code
    )
    assert code == 0
    for name in ("a.json", "c.json"):
        (tmp_path / name).write_bytes((tmp_path / "b.json").read_bytes())
    res = build_corpus(
        [str(tmp_path / n) for n in ("c.json", "b.json", "a.json")],
        tmp_path / "out",
        workers=workers,
    )
    assert (res["parsed"], res["failed"], len(res["doc_ids"])) == (1, 2, 1)
    (doc_id,) = res["doc_ids"]
    kept = str(tmp_path / "a.json")  # the first by name, whatever order they finish in
    assert sorted(e["message"] for e in res["errors"]) == [
        f"{tmp_path / n}: makes the same document id {doc_id!r} as {kept}, which is kept; give "
        "one of them another id"
        for n in ("b.json", "c.json")
    ]
    lines = (tmp_path / "out" / "errors.jsonl").read_text().splitlines()
    assert [json.loads(x)["path"] for x in lines] == [
        str(tmp_path / n) for n in ("b.json", "c.json")
    ]


def test_corpus_every_input_ends_as_a_document_or_an_error_line(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _md(src / "a.md", "A", "2022-03-05")
    (src / "empty.txt").write_text("")
    (src / "c.jsonl").write_text(json.dumps({"text": STORY}) + "\n{oops\n" + json.dumps({"x": 1}))
    res = build_corpus([str(src), str(src / "a.md")], tmp_path / "out", workers=2)
    assert res["units"] == 5  # a.md named twice is one input
    assert len(res["doc_ids"]) + res["failed"] == res["units"]


def test_inputs_globs_do_not_follow_links_to_folders(tmp_path: Path) -> None:
    tree = tmp_path / "loop"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "a.txt").write_text(STORY)
    (tree / "sub" / ".hidden.txt").write_text(STORY)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(STORY)
    for name, target in (("l1", "."), ("l2", ".."), ("l3", str(outside))):
        (tree / "sub" / name).symlink_to(target, target_is_directory=True)
    for pattern in (f"{tree}/**/*.txt", f"{tree}/*/*.txt", f"{tree}/**"):
        units = list(expand_inputs([pattern]))
        assert [u.path for u in units] == [str(tree / "sub" / "a.txt")], pattern
    assert [u.path for u in expand_inputs([str(tree)])] == [str(tree / "sub" / "a.txt")]


def test_outfolder_second_build_is_refused_while_the_first_writes(tmp_path: Path) -> None:
    _md(tmp_path / "a.md", "A", "2022-03-05")
    with OutputFolder(tmp_path / "out"):
        code, err = _build(str(tmp_path / "a.md"), "-o", str(tmp_path / "out"))
    assert (code, err) == (
        1,
        f"timeline: error: {tmp_path / 'out'}: another timeline build (process {os.getpid()}) "
        "is writing here; wait for it to finish or choose another output folder\n",
    )
    assert _build(str(tmp_path / "a.md"), "-o", str(tmp_path / "out")) == (0, "")


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("out-file", "{out}: is a file; the output (-o) must be a folder"),
        (
            "under-file",
            "{out}/deeper: cannot write: Not a directory; a part of the path is a file, not a "
            "folder; choose another path",
        ),
        ("docs-file", "{out}/docs: is a file where timeline keeps its documents; move it"),
        (
            "index-folder",
            "{out}/index.html: is a folder where timeline writes a file; move it away",
        ),
    ],
)
def test_outfolder_unusable_output_is_one_line(tmp_path: Path, setup: str, message: str) -> None:
    _md(tmp_path / "a.md", "A", "2022-03-05")
    out = tmp_path / "out"
    if setup in ("out-file", "under-file"):
        out.write_text("x")
    elif setup == "docs-file":
        out.mkdir()
        (out / "docs").write_text("x")
    else:
        (out / "index.html").mkdir(parents=True)
    target = out / "deeper" if setup == "under-file" else out
    code, err = _build(str(tmp_path / "a.md"), "-o", str(target))
    assert (code, err) == (1, "timeline: error: " + message.format(out=out) + "\n")
    assert not (out / "manifest.json").exists()


@pytest.mark.parametrize(
    ("err", "advice"),
    [
        (errno.ENOSPC, "No space left on device; free some space and run again"),
        (errno.EACCES, "Permission denied; choose a folder you can write to"),
        (errno.EROFS, "Read-only file system; choose a folder you can write to"),
    ],
)
def test_outfolder_write_failures_are_one_line(tmp_path: Path, monkeypatch, err, advice) -> None:
    import tempfile

    _md(tmp_path / "a.md", "A", "2022-03-05")

    def refuse(*args, **kwargs):
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, stderr = _build(str(tmp_path / "a.md"), "-o", str(tmp_path / "out"))
    assert code == 1
    lines = stderr.splitlines()
    assert lines and all(line.endswith(advice) for line in lines), stderr
    assert "internal error" not in stderr and "Traceback" not in stderr


def _processes_naming(word: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and word in (proc / "cmdline").read_bytes().decode(
                errors="replace"
            ):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP"])
def test_workers_stop_with_the_build(tmp_path: Path, sig: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(80):
        (src / f"a{i}.txt").write_text((STORY + " ") * 60 + f" {i}")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "timeline", "build", str(src), "-o", str(out), "-q", "-w", "2"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("docs/*.json"))) < 5:
        time.sleep(0.05)
    proc.send_signal(getattr(signal, sig))  # the parent alone, as `kill PID` does
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err
    time.sleep(0.5)
    assert _processes_naming(str(src)) == []
    assert json.loads((out / "manifest.json").read_text())["interrupted"] is True


def _two_inputs(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(STORY)
    (src / "b.txt").write_text("In 2001, Canada signed a treaty with Mexico.")
    return src


@pytest.mark.parametrize("damage", ["truncate", "edit", "same-size-same-time"])
def test_outfolder_a_damaged_document_is_parsed_again(tmp_path: Path, damage: str) -> None:
    src, out = _two_inputs(tmp_path), tmp_path / "out"
    assert _build(str(src), "-o", str(out)) == (0, "")
    (doc,) = (out / "docs").glob("a-*.json")
    raw, st = doc.read_bytes(), doc.stat()
    if damage == "truncate":
        doc.write_bytes(raw[:100])
    elif damage == "edit":
        doc.write_bytes(raw.replace(b"Caracas", b"Havana!"))
    else:  # the cache cannot see this one: the merge finds it, and the next run repairs it
        doc.write_bytes(raw.replace(b'"text":"', b'"text":1', 1))
        os.utime(doc, ns=(st.st_atime_ns, st.st_mtime_ns))
    code, err = _build(str(src), "-o", str(out))
    if damage == "same-size-same-time":
        assert code == 1
        assert err.startswith(f"timeline: error: {doc}: invalid JSON at line 1 column ")
        assert err.endswith(f"; its input {src / 'a.txt'} is parsed again on the next run\n")
        assert json.loads((out / "manifest.json").read_text())["graph"]["documents"] == 1
        code, err = _build(str(src), "-o", str(out))
    assert (code, err) == (0, "")
    assert json.loads(doc.read_bytes())["text"] == STORY


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other-table", "old-format"])
def test_outfolder_a_damaged_cache_is_started_afresh(tmp_path: Path, damage: str) -> None:
    import sqlite3

    src, out = _two_inputs(tmp_path), tmp_path / "out"
    assert _build(str(src), "-o", str(out)) == (0, "")
    cache = out / "cache.sqlite"
    for extra in ("-wal", "-shm"):
        Path(f"{cache}{extra}").unlink(missing_ok=True)
    if damage == "garbage":
        cache.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        cache.write_bytes(cache.read_bytes()[:3000])
    else:
        db = sqlite3.connect(cache)
        db.execute("DROP TABLE done")
        db.execute("CREATE TABLE done (x)")
        if damage == "old-format":
            db.execute("DROP TABLE meta")
        db.commit()
        db.close()
    for force in ([], ["--force"]):
        res = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "-w", "1", *force])
        assert res.exit_code == 0, res.stderr
        notes = [x for x in res.stderr.splitlines() if x.startswith("timeline: warning:")]
        assert len(notes) == (0 if force else 1), res.stderr
        if not force:
            assert notes[0].startswith(f"timeline: warning: {cache}: damaged")
            assert notes[0].endswith("started a new cache, so every input is parsed again")
    assert _build(str(src), "-o", str(out)) == (0, "")
    assert json.loads((out / "manifest.json").read_text())["skipped"] == 2


def test_outfolder_a_stop_during_the_merge_leaves_nothing_running(tmp_path: Path, monkeypatch):
    """SIGTERM during the merge (found by an attack on the first fix): the parent died at
    once and the forked page writer went on writing into the folder after the lock was
    released. Now every stop ends the page writer and keeps the documents."""
    import timeline.graph.stream as stream

    src = tmp_path / "src"
    src.mkdir()
    for i in range(4):
        (src / f"a{i}.txt").write_text(f"{STORY} Item {i}.")
    real = stream.write_corpus_graph

    def interrupted(folder, documents, *args, **kwargs):
        time.sleep(0.3)  # the page writer has started
        raise KeyboardInterrupt  # what the SIGTERM handler raises

    import timeline.render.html as page_html

    real_page = page_html.render_page

    def slow_page(*args, **kwargs):
        time.sleep(3)  # still drawing when the stop comes
        return real_page(*args, **kwargs)

    monkeypatch.setattr(stream, "write_corpus_graph", interrupted)
    monkeypatch.setattr(page_html, "render_page", slow_page)
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "-w", "2", "-q"])
    assert res.exit_code == 130
    assert res.stderr.endswith(
        "timeline: error: interrupted: finished documents are kept; run again to complete\n"
    )
    time.sleep(4)
    assert not (out / "index.html").exists()  # the page writer was stopped with the run
    assert not list(out.glob(".timeline-merge-*"))
    assert len(list((out / "docs").glob("*.json"))) == 4
    monkeypatch.setattr(stream, "write_corpus_graph", real)
    monkeypatch.setattr(page_html, "render_page", real_page)
    assert _build(str(src), "-o", str(out)) == (0, "")  # the lock is free; the run finishes
    assert json.loads((out / "manifest.json").read_text())["skipped"] == 4
