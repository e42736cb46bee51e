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

from timeline.model import Document, Problem
from timeline.settings import Settings
from timeline.stages.entities.mentions import find_mentions
from timeline.stages.entities.merge import merge_mentions
from timeline.stages.entities.vocab import slug

__all__ = ["find_mentions", "merge_mentions", "entities_stage", "slug"]


def entities_stage(doc: Document, settings: Settings) -> Document:
    """Pipeline stage: fill ``doc.entities``.

    A text denser in names than any article (``settings.max_mentions_per_1000``) is read up
    to the limit and a ``too-dense`` problem gives the offset where reading stopped."""
    cap = settings.cap(len(doc.text), settings.max_mentions_per_1000)
    raws = find_mentions(doc.text, doc.sentences, cap)
    problems = doc.problems
    if len(raws) > cap:
        raws.sort(key=lambda r: r.start)
        cut = raws[cap].start
        raws = raws[:cap]
        problems += (
            Problem(
                code="too-dense",
                message=f"more name mentions than the limit of {cap:,} for a text this "
                f"long; those from offset {cut:,} on are not tagged",
                start=cut,
                end=len(doc.text),
            ),
        )
    return dataclasses.replace(doc, entities=merge_mentions(doc.text, raws), problems=problems)
