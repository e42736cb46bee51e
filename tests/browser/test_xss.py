"""The XSS corpus (tests/browser/xss_payloads.py, 122 strings) placed in titles, URLs,
sentences, entity names and aliases, rendered as every output kind (document page, corpus
index, Jupyter iframe, `render --embed` page in its article snippet) and opened in headless Chromium: no script runs, no dialog opens, no
request leaves the page, and every string is shown as text."""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path

import pytest

import timeline
from tests.browser.xss_payloads import PAYLOADS
from timeline.render.html import render_embed_snippet, render_iframe, render_page

pytestmark = pytest.mark.browser
TRAP = """
window.__pwned = undefined;
for (const f of ['alert', 'confirm', 'prompt', 'print']) {
  window[f] = function () { window.__pwned = 'dialog:' + f; };
}
"""


def _hostile_doc(batch: list[str], n: int) -> timeline.Document:
    sentences = " ".join(f"In 2019, Officials of Acme Corp said {p} on Monday." for p in batch)
    doc = timeline.parse(
        sentences, published="2022-03-05", title=batch[0], url=batch[-1], doc_id=f"xss-{n}"
    )
    ents = list(doc.entities)
    extra = [
        dataclasses.replace(e, name=batch[i % len(batch)], aliases=(batch[(i + 1) % len(batch)],))
        for i, e in enumerate(ents)
    ]
    return dataclasses.replace(doc, entities=tuple(extra))


BATCHES = [PAYLOADS[i : i + 31] for i in range(0, len(PAYLOADS), 31)]


def _check(browser, path: Path, frame: bool) -> str:
    page = browser.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    page.add_init_script(TRAP)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if (
            r.request.url.startswith(("file:", "about:", "data:"))
            and "127.0.0.1" not in r.request.url
        ):
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    target = page.frames[1] if frame else page
    target.wait_for_function("window.__ready === true", timeout=15000)
    page.wait_for_timeout(300)
    for li in target.locator("#entity-list li").all()[:5]:
        li.click()  # exercise the detail panel, which writes entity names and aliases
    target.locator("#event-list li").first.click()
    pwned = [target.evaluate("window.__pwned"), page.evaluate("window.__pwned")]
    text = target.evaluate("document.body.innerText") + target.evaluate("document.title")
    page.close()
    assert pwned == [None, None], pwned
    assert dialogs == [] and requests == [], (dialogs, requests)
    return text


@pytest.mark.parametrize("batch", range(len(BATCHES)))
@pytest.mark.parametrize("kind", ["document", "corpus", "embed", "snippet"])
def test_xss_corpus_never_executes(browser, tmp_path: Path, kind: str, batch: int) -> None:
    payloads = BATCHES[batch]
    doc = _hostile_doc(payloads, batch)
    if kind == "document":
        markup = render_page([doc])
    elif kind == "corpus":
        other = timeline.parse(
            "Moscow and Washington met in 1963.", published="2022-03-05", doc_id="other"
        )
        markup = render_page([doc, other], title=payloads[1])
    elif kind == "embed":  # Jupyter's inline display
        markup = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>host</title></head><body>"
            + render_iframe([doc])
            + "</body></html>"
        )
    else:  # `timeline render --embed`: the small page and the snippet pasted in an article
        (tmp_path / "t.html").write_text(render_page([doc], embed=True), encoding="utf-8")
        markup = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>host</title></head><body>"
            + render_embed_snippet([doc], "t.html", title=payloads[2])
            + "</body></html>"
        )
    path = tmp_path / f"{kind}.html"
    path.write_text(markup, encoding="utf-8")
    text = _check(browser, path, frame=kind in ("embed", "snippet"))
    shown = [p for p in payloads if p.strip() in text or html.unescape(p).strip() in text]
    missing = [p for p in payloads if p not in shown]
    assert not missing, f"not shown as text: {missing[:3]}"
