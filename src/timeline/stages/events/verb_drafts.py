"""Verb events, clause by clause: the verbs of each clause that are events (``verbs``), which
of them stand as main verbs of their own (joined by "and", "that", "when" ..., or after a
participle that modifies the subject), their titles (with the subject a later verb shares,
and the speaker of a quotation) and the part of the clause each one's time is looked for in.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from timeline.model import Mention, Span
from timeline.stages.events.drafts import DocIndex, Draft, title_of
from timeline.stages.events.lexicon import clauses, is_reporting, load_lexicon
from timeline.stages.events.verbs import JOIN, PARTICIPLE_JOINS, Hit, verb_hits

__all__ = ["find_verbs"]


VERB_GAP = 150  # how far back from a verb the words joining it to the one before are read


# verbs that only begin, go on with or end the event of the verb after "to"
_ASPECTUAL = frozenset({"begin", "start", "continue", "cease", "stop", "resume"})


def find_verbs(ix: DocIndex, limit: int = 10**9) -> list[Draft]:
    text, doc, spans = ix.doc.text, ix.doc, ix.timex_spans
    lex = load_lexicon()
    out: list[Draft] = []
    joins: dict[tuple[int, int], tuple[int, int] | None] = {}  # asked up to five times each

    def join_between(a: int, b: int) -> tuple[int, int] | None:
        key = (max(a, b - VERB_GAP), b)
        if key not in joins:
            joins[key] = _last_join(text, *key)
        return joins[key]

    for sent in doc.sentences:
        if len(out) >= limit:
            break
        verbless = False  # the sentence so far is a subject with no verb (and an insertion)
        main: Draft | None = None  # the sentence's last verb so far
        for clause in clauses(text, sent):
            if len(out) >= limit:
                break
            after_subject = verbless
            hits = verb_hits(
                text,
                clause,
                lex,
                ix.inside_entity,
                after_subject,
                main is not None,
                limit - len(out),
            )
            if clause.start == sent.start:
                # a subject, or one ending in a noun-like form: "The final report, ..."
                verbless = all(not past and m.end() == clause.end for m, _, past in hits)
                if verbless:  # (asked only then: the opening time costs a lookup)
                    np_at = _after_opening_time(ix, clause)
                    np = _NOUN_PHRASE if np_at == clause.start else _NOUN_PHRASE_AFTER_TIME
                    verbless = np.match(text, np_at) is not None
            else:  # an insertion keeps the sentence waiting for its verb: "Its report,
                # published that August, blamed", "Reyes, who had worked with punk acts, insisted",
                # "two brothers, Samuel and Edwin Wren, rented"
                verbless = verbless and (
                    _INSERTION.match(text, clause.start) is not None
                    or _NAMES.fullmatch(text, clause.start, clause.end) is not None
                )
            kept: list[Hit] = []
            adjuncts: set[int] = set()  # kept participles that add to the verb before them
            infinitives: set[int] = set()  # kept verbs after "to"
            for h in hits:
                if not kept:
                    kept.append(h)
                    continue
                # (what lies between, read back at most VERB_GAP characters: a clause of
                # verbs none of which is kept stays linear)
                between = text[max(kept[-1][0].end(), h[0].start() - VERB_GAP) : h[0].start()]
                if _reduced_relative(text, clause, kept, h, between):
                    kept.append(h)  # "Opinion polls published in September showed support"
                    continue
                if (
                    between.endswith(" to ")
                    and not h[2]
                    and h[1] == h[0].group().lower()
                    and kept[-1][1] not in _ASPECTUAL  # "began to damage": one event
                ):
                    kept.append(h)  # "agreed to buy", "plans to close": a verb after "to"
                    infinitives.add(h[0].start())
                    continue
                if h[0].group().endswith("ing") and _JOINS_PARTICIPLE.search(between):
                    kept.append(h)  # "responded by seizing the town": a second event
                    adjuncts.add(h[0].start())
                    continue
                join = join_between(kept[-1][0].end(), h[0].start())
                own_subject = join is not None and join[0] == join[1]
                if not own_subject and (
                    not JOIN.search(between) or _ENDS_IN_PREPOSITION.search(between)
                ):
                    continue
                if (
                    join is None
                    or own_subject  # "said on Friday it will close": a clause of its own
                    or text[join[0] : join[1]] in _SUBJECT_JOINS
                    or join[1] < h[0].start()
                ):
                    kept.append(h)  # after "since" or "after" a subject comes first: "after
                    # the party lost", not "after launch" (a noun)
            if not kept:
                continue
            subject_end = kept[0][0].start()
            for idx, (m, _lemma, past) in enumerate(kept):
                if len(out) >= limit:  # (one endless clause of verbs stops here too)
                    break
                shared = None
                adds_to: Draft | None = None
                if idx == 0:
                    first_end = clause.end
                    if len(kept) > 1:
                        cut = join_between(m.end(), kept[1][0].start())
                        # "She noticed that a compound broke down dyes": the whole of what
                        # she noticed is the title of the noticing
                        said = cut is not None and cut[0] == cut[1] and is_reporting(m.group())
                        if (
                            cut is not None
                            and text[cut[0] : cut[1]] not in (" that ", " what ")
                            and not said  # "said she cried": what she said too
                        ):
                            first_end = cut[0]
                    title = title_of(text, clause.start, first_end, spans)
                    quoted = _AFTER_QUOTE.search(
                        text, max(sent.start, clause.start - 4), clause.start
                    )
                    if quoted and is_reporting(m.group()) and m.start() == clause.start:
                        # '"...," said Gwen Rhydderch on Monday': Gwen Rhydderch said
                        who = _SPEAKER.match(text, m.end())
                        if who is not None:
                            quote = title_of(text, sent.start, clause.start, spans, limit=12)
                            title = f"{who[1][:1].upper()}{who[1][1:]} {m.group().lower()}: {quote}"
                    elif quoted and is_reporting(m.group()) and len(title.split()) <= 8:
                        # '"...," she said', '"...," Reddick told reporters': the quote is
                        # what was said
                        quote = title_of(text, sent.start, clause.start, spans, limit=12)
                        title = f"{title}: {quote}"
                    elif after_subject and m.start() == clause.start:
                        # "Its report, published that August, blamed ...": its report blamed
                        subj = title_of(text, sent.start, clauses(text, sent)[0].end, spans)
                        title = f"{subj} {title[:1].lower()}{title[1:]}"
                    elif _RELATIVE.match(text, clause.start) and (
                        head := _antecedent(text, sent, clause)
                    ):
                        # "Ann Lee, 81, who had said ...": Ann Lee had said ...
                        title = f"{head} {title[:1].lower()}{title[1:]}"
                    elif (
                        main is not None
                        and m.group().endswith("ing")
                        and _OPENS_PARTICIPLE.fullmatch(text, clause.start, m.start())
                    ):
                        # "The court ended the case, ruling that ...": the court's ruling, at
                        # the time of the clause it adds to
                        adds_to = main
                else:
                    nxt = kept[idx + 1][0].start() if idx + 1 < len(kept) else clause.end
                    end = nxt
                    if nxt in infinitives:
                        end = clause.end  # "urged them to return": what they were urged to do
                    elif idx + 1 < len(kept):
                        cut = join_between(m.end(), nxt)
                        end = cut[0] if cut is not None else nxt
                    # "... and Putin naturally seeks", "since the bridge collapsed": a new
                    # subject after the joining word
                    join = join_between(kept[idx - 1][0].end(), m.start())
                    own = text[join[1] : m.start()].strip() if join is not None else ""
                    if (
                        join is not None
                        and text[join[0] : join[1]] in _SUBJECT_JOINS[1:]
                        and (not own or _AUXILIARIES.fullmatch(own))
                    ):
                        # "returned pictures that stunned scientists", "dyes that had
                        # resisted": what the pronoun stands for is the subject
                        noun = _PARTICLES.sub("", text[kept[idx - 1][0].end() : join[0]].strip())
                        if text[join[0] : join[1]] == " what ":
                            noun = "what"  # "remembered what happened": what happened
                        own = f"{noun} {own}".strip()
                    subj = own
                    if not subj and text[clause.start : subject_end].strip():
                        subj = title_of(text, clause.start, subject_end, spans)
                        shared = Span(
                            start=max(clause.start, subject_end - VERB_GAP), end=subject_end
                        )
                    title = title_of(text, m.start(), end, spans)
                    if m.start() in infinitives and not subj.endswith("to"):
                        title = f"to {title[:1].lower()}{title[1:]}"  # "The company to buy ..."
                    if subj and not subj.lower().startswith(m.group().lower()):
                        title = f"{subj[:1].upper()}{subj[1:]} {title[:1].lower()}{title[1:]}"
                own_clause = clause
                if idx > 0 and join is not None:
                    # "captured the town in 1861 and burned the bridge in 1862": a time after
                    # the joining word is the second verb's (one before it is shared)
                    own_clause = Span(start=join[0], end=clause.end)
                if idx + 1 < len(kept):
                    cut = join_between(m.end(), kept[idx + 1][0].start())
                    if cut is not None and text[cut[0] : cut[1]] not in _SAME_TIME_JOINS:
                        # "said that prices rose in May": May is the rise's, not the saying's
                        own_clause = Span(start=own_clause.start, end=cut[0])
                if idx > 0 and m.start() in adjuncts:
                    adds_to = out[-1]
                    title = title_of(text, m.start(), end, spans)  # (its subject comes below)
                if adds_to is not None:
                    past = adds_to.past
                    shared = adds_to.subject
                    if shared is None and adds_to.trigger.start > adds_to.clause.start:
                        shared = Span(start=adds_to.clause.start, end=adds_to.trigger.start)
                    if shared is not None:
                        subj = _TRAILING_AUX.sub(
                            "", title_of(text, shared.start, shared.end, spans)
                        )
                        title = f"{subj} {title[:1].lower()}{title[1:]}"
                out.append(
                    Draft(
                        trigger=Mention.of(text, m.start(), m.end()),
                        sentence=sent,
                        clause=own_clause,
                        title=title,
                        past=past,
                        subject=shared,
                        same_time_as=adds_to,
                    )
                )
                main = out[-1]
    return out


# a clause right after the end of a quotation ('"We won," she said')
_AFTER_QUOTE = re.compile(r"[,!?](?:[\"\u201d]|'')\s*$")
# the speaker named after an inverted reporting verb: "said Ann Lee", "said Dr. Ann Lee, 81"
_SPEAKER = re.compile(
    r"\s+((?:[\w'’.-]+\s+){0,5}?[\w'’-]+)(?=\s*(?:[,.;:!?\"”]|$)|\s+(?:on|in|at|during|last|"
    r"yesterday|today|this|after|before|when|as|who|outside|from)\b)"
)


def _after_opening_time(ix: DocIndex, clause: Span) -> int:
    """Where a clause starts after an opening time ("In 1893 two brothers ..."), or its start."""
    text = ix.doc.text
    m = _TIME_OPENER.match(text, clause.start)
    at = m.end() if m else clause.start
    t = next(iter(ix.timex_spans.starting_in(at, at + 1)), None)
    if t is None:
        return clause.start
    return t[1] + len(text[t[1] : clause.end]) - len(text[t[1] : clause.end].lstrip(" ,"))


def _reduced_relative(text: str, clause: Span, kept: list[Hit], h: Hit, between: str) -> bool:
    """Whether the one verb kept so far is a participle after the subject's noun and ``h``
    the clause's main verb: "An ice core drilled nearby matched her record", "polls
    published in September showed support" (not "the door locked by a guard")."""
    if len(kept) != 1 or JOIN.search(between) or not h[2]:
        return False
    first = kept[0][0]
    return (
        first.group().endswith(("ed", "en"))
        and _opens_with_noun_phrase(text, clause.start)
        and _ENDS_IN_NOUN.search(text, clause.start, first.start()) is not None
        and _OBJECT_OR_END.match(text, h[0].end()) is not None
        and "," not in between
    )


