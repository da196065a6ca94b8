"""What `rasd run` prints while it works: one short line per stage and per progress message.

A Dagster logger (so it sees every step, in every process of the run): a stage starting,
its own messages (articles read, extracted, rows loaded), a failing check, a stage ending
with its time — each prefixed with the run's partition and the seconds since the run began.
"""

import logging
import sys
import time

import dagster as dg

SHOWN = {
    "STEP_START": "started",
    "STEP_SUCCESS": "done",
    "STEP_FAILURE": "FAILED",
    "STEP_SKIPPED": "skipped",
}


class _ProgressHandler(logging.Handler):
    def __init__(self, label: str, started: float):
        super().__init__(logging.DEBUG)  # Dagster logs its step events at DEBUG
        self.label = label
        self.started = started

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None)
        if not meta:
            return
        line = self._line(meta, record)
        if line:
            elapsed = time.time() - self.started
            print(f"rasd [{self.label} {elapsed:6.1f}s] {line}", file=sys.stderr, flush=True)

    @staticmethod
    def _line(meta, record: logging.LogRecord) -> str | None:
        step = meta.get("step_key") or "run"
        event = meta.get("dagster_event")
        if event is None:
            return f"{step}: {meta['orig_message']}" if record.levelno >= logging.INFO else None
        kind = event.event_type_value
        if kind in SHOWN:
            detail = f": {_cause(event.step_failure_data.error)}" if kind == "STEP_FAILURE" else ""
            return f"{step} {SHOWN[kind]}{detail}"
        if kind == "ASSET_CHECK_EVALUATION" and not event.event_specific_data.passed:
            check = event.event_specific_data
            return f"check {check.asset_check_key.name} on {check.asset_key.to_user_string()} did not pass"
        return None


def _cause(error) -> str:
    """The failure's message and, under Dagster's wrapper («Error occurred while executing op»),
    the first line of the exception that caused it: what went wrong, not where."""
    message = error.message.strip()
    while error.cause is not None:
        error = error.cause
        message += f" ← {error.message.strip().splitlines()[0]}"
    return message


@dg.logger(
    config_schema={
        "label": dg.Field(str, default_value="run", description="what the run covers, e.g. its day"),
        "started": dg.Field(float, is_required=False, description="when the run began (epoch seconds)"),
    },
    description="Short progress lines on stderr: stages, their messages and times.",
)
def progress(init_context: dg.InitLoggerContext) -> logging.Logger:
    logger = logging.getLogger(f"rasd.progress.{init_context.run_id}")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    config = init_context.logger_config
    logger.handlers = [_ProgressHandler(config["label"], config.get("started") or time.time())]
    return logger
