-- One row per directed actor pair and month: cooperation against conflict over time.
select
    coalesce(source_actor_id, source_code) as source_actor_id,
    coalesce(target_actor_id, target_code) as target_actor_id,
    cast(date_trunc('month', event_date) as date) as month,
    count(*) as num_events,
    count(*) filter (where quad_class in (1, 2)) as num_cooperation,
    count(*) filter (where quad_class in (3, 4)) as num_conflict,
    round(sum(goldstein), 2) as total_goldstein
from {{ ref('fct_events') }}
group by 1, 2, 3
