select
    article_id,
    sentence_index,
    verb,
    verb_start,
    speaker_actor_id,
    speaker_code,
    quote_start,
    quote_end,
    quote_text
from {{ source('raw', 'quotes') }}
