"""The event vocabulary: verbs and nouns of the lexicon with their forms, trigger lemmas,
clauses, and the patterns the event rules read."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources

from timeline.model import Span

# white space is tried from the start of its run only, and taken whole: a sentence of
# 20,000 spaces is one pass, not one pass per space
# a comma, semicolon or colon; a bracket; a dash or a conjunction after a word. The
# lookahead up front lets the engine skip to the few characters a break can start with.
CLAUSE_BREAK = re.compile(
    r"(?=[,;:()\s])(?:[,;:]\s+|\)\s*|\(|(?<!\s)\s++(?:[–—-]\s+|\(|"
    r"(?=(?:when|while|because|although|whereas|which|who|until)\s)))"
    # the end of a quotation before its attribution: '"... came up," said Gwen', '"...,"
    # she said'
    r"|(?:(?<=[,!?][\"\u201d])|(?<=[,!?]''))\s+"
)


# verbs that report speech (lemmas): told from the day they were said; an inverted one after
# a quote ('"...," said Gwen') is titled with its speaker
REPORTING = frozenset({"say", "tell", "add", "note", "write", "ask", "explain", "report", "recall"})

DETERMINER_BEFORE = re.compile(
    r"(?i)\b(?:the|a|an|these|those|this|that|its|his|her|their|our|my|your|such|of|on|by|for|"
    r"with|from|in|into|about|new|further|more|even|any|no|some|many|few|several|and|or|"
    r"[a-z]+(?:'s|’s))\s+$"
)


_PREDICATE_BEFORE = re.compile(
    r"(?i)\b(?:is|are|am|be|been|being|himself|herself|itself|themselves|get|gets|seems|seem|"
    r"remain|remains|become|becomes)\s+(?:\w+ly\s+)?$"
)


# a regular past form in verb position, for verbs the lexicon does not list: after an
# auxiliary ("was completed", "had warned"), after a subject pronoun ("they filled"), or after
# a noun or name and before what a verb takes next ("heavy rain filled the reservoir",
# "people injured in the blast"); never after a determiner or a preposition ("the armed
# forces", "of limited use")
_REGULAR_PAST = re.compile(r"[a-z]{2,}(?:[^e\W]ed|ied)")
_NOT_PAST = frozenset(
    {"hundred", "naked", "sacred", "wicked", "rugged", "beloved", "kindred", "crooked",
     "ragged", "wretched", "jagged", "learned", "aged", "based", "related",
     "supposed", "used", "concerned", "involved", "interested", "limited", "united",
     "detailed", "advanced", "experienced", "armed", "skilled", "talented", "renewed",
     # stative verbs: a state, not something that happened on a day
     "wanted", "needed", "liked", "loved", "hated", "seemed", "appeared", "remained",
     "belonged", "contained", "owned", "preferred", "wished", "hoped", "intended", "tended",
     "lacked", "deserved", "included", "consisted", "depended", "existed", "mattered",
     "resembled", "believed", "assumed", "expected", "feared", "possessed"}
)  # fmt: skip
# a participle after a linking verb is an adjective: "remain linked", "seemed surprised"
_LINKING_BEFORE = re.compile(
    r"(?i)\b(?:remain|remains|remained|seem|seems|seemed|become|becomes|became|appear|appears"
    r"|appeared|feel|feels|felt|look|looks|looked|stay|stays|stayed|get|gets|got)\s+(?:\w+ly\s+)?$"
)
_AUX_BEFORE = re.compile(
    r"(?i)\b(?:was|were|had|has|have|been|being|be|is|are)\s+"
    r"(?:(?:not|never|also|just|already|then|later|\w+ly)\s+)?$"
)
_PRONOUN_BEFORE = re.compile(
    r"(?i)\b(?:he|she|it|they|we|i|you|who|which)\s+(?:(?:also|then|later|never|\w+ly)\s+)?$"
)
_NOUN_BEFORE = re.compile(
    r"(?<![\w-])(?!(?i:very|too|so|more|most|less|least|well|much)\s)[A-Za-z]+(?<!ly)\s+$"
)


_ADVERB_BEFORE = re.compile(r"(?<![\w-])[a-z]{3,}ly\s+$")


def words_back(text: str, lo: int, start: int, n: int = 4) -> int:
    """Where a window ending at ``start`` that holds the last ``n - 1`` words before it (or
    all of ``text[lo:start]``) begins. The look-behind patterns here end in ``$`` and need
    at most two words; a regex tries every position of its window, so a short one is cheap.
    (Words joined by something other than spaces only make the window longer.)"""
    i = start
    for _ in range(n):
        j = text.rfind(" ", lo, i)
        if j < 0:
            return lo
        while j > lo and text[j - 1] == " ":
            j -= 1
        i = j
    return i


def after_predicate(text: str, start: int, lo: int | None = None) -> bool:
    """Whether the word at ``start`` follows "is", "seems", "themselves" ...: a participle
    there is an adjective ("is expected", "seemed surprised"), not a past event. (``lo``:
    ``words_back(text, max(0, start - 40), start)`` if the caller has it.)"""
    if lo is None:
        lo = words_back(text, max(0, start - 40), start)
    return bool(_PREDICATE_BEFORE.search(text, lo, start))


def regular_past(
    text: str,
    start: int,
    end: int,
    clause_start: int,
    after_subject: bool = False,
    lo: int | None = None,
) -> bool:
    """Whether the word ``text[start:end]``, a regular past form the lexicon does not list,
    stands where a verb does (see ``_REGULAR_PAST``); ``after_subject``: its clause follows
    the subject of a sentence with no verb yet, so opening the clause is a verb's place."""
    word = text[start:end]
    if word in _NOT_PAST or not _REGULAR_PAST.fullmatch(word):
        return False
    if after_subject and start == clause_start:
        return bool(_OBJECT_AFTER.match(text, end))
    # (the window back from the word, within the clause: the same as from the text's start,
    # cut at the clause's)
    lo = (
        max(lo, clause_start)
        if lo is not None
        else words_back(text, max(clause_start, start - 40), start)
    )
    rel = _RELATIVE_THAT.search(text, lo, start)
    if rel and rel["noun"] not in load_lexicon().verbs:  # "pictures that stunned scientists"
        return bool(_TAKES_AFTER.match(text, end) or _WORD_AFTER.match(text, end))
    det = DETERMINER_BEFORE.search(text, lo, start)
    if det and joins_verb(text, det.start(), end):
        return True
    if det or _LINKING_BEFORE.search(text, lo, start):
        return False
    if _AUX_BEFORE.search(text, lo, start) or _PRONOUN_BEFORE.search(text, lo, start):
        return True
    adverb = _ADVERB_BEFORE.search(text, lo, start)
    # after a determiner an "-ly" word is a noun: "the family floated the firm", "an ally"
    ly_noun = adverb is not None and bool(
        DETERMINER_BEFORE.search(text, max(0, adverb.start() - 20), adverb.start())
    )
    if adverb is not None and not ly_noun and _OBJECT_AFTER.match(text, end):
        return True  # "the army eventually captured the town", not "the newly elected mayor"
    if not ly_noun and not _NOUN_BEFORE.search(text, lo, start):
        return False
    # a bare noun as its object after a plural noun or a name ("polls showed support",
    # "the paper attracted little attention"), not after an adjective ("imported cars")
    return bool(
        _TAKES_AFTER.match(text, end)
        or (_PLURAL_OR_NAME_BEFORE.search(text, lo, start) and _WORD_AFTER.match(text, end))
    )


