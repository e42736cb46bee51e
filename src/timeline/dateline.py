"""The publication date an article states at its top: a dateline or a byline.

Only the first two non-blank lines are read (a byline without a date does not count), and only a complete date (day, month, year)
standing where datelines and bylines put one:

- alone on its line, perhaps with a time or a news agency ("June 8, 2010", "8 June 2010,
  10:30 GMT"),
- after a label, a byline or a place in capitals, then anything ("Published: June 8,
  2010", "By Jane Doe | 8 June 2010", "BERLIN, Nov. 9, 2019 (Reuters) - The Wall ...",
  "PASADENA, Calif., Sept. 12, 2024 - ...": a place in capitals, perhaps with its region).

A date inside a sentence is the story's, not the article's ("On June 24, 2016, Britons
voted ..." in the first paragraph dates the vote): such an article has no publication date,
and its relative dates stay unresolved until one is given.

>>> published_in_dateline("Apple unveils iPhone 4\\nJune 8, 2010\\nYesterday, Apple ...")
'2010-06-08'
>>> published_in_dateline("BERLIN, Nov. 9, 2019 (Reuters) - Thirty years ago the Wall fell.")
'2019-11-09'
>>> published_in_dateline("Brexit\\n\\nOn June 24, 2016, Cameron resigned.") is None
True
"""

from __future__ import annotations

import re

__all__ = ["published_in_dateline", "headline"]

HEAD_LINES = 2  # datelines and bylines stand in the first two lines (after the headline)
_LINE_LIMIT = 300  # a longer line is a paragraph, not a dateline

# what may stand before the date on a dateline: labels, a byline, a place in capitals, a
# weekday, separators (each tried once per position: the scan stays linear)
_LEAD = re.compile(
    r"""(?:
        \s++
      | (?i:first\s+published|last\s+updated|published|updated|posted|dated?)\b(?:\s+on)?\s*:?
      | (?i:by)\s+[^|•·,\n]{1,60}?(?:,|\s[|•·–—-])
      | \d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?,?
      | [A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+){0,3}(?:,\s[A-Z][a-z.]+(?:\s[A-Z][a-z.]+)?)?
        (?:\s*\([^()\n]{1,30}\))?\s*[,–—-]
      | (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?
      | [|•·–—-]
    )*+""",
    re.X,
)
# the bare start of a line: what follows a date there must not be a sentence
_ALONE_AFTER = re.compile(
    r"\s*+(?:[,|•·–—-]?\s*+(?:\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5})?"
    r"|\([^()\n]{1,30}\)|[A-Z]{2,5}))*+\s*+[|•·]?\s*+$"
)


_BYLINE_ONLY = re.compile(r"\s*(?i:by)\s+[^\d\n]{1,80}$")
_LABEL = re.compile(r"[A-Z]{2}|[|•·–—-]|(?i:published|updated|posted|dated?|by)\b")


def _is_labelled(lead: str) -> bool:
    """Whether the text before a date says it is a dateline (not only space or a weekday)."""
    return bool(_LABEL.search(lead))


def published_in_dateline(text: str) -> str | None:
    """The date (YYYY-MM-DD) of the dateline or byline in the first two non-blank lines of
    ``text``; None when there is none (see the module docstring for what counts)."""
    from timeline.stages.times import find_times

    # a byline without a date does not count: "Headline / By Jane Doe / LONDON, 14 March ..."
    lines = [
        line for line in text.split("\n", 20)[:20] if line.strip() and not _BYLINE_ONLY.match(line)
    ][:HEAD_LINES]
    for line in lines:
        if len(line) > _LINE_LIMIT:
            line = line[:_LINE_LIMIT]
        for d in find_times(line):
            if not (d.kind == "absolute" and d.value and len(d.value) == 10 and d.type == "DATE"):
                continue
            lead = line[: d.start]
            lead_match = _LEAD.match(lead)
            if lead_match is None or lead_match.end() != len(lead):
                break  # words before the date: it is in a sentence (and so is any later one)
            if _is_labelled(lead) or _ALONE_AFTER.match(line, d.end):
                return d.value
            break
    return None


def headline(text: str) -> str | None:
    """The article's headline: its first line when that line reads as one (short, not a
    sentence that runs on, more text below it), a Markdown ``#`` stripped.

    >>> headline("Engineers Mark 50 Years Since Launch\\nBy Carla Ostrowski\\n\\nPASADENA ...")
    'Engineers Mark 50 Years Since Launch'
    >>> headline("The talks opened on 3 May 1990. Three weeks later they failed.") is None
    True
    """
    first, sep, rest = text.lstrip().partition("\n")
    line = first.strip().lstrip("#").strip()
    if not sep or not rest.strip() or not 3 <= len(line) <= 150:
        return None
    if line.endswith((".", ",", ";", ":")) or _DATELINE_START.match(line):
        return None  # a sentence, or a dateline that opens the story
    return line


_DATELINE_START = re.compile(r"[A-Z][A-Z .,'-]{2,}[,(\u2013\u2014-]")
