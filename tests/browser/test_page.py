"""The page in a real browser: Debian's chromium driven by Playwright (never a downloaded
browser). Every request that is not a file: URL is blocked and counted. Skipped, with the
reason, when chromium or playwright is missing; .ci/run installs both."""

from __future__ import annotations

import itertools
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


def test_browser_page_is_interactive_and_linked(
    browser, seed_doc, tmp_path: Path, screens: Path
) -> None:
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
    page.screenshot(path=str(screens / "seed.png"), full_page=True)


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


def test_browser_seed_page_is_ready_fast_and_counts_match(browser, seed_doc, tmp_path) -> None:
    path = tmp_path / "seed.html"
    path.write_text(render_page([seed_doc]), encoding="utf-8")
    page, errors, requests, _ = _open(browser, path)
    # a generous budget for a loaded CI machine; benchmarks/bench_render.py measures it
    assert page.evaluate("window.__readyAt") < 3000
    dated = sum(1 for e in seed_doc.events if e.time.start)
    assert page.locator("#tl .mark").count() == dated
    assert page.locator("#event-list li").count() == len(seed_doc.events)
    assert errors == [] and requests == []


def test_browser_keyboard_moves_through_events_and_opens_them(browser, seed_doc, tmp_path) -> None:
    path = tmp_path / "seed.html"
    path.write_text(render_page([seed_doc]), encoding="utf-8")
    page, errors, _, _ = _open(browser, path)
    first = page.locator("#event-list li").first
    first.focus()
    page.keyboard.press("ArrowDown")
    second_id = page.locator("#event-list li").nth(1).get_attribute("data-id")
    assert page.evaluate("document.activeElement.getAttribute('data-id')") == second_id
    page.keyboard.press("End")
    last_id = page.locator("#event-list li").last.get_attribute("data-id")
    assert page.evaluate("document.activeElement.getAttribute('data-id')") == last_id
    page.keyboard.press("Enter")
    assert page.locator("#detail h3").inner_text() != ""
    assert page.locator("#event-list li.selected").get_attribute("data-id") == last_id
    # the timeline's marks are links: Tab reaches them, arrows move along, Enter opens one
    mark = page.locator("#tl .mark").first
    mark.focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.classList.contains('mark')")
    assert page.evaluate("document.activeElement.getAttribute('data-id')") != mark.get_attribute(
        "data-id"
    )
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.length > 1")
    assert page.locator("#detail blockquote mark").count() == 1
    assert errors == []


def test_browser_zoom_and_filters(browser, seed_doc, tmp_path, screens: Path) -> None:
    path = tmp_path / "seed.html"
    path.write_text(render_page([seed_doc]), encoding="utf-8")
    page, errors, _, _ = _open(browser, path)

    def widths() -> list[float]:
        return page.eval_on_selector_all(
            "#tl .mark rect", "els => els.map(e => Number(e.getAttribute('width')))"
        )

    before = widths()
    page.click("[data-zoom=in]")
    after = widths()
    assert max(after) > max(before)  # bars widen with the zoom
    page.click("[data-zoom=reset]")
    assert widths() == pytest.approx(before, abs=0.2)
    page.fill("#from", "2019")
    page.fill("#to", "2019")
    shown = page.locator("#event-list li:not(.hidden)")
    years = {
        (t.get_attribute("datetime") or "")[:4] for t in shown.locator("time").element_handles()
    }
    assert years == {"2019"}
    assert page.locator("#tl .mark:not(.hidden)").count() == shown.count()
    page.screenshot(path=str(screens / "seed-filtered.png"), full_page=True)
    page.fill("#from", "")
    page.fill("#to", "")
    page.select_option("#kind", "PERSON")
    assert 0 < page.locator("#event-list li:not(.hidden)").count() < len(seed_doc.events)
    assert errors == []


def test_browser_years_before_christ_on_the_axis(browser, tmp_path, screens: Path) -> None:
    doc = timeline.parse(
        "The cities revolted in 499 BC. In September 490 BC the Athenians won at Marathon. "
        "In August 480 BC the Greeks held the pass at Thermopylae. The following year the "
        "Greeks won at Plataea.",
        published="2024-03-01",
    )
    path = tmp_path / "bc.html"
    path.write_text(render_page([doc]), encoding="utf-8")
    page, errors, _, _ = _open(browser, path)
    assert page.locator("#tl .mark").count() == len([e for e in doc.events if e.time.value])

    def ticks() -> list[str]:
        return page.eval_on_selector_all("#tl text.tick", "els => els.map(e => e.textContent)")

    page.click("[data-zoom=in]")  # the page script draws the axis again
    page.click("[data-zoom=in]")
    labels = ticks()
    assert labels and all("NaN" not in t and not t.startswith("-") for t in labels)
    assert any(t.endswith(" BC") for t in labels)
    page.screenshot(path=str(screens / "bc-zoomed.png"), full_page=True)
    assert errors == []


def test_browser_embed_snippet_resizes_its_iframe(browser, seed_doc, tmp_path, screens) -> None:
    from timeline.render.html import render_embed_snippet

    (tmp_path / "t.html").write_text(render_page([seed_doc], embed=True), encoding="utf-8")
    snippet = render_embed_snippet([seed_doc], "t.html", title="Timeline")
    host = tmp_path / "article.html"
    host.write_text(
        f"<!DOCTYPE html><html><body><p>Article text.</p>{snippet}<p>More.</p></body></html>",
        encoding="utf-8",
    )
    page = browser.new_page(viewport={"width": 390, "height": 800})  # a phone
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(host.as_uri())
    page.wait_for_function(
        "document.querySelector('iframe').style.height !== '480px'", timeout=15000
    )
    frame_height = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
    inner = page.frames[1].evaluate("document.documentElement.scrollHeight")
    assert abs(frame_height - inner) <= 2 and frame_height > 1000
    assert page.frames[1].evaluate("window.__ready") is True
    page.screenshot(path=str(screens / "embed-phone.png"))


