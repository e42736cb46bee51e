"""Typing an unknown name from its context: the words before it (roles, organisation
nouns, "such as"), cues after it ("said", "Inc."), its own words and how the text uses them
elsewhere."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from timeline.stages.entities.vocab import (
    FACILITY_TAILS,
    LOCATION_HEADS,
    NAME_CUE_AFTER,
    ORG_CUE_AFTER,
    PLACE_PARTS,
    PLACE_TAILS,
)
from timeline.stages.gazetteer import Gazetteer

__all__ = ["FACILITY_AFTER", "guess_type", "is_facility", "lowercase_words"]


def guess_type(
    text: str,
    start: int,
    end: int,
    n: int,
    title_seen: bool,
    at_start: bool,
    surface: str,
    headline: bool,
    body_caps: Counter[str],
    lower_words: frozenset[str],
    g: Gazetteer,
) -> str | None:
    """Type of an unknown name from its context; None = unknown; "DROP" = not a name."""
    if headline:
        return None if surface in body_caps else "DROP"
    if at_start and n == 1 and surface not in body_caps:
        return "DROP"
    if title_seen:
        return "PERSON"
    words = surface.split()
    if n >= 2 and (words[0] in LOCATION_HEADS or is_facility(words, g)):
        return "LOCATION"
    if (
        n >= 2
        and words[0].lower() not in g.given_names
        and (words[-1] in PLACE_TAILS or words[0] in PLACE_PARTS)
    ):
        return "LOCATION"  # "Sallow Ridge", "Upper Sallow" (but "Ana Hill": a person)
    if "&" in words:
        return "ORGANIZATION"  # "Harrow & Pike": partners' names joined make a firm
    if n >= 2 and any(w in g.org_suffixes for w in words):
        return "ORGANIZATION"  # "Ministry of Finance", "Bank of Korea"
    if FACILITY_AFTER.match(text, end) and words[0].lower() not in g.given_names:
        return "LOCATION"  # "the Ponte Velha bridge", "the Seld river"
    before = text[max(0, start - 40) : start].lower()
    all_before = _WORD.findall(before)
    words_before = all_before[-2:]
    if words_before[-2:] == ["such", "as"] or words_before[-1:] == ["like"]:
        lead = all_before[-4:-2] or [""]
        noun = (
            lead[-1].removesuffix("s") if lead[-1].endswith("ies") is False else lead[-1][:-3] + "y"
        )
        if noun in g.org_nouns or lead[-1] in g.org_nouns:
            return "ORGANIZATION"
        if noun in g.person_roles:
            return "PERSON"
    if words_before and (
        words_before[-1] in g.person_roles or " ".join(words_before) in g.person_roles
    ):
        return "PERSON"
    if words_before and (words_before[-1] in g.org_nouns or " ".join(words_before) in g.org_nouns):
        return "ORGANIZATION"
    if NAME_CUE_AFTER.match(text[end : end + 30]) and n >= 2:
        return "PERSON"
    if surface.isupper() and 2 <= len(surface.replace(".", "")) <= 6:
        return "ORGANIZATION"
    if any(w in g.names or w in g.demonyms or w in g.political for w in words):
        return "ORGANIZATION"  # "Europe Container Terminals": a place inside a name
    if n == 1 and (body_caps[surface] >= 2 or ORG_CUE_AFTER.match(text[end : end + 20])):
        return "ORGANIZATION"  # a single name used again and again: a company, a brand
    if n >= 2 and any(w.lower() in lower_words for w in words if len(w) > 3):
        return "OTHER"  # "Music Store", "Developer Program": capitalised common nouns
    if n >= 2 and _COLLECTIVE.search(words[-1]):
        return "ORGANIZATION"  # "Harrowgate Instruments", "Vela Systems": no surname's shape
    if (
        n in (2, 3, 4)
        and words[0].lower() in g.given_names
        and not any(w in g.org_suffixes for w in words)
    ):
        return "PERSON"  # "Dana Whitfield": a known given name first
    if n >= 2 and _plural_of_a_word(words[-1], lower_words):
        return "ORGANIZATION"  # "Norvik Foods", "Harbor Mills": a plural noun of the text ends it
    if (
        n >= 2
        and _used_alone_later(text, end, words[-2], words[-1])
        and not ORG_CUE_AFTER.match(text[end : end + 20])
    ):
        return "PERSON"  # the last word used alone later: a surname
    if ORG_CUE_AFTER.match(text[end : end + 20]):
        return "ORGANIZATION"  # "Harbor Mills unveils ..."
    if n in (2, 3) and all(w[:1].isupper() and not w.isupper() for w in surface.split()):
        return "PERSON"
    if n >= 4:
        return "ORGANIZATION"
    return None


_WORD = re.compile(r"[\w-]+")
# a landmark's common noun right after its name
FACILITY_AFTER = re.compile(
    r"\s+(?:"
    + "|".join(sorted(w.lower() for w in FACILITY_TAILS))
    + r"|river|lake|valley|island)\b"
)
# the plural of an abstract or collective noun ending a name: a firm's, not a person's
_COLLECTIVE = re.compile(r"[a-z]{3,}(?:ments|tions|sions|ics|ries|ties|gies|tems|ducts|works)$")
_LATER = 20_000  # "later" means in the same story


def _used_alone_later(text: str, end: int, before_last: str, last: str) -> bool:
    """Whether ``last`` (a name's last word) stands alone as a word after ``end`` (within
    ``_LATER`` characters), not after ``before_last``: a surname used on its own. Counted
    with the text's word index (built once per text): occurrences of ``last`` in the range
    minus those right after ``before_last`` and a space."""
    if last.islower():
        return False  # ("of" ending a run cut short): no surname, and not in the index
    words, pairs = _word_index(text)
    stop = min(len(text), end + _LATER)

    def count(positions: list[int]) -> int:
        return bisect.bisect_left(positions, stop) - bisect.bisect_left(positions, end)

    return count(words.get(last, [])) > count(pairs.get((before_last, last), []))


_COMPOUND = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")  # a word, with its hyphens and apostrophes
_PART = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=1)
def _word_index(text: str) -> tuple[dict[str, list[int]], dict[tuple[str, str], list[int]]]:
    """Where each word that is not all lower case (a name's word can be asked about) stands
    alone in ``text``, and where it stands right after a given word and one space (positions
    in text order); worked out once per text (the one being read)."""
    words: dict[str, list[int]] = {}
    pairs: dict[tuple[str, str], list[int]] = {}
    prev_word, prev_end = "", -2
    for m in _COMPOUND.finditer(text):
        w, i, e = m.group(), m.start(), m.end()
        if w.islower() or (i and text[i - 1] in "_.") or text[e : e + 1] == "_":
            prev_word, prev_end = w, e
            continue
        words.setdefault(w, []).append(i)
        if prev_end == i - 1 and text[i - 1] == " ":
            pairs.setdefault((prev_word, w), []).append(i)
            if not prev_word.isalnum():  # "device-Apple TV": after "Apple" too
                tail = _PART.findall(prev_word)[-1]
                if tail != prev_word:
                    pairs.setdefault((tail, w), []).append(i)
        if len(w) > 1 and not w.isalnum():  # "Solvik-Hale": "Hale" stands alone too
            for part in _PART.finditer(w):
                if part.start():
                    words.setdefault(part.group(), []).append(i + part.start())
        prev_word, prev_end = w, m.end()
    return words, pairs


def _plural_of_a_word(word: str, lower_words: frozenset[str]) -> bool:
    """Whether ``word`` is the plural of a common noun the text writes in lower case
    ("Foods" where "food" is written): no surname's shape."""
    w = word.lower()
    if len(w) < 5 or not w.endswith("s") or w.endswith("ss"):
        return False
    return (
        w[:-1] in lower_words
        or (w.endswith("ies") and w[:-3] + "y" in lower_words)
        or (w.endswith("es") and w[:-2] in lower_words)
    )


def is_facility(words: list[str], g: Gazetteer) -> bool:
    """Whether a name of ``words`` is a landmark or facility: "Berlin Wall", "Tower Bridge"
    (but "Ana Wall" is a person: a given name first)."""
    return len(words) >= 2 and words[-1] in FACILITY_TAILS and words[0].lower() not in g.given_names


def lowercase_words(text: str) -> frozenset[str]:
    """Every word written in lower case somewhere in ``text``."""
    return frozenset(re.findall(r"(?<![\w.])[a-z][a-z-]*(?!\w)", text))
