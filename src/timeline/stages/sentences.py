"""Sentence segmentation with character offsets.

Splits after ``.``, ``!`` or ``?`` (and closing quotes) when an upper-case letter, digit or
quote follows, except after abbreviations and initials; every line break that ends a
paragraph or a headline-like line is a boundary too.

>>> text = "Mr. Smith met Dr. Jones in the U.S. Army. They talked.\\nHeadline"
>>> [text[s.start:s.end] for s in find_sentences(text)]
['Mr. Smith met Dr. Jones in the U.S. Army.', 'They talked.', 'Headline']
"""

from __future__ import annotations

import dataclasses
import re

from timeline.model import Document, Span
from timeline.settings import Settings

__all__ = ["find_sentences", "sentences_stage"]

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "st",
    "jr",
    "sr",
    "inc",
    "corp",
    "co",
    "ltd",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "approx",
    "dept",
    "est",
    "fig",
    "pres",
}
# A run of end marks is tried once, from its first mark, and taken whole (possessive): a
# text of 20,000 dots is one pass, not one pass per dot. Every line break ends a sentence
# (blank lines between paragraphs are trimmed away).
# (an opening quote may be typed as two back-ticks: "``No")
_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s+(?:[\"“‘'(\[]|``)?[A-Z0-9À-Ý])|\n")


def find_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text``, trimmed of surrounding white space."""
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        if m.group()[0] in ".!?" and m.group()[0] == "." and _is_abbreviation(text, m.start()):
            continue
        end = m.end() if m.group()[0] in ".!?" else m.start()
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    w = word.group(1).lower()
    if w in _ABBREVIATIONS:
        return True
    # initials like "J." or "U.S" (single letters separated by dots)
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", w)) and word.group(1)[-1].isupper()


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start=start, end=end))


def sentences_stage(doc: Document, settings: Settings) -> Document:
    """Pipeline stage: fill ``doc.sentences``."""
    return dataclasses.replace(doc, sentences=tuple(find_sentences(doc.text)))
