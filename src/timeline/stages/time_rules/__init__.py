"""Recognition rules for time expressions: each a regular expression and a function that
turns a match into a draft, with either a TIMEX3 value or a recipe to compute one from an
anchor (the publication date or an earlier date in the text). ``times.py`` runs them.

Rules register themselves with ``@_rule`` when their module is imported, in this order
(which breaks ties between equally long matches at the same place); overlapping matches are
resolved leftmost-longest by ``times.find_times``.
"""

from timeline.stages.time_rules import absolute, deictic, durations, holidays, periods  # noqa: F401
from timeline.stages.time_rules.base import (
    _FUTURE_CUE,
    _MOD_RE,
    _MODS,
    _OUTSIDE_SPAN,
    _RULES,
    _Draft,
    _Rule,
)

__all__ = ["_FUTURE_CUE", "_MOD_RE", "_MODS", "_OUTSIDE_SPAN", "_RULES", "_Draft", "_Rule"]
