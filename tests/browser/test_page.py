"""The page in a real browser: Debian's chromium driven by Playwright (never a downloaded
browser). Every request that is not a file: URL is blocked and counted. Skipped, with the
reason, when chromium or playwright is missing; .ci/run installs both."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline
from timeline.render.html import render_page

pytestmark = pytest.mark.browser
HOSTILE = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=2">',
    "</script><script>window.__pwned=3</script>",
    "<svg onload=window.__pwned=4>",
    "javascript:window.__pwned=5",
    "{{constructor.constructor('window.__pwned=6')()}}",
]


def _open(browser, path: Path):
    page = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function("window.__ready === true", timeout=15000)
    return page, errors, requests, dialogs


def test_browser_page_is_interactive_and_linked(browser, seed_doc, tmp_path: Path) -> None:
    path = tmp_path / "seed.html"
    path.write_text(render_page([seed_doc]), encoding="utf-8")
    page, errors, requests, dialogs = _open(browser, path)
    assert errors == [] and requests == [] and dialogs == []
    n_nodes = page.evaluate(
        "JSON.parse(document.getElementById('timeline-data').textContent).graph.nodes.length"
    )
    assert n_nodes == len(seed_doc.entities) + len(seed_doc.events)
    assert page.locator("#event-list li").count() == len(seed_doc.events)
    # clicking an event shows its source sentence with the trigger marked
    item = (
        page.locator("#event-list li").filter(has=page.locator(".title", has_text="hotline")).first
    )
    item.click()
    assert page.locator("#detail blockquote mark").inner_text() == "installed"
    assert "The following year" in page.locator("#detail blockquote").inner_text()
    # clicking an entity highlights its events
    page.locator("#entity-list li", has_text="Vladimir Putin").click()
    assert page.locator("#event-list li.hl").count() >= 1
    page.screenshot(path=str(tmp_path / "seed.png"))


def test_browser_hostile_strings_do_not_execute(browser, tmp_path: Path) -> None:
    text = "In 2019, Washington cut ties with Caracas. " + " ".join(
        f"Officials said {h} yesterday." for h in HOSTILE
    )
    doc = timeline.parse(text, published="2022-03-05", title=HOSTILE[0], url=HOSTILE[4])
    path = tmp_path / "hostile.html"
    path.write_text(render_page([doc]), encoding="utf-8")
    page, errors, requests, dialogs = _open(browser, path)
    page.locator("#event-list li").first.click()
    assert page.evaluate("window.__pwned") is None
    assert dialogs == [] and requests == []
    assert HOSTILE[0] in page.locator("h1").inner_text()
    assert HOSTILE[1] in page.locator("#event-list").inner_text()
