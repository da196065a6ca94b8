select
    actor_id,
    name_ar,
    name_en,
    actor_type,
    entity_type,
    country_code,
    cameo_code
from {{ source('raw', 'actors') }}
