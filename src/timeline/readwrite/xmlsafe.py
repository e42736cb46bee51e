"""XML in and out, safely.

Out: the characters XML 1.0 can carry. Text from articles may hold others (form feeds, other
C0 controls, U+FFFE, U+FFFF, lone surrogates from JSON escapes); a file holding one, even as
a character reference, is not well-formed and no XML reader opens it. Every XML writer
(GraphML, GEXF, SVG) passes its text through :func:`xml_safe`.

In: :func:`parse_xml` refuses a document type declaration, so no entity can be declared and
none expanded (a 2 KB file of nested entities can otherwise grow to gigabytes), and turns
every parse failure into a one-line InputError.

>>> xml_safe("a\\x0cb\\ufffe\\uffffc\\ud800\\td")
'abc\\td'
>>> root_tag("<?xml version='1.0'?><!-- a comment --><TimeML><TEXT/></TimeML>")
'TimeML'
>>> parse_xml("<TimeML><!-- <!DOCTYPE x> --><TEXT><![CDATA[<!ENTITY]]></TEXT></TimeML>", "t").tag
'TimeML'
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from timeline.errors import InputError

__all__ = ["xml_safe", "parse_xml", "root_tag"]

# A document type declaration (and so any entity declaration, which lives inside one) can
# stand only in the prolog, after the XML declaration, comments and processing
# instructions and before the root element; "<!DOCTYPE" elsewhere (in a comment or a
# CDATA section) is text. One character of white space per step keeps the match linear.
_PROLOG = re.compile(r"(?:\s|<\?.*?\?>|<!--.*?-->)*", re.S)
_DECLARATION = re.compile(r"<!DOCTYPE|<!ENTITY")
_NAME = re.compile(r"<([A-Za-z_][\w.:-]*)")

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (fast when there are none)."""
    if text.isascii() and text.isprintable():
        return text
    return _NOT_XML.sub("", text)


def _prolog_end(data: str) -> int:
    m = _PROLOG.match(data)  # always matches (it may match nothing)
    return m.end() if m else 0


def root_tag(data: str) -> str | None:
    """The name of the root element, read past the XML declaration and any comments."""
    m = _NAME.match(data, _prolog_end(data))
    return m.group(1) if m else None


def parse_xml(data: str, where: str, what: str = "XML") -> ET.Element:
    """The root element of ``data``; InputError naming ``where`` when it declares a DTD or
    entities, or is not well-formed."""
    if _DECLARATION.match(data, _prolog_end(data)):
        raise InputError(
            f"{where}: declares a document type or entities (<!DOCTYPE>, <!ENTITY>), which "
            "timeline does not read; remove the declaration"
        )
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise InputError(f"{where}: not well-formed {what}: {e}") from None
