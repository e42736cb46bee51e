"""Entities: find name mentions, type them, and merge the aliases of one actor.

Rules and gazetteers, no model. A mention is a run of capitalised words; it is typed by the
gazetteer (countries, capitals as metonyms of their country, cities, organisations), by its
last word ("... Department" is an organisation, "... Crisis" a named event), by a title or
role before it ("former Representative Scott Taylor", "Russian leader Vladimir Putin") or by
a cue after it ("..., who said"). Plural demonyms ("the Americans") and "the Venezuelan"
used as a noun are mentions of their country. Merging: gazetteer keys (so "US", "United
States" and "Washington" are one entity), surnames after a full name, "the crisis" after a
named crisis, and "the Russian leader" after "Russian leader Vladimir Putin".
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from timeline.model import Document, Entity, Mention, Span
from timeline.settings import Settings
from timeline.stages.gazetteer import Gazetteer, gazetteer
from timeline.stages.normalize import MONTHS, WEEKDAYS

__all__ = ["find_mentions", "merge_mentions", "entities_stage", "slug"]

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w&]+(?:[-.&/][\w]+)*(?:['’][A-Z]\w*)?")
_STOP = {
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
_OF_HEADS = {
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
_PARTICLES = {
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
_TIME_WORDS = {w.capitalize() for w in list(MONTHS) + list(WEEKDAYS)} | {
    "Christmas",
    "Easter",
    "Ramadan",
    "Spring",
    "Summer",
    "Autumn",
    "Fall",
    "Winter",
}
_LOCATION_HEADS = {
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
_NAME_CUE_AFTER = re.compile(r"^,?\s+(?:said|says|told|added|explained|argued|wrote|who)\b")
_VERBISH_AFTER = re.compile(
    r"^\s+(?:is|was|has|had|will|would|said|says|did|does|can|could|also|then|who|\w+ed)\b"
)


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    type: str | None  # None: a name of unknown type, kept only if merging explains it
    key: str | None = None  # gazetteer key, forces merging
    name: str | None = None  # canonical name for gazetteer entities
    ref: bool = False  # a description referring back ("the crisis"), never the entity's name


def slug(name: str) -> str:
    """ASCII slug for ids: ``slug("Nicolás Maduro") == "nicolas-maduro"``.

    >>> slug("Nicolás Maduro"), slug("U.S. State Department")
    ('nicolas-maduro', 'u-s-state-department')
    """
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


_CAMEL = re.compile(r"^[a-z]{1,2}[A-Z][A-Za-z0-9]*$")  # iPhone, eBay, iOS
_INNER_CAPS = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z0-9]*$")  # MacBook, PlayStation
_MODEL = re.compile(r"^[A-Z]{1,3}-?\d{2,4}[A-Za-z]{0,2}$")  # A380, F-35, B-52
_VERSION = re.compile(r"^(?:\d{1,2}(?:\.\d)?|[A-Z]?\d{1,3}[A-Za-z]{0,3}|X{1,3}|I{1,3}V?|V?I{0,3})$")
_ABBREV_DOT = {"Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Bros", "Cos", "Plc", "Pty"}
_ORG_CUE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:announc|unveil|releas|launch|report|sue|acquir|introduc|post|fil)(?:e|es|ed|s)?\b"
    r"|^(?:['’]s)?\s+(?:bought|buys|sold|sells|said|says|shares|stock|plans|will|has|had|is|was)\b"
)


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or bool(_CAMEL.match(tok))


def _product_like(tok: str) -> bool:
    return bool(_CAMEL.match(tok) or _INNER_CAPS.match(tok) or _MODEL.match(tok))


def find_mentions(text: str, sentences: tuple[Span, ...]) -> list[_Raw]:
    """Candidate name mentions, typed where the evidence allows."""
    g = gazetteer()
    body_caps = _mid_sentence_caps(text, sentences)
    raws: list[_Raw] = []
    for s in sentences:
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, s.start, s.end)]
        words = [t for _, _, t in toks if t[:1].isalpha()]
        caps = sum(1 for w in words if w[:1].isupper())
        unfinished = text[s.end - 1] not in ".!?\"”'’)"
        ratio = caps / len(words) if words else 0.0
        headline = (unfinished and ratio >= 0.6) or (ratio >= 0.9 and len(words) >= 4)
        for run in _runs(text, toks):
            raws.extend(_type_run(text, run, toks, s, g, headline, body_caps))
        raws.extend(_demonym_mentions(text, toks, g))
    return raws


def _mid_sentence_caps(text: str, sentences: tuple[Span, ...]) -> Counter[str]:
    """How often each capitalised token occurs away from a sentence start."""
    seen: Counter[str] = Counter()
    for s in sentences:
        first = True
        for m in _TOKEN.finditer(text, s.start, s.end):
            tok = m.group()
            if not first and _is_cap(tok):
                seen[tok] += 1
            if tok[:1].isalnum():
                first = False
    return seen


def _runs(text: str, toks: list[tuple[int, int, str]]) -> list[list[int]]:
    """Indices of maximal runs of capitalised tokens joined by single spaces or particles."""
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, (a, _b, t) in enumerate(toks):
        joined = bool(cur) and text[toks[cur[-1]][1] : a] == " "
        if _is_cap(t) and (not cur or joined):
            cur.append(i)
            continue
        if cur and joined and _VERSION.match(t) and any(_product_like(toks[k][2]) for k in cur):
            cur.append(i)
            continue
        if (
            cur
            and joined
            and t in _PARTICLES
            and i + 1 < len(toks)
            and _is_cap(toks[i + 1][2])
            and text[toks[i][1] : toks[i + 1][0]] == " "
        ):
            cur.append(i)
            continue
        if (
            cur
            and joined
            and t == "of"
            and i + 1 < len(toks)
            and _is_cap(toks[i + 1][2])
            and toks[cur[-1]][2] in _OF_HEADS
        ):
            cur.append(i)
            continue
        if cur:
            runs.append(cur)
        cur = [i] if _is_cap(t) else []
    if cur:
        runs.append(cur)
    # drop trailing particles
    return [[i for i in r] for r in runs if r]


def _type_run(
    text: str,
    run: list[int],
    toks: list[tuple[int, int, str]],
    s: Span,
    g: Gazetteer,
    headline: bool,
    body_caps: Counter[str],
) -> list[_Raw]:
    out: list[_Raw] = []
    whole = text[toks[run[0]][0] : toks[run[-1]][1]]
    if whole in g.names and toks[run[0]][2] == "The":  # "The Hague", "The Gambia"
        k = g.names[whole]
        return [_Raw(toks[run[0]][0], toks[run[-1]][1], k.type, k.key, k.name)]
    # leading function words ("The", "When", "It") are not part of a name
    first_tok = True
    while run and (
        toks[run[0]][2].lower() in _STOP
        or toks[run[0]][2] in _TIME_WORDS
        or toks[run[0]][2] in g.demonyms
        or toks[run[0]][2] in g.political
    ):
        starts_name = any(
            text[toks[run[0]][0] : toks[run[k]][1]] in g.names for k in range(len(run))
        )
        if not starts_name or toks[run[0]][2].lower() in _STOP:
            run = run[1:]
            first_tok = False
        else:
            break
    while run and (toks[run[-1]][2] in _PARTICLES or toks[run[-1]][2] in _TIME_WORDS):
        run = run[:-1]
    if not run:
        return out
    head = toks[run[0]][0] - s.start  # only a few quote characters can precede a start
    at_start = head == 0 or (
        first_tok and head <= 8 and text[s.start : toks[run[0]][0]].strip(" “\"'‘(") == ""
    )
    i = 0
    title_seen = False
    while i < len(run):
        rest = run[i:]
        surface_all = text[toks[rest[0]][0] : toks[rest[-1]][1]]
        start, end = toks[rest[0]][0], toks[rest[-1]][1]
        last = toks[rest[-1]][2]
        known = g.names.get(surface_all)
        if surface_all in g.political or surface_all in g.demonyms:
            break
        if known:
            out.append(_Raw(start, end, known.type, known.key, known.name))
            break
        # "Apple CEO Steve Jobs": an affiliation, a title, then the person
        split = next(
            (
                k
                for k in range(1, len(rest))
                if toks[rest[k]][2] in g.person_titles and k + 1 < len(rest)
            ),
            None,
        )
        if split is not None and not headline:
            left = text[toks[rest[0]][0] : toks[rest[split - 1]][1]]
            lk = g.names.get(left)
            out.append(
                _Raw(
                    start,
                    toks[rest[split - 1]][1],
                    lk.type if lk else "ORGANIZATION",
                    lk.key if lk else None,
                    lk.name if lk else None,
                )
            )
            title_seen = True
            i += split + 1
            while i < len(run) and toks[run[i]][2] in g.person_titles:
                i += 1
            continue
        if (
            any(_product_like(toks[k][2]) for k in rest)
            and not headline
            and last not in g.org_suffixes
        ):
            out.append(_Raw(start, end, "PRODUCT"))
            break
        if len(rest) > 1 and last in g.org_suffixes and not headline:
            if last in _ABBREV_DOT and text[end : end + 1] == ".":
                end += 1  # "Apple Inc."
            out.append(_Raw(start, end, "ORGANIZATION"))
            break
        if len(rest) > 1 and last in g.event_heads and not headline:
            out.append(_Raw(start, end, "EVENT"))
            break
        # a known name (or demonym) at the front: peel it off
        for j in range(min(len(rest), g.max_words), 0, -1):
            seg = text[toks[rest[0]][0] : toks[rest[j - 1]][1]]
            if seg in g.names and j < len(rest) and _peelable(g.names[seg].key, g):
                k = g.names[seg]
                out.append(_Raw(toks[rest[0]][0], toks[rest[j - 1]][1], k.type, k.key, k.name))
                i += j
                break
            if j == 1 and (seg in g.demonyms or seg in g.political or seg in _TIME_WORDS):
                i += 1
                break
            if seg in g.person_titles or (j == 2 and seg in g.person_titles):
                title_seen = True
                i += j
                break
        else:
            name_type = _guess(
                text,
                start,
                end,
                len(rest),
                title_seen,
                at_start and i == 0,
                surface_all,
                headline,
                body_caps,
                g,
            )
            if name_type != "DROP":
                out.append(_Raw(start, end, name_type))
            break
        continue
    return out


def _peelable(key: str, g: Gazetteer) -> bool:
    """Countries, former states and organisations can stand before a name ("US President");
    cities and regions cannot ("Vladimir Putin" is not the city of Vladimir)."""
    return (
        key in g.country_names
        or g.names.get(key, None) is not None
        and g.names[key].type == "ORGANIZATION"
    )


def _guess(
    text: str,
    start: int,
    end: int,
    n: int,
    title_seen: bool,
    at_start: bool,
    surface: str,
    headline: bool,
    body_caps: Counter[str],
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
    if n >= 2 and words[0] in _LOCATION_HEADS:
        return "LOCATION"
    if n >= 2 and any(w in g.org_suffixes for w in words):
        return "ORGANIZATION"  # "Ministry of Finance", "Bank of Korea"
    before = text[max(0, start - 40) : start].lower()
    words_before = re.findall(r"[\w-]+", before)[-2:]
    if words_before[-2:] == ["such", "as"] or words_before[-1:] == ["like"]:
        lead = re.findall(r"[\w-]+", before)[-4:-2] or [""]
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
    if _NAME_CUE_AFTER.match(text[end : end + 30]) and n >= 2:
        return "PERSON"
    if surface.isupper() and 2 <= len(surface.replace(".", "")) <= 6:
        return "ORGANIZATION"
    if any(w in g.names or w in g.demonyms or w in g.political for w in words):
        return "ORGANIZATION"  # "Europe Container Terminals": a place inside a name
    if n == 1 and (body_caps[surface] >= 2 or _ORG_CUE_AFTER.match(text[end : end + 20])):
        return "ORGANIZATION"  # a single name used again and again: a company, a brand
    if n >= 2 and any(w.lower() in _lowercase_words(text) for w in words if len(w) > 3):
        return "OTHER"  # "Music Store", "Developer Program": capitalised common nouns
    if (
        n in (2, 3, 4)
        and words[0].lower() in g.given_names
        and not any(w in g.org_suffixes for w in words)
    ):
        return "PERSON"  # "Dana Whitfield": a known given name first
    if (
        n >= 2
        and re.search(
            rf"(?<![\w.])(?<!{re.escape(words[-2])} )(?-i:{re.escape(words[-1])})(?![\w])",
            text[end : end + 20_000],  # bounded: "later" means in the same story
        )
        and not _ORG_CUE_AFTER.match(text[end : end + 20])
    ):
        return "PERSON"  # the last word used alone later: a surname
    if _ORG_CUE_AFTER.match(text[end : end + 20]):
        return "ORGANIZATION"  # "Harbor Mills unveils ..."
    if n in (2, 3) and all(w[:1].isupper() and not w.isupper() for w in surface.split()):
        return "PERSON"
    if n >= 4:
        return "ORGANIZATION"
    return None


_WORDS_CACHE: dict[int, tuple[str, frozenset[str]]] = {}


def _lowercase_words(text: str) -> frozenset[str]:
    """Every word written in lower case somewhere in ``text`` (computed once per text)."""
    hit = _WORDS_CACHE.get(id(text))
    if hit is None or hit[0] is not text:
        _WORDS_CACHE.clear()
        words = frozenset(re.findall(r"(?<![\w.])[a-z][a-z-]*(?!\w)", text))
        hit = _WORDS_CACHE[id(text)] = (text, words)
    return hit[1]


def _demonym_mentions(text: str, toks: list[tuple[int, int, str]], g: Gazetteer) -> list[_Raw]:
    """Plural demonyms ("the Americans") and "the Venezuelan" used as a noun."""
    out: list[_Raw] = []
    for i, (a, b, t) in enumerate(toks):
        code = g.demonyms.get(t)
        if code is None:
            continue
        nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
        if re.match(_LEADER_AFTER, text[b : b + 40]):
            name = g.country_names.get(code, code)
            out.append(_Raw(a, b, "LOCATION", code, name))  # "Russian leader X": X leads Russia
            continue
        if nxt[:1].isupper() and text[b : toks[i + 1][0]] == " ":
            continue  # "Russian Foreign Ministry", "American Airlines": part of a name
        plural = t != _singular(t, g) or t in _PLURAL_ONLY
        prev = toks[i - 1][2].lower() if i else ""
        noun = prev == "the" and _VERBISH_AFTER.match(text[b : b + 20]) is not None
        if plural or noun:
            name = g.country_names.get(code, code)
            out.append(_Raw(a, b, "LOCATION" if code not in ("KURDS",) else "NORP", code, name))
    return out


_PLURAL_ONLY = {"Soviets", "Kurds"}
_LEADER_AFTER = re.compile(
    r"\s+(?i:leader|president|prime\s+minister|premier|chancellor|dictator|king|queen|ruler"
    r"|head\s+of\s+state)\s+[A-Z]"
)


def _singular(word: str, g: Gazetteer) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in g.demonyms else word


_DETERMINED = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s+((?:[a-z0-9][\w-]*\s+){0,2})$"
)
_ADJECTIVE = re.compile(
    r"^(?:\w+(?:ly|ed|ing|est|al|ive|ous|ful|ic|ary|ble|ish|less)|\w*\d\w*|\w+-\w+|new|old|"
    r"top|big|latest|popular|first|second|third|next|last|former|current|same|entire|whole|"
    r"own|main|major|small|large|little|long|short|original|standard|basic|full|joint|rival)$"
)
_NOT_MODIFIERS = {
    "of",
    "in",
    "and",
    "or",
    "to",
    "for",
    "with",
    "by",
    "from",
    "on",
    "at",
    "as",
    "is",
    "was",
    "are",
    "were",
    "be",
    "that",
    "which",
    "who",
    "than",
    "said",
    "says",
}


def _np_start(text: str, start: int) -> int:
    """Where the noun phrase of a name begins: a mention's extent takes in its determiner and
    modifiers ("the recently announced iPhone 4"), as in ACE and MEANTIME; the entity's name
    and aliases stay the bare name."""
    m = _DETERMINED.search(text, max(0, start - 60), start)
    if m is None or m.end() != start:
        return start
    mods = m.group(1).split()
    if any(w in _NOT_MODIFIERS or not _ADJECTIVE.match(w) for w in mods):
        return start
    return m.start()


def merge_mentions(text: str, raws: list[_Raw]) -> tuple[Entity, ...]:
    """Group raw mentions into entities: gazetteer keys, surnames, named-event heads."""
    g = gazetteer()
    raws = sorted({(r.start, r.end): r for r in raws}.values(), key=lambda r: r.start)
    groups: dict[str, list[_Raw]] = defaultdict(list)
    info: dict[str, tuple[str, str]] = {}  # key -> (name, type)
    persons: dict[str, str] = {}  # surname -> person key
    for r in raws:
        surface = text[r.start : r.end]
        if r.key:
            key = f"geo:{r.key}"
            info.setdefault(key, (r.name or surface, r.type or "OTHER"))
        elif r.type:
            key = slug(surface.removeprefix("The "))
            info.setdefault(key, (surface.removeprefix("The "), r.type))
            if r.type == "PERSON" and len(surface.split()) >= 2:
                words = surface.split()
                for k in range(1, len(words)):
                    tail = " ".join(words[k:])
                    if k > 0 and words[k][:1].islower():  # "van Dam" -> also "Van Dam"
                        persons.setdefault(tail[:1].upper() + tail[1:], key)
                    persons.setdefault(tail, key)
        else:
            continue
        groups[key].append(r)
    # untyped single names: surnames of persons, or the same surface as a typed name
    by_surface = {text[r.start : r.end]: k for k, rs in groups.items() for r in rs}
    for r in raws:
        if r.key or r.type:
            continue
        surface = text[r.start : r.end]
        owner = persons.get(surface) or by_surface.get(surface)
        if owner:
            groups[owner].append(r)
    # single names that are the surname of a full name: "Maduro" after "Nicolás Maduro"
    for surname, person_key in persons.items():
        skey = slug(surname)
        if (
            skey in groups
            and skey != person_key
            and info[skey][1] in ("PERSON", "ORGANIZATION", "OTHER")  # a guessed type
            and person_key in groups
        ):
            groups[person_key].extend(groups.pop(skey))
    # "Harbor Mills" and "Harbor Mills Inc.", "Apple" and "Apple Computer": one organisation
    orgs = [k for k in groups if info[k][1] == "ORGANIZATION" and not k.startswith("geo:")]
    g_suffixes = {w.rstrip(".") for w in gazetteer().org_suffixes}
    for org_key in sorted(orgs, key=lambda o: -len(info[o][0])):
        if org_key not in groups:
            continue
        words = info[org_key][0].split()
        core = list(words)
        while len(core) > 1 and core[-1].rstrip(".,") in g_suffixes:
            core.pop()
        for short in {" ".join(core), words[0]} - {info[org_key][0]}:
            sk = slug(short)
            if (
                sk in groups
                and sk != org_key
                and info[sk][1] in ("ORGANIZATION", "OTHER")
                and sum(1 for o in orgs if info[o][0].split()[0] == short.split()[0]) <= 2
            ):
                groups[org_key].extend(groups.pop(sk))
    # "North Atlantic Treaty Organization (NATO)": the acronym in brackets is an alias
    for m in re.finditer(r"\(([A-Z][A-Z.&]{1,9})\)", text):
        acro_key = next((k for k, rs in groups.items() for r in rs if r.start == m.start(1)), None)
        owner = next(
            (
                k
                for k, rs in groups.items()
                for r in rs
                if 0 <= m.start() - r.end <= 1 and k != acro_key
            ),
            None,
        )
        if owner is None or acro_key is None:
            continue
        initials = "".join(w[0] for w in info[owner][0].split() if w[:1].isupper())
        if initials.upper() == m.group(1).replace(".", "").upper():
            groups[owner].extend(groups.pop(acro_key))
    # "the crisis" after "the Missile Crisis"; "the Russian leader" after "Russian leader X"
    for key, (name, typ) in list(info.items()):
        if key not in groups:
            continue
        if typ == "EVENT" and len(name.split()) > 1:
            head = name.split()[-1].lower()
            first = min(r.start for r in groups[key])
            for m in re.finditer(rf"\b[Tt]he\s+({re.escape(head)})\b", text):
                if m.start(1) > first:
                    groups[key].append(_Raw(m.start(1), m.end(1), typ, ref=True))
    for m in re.finditer(
        r"\b(?:[A-Z][a-z]+)\s+((?i:"
        + "|".join(sorted(g.person_roles, key=len, reverse=True))
        + r"))\s+(?=[A-Z])",
        text,
    ):
        demonym = m.group(0).split()[0]
        if demonym not in g.demonyms:
            continue
        name_start = m.end()
        pkey = next(
            (
                k
                for k, rs in groups.items()
                for r in rs
                if r.start == name_start and info[k][1] == "PERSON"
            ),
            None,
        )
        if not pkey:
            continue
        phrase = rf"\b[Tt]he\s+{re.escape(demonym)}\s+(?i:{re.escape(m.group(1))})\b(?!\s+[A-Z])"
        for m2 in re.finditer(phrase, text):
            a = m2.start() + 4
            if a > name_start:
                groups[pkey].append(_Raw(a, m2.end(), "PERSON", ref=True))
    entities = []
    for key, rs in groups.items():
        name, typ = info[key]
        if not key.startswith("geo:") and typ == "PERSON":
            name = max(
                (text[r.start : r.end] for r in rs if r.type == "PERSON" and not r.ref),
                key=len,
                default=name,
            )
        mentions = tuple(sorted({(r.start, r.end) for r in rs}))
        surfaces = []
        for a, b in mentions:
            s = text[a:b]
            if s != name and s not in surfaces:
                surfaces.append(s)
        if typ != "PERSON":
            # a name used as a modifier ("the Apple CEO") has no determiner of its own
            mentions = tuple(
                sorted(
                    {
                        (a if re.match(r"\s+[A-Z]", text[b : b + 3]) else _np_start(text, a), b)
                        for a, b in mentions
                    }
                )
            )
        entities.append(
            Entity(
                id=f"ent:{slug(name)}",
                name=name,
                type=typ,
                aliases=tuple(surfaces),
                mentions=tuple(Mention.of(text, a, b) for a, b in mentions),
            )
        )
    # two keys can slug to the same id ("Washington" the state vs the city): merge them
    merged: dict[str, Entity] = {}
    for e in sorted(entities, key=lambda e: e.mentions[0].start):
        if e.id in merged:
            old = merged[e.id]
            ms = tuple(sorted(set(old.mentions) | set(e.mentions), key=lambda m: m.start))
            merged[e.id] = dataclasses.replace(
                old, mentions=ms, aliases=tuple(dict.fromkeys(old.aliases + e.aliases))
            )
        else:
            merged[e.id] = e
    return tuple(merged.values())


def entities_stage(doc: Document, settings: Settings) -> Document:
    """Pipeline stage: fill ``doc.entities``."""
    raws = find_mentions(doc.text, doc.sentences)
    return dataclasses.replace(doc, entities=merge_mentions(doc.text, raws))
