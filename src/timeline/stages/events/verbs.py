"""The verbs of one clause that are events: forms of the lexicon and regular past forms
where a verb stands, without the forms used as nouns or adjectives."""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.model import Span
from timeline.stages.events.lexicon import (
    DETERMINER_BEFORE,
    SUBJECT_BEFORE,
    WORD,
    Lexicon,
    after_predicate,
    joins_verb,
    regular_past,
    words_back,
)

__all__ = ["Hit", "JOIN", "PARTICIPLE_JOINS", "verb_hits"]

# words that join a second verb of a clause to the first: "cut ties and closed", "resigned
# after the party lost", "thirty years since the bridge collapsed"
JOIN = re.compile(r"\b(?:and|since|after|before|once|when|while|that|which|who|what)\b")

# a verb found in a clause: its match, its lemma, and whether it is a past form
Hit = tuple[re.Match[str], str, bool]


def verb_hits(
    text: str,
    clause: Span,
    lex: Lexicon,
    inside_entity: Callable[[int], bool],
    after_subject: bool = False,
    adjunct: bool = False,
    most: int = 10**9,
) -> list[Hit]:
    """The verbs of ``clause`` in text order; ``inside_entity`` says whether an offset lies
    in a name ("Closed" in "Closed Circuit Inc." is no verb). ``after_subject``: the clause
    follows a subject and an insertion with no verb of the sentence yet ("Its report,
    published that August, blamed the board"), so a past form opening it is the verb.
    ``adjunct``: the sentence has had its verb, so an "-ing" form opening the clause is a
    participle adding an event to it ("suspended parliament, deepening the crisis")."""
    verbs = lex.verbs
    hits: list[Hit] = []
    backs: list[int] = []  # the window back from each hit (see words_back), worked out once
    # where a word follows a modal (one pass over the clause, not a look back from each word)
    after_modal = {a.start(1) for a in _AFTER_MODAL.finditer(text, clause.start, clause.end)}
    for m in WORD.finditer(text, clause.start, clause.end):
        word = m.group()
        entry = verbs.get(word.lower())
        lo = -1
        if entry is None and word.endswith("ed"):
            lo = words_back(text, max(0, m.start() - 40), m.start())
            if regular_past(text, m.start(), m.end(), clause.start, after_subject, lo):
                entry = (word, True)  # a past verb the lexicon does not list
        if (
            entry is None
            and m.start() in after_modal
            and not _NOT_A_VERB_AFTER_MODAL.fullmatch(word)
        ):
            entry = (word, False)  # "will play", "would never return": a verb after a modal
        participle = None
        if word.endswith("ing") and word.islower():
            lo = words_back(text, max(0, m.start() - 40), m.start())
            participle = _participle(text, m, clause, adjunct, lo)
            if entry is None and participle is not None:
                entry = (word, participle)
        # a capitalised verb only where the clause starts, and past ("Closed in 1990, ...";
        # "Rescue teams reached" is a noun)
        if entry is None or (word[:1].isupper() and (m.start() != clause.start or not entry[1])):
            continue
        if lo < 0:
            lo = words_back(text, max(0, m.start() - 40), m.start())
        if not inside_entity(m.start()) and (participle is not None or _verb_use(text, m, lex, lo)):
            hits.append((m, *entry))
            backs.append(lo)
            if len(hits) > most:  # (the caller keeps at most ``most``: one more to compare)
                break
    keep = [i + 1 == len(hits) or not _in_subject(text, h, hits[i + 1]) for i, h in enumerate(hits)]
    return [
        (m, lemma, past and not after_predicate(text, m.start(), lo))
        for (m, lemma, past), lo, k in zip(hits, backs, keep, strict=True)
        if k
    ]


# "-ing" words that are never a participle's event: prepositions, nouns, "being"/"having"
_NOT_PARTICIPLE = frozenset(
    [
        "during",
        "morning",
        "evening",
        "including",
        "following",
        "according",
        "concerning",
        "regarding",
        "excluding",
        "notwithstanding",
        "pending",
        "nothing",
        "something",
        "anything",
        "everything",
        "thing",
        "being",
        "having",
        "building",
        "meeting",
        "ceiling",
        "spring",
        "string",
        "bring",
        "king",
        "ring",
        "wing",
        "sing",
    ]
)
# what a participle's event takes next: an object, a preposition, "that", an adverb
_AFTER_PARTICIPLE = re.compile(
    r"\s+(?:the|a|an|its|his|her|their|our|this|these|those|that|him|them|it|us|to|in|on|at|"
    r"by|from|with|into|over|for|against|out|up|down|off|away|back|more|less|some|all|[a-z]+ly|"
    r"\d|[A-Z])|\s+[a-z]+\s+(?:the|a|an|its|his|her|their|of|to|in|that)\b|[,.;:]"
)
# the joining words after which an "-ing" form is a participle's event ("while checking",
# "by seizing"): one list, read here and by verb_drafts
PARTICIPLE_JOINS = "while|when|after|before|since|by|without|upon"
# before a participle: a past or present "be" (progressive), or a joining word
_BEFORE_PARTICIPLE = re.compile(
    rf"\b(?:(?P<be>(?P<past>was|were)|is|are|been)|{PARTICIPLE_JOINS})\s+(?:\w+ly\s+)?$"
)


_AFTER_BE_ING = re.compile(r"\s+[a-zA-Z\d]|\s*[,.;:]")


