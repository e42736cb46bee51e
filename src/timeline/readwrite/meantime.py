"""MEANTIME (NewsReader) XML, for evaluation only: text rebuilt from the tokens, gold entity
mentions with their entity type, and gold TIMEX3s, all with code-point offsets.

The text is detokenised with the usual English rules (no space before ``,`` or ``'s``, none
after ``(`` or an opening quote), and sentences are separated by a newline, so our sentence
splitter sees the corpus's own sentence boundaries.

>>> doc = parse_meantime('''<Document doc_name="x"><token t_id="1" sentence="0">Apple</token>
... <token t_id="2" sentence="0">'s</token><token t_id="3" sentence="0">chief</token>
... <token t_id="4" sentence="0">,</token><token t_id="5" sentence="0">Steve</token>
... <token t_id="6" sentence="0">Jobs</token><Markables>
... <ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="5"/><token_anchor t_id="6"/>
... </ENTITY_MENTION><ENTITY m_id="9" ent_type="PER"/></Markables><Relations>
... <REFERS_TO r_id="1"><source m_id="1"/><target m_id="9"/></REFERS_TO></Relations></Document>''')
>>> doc.text, [(m.text, m.type) for m in doc.mentions]
("Apple's chief, Steve Jobs", [('Steve Jobs', 'PER')])
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import InputError
from timeline.readwrite.timeml import GoldTimex, creation_date
from timeline.readwrite.xmlsafe import parse_xml

__all__ = ["GoldMention", "MeantimeDocument", "parse_meantime", "read_meantime"]

_NO_SPACE_BEFORE = {
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "'",
    "n't",
    "''",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "-",
    "–",
}
_NO_SPACE_AFTER = {"(", "[", "{", "``", "$", "-", "–", "#"}


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    text: str
    type: str  # MEANTIME entity type: PER, ORG, LOC, PRO, FIN, MIX
    syntactic_type: str  # NAM, PRE.NAM, NOM, PRO, ...
    sentence: int


@dataclass(frozen=True, slots=True)
class MeantimeDocument:
    name: str
    text: str
    dct: str | None
    sentence_of_token: dict[str, int]
    sentence_spans: tuple[tuple[int, int], ...]
    mentions: tuple[GoldMention, ...]
    timexes: tuple[GoldTimex, ...]
    words: int
    doc_id: str = ""
    tokens: tuple[tuple[int, int, int, str], ...] = ()  # (start, end, sentence, word)
    dct_value: str | None = None  # the creation time's value as written (``dct``: its day)


def parse_meantime(data: str, name: str = "document.xml", *, gold: bool = True) -> MeantimeDocument:
    """The text, creation time and (with ``gold``) gold mentions and TIMEX3s of MEANTIME XML.

    ``gold=False`` reads a file as an input to parse: mentions are not built (a hostile file
    could anchor thousands of them to one huge token, each a copy of it)."""
    root = parse_xml(data, name, "MEANTIME XML")
    tokens = root.findall("token")
    if not tokens:
        raise InputError(f"{name}: no <token> elements (not MEANTIME XML?)")
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    sent_of: dict[str, int] = {}
    sentence_spans: dict[int, list[int]] = {}
    pos = 0
    prev_sentence: int | None = None
    prev_tok = ""
    token_rows: list[tuple[int, int, int, str]] = []
    for tok in tokens:
        word = (tok.text or "").strip() or "_"
        raw_sentence = tok.get("sentence", "0")
        if not raw_sentence.isascii() or not raw_sentence.isdigit():
            raise InputError(
                f"{name}: token t_id={tok.get('t_id', '?')!r} has sentence={raw_sentence!r}, "
                "not a sentence number; fix the attribute"
            )
        sentence = int(raw_sentence)
        if prev_sentence is None:
            sep = ""
        elif sentence != prev_sentence:
            sep = "\n"
        elif word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        tid = tok.get("t_id", "")
        spans[tid] = (pos, pos + len(word))
        sent_of[tid] = sentence
        token_rows.append((pos, pos + len(word), sentence, word))
        span = sentence_spans.setdefault(sentence, [pos, pos + len(word)])
        span[1] = pos + len(word)
        parts.append(word)
        pos += len(word)
        prev_sentence, prev_tok = sentence, word
    text = "".join(parts)

    ent_type = {e.get("m_id"): e.get("ent_type", "") for e in root.iter("ENTITY")}
    refers: dict[str, str] = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        if target is None:
            continue
        for src in rel.findall("source"):
            refers[src.get("m_id", "")] = ent_type.get(target.get("m_id"), "")

    def extent(el: ET.Element) -> tuple[int, int, int] | None:
        ids = [a.get("t_id", "") for a in el.findall("token_anchor") if a.get("t_id") in spans]
        if not ids:
            return None
        start = min(spans[i][0] for i in ids)
        end = max(spans[i][1] for i in ids)
        return start, end, min(sent_of[i] for i in ids)

    mentions = []
    for m in root.iter("ENTITY_MENTION") if gold else ():
        ext = extent(m)
        if ext is None:
            continue
        mentions.append(
            GoldMention(
                start=ext[0],
                end=ext[1],
                text=text[ext[0] : ext[1]],
                type=refers.get(m.get("m_id", ""), ""),
                syntactic_type=m.get("syntactic_type", ""),
                sentence=ext[2],
            )
        )
    timexes = []
    dct = dct_value = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME" and t.get("value"):
            dct_value = t.get("value")
            dct = creation_date(dct_value)
        ext = extent(t) if gold else None
        if ext is None:
            continue
        timexes.append(
            GoldTimex(
                start=ext[0],
                end=ext[1],
                text=text[ext[0] : ext[1]],
                type=t.get("type", "DATE"),
                value=t.get("value") or None,
                mod=t.get("mod") or None,
            )
        )
    return MeantimeDocument(
        name=name,
        text=text,
        dct=dct,
        sentence_of_token=sent_of,
        sentence_spans=tuple(tuple(sentence_spans[k]) for k in sorted(sentence_spans)),  # type: ignore[misc]
        mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))),
        timexes=tuple(sorted(timexes, key=lambda t: t.start)),
        words=len(tokens),
        doc_id=root.get("doc_id", "") or Path(name).stem.split("_")[0].split("-")[0],
        tokens=tuple(token_rows),
        dct_value=dct_value,
    )


def read_meantime(path: str | Path) -> MeantimeDocument:
    p = Path(path)
    try:
        data = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: cannot read: {e}") from None
    return parse_meantime(data, str(p))
