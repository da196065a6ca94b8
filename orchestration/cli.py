"""The `rasd` command (CONTRACT §1): run, ui, sql."""

from __future__ import annotations

import argparse
import fcntl
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from orchestration import orphans, settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rasd", description="Arabic political news -> actors and events in DuckDB")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="ingest the inbox, extract, build the dbt models, publish")
    run.add_argument("--inbox", help="folder of article files (default: $RASD_INBOX or the bundled sample)")
    run.add_argument("--warehouse", help="DuckDB file to write (default: $RASD_WAREHOUSE or warehouse/rasd.duckdb)")
    run.add_argument(
        "--partition", type=_days, help="only this day (YYYY-MM-DD), or a range of days (YYYY-MM-DD..YYYY-MM-DD), one run per day"
    )
    run.add_argument("--parallel", type=int, default=1, help="days of a range run at the same time (default 1)")

    ui = commands.add_parser("ui", help="the Dagster UI for this project on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    ui.add_argument("--warehouse", help="DuckDB file (default: $RASD_WAREHOUSE or warehouse/rasd.duckdb)")
    ui.add_argument("--inbox", help="folder of article files (default: $RASD_INBOX or the bundled sample)")

    sql = commands.add_parser("sql", help="query the published read-only copy of the warehouse")
    sql.add_argument("query")
    sql.add_argument("--warehouse", help="the warehouse whose published copy to query")
    sql.add_argument("--format", choices=["table", "csv", "json"], default="table")

    args = parser.parse_args(argv)
    if getattr(args, "inbox", None):
        os.environ["RASD_INBOX"] = args.inbox
    if getattr(args, "warehouse", None):
        os.environ["RASD_WAREHOUSE"] = args.warehouse
    settings.export_environment()
    settings.prepare_dagster_home()
    return {"run": _run, "ui": _ui, "sql": _sql}[args.command](args)


def _days(value: str) -> list[str]:
    """YYYY-MM-DD, or YYYY-MM-DD..YYYY-MM-DD: the days to run, in order."""
    from orchestration.runs import days_between

    first, _, last = value.partition("..")
    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last or first)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{value!r} is not YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD: {err}") from None
    if end < start:
        raise argparse.ArgumentTypeError(f"{value!r}: the range ends before it begins")
    return days_between(start, end)


def _run(args: argparse.Namespace) -> int:
    inbox, warehouse_path = settings.inbox(), settings.warehouse()
    if not inbox.is_dir():
        print(f"rasd: the inbox {inbox} is not a folder", file=sys.stderr)
        return 2
    from orchestration.partitions import is_partition

    outside = [day for day in args.partition or [] if not is_partition(day)]
    if outside:
        print(f"rasd: {outside[0]} is not a partition (the first is RASD_FIRST_DAY, the last today)", file=sys.stderr)
        return 2
    try:
        with _single_writer(warehouse_path):
            from orchestration import runs
            from orchestration.dbt_project import prepare_manifest

            prepare_manifest()
            runs.reap_dead_runs_of_this_instance()  # (this also creates the storage before runs race to)
            if args.partition:
                return runs.execute_days(args.partition, args.parallel)
            return runs.execute(None)
    except _Busy as busy:
        print(f"rasd: {busy}", file=sys.stderr)
        return 3


class _Busy(RuntimeError):
    pass


@contextmanager
def _single_writer(warehouse_path: Path) -> Iterator[None]:
    """One `rasd run` per warehouse at a time: a second one fails at once instead of waiting."""
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = warehouse_path.with_name(warehouse_path.name + ".lock")
    with open(lock_path, "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().partition(" token ")[0].strip() or "another process"
            raise _Busy(f"another rasd run ({holder}) is writing {warehouse_path}; try again when it ends") from None
        lock.seek(0)
        _stop_leftovers_of(lock.read())
        token = orphans.mark_this_run()
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()} token {token}")
        lock.flush()
        try:
            yield
        finally:
            lock.seek(0)
            lock.truncate()


def _stop_leftovers_of(holder: str) -> None:
    """The last holder of the lock died (we hold it now): stop the processes it left running."""
    _, _, token = holder.partition(" token ")
    if token.strip() and (pids := orphans.carrying(token.strip())):
        print(f"rasd: the last run died and left processes {pids} running; stopping them", file=sys.stderr)
        orphans.stop(pids)


def _ui(args: argparse.Namespace) -> int:
    from orchestration.dbt_project import prepare_manifest

    prepare_manifest()
    bin_dir = Path(sys.executable).parent
    # the code server Dagster starts finds dbt (and itself) beside this interpreter
    os.environ["PATH"] = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    command = [str(bin_dir / "dagster"), "dev", "-m", "orchestration.definitions", "-h", "127.0.0.1", "-p", str(args.port)]
    os.chdir(settings.PROJECT_ROOT)
    # `dagster dev` stops on SIGTERM by treating it as SIGINT; a job started in the background
    # by a non-interactive shell inherits SIGINT ignored (kept across exec), and then ignores
    # SIGTERM too
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.execv(command[0], command)


def _sql(args: argparse.Namespace) -> int:
    import duckdb

    published = settings.published_copy(settings.warehouse())
    if not published.exists():
        print(f"rasd: no published warehouse at {published}; run `rasd run` first", file=sys.stderr)
        return 2
    con = duckdb.connect(str(published), read_only=True)
    try:
        relation = con.sql(args.query)
        if relation is None:
            return 0
        frame = relation.pl()
    except duckdb.Error as err:
        print(f"rasd: {err}", file=sys.stderr)
        return 1
    finally:
        con.close()
    if args.format == "csv":
        sys.stdout.write(frame.write_csv())
    elif args.format == "json":
        sys.stdout.write(frame.write_json() + "\n")
    else:
        import polars as pl

        with pl.Config(tbl_rows=-1, tbl_cols=-1, fmt_str_lengths=80, tbl_width_chars=200):
            print(frame)
    return 0


if __name__ == "__main__":
    sys.exit(main())
