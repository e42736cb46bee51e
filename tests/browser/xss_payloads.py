"""Hostile strings for the XSS tests: script tags, event handlers, javascript: URLs, SVG and
MathML vectors, attribute / script / JSON / comment break-outs and template injections.

Every payload that could run sets ``window.__pwned``; the tests also replace alert/confirm/
prompt with traps. Built from parts so the corpus is large (well over 100) and systematic.
"""

from __future__ import annotations

ACT = "window.__pwned=1"
VECTORS = [
    f"<script>{ACT}</script>",
    f"<img src=x onerror={ACT}>",
    f'<img src=x onerror="{ACT}">',
    f"<svg onload={ACT}>",
    f"<svg><script>{ACT}</script></svg>",
    f"<svg><animate onbegin={ACT} attributeName=x dur=1s>",
    f"<math><mtext><img src=x onerror={ACT}></mtext></math>",
    f'<math href="javascript:{ACT}">click</math>',
    f'<iframe src="javascript:{ACT}"></iframe>',
    f'<iframe srcdoc="<script>parent.{ACT}</script>"></iframe>',
    f'<a href="javascript:{ACT}">link</a>',
    f"<body onload={ACT}>",
    f"<details open ontoggle={ACT}>",
    f"<video><source onerror={ACT}></video>",
    f"<audio src=x onerror={ACT}>",
    f"<input autofocus onfocus={ACT}>",
    f"<marquee onstart={ACT}>",
    f'<object data="javascript:{ACT}"></object>',
    f'<embed src="javascript:{ACT}">',
    f'<meta http-equiv="refresh" content="0;url=javascript:{ACT}">',
    "<link rel=stylesheet href=http://127.0.0.1:9/x.css>",
    "<style>@import 'http://127.0.0.1:9/x.css';</style>",
    '<base href="http://127.0.0.1:9/">',
    f'<form action="javascript:{ACT}"><button>go</button></form>',
    f'<div style="background:url(javascript:{ACT})">x</div>',
    f'<object data="data:text/html,<script>{ACT}</script>"></object>',
    f"<isindex action=javascript:{ACT} type=image>",
    f'<table background="javascript:{ACT}">',
    '<img src="http://127.0.0.1:9/beacon.gif">',
    f"<scr<script>ipt>{ACT}</scr</script>ipt>",
]
BREAKOUTS = [
    "",
    '">',
    "'>",
    "</script>",
    "</title>",
    "</textarea>",
    "-->",
    "]]>",
    "</style>",
    '"}]};',
    "</noscript>",
]
TEMPLATES = [
    "{{constructor.constructor('window.__pwned=1')()}}",
    "${window.__pwned=1}",
    "<%= window.__pwned=1 %>",
    "#{window.__pwned=1}",
    "{{7*7}}",
    f"javascript:{ACT}",
    f"JaVaScRiPt:{ACT}",
    f"&#106;avascript:{ACT}",
    f"data:text/html,<script>{ACT}</script>",
    f"vbscript:{ACT}",
    "\u2028\u2029</script><script>window.__pwned=1</script>",
    '"}]}</script><script>window.__pwned=1</script>',
]


def payloads() -> list[str]:
    out = list(VECTORS) + list(TEMPLATES)
    for b in BREAKOUTS[1:]:
        for v in VECTORS[:8]:
            out.append(b + v)
    return out


PAYLOADS = payloads()