def _participle(text: str, m: re.Match[str], clause: Span, adjunct: bool, lo: int) -> bool | None:
    """Whether the "-ing" word ``m`` is a verb's event: a participle opening a clause after the
    sentence's verb ("..., deepening a standoff"), after "while"/"after"/"by" ("while checking
    the plates") or after "was" ("was checking"); its past flag (True after "was"/"were"),
    or None when it is not one ("the morning", "a ruling party", "including the ...")."""
    word = m.group()
    if len(word) < 6 or word in _NOT_PARTICIPLE:
        return None
    if adjunct and m.start() == clause.start:
        return False if _AFTER_PARTICIPLE.match(text, m.end()) else None
    before = _BEFORE_PARTICIPLE.search(text, lo, m.start())
    if before is None:
        return None
    # after "was" ("was checking plates") or a joining word ("while sorting old files"): any
    # object
    if not _AFTER_BE_ING.match(text, m.end()):
        return None
    return before.group("past") is not None


def _in_subject(text: str, h: Hit, nxt: Hit) -> bool:
    """Whether ``h``, a present form or "-ing" before the past verb ``nxt``, is part of the
    subject: "German bombs destroyed the floors" (a noun right before the verb), "The turning
    point came", "two starting pitchers walked out" (no joining word between, no subject
    before it)."""
    m, past = h[0], h[2]
    if past or not nxt[2]:
        return False
    between = text[m.end() : nxt[0].start()]
    if m.group().endswith("s") and between.isspace():
        return True
    lo = words_back(text, max(0, m.start() - 40), m.start())
    if _DETERMINER_JUST_BEFORE.search(text, lo, m.start()):
        return True  # "The funding gap emerged": a noun's modifier
    return not (
        JOIN.search(between)
        or _NEW_CLAUSE.search(between)  # "Most now say it had been lost"
        or SUBJECT_BEFORE.search(text, lo, m.start())
    )


_DETERMINER_JUST_BEFORE = re.compile(
    r"(?i)\b(?:the|a|an|its|his|her|their|our|this|these|those)\s+$"
)
# a pronoun or an auxiliary between two verbs: the second has its own subject
_NEW_CLAUSE = re.compile(
    r"(?i)\b(?:it|he|she|they|we|i|you|there|had|has|have|was|were|is|are|would|will|could)\b"
)


# a modal, then perhaps an adverb or "not": the bare word after it is a verb
_AFTER_MODAL = re.compile(
    r"\b(?:will|would|shall|could|can|may|might|must|should|cannot)\s+"  # ("14 May its")
    r"(?:(?:not|never|also|still|soon|then|now|only|again|\w+ly)\s+)?([a-z]+)\b"
)
# words after a modal that are not the event: auxiliaries, adverbs, quantifiers
_NOT_A_VERB_AFTER_MODAL = re.compile(
    r"be|have|not|never|also|still|soon|then|now|only|again|even|just|always|both|all|each|"
    r"either|rather|probably|certainly|likely|almost|already|perhaps|no|the|a|an|[a-z]+ly|"
    # wanting and trying: the verb after "to" is the event ("would like to expand")
    r"like|want|need|wish|hope|try|seek|plan|intend|prefer|love|dare"
)


_ATTR_ADVERB_BEFORE = re.compile(
    r"(?i)\b(?:the|a|an|these|those|this|its|his|her|their|our)\s+[a-z]{3,}ly\s+$"
)
_ADVERB_AFTER = re.compile(r"\s+[a-z]+ly\b")
_ATTR_BEFORE = re.compile(
    r"(?i)\b(?:the|a|an|these|those|this|its|his|her|their|our|of|by|for|with|from|in|into)\s+$"
)
# a noun right after a past participle (lower case, not a preposition, particle or article)
_ATTRIBUTIVE = re.compile(
    r"\s+(?!(?:by|in|on|at|to|from|with|for|of|off|out|up|down|over|into|as|and|or|but|that|"
    r"which|who|the|a|an|its|their|his|her|this|these|those|back|away|around|through)\b)"
    r"[a-z]+\b(?!\s+(?:by|in|on|at|to)\b)"
)


def _verb_use(text: str, m: re.Match[str], lex: Lexicon, lo: int) -> bool:
    """False when a verb form is used as a noun: "the sanctions", "in the end", "even signs"
    (``lo``: where the window of the words before it starts, see ``words_back``)."""
    before = text[lo : m.start()]
    word = m.group().lower()
    det = DETERMINER_BEFORE.search(before)
    if det:
        if lex.verbs.get(word, (word, True))[1] and joins_verb(text, lo + det.start(), m.end()):
            return True  # "bought it in 2004 and sold off its shops", "an event that drew crowds"
        if not word.endswith(("ed", "ing")):
            return False
        if (
            word.endswith("ed")
            and _ATTR_BEFORE.search(before)
            and _ATTRIBUTIVE.match(text, m.end())
        ):
            return False  # "a crowd of retired engineers", "the damaged bridge": an adjective
    elif (
        word.endswith("ed")
        and _ATTR_ADVERB_BEFORE.search(before)
        and _ATTRIBUTIVE.match(text, m.end())
        and not _ADVERB_AFTER.match(text, m.end())  # ("the rally ended peacefully")
    ):
        return False  # "the newly elected mayor": an adjective after its adverb
    plural_like = word.endswith("s") and not word.endswith("ss")
    return not (plural_like and not SUBJECT_BEFORE.search(before))
