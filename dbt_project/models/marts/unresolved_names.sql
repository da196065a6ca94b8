-- Names found in the text that the actor dictionary does not know yet, most frequent first:
-- the work list for growing transforms/lexicon/actors.
-- Built to stay within DuckDB's memory limit at a million articles: the name is cut from the
-- mention's own surface (no join with the articles' texts), and only the three example
-- sentences of each name are fetched, after ranking (no list of every sentence).
with unresolved as (
    select
        m.entity_type,
        trim(substring(m.surface, m.name_start - m.start_offset + 1, m.name_end - m.name_start)) as name,
        m.article_id,
        m.sentence_index,
        a.published_at
    from {{ ref('stg_raw__entity_mentions') }} m
    join {{ ref('stg_raw__articles') }} a using (article_id)
    where m.actor_id is null
),
named as (
    select
        entity_type,
        name,
        count(*) as num_mentions,
        count(distinct article_id) as num_articles,
        min(published_at) as first_seen,
        max(published_at) as last_seen
    from unresolved
    group by entity_type, name
),
first_three as (
    select entity_type, name, article_id, sentence_index, published_at
    from (select distinct entity_type, name, article_id, sentence_index, published_at from unresolved)
    qualify row_number() over (
        partition by entity_type, name order by published_at, article_id, sentence_index
    ) <= 3
),
examples as (
    select
        f.entity_type,
        f.name,
        list(s.sentence_text order by f.published_at, f.article_id, f.sentence_index) as example_sentences
    from first_three f
    join {{ ref('stg_raw__sentences') }} s using (article_id, sentence_index)
    group by f.entity_type, f.name
)
select
    n.entity_type,
    n.name,
    n.num_mentions,
    n.num_articles,
    n.first_seen,
    n.last_seen,
    e.example_sentences,
    row_number() over (partition by n.entity_type order by n.num_mentions desc, n.name) as rank_in_type
from named n
join examples e using (entity_type, name)
