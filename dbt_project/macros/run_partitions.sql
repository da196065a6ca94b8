{#-
  `column in (date 'YYYY-MM-DD', …)` for the days of var('partitions'), the days a
  `rasd run --partition` run replaces. The days are pasted into SQL, so each must be an
  ISO date: anything else stops the compilation instead of reaching the query.
-#}
{% macro in_run_partitions(column) -%}
{%- set days = var('partitions') -%}
{%- if days is string -%}{%- set days = [days] -%}{%- endif -%}
{%- for day in days -%}
  {%- if not modules.re.fullmatch('[0-9]{4}-[0-9]{2}-[0-9]{2}', day | string) -%}
    {{- exceptions.raise_compiler_error("var partitions: '" ~ day ~ "' is not a YYYY-MM-DD day") -}}
  {%- endif -%}
{%- endfor -%}
{{ column }} in ({% for day in days %}date '{{ day }}'{% if not loop.last %}, {% endif %}{% endfor %})
{%- endmacro %}