# what a verb takes next: an object, a preposition or particle, an adverb, a name or number
# (_OBJECT_AFTER), or the end of its clause (_TAKES_AFTER)
_OBJECT_AFTER = re.compile(
    r"\s+(?:(?:the|a|an|its|his|her|their|our|this|that|these|those|him|them|it|us|me|to|in|on"
    r"|at|by|from|with|into|over|after|for|against|through|across|out|up|down|off|away|back"
    r"|today|yesterday|tonight|again|together|here|there|last|early|late|twice|once"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions"
    r"|several|many|most|some|all|both|each|every|no|more|half|little|much|another|such|enough"
    r"|[a-z]+ly|[a-z]+ing)\b|[A-Z\d])"
)
_TAKES_AFTER = re.compile(_OBJECT_AFTER.pattern + r"|\s*[,.;:]")
_JOINING_WORD = re.compile(r"(?i)(?:and|or|that)\s+")
_WORD_AFTER = re.compile(r"\s+[a-z]")  # a verb's object or complement with no determiner
_PLURAL_OR_NAME_BEFORE = re.compile(r"(?:\b[a-z]{3,}[^s\W]s|\b[A-Z][a-z]+)\s+$")


def joins_verb(text: str, at: int, end: int) -> bool:
    """Whether the word at ``at``, which looks like a determiner, is a conjunction or a
    pronoun before the verb that ends at ``end`` ("burst its banks and carried away the
    bridge", "an event that drew crowds", "That changed in March"): so when an object or an
    adverbial follows the verb."""
    joint = _JOINING_WORD.match(text, at)
    if joint is None:
        return False
    if text[at] in "aAoO":
        return bool(_OBJECT_AFTER.match(text, end))
    if _RELATIVE_THAT.search(text, max(0, at - 30), joint.end()):  # "crowds that drew"
        return bool(_OBJECT_AFTER.match(text, end) or _WORD_AFTER.match(text, end))
    # "That" opening a sentence or clause
    before = text[max(0, at - 30) : at].rstrip()
    opens = not before or before[-1] in '.,;:!?"”'
    return opens and bool(_OBJECT_AFTER.match(text, end))


