"""TimeML (.tml) gold files, for evaluation only: the raw text of the ``TEXT`` element, the
document creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) and the
gold TIMEX3 spans with code-point offsets into that text.

>>> doc = parse_timeml('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
...     'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT><TEXT>It fell '
...     '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT></TimeML>')
>>> doc.dct, doc.text, [(t.text, t.value) for t in doc.timexes]
('1998-01-08', 'It fell yesterday.', [('yesterday', '1998-01-07')])
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import InputError
from timeline.readwrite.xmlsafe import parse_xml

__all__ = ["GoldTimex", "TimeMLDocument", "parse_timeml", "read_timeml", "creation_date"]


def creation_date(value: str | None) -> str | None:
    """The day of a creation time's TIMEX3 value (``1998-01-08T10:00`` -> ``1998-01-08``);
    None when it names no day (``PRESENT_REF``, ``1998``, a day no calendar has).

    >>> creation_date("1998-01-08T10:00"), creation_date("PRESENT_REF"), creation_date("1998-02-30")
    ('1998-01-08', None, None)
    """
    from timeline.schema import is_date

    day = (value or "")[:10]
    return day if day and is_date(day) else None


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    name: str
    text: str
    dct: str | None  # the creation date (YYYY-MM-DD), or None when the value is not a date
    timexes: tuple[GoldTimex, ...]
    dct_value: str | None = None  # the creation time's value as written (e.g. PRESENT_REF)


def parse_timeml(data: str, name: str = "document.tml") -> TimeMLDocument:
    """Parse TimeML markup into text, DCT and gold time expressions."""
    root = parse_xml(data, name, "TimeML")
    dct_value = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME" and t.get("value"):
            dct_value = t.get("value") or None
            break
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise InputError(f"{name}: no TEXT element")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start, first_part = pos, len(parts)
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el is not text_el:
            surface = "".join(parts[first_part:])  # its own pieces: linear in the text
            gold.append(
                GoldTimex(
                    start=start,
                    end=pos,
                    text=surface,
                    type=el.get("type", "DATE"),
                    value=el.get("value"),
                    mod=el.get("mod"),
                )
            )

    try:
        walk(text_el)
    except RecursionError:
        raise InputError(
            f"{name}: elements nested too deeply to read (TimeML nests a few levels)"
        ) from None
    return TimeMLDocument(
        name=name,
        text="".join(parts),
        dct=creation_date(dct_value),
        timexes=tuple(sorted(gold, key=lambda g: g.start)),
        dct_value=dct_value,
    )


def read_timeml(path: str | Path) -> TimeMLDocument:
    p = Path(path)
    try:
        data = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: cannot read: {e}") from None
    return parse_timeml(data, str(p))
