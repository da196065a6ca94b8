select
    article_id,
    sentence_index,
    start as start_offset,
    "end" as end_offset,
    name_start,
    name_end,
    surface,
    entity_type,
    actor_id,
    cameo_code,
    country_code,
    mention_kind
from {{ source('raw', 'entity_mentions') }}
