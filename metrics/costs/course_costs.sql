-- Cost per result (docs/spec/METRICS.md, Costs): every course of the ostopalvelut rows up to
-- E (all years, not only Y), with its cost, participants (koulutukset rows) and, of those who
-- completed it by A, the follow-up of training_unemployment_ended_3_months
-- (metrics/outcomes/training_outcome.sql; the same rule): F = loppupvm + 3 calendar months,
-- resolved when F <= A, a success when no tyoton or lomautettu spell covers F.
WITH costs AS (
    SELECT koulutus_id, sum(summa) AS kustannus
    FROM kustannukset
    WHERE kustannuslaji = 'ostopalvelut' AND koulutus_id IS NOT NULL AND pvm <= $to
    GROUP BY koulutus_id
),
parts AS MATERIALIZED (
    SELECT
        row_number() OVER () AS case_id,
        k.koulutus_id,
        k.laji,
        k.asiakas_id,
        k.suoritettu AND k.loppupvm <= $as_of AS completed,
        CAST(k.loppupvm + INTERVAL 3 MONTH AS DATE) AS follow_up
    FROM koulutukset AS k
    SEMI JOIN costs AS c ON c.koulutus_id = k.koulutus_id
),
unemployed AS (
    SELECT DISTINCT p.case_id
    FROM parts AS p
    JOIN tilajaksot AS s
      ON s.asiakas_id = p.asiakas_id
     AND s.tila IN ('tyoton', 'lomautettu')
     AND p.follow_up BETWEEN s.alkupvm AND coalesce(s.loppupvm, DATE '9999-12-31')
    WHERE p.completed
),
per_course AS (
    SELECT
        p.koulutus_id,
        min(p.laji) AS laji,
        count(*) AS osallistujat,
        count(*) FILTER (WHERE p.completed) AS suorittaneet,
        count(*) FILTER (WHERE p.completed AND p.follow_up <= $as_of AND u.case_id IS NULL)
            AS tyottomyys_paattynyt,
        count(*) FILTER (WHERE p.completed AND p.follow_up > $as_of) AS kesken
    FROM parts AS p
    LEFT JOIN unemployed AS u ON u.case_id = p.case_id
    GROUP BY p.koulutus_id
)
SELECT
    c.koulutus_id,
    pc.laji,
    c.kustannus,
    coalesce(pc.osallistujat, 0) AS osallistujat,
    coalesce(pc.suorittaneet, 0) AS suorittaneet,
    coalesce(pc.tyottomyys_paattynyt, 0) AS tyottomyys_paattynyt,
    coalesce(pc.kesken, 0) AS kesken
FROM costs AS c
LEFT JOIN per_course AS pc ON pc.koulutus_id = c.koulutus_id
ORDER BY c.koulutus_id
