-- Names found in the text that the actor dictionary does not know yet, most frequent first:
-- the work list for growing transforms/lexicon/actors.
with unresolved as (
    select
        m.entity_type,
        trim(substring(a.text, m.name_start + 1, m.name_end - m.name_start)) as name,
        m.article_id,
        a.published_at,
        s.sentence_text
    from {{ ref('stg_raw__entity_mentions') }} m
    join {{ ref('stg_raw__articles') }} a using (article_id)
    join {{ ref('stg_raw__sentences') }} s using (article_id, sentence_index)
    where m.actor_id is null
)
select
    entity_type,
    name,
    count(*) as num_mentions,
    count(distinct article_id) as num_articles,
    min(published_at) as first_seen,
    max(published_at) as last_seen,
    list(sentence_text order by published_at, article_id, sentence_text)[1:3] as example_sentences,
    row_number() over (partition by entity_type order by count(*) desc, name) as rank_in_type
from unresolved
group by entity_type, name
