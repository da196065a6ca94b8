select
    source_path,
    record_index,
    partition_date,
    reason,
    detail
from {{ source('raw', 'rejected_files') }}
