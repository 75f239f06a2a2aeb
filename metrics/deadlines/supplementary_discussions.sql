-- supplementary_discussions_first_3_months (cohort): alkuhaastattelu events dated in [from, E]
-- (and within a kpi_rules row of this metric: the series ended on 31 Dec 2025) of clients
-- tyoton or lomautettu on that day. W = (pvm, pvm + 3 months]. Required: raja_jos_aiempi (4)
-- when the client had a taydentava_tyonhakukeskustelu earlier (a date before pvm) in the same
-- job-search period, else raja (5). On time: at least that many taydentava events in W.
-- Resolved when pvm + 3 months <= A. Excluded: on the last day of W the client is not tyoton
-- or lomautettu. Area: the client's kunta.
WITH interviews AS MATERIALIZED (
    SELECT
        row_number() OVER () AS case_id,
        t.asiakas_id,
        t.pvm,
        CAST(t.pvm + INTERVAL 3 MONTH AS DATE) AS w_end,
        r.raja,
        r.raja_jos_aiempi,
        p.b_start
    FROM tapahtumat AS t
    JOIN kpi_days AS p ON p.d = t.pvm
    JOIN kpi_rules AS r
      ON r.metric_id = 'supplementary_discussions_first_3_months'
     AND t.pvm BETWEEN r.voimassa_alkaen AND r.voimassa_asti
    WHERE t.tyyppi = 'alkuhaastattelu'
      AND EXISTS (
          SELECT 1 FROM tilajaksot AS s
          WHERE s.asiakas_id = t.asiakas_id
            AND s.tila IN ('tyoton', 'lomautettu')
            AND t.pvm BETWEEN s.alkupvm AND coalesce(s.loppupvm, DATE '9999-12-31')
      )
),
supplementary AS (
    SELECT asiakas_id, pvm FROM tapahtumat WHERE tyyppi = 'taydentava_tyonhakukeskustelu'
),
earlier AS (
    SELECT DISTINCT i.case_id
    FROM interviews AS i
    JOIN tyonhakujaksot AS j
      ON j.asiakas_id = i.asiakas_id
     AND i.pvm BETWEEN j.alkupvm AND coalesce(j.loppupvm, DATE '9999-12-31')
    JOIN supplementary AS s
      ON s.asiakas_id = i.asiakas_id AND s.pvm >= j.alkupvm AND s.pvm < i.pvm
),
in_window AS (
    SELECT i.case_id, count(*) AS n
    FROM interviews AS i
    JOIN supplementary AS s
      ON s.asiakas_id = i.asiakas_id AND s.pvm > i.pvm AND s.pvm <= i.w_end
    GROUP BY i.case_id
),
unemployed_at_end AS (
    SELECT DISTINCT i.case_id
    FROM interviews AS i
    JOIN tilajaksot AS s
      ON s.asiakas_id = i.asiakas_id
     AND s.tila IN ('tyoton', 'lomautettu')
     AND i.w_end BETWEEN s.alkupvm AND coalesce(s.loppupvm, DATE '9999-12-31')
),
outcomes AS (
    SELECT
        i.b_start,
        a.kunta,
        CASE
            WHEN i.w_end > $as_of THEN 'pending'
            WHEN u.case_id IS NULL THEN 'excluded'
            WHEN coalesce(w.n, 0)
                >= CASE WHEN e.case_id IS NULL THEN i.raja ELSE i.raja_jos_aiempi END
                THEN 'on_time'
            ELSE 'late'
        END AS outcome
    FROM interviews AS i
    JOIN asiakkaat AS a ON a.asiakas_id = i.asiakas_id
    LEFT JOIN earlier AS e ON e.case_id = i.case_id
    LEFT JOIN in_window AS w ON w.case_id = i.case_id
    LEFT JOIN unemployed_at_end AS u ON u.case_id = i.case_id
)
SELECT
    b_start,
    kunta,
    count(*) FILTER (WHERE outcome = 'on_time')::DOUBLE AS numerator,
    count(*) FILTER (WHERE outcome IN ('on_time', 'late'))::DOUBLE AS denominator,
    count(*) FILTER (WHERE outcome = 'pending') AS pending
FROM outcomes
GROUP BY b_start, kunta
