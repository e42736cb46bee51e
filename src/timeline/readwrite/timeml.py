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

__all__ = ["GoldTimex", "TimeMLDocument", "parse_timeml", "read_timeml"]


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
    dct: str | None
    timexes: tuple[GoldTimex, ...]


def parse_timeml(data: str, name: str = "document.tml") -> TimeMLDocument:
    """Parse TimeML markup into text, DCT and gold time expressions."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise InputError(f"{name}: not well-formed TimeML: {e}") from None
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME" and t.get("value"):
            dct = (t.get("value") or "")[:10]
            break
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise InputError(f"{name}: no TEXT element")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el is not text_el:
            surface = "".join(parts)[start:pos]
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

    walk(text_el)
    return TimeMLDocument(
        name=name, text="".join(parts), dct=dct, timexes=tuple(sorted(gold, key=lambda g: g.start))
    )


def read_timeml(path: str | Path) -> TimeMLDocument:
    p = Path(path)
    try:
        data = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: cannot read: {e}") from None
    return parse_timeml(data, str(p))
