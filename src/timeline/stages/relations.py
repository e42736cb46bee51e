"""Typed relations between entities, from the words that join them in a clause.

The vocabulary is fixed and small, in the spirit of CAMEO political event coding:

=============  ===========  =====================================================
type           polarity     cue words (examples)
=============  ===========  =====================================================
ally_of        cooperation  "ally of", "allies of", "X's allies", "allied with"
meets          cooperation  "met", "spoke with", "discussed ... with", "visited"
supports       cooperation  "support for", "backed", "endorsed"
negotiates     cooperation  "negotiations with", "talks with", "negotiated"
trades_with    cooperation  "trade with", "exported to", "imported from"
cooperates_with cooperation "signed ... with", "agreement with", "moving closer to"
criticises     conflict     "condemned", "criticised", "denounced", "accused"
sanctions      conflict     "sanctions on", "sanctioned", "embargo on"
cuts_ties      conflict     "cut (diplomatic) ties with", "severed relations with"
threatens      conflict     "threatened", "a threat to"
attacks        conflict     "attacked", "invaded", "invasion of", "bombed"
opposes        conflict     "opposed", "rejected", "fears"
leads          neutral      "Russian leader Vladimir Putin", "president of X"
member_of      neutral      "member of", "joined"
located_in     neutral      "<city> in <country>"
=============  ===========  =====================================================

The source is the subject of the clause (the first entity mentioned before the cue), the
target the first entity after it; "by X" after a cue (a passive) swaps them, and a
coordination ("the US and NATO") gives one relation per conjunct. Each relation keeps the
evidence span (from the first to the last of the three parts) and the event whose trigger
is nearest in the same sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from timeline.model import Document, Event, Mention, Relation, Span
from timeline.settings import Settings
from timeline.spans import SpanIndex
from timeline.stages.gazetteer import gazetteer
from timeline.stages.relation_cues import CUES, RELATION_TYPES

__all__ = ["RELATION_TYPES", "relations_stage", "find_relations"]

_REACH = 300  # characters around a cue in which its source and target are looked for
_CUE_RE = [(typ, re.compile(p, re.I)) for typ, p in CUES]
# where any cue starts: one pass over a clause instead of one per relation type. The cues
# are written in lower case and this runs on lower-cased text: a case-blind alternation is
# over twice as slow in ``re``
_ANY_CUE = re.compile("(?=" + "|".join(f"(?:{p})" for _, p in CUES) + ")")
_ANY_CUE_CASELESS = re.compile(_ANY_CUE.pattern, re.I)


def _cue_matches(
    text: str, clause: Span, lower: str | None = None
) -> list[tuple[str, re.Match[str]]]:
    """(type, match) of every cue in ``clause``: per type, what ``finditer`` would give
    (leftmost, not overlapping), types in the order of ``CUES``. ``lower``: ``text``
    lower-cased, when that keeps its length."""
    if lower is not None:
        hits = _ANY_CUE.finditer(lower, clause.start, clause.end)
    else:
        hits = _ANY_CUE_CASELESS.finditer(text, clause.start, clause.end)
    starts = [m.start() for m in hits]
    out: list[tuple[str, re.Match[str]]] = []
    for typ, cue in _CUE_RE if starts else ():
        free = clause.start  # where this type's previous match ended
        for pos in starts:
            if pos >= free and (c := cue.match(text, pos, clause.end)):
                out.append((typ, c))
                free = c.end()
    return out


_COORD = re.compile(r"^(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|\s+as\s+well\s+as\s+)$")


def _mentions_in(index: SpanIndex[tuple[str, str]], span: Span) -> list[tuple[int, int, str, str]]:
    """(start, end, entity id, entity type) of mentions inside ``span``, in text order."""
    return [
        (a, b, p[0], p[1]) for a, b, p in index.starting_in(span.start, span.end) if b <= span.end
    ]


_ROLE_BETWEEN = re.compile(
    r"\s+(?i:leader|president|prime\s+minister|premier|chancellor|minister|foreign\s+minister"
    r"|dictator|king|queen|ruler|ambassador|envoy|general)\s+$"
)


def _holder(text: str, mentions: list[tuple[int, int, str, str]], i: int) -> int:
    """'Kenyan President William Ruto': the person, not the country, is the actor."""
    if (
        i + 1 < len(mentions)
        and mentions[i + 1][3] == "PERSON"
        and _ROLE_BETWEEN.match(text[mentions[i][1] : mentions[i + 1][0]])
    ):
        return i + 1
    return i


def _conjuncts(text: str, mentions: list[tuple[int, int, str, str]], i: int) -> list[int]:
    """Index ``i`` plus the mentions coordinated with it ("the US and Europe")."""
    out = [i]
    j = _holder(text, mentions, i)
    while j + 1 < len(mentions):
        between = text[mentions[j][1] : mentions[j + 1][0]]
        if _COORD.match(between.replace("the ", "").replace("The ", "")) or re.fullmatch(
            r"\s*(?:,\s*|and\s+|or\s+)(?:the\s+)?", between
        ):
            out.append(j + 1)
            j = _holder(text, mentions, j + 1)
        else:
            break
    return out


def find_relations(doc: Document) -> list[Relation]:
    """Every relation the cues support, one per (source, target, type, sentence)."""
    text = doc.text
    lowered = text.lower()
    lower = lowered if len(lowered) == len(text) else None  # "İ" lower-cases to two chars
    found = _Found(doc)
    mention_index = SpanIndex(
        (m.start, m.end, (e.id, e.type)) for e in doc.entities for m in e.mentions
    )
    for sent in doc.sentences:
        all_m = _mentions_in(mention_index, sent)
        if len({m[2] for m in all_m}) < 2:
            continue  # a relation joins two entities named in its sentence
        all_starts = [m[0] for m in all_m]
        for clause in _relation_clauses(text, sent):
            a = bisect.bisect_left(all_starts, clause.start)
            b = bisect.bisect_left(all_starts, clause.end)
            mentions, starts = all_m[a:b], all_starts[a:b]
            for typ, c in _cue_matches(text, clause, lower):
                if mention_index.covering(c.start()) is not None:
                    continue
                # the actors of a cue are near it: bound the search in run-on clauses
                lo = bisect.bisect_left(starts, c.start() - _REACH)
                hi = bisect.bisect_right(starts, c.end() + _REACH)
                _relate(doc, typ, c, clause, mentions[lo:hi], all_m, sent, found)
        _leads(doc, sent, all_m, found)
        _possessive_allies(doc, sent, all_m, found)
    _located_in(doc, found)
    return sorted(found.values(), key=lambda r: (r.evidence.start, r.type, r.source, r.target))


# white space is tried from the start of its run only (linear on a sentence of spaces)
_RELATION_CLAUSE_BREAK = re.compile(
    r";\s+|(?<!\s)\s++(?=(?:when|while|whereas|because|although|who|which)\s)|\.\s"
)
_INTERJECTION = re.compile(r",[^,]{0,80},")


def _first_by(
    mentions: list[tuple[int, int, str, str]], field: int
) -> dict[int, tuple[int, int, str, str]]:
    """The first mention (in text order) at each start (``field`` 0) or end (1)."""
    out: dict[int, tuple[int, int, str, str]] = {}
    for x in mentions:
        out.setdefault(x[1] if field else x[0], x)
    return out


def _relation_clauses(text: str, sent: Span) -> list[Span]:
    """Clauses for relations: cut at ";" and at subordinators, not at every comma."""
    out, start = [], sent.start
    for m in _RELATION_CLAUSE_BREAK.finditer(text, sent.start, sent.end):
        out.append(Span(start=start, end=m.start()))
        start = m.end()
    out.append(Span(start=start, end=sent.end))
    return [s for s in out if s.end > s.start]


def _relate(
    doc: Document,
    typ: str,
    c: re.Match[str],
    clause: Span,
    mentions: list[tuple[int, int, str, str]],
    all_m: list[tuple[int, int, str, str]],
    sent: Span,
    found: _Found,
) -> None:
    text = doc.text
    before = [i for i, m in enumerate(mentions) if m[1] <= c.start()]
    after_start = c.end()
    # skip an interjection right after the cue: "condemned, along the lines of X, what ..."
    inter = _INTERJECTION.match(text, c.end(), clause.end)
    if inter:
        after_start = inter.end()
    after = [i for i, m in enumerate(mentions) if m[0] >= after_start]
    if not before or not after:
        return
    # the subject: the first mention of the comma-delimited part holding the cue
    part_start = max(
        clause.start, text.rfind(", ", max(clause.start, c.start() - _REACH), c.start()) + 2
    )
    in_part = [i for i in before if mentions[i][0] >= part_start]
    src_i = in_part[0] if in_part else before[-1]
    # "finds himself isolated by sanctions applied by the US": a passive swaps the roles
    tgt_i = after[0]
    if re.match(r"\s+(?:\w+ly\s+)?by\b", text[c.end() : c.end() + 20]):
        src_i, tgt_i = after[0], before[-1]
    if len(re.findall(r"\w+", text[after_start : mentions[tgt_i][0]])) > 12 and tgt_i > src_i:
        return
    sources = [_holder(text, mentions, i) for i in _conjuncts(text, mentions, src_i)]
    targets = [_holder(text, mentions, i) for i in _conjuncts(text, mentions, tgt_i)]
    for si in sources:
        for ti in targets:
            s, t = mentions[si], mentions[ti]
            if s[2] == t[2]:
                continue
            lo, hi = min(s[0], t[0], c.start()), max(s[1], t[1], c.end())
            _add(doc, found, typ, s[2], t[2], lo, hi, sent)


def _add(
    doc: Document,
    found: _Found,
    typ: str,
    src: str,
    tgt: str,
    lo: int,
    hi: int,
    sent: Span,
) -> None:
    key = (src, tgt, typ, sent.start)
    if key in found:
        return
    event = _nearest_event(found, sent, lo, hi)
    found[key] = Relation(
        id=f"r{lo}-{hi}:{typ}:{src}>{tgt}",
        source=src,
        target=tgt,
        type=typ,
        polarity=RELATION_TYPES[typ],  # type: ignore[arg-type]
        event=event,
        evidence=Mention.of(doc.text, lo, hi),
    )


class _Found(dict[tuple[str, str, str, int], Relation]):
    """The relations found so far, one per (source, target, type, sentence), and the event
    triggers of the document (to tie each relation to its event)."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc
        self.events: SpanIndex[Event] = SpanIndex(
            (e.trigger.start, e.trigger.end, e) for e in doc.events if not e.entity
        )
        self._countries: tuple[dict[str, str], dict[str, str]] | None = None

    def countries(self) -> tuple[dict[str, str], dict[str, str]]:
        """The first entity for each gazetteer key, and for each name (built once)."""
        if self._countries is None:
            g = gazetteer()
            by_key: dict[str, str] = {}
            by_name: dict[str, str] = {}
            for e in self.doc.entities:
                known = g.names.get(e.name)
                if e.mentions and known is not None and e.name not in g.capitals:  # (a city)
                    by_key.setdefault(known.key, e.id)
                by_name.setdefault(e.name, e.id)
            self._countries = (by_key, by_name)
        return self._countries


