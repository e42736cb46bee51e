"""Merging mentions into entities: noun-phrase extents, gazetteer keys, surnames after a
full name, "the crisis" after a named crisis, short forms and acronyms."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter, defaultdict

from timeline.model import Entity, Mention
from timeline.stages.entities.vocab import Raw, slug
from timeline.stages.gazetteer import gazetteer

_DETERMINED = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s+((?:[a-z0-9][\w-]*\s+){0,2})$"
)
_CAP_AFTER = re.compile(r"\s+[A-Z]")
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


def _the_phrase(phrases: list[str], role: bool = False) -> re.Pattern[str] | None:
    """ "the <phrase>" for any of ``phrases`` (lower case); a role phrase matches in any case
    after its demonym and not before a name ("the Russian leader Putin" is an introduction)."""
    if not phrases:
        return None
    if role:
        alts = "|".join(
            re.escape(d) + r"\s+(?i:" + re.escape(r) + ")"
            for d, r in (p.split(" ", 1) for p in sorted(phrases, key=len, reverse=True))
        )
        return re.compile(rf"\b[Tt]he\s+({alts})\b(?!\s+[A-Z])")
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b[Tt]he\s+({alts})\b")


def _latest_before(
    text: str, owners: dict[str, list[tuple[int, str]]], phrase: re.Pattern[str] | None
) -> list[tuple[int, int, str]]:
    """(start, end, owner) for each match of ``phrase`` after one of its owners was
    introduced: the owner introduced last before it. Keys of ``owners`` are the matched
    phrases with single spaces, the words after the first in lower case."""
    if phrase is None:
        return []
    firsts = {k: sorted(v) for k, v in owners.items()}
    found = []
    for m in phrase.finditer(text):
        first, *rest = m.group(1).split()
        here = firsts.get(" ".join([first, *(w.lower() for w in rest)]), [])
        i = bisect.bisect_left(here, (m.start(1), "")) - 1  # introduced before the match
        if i >= 0:
            found.append((m.start(1), m.end(1), here[i][1]))
    return found


def merge_mentions(text: str, raws: list[Raw]) -> tuple[Entity, ...]:
    """Group raw mentions into entities: gazetteer keys, surnames, named-event heads."""
    g = gazetteer()
    raws = sorted({(r.start, r.end): r for r in raws}.values(), key=lambda r: r.start)
    groups: dict[str, list[Raw]] = defaultdict(list)
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
    first_words = Counter(info[o][0].split()[0] for o in orgs)  # counted once, not per pair
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
                and first_words[short.split()[0]] <= 2
            ):
                groups[org_key].extend(groups.pop(sk))
    # "North Atlantic Treaty Organization (NATO)": the acronym in brackets is an alias
    # (mentions are looked up by where they start and end: text full of brackets stays linear)
    key_at: dict[int, str] = {}
    keys_ending: dict[int, list[str]] = defaultdict(list)
    for group_key, rs in groups.items():
        for r in rs:
            key_at.setdefault(r.start, group_key)
            keys_ending[r.end].append(group_key)
    for m in re.finditer(r"\(([A-Z][A-Z.&]{1,9})\)", text):
        acro_key = key_at.get(m.start(1))
        ending = keys_ending.get(m.start(), []) + keys_ending.get(m.start() - 1, [])
        owner = next((k for k in ending if k != acro_key and k in groups), None)
        if owner is None or acro_key is None or acro_key not in groups:
            continue
        initials = "".join(w[0] for w in info[owner][0].split() if w[:1].isupper())
        if initials.upper() == m.group(1).replace(".", "").upper():
            groups[owner].extend(groups.pop(acro_key))
    # "the crisis" after "the Missile Crisis": the last named crisis before it
    heads: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for key, (name, typ) in info.items():
        if key in groups and typ == "EVENT" and len(name.split()) > 1:
            heads[name.split()[-1].lower()].append((min(r.start for r in groups[key]), key))
    for a, b, owner in _latest_before(text, heads, _the_phrase(list(heads))):
        groups[owner].append(Raw(a, b, "EVENT", ref=True))
    # "the Russian leader" after "Russian leader Vladimir Putin": the last person introduced
    # so before it (all phrases found in one pass over the text, however many people)
    intros: dict[str, list[tuple[int, str]]] = defaultdict(list)
    person_at = {r.start: k for k, rs in groups.items() if info[k][1] == "PERSON" for r in rs}
    roles = "|".join(sorted(g.person_roles, key=len, reverse=True))
    for m in re.finditer(rf"\b(?:[A-Z][a-z]+)\s++((?i:{roles}))\s++(?=[A-Z])", text):
        demonym = m.group(0).split()[0]
        pkey = person_at.get(m.end())
        if demonym in g.demonyms and pkey:
            intros[" ".join([demonym, *m.group(1).lower().split()])].append((m.end(), pkey))
    for a, b, pkey in _latest_before(text, intros, _the_phrase(list(intros), role=True)):
        groups[pkey].append(Raw(a, b, "PERSON", ref=True))
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
        # every other spelling once, in text order (a dict: thousands of spellings stay linear)
        surfaces = list(dict.fromkeys(s for a, b in mentions if (s := text[a:b]) != name))
        if typ != "PERSON":
            # a name used as a modifier ("the Apple CEO") has no determiner of its own
            mentions = tuple(
                sorted(
                    {
                        (a if _CAP_AFTER.match(text, b, b + 3) else _np_start(text, a), b)
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