# a relative "that" after a noun (not the determiner of "that troubled year": the noun is
# before it, and a verb or an object follows)
_RELATIVE_THAT = re.compile(r"\b(?P<noun>[a-z]{3,})\s+that\s+$")
SUBJECT_BEFORE = re.compile(r"(?:\b(?i:he|she|it|they|we|i|who|which|that)|\w+ly|[A-Z]\w*)\s+$")


LEADING = re.compile(
    r"^(?:(?:and|but|or|so|which|who|that|when|while|as|after|before|because|although|"
    r"furthermore|however|moreover|meanwhile|then|in the end|according to)\b[\s,]*)+",
    re.I,
)


APPOSITION_GAP = re.compile(
    r"(?i),\s*(?:(?:roughly|about|around|approximately|almost|nearly|some|just|only)\s+)?"
)


FUTURE = re.compile(r"(?i)\b(?:will|won't|shall|'ll|going to|plans? to|expected to|would)\b")


CAUSAL = re.compile(
    r"(?i)\b(?:led to|leads to|lead to|contributed to|contributes to|resulted in|results in|"
    r"caused|causes|triggered|triggers|prompted|prompts|sparked|sparks|brought about)\b"
)


RESPONSE = re.compile(r"(?i)\b(?:in response to|as a result of|because of|due to|following)\b")


WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[str, bool]]  # form -> (lemma, is_past)
    nouns: frozenset[str]


