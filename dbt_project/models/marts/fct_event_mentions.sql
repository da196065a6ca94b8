-- One row per event found in one sentence (CONTRACT §3), with the sentence it came from.
-- Incremental by daily partition: a run for some partitions (var `partitions`, set by
-- `rasd run --partition`) replaces the rows of those partitions' articles (delete+insert on
-- article_id); a run without it rebuilds everything.
-- A warehouse built before a column was added (event_score) gains it on its next nightly run.
{{ config(materialized='incremental', unique_key='article_id', incremental_strategy='delete+insert',
          on_schema_change='append_new_columns') }}

select
    m.event_id,
    m.article_id,
    m.sentence_index,
    m.trigger,
    m.trigger_start,
    m.trigger_end,
    s.sentence_text,
    m.event_date,
    m.date_precision,
    m.date_expression,
    m.cameo_code,
    m.cameo_root,
    m.quad_class,
    m.goldstein,
    m.plover_type,
    m.source_actor_id,
    m.source_code,
    m.target_actor_id,
    m.target_code,
    m.modality,
    m.counts_as_event,
    m.event_score,
    a.published_at as reported_at,
    a.source as publisher
from {{ ref('int_event_mentions_coded') }} m
join {{ ref('stg_raw__sentences') }} s using (article_id, sentence_index)
join {{ ref('stg_raw__articles') }} a using (article_id)
{% if is_incremental() and var('partitions', none) %}
where {{ in_run_partitions('a.partition_date') }}
{% endif %}
