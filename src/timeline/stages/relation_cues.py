"""The relation vocabulary: each type with its polarity (``RELATION_TYPES``, the one list
the schema, the exports and the pages take it from) and the cue patterns that express a
type between two named entities (``CUES``). What each type means is in
:mod:`timeline.stages.relations`."""

from __future__ import annotations

__all__ = ["CUES", "RELATION_TYPES"]

RELATION_TYPES: dict[str, str] = {
    "ally_of": "cooperation",
    "meets": "cooperation",
    "supports": "cooperation",
    "negotiates": "cooperation",
    "trades_with": "cooperation",
    "cooperates_with": "cooperation",
    "criticises": "conflict",
    "sanctions": "conflict",
    "cuts_ties": "conflict",
    "threatens": "conflict",
    "attacks": "conflict",
    "opposes": "conflict",
    "leads": "neutral",
    "member_of": "neutral",
    "located_in": "neutral",
}

CUES: list[tuple[str, str]] = [
    (
        "cuts_ties",
        r"\b(?:cut|cuts|cutting|sever(?:ed|s)?|broke off|breaks off|broken off)\s+(?:\w+\s+){0,2}(?:ties|relations)\s+with\b",
    ),
    (
        "sanctions",
        r"\b(?:sanction(?:s|ed|ing)?|(?:imposed?|appl(?:y|ied)|slapped)\s+(?:\w+\s+){0,2}(?:sanctions|embargoe?s?)\s+on|embargoe?s?\s+on)\b",
    ),
    (
        "ally_of",
        r"\b(?:(?:one\s+of\s+)?(?:the\s+)?(?:few\s+|closest\s+|main\s+|key\s+|staunch\s+)?all(?:y|ies)\s+of|allied\s+with|partners?\s+of)\b",
    ),
    (
        "meets",
        r"\b(?:met|meets|meet|meeting)\s+(?:with\b)?|\b(?:spoke|speaks|talked|talks)\s+(?:\w+\s+){0,4}?(?:with|to)\b|\bdiscuss(?:ed|es)?\b.{0,60}?\bwith\b|\bvisit(?:ed|s)?\b|\bhosted\b",
    ),
    (
        "supports",
        r"\b(?:(?:expressed|voiced|declared|pledged)\s+(?:\w+\s+)?support\s+for|support(?:s|ed)?|back(?:s|ed)|endorse[sd]?|praised)\b",
    ),
    ("negotiates", r"\b(?:negotiat(?:e|es|ed|ing|ions)\s+with|(?:talks|negotiations)\s+with)\b"),
    (
        "trades_with",
        r"\b(?:trade[sd]?\s+with|export(?:s|ed)?\s+to|import(?:s|ed)?\s+from|(?:oil\s+)?trade\s+with)\b",
    ),
    (
        "cooperates_with",
        r"\b(?:(?:signed|reached|agreed\s+to|agreed\s+on|struck)\s+(?:[\w-]+\s+){0,4}(?:agreement|deal|accord|pact)\s+with|moving\s+closer\s+to|cooperat(?:e|es|ed|ion)\s+with)\b",
    ),
    (
        "criticises",
        r"\b(?:condemn(?:s|ed)?|criticis(?:e|es|ed)|criticiz(?:e|es|ed)|denounc(?:e|es|ed)|accus(?:e|es|ed)|blame[sd]?)\b",
    ),
    ("threatens", r"\b(?:threat(?:en(?:s|ed)?)?(?:\s+to)?)\b"),
    (
        "attacks",
        r"\b(?:attack(?:s|ed)?|invad(?:e|es|ed)|invasion\s+of|bomb(?:s|ed)|struck|shelled)\b",
    ),
    ("opposes", r"\b(?:oppos(?:e|es|ed)|reject(?:s|ed)?|fears?)\b"),
    ("member_of", r"\b(?:(?:is|was|became|as)\s+a\s+member\s+of|joined)\b"),
]
