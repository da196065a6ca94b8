"""Asset checks on the raw tables, run after each load and before dbt builds the marts.

Blocking checks (severity ERROR) stop the run before the marts when the extraction produced
data that cannot be right; warning checks flag drift in the inbox or the dictionary:

- offsets inside the text: every sentence, mention, trigger and quote cuts its own text out of
  its article (the promise that every fact traces back to its sentence);
- every article has sentences;
- no event is told as having happened (asserted, background) on a date after its report;
- warn when the share of rejected files or records passes RASD_MAX_REJECTED_SHARE (0.10), or
  the share of person mentions the dictionary cannot resolve passes
  RASD_MAX_UNRESOLVED_PERSON_SHARE (0.35).

Each check looks at the run's partition (everything, in a run without one). They run in the
step that loads the raw tables (orchestration.assets.raw), right after the load. The offsets
rule lives here only: the dbt staging models rename the raw columns but keep the texts and
offsets as they are, so a dbt test of the same rule would only repeat it.
"""

import os
from collections.abc import Iterator

import dagster as dg

EXAMPLES = 5

# The articles in the check's scope: the run's partition, or all ($day is null).
SCOPE = "(select article_id, text, published_at from raw.articles where $day is null or partition_date = $day)"

OFFSET_FAILURES = f"""
with scope as {SCOPE}
select 'sentence' as what, s.article_id, s.sentence_index, s.start from raw.sentences s join scope a using (article_id)
where substring(a.text, s.start + 1, s."end" - s.start) is distinct from s.sentence_text
union all
select 'mention', m.article_id, m.sentence_index, m.start from raw.entity_mentions m join scope a using (article_id)
where substring(a.text, m.start + 1, m."end" - m.start) is distinct from m.surface
   or m.name_start < m.start or m.name_end > m."end"
union all
select 'trigger', e.article_id, e.sentence_index, e.trigger_start from raw.event_mentions e join scope a using (article_id)
where substring(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) is distinct from e.trigger
union all
select 'quote', q.article_id, q.sentence_index, q.quote_start from raw.quotes q join scope a using (article_id)
where substring(a.text, q.quote_start + 1, q.quote_end - q.quote_start) is distinct from q.quote_text
"""
ARTICLES_WITHOUT_SENTENCES = f"""
with scope as {SCOPE}
select article_id, null, null, null from scope a
where not exists (select 1 from raw.sentences s where s.article_id = a.article_id)
"""
EVENTS_AFTER_THEIR_REPORT = f"""
with scope as {SCOPE}
select e.date_expression, e.article_id, e.sentence_index, e.trigger_start from raw.event_mentions e join scope a using (article_id)
where e.event_date > a.published_at::date and e.modality in ('asserted', 'background')
"""
REJECTED_SHARE = """
with rejected as (select count(*) as n from raw.rejected_files where $day is null or partition_date = $day),
     read as (select count(*) as n from raw.article_sightings where $day is null or partition_date = $day)
select rejected.n, rejected.n + read.n from rejected, read
"""
UNRESOLVED_PERSON_SHARE = f"""
with scope as {SCOPE}
select count(*) filter (where m.actor_id is null), count(*)
from raw.entity_mentions m join scope a using (article_id) where m.entity_type = 'PER'
"""

OFFSETS = dg.AssetCheckSpec(
    "offsets_inside_the_text", asset=["raw", "sentences"], blocking=True,
    description="Every sentence, mention, event trigger and quote cuts its own text out of its article.",
)
SENTENCES = dg.AssetCheckSpec(
    "every_article_has_sentences", asset=["raw", "articles"], blocking=True,
    description="No article was left without sentences (and so without extraction).",
)
EVENT_DATES = dg.AssetCheckSpec(
    "events_not_after_their_report", asset=["raw", "event_mentions"], blocking=True,
    description="No event is told as having happened (asserted, background) on a date after its report.",
)
REJECTED = dg.AssetCheckSpec(
    "rejected_share", asset=["raw", "rejected_files"],
    description="Warns when the share of files and records that could not be read passes RASD_MAX_REJECTED_SHARE.",
)
UNRESOLVED = dg.AssetCheckSpec(
    "unresolved_person_share", asset=["raw", "entity_mentions"],
    description="Warns when the share of person mentions the dictionary cannot resolve passes RASD_MAX_UNRESOLVED_PERSON_SHARE.",
)


def _threshold(variable: str, default: float) -> float:
    return float(os.environ.get(variable, default))


SPECS = [OFFSETS, SENTENCES, EVENT_DATES, REJECTED, UNRESOLVED]


def evaluate(con, day) -> Iterator[dg.AssetCheckResult]:
    """Every check on the raw tables, for `day`'s articles (all, when None)."""
    for spec, sql in ((OFFSETS, OFFSET_FAILURES), (SENTENCES, ARTICLES_WITHOUT_SENTENCES), (EVENT_DATES, EVENTS_AFTER_THEIR_REPORT)):
        yield _no_rows(con, spec, sql, day)
    yield _share(con, REJECTED, REJECTED_SHARE, day, _threshold("RASD_MAX_REJECTED_SHARE", 0.10))
    yield _share(con, UNRESOLVED, UNRESOLVED_PERSON_SHARE, day, _threshold("RASD_MAX_UNRESOLVED_PERSON_SHARE", 0.35))


def _no_rows(con, spec: dg.AssetCheckSpec, sql: str, day) -> dg.AssetCheckResult:
    """Passes when `sql` finds nothing; otherwise blocks, with the count and a few examples."""
    failures = con.execute(f"select count(*) over (), * from ({sql}) limit {EXAMPLES}", {"day": day}).fetchall()
    count = failures[0][0] if failures else 0
    examples = [" / ".join(str(v) for v in row[1:] if v is not None) for row in failures]
    return dg.AssetCheckResult(
        asset_key=spec.asset_key,
        check_name=spec.name,
        passed=count == 0,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"failures": count, "examples": dg.MetadataValue.json(examples)},
    )


def _share(con, spec: dg.AssetCheckSpec, sql: str, day, threshold: float) -> dg.AssetCheckResult:
    """Warns when part / whole passes the threshold."""
    part, whole = con.execute(sql, {"day": day}).fetchone()
    share = part / whole if whole else 0.0
    return dg.AssetCheckResult(
        asset_key=spec.asset_key,
        check_name=spec.name,
        passed=share <= threshold,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"share": round(share, 4), "threshold": threshold, "count": part},
    )
