"""What every ``timeline`` command shares: one-line warnings and errors on stderr, exit
codes (1 for bad input, 2 for usage, 130 when interrupted; never a traceback), and the
``--published`` option."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from timeline.errors import TimelineError

__all__ = ["TimelineGroup", "check_published", "error_line", "published_option", "warning_line"]


def warning_line(message: str) -> None:
    click.echo(f"timeline: warning: {message}", err=True)


def error_line(message: str) -> None:
    click.echo(f"timeline: error: {message}", err=True)


class TimelineGroup(click.Group):
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
            error_line(f"{msg[:1].lower()}{msg[1:]} (see `{where} --help`)")
            code = 2
        except click.ClickException as e:
            error_line(e.format_message())
            code = e.exit_code
        except click.exceptions.Abort:
            error_line("interrupted")
            code = 130
        if standalone:
            sys.exit(code)
        return code

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except TimelineError as e:
            error_line(str(e))
            ctx.exit(1)
        except FileExistsError as e:
            error_line(str(e))
            ctx.exit(1)
        except KeyboardInterrupt:
            error_line("interrupted")
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
            error_line(
                f"internal error: {type(e).__name__}: {e} (set TIMELINE_DEBUG=1 for the "
                "traceback, and please report it)"
            )
            ctx.exit(1)


def check_published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from timeline.ingest import parse_date_string

    if value is not None and parse_date_string(value) is None:
        raise click.BadParameter(f"{value!r} is not a date (use a real day, YYYY-MM-DD)")
    return value


published_option = click.option(
    "--published",
    metavar="DATE",
    callback=check_published,
    help="Publication date of the article(s), YYYY-MM-DD; overrides their metadata.",
)
