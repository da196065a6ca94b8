select
    article_id,
    partition_date,
    source_path,
    external_id,
    format,
    encoding
from {{ source('raw', 'article_sightings') }}