# the auxiliaries that end a subject taken from the verb a participle adds to ("the
# Soviet Union wanted to", "the festival was")
_TRAILING_AUX = re.compile(
    r"(?:\s+(?:had|has|have|was|were|is|are|been|be|would|will|could|did|not|also|[a-z]+ to))+"
    r"\s*$"
)
# what may come before a participle that adds an event to a clause: a joining word between
# two verbs ("responded by seizing"), or at a clause's start nothing or one ("..., deepening
# the crisis", "while preparing a schedule")
_JOINS_PARTICIPLE = re.compile(rf"\b(?:{PARTICIPLE_JOINS})\s+$")
_OPENS_PARTICIPLE = re.compile(rf"\s*(?:(?:{PARTICIPLE_JOINS})\s+)?$")
_SUBORDINATOR = re.compile(r"(?:when|after|before|while|as|because|since|until|once|where)\s+")


def _opens_with_noun_phrase(text: str, at: int) -> bool:
    """Whether the clause at ``at`` opens with a noun phrase, perhaps after a subordinating
    word ("Its report ...", "when a team led by Blaskovic detected ...")."""
    sub = _SUBORDINATOR.match(text, at)
    if sub is None:
        return _NOUN_PHRASE.match(text, at) is not None
    return _NOUN_PHRASE_AFTER_TIME.match(text, sub.end()) is not None


