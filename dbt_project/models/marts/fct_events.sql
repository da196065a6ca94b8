-- One row per distinct real-world event (CONTRACT §3): asserted mentions with a source and a
-- target, merged across sentences and articles by event_id. Denied, negated, background,
-- conditional and future mentions never make an event.
-- Incremental: a partition run recomputes, from all mentions, the events that the partition's
-- articles report (an event reported on several days merges across partitions).
{{ config(materialized='incremental', unique_key='event_id', incremental_strategy='delete+insert') }}
-- depends_on: {{ ref('stg_raw__articles') }}

with mentions as (
    select * from {{ ref('fct_event_mentions') }}
    where counts_as_event and source_code is not null and target_code is not null
    {% if is_incremental() and var('partitions', none) %}
    and event_id in (
        select m.event_id from {{ ref('fct_event_mentions') }} m
        join {{ ref('stg_raw__articles') }} a using (article_id)
        where {{ in_run_partitions('a.partition_date') }}
    )
    {% endif %}
),
ranked as (
    select
        *,
        -- the most precise date (then the earliest report) describes the event
        row_number() over (
            partition by event_id
            order by case date_precision when 'day' then 1 when 'week' then 2 when 'month' then 3 when 'year' then 4 else 5 end,
                     reported_at, article_id, sentence_index, trigger_start,
                     source_actor_id nulls last, target_actor_id nulls last, source_code, target_code
        ) as precision_rank
    from mentions
),
-- the code most mentions give (ties: the lowest), so that any order of loading gives the same
codes as (
    select event_id, cameo_code,
        row_number() over (partition by event_id order by count(*) desc, cameo_code) as code_rank
    from mentions
    group by event_id, cameo_code
),
events as (
    select
        event_id,
        max(case when precision_rank = 1 then event_date end) as event_date,
        max(case when precision_rank = 1 then date_precision end) as date_precision,
        max(case when precision_rank = 1 then source_actor_id end) as source_actor_id,
        max(case when precision_rank = 1 then source_code end) as source_code,
        max(case when precision_rank = 1 then target_actor_id end) as target_actor_id,
        max(case when precision_rank = 1 then target_code end) as target_code,
        count(*) as num_mentions,
        count(distinct article_id) as num_articles,
        count(distinct publisher) as num_publishers,
        min(reported_at) as first_reported_at,
        max(reported_at) as last_reported_at
    from ranked
    group by event_id
)
select
    e.event_id,
    e.event_date,
    e.date_precision,
    codes.cameo_code,
    c.cameo_root,
    c.quad_class,
    c.goldstein,
    c.plover_type,
    e.source_actor_id,
    e.source_code,
    e.target_actor_id,
    e.target_code,
    e.num_mentions,
    e.num_articles,
    e.num_publishers,
    e.first_reported_at,
    e.last_reported_at
from events e
join codes on codes.event_id = e.event_id and codes.code_rank = 1
join {{ ref('cameo_event_codes') }} c using (cameo_code)
