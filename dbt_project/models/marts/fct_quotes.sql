-- Who said what (one row per quotation), with the speaker's actor and the report it came from.
select
    q.article_id,
    q.sentence_index,
    q.speaker_actor_id,
    q.speaker_code,
    d.name_ar as speaker_name_ar,
    d.name_en as speaker_name_en,
    q.verb,
    q.quote_text,
    q.quote_start,
    q.quote_end,
    a.published_at as reported_at,
    a.source as publisher
from {{ ref('stg_raw__quotes') }} q
join {{ ref('stg_raw__articles') }} a using (article_id)
left join {{ ref('stg_raw__actors') }} d on d.actor_id = q.speaker_actor_id
