-- One row per actor and day (CONTRACT §3): mentions by the day of the report, events by the day
-- they happened.
with mentions as (
    select m.actor_id, cast(a.published_at as date) as day, count(*) as num_mentions
    from {{ ref('stg_raw__entity_mentions') }} m
    join {{ ref('stg_raw__articles') }} a using (article_id)
    where m.actor_id is not null
    group by 1, 2
),
as_source as (
    select coalesce(source_actor_id, source_code) as actor_id, event_date as day, count(*) as num_events_as_source
    from {{ ref('fct_events') }} group by 1, 2
),
as_target as (
    select coalesce(target_actor_id, target_code) as actor_id, event_date as day, count(*) as num_events_as_target
    from {{ ref('fct_events') }} group by 1, 2
)
select
    actor_id,
    day,
    coalesce(m.num_mentions, 0) as num_mentions,
    coalesce(s.num_events_as_source, 0) as num_events_as_source,
    coalesce(t.num_events_as_target, 0) as num_events_as_target
from mentions m
full outer join as_source s using (actor_id, day)
full outer join as_target t using (actor_id, day)
