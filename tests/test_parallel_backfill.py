"""A backfill of several days run in parallel (multiprocess executor, one run per day) builds the
same warehouse as the same days run one after the other — and the DuckDB pool lets only one
step at a time open the file."""

import os
import shutil

import dagster as dg
import duckdb

from tests.conftest import ANT
from tests.test_end_to_end import _rasd

DAYS = ("2018-03-01", "2018-03-02", "2018-03-03")
DUCKDB_STEPS = {"raw_tables", "rasd_dbt_models", "analyst_report", "published_warehouse"}


def _tables(path) -> dict[str, list]:
    with duckdb.connect(str(path), read_only=True) as con:
        names = con.execute(
            "select table_schema || '.' || table_name from information_schema.tables "
            "where table_schema in ('raw', 'marts') and table_type = 'BASE TABLE' order by 1"
        ).fetchall()
        return {name: sorted(con.execute(f"select * from {name}").fetchall(), key=repr) for (name,) in names}


def _duckdb_step_intervals(home) -> list[tuple[float, float, str]]:
    instance = dg.DagsterInstance.from_config(str(home))
    intervals = []
    for run in instance.get_runs():
        started = {}
        for entry in instance.all_logs(run.run_id):
            event = entry.dagster_event
            if event is None or event.step_key not in DUCKDB_STEPS:
                continue
            if event.event_type_value == "STEP_START":
                started[event.step_key] = entry.timestamp
            elif event.event_type_value == "STEP_SUCCESS":
                intervals.append((started[event.step_key], entry.timestamp, run.run_id))
    return sorted(intervals)


def test_a_parallel_backfill_equals_a_sequential_one_and_duckdb_steps_take_turns(tmp_path, dbt_manifest):
    inbox = tmp_path / "inbox"
    for day in DAYS:
        (inbox / day).mkdir(parents=True)
        shutil.copy(ANT / f"{day}.zip", inbox / day / "ant.zip")
    shutil.copy(ANT / f"{DAYS[0]}.zip", inbox / DAYS[2] / "again.zip")  # the first day's stories seen again
    env = os.environ | {"RASD_INBOX": str(inbox)}
    days = f"{DAYS[0]}..{DAYS[-1]}"

    sequential = env | {"RASD_WAREHOUSE": str(tmp_path / "seq" / "rasd.duckdb"), "DAGSTER_HOME": str(tmp_path / "dh-seq")}
    result = _rasd("run", "--partition", days, env=sequential)
    assert result.returncode == 0, result.stderr[-3000:]

    parallel = env | {
        "RASD_WAREHOUSE": str(tmp_path / "par" / "rasd.duckdb"),
        "DAGSTER_HOME": str(tmp_path / "dh-par"),
        "RASD_EXECUTOR": "multiprocess",
    }
    result = _rasd("run", "--partition", days, "--parallel", "3", env=parallel)
    assert result.returncode == 0, result.stderr[-3000:]

    one_by_one, side_by_side = _tables(tmp_path / "seq" / "rasd.duckdb"), _tables(tmp_path / "par" / "rasd.duckdb")
    assert one_by_one["raw.articles"] and one_by_one["marts.fct_events"]
    assert one_by_one.keys() == side_by_side.keys()
    for table in one_by_one:
        assert side_by_side[table] == one_by_one[table], table

    intervals = _duckdb_step_intervals(tmp_path / "dh-par")
    assert len({run for *_, run in intervals}) == len(DAYS)
    for (_, end, run), (start, _, other) in zip(intervals, intervals[1:]):
        assert end <= start, f"DuckDB steps of runs {run} and {other} overlapped"