def test_browser_thousands_of_events_aggregate_then_show_on_zoom(
    browser, tmp_path, screens
) -> None:
    from timeline.render.timeline_svg import MAX_MARKS

    text = " ".join(
        f"On {1 + i % 28} March {1900 + i % 120}, the delegations of Norway and Chile met "
        "again in the town hall."
        for i in range(MAX_MARKS + 200)
    )
    doc = timeline.parse(text, published="2025-01-01", doc_id="many")
    assert sum(1 for e in doc.events if e.time.start) > MAX_MARKS
    path = tmp_path / "many.html"
    path.write_text(render_page([doc]), encoding="utf-8")
    page, errors, requests, _ = _open(browser, path)
    assert page.locator("#tl .bin").count() > 0 and page.locator("#tl .mark").count() == 0
    for _ in range(6):  # zoom in until few events are in view
        page.click("[data-zoom=in]")
        if page.locator("#tl .mark").count():
            break
    drawn = page.locator("#tl .mark").count()
    assert 0 < drawn <= 600
    assert page.eval_on_selector("#tl .bins", "b => getComputedStyle(b).display") == "none"
    page.screenshot(path=str(screens / "many-zoomed.png"))
    page.locator("#tl .mark").nth(drawn // 2).click(force=True)  # marks of one day overlap
    page.wait_for_function("location.hash.length > 1")
    assert page.locator("#detail blockquote mark").count() == 1
    page.click("[data-zoom=reset]")
    assert page.locator("#tl .mark").count() == 0
    assert errors == [] and requests == []


@pytest.mark.parametrize("fragment", ["%E0%A4%A", "__proto__", "constructor", "toString", "%"])
def test_browser_a_bad_link_fragment_is_ignored(browser, seed_doc, tmp_path, fragment) -> None:
    """Issue 12: '#%E0%A4%A' threw at load (so an embed never reported its height) and
    '#__proto__' opened a detail reading 'undefined'."""
    path = tmp_path / "seed.html"
    path.write_text(render_page([seed_doc], embed=True), encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(path.as_uri() + "#" + fragment)
    page.wait_for_function("window.__ready === true", timeout=15000)
    assert errors == []
    assert "undefined" not in page.locator("body").inner_text()
    page.close()


GAPPY = (
    "In 1962 the crisis began. In October 1963 a hotline opened. In February 2005 the talks "
    "resumed. In 2010 the embassy reopened. In 2019 ties were cut. In 2023 they were restored."
)


def test_browser_axis_labels_overlap_neither_each_other_nor_the_gap_marks(
    browser, tmp_path, screens: Path
) -> None:
    doc = timeline.parse(GAPPY, published="2024-01-10")
    path = tmp_path / "gaps.html"
    path.write_text(render_page([doc]), encoding="utf-8")
    page, errors, _, _ = _open(browser, path)

    def boxes(selector: str) -> list[tuple[float, float]]:
        return [
            tuple(b)
            for b in page.eval_on_selector_all(
                selector,
                "els => els.filter(e => e.getClientRects().length)"
                ".map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })",
            )
        ]

    for step in ("load", "zoom"):
        if step == "zoom":
            page.click("[data-zoom=in]")
        labels, gaps = boxes("#tl .axis text.tick"), boxes("#tl .gap text")
        assert labels and gaps, step  # the text has long empty stretches
        spans = sorted(labels + gaps)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), (step, spans)
    page.screenshot(path=str(screens / "axis-gaps.png"))
    assert errors == []


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (390, 844)])
def test_browser_choosing_opens_the_detail_panel_in_view_without_a_jump(
    browser, seed_doc, tmp_path, screens: Path, width: int, height: int
) -> None:
    path = tmp_path / "seed.html"
    path.write_text(render_page([seed_doc]), encoding="utf-8")
    page, errors, _, _ = _open(browser, path)
    page.set_viewport_size({"width": width, "height": height})
    assert not page.is_visible("#detail")  # nothing chosen yet
    for what in ("#tl .mark", "#entity-list li", "#event-list li"):
        target = page.locator(what).nth(3)
        target.scroll_into_view_if_needed()
        before = page.evaluate("window.scrollY")
        target.click()
        box = page.locator("#detail").bounding_box()
        assert box is not None, what
        assert box["y"] >= 0 and box["y"] + box["height"] <= height + 1, (what, box)
        assert page.evaluate("window.scrollY") == before, what  # the page did not jump
        page.screenshot(
            path=str(screens / f"detail-{width}-{what.strip('#').replace(' ', '-')}.png")
        )
        page.click("#detail .close")
        assert not page.is_visible("#detail"), what
    page.locator("#event-list li").first.click()
    page.keyboard.press("Escape")
    assert not page.is_visible("#detail")
    assert errors == []


def test_browser_embed_detail_reads_title_and_date_from_the_list(
    browser, seed_doc, tmp_path
) -> None:
    """The embed page leaves each event's title, date and provenance out of its data (they
    are in the list): selecting an event still shows them."""
    path = tmp_path / "seed.html"
    path.write_text(render_page([seed_doc], embed=True), encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.__ready === true", timeout=15000)
    item = page.locator("#event-list li").nth(1)
    item.click()
    assert page.locator("#detail h3").inner_text() == item.locator(".title").inner_text()
    when = page.locator("#detail p").first.inner_text()
    assert when.startswith("When: " + item.locator("time").inner_text())
    assert "undefined" not in when and errors == []
    page.close()