def _nearest_event(found: _Found, sent: Span, lo: int, hi: int) -> str | None:
    # the nearest trigger lies close to the evidence: look only around it
    inside = [
        e
        for _, _, e in found.events.starting_in(
            max(sent.start, lo - _REACH), min(sent.end, hi + _REACH)
        )
    ]
    if not inside:
        return None
    mid = (lo + hi) // 2
    return min(inside, key=lambda e: abs(e.trigger.start - mid)).id


def _leads(
    doc: Document,
    sent: Span,
    all_m: list[tuple[int, int, str, str]],
    found: _Found,
) -> None:
    """'Russian leader Vladimir Putin', 'US President Joe Biden': the person leads the country."""
    g = gazetteer()
    text = doc.text
    roles = r"(?:leader|president|prime\s+minister|premier|chancellor|dictator|king|queen|head\s+of\s+state|strongman|ruler)"
    persons = _first_by([x for x in all_m if x[3] == "PERSON"], 0)
    for m in re.finditer(
        rf"\b([A-Z][\w.]+)\s++{roles}\s++(?=[A-Z])", text[sent.start : sent.end], re.I
    ):
        word = m.group(1)
        code = g.demonyms.get(word) or (g.names[word].key if word in g.names else None)
        if code is None:
            continue
        person = persons.get(sent.start + m.end())
        if person is None:
            continue
        by_key, by_name = found.countries()
        country = by_key.get(code) or by_name.get(g.country_names.get(code) or "")
        if country:
            _add(doc, found, "leads", person[2], country, sent.start + m.start(), person[1], sent)


