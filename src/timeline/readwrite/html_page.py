"""Reading an HTML page: its visible text by region (article, main, body, all), its
title, meta tags and JSON-LD, with unclosed markup defused first so that reading stays
linear. ``timeline.ingest`` picks the article out of it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["PageExtractor", "clean_text", "defuse_unclosed_markup"]


_SKIP = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "noscript",
    "form",
    "svg",
    "template",
    "iframe",
    "button",
    "figcaption",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "br",
    "tr",
    "pre",
    "ul",
    "ol",
    "table",
    "figure",
    "hr",
}


class PageExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.skip = 0
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "body": [], "all": []}
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.in_title = False
        self.in_ld = False
        self.ld: list[str] = []
        self.depth = {"article": 0, "main": 0, "body": 0}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
            return
        if tag == "link" and a.get("rel", "").lower() == "canonical":
            self.meta.setdefault("canonical", a.get("href", ""))
            return
        if tag == "time" and "datetime" in a:
            self.meta.setdefault("time", a["datetime"])
        if tag == "title":
            self.in_title = True
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self.in_ld = True
        if tag in _SKIP:
            self.skip += 1
        if tag in self.depth:
            self.depth[tag] += 1
        if tag in _BLOCK:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_ld = False
        if tag in _SKIP and self.skip:
            self.skip -= 1
        if tag in self.depth and self.depth[tag]:
            self.depth[tag] -= 1
        if tag in _BLOCK:
            self._emit("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.in_ld:
            self.ld.append(data)
        if self.skip:
            return
        self._emit(data)

    def _emit(self, s: str) -> None:
        self.parts["all"].append(s)
        for k, n in self.depth.items():
            if n:
                self.parts[k].append(s)


def clean_text(parts: list[str]) -> str:
    text = "".join(parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip() + "\n"


_MARKUP_START = re.compile(r"<[A-Za-z/!?]")


def defuse_unclosed_markup(raw: str) -> str:
    """``raw`` with each ``<`` that opens markup but is not closed by a ``>`` before the next
    one written as ``&lt;`` (text, as a browser would mostly show it).

    Python's html.parser (3.11) rescans the rest of the page for every unclosed tag: 30 KB
    of ``<a `` took two minutes. One pass here keeps it linear.

    >>> defuse_unclosed_markup("<p>a <b <i>c</i> <a")
    '<p>a &lt;b <i>c</i> &lt;a'
    """
    starts = [m.start() for m in _MARKUP_START.finditer(raw)]
    out: list[str] = []
    last = 0
    close = raw.find(">")
    for k, pos in enumerate(starts):
        if close != -1 and close < pos:
            close = raw.find(">", pos)  # moves forward only: one pass in all
        following = starts[k + 1] if k + 1 < len(starts) else len(raw)
        if close == -1 or close > following:
            out.append(raw[last:pos])
            out.append("&lt;")
            last = pos + 1
    out.append(raw[last:])
    return "".join(out)
