"""Finding name mentions: runs of capitalised words, typed by the gazetteer, their last
word, a title or role before them or a cue after them; demonyms as their country."""

from __future__ import annotations

import re
from collections import Counter

from timeline.model import Span
from timeline.stages.entities.context import (
    FACILITY_AFTER,
    guess_type,
    is_facility,
    lowercase_words,
)
from timeline.stages.entities.vocab import (
    ABBREV_DOT,
    CAMEL,
    INNER_CAPS,
    MODEL,
    OF_HEADS,
    PARTICLES,
    STOP,
    TIME_WORDS,
    TITLE_MODIFIERS,
    TOKEN,
    VERBISH_AFTER,
    VERSION,
    Raw,
)
from timeline.stages.gazetteer import Gazetteer, gazetteer


def _is_cap(tok: str) -> bool:
    # (a token with no upper-case letter cannot be camel-case: skip the regex for most words)
    return tok[:1].isupper() or (not tok.islower() and bool(CAMEL.match(tok)))


def _product_like(tok: str) -> bool:
    return bool(CAMEL.match(tok) or INNER_CAPS.match(tok) or MODEL.match(tok))


# a capital after a preposition of place, or between an article and a common noun, is the
# city, not its country's government: "in Caracas", "the Lisbon treaty" (but "Washington
# cut ties")
_PLACE_BEFORE = re.compile(r"(?i)\b(?:in|at|to|from|near|outside|into|across|via|through)\s+$")
_ARTICLE_BEFORE = re.compile(r"(?i)\b(?:the|a|an)\s+$")
_COMMON_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|on|in|to|of|for|with|as|is|was|has|had)\b)[a-z]+\b"
)


def _as_place(text: str, start: int, end: int) -> bool:
    """Whether a capital at ``text[start:end]`` is the city (see above)."""
    if _PLACE_BEFORE.search(text, max(0, start - 12), start):
        return True
    return bool(
        _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
        and _COMMON_NOUN_AFTER.match(text, end)
    )


def find_mentions(text: str, sentences: tuple[Span, ...], limit: int | None = None) -> list[Raw]:
    """Candidate name mentions, typed where the evidence allows; with ``limit``, sentences
    are read until that many are found (the caller reports where it stopped)."""
    g = gazetteer()
    tokens = [
        [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, s.start, s.end)]
        for s in sentences
    ]
    caps = [[_is_cap(t) for _a, _b, t in toks] for toks in tokens]  # each token tested once
    body_caps = _mid_sentence_caps(tokens, caps)
    lower_words = lowercase_words(text)
    raws: list[Raw] = []
    for s, toks, cap in zip(sentences, tokens, caps, strict=True):
        firsts = [t[0] for _, _, t in toks]  # words count by their first letters (in C)
        n_words, n_caps = sum(map(str.isalpha, firsts)), sum(map(str.isupper, firsts))
        unfinished = text[s.end - 1] not in ".!?\"”'’)"
        ratio = n_caps / n_words if n_words else 0.0
        headline = (unfinished and ratio >= 0.6) or (ratio >= 0.9 and n_words >= 4)
        for run in _runs(text, toks, cap):
            if len(run) == 1 and toks[run[0]][2].lower() in STOP:
                continue  # "The", "In": a function word alone is never a name
            raws.extend(_type_run(text, run, toks, s, g, headline, body_caps, lower_words))
            if limit is not None and len(raws) > limit:  # one endless sentence of names
                return raws
        raws.extend(_demonym_mentions(text, toks, g))
    return raws


def _mid_sentence_caps(
    tokens: list[list[tuple[int, int, str]]], caps: list[list[bool]]
) -> Counter[str]:
    """How often each capitalised token occurs away from a sentence start (``tokens``: each
    sentence's tokens; ``caps``: whether each is capitalised)."""
    seen: Counter[str] = Counter()
    for toks, cap in zip(tokens, caps, strict=True):
        first = True
        for (_a, _b, tok), is_cap in zip(toks, cap, strict=True):
            if is_cap and not first:
                seen[tok] += 1
            if first and tok[:1].isalnum():
                first = False
    return seen


# No name is this many tokens long; a longer run of capitalised words ("U.S. U.S. U.S. ...",
# a title-case list) is cut into pieces, so typing a run stays linear in the text.
MAX_RUN = 12


