"""The HTML page: self-contained, escaped, with a CSP; checked without a browser here and in
a real one in tests/browser/."""

from __future__ import annotations

import json
import re

import pytest

import timeline
from timeline.render.html import _json_for_script, render_page

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)> \"'&"


@pytest.fixture(scope="module")
def hostile_page() -> str:
    text = f"In 2019, Washington cut ties with Caracas. {HOSTILE} Maduro said."
    doc = timeline.parse(text, published="2022-03-05", title=HOSTILE, url="javascript:alert(3)")
    return render_page([doc])


def test_render_escapes_article_text(hostile_page: str) -> None:
    assert "<script>alert" not in hostile_page
    assert "<img src=x" not in hostile_page
    assert "&lt;img src=x onerror=alert(2)&gt;" in hostile_page


def test_render_data_block_cannot_close_its_script(hostile_page: str) -> None:
    block = re.search(
        r'<script type="application/json" id="timeline-data">(.*?)</script>', hostile_page, re.S
    )
    assert block is not None
    data = json.loads(block.group(1))
    assert data["documents"]
    assert "</" not in block.group(1)


def test_render_has_restrictive_csp(hostile_page: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', hostile_page).group(
        1
    )
    assert "default-src 'none'" in csp
    assert "unsafe-eval" not in csp
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"].count("'sha256-") == 2
    assert "'unsafe-inline'" not in directives["script-src"]


def test_render_loads_nothing_remote(hostile_page: str) -> None:
    assert not re.search(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="https?:', hostile_page)
    assert "<link" not in hostile_page


@pytest.mark.parametrize("s", ["</script>", "a\u2028b", "<!--", "&amp;"])
def test_render_json_for_script_round_trips(s: str) -> None:
    out = _json_for_script({"s": s})
    assert "<" not in out and json.loads(out) == {"s": s}


def test_render_page_size_budget(seed_doc: timeline.Document) -> None:
    page = render_page([seed_doc])
    assert len(page.encode()) < 1_000_000
    assert page.count('<li id="') == len(seed_doc.events)
