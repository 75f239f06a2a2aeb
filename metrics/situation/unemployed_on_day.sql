-- The four counts on E (unemployed_job_seekers, unemployed_under_25, long_term_unemployed,
-- unemployed_immigrants): clients with a tyoton or lomautettu spell covering each bucket's
-- elapsed end b_e. Reads kpi_buckets only (never kpi_days), so the engine can run it again on
-- the day one year before each b_e for the year-earlier target (metrics.year_before_target).
-- Spell: a client's tyoton/lomautettu rows where each next row starts on the day after the
-- previous ends; it starts with its first row. Long-term: the spell started on or before
-- b_e - 12 months (DuckDB clamps to the month's last day: the months rule of the common
-- rules). Under 25: year(b_e) - syntymavuosi <= 24. A client without syntymavuosi or
-- maahanmuuttaja is left out of that count only. Area: the client's kunta.
WITH last_day AS (
    SELECT max(b_e) AS last_e FROM kpi_buckets
),
unemployed_rows AS MATERIALIZED (
    SELECT t.asiakas_id, t.alkupvm, t.loppupvm
    FROM tilajaksot AS t
    JOIN last_day AS l ON t.alkupvm <= l.last_e
    WHERE t.tila IN ('tyoton', 'lomautettu')
),
marked AS (
    SELECT
        *,
        CASE
            WHEN lag(loppupvm) OVER (PARTITION BY asiakas_id ORDER BY alkupvm) + 1 = alkupvm
            THEN 0 ELSE 1
        END AS starts_spell
    FROM unemployed_rows
),
numbered AS (
    SELECT
        *,
        sum(starts_spell) OVER (
            PARTITION BY asiakas_id ORDER BY alkupvm ROWS UNBOUNDED PRECEDING
        ) AS spell_no
    FROM marked
),
with_start AS (
    SELECT
        asiakas_id,
        alkupvm,
        loppupvm,
        min(alkupvm) OVER (PARTITION BY asiakas_id, spell_no) AS spell_start
    FROM numbered
),
on_day AS (
    SELECT b.b_start, b.b_e, r.asiakas_id, r.spell_start
    FROM kpi_buckets AS b
    JOIN with_start AS r
      ON r.alkupvm <= b.b_e
     AND (r.loppupvm IS NULL OR r.loppupvm >= b.b_e)
),
counted AS (
    SELECT
        o.b_start,
        a.kunta,
        count(*) AS unemployed_job_seekers,
        count(*) FILTER (WHERE year(o.b_e) - a.syntymavuosi <= 24) AS unemployed_under_25,
        count(*) FILTER (
            WHERE o.spell_start <= CAST(o.b_e - INTERVAL 12 MONTH AS DATE)
        ) AS long_term_unemployed,
        count(*) FILTER (WHERE a.maahanmuuttaja) AS unemployed_immigrants
    FROM on_day AS o
    JOIN asiakkaat AS a ON a.asiakas_id = o.asiakas_id
    GROUP BY o.b_start, a.kunta
)
SELECT
    b_start,
    kunta,
    metric_id,
    numerator::DOUBLE AS numerator,
    NULL::DOUBLE AS denominator,
    NULL::BIGINT AS pending
FROM counted
UNPIVOT (
    numerator FOR metric_id IN (
        unemployed_job_seekers, unemployed_under_25, long_term_unemployed, unemployed_immigrants
    )
)