def _possessive_allies(
    doc: Document,
    sent: Span,
    all_m: list[tuple[int, int, str, str]],
    found: _Found,
) -> None:
    """'It was Putin, along with China and Iran, one of Maduro's allies': each is an ally."""
    text = doc.text
    starts = [x[0] for x in all_m]
    ending = _first_by(all_m, 1)
    starting = _first_by(all_m, 0)
    for m in re.finditer(
        r"(?:’s|'s)\s+(?:\w+\s+)?(?P<w>allies|ally|partners?)\b", text[sent.start : sent.end]
    ):
        pos = sent.start + m.start()
        owner = ending.get(pos)
        if owner is None:
            continue
        end = sent.start + m.end()
        appos = starting.get(end + 1)
        if appos and m.group("w") in ("ally", "partner"):  # "Russia's ally Venezuela"
            _add(doc, found, "ally_of", appos[2], owner[2], owner[0], appos[1], sent)
            continue
        owner_start = owner[0]
        if not re.search(
            r"\b(?:one\s+of|among)\s+(?:the\s+)?$", text[max(0, owner_start - 20) : owner_start]
        ):
            continue
        lo = bisect.bisect_left(starts, owner[0] - _REACH)
        for x in all_m[lo : bisect.bisect_left(starts, owner[0])]:  # allies listed just before
            if (
                x[1] <= owner[0]
                and x[2] != owner[2]
                and not any(s in text[x[1] : owner[0]] for s in (";", " when ", " because "))
            ):
                _add(doc, found, "ally_of", x[2], owner[2], x[0], sent.start + m.end(), sent)


def _located_in(doc: Document, found: _Found) -> None:
    """A city of the gazetteer named in the text is ``located_in`` its country when the
    country is named too ("in Lisbon, Portugal's capital"); the evidence is the city's first
    mention."""
    g = gazetteer()
    by_key = found.countries()[0]
    starts = [s.start for s in doc.sentences]
    for e in doc.entities:
        code = g.city_country.get(e.name)
        country = by_key.get(code) if code and e.type == "LOCATION" and e.mentions else None
        if country is None or country == e.id:
            continue
        m = e.mentions[0]
        i = bisect.bisect_right(starts, m.start) - 1
        sent = doc.sentences[i] if i >= 0 else Span(start=m.start, end=m.end)
        _add(doc, found, "located_in", e.id, country, m.start, m.end, sent)


def relations_stage(doc: Document, settings: Settings) -> Document:
    """Pipeline stage: fill ``doc.relations``."""
    return dataclasses.replace(doc, relations=tuple(find_relations(doc)))
