-- Every sentence and mention is traceable: its offsets cut exactly its text out of the article.
select 'sentence' as what, s.article_id, s.start_offset
from {{ ref('stg_raw__sentences') }} s
join {{ ref('stg_raw__articles') }} a using (article_id)
where substring(a.text, s.start_offset + 1, s.end_offset - s.start_offset) <> s.sentence_text
union all
select 'mention', m.article_id, m.start_offset
from {{ ref('stg_raw__entity_mentions') }} m
join {{ ref('stg_raw__articles') }} a using (article_id)
where substring(a.text, m.start_offset + 1, m.end_offset - m.start_offset) <> m.surface
   or m.name_start < m.start_offset or m.name_end > m.end_offset
union all
select 'quote', q.article_id, q.quote_start
from {{ ref('stg_raw__quotes') }} q
join {{ ref('stg_raw__articles') }} a using (article_id)
where substring(a.text, q.quote_start + 1, q.quote_end - q.quote_start) <> q.quote_text
union all
select 'event trigger', e.article_id, e.trigger_start
from {{ ref('stg_raw__event_mentions') }} e
join {{ ref('stg_raw__articles') }} a using (article_id)
where substring(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) <> e.trigger
