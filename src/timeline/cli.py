"""The ``timeline`` command: one short function per subcommand, each calling the Python API.

stdout is data, stderr is for people. Exit codes: 0 all inputs succeeded, 1 some input
failed (one line per failure on stderr, naming the file), 2 usage error.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from timeline import __version__
from timeline.errors import InputError, TimelineError

if TYPE_CHECKING:
    from timeline.model import Document


def _fail(message: str) -> None:
    click.echo(f"timeline: error: {message}", err=True)


class _Group(click.Group):
    """Turns our errors into one line on stderr and exit code 1, never a traceback; usage
    errors (unknown option, missing argument) into one line and exit code 2."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.pop("standalone_mode", True)
        try:
            # click types main() by its overloads; the arguments pass through unchanged
            rv = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
            code = rv if isinstance(rv, int) else 0
        except click.UsageError as e:
            where = e.ctx.command_path if e.ctx is not None else "timeline"
            msg = e.format_message().rstrip(".")
            _fail(f"{msg[:1].lower()}{msg[1:]} (see `{where} --help`)")
            code = 2
        except click.ClickException as e:
            _fail(e.format_message())
            code = e.exit_code
        except click.exceptions.Abort:
            _fail("interrupted")
            code = 130
        if standalone:
            sys.exit(code)
        return code

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except TimelineError as e:
            _fail(str(e))
            ctx.exit(1)
        except FileExistsError as e:
            _fail(str(e))
            ctx.exit(1)
        except KeyboardInterrupt:
            _fail("interrupted")
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except BrokenPipeError:  # `timeline ... | head`: the reader has what it wanted
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # nothing left to flush at exit
            ctx.exit(0)
        except Exception as e:  # a bug: one line for the user, the traceback on request
            if os.environ.get("TIMELINE_DEBUG"):
                raise
            _fail(
                f"internal error: {type(e).__name__}: {e} (set TIMELINE_DEBUG=1 for the "
                "traceback, and please report it)"
            )
            ctx.exit(1)


published_option = click.option(
    "--published",
    metavar="DATE",
    help="Publication date of the article(s), YYYY-MM-DD; overrides their metadata.",
)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
def cli() -> None:
    """Dated events, entities and relations from news text, as a graph and an HTML page."""


def _load(path: str, published: str | None):  # type: ignore[no-untyped-def]
    """One Document from an article file or stdin (parsed), or a document JSON file (read
    and validated): what ``timeline parse`` takes."""
    from timeline.corpus import Unit, load_unit

    if path == "-":
        return load_unit(Unit(key="-", path="-", data=sys.stdin.buffer.read()), published)
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: is a directory (give the files, or use `timeline build`)")
    if p.suffix.lower() in (".jsonl", ".ndjson"):
        raise InputError(f"{path}: a JSON Lines corpus holds many articles; use `timeline build`")
    if not p.exists():
        raise InputError(f"{path}: no such file")
    return load_unit(Unit(key=path, path=path), published)


def _documents(inputs: tuple[str, ...], published: str | None) -> Iterator[Document]:
    """Every document in ``inputs`` (files, folders, globs, JSON Lines, ``-``), the same
    inputs ``timeline build`` takes; the first bad one stops the command with its error."""
    from timeline.corpus import expand_inputs, load_unit

    for unit in expand_inputs(inputs):
        if isinstance(unit, InputError):
            raise unit
        yield load_unit(unit, published)


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
    from timeline.readwrite.document import generate_document, write_document

    doc = _load(input, published)
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
    from timeline.graph.stream import write_corpus_graph
    from timeline.readwrite.atomic import write_atomic
    from timeline.readwrite.document import read_document

    out = Path(output)
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

    res = build_corpus(
        inputs,
        out,
        workers=workers,
        force=force,
        published=published,
        on_error=lambda e: _fail(e["message"]),
        progress=show,
        scheduler=scheduler,
    )
    if tty:
        click.echo("", err=True)
    t_merge = time.perf_counter()
    ids, fresh = res["doc_ids"], set(res.pop("fresh_ids"))
    n_docs = len(ids)
    shown = ids[:max_page_docs]
    title = (
        None
        if n_docs == 1
        else f"timeline: {n_docs} documents"
        + (f" (first {len(shown)} shown)" if len(shown) < n_docs else "")
    )
    # the page is drawn in another process while this one merges the graph (with workers)
    page = _start_page(out, shown, fresh, title, parallel=res["settings"]["workers"] > 1)
    summary = write_corpus_graph(
        out, (read_document(out / "docs" / f"{d}.json", trusted=d in fresh) for d in ids)
    )
    page()
    errors = sorted(res.pop("errors"), key=lambda e: e["path"])
    write_atomic(
        out / "errors.jsonl",
        "".join(
            json.dumps({k: e[k] for k in ("path", "stage", "error", "message")}, ensure_ascii=False)
            + "\n"
            for e in errors
        ),
    )
    res["graph"] = summary
    res["seconds_parse"] = res.pop("seconds")
    res["seconds_merge"] = round(time.perf_counter() - t_merge, 3)
    res["seconds"] = round(time.perf_counter() - t0, 3)
    write_atomic(out / "manifest.json", json.dumps(res, indent=2) + "\n")
    if not quiet:
        click.echo(
            f"{n_docs} document(s) ({res['skipped']} unchanged), {res['failed']} failed "
            f"-> {out / 'index.html' if shown else out}",
            err=True,
        )
    if res["interrupted"]:
        _fail("interrupted: finished documents are kept; run again to complete")
        sys.exit(130)
    if errors:
        sys.exit(1)


