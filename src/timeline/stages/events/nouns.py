"""Event nouns dated by a time expression beside them: "the 1997 flood", "Sunday's election",
"the flood of 1997", "his death in 2011", "the referendum on 23 June". The noun is the
event, the time expression its date (basis ``explicit``, or the expression's own basis)."""

from __future__ import annotations

import bisect
import functools
import re

from timeline.model import Mention, Span
from timeline.stages.clause_cues import in_apposition
from timeline.stages.events.drafts import DocIndex, Draft, is_datable, time_of
from timeline.stages.events.lexicon import (
    LEADING,
    REPORTING,
    clauses,
    is_reporting,
    load_lexicon,
    trigger_lemma,
)

__all__ = ["anniversary_nouns", "clause_nouns", "dated_nouns", "subject_nouns"]

# "the 1997 flood", "Sunday's snap election"
_NOUN_AFTER = re.compile(r"(?:['’]s)?\s+([a-z][a-z-]+)\b(?:\s+([a-z][a-z-]+)\b)?")
# a word after a date that starts a phrase of its own, not a modifier of the noun after it
_NEW_PHRASE = re.compile(
    r"that|which|who|and|or|but|when|while|as|if|after|before|since|until|the|a|an|its|his|her|their"
)
# "the flood of 1997", "an election for June 2019"
_NOUN_BEFORE = re.compile(r"\b([a-z][a-z-]+)\s+(?:of|in|on|at|during|for)\s+(?:the\s+)?$")


