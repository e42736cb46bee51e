"""The characters XML 1.0 can carry. Text from articles may hold others (form feeds, other
C0 controls, U+FFFE, U+FFFF, lone surrogates from JSON escapes); a file holding one, even as
a character reference, is not well-formed and no XML reader opens it. Every XML writer
(GraphML, GEXF, SVG) passes its text through :func:`xml_safe`.

>>> xml_safe("a\\x0cb\\ufffe\\uffffc\\ud800\\td")
'abc\\td'
"""

from __future__ import annotations

import re

__all__ = ["xml_safe"]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (fast when there are none)."""
    if text.isascii() and text.isprintable():
        return text
    return _NOT_XML.sub("", text)