_TIME_OPENER = re.compile(r"(?:In|On|By|During|Since|Until)\s+")
# a subject's insertion made of names only: "Samuel Hollis and Edwin Wren"
_NAMES = re.compile(r"\s*[A-Z][\w.'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w.'’-]*)*\s*")
_ENDS_IN_NOUN = re.compile(r"\b(?!(?i:the|a|an|and|or|to|of|in|on|at|by)\b)[A-Za-z][a-z]{2,}\s+$")
_OBJECT_OR_END = re.compile(
    r"\s+(?!(?:by|to|as|with)\b)(?:the|a|an|her|his|its|their|our|this|that|these|those|"
    r"[a-z]+ly|[a-z]+|\d)"
)
# how an insertion between a subject and its verb opens: a relative pronoun, an apposition
# or a participle
_INSERTION = re.compile(r"(?:who|which|whose|an?|the|[a-z]+(?:ed|en)|\d{1,3})\b")  # "86": an age
_RELATIVE = re.compile(r"(?:who|which)\s")
_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*(?=\s*$)")


def _antecedent(text: str, sent: Span, clause: Span) -> str | None:
    """What a relative clause opening with "who"/"which" is about: the name or short noun
    phrase of the clause before it, past an age ("Ann Lee, 81, who ..."), or None."""
    cut = clauses(text, sent)
    i = bisect_right(cut, clause.start, key=lambda c: c.end)  # clauses ending before it
    while i and text[cut[i - 1].start : cut[i - 1].end].strip().isdigit():
        i -= 1
    if not i:
        return None
    last = text[cut[i - 1].start : cut[i - 1].end].strip(" ,")
    name = _NAME_RUN.search(last)
    if name is not None and name.start() > 0:
        return name.group()  # '"We lost," said Ann Lee': Ann Lee
    words = last.split()
    if len(words) > 5 or not words:
        return None
    return last[:1].upper() + last[1:]


