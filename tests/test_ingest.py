"""Ingest: formats, metadata and the errors for unreadable input."""

from __future__ import annotations

import pytest

from timeline.errors import InputError
from timeline.ingest import decode_article

HTML = b"""<!doctype html><html><head><title>Site | Fallback</title>
<meta property="og:title" content="Talks resume in Geneva">
<meta property="article:published_time" content="2021-06-02T08:00:00Z">
<link rel="canonical" href="https://example.org/a">
<script>var x = "not article text";</script></head>
<body><nav>Home | World</nav><article><h1>Talks resume in Geneva</h1>
<p>Negotiators met on Tuesday &amp; agreed to continue.</p><p>A second round is planned.</p></article>
<footer>Copyright</footer></body></html>"""


@pytest.mark.parametrize("data", [HTML])
def test_ingest_html_main_text_and_metadata(data: bytes) -> None:
    art = decode_article(data, "page.html")
    assert art.title == "Talks resume in Geneva"
    assert art.published == "2021-06-02" and art.url == "https://example.org/a"
    assert "Negotiators met on Tuesday & agreed to continue." in art.text
    assert (
        "not article text" not in art.text
        and "Copyright" not in art.text
        and "Home" not in art.text
    )


@pytest.mark.parametrize(
    ("data", "published", "title"),
    [
        (b"---\ntitle: 'A: B'\npublished: 2022-03-05\n---\nBody.", "2022-03-05", "A: B"),
        (b"---\ndate: March 5, 2022\n---\nBody.", "2022-03-05", None),
        (b"\xef\xbb\xbfNo front matter.\r\nSecond line.", None, None),
    ],
)
def test_ingest_front_matter(data: bytes, published: str | None, title: str | None) -> None:
    art = decode_article(data, "a.md")
    assert (art.published, art.title) == (published, title)
    assert "\r" not in art.text and not art.text.startswith("\ufeff") and "---" not in art.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "x.txt: file is empty (nothing but white space); give a file that holds the text"),
        (b"\x00\x00", "x.txt: looks binary (NUL byte at offset 0), not text"),
        (
            b"ok \xff",
            "x.txt: not valid UTF-8 (byte 0xff at offset 3); convert it, e.g. `iconv -f latin1 -t utf-8`",
        ),
    ],
)
def test_ingest_errors_name_the_file(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        decode_article(data, "x.txt")
    assert str(err.value) == message


@pytest.mark.parametrize("limit", [10])
def test_ingest_size_limit(limit: int) -> None:
    with pytest.raises(InputError, match="over the limit of 10"):
        decode_article(b"x" * 11, "big.txt", max_chars=limit)


@pytest.mark.parametrize("data", [b"<html><body><script>x</script><nav>Menu</nav></body></html>"])
def test_ingest_html_without_text(data: bytes) -> None:
    with pytest.raises(InputError) as err:
        decode_article(data, "x.html")
    assert str(err.value) == "x.html: no article text found"


def test_ingest_a_text_files_first_line_is_its_headline(tmp_path) -> None:
    import timeline

    path = tmp_path / "story.txt"
    path.write_text(
        "Harbour Strike Ends After Nine Days\nBy A. Writer\n\nOSLO, May 3, 2021 - Dockers "
        "voted to return to work.",
        encoding="utf-8",
    )
    doc = timeline.parse_file(path)
    assert doc.source.title == "Harbour Strike Ends After Nine Days"
    assert doc.text.startswith("Harbour Strike")  # the text is kept whole: offsets hold
    path.write_text("Dockers voted to return to work on May 3, 2021.\nMore later.", "utf-8")
    assert timeline.parse_file(path).source.title is None  # a sentence is not a headline
