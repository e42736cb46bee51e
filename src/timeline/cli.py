"""The ``timeline`` command: one short function per subcommand, each calling the Python API.

stdout is data, stderr is for people. Exit codes: 0 all inputs succeeded, 1 some input
failed (one line per failure on stderr, naming the file), 2 usage error.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from timeline import __version__
from timeline.cli_base import TimelineGroup, error_line, published_option, warning_line
from timeline.errors import InputError

if TYPE_CHECKING:
    from timeline.model import Document


@click.group(cls=TimelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
def cli() -> None:
    """Dated events, entities and relations from news text, as a graph and an HTML page."""


def _documents(inputs: tuple[str, ...], published: str | None) -> Iterator[Document]:
    """Every document in ``inputs`` (files, folders, globs, JSON Lines, ``-``), the same
    inputs ``timeline build`` takes; the first bad one stops the command with its error."""
    from timeline.inputs import expand_inputs, load_unit

    passed_over: list[str] = []
    for unit in expand_inputs(inputs, passed_over=passed_over):
        if isinstance(unit, InputError):
            raise unit
        yield load_unit(unit, published)
    _note_passed_over(passed_over)


def _note_passed_over(paths: list[str]) -> None:
    """Say which files in the input folders were not read (so none is dropped silently)."""
    if paths:
        more = f" and {len(paths) - 1} more" if len(paths) > 1 else ""
        warning_line(
            f"{paths[0]}{more}: not read (a folder's inputs are its .txt, .md, .html, .json, "
            ".jsonl, .tml and .xml files); name a file to read it"
            + (
                " (PDF and Word files: convert them to text first, e.g. `pdftotext`)"
                if any(p.lower().endswith((".pdf", ".doc", ".docx", ".odt", ".rtf")) for p in paths)
                else ""
            )
        )


@cli.command()
@click.argument("input", metavar="INPUT")
@click.option(
    "-o", "--output", metavar="FILE", help="Write the document JSON here instead of stdout."
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@published_option
def parse(input: str, output: str | None, force: bool, published: str | None) -> None:
    """Parse one article (a file, or - for stdin) into document JSON.

    Example: timeline parse examples/us-mission-venezuela.md
    """
    from timeline.inputs import parse_file
    from timeline.pipeline import NO_PUBLICATION_DATE, lacks_publication_date
    from timeline.readwrite.document import generate_document, write_document

    doc = parse_file(input, published)
    if lacks_publication_date(doc):
        warning_line(f"{input}: {NO_PUBLICATION_DATE}")
    if output and output != "-":
        write_document(doc, output, force=force)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(generate_document(doc), nl=False)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    default="graphs",
    show_default=True,
    metavar="DIR",
    help="Output folder (timeline owns it: files it wrote before are replaced).",
)
@click.option(
    "-w",
    "--workers",
    type=click.IntRange(1, 256),
    metavar="N",
    help="Worker processes (default: the number of cores).",
)
@click.option("--force", is_flag=True, help="Redo every input, even unchanged ones.")
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="Run the per-input work on a Dask distributed cluster (OUT must be shared).",
)
@click.option(
    "--max-page-docs",
    default=200,
    type=click.IntRange(0),
    show_default=True,
    metavar="N",
    help="Documents shown in index.html (all are in the graph files).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
@published_option
def build(
    inputs: tuple[str, ...],
    output: str,
    workers: int | None,
    force: bool,
    scheduler: str | None,
    max_page_docs: int,
    quiet: bool,
    published: str | None,
) -> None:
    """Parse files, folders, globs, JSON Lines corpora or - (stdin) into one output folder.

    Writes docs/<id>.json per input, the merged graph (graph.json node-link, graph.graphml,
    graph.gexf), index.html, manifest.json and errors.jsonl (one line per failed input).
    A rerun skips inputs whose content and settings are unchanged (--force redoes all).

    Example: timeline build examples/ -o graphs/
    """
    from timeline.corpus import build_corpus
    from timeline.pipeline import NO_PUBLICATION_DATE

    tty = sys.stderr.isatty() and not quiet
    t0 = time.perf_counter()

    def show(done: int, total: int, failed: int) -> None:
        if tty and total:
            rate = done / max(time.perf_counter() - t0, 1e-6)
            eta = (total - done) / rate if rate else 0
            click.echo(
                f"\r{done}/{total} inputs, {failed} failed, {rate:.1f}/s, ETA {eta:.0f}s ",
                err=True,
                nl=False,
            )

    def fail(err: dict[str, Any]) -> None:
        if tty:
            click.echo("", err=True)
        error_line(err["message"])

    try:
        res = build_corpus(
            inputs,
            output,
            workers=workers,
            force=force,
            published=published,
            max_page_docs=max_page_docs,
            on_error=fail,
            progress=show,
            notify=warning_line,
            scheduler=scheduler,
        )
    except KeyboardInterrupt:  # during the merge: the documents are kept
        error_line("interrupted: finished documents are kept; run again to complete")
        sys.exit(130)
    if tty:
        click.echo("", err=True)
    out = Path(output)
    if not quiet:
        n_docs = len(res["doc_ids"])
        click.echo(
            f"{n_docs} document(s) ({res['skipped']} unchanged), {res['failed']} failed "
            f"-> {out / 'index.html' if res['page'] else out}",
            err=True,
        )
    _note_passed_over(res["not_inputs"])
    if res["undated"]:
        first, n = res["undated"][0], len(res["undated"])
        warning_line(f"{first}{f' and {n - 1} more' if n > 1 else ''}: {NO_PUBLICATION_DATE}")
    if res["interrupted"]:
        error_line("interrupted: finished documents are kept; run again to complete")
        sys.exit(130)
    if res["errors"]:
        sys.exit(1)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, metavar="FILE", help="The HTML file to write.")
@click.option("--title", help="Page title (default: the document's title).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option(
    "--embed",
    is_flag=True,
    help="Write the timeline alone (small, for an article) and, beside it, "
    "OUTPUT-stem.embed.html: the iframe snippet to paste into the article.",
)
@published_option
def render(
    inputs: tuple[str, ...],
    output: str,
    title: str | None,
    force: bool,
    embed: bool,
    published: str | None,
) -> None:
    """Render document JSON files (or articles, parsed on the fly) as one HTML page.

    Example: timeline render graphs/docs/*.json -o page.html
    """
    from timeline.readwrite.atomic import check_target, write_atomic
    from timeline.render.html import embed_snippet_path, render_embed_snippet, write_page

    if not output.strip():
        raise click.BadParameter("an empty name", param_hint="'-o' / '--output'")
    out = Path(output)
    check_target(out, force=force)  # refuse before parsing or writing: a folder, a file
    snippet = embed_snippet_path(out)
    if embed:
        check_target(snippet, force=force)
    docs = list(_documents(inputs, published))
    write_page(docs, output, title=title, force=force, embed=embed)
    click.echo(f"wrote {output}", err=True)
    if embed:
        name = title or (docs[0].source.title if len(docs) == 1 else None) or "Timeline"
        write_atomic(snippet, render_embed_snippet(docs, out.name, title=name), force=force)
        click.echo(
            f"wrote {snippet} (paste it into the article; keep {out.name} beside it)", err=True
        )


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-f",
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["graphml", "gexf", "json", "csv", "timelinejs", "svg"]),
    help="graphml (yEd, Cytoscape), gexf (Gephi, with time spells), json (node-link), "
    "csv (a folder of events/entities/relations.csv), timelinejs, svg.",
)
@click.option(
    "-o", "--output", required=True, metavar="PATH", help="File to write (a folder for csv)."
)
@click.option("--force", is_flag=True, help="Overwrite the file(s) if they exist.")
@click.option("--title", help="Title of a TimelineJS export (default: the document's title).")
@published_option
def export(
    inputs: tuple[str, ...],
    fmt: str,
    output: str,
    force: bool,
    title: str | None,
    published: str | None,
) -> None:
    """Export documents (or articles, parsed on the fly) for Gephi, pandas, TimelineJS and more.

    Example: timeline export examples/ -f gexf -o graph.gexf
    """
    from timeline.readwrite.exports import export as do_export
    from timeline.readwrite.exports import targets

    targets(fmt, output, force=force)  # refuse before parsing anything
    docs = list(_documents(inputs, published))
    for path in do_export(docs, fmt, output, force=force, title=title):
        click.echo(f"wrote {path}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--json", "as_json", is_flag=True, help="Print problems as JSON lines.")
def validate(files: tuple[str, ...], as_json: bool) -> None:
    """Check document JSON files against the schema and their span texts.

    Every problem is printed with its JSON path. Example: timeline validate graphs/docs/*.json
    """
    from timeline.schema import check, check_offsets

    bad = 0
    for f in files:
        try:
            obj = json.loads(Path(f).read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems = [("$", "no such file")]
        except UnicodeDecodeError as e:
            problems = [("$", f"not valid UTF-8 (byte offset {e.start})")]
        except json.JSONDecodeError as e:
            problems = [("$", f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}")]
        except RecursionError:
            problems = [("$", "JSON nested too deeply to read (a document is a few levels deep)")]
        except OSError as e:
            problems = [("$", f"cannot read: {e.strerror or e}")]
        else:
            problems = check(obj)
            if not problems and isinstance(obj, dict):
                problems = check_offsets(obj)
        bad += bool(problems)
        for path, msg in problems:
            if as_json:
                click.echo(json.dumps({"file": f, "path": path, "message": msg}))
            else:
                click.echo(f"{f}: {path}: {msg}")
        if not problems and not as_json:
            click.echo(f"{f}: ok")
    if bad:
        sys.exit(1)


@cli.command("entity-timeline")
@click.option("--entity", required=True, help="Entity name, alias or id (e.g. Putin).")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of text.")
@published_option
def entity_timeline(
    entity: str, inputs: tuple[str, ...], as_json: bool, published: str | None
) -> None:
    """The events an entity takes part in, across all inputs, in date order.

    Example: timeline entity-timeline --entity Putin examples/
    """
    from timeline.graph.build import build_graph
    from timeline.graph.query import entity_events, find_entity

    g = build_graph(_documents(inputs, published))
    eid = find_entity(g, entity)
    if eid is None:
        raise InputError(f"no entity named {entity!r} in the inputs")
    for ev in entity_events(g, eid):
        if as_json:
            click.echo(
                json.dumps(
                    {
                        k: ev.get(k)
                        for k in (
                            "id",
                            "value",
                            "date_start",
                            "date_end",
                            "basis",
                            "label",
                            "doc_id",
                        )
                    },
                    ensure_ascii=False,
                )
            )
        else:
            click.echo(f"{ev.get('value') or 'undated':<14} {ev['label']}  [{ev['doc_id']}]")


# the eval commands live in their own module (they are long and only for evaluation)
from timeline.cli_eval import eval_group  # noqa: E402

cli.add_command(eval_group)


def main() -> None:
    """Entry point of the ``timeline`` script."""
    cli(prog_name="timeline")


if __name__ == "__main__":
    main()
