"""The document model: immutable records whose spans point into one source text.

Every annotation carries ``start``/``end`` character offsets (Python ``str`` indices, end
exclusive) into ``Document.text``; the text is never rewritten. Ids are derived from
offsets (``t{start}-{end}``, ``e{start}-{end}``, ``ent:{slug}``), so the same input always
gives the same ids.

>>> doc = Document(source=Source(id="x-0", title=None, url=None, path=None,
...                published=None, published_from="unknown"), text="Hi.")
>>> Document.from_dict(doc.to_dict()) == doc
True
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_ID = "timeline/document/1"

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
# "inherited" is kept for documents written before "narrative" replaced it
TimeBasis = Literal[
    "explicit", "deictic", "anaphoric", "narrative", "inherited", "derived", "publication", "none"
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A stretch of the source text: ``text[start:end]``."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(start=d["start"], end=d["end"])


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A span together with the text it covers (kept for readable JSON and checks)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(start=d["start"], end=d["end"], text=d["text"])

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Mention:
        """Build a mention from offsets into ``text``."""
        return cls(start=start, end=end, text=text[start:end])


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex:
    """A TIMEX3-style time expression with its normalised value and what anchored it."""

    id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str | None
    granularity: str | None
    mod: str | None = None
    anchor: str | None = None  # a timex id, "dct", or None
    basis: TimeBasis = "explicit"

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Timex:
        return cls(**{f.name: d[f.name] for f in dataclasses.fields(cls) if f.name in d})


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """An actor, place, thing or named event, with every mention of it in the text."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"],
            name=d["name"],
            type=d["type"],
            aliases=tuple(d.get("aliases", ())),
            mentions=tuple(Mention.from_dict(m) for m in d.get("mentions", ())),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class EventTime:
    """When an event happened: a TIMEX3 value, its day range and how it was obtained."""

    timex: str | None = None
    value: str | None = None
    start: str | None = None  # ISO date, first day covered
    end: str | None = None  # ISO date, last day covered
    granularity: str | None = None
    basis: TimeBasis = "none"
    note: str | None = None  # human-readable derivation, e.g. "the year before 2019"

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventTime:
        return cls(**{f.name: d[f.name] for f in dataclasses.fields(cls) if f.name in d})


@dataclass(frozen=True, slots=True, kw_only=True)
class Participant:
    entity: str
    role: str = "participant"

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity, "role": self.role}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Participant:
        return cls(entity=d["entity"], role=d.get("role", "participant"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Something that happened, anchored in a sentence by its trigger word or phrase."""

    id: str
    title: str
    trigger: Mention
    sentence: Span
    time: EventTime = field(default_factory=EventTime)
    participants: tuple[Participant, ...] = ()
    entity: str | None = None  # set when the event is also a named-event entity

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "time": self.time.to_dict(),
            "participants": [p.to_dict() for p in self.participants],
            "entity": self.entity,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            title=d["title"],
            trigger=Mention.from_dict(d["trigger"]),
            sentence=Span.from_dict(d["sentence"]),
            time=EventTime.from_dict(d.get("time", {})),
            participants=tuple(Participant.from_dict(p) for p in d.get("participants", ())),
            entity=d.get("entity"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    """A typed link between two entities, with the words that express it."""

    id: str
    source: str
    target: str
    type: str
    polarity: Literal["cooperation", "conflict", "neutral"]
    evidence: Mention
    event: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "target": self.target,
            "type": self.type,
            "polarity": self.polarity,
            "event": self.event,
            "evidence": self.evidence.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Relation:
        return cls(
            id=d["id"],
            source=d["source"],
            target=d["target"],
            type=d["type"],
            polarity=d["polarity"],
            event=d.get("event"),
            evidence=Mention.from_dict(d["evidence"]),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class EventLink:
    """An ordering or causal link between two events."""

    id: str
    source: str
    target: str
    type: Literal["before", "after", "causes", "includes", "simultaneous"]
    evidence: Mention | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "target": self.target,
            "type": self.type,
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventLink:
        ev = d.get("evidence")
        return cls(
            id=d["id"],
            source=d["source"],
            target=d["target"],
            type=d["type"],
            evidence=Mention.from_dict(ev) if ev else None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """Something the parser could not do, kept instead of dropped (e.g. an unanchored date)."""

    code: str
    message: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Problem:
        return cls(code=d["code"], message=d["message"], start=d.get("start"), end=d.get("end"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where the text came from and its publication date (the DCT)."""

    id: str
    title: str | None = None
    url: str | None = None
    path: str | None = None
    published: str | None = None
    published_from: Literal["argument", "metadata", "inferred", "unknown"] = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(**{f.name: d[f.name] for f in dataclasses.fields(cls) if f.name in d})


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One source text and everything found in it."""

    source: Source
    text: str
    sentences: tuple[Span, ...] = ()
    timexes: tuple[Timex, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    event_links: tuple[EventLink, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def id(self) -> str:
        return self.source.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "source": self.source.to_dict(),
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "timexes": [t.to_dict() for t in self.timexes],
            "entities": [e.to_dict() for e in self.entities],
            "events": [e.to_dict() for e in self.events],
            "relations": [r.to_dict() for r in self.relations],
            "event_links": [link.to_dict() for link in self.event_links],
            "problems": [p.to_dict() for p in self.problems],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(
            source=Source.from_dict(d["source"]),
            text=d["text"],
            sentences=tuple(Span.from_dict(s) for s in d.get("sentences", ())),
            timexes=tuple(Timex.from_dict(t) for t in d.get("timexes", ())),
            entities=tuple(Entity.from_dict(e) for e in d.get("entities", ())),
            events=tuple(Event.from_dict(e) for e in d.get("events", ())),
            relations=tuple(Relation.from_dict(r) for r in d.get("relations", ())),
            event_links=tuple(EventLink.from_dict(x) for x in d.get("event_links", ())),
            problems=tuple(Problem.from_dict(p) for p in d.get("problems", ())),
        )

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def _repr_html_(self) -> str:  # Jupyter
        from timeline.render.html import render_iframe

        return render_iframe([self])
