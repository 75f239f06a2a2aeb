-- unemployment_reaching_3_months (cohort): unemployment spells (kpi_unemployment_spells,
-- metrics/situation/unemployment_spells.sql) that start in [from, E].
-- S3 = start + 3 months (months rule: DuckDB clamps to the month's last day).
-- Not reached: the spell ended on or before S3. Reached: it did not, and S3 < A.
-- Pending: the rest (open or ended later, with S3 >= A). value = reached / resolved.
-- Area: the client's kunta.
WITH cases AS (
    SELECT
        p.b_start,
        s.asiakas_id,
        s.spell_end,
        CAST(s.spell_start + INTERVAL 3 MONTH AS DATE) AS s3
    FROM kpi_unemployment_spells AS s
    JOIN kpi_days AS p ON p.d = s.spell_start
),
outcomes AS (
    SELECT
        c.b_start,
        a.kunta,
        CASE
            WHEN c.spell_end IS NOT NULL AND c.spell_end <= c.s3 THEN 'not_reached'
            WHEN c.s3 < $as_of THEN 'reached'
            ELSE 'pending'
        END AS outcome
    FROM cases AS c
    JOIN asiakkaat AS a ON a.asiakas_id = c.asiakas_id
)
SELECT
    b_start,
    kunta,
    count(*) FILTER (WHERE outcome = 'reached')::DOUBLE AS numerator,
    count(*) FILTER (WHERE outcome <> 'pending')::DOUBLE AS denominator,
    count(*) FILTER (WHERE outcome = 'pending')::BIGINT AS pending
FROM outcomes
GROUP BY b_start, kunta
