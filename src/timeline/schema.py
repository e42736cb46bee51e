"""Load the JSON Schemas in ``schemas/`` and check documents against them.

Two validators, one verdict: jsonschema lists every problem (``check``), fastjsonschema
answers yes or no about 20 times faster (``is_valid``); both use the same ``date`` format
function and the same check for unpaired surrogates, which JSON Schema cannot express, and
the schema's patterns are written to mean the same in both regular-expression dialects.

>>> check({"schema": "timeline/document/1"})[0][0]
'$'
>>> is_date("2022-02-28"), is_date("2022-02-30"), is_date("0000-01-01"), is_date("２０２２-01-01")
(True, False, False, False)
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from timeline.errors import OffsetError, SchemaError

__all__ = ["load_schema", "check", "is_valid", "validate", "check_offsets", "is_date"]

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def is_date(value: object) -> bool:
    """The ``date`` format: a real calendar day written ``YYYY-MM-DD`` (ASCII digits), from
    0001-01-01 to 9999-12-31. Non-strings pass, as JSON Schema formats require."""
    if not isinstance(value, str):
        return True
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _surrogates(instance: Any) -> list[tuple[str, str]]:
    """Strings holding an unpaired surrogate (from a JSON escape such as ``\\ud800``), with
    their JSON path: no UTF-8 file can store them. Iterative: nesting depth costs no stack."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, Any]] = [("$", instance)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if not value.isascii() and (bad := _SURROGATE.search(value)):
                found.append(
                    (
                        path,
                        f"holds an unpaired surrogate (\\u{ord(bad.group()):04x} at character "
                        f"{bad.start()}), which no UTF-8 file can store; fix the JSON escape",
                    )
                )
        elif isinstance(value, dict):
            for k, v in value.items():
                if isinstance(k, str) and _SURROGATE.search(k):
                    found.append((path, "a key holds an unpaired surrogate"))
                stack.append((f"{path}.{k}", v))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(value))
    return sorted(found)


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
    formats = FormatChecker(formats=())
    formats.checks("date")(is_date)
    return Draft202012Validator(schema, format_checker=formats)


def check(instance: Any, name: str = "document") -> list[tuple[str, str]]:
    """Every problem in ``instance`` as ``(json_path, message)``, in document order: the
    schema's, then unpaired surrogates."""
    errors = sorted(_validator(name).iter_errors(instance), key=lambda e: list(map(str, e.path)))
    return [(e.json_path, e.message) for e in errors] + _surrogates(instance)


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
    compiled: Callable[[Any], Any] = fastjsonschema.compile(schema, formats={"date": is_date})
    return compiled


def is_valid(instance: Any, name: str = "document") -> bool:
    """True when ``instance`` matches the schema and holds no unpaired surrogate (fast)."""
    import fastjsonschema

    try:
        _fast(name)(instance)
    except fastjsonschema.JsonSchemaException:
        return False
    try:  # the C encoder is the quickest walk over every string
        json.dumps(instance, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
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
