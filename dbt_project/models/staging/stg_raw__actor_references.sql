select
    article_id,
    sentence_index,
    start as start_offset,
    "end" as end_offset,
    surface,
    reference_kind,
    actor_id,
    country_code,
    role_code,
    cameo_code
from {{ source('raw', 'actor_references') }}
