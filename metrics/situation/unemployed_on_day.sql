-- The four counts on E (unemployed_job_seekers, unemployed_under_25, long_term_unemployed,
-- unemployed_immigrants): clients with an unemployment spell (kpi_unemployment_spells,
-- metrics/situation/unemployment_spells.sql) covering each bucket's elapsed end b_e. Reads
-- kpi_buckets only (never kpi_days), so the engine can run it again on the day one year
-- before each b_e for the year-earlier target (metrics.year_before_target); the spells are
-- computed once per cursor for both runs. Long-term: the spell started on or before
-- b_e - 12 months (DuckDB clamps to the month's last day: the months rule of the common
-- rules). Under 25: year(b_e) - syntymavuosi <= 24. A client without syntymavuosi or
-- maahanmuuttaja is left out of that count only. Area: the client's kunta.
WITH on_day AS (
    SELECT b.b_start, b.b_e, s.asiakas_id, s.spell_start
    FROM kpi_buckets AS b
    JOIN kpi_unemployment_spells AS s
      ON s.spell_start <= b.b_e
     AND (s.spell_end IS NULL OR s.spell_end >= b.b_e)
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
