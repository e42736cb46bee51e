"""The word lists and patterns the entity rules read, and the raw mention they produce."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from timeline.stages.normalize import MONTHS, WEEKDAYS

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w&]+(?:[-.&/][\w]+)*(?:['’][A-Z]\w*)?")
STOP = {
    "the",
    "a",
    "an",
    "it",
    "its",
    "in",
    "on",
    "at",
    "when",
    "as",
    "after",
    "before",
    "according",
    "furthermore",
    "however",
    "there",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "or",
    "if",
    "while",
    "since",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "last",
    "next",
    "for",
    "from",
    "with",
    "by",
    "to",
    "of",
    "what",
    "who",
    "how",
    "why",
    "where",
    "which",
    "meanwhile",
    "also",
    "so",
    "then",
    "yet",
    "still",
    "although",
    "though",
    "despite",
    "during",
    "under",
    "over",
    "about",
    "all",
    "some",
    "many",
    "most",
    "one",
    "two",
    "three",
    "several",
    "both",
    "each",
    "every",
    "no",
    "not",
    "other",
    "such",
    "moreover",
    "additionally",
    "instead",
    "now",
    "today",
    "yesterday",
    "here",
    "until",
    "once",
    "earlier",
    "later",
    "mr",
    "mrs",
    "ms",
    "is",
    "was",
    "are",
    "were",
    "be",
    "do",
    "did",
    "does",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "recommended",
    "former",
    "late",
    "acting",
    "read",
    "more",
    "see",
    "photo",
    "image",
    "share",
}
OF_HEADS = {
    "Bank",
    "University",
    "Republic",
    "Kingdom",
    "Secretary",
    "Minister",
    "Ministry",
    "Department",
    "Port",
    "Gulf",
    "Bay",
    "Strait",
    "Sea",
    "Isle",
    "Province",
    "Duke",
    "Institute",
    "Museum",
    "Church",
    "Council",
    "Union",
    "League",
    "Court",
    "House",
    "Bishop",
    "Governor",
    "Mayor",
    "President",
    "Prime Minister",
    "Chamber",
    "Office",
}
PARTICLES = {
    "de",
    "da",
    "del",
    "della",
    "di",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "ibn",
    "al",
    "la",
    "le",
    "du",
    "dos",
    "das",
    "y",
    "&",
}
# capitalised words that modify a title rather than name an affiliation: "Prime Minister",
# "First Minister", "Deputy Director"
TITLE_MODIFIERS = frozenset(
    {"Prime", "First", "Deputy", "Vice", "Chief", "Foreign", "Interior", "Defence", "Defense",
     "Finance", "Home", "Health", "Former", "Acting", "Senior", "Assistant", "General", "Grand",
     "Supreme", "Lord", "Executive", "Managing", "Second"}
)  # fmt: skip
TIME_WORDS = {w.capitalize() for w in list(MONTHS) + list(WEEKDAYS)} | {
    "Christmas",
    "Easter",
    "Ramadan",
    "Spring",
    "Summer",
    "Autumn",
    "Fall",
    "Winter",
    # era markers: "in the 5th century BC Athens ..." is Athens
    "BC",
    "BCE",
    "B.C.",
    "B.C.E.",
    "AD",
    "A.D.",
    "CE",
    "C.E.",
}
# the last word of a landmark or facility's name: "Brandenburg Gate", "Berlin Wall",
# "Tower Bridge" (typed LOCATION, as MEANTIME types facilities)
FACILITY_TAILS = frozenset(
    {"Gate", "Wall", "Bridge", "Square", "Tower", "Palace", "Cathedral", "Airport", "Station",
     "Stadium", "Museum", "Street", "Avenue", "Canal", "Dam", "Castle", "Harbour", "Harbor"}
)  # fmt: skip
LOCATION_HEADS = {
    "Port",
    "Gulf",
    "Bay",
    "Strait",
    "Straits",
    "Sea",
    "Lake",
    "Mount",
    "Cape",
    "Isle",
    "Province",
    "County",
    "Region",
    "River",
    "Valley",
    "Desert",
    "Island",
    "Islands",
    "Peninsula",
    "Canal",
    "Mountains",
}
# the last word of a place's name ("Sallow Ridge", "Tarrow Sound", "Marlby City") and the
# first word of a part of one ("Upper Sallow", "Lower Carrow")
PLACE_TAILS = frozenset(
    {"City", "Town", "Ridge", "Sound", "Crossing", "Hill", "Hills", "Heights", "Falls", "Point",
     "Springs", "Village", "Peak", "Forest", "Coast"}
)  # fmt: skip
PLACE_PARTS = frozenset({"Upper", "Lower"})
NAME_CUE_AFTER = re.compile(r"^,?\s+(?:said|says|told|added|explained|argued|wrote|who)\b")
VERBISH_AFTER = re.compile(
    r"^\s+(?:is|was|has|had|will|would|said|says|did|does|can|could|also|then|who|\w+ed)\b"
)


@dataclass(slots=True)
class Raw:
    start: int
    end: int
    type: str | None  # None: a name of unknown type, kept only if merging explains it
    key: str | None = None  # gazetteer key, forces merging
    name: str | None = None  # canonical name for gazetteer entities
    ref: bool = False  # a description referring back ("the crisis"), never the entity's name


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """ASCII slug for ids: ``slug("Nicolás Maduro") == "nicolas-maduro"``.

    >>> slug("Nicolás Maduro"), slug("U.S. State Department")
    ('nicolas-maduro', 'u-s-state-department')
    """
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_.lower()).strip("-") or "x"


CAMEL = re.compile(r"^[a-z]{1,2}[A-Z][A-Za-z0-9]*$")  # iPhone, eBay, iOS
INNER_CAPS = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z0-9]*$")  # MacBook, PlayStation
MODEL = re.compile(r"^[A-Z]{1,3}-?\d{2,4}[A-Za-z]{0,2}$")  # A380, F-35, B-52
VERSION = re.compile(r"^(?:\d{1,2}(?:\.\d)?|[A-Z]?\d{1,3}[A-Za-z]{0,3}|X{1,3}|I{1,3}V?|V?I{0,3})$")
ABBREV_DOT = {"Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Bros", "Cos", "Plc", "Pty"}
ORG_CUE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:announc|unveil|releas|launch|report|sue|acquir|introduc|post|fil)(?:e|es|ed|s)?\b"
    r"|^(?:['’]s)?\s+(?:bought|buys|sold|sells|said|says|shares|stock|plans|will|has|had|is|was)\b"
)
