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
        p.b_start,
        a.kunta,
        j.alkupvm AS search_start
    FROM tapahtumat AS t
    JOIN kpi_days AS p ON p.d = t.pvm
    JOIN asiakkaat AS a ON a.asiakas_id = t.asiakas_id
    JOIN kpi_rules AS r
      ON r.metric_id = 'supplementary_discussions_first_3_months'
     AND t.pvm BETWEEN r.voimassa_alkaen AND r.voimassa_asti
    -- The job-search period containing the interview (a client's periods never overlap).
    LEFT JOIN tyonhakujaksot AS j
      ON j.asiakas_id = t.asiakas_id
     AND t.pvm BETWEEN j.alkupvm AND coalesce(j.loppupvm, DATE '9999-12-31')
    WHERE t.tyyppi = 'alkuhaastattelu'
      AND EXISTS (
          SELECT 1 FROM tilajaksot AS s
          WHERE s.asiakas_id = t.asiakas_id
            AND s.tila IN ('tyoton', 'lomautettu')
            AND t.pvm BETWEEN s.alkupvm AND coalesce(s.loppupvm, DATE '9999-12-31')
      )
),
discussions AS (
    -- In one pass over the client's supplementary discussions: those in W, and those earlier
    -- in the same job-search period.
    SELECT
        i.case_id,
        count(*) FILTER (WHERE s.pvm > i.pvm) AS in_window,
        count(*) FILTER (WHERE s.pvm < i.pvm) AS earlier
    FROM interviews AS i
    JOIN tapahtumat AS s
      ON s.asiakas_id = i.asiakas_id
     AND s.tyyppi = 'taydentava_tyonhakukeskustelu'
     AND s.pvm >= coalesce(i.search_start, i.pvm)
     AND s.pvm <= i.w_end
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
-- Not kpi_deadline_outcome (the other deadline rules'): this rule counts deeds in a window,
-- is pending until the window has closed, and excludes by the client's status at its end.
outcomes AS (
    SELECT
        i.b_start,
        i.kunta,
        CASE
            WHEN i.w_end > $as_of THEN 'pending'
            WHEN u.case_id IS NULL THEN 'excluded'
            WHEN coalesce(x.in_window, 0)
                >= CASE WHEN coalesce(x.earlier, 0) > 0 THEN i.raja_jos_aiempi ELSE i.raja END
                THEN 'on_time'
            ELSE 'late'
        END AS outcome
    FROM interviews AS i
    LEFT JOIN discussions AS x ON x.case_id = i.case_id
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
