-- One row per directed actor pair (CONTRACT §3): how much they cooperate and fight. An actor is
-- its dictionary id, or its CAMEO code when the text named it only as a place or a group.
select
    coalesce(source_actor_id, source_code) as source_actor_id,
    coalesce(target_actor_id, target_code) as target_actor_id,
    count(*) as num_events,
    count(*) filter (where quad_class = 1) as num_verbal_cooperation,
    count(*) filter (where quad_class = 2) as num_material_cooperation,
    count(*) filter (where quad_class = 3) as num_verbal_conflict,
    count(*) filter (where quad_class = 4) as num_material_conflict,
    round(avg(goldstein), 3) as avg_goldstein,
    min(event_date) as first_event_date,
    max(event_date) as last_event_date
from {{ ref('fct_events') }}
group by 1, 2