def _runs(text: str, toks: list[tuple[int, int, str]], caps: list[bool]) -> list[list[int]]:
    """Indices of maximal runs of capitalised tokens (``caps``) joined by single spaces or
    particles, at most ``MAX_RUN`` tokens each."""
    runs: list[list[int]] = []
    cur: list[int] = []
    cap = [*caps, False]
    for i, (a, _b, t) in enumerate(toks):
        if len(cur) >= MAX_RUN:
            runs.append(cur)
            cur = []
        gap = text[toks[cur[-1]][1] : a] if cur else ""
        # "John F. Kennedy": an initial after a first name, then its dot
        joined = gap == " " or (gap == ". " and len(cur) >= 2 and len(toks[cur[-1]][2]) == 1)
        if cap[i] and (not cur or joined):
            cur.append(i)
            continue
        if cur and joined and VERSION.match(t) and any(_product_like(toks[k][2]) for k in cur):
            cur.append(i)
            continue
        if (
            cur
            and joined
            and t in PARTICLES
            and cap[i + 1]
            and text[toks[i][1] : toks[i + 1][0]] == " "
        ):
            cur.append(i)
            continue
        if cur and joined and t == "of" and cap[i + 1] and toks[cur[-1]][2] in OF_HEADS:
            cur.append(i)
            continue
        if cur:
            runs.append(cur)
        cur = [i] if cap[i] else []
    if cur:
        runs.append(cur)
    return runs


def _type_run(
    text: str,
    run: list[int],
    toks: list[tuple[int, int, str]],
    s: Span,
    g: Gazetteer,
    headline: bool,
    body_caps: Counter[str],
    lower_words: frozenset[str],
) -> list[Raw]:
    out: list[Raw] = []
    whole = text[toks[run[0]][0] : toks[run[-1]][1]]
    if whole in g.names and toks[run[0]][2] == "The":  # "The Hague", "The Gambia"
        k = g.names[whole]
        return [Raw(toks[run[0]][0], toks[run[-1]][1], k.type, k.key, k.name)]
    # leading function words ("The", "When", "It") are not part of a name
    first_tok = True
    while run and (
        toks[run[0]][2].lower() in STOP
        or toks[run[0]][2] in TIME_WORDS
        or toks[run[0]][2] in g.demonyms
        or toks[run[0]][2] in g.political
    ):
        starts_name = (
            any(text[toks[run[0]][0] : toks[run[k]][1]] in g.names for k in range(len(run)))
            or _month_as_name(text, toks, run, g)
            # "European Investment Bank", "German Football Association": an organisation's
            # name may open with a nationality
            or (
                len(run) >= 3
                and toks[run[0]][2] in g.demonyms
                and toks[run[-1]][2] in g.org_suffixes
            )
        )
        if not starts_name or toks[run[0]][2].lower() in STOP:
            run = run[1:]
            first_tok = False
        else:
            break
    while run and (
        toks[run[-1]][2] in PARTICLES
        or toks[run[-1]][2] in TIME_WORDS
        and not _surname_month(text, toks, run, g)
    ):
        run = run[:-1]
    if not run:
        return out
    head = toks[run[0]][0] - s.start  # only a few quote characters can precede a start
    at_start = head == 0 or (
        first_tok and head <= 8 and text[s.start : toks[run[0]][0]].strip(" “\"'‘(") == ""
    )
    # whether a product-like token ("iPhone", "X5") lies at or after each position of the
    # run: worked out once, when first asked (a run is cut one token at a time)
    product_after: list[bool] = []
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
        if known and surface_all in g.capitals and _as_place(text, start, end):
            out.append(Raw(start, end, "LOCATION", surface_all, surface_all))  # "in Caracas"
            break
        if known:
            out.append(Raw(start, end, known.type, known.key, known.name))
            break
        if not headline and is_facility(surface_all.split(), g):  # "Berlin Wall": not Berlin
            out.append(Raw(start, end, "LOCATION"))
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
                Raw(
                    start,
                    toks[rest[split - 1]][1],
                    lk.type if lk else "ORGANIZATION",
                    lk.key if lk else None,
                    lk.name if lk else None,
                )
            )
            if split == 1 and left in TITLE_MODIFIERS:
                out.pop()  # "Prime Minister", "First Minister": part of the title
            title_seen = True
            i += split + 1
            while i < len(run) and toks[run[i]][2] in g.person_titles:
                i += 1
            continue
        if not product_after:
            product_after = [False] * (len(run) + 1)
            for pos in range(len(run) - 1, -1, -1):
                product_after[pos] = product_after[pos + 1] or _product_like(toks[run[pos]][2])
        if product_after[i] and not headline and last not in g.org_suffixes:
            out.append(Raw(start, end, "PRODUCT"))
            break
        if len(rest) > 1 and last in g.org_suffixes and not headline:
            if last in ABBREV_DOT and text[end : end + 1] == ".":
                end += 1  # "Apple Inc."
            out.append(Raw(start, end, "ORGANIZATION"))
            break
        if len(rest) > 1 and last in g.event_heads and not headline:
            out.append(Raw(start, end, "EVENT"))
            break
        # a known name (or demonym) at the front: peel it off
        for j in range(min(len(rest), g.max_words), 0, -1):
            seg = text[toks[rest[0]][0] : toks[rest[j - 1]][1]]
            if seg in g.names and j < len(rest) and _peelable(g.names[seg].key, g):
                k = g.names[seg]
                out.append(Raw(toks[rest[0]][0], toks[rest[j - 1]][1], k.type, k.key, k.name))
                i += j
                break
            if j == 1 and (
                seg in g.demonyms
                or seg in g.political
                or seg in TIME_WORDS
                and not _month_as_name(text, toks, rest, g)
            ):
                i += 1
                break
            if seg in g.person_titles or (j == 2 and seg in g.person_titles):
                title_seen = True
                i += j
                break
        else:
            name_type = guess_type(
                text,
                start,
                end,
                len(rest),
                title_seen,
                at_start and i == 0,
                surface_all,
                headline,
                body_caps,
                lower_words,
                g,
            )
            if name_type == "LOCATION" and (noun := FACILITY_AFTER.match(text, end)):
                end = noun.end()  # "Heathrow airport": the landmark's noun is in its name
            if name_type != "DROP":
                out.append(Raw(start, end, name_type))
            break
        continue
    return out


