"""Event nouns dated by a time expression beside them: "the 1997 flood", "Sunday's election",
"the flood of 1997", "his death in 2011", "the referendum on 23 June". The noun is the
event, the time expression its date (basis ``explicit``, or the expression's own basis)."""

from __future__ import annotations

import re

from timeline.model import Mention, Span
from timeline.stages.events.drafts import DocIndex, _datable, _Draft, _time_of
from timeline.stages.events.lexicon import (
    _LEADING,
    REPORTING,
    _lexicon,
    is_reporting,
    trigger_lemma,
)

__all__ = ["anniversary_nouns", "dated_nouns", "subject_nouns"]

# "the 1997 flood", "Sunday's snap election"
_NOUN_AFTER = re.compile(r"(?:['’]s)?\s+([a-z][a-z-]+)\b(?:\s+([a-z][a-z-]+)\b)?")
_JOINING = re.compile(r"that|which|who|and|or|but|when|while|as|if|after|before|since|until")
# "the flood of 1997", "an election for June 2019"
_NOUN_BEFORE = re.compile(r"\b([a-z][a-z-]+)\s+(?:of|in|on|at|during|for)\s+(?:the\s+)?$")


def dated_nouns(ix: DocIndex) -> list[_Draft]:
    """A draft for each event noun written right before or after a date (see above)."""
    text = ix.doc.text
    nouns = _lexicon().nouns
    out: list[_Draft] = []
    for t in ix.timexes:
        if t.type != "DATE" or not _datable(t):
            continue
        found = None
        after = _NOUN_AFTER.match(text, t.end, min(len(text), t.end + 40))
        group = next((g for g in (1, 2) if after and after.group(g) in nouns), None)
        if group == 2 and after and _JOINING.fullmatch(after.group(1)):
            group = None  # "said on Monday that talks would resume": no "Monday talks"
        if after and group:
            found = (after.start(group), after.end(group), t.start, after.end(group))
        else:
            before = _NOUN_BEFORE.search(text, max(0, t.start - 40), t.start)
            if before and before.group(1) in nouns and _dated_by_noun(text, before):
                found = (before.start(1), before.end(1), before.start(1), t.end)
        if found is None:
            continue
        a, b, lo, hi = found
        lo = _with_determiner(text, lo)
        sent = ix.sentence_of(a)
        out.append(
            _Draft(
                trigger=Mention.of(text, a, b),
                sentence=sent,
                clause=Span(start=lo, end=hi),
                title=_phrase(text, lo, hi),
                past=True,
                kind="noun",
                time=_time_of(t),
            )
        )
    return out


# the end of a subject before its verb: the head noun, then auxiliaries and adverbs
_SUBJECT_HEAD = re.compile(
    r"\b([A-Za-z][a-z-]+)\s+(?:(?:was|were|had|has|have|been|is|are|would|will|could|did|not|"
    r"never|also|then|later|finally|eventually|soon|[a-z]+ly)\s+)*$"
)


# verbs that tell of an event after it: their subject noun is not dated by them
_TOLD = REPORTING | {"announce", "confirm", "reveal", "disclose", "describe", "deny"}
# what may stand before the head noun of a subject: a determiner, up to two modifiers
_MODIFIERS = re.compile(
    r"(?:(?i:the|a|an|his|her|its|their|this|that|our)|[A-Z]\w+['’]s)"
    r"(?:\s+(?!(?:of|in|on|at|by|for|from|with|after|before|during|to|the|an?|its|their|his|her|"
    r"this|that|our)\b)[a-z-]+){0,2}"
)


def subject_nouns(ix: DocIndex, verbs: list[_Draft]) -> list[_Draft]:
    """A draft for each event noun heading the subject of a verb of ``verbs``: "The flood
    followed three days of rain", "Construction finally began in 1966", "Her death was
    announced". It stands in the verb's clause and is dated as the verb is."""
    text = ix.doc.text
    nouns = _lexicon().nouns
    out: list[_Draft] = []
    for v in verbs:
        if v.kind != "verb" or v.trigger.start - v.clause.start > 80:
            continue
        if is_reporting(v.trigger.text) or trigger_lemma(v.trigger.text) in _TOLD:
            continue  # "Her death was announced on Sunday": the death came before
        head = _SUBJECT_HEAD.search(text, v.clause.start, v.trigger.start)
        if head is None or head.group(1).lower() not in nouns:
            continue
        before = _LEADING.sub("", text[v.clause.start : head.start(1)].strip(" ,\"“”'‘’"))
        if before and not _MODIFIERS.fullmatch(before):
            continue  # not the whole subject: "prices after the war rose"
        lo = text.rfind(before, v.clause.start, head.start(1)) if before else head.start(1)
        out.append(
            _Draft(
                trigger=Mention.of(text, head.start(1), head.end(1)),
                sentence=v.sentence,
                clause=v.clause,
                title=_phrase(text, lo, head.end(1)),
                past=v.past,
                kind="noun",
            )
        )
    return out


_ANNIVERSARY_OF = re.compile(r"(?i)\banniversary\s+of\s+")
_NOUN_PHRASE = re.compile(r"[^,;:.!?]+")  # up to the next punctuation


def anniversary_nouns(ix: DocIndex) -> list[_Draft]:
    """A draft for the event noun an anniversary is of: "the 50th anniversary of the launch
    of the probe" (dated by counting back, see ``dating.counted_back``)."""
    text = ix.doc.text
    nouns = _lexicon().nouns
    out: list[_Draft] = []
    for a in _ANNIVERSARY_OF.finditer(text) if "nniversar" in text else ():
        np = _NOUN_PHRASE.match(text, a.end(), a.end() + 60)
        if np is None:
            continue
        head = next((w for w in re.finditer(r"[a-z]+", np.group()) if w.group() in nouns), None)
        if head is None:
            continue
        start = a.end() + head.start()
        out.append(
            _Draft(
                trigger=Mention.of(text, start, a.end() + head.end()),
                sentence=ix.sentence_of(start),
                clause=Span(start=a.end(), end=np.end()),
                title=_phrase(text, _with_determiner(text, start), np.end()),
                past=True,
                kind="noun",
            )
        )
    return out


_ENDED_BEFORE = re.compile(r"(?i)\b(?:end|ends|ended|ending|concluded|finished)\s+$")


def _dated_by_noun(text: str, m: re.Match[str]) -> bool:
    """Whether the date after "NOUN of/in/on ..." is the noun's: "the flood of 1997",
    "survived a fire in 1940", "the match on September 29"; but "ended the war in 1873"
    dates the end, not the war."""
    lo = _with_determiner(text, m.start(1))
    return not _ENDED_BEFORE.search(text, max(0, lo - 20), lo)


def _phrase(text: str, lo: int, hi: int) -> str:
    phrase = " ".join(text[lo:hi].split())
    return phrase[:1].upper() + phrase[1:]


_DETERMINER = re.compile(r"(?:\b(?i:the|a|an|his|her|its|their|this|that)|[A-Z]\w+['’]s)\s+$")


def _with_determiner(text: str, start: int) -> int:
    """Where the noun phrase starts: "the 1997 flood", "Hogan's death in 2011"."""
    m = _DETERMINER.search(text, max(0, start - 30), start)
    return m.start() if m else start
