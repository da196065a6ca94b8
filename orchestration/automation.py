"""The nightly schedule and the inbox sensor, both on or off by configuration.

- RASD_SCHEDULE_CRON (default «30 2 * * *») and RASD_TIMEZONE (default UTC): when the nightly
  run starts; it processes the day that just ended (its partition). RASD_SCHEDULE=on starts the
  schedule running; otherwise it is defined but stopped (switch it on in the UI).
- RASD_SENSOR=on starts the inbox sensor: it runs a partition as soon as a new dated folder
  (YYYY-MM-DD) appears in the inbox, and remembers the folders it has seen in its cursor.
  A folder before RASD_FIRST_DAY is no partition: the sensor logs it and skips it.
"""

from __future__ import annotations

import json
import os
import re
from datetime import timedelta

import dagster as dg

from orchestration import settings
from orchestration.partitions import is_partition

RUN_JOB = "rasd_run"
DAY_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _enabled(variable: str) -> bool:
    return os.environ.get(variable, "off").lower() in ("on", "1", "true", "yes")


@dg.schedule(
    job_name=RUN_JOB,
    cron_schedule=os.environ.get("RASD_SCHEDULE_CRON", "30 2 * * *"),
    execution_timezone=os.environ.get("RASD_TIMEZONE", "UTC"),
    default_status=dg.DefaultScheduleStatus.RUNNING if _enabled("RASD_SCHEDULE") else dg.DefaultScheduleStatus.STOPPED,
)
def nightly(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """Process the day that has just ended."""
    day = (context.scheduled_execution_time - timedelta(days=1)).date().isoformat()
    return dg.RunRequest(run_key=f"nightly-{day}", partition_key=day)


@dg.sensor(
    job_name=RUN_JOB,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING if _enabled("RASD_SENSOR") else dg.DefaultSensorStatus.STOPPED,
)
def inbox_arrivals(context: dg.SensorEvaluationContext):
    """A run for every new dated folder of the inbox."""
    seen = set(json.loads(context.cursor)) if context.cursor else set()
    inbox = settings.inbox()
    folders = sorted(p.name for p in inbox.iterdir() if p.is_dir() and DAY_FOLDER.match(p.name)) if inbox.is_dir() else []
    new = [day for day in folders if day not in seen]
    for day in new:
        if is_partition(day):
            yield dg.RunRequest(run_key=f"inbox-{day}", partition_key=day)
        else:
            context.log.warning(f"inbox folder {day} is outside the partitions (RASD_FIRST_DAY, today): not run")
    if new:
        context.update_cursor(json.dumps(sorted(seen | set(new))))
