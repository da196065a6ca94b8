select
    article_id,
    sentence_index,
    start as start_offset,
    "end" as end_offset,
    sentence_text,
    sentence_norm
from {{ source('raw', 'sentences') }}
