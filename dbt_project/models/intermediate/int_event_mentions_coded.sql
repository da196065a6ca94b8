-- Event mentions with their CAMEO attributes and a key that says which real-world event they
-- report: same root, same actors — in either order for symmetric events and for consultations
-- and agreements (roots 04, 05: «X visited Y» and «Y received X» are one event) — and a date
-- compatible with its precision (the day; the week of a week-precise or undated report; the
-- month; the year).
with mentions as (
    select
        e.*,
        c.cameo_root,
        c.quad_class,
        c.goldstein,
        c.plover_type,
        e.modality = 'asserted' as counts_as_event,
        (e.is_symmetric or c.cameo_root in ('04', '05')) and e.target_code < e.source_code as swap,
        case e.date_precision
            when 'day' then e.event_date
            when 'month' then cast(date_trunc('month', e.event_date) as date)
            when 'year' then cast(date_trunc('year', e.event_date) as date)
            else cast(date_trunc('week', e.event_date) as date)
        end as date_key
    from {{ ref('stg_raw__event_mentions') }} e
    join {{ ref('cameo_event_codes') }} c using (cameo_code)
)
select
    * exclude (swap),
    md5(concat_ws('|',
        cameo_root,
        coalesce(case when swap then target_code else source_code end, '-'),
        coalesce(case when swap then source_code else target_code end, '-'),
        strftime(date_key, '%Y-%m-%d')
    )) as event_id
from mentions
