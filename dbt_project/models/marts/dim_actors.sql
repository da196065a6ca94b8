-- Every actor of the dictionary (CONTRACT §3), with how often and since when the news names it.
with mentions as (
    select m.actor_id, count(*) as num_mentions, count(distinct m.article_id) as num_articles,
           min(a.published_at) as first_seen_at, max(a.published_at) as last_seen_at
    from {{ ref('stg_raw__entity_mentions') }} m
    join {{ ref('stg_raw__articles') }} a using (article_id)
    where m.actor_id is not null
    group by m.actor_id
)
select
    d.actor_id,
    d.name_ar,
    d.name_en,
    d.actor_type,
    d.country_code,
    d.cameo_code,
    coalesce(m.num_mentions, 0) as num_mentions,
    coalesce(m.num_articles, 0) as num_articles,
    m.first_seen_at,
    m.last_seen_at
from {{ ref('stg_raw__actors') }} d
left join mentions m using (actor_id)