def verb_forms(lemma: str, irregular: list[str] | None = None) -> dict[str, bool]:
    """Inflected forms of a regular verb, each flagged as past tense or not.

    >>> sorted(verb_forms("place").items())
    [('place', False), ('placed', True), ('places', False), ('placing', False)]
    >>> verb_forms("stop")["stopped"], verb_forms("apply")["applied"]
    (True, True)
    """
    forms: dict[str, bool] = {lemma: False}
    if lemma.endswith("e"):
        forms[lemma + "d"] = True
        forms[lemma[:-1] + "ing"] = False
        forms[lemma + "s"] = False
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms[lemma[:-1] + "ied"] = True
        forms[lemma[:-1] + "ies"] = False
        forms[lemma + "ing"] = False
    else:
        stem = lemma
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", lemma):
            stem = lemma + lemma[-1]
        forms[stem + "ed"] = True
        forms[stem + "ing"] = False
        forms[lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")] = False
    for f in irregular or []:
        forms[f] = True
    return forms


@cache
def load_lexicon() -> Lexicon:
    data = json.loads((resources.files("timeline") / "data" / "lexicon.json").read_text("utf-8"))
    verbs: dict[str, tuple[str, bool]] = {}
    for lemma in data["event_verbs"]:
        for form, past in verb_forms(lemma, data["irregular"].get(lemma)).items():
            verbs.setdefault(form, (lemma, past))
    for lemma, forms in data["irregular"].items():  # irregular pasts override regular guesses
        for f in forms:
            verbs[f] = (lemma, True)
        verbs.pop(lemma + "ed", None) if lemma in ("cut", "put") else None
    for form, lemma in data.get("past_forms", {}).items():
        if not verbs.get(form, ("", True))[1]:  # "found": the past of "find" far more often
            verbs[form] = (lemma, True)  # than the present of "found" ("founded" stays)
        verbs.setdefault(form, (lemma, True))
    return Lexicon(verbs=verbs, nouns=frozenset(data["event_nouns"]))


def is_reporting(trigger: str) -> bool:
    """Whether ``trigger`` is a form of a verb of ``REPORTING`` ("said", "recalled",
    "added"), whether the lexicon lists the verb or not.

    >>> is_reporting("recalled"), is_reporting("Told"), is_reporting("sailed")
    (True, True, False)
    """
    return reporting_lemma(trigger) is not None


def reporting_lemma(trigger: str) -> str | None:
    """The ``REPORTING`` lemma ``trigger`` is a form of, or None.

    >>> reporting_lemma("Told"), reporting_lemma("added"), reporting_lemma("sailed")
    ('tell', 'add', None)
    """
    return _reporting_forms().get(trigger.lower())


@cache
def _reporting_forms() -> dict[str, str]:
    """Form -> lemma for every verb of ``REPORTING``: the lexicon's forms (irregular ones
    included) and the regular forms of those it does not list."""
    forms = {f: lemma for lemma in REPORTING for f in verb_forms(lemma)}
    forms.update((f, lemma) for f, (lemma, _) in load_lexicon().verbs.items() if lemma in REPORTING)
    return forms


def trigger_lemma(trigger: str) -> str:
    """The lemma of an event trigger: verbs from the lexicon, other words lower-cased.

    >>> trigger_lemma("Closed"), trigger_lemma("cut"), trigger_lemma("invasion")
    ('close', 'cut', 'invasion')
    """
    word = trigger.lower()
    return load_lexicon().verbs.get(word, (word, False))[0]


class _ClauseMemo(threading.local):
    """The clauses found in the last text read (one per thread): the finder, the dating and
    the linking of events each ask for the clauses of every sentence."""

    def __init__(self) -> None:
        self.text = ""
        self.found: dict[tuple[int, int], tuple[Span, ...]] = {}


_MEMO = _ClauseMemo()


def clauses(text: str, sentence: Span) -> tuple[Span, ...]:
    """Comma/semicolon/dash-delimited clauses of a sentence (a rough but useful cut),
    worked out once per sentence of the text being read."""
    memo = _MEMO
    if text is not memo.text:
        memo.text, memo.found = text, {}
    key = (sentence.start, sentence.end)
    got = memo.found.get(key)
    if got is None:
        got = memo.found[key] = _find_clauses(text, sentence)
    return got


def _find_clauses(text: str, sentence: Span) -> tuple[Span, ...]:
    out: list[Span] = []
    start = sentence.start
    for m in CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if m.start() > start:
            out.append(Span(start=start, end=m.start()))
        start = m.end()
    if sentence.end > start:
        out.append(Span(start=start, end=sentence.end))
    return tuple(out)
