select
    article_id,
    sentence_index,
    trigger_start,
    trigger_end,
    trigger,
    cameo_code,
    coalesce(is_symmetric, false) as is_symmetric,
    source_actor_id,
    source_code,
    target_actor_id,
    target_code,
    event_date,
    date_precision,
    date_expression,
    modality,
    event_score
from {{ source('raw', 'event_mentions') }}