def _write_index(out: Path, ids: list[str], fresh: set[str], title: str | None) -> None:
    from timeline.readwrite.document import read_document
    from timeline.render.html import write_page

    docs = [read_document(out / "docs" / f"{d}.json", trusted=d in fresh) for d in ids]
    write_page(docs, out / "index.html", title=title)


def _start_page(
    out: Path, ids: list[str], fresh: set[str], title: str | None, *, parallel: bool
) -> Callable[[], None]:
    """Start writing ``index.html``; returns the function that waits for it to be done."""
    if not ids:
        return lambda: None
    if not parallel or "fork" not in multiprocessing.get_all_start_methods():
        return lambda: _write_index(out, ids, fresh, title)

    def child() -> None:
        try:
            _write_index(out, ids, fresh, title)
        except BaseException:  # noqa: BLE001 - quietly: the parent redoes it and reports
            os._exit(1)

    proc = multiprocessing.get_context("fork").Process(target=child, daemon=True)
    proc.start()

    def wait() -> None:
        proc.join()
        if proc.exitcode != 0:  # the child's error went to stderr; do it here to report it
            _write_index(out, ids, fresh, title)

    return wait


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
    from timeline.readwrite.atomic import write_atomic
    from timeline.render.html import render_embed_snippet, write_page

    docs = list(_documents(inputs, published))
    write_page(docs, output, title=title, force=force, embed=embed)
    click.echo(f"wrote {output}", err=True)
    if embed:
        out = Path(output)
        snippet = out.with_name(out.stem + ".embed.html")
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
@published_option
def export(inputs: tuple[str, ...], fmt: str, output: str, published: str | None) -> None:
    """Export documents (or articles, parsed on the fly) for Gephi, pandas, TimelineJS and more.

    Example: timeline export examples/ -f gexf -o graph.gexf
    """
    from timeline.readwrite.exports import export as do_export

    docs = list(_documents(inputs, published))
    for path in do_export(docs, fmt, output):
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


@cli.group("eval")
def eval_group() -> None:
    """Score the parser on an annotated corpus given by path (the corpus is never copied)."""


def _require_paths(paths: tuple[str, ...]) -> None:
    for p in paths:
        if not Path(p).exists():
            raise InputError(f"{p}: no such file or directory")


def _echo_timex_errors(errors: list[dict[str, Any]]) -> None:
    for e in errors:
        click.echo(
            f"{e['kind']:<9} {e['doc']}: system={e.get('system')!r} ({e.get('sys_type')} "
            f"{e.get('sys_value')})  gold={e.get('gold')!r} ({e.get('gold_type')} {e.get('gold_value')})"
        )


def _copies_note(n: int) -> str:
    return "" if not n else f", {n} identical {'copy' if n == 1 else 'copies'} skipped"


def _echo_prf(res: dict[str, Any], names: tuple[str, ...], width: int) -> None:
    """A table of precision, recall and F1 rows, as the eval commands print them."""
    click.echo(f"{'':<{width}}{'P':>7}{'R':>7}{'F1':>7}")
    for name in names:
        s = res[name]
        click.echo(f"{name:<{width}}{s['p']:>7.2f}{s['r']:>7.2f}{s['f1']:>7.2f}")


