-- training_unemployment_ended_3_months (cohort): participations with suoritettu and loppupvm
-- in [from, E]. F = loppupvm + 3 calendar months; resolved when F <= A. Success: no tyoton or
-- lomautettu spell covers F (a spell ending on F covers it; no spell at all = success).
-- Area: the client's kunta.
WITH cases AS MATERIALIZED (
    SELECT
        row_number() OVER () AS case_id,
        k.asiakas_id,
        CAST(k.loppupvm + INTERVAL 3 MONTH AS DATE) AS follow_up,
        p.b_start
    FROM koulutukset AS k
    JOIN kpi_days AS p ON p.d = k.loppupvm
    WHERE k.suoritettu
),
unemployed AS (
    SELECT DISTINCT c.case_id
    FROM cases AS c
    JOIN tilajaksot AS s
      ON s.asiakas_id = c.asiakas_id
     AND s.tila IN ('tyoton', 'lomautettu')
     AND c.follow_up BETWEEN s.alkupvm AND coalesce(s.loppupvm, DATE '9999-12-31')
)
SELECT
    c.b_start,
    a.kunta,
    count(*) FILTER (WHERE c.follow_up <= $as_of AND u.case_id IS NULL)::DOUBLE AS numerator,
    count(*) FILTER (WHERE c.follow_up <= $as_of)::DOUBLE AS denominator,
    count(*) FILTER (WHERE c.follow_up > $as_of) AS pending
FROM cases AS c
JOIN asiakkaat AS a ON a.asiakas_id = c.asiakas_id
LEFT JOIN unemployed AS u ON u.case_id = c.case_id
GROUP BY c.b_start, a.kunta