# a sentence that opens with a noun phrase, not with a preposition, adverb or time:
# "Its report, ...", not "Within weeks, ..." or "In 2019, ..."
_NOUN_PHRASE = re.compile(
    r"(?![Tt]here\b|[Tt]hen\b|[A-Za-z]+ly\b|(?i:in|on|at|by|of|for|from|with|within|after|"
    r"before|during|since|among|as|when|while|if|but|and|so|yet)\b)[A-Z][\w'’-]*(?:\s+(?!\d)|$)"
)
# ("In 1893 two brothers ...": after an opening time the subject may start in lower case)
_NOUN_PHRASE_AFTER_TIME = re.compile(_NOUN_PHRASE.pattern.replace("[A-Z][\\w", "[A-Za-z][\\w", 1))
_JOIN_SPACED = re.compile(r" (?:and|since|after|before|once|when|while|that|which|who|what) ")
# joining words after which a time is the first verb's too: "burst its banks and flooded
# the town in 1997", "retired when the pit closed in 1986"
_SAME_TIME_JOINS = (" and ", " when ", " while ")
# joining words that are the second verb's subject themselves: "pictures that stunned"
_SUBJECT_JOINS = (" and ", " that ", " which ", " who ", " what ")
_PARTICLES = re.compile(r"(?i)^(?:(?:down|up|off|out|in|on|over|back|away|to|at|by)\s+)+")
_AUXILIARIES = re.compile(
    r"(?i)(?:(?:had|has|have|was|were|is|are|be|been|would|will|did|could|should|not|never|"
    r"also|then|later)\s*)+"
)
_ENDS_IN_PREPOSITION = re.compile(r"\b(?:to|of|for|the)\s*$")


def _last_join(text: str, a: int, b: int) -> tuple[int, int] | None:
    """(start, end) of the last joining word, with its spaces, in ``text[a:b]``, or None.
    A pronoun subject right before the verb at ``b`` after it opens a clause of its own with
    no joining word ("said on Friday it will close"): its start, as an empty join."""
    last = None
    for last in _JOIN_SPACED.finditer(text, a, b):  # noqa: B007 (the last one is wanted)
        pass
    joined = last.end() if last is not None else a
    word = text[max(joined, b - 12) : b].rsplit(None, 1)[-1:]  # the word before the verb
    if word and (word[0] in _BEFORE_OWN_VERB or word[0].endswith("ly")):
        pron = _PRONOUN_SUBJECT.search(text, max(joined, b - 60), b)
        if pron is not None and pron.start() > joined:
            return pron.start(), pron.start()
    return last.span() if last is not None else None


# a subject with its auxiliaries right before a verb: a pronoun ("it will", "she had never",
# "she"), or a noun phrase or name before a modal ("the bridge would", "Ostrow will")
_AUX = r"will|would|shall|had|has|have|was|were|is|are|could|can|should|might|may|must|did|does"
# (the last word of any match: a cheap test before the pattern)
_BEFORE_OWN_VERB = frozenset(
    f"{_AUX}|he|she|it|they|we|I|you|do|also|then|never|not|still|soon".split("|")
)
_PRONOUN_SUBJECT = re.compile(
    r"(?<![\w'’-])(?:(?:he|she|it|they|we|I|you)\s+(?:(?:" + _AUX + r"|do|also|then|never|not|"
    r"still|\w+ly)\s+)*|(?:(?:the|a|an|its|their|his|her|this|these|those)\s+(?:[\w'’-]+\s+){0,3}"
    r"|(?:[A-Z][\w'’-]*\s+){1,3})(?:will|would|could|should|might|may|must|can)\s+"
    r"(?:(?:also|then|never|not|still|soon|\w+ly)\s+)*)$"
)