@eval_group.command("timeml")
@click.argument("paths", nargs=-1, required=True, metavar="DIR_OR_FILE...")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option(
    "--errors",
    "n_errors",
    type=int,
    default=0,
    metavar="N",
    help="Also print N mismatches (span, value, type, missed, spurious).",
)
def eval_timeml_cmd(paths: tuple[str, ...], as_json: bool, n_errors: int) -> None:
    """TempEval-3 Task A scores of the time stage on TimeML (.tml) files.

    The gold creation time (functionInDocument="CREATION_TIME") is the publication date.
    Example: timeline eval timeml ../shared/data/timebank-aquaint
    """
    from timeline.evaluate import eval_timeml

    _require_paths(paths)
    res = eval_timeml(paths)
    if res["documents"] == 0:
        raise InputError(f"{', '.join(paths)}: no .tml files found")
    errors = res.pop("errors")
    if as_json:
        res["errors"] = errors[:n_errors]
        click.echo(json.dumps(res, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{res['documents']} documents, {res['gold']} gold TIMEX3, {res['system']} found, "
        f"{res['chars_per_second']:,} chars/s" + _copies_note(len(res["copies_skipped"]))
    )
    _echo_prf(res, ("strict", "relaxed", "type", "value"), 9)
    _echo_timex_errors(errors[:n_errors])


@eval_group.command("meantime")
@click.argument("paths", nargs=-1, required=True, metavar="DIR_OR_FILE...")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option(
    "--errors",
    "n_errors",
    type=int,
    default=0,
    metavar="N",
    help="Also print N missed or spurious mentions.",
)
def eval_meantime_cmd(paths: tuple[str, ...], as_json: bool, n_errors: int) -> None:
    """Entity mention and TIMEX3 scores on MEANTIME XML (first six sentences of each document).

    Gold mentions are the named ones (NAM, PRE.NAM) with their entity's type (PER, ORG, LOC,
    PRO, FIN). Example: timeline eval meantime ../shared/data/meantime-apple
    """
    from timeline.evaluate import eval_meantime

    _require_paths(paths)
    res = eval_meantime(paths)
    if res["documents"] == 0:
        raise InputError(f"{', '.join(paths)}: no .xml files found")
    errors = res.pop("errors")
    timex_errors = res.pop("timex_errors")
    if as_json:
        res["errors"] = errors[:n_errors]
        res["timex_errors"] = timex_errors[:n_errors]
        click.echo(json.dumps(res, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{res['documents']} documents, {res['gold_mentions']} gold named mentions, "
        f"{res['system_mentions']} found, {res['words_per_second']:,} words/s"
    )
    _echo_prf(res, ("strict_typed", "overlap_typed", "overlap_untyped"), 16)
    for typ, s in res["per_type"].items():
        click.echo(
            f"  {typ:<14}{s['p']:>7.2f}{s['r']:>7.2f}{s['f1']:>7.2f}  (gold {s['gold']}, found {s['system']})"
        )
    t = res["timex"]
    click.echo(
        f"timex ({t['gold']} gold): strict F1 {t['strict']['f1']:.2f}, relaxed "
        f"{t['relaxed']['f1']:.2f}, type {t['type']['f1']:.2f}, value {t['value']['f1']:.2f}"
    )
    for e in errors[:n_errors]:
        click.echo(f"{e['kind']:<9} {e['doc']}: {e['text']!r} {e['type']}")
    _echo_timex_errors(timex_errors[:n_errors])


@eval_group.command("timelines")
@click.option(
    "--docs",
    "docs_dir",
    required=True,
    metavar="DIR",
    help="Folder of CAT/MEANTIME XML documents (only their tokens are read).",
)
@click.option(
    "--entities",
    "entities_file",
    required=True,
    metavar="FILE",
    help="Target entity names, one a line.",
)
@click.option(
    "--out", "out_dir", required=True, metavar="DIR", help="Where to write the timelines."
)
@click.option("--gold", "gold_dir", metavar="DIR", help="Gold timelines to score against.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_timelines_cmd(
    docs_dir: str, entities_file: str, out_dir: str, gold_dir: str | None, as_json: bool
) -> None:
    """Write one SemEval-2015 Task 4 timeline per target entity (and score them with --gold).

    The publication date of each document is inferred from its text (its dateline).
    Example: timeline eval timelines --docs DIR --entities targets.txt --out out/ --gold GOLD/
    """
    from timeline.pipeline import parse
    from timeline.readwrite.meantime import read_meantime
    from timeline.timelines import _Tokens, build_timelines, score_timelines, write_timelines

    files = sorted(Path(docs_dir).glob("*.xml"))
    if not files:
        raise InputError(f"{docs_dir}: no .xml documents found")
    try:
        targets = [
            t.strip()
            for t in Path(entities_file).read_text(encoding="utf-8").splitlines()
            if t.strip()
        ]
    except OSError as e:
        raise InputError(f"{entities_file}: cannot read: {e.strerror or e}") from None
    parsed = []
    for f in files:
        cat = read_meantime(f)
        doc = parse(cat.text, infer_published=True, path=str(f))
        toks = _Tokens(cat.doc_id, [t[0] for t in cat.tokens], [(t[2], t[3]) for t in cat.tokens])
        parsed.append((doc, toks))
    written = write_timelines(build_timelines(parsed, targets), Path(out_dir))
    click.echo(f"wrote {len(written)} timeline(s) to {out_dir}", err=True)
    if gold_dir:
        res = score_timelines(Path(out_dir), Path(gold_dir))
        if as_json:
            click.echo(json.dumps(res, indent=2))
        else:
            ev = res["events"]
            click.echo(
                f"events P {ev['p']:.2f} R {ev['r']:.2f} F1 {ev['f1']:.2f}; date accuracy "
                f"{res['date_accuracy']:.2f}; order accuracy {res['order_accuracy']:.2f}"
            )


def main() -> None:
    """Entry point of the ``timeline`` script."""
    cli(prog_name="timeline")


if __name__ == "__main__":
    main()
