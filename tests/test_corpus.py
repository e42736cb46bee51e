"""Batch runs: every input kind, per-input errors, reruns that skip, crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from timeline.corpus import build_corpus
from timeline.inputs import expand_inputs

ARTICLE = (
    "In 2019, Washington cut diplomatic ties with Caracas. Maduro condemned the move on {day}."
)


def _corpus(tmp_path: Path, n: int = 6) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for i in range(n):
        (src / "sub" / f"a{i}.txt").write_text(
            ARTICLE.format(day=["Monday", "Friday"][i % 2]) + f" Item {i}."
        )
    lines = [
        json.dumps(
            {
                "id": f"j{i}",
                "text": ARTICLE.format(day="Tuesday") + f" J{i}.",
                "published": "2020-01-0" + str(i + 1),
                "title": f"J {i}",
            }
        )
        for i in range(3)
    ]
    lines.insert(1, "{not json")
    (src / "corpus.jsonl").write_text("\n".join(lines) + "\n")
    (src / "bad.txt").write_bytes(b"\x89PNG\r\n\x00binary")
    (src / "empty.md").write_text("")
    return src


def test_corpus_expands_folders_globs_and_jsonl(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    units = list(expand_inputs([str(src)]))
    assert len([u for u in units if getattr(u, "line", None)]) == 4
    assert len(list(expand_inputs([str(src / "sub" / "*.txt")]))) == 6
    (err,) = list(expand_inputs([str(tmp_path / "nope")]))
    assert isinstance(err, Exception) and "no such file or directory" in str(err)


@pytest.mark.parametrize("workers", [1, 2])
def test_corpus_build_records_errors_and_skips_on_rerun(tmp_path: Path, workers: int) -> None:
    src, out = _corpus(tmp_path), tmp_path / "out"
    res = build_corpus([str(src)], out, workers=workers)
    assert res["failed"] == 3 and len(res["doc_ids"]) == 9
    messages = sorted(e["message"] for e in res["errors"])
    assert any(
        m.endswith(
            "corpus.jsonl:2: invalid JSON at column 2: Expecting property name enclosed in double quotes"
        )
        for m in messages
    )
    assert any("bad.txt: looks binary" in m for m in messages)
    assert any("empty.md: file is empty" in m for m in messages)
    again = build_corpus([str(src)], out, workers=workers)
    assert again["skipped"] == 9 and again["parsed"] == 0
    (src / "sub" / "a0.txt").write_text("Changed: in 2001 Canada signed a treaty.")
    third = build_corpus([str(src)], out, workers=workers)
    assert third["parsed"] == 1 and third["skipped"] == 8
    assert build_corpus([str(src)], out, workers=workers, force=True)["parsed"] == 9


def test_corpus_jsonl_metadata_is_used(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    build_corpus([str(src / "corpus.jsonl")], out, workers=1)
    docs = [json.loads(p.read_text()) for p in (out / "docs").glob("*.json")]
    assert sorted(d["source"]["published"] for d in docs) == [
        "2020-01-01",
        "2020-01-02",
        "2020-01-03",
    ]
    assert all(d["source"]["published_from"] == "metadata" for d in docs)


def test_corpus_sigkill_then_rerun_leaves_no_broken_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(60):
        (src / f"a{i}.txt").write_text((ARTICLE.format(day="Monday") + " ") * 40 + f" {i}")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "timeline", "build", str(src), "-o", str(out), "-q", "-w", "2"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.time() + 30
    while time.time() < deadline and len(list((out / "docs").glob("*.json"))) < 10:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    for p in (out / "docs").glob("*.json"):
        json.loads(p.read_text())  # every file that exists is complete
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    docs = list((out / "docs").glob("*.json"))
    assert len(docs) == 60 and not list(out.rglob("*.tmp")) and not list(out.glob(".merge-*"))
    assert json.loads((out / "manifest.json").read_text())["failed"] == 0


def test_corpus_ctrl_c_stops_cleanly_and_keeps_finished_documents(tmp_path: Path) -> None:
    from timeline.readwrite.document import read_document

    src = tmp_path / "in"
    src.mkdir()
    for i in range(120):
        (src / f"a{i}.txt").write_text((ARTICLE.format(day="Monday") + " ") * 40 + f" {i}")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "timeline", "build", str(src), "-o", str(out), "-w", "2"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.time() + 60
    while time.time() < deadline and len(list((out / "docs").glob("*.json"))) < 10:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends: the whole group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        "timeline: error: interrupted: finished documents are kept; run again to complete"
    )
    kept = list((out / "docs").glob("*.json"))
    assert 10 <= len(kept) < 120
    for p in kept:
        read_document(p)  # complete and valid
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["interrupted"] is True
    res = subprocess.run(cmd + ["-q"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert len(list((out / "docs").glob("*.json"))) == 120 and not list(out.rglob("*.tmp"))
    # at most one document per worker was written but not yet reported when the signal came
    assert json.loads((out / "manifest.json").read_text())["skipped"] >= len(kept) - 2


def test_corpus_runs_on_a_dask_localcluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    src = _corpus(tmp_path, n=4)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, processes=True
    ) as cluster:
        res = build_corpus([str(src)], tmp_path / "out", scheduler=cluster.scheduler_address)
    assert res["failed"] == 3 and len(res["doc_ids"]) == 7
    assert len(list((tmp_path / "out" / "docs").glob("*.json"))) == 7


def test_corpus_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from timeline.errors import InputError

    src = _corpus(tmp_path, n=1)
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        build_corpus([str(src)], tmp_path / "out", scheduler="tcp://127.0.0.1:9")
