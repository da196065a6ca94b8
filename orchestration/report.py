"""The analysts' report: one self-contained HTML page built from the marts.

Who is active, who cooperates or fights with whom, and how that moves over time: actor
timelines, top dyads, a relations network, cooperation against conflict by month, and the
newest events with their sentences. Plotly draws the charts; its JavaScript is inlined, so
the page opens offline. The warehouse is read read-only.
"""

from __future__ import annotations

import html
import math
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import plotly.graph_objects as go
import polars as pl

TOP_ACTORS = 8
TOP_DYADS = 15
NEWEST_EVENTS = 25


def _query(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame:
    return con.sql(sql).pl()


def _actor_timeline(con) -> go.Figure:
    frame = _query(con, f"""
        with top as (
            select actor_id from marts.fct_actor_timeline group by 1
            order by sum(num_mentions) desc limit {TOP_ACTORS})
        select coalesce(d.name_en, t.actor_id) as actor, date_trunc('week', t.day) as week,
               sum(t.num_mentions) as mentions
        from marts.fct_actor_timeline t join top using (actor_id)
        left join marts.dim_actors d using (actor_id)
        group by 1, 2 order by 2""")
    figure = go.Figure()
    for actor in frame["actor"].unique(maintain_order=True):
        rows = frame.filter(pl.col("actor") == actor)
        figure.add_trace(go.Scatter(x=rows["week"].to_list(), y=rows["mentions"].to_list(), mode="lines+markers", name=actor))
    figure.update_layout(title="Most named actors: mentions per week", height=420)
    return figure


def _cooperation_conflict(con) -> go.Figure:
    frame = _query(con, """
        select date_trunc('month', event_date) as month,
               count(*) filter (where quad_class in (1, 2)) as cooperation,
               count(*) filter (where quad_class in (3, 4)) as conflict
        from marts.fct_events group by 1 order by 1""")
    figure = go.Figure([
        go.Bar(x=frame["month"].to_list(), y=frame["cooperation"].to_list(), name="cooperation (quad 1–2)", marker_color="#2a9d8f"),
        go.Bar(x=frame["month"].to_list(), y=frame["conflict"].to_list(), name="conflict (quad 3–4)", marker_color="#e76f51"),
    ])
    figure.update_layout(barmode="stack", title="Cooperation against conflict, events per month", height=380)
    return figure


def _network(dyads: pl.DataFrame) -> go.Figure:
    """Actors on a circle, one line per dyad, coloured by average Goldstein score."""
    actors = sorted(set(dyads["source"]) | set(dyads["target"]))
    where = {a: (math.cos(2 * math.pi * i / len(actors)), math.sin(2 * math.pi * i / len(actors))) for i, a in enumerate(actors)}
    figure = go.Figure()
    for row in dyads.iter_rows(named=True):
        (x0, y0), (x1, y1) = where[row["source"]], where[row["target"]]
        color = "#2a9d8f" if (row["avg_goldstein"] or 0) >= 0 else "#e76f51"
        figure.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="text", showlegend=False,
                                    line={"width": 1 + min(row["num_events"], 10), "color": color},
                                    text=f"{row['source']} → {row['target']}: {row['num_events']} events"))
    figure.add_trace(go.Scatter(x=[where[a][0] for a in actors], y=[where[a][1] for a in actors], mode="markers+text",
                                text=actors, textposition="top center", marker={"size": 12, "color": "#264653"},
                                showlegend=False, hoverinfo="text"))
    figure.update_layout(title="Relations network (green: cooperation on average, red: conflict)", height=560,
                         xaxis={"visible": False}, yaxis={"visible": False})
    return figure


def _table(frame: pl.DataFrame, rtl: set[str] = frozenset()) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(
            f'<td dir="rtl">{html.escape(str(v))}</td>' if c in rtl else f"<td>{html.escape('' if v is None else str(v))}</td>"
            for c, v in zip(frame.columns, row, strict=True)
        ) + "</tr>"
        for row in frame.iter_rows()
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def build_report(warehouse_path: Path, out_path: Path) -> str:
    """Write the HTML report; return a short Markdown summary (for Dagster's metadata)."""
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        dyads = _query(con, f"""
            select source_actor_id as source, target_actor_id as target, num_events,
                   num_verbal_cooperation + num_material_cooperation as cooperation,
                   num_verbal_conflict + num_material_conflict as conflict, avg_goldstein,
                   first_event_date, last_event_date
            from marts.fct_relations order by num_events desc, source, target limit {TOP_DYADS}""")
        newest = _query(con, f"""
            select e.event_date, e.cameo_code, e.plover_type, e.source_code, e.target_code, e.num_articles,
                   any_value(m.sentence_text) as sentence
            from marts.fct_events e join marts.fct_event_mentions m using (event_id)
            group by all order by e.event_date desc, e.num_articles desc limit {NEWEST_EVENTS}""")
        totals = con.sql("select (select count(*) from marts.fct_events), (select count(*) from raw.articles)").fetchone()
        figures = [_actor_timeline(con), _cooperation_conflict(con), _network(dyads)] if totals[0] else []
    charts = "".join(
        figure.to_html(full_html=False, include_plotlyjs="inline" if i == 0 else False) for i, figure in enumerate(figures)
    )
    stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>rasd report</title>
<style>body{{font-family:'Noto Sans','Noto Naskh Arabic',sans-serif;margin:2em;color:#222}}
table{{border-collapse:collapse;font-size:13px}}td,th{{border:1px solid #ccc;padding:4px 8px;vertical-align:top}}
th{{background:#f0f0f0}}td[dir=rtl]{{text-align:right;max-width:46em}}</style></head>
<body><h1>rasd — actors and events</h1>
<p>{totals[0]:,} distinct events from {totals[1]:,} articles. Built {stamp} from {html.escape(warehouse_path.name)}.</p>
{charts}
<h2>Top dyads</h2>{_table(dyads)}
<h2>Newest events, with a sentence that reports each</h2>{_table(newest, rtl={"sentence"})}
</body></html>"""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out_path)
    lines = [f"**{totals[0]:,} events** from {totals[1]:,} articles.", "", "| source | target | events | cooperation | conflict |", "|---|---|---:|---:|---:|"]
    lines += [f"| {r['source']} | {r['target']} | {r['num_events']} | {r['cooperation']} | {r['conflict']} |" for r in dyads.head(5).iter_rows(named=True)]
    return "\n".join(lines)
