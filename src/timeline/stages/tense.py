"""Tense around a time expression: does "Tuesday" or "June" point back or ahead?

Only the relative expressions whose direction is open ask ("Tuesday", "in June", "the
summer"); the answer comes from the verb nearest to the expression, failing that from the
clause, failing that from future cues anywhere in the sentence (``narrative.resolve_times``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from timeline.model import Span

__all__ = ["Tense", "local_tense", "is_past_form"]

_FUTURE_WORD = re.compile(
    r"(?i)^(?:will|won't|shall|'ll|would|going|plans?|planning|expected|scheduled|due|"
    r"until|soon|upcoming|next|expects?|intends?|aims?|hopes?|seeks?|vows?"
    # a scheduled event told in the present: "the summit takes place in November"
    r"|takes|begins|starts|opens|expires|resumes|kicks|launches|arrives|premieres|debuts"
    r"|closes|ends|reopens|returns|travels|visits|heads|meets|hosts|faces|plays)$"
)
_PAST_WORD = re.compile(
    r"(?i)^(?:\w{3,}ed|said|was|were|had|did|met|came|went|told|began|took|made|held|left|won|"
    r"lost|rose|fell|saw|gave|got|found|sent|spent|paid|brought|bought|sold|led|ran|shot|"
    r"set|struck|hit|spoke|wrote|drove|flew|knew|thought|became|sought|fought|stood|kept|felt|"
    r"heard|broke|chose|ago|earlier|since|last)$"
)
_INTENT = {
    "planned",
    "scheduled",
    "expected",
    "set",
    "slated",
    "intended",
    "agreed",
    "promised",
    "vowed",
    "decided",
    "threatened",
    "pledged",
    "prepared",
}
_WORDS = re.compile(r"[\w']+")
_NON_PAST_AUX = {
    "be",
    "been",
    "being",
    "to",
    "will",
    "would",
    "shall",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "is",
    "are",
    "am",
}


def local_tense(text: str, start: int, end: int, sentence: Span | None) -> tuple[bool | None, bool]:
    """True (future), False (past) or None, from the verb nearest to a time expression, and
    whether a verb within a few words decided it (rather than a preposition or the clause).

    Sentence-wide cues mislead: in "Cuba predicted Wednesday that exiles will appeal",
    "Wednesday" goes with "predicted", not with "will". The nearest few words decide first;
    failing them, the words back to the start of the clause.
    """
    lo = sentence.start if sentence else max(0, start - 120)
    hi = sentence.end if sentence else min(len(text), end + 60)
    before = _WORDS.findall(text[max(lo, start - 80) : start])
    tail = text[end : min(hi, end + 80)]
    reach = 4
    if tail.startswith(","):
        if start - lo > 200 or not _opening(text[lo:start]):
            # "took effect in January, will be reviewed": past the comma is another clause
            tail = ""
        else:
            # "On Friday, the company announced ...", "Meanwhile, on 10 October 1950, the
            # 89th Tank Battalion was attached ...": the sentence opens with no verb yet, and
            # the main clause follows, its verb after the subject
            reach = 8
    after = _WORDS.findall(tail)[:reach]
    for i, w in enumerate(after):
        if w.lower() in _NEXT_CLAUSE:
            after = after[:i]  # "passed late Tuesday and will take effect": another clause
            break
    if before and before[-1].lower() in _DEADLINE:
        # "by February", "until Tuesday": a deadline ahead, unless it is told in the past perfect
        # ... or told in the past: "by November the missiles were gone"
        past = any(w.lower() == "had" for w in before[-7:] + after) or any(
            w.lower() in ("was", "were") or _word_class(w) == 2 for w in after
        )  # "by 1985 only three plants remained"
        return not past, False
    if text.startswith("'s", end) and _WEEKDAY_NAME.match(text, start):
        return False, False  # "Wednesday's ruling" has happened
    near = _tense_of(before[-6:], after)
    if near is not None:
        return near, True
    clause = _CLAUSE_END.split(text[max(lo, start - 160) : start])[-1]
    return _tense_of(_WORDS.findall(clause)[-14:], []), False


def _opening(head: str) -> bool:
    """Whether ``head``, the start of a sentence up to a time expression, is a short opening
    phrase with no verb in it yet ("On", "The following spring, in")."""
    words = _WORDS.findall(head)
    if len(words) < 3:
        return True
    # an adverbial opens with a preposition or a determiner ("The following spring, in"),
    # not with a name and its apposition ("Saaret, a teacher born in 1974, won")
    return (
        len(words) <= 8 and words[0].lower() in _OPENERS and not any(_word_class(w) for w in words)
    )


_OPENERS = frozenset(
    [
        "on",
        "in",
        "at",
        "by",
        "during",
        "after",
        "before",
        "since",
        "from",
        "within",
        "early",
        "late",
        "later",
        "earlier",
        "the",
        "that",
        "this",
        "these",
        "those",
        "a",
        "an",
        "one",
        "some",
        "each",
        "every",
    ]
)


def is_past_form(word: str) -> bool:
    """Whether ``word`` is a past-tense verb form ("won", "declared"; not a name)."""
    return _word_class(word) == 2


@lru_cache(maxsize=8192)
def _word_class(word: str) -> int:
    """1 for a future cue, 2 for a past form, 0 otherwise (cached: the same words recur).
    A capitalised word is a name, not a verb: "United", "Ted"."""
    if _FUTURE_WORD.match(word):
        return 1
    return 2 if _PAST_WORD.match(word) and not word[:1].isupper() else 0


def _tense_of(before: list[str], after: list[str]) -> bool | None:
    words = before + after
    nb = len(before)
    # nearest first: the words before at distance 1, 2, ..., the words after at 1.5, 2.5, ...
    order = [nb - 1 - k for k in range(nb)]
    for k in range(len(after)):
        order.insert(min(2 * k + 1, len(order)), nb + k)
    for i in order:
        w = words[i]
        kind = _word_class(w)
        if not kind:
            continue
        lw = w.lower()
        prev = [x.lower() for x in words[max(0, i - 2) : i]]
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if kind == 1:
            if nxt == "to" and lw == "next":
                continue  # "next to the embassy"
            if lw == "until" and nxt in ("in", "on", "at"):
                continue  # "deteriorated until in March 1980, Iran ...": a clause follows
            # "had been due to expire Friday": a plan in the past
            return "had" not in prev
        # "planned to leave on Thursday", "is set to begin on Wednesday": the plan points forward
        if nxt in ("to", "for") and lw in _INTENT:
            return "had" not in prev
        if prev and prev[-1] in _DETERMINERS:
            # "a planned campaign in 1976" is a plan; "the damaged bridge" an adjective
            if lw in _INTENT:
                return True
            continue
        if prev and prev[-1] in _NON_PAST_AUX:
            continue  # "will be held": a participle after an auxiliary, not the past
        return False
    return None


_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"}
_NEXT_CLAUSE = {"and", "but", "while", "whereas", "although", "though", "because", "which", "who"}
_WEEKDAY_NAME = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_DEADLINE = {"by", "until", "till", "through"}
_CLAUSE_END = re.compile(r"[;:()\"]|,\s|``|''")


class Tense:
    """The tense of a time expression, computed on first use (it costs a scan of the
    context; most expressions never ask). True means future. ``local`` says whether a verb
    within a few words decided it, rather than a cue further off."""

    __slots__ = ("_compute", "_value", "_local")

    def __init__(self, compute: Callable[[], tuple[bool, bool]]) -> None:
        self._compute = compute
        self._value: bool | None = None
        self._local = False

    def __bool__(self) -> bool:
        if self._value is None:
            self._value, self._local = self._compute()
        return self._value

    @property
    def local(self) -> bool:
        bool(self)
        return self._local
