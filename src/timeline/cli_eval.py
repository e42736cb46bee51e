"""``timeline eval ...``: score the parser on annotated corpora given by path (TimeML,
MEANTIME, SemEval-2015 timelines). The corpora are read where they are, never copied."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from timeline.errors import InputError


@click.group("eval")
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


def _corpus_command(name: str, errors_help: str) -> Callable[[Callable[..., None]], Any]:
    """An ``eval`` subcommand taking corpus paths, ``--json`` and ``--errors N``."""

    def wrap(fn: Callable[..., None]) -> Any:
        fn = click.option(
            "--errors", "n_errors", type=int, default=0, metavar="N", help=errors_help
        )(fn)
        fn = click.option(
            "--json", "as_json", is_flag=True, help="Print the scores as one JSON object."
        )(fn)
        fn = click.argument("paths", nargs=-1, required=True, metavar="DIR_OR_FILE...")(fn)
        return eval_group.command(name)(fn)

    return wrap


@_corpus_command("timeml", "Also print N mismatches (span, value, type, missed, spurious).")
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


@_corpus_command("meantime", "Also print N missed or spurious mentions and TIMEX3 mismatches.")
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
    from timeline.timelines import Tokens, build_timelines, score_timelines, write_timelines

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
        toks = Tokens(cat.doc_id, [t[0] for t in cat.tokens], [(t[2], t[3]) for t in cat.tokens])
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


@eval_group.command("dated")
@click.argument("gold_file", metavar="GOLD.jsonl")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "n_errors", default=0, metavar="N", help="List N wrong events.")
def eval_dated_cmd(gold_file: str, as_json: bool, n_errors: int) -> None:
    """Score event dates against hand-dated articles (see timeline.eval_dates for the format).

    Example: timeline eval dated tests/fixtures/history/gold.jsonl --errors 20
    """
    from timeline.eval_dates import eval_dated

    res = eval_dated(gold_file, n_errors)
    if as_json:
        click.echo(json.dumps(res, indent=2))
        return
    b, u = res["before"], res["unknown"]
    click.echo(
        f"{res['articles']} articles ({res['published_right']} publication dates right); "
        f"{res['stated']} dated events: {res['found']} found, {res['right']} right "
        f"({res['right_pct']:.1f}%), {res['on_publication_day_wrongly']} wrongly on the "
        f"publication day; before-a-date {b['right']}/{b['gold']}; unknown {u['right']}/{u['gold']}"
    )
    for e in res["errors"]:
        click.echo(
            f"{e['file']}: {e['trigger']!r} gold {e['gold']} found {e['found']} "
            f"({e['basis']}: {e['note']})"
        )
