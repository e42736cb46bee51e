"""Recognition rules for time expressions: each a regular expression and a function that
turns a match into a draft, with either a TIMEX3 value or a recipe to compute one from an
anchor (the publication date or an earlier date in the text). ``times.py`` runs them.

Modules: ``absolute`` (dates with a year), ``deictic`` (from the publication date) and
``deictic_months`` (a month or day without a year),
``relative`` (by an amount or a reference: "two years ago", "that day"), ``clock``
("9 a.m. Tuesday", "13:00 GMT"), ``durations`` (with sets), ``eras`` ("493 BC", "the 5th century
BC"), ``holidays``, ``periods`` ("midday", "year-end", "-long");
``shifts`` holds the recipes they share and ``base`` the vocabulary and the registry.

Rules register themselves with ``@_rule`` when their module is imported, in the order of
the import below (which breaks ties between equally long matches at the same place);
overlapping matches are resolved leftmost-longest by ``times.find_times``.
"""

from timeline.stages.time_rules import (  # noqa: F401  (imported to register their rules)
    absolute,
    clock,
    deictic,
    deictic_months,
    durations,
    eras,
    holidays,
    periods,
    relative,
)
from timeline.stages.time_rules.base import (
    FUTURE_CUE,
    MOD_RE,
    MODS,
    OUTSIDE_SPAN,
    RULES,
    Draft,
    Rule,
)

__all__ = ["FUTURE_CUE", "MOD_RE", "MODS", "OUTSIDE_SPAN", "RULES", "Draft", "Rule"]