def dated_nouns(ix: DocIndex) -> list[Draft]:
    """A draft for each event noun written right before or after a date (see above)."""
    text = ix.doc.text
    nouns = load_lexicon().nouns
    out: list[Draft] = []
    for t in ix.timexes:
        if t.type != "DATE" or not is_datable(t):
            continue
        found = None
        after = _NOUN_AFTER.match(text, t.end, min(len(text), t.end + 40))
        group = next((g for g in (1, 2) if after and after.group(g) in nouns), None)
        if group == 2 and after and _NEW_PHRASE.fullmatch(after.group(1)):
            group = None  # "said on Monday that talks would resume", "In 1962 the crisis began"
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
            Draft(
                trigger=Mention.of(text, a, b),
                sentence=sent,
                clause=Span(start=lo, end=hi),
                title=_phrase(text, lo, hi),
                past=True,
                kind="noun",
                time=time_of(t),
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


def _tells(v: Draft) -> bool:
    """Whether the verb ``v`` tells of an event after it ("said", "announced")."""
    return is_reporting(v.trigger.text) or trigger_lemma(v.trigger.text) in _TOLD


# what may stand before the head noun of a subject: a determiner, up to two modifiers
_MODIFIERS = re.compile(
    r"(?:(?i:the|a|an|his|her|its|their|this|that|our)|[A-Z]\w+['’]s)"
    r"(?:\s+(?!(?:of|in|on|at|by|for|from|with|after|before|during|to|the|an?|its|their|his|her|"
    r"this|that|our)\b)[a-z-]+){0,2}"
)


def subject_nouns(ix: DocIndex, verbs: list[Draft]) -> list[Draft]:
    """A draft for each event noun heading the subject of a verb of ``verbs``: "The flood
    followed three days of rain", "Construction finally began in 1966", "Her death was
    announced". It stands in the verb's clause and is dated as the verb is."""
    text = ix.doc.text
    nouns = load_lexicon().nouns
    out: list[Draft] = []
    for v in verbs:
        if v.kind != "verb" or v.trigger.start - v.clause.start > 80:
            continue
        if _tells(v):
            continue  # "Her death was announced on Sunday": the death came before
        if _ENDING.fullmatch(v.trigger.text):
            continue  # "The war ended in 1945": its end is dated, not the war
        head = _SUBJECT_HEAD.search(text, v.clause.start, v.trigger.start)
        if head is None or head.group(1).lower() not in nouns:
            continue
        before = LEADING.sub("", text[v.clause.start : head.start(1)].strip(" ,\"“”'‘’"))
        if before and not _MODIFIERS.fullmatch(before):
            continue  # not the whole subject: "prices after the war rose"
        lo = text.rfind(before, v.clause.start, head.start(1)) if before else head.start(1)
        out.append(
            Draft(
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


def anniversary_nouns(ix: DocIndex) -> list[Draft]:
    """A draft for the event noun an anniversary is of: "the 50th anniversary of the launch
    of the probe" (dated by counting back, see ``story.counted_back``)."""
    text = ix.doc.text
    nouns = load_lexicon().nouns
    out: list[Draft] = []
    for a in _ANNIVERSARY_OF.finditer(text) if "nniversar" in text else ():
        np = _NOUN_PHRASE.match(text, a.end(), a.end() + 60)
        if np is None:
            continue
        head = next((w for w in re.finditer(r"[a-z]+", np.group()) if w.group() in nouns), None)
        if head is None:
            continue
        start = a.end() + head.start()
        out.append(
            Draft(
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


# what stands right before an event noun that is a thing that happened, not a kind of
# thing: a determiner, a possessive or a number, maybe with up to two modifiers ("won the
# election", "forced the resignation of", "attended the award ceremony"); not "after" or
# "before" (that event is on the other side of the clause's time) nor "end of"
_NOUN_DETERMINER = re.compile(
    r"(?:\b(?i:the|a|an|his|her|its|their|this|that|our)|[A-Z]\w+['’]s)"
    r"(?:\s+(?!(?i:of|in|on|at|by|for|to|and|or)\b)[a-z-]+){0,2}\s+$"
)
_NOT_THIS_TIME = re.compile(
    r"(?i)\b(?:after|before|until|since|end\s+of|ended|ending)\s+\S*\s*\S*\s*$"
)


_ENDING = re.compile(r"(?i)end(?:s|ed|ing)?|finish(?:es|ed|ing)?|conclude[sd]?|concluding")
# a phase verb after the noun: its start or end is dated, not the event ("the war between
# A and B began on 3 March 1871", "the strike ended in May")
_PHASE_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:(?:had|has|was)\s+)?(?:end|ends|ended|ending|finished|"
    r"concluded|over|began|begun|begins|started|starts|broke\s+out|came\s+to\s+an\s+end)\b"
)
_NOUN_AFTER_NOUN = re.compile(
    r"\s+(?!(?:of|in|on|at|by|for|to|with|from|into|after|before|during|was|were|is|are|had|"
    r"has|have|will|would|and|or|but|that|which|who|last|next|this|later|earlier|yesterday|today|"
    r"the|a|an|its|his|her|their|as|than|when|while|since|until|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|twenty|thirty|several|some|many|few|within|soon|just)\b)"
    r"[a-z]+\b(?<!ly)"
)
_COMPLEMENT = re.compile(r"(?i)\b(?:on|of|about|over|against|for)\s+\S+\s*$")
_VERB_BETWEEN = re.compile(r"(?i)\b(?:said|says|told|would|will|to|that|[a-z]{3,}ed)\b")


@functools.cache
def _noun_pattern() -> re.Pattern[str]:
    """The lexicon's event nouns as one pattern (searched in C, not word by word)."""
    nouns = sorted(load_lexicon().nouns, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, nouns)) + r")(?![\w-])")


NOUN_REACH = 300  # how far back from an event noun a verb after its date is looked for


def clause_nouns(ix: DocIndex, drafts: list[Draft], limit: int = 10**9) -> list[Draft]:
    """A draft for each event noun with a determiner in a clause that holds a date of its
    own (not one in an apposition): "Ivaskan's party won the election two years later",
    "a scandal forced the resignation of Prime Minister Veld in March 2018". It is dated as
    the clause is (the nearest time in it). At most ``limit`` drafts."""
    text = ix.doc.text
    taken = {d.trigger.start for d in drafts}
    verbs = sorted((d for d in drafts if d.kind == "verb"), key=lambda d: d.trigger.start)
    starts = [d.trigger.start for d in verbs]

    def verbs_in(clause: Span) -> list[Draft]:
        return verbs[
            bisect.bisect_left(starts, clause.start) : bisect.bisect_left(starts, clause.end)
        ]

    out: list[Draft] = []
    noun_re = _noun_pattern()
    sentences = {ix.sentence_of(t.start) for t in ix.timexes}  # (only those with a time)
    for sent in sorted(sentences, key=lambda s: s.start):
        if noun_re.search(text, sent.start, sent.end) is None:
            continue
        for clause in clauses(text, sent):
            dated = [
                t
                for _a, _b, t in ix.timex_spans.starting_in(clause.start, clause.end)
                if is_datable(t) and not in_apposition(text, t)
            ]
            if not dated:
                continue
            # (looked up by bisection: one clause may hold thousands of dates and verbs)
            dated_starts = [t.start for t in dated]
            telling = [v.trigger.start for v in verbs_in(clause) if _tells(v)]
            for w in noun_re.finditer(text, clause.start, clause.end):
                if len(out) >= limit:
                    return out
                if w.start() in taken or ix.inside_entity(w.start()):
                    continue
                lo = max(clause.start, w.start() - 40)
                det = _NOUN_DETERMINER.search(text, lo, w.start())
                if det is None or _NOT_THIS_TIME.search(text, lo, det.start() + 1):
                    continue
                i = bisect.bisect_right(dated_starts, w.start()) - 1
                if (i >= 0 and w.start() < dated[i].end) or _PHASE_AFTER.match(text, w.end()):
                    continue  # "the war ended in 1945": the end, not the war
                if _NOUN_AFTER_NOUN.match(text, w.end()):
                    continue  # "the ruling party", "the election campaign": a modifier
                if _COMPLEMENT.search(text, lo, det.start() + 1):
                    continue  # "a vote on the agreement next month": the vote's month
                near = dated[max(0, i) : i + 2]
                nearest = min(near, key=lambda t: abs(t.start - w.start()))
                if nearest.end <= w.start() and _VERB_BETWEEN.search(
                    text, max(nearest.end, w.start() - NOUN_REACH), w.start()
                ):
                    continue  # "said last night that he would hold a referendum": the saying's
                if bisect.bisect_left(telling, w.end()) < len(telling):
                    continue  # "Her death was announced on Sunday": told then, not then
                out.append(
                    Draft(
                        trigger=Mention.of(text, w.start(), w.end()),
                        sentence=sent,
                        clause=clause,
                        title=_phrase(text, det.start(), _noun_phrase_end(text, w.end())),
                        past=True,
                        kind="noun",
                    )
                )
    return out


_OF_PHRASE = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*)+")


def _noun_phrase_end(text: str, end: int) -> int:
    """The end of a noun phrase with its "of" + name: "the resignation of Prime Minister
    Tomas Veld"."""
    m = _OF_PHRASE.match(text, end)
    return m.end() if m else end
