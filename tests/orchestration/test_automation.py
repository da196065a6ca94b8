"""The nightly schedule and the inbox sensor, evaluated with Dagster's test utilities."""

import json
from datetime import datetime, timezone

import dagster as dg


def test_the_nightly_schedule_processes_the_day_that_just_ended(dbt_manifest):
    from orchestration.definitions import defs

    schedule = defs.resolve_schedule_def("nightly")
    context = dg.build_schedule_context(
        scheduled_execution_time=datetime(2020, 3, 5, 2, 30, tzinfo=timezone.utc), repository_def=defs.get_repository_def()
    )
    [request] = list(schedule.evaluate_tick(context).run_requests)
    assert request.partition_key == "2020-03-04"
    assert schedule.default_status == dg.DefaultScheduleStatus.STOPPED  # on only when RASD_SCHEDULE=on


def test_the_sensor_runs_each_new_dated_folder_once(dbt_manifest, tmp_path, monkeypatch):
    from orchestration.definitions import defs

    monkeypatch.setenv("RASD_INBOX", str(tmp_path))
    (tmp_path / "2020-03-04").mkdir()
    (tmp_path / "not-a-day").mkdir()
    (tmp_path / "1999-12-31").mkdir()  # before the first partition: logged, not run
    sensor = defs.resolve_sensor_def("inbox_arrivals")
    first = sensor.evaluate_tick(dg.build_sensor_context(repository_def=defs.get_repository_def()))
    assert [r.partition_key for r in first.run_requests] == ["2020-03-04"]
    (tmp_path / "2020-03-05").mkdir()
    second = sensor.evaluate_tick(dg.build_sensor_context(cursor=first.cursor, repository_def=defs.get_repository_def()))
    assert [r.partition_key for r in second.run_requests] == ["2020-03-05"]
    third = sensor.evaluate_tick(dg.build_sensor_context(cursor=second.cursor, repository_def=defs.get_repository_def()))
    assert not third.run_requests
    assert json.loads(second.cursor) == ["1999-12-31", "2020-03-04", "2020-03-05"]