_BEFORE_DATE = re.compile(
    r"(?i)\b(?:in|on|since|by|until|till|last|next|this|early|late|mid|of)\s+$"
)


def _month_as_name(
    text: str, toks: list[tuple[int, int, str]], run: list[int], g: Gazetteer
) -> bool:
    """A month that is a given name before a surname: "April Ryan" (but "in April Congress")."""
    a, _b, word = toks[run[0]]
    return (
        len(run) >= 2
        and word.lower() in g.given_names
        and toks[run[1]][2] not in TIME_WORDS
        and not _BEFORE_DATE.search(text, max(0, a - 12), a)
    )


def _surname_month(
    text: str, toks: list[tuple[int, int, str]], run: list[int], g: Gazetteer
) -> bool:
    """A month that is a surname after a given name: "Theresa May" (but "Theresa May 5")."""
    end = toks[run[-1]][1]
    return (
        len(run) >= 2
        and toks[run[-2]][2].lower() in g.given_names
        and not re.match(r"\s*\d", text[end : end + 3])
    )


def _peelable(key: str, g: Gazetteer) -> bool:
    """Countries, former states and organisations can stand before a name ("US President");
    cities and regions cannot ("Vladimir Putin" is not the city of Vladimir)."""
    return (
        key in g.country_names
        or g.names.get(key, None) is not None
        and g.names[key].type == "ORGANIZATION"
    )


def _demonym_mentions(text: str, toks: list[tuple[int, int, str]], g: Gazetteer) -> list[Raw]:
    """Plural demonyms ("the Americans") and "the Venezuelan" used as a noun."""
    out: list[Raw] = []
    for i, (a, b, t) in enumerate(toks):
        code = g.demonyms.get(t)
        if code is None:
            continue
        nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
        if _LEADER_AFTER.match(text, b, b + 40):
            name = g.country_names.get(code, code)
            out.append(Raw(a, b, "LOCATION", code, name))  # "Russian leader X": X leads Russia
            continue
        if nxt[:1].isupper() and text[b : toks[i + 1][0]] == " ":
            continue  # "Russian Foreign Ministry", "American Airlines": part of a name
        plural = t != _singular(t, g) or t in _PLURAL_ONLY
        prev = toks[i - 1][2].lower() if i else ""
        noun = prev == "the" and VERBISH_AFTER.match(text[b : b + 20]) is not None
        if plural or noun:
            name = g.country_names.get(code, code)
            out.append(Raw(a, b, "LOCATION" if code not in ("KURDS",) else "NORP", code, name))
    return out


_PLURAL_ONLY = {"Soviets", "Kurds"}
_LEADER_AFTER = re.compile(
    r"\s+(?i:leader|president|prime\s+minister|premier|chancellor|dictator|king|queen|ruler"
    r"|head\s+of\s+state)\s+[A-Z]"
)


def _singular(word: str, g: Gazetteer) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in g.demonyms else word
