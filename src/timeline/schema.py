"""Load the JSON Schemas in ``schemas/`` and check documents against them.

>>> check({"schema": "timeline/document/1"})[0][0]
'$'
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from timeline.errors import OffsetError, SchemaError

__all__ = ["load_schema", "check", "is_valid", "validate", "check_offsets"]


@cache
def load_schema(name: str = "document") -> dict[str, Any]:
    """The parsed schema ``schemas/<name>.schema.json``."""
    path = resources.files("timeline") / "schemas" / f"{name}.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check(instance: Any, name: str = "document") -> list[tuple[str, str]]:
    """Every schema problem in ``instance`` as ``(json_path, message)``, in document order."""
    errors = sorted(_validator(name).iter_errors(instance), key=lambda e: list(map(str, e.path)))
    return [(e.json_path, e.message) for e in errors]


def check_offsets(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """Spans whose ``text`` differs from ``doc["text"][start:end]`` or that fall outside it."""
    text: str = doc["text"]
    problems: list[tuple[str, str]] = []

    def one(path: str, span: dict[str, Any] | None) -> None:
        if not span:
            return
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            problems.append((path, f"span {start}-{end} is outside the text (length {len(text)})"))
        elif "text" in span and text[start:end] != span["text"]:
            problems.append(
                (path, f"span {start}-{end} reads {text[start:end]!r}, not {span['text']!r}")
            )

    for i, s in enumerate(doc.get("sentences", [])):
        one(f"$.sentences[{i}]", s)
    for i, t in enumerate(doc.get("timexes", [])):
        one(f"$.timexes[{i}]", t)
    for i, e in enumerate(doc.get("entities", [])):
        for j, m in enumerate(e.get("mentions", [])):
            one(f"$.entities[{i}].mentions[{j}]", m)
    for i, ev in enumerate(doc.get("events", [])):
        one(f"$.events[{i}].trigger", ev.get("trigger"))
        one(f"$.events[{i}].sentence", ev.get("sentence"))
    for i, r in enumerate(doc.get("relations", [])):
        one(f"$.relations[{i}].evidence", r.get("evidence"))
    for i, link in enumerate(doc.get("event_links", [])):
        one(f"$.event_links[{i}].evidence", link.get("evidence"))
    return problems


@cache
def _fast(name: str) -> Callable[[Any], Any]:
    """A compiled validator (fastjsonschema, ~20x faster than jsonschema here) for the yes/no
    question; jsonschema still lists the problems when the answer is no. The schema only
    uses keywords that mean the same in draft-07, which fastjsonschema implements."""
    import fastjsonschema

    schema = copy.deepcopy(load_schema(name))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    compiled: Callable[[Any], Any] = fastjsonschema.compile(schema)
    return compiled


def is_valid(instance: Any, name: str = "document") -> bool:
    """True when ``instance`` matches the schema (fast path)."""
    import fastjsonschema

    try:
        _fast(name)(instance)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def validate(instance: Any, where: str = "document") -> None:
    """Raise SchemaError (every problem) or OffsetError unless ``instance`` is a valid document."""
    if not is_valid(instance):
        problems = check(instance) or [("$", "does not match the schema")]
        raise SchemaError(problems, where)
    bad = check_offsets(instance)
    if bad:
        raise OffsetError(
            f"{where}: {bad[0][0]}: {bad[0][1]}"
            + (f" (and {len(bad) - 1} more)" if len(bad) > 1 else "")
        )
