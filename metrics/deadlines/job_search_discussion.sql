-- job_search_discussion_every_3_months (cohort): an anchor is each distinct (client, date)
-- with an event of the rule's types (alkuhaastattelu, tyonhakukeskustelu), known at A
-- (from raja + 1 months before the period on: the earlier ones have no deadline in it).
-- D = anchor + raja calendar months (clipped to the month's last day); the case belongs to
-- the period of D (D in [from, E]) and follows the kpi_rules row in force on D (the
-- metric's earliest row also covers the days before its voimassa_alkaen). Done = the
-- client's next anchor (known at A). Excluded, checked first: on D the client is not tyoton
-- or lomautettu, or the anchor lies in no job-search period of the client, or that period
-- ended before D. Then kpi_deadline_outcome: on time when done <= D, late when done later or
-- D < A, pending otherwise (only D = A). Area: the client's kunta.
WITH rules AS (
    SELECT
        raja,
        tapahtumat,
        CASE
            WHEN voimassa_alkaen = min(voimassa_alkaen) OVER () THEN DATE '0001-01-01'
            ELSE voimassa_alkaen
        END AS valid_from,
        voimassa_asti AS valid_to
    FROM kpi_rules
    WHERE metric_id = 'job_search_discussion_every_3_months'
),
anchors AS (
    -- Only anchors whose deadline can fall in the period (D = anchor + raja months >= its
    -- first day; a month's margin for the clipping to month ends): an earlier anchor is no
    -- case of the period, and the next anchor of one in range is later, so still here.
    SELECT DISTINCT t.asiakas_id, t.pvm
    FROM tapahtumat AS t
    WHERE t.pvm <= $as_of
      AND t.pvm >= CAST(
          (SELECT min(d) FROM kpi_days) - to_months((SELECT max(raja) FROM rules) + 1) AS DATE
      )
      AND t.tyyppi IN (SELECT unnest(tapahtumat) FROM rules)
),
chained AS (
    SELECT
        asiakas_id,
        pvm,
        lead(pvm) OVER (PARTITION BY asiakas_id ORDER BY pvm) AS next_on
    FROM anchors
),
cases AS MATERIALIZED (
    SELECT
        row_number() OVER () AS case_id,
        c.asiakas_id,
        c.pvm,
        c.next_on,
        CAST(c.pvm + to_months(r.raja) AS DATE) AS deadline
    FROM chained AS c
    JOIN rules AS r
      ON CAST(c.pvm + to_months(r.raja) AS DATE) BETWEEN r.valid_from AND r.valid_to
),
in_period AS (
    SELECT c.*, p.b_start, a.kunta
    FROM cases AS c
    JOIN kpi_days AS p ON p.d = c.deadline
    JOIN asiakkaat AS a ON a.asiakas_id = c.asiakas_id
),
searching AS (
    -- The case's anchor lies in a job-search period that had not ended before D (a client's
    -- periods never overlap, so there is at most one).
    SELECT DISTINCT i.case_id
    FROM in_period AS i
    JOIN tyonhakujaksot AS j
      ON j.asiakas_id = i.asiakas_id
     AND i.pvm BETWEEN j.alkupvm AND coalesce(j.loppupvm, DATE '9999-12-31')
     AND coalesce(j.loppupvm, DATE '9999-12-31') >= i.deadline
),
unemployed_on_d AS (
    SELECT DISTINCT i.case_id
    FROM in_period AS i
    JOIN tilajaksot AS s
      ON s.asiakas_id = i.asiakas_id
     AND s.tila IN ('tyoton', 'lomautettu')
     AND i.deadline BETWEEN s.alkupvm AND coalesce(s.loppupvm, DATE '9999-12-31')
),
outcomes AS (
    SELECT
        i.b_start,
        i.kunta,
        CASE
            WHEN s.case_id IS NULL OR u.case_id IS NULL THEN 'excluded'
            ELSE kpi_deadline_outcome(i.next_on, i.deadline, NULL, i.deadline, $as_of)
        END AS outcome
    FROM in_period AS i
    LEFT JOIN searching AS s ON s.case_id = i.case_id
    LEFT JOIN unemployed_on_d AS u ON u.case_id = i.case_id
)
SELECT
    b_start,
    kunta,
    count(*) FILTER (WHERE outcome = 'on_time')::DOUBLE AS numerator,
    count(*) FILTER (WHERE outcome IN ('on_time', 'late'))::DOUBLE AS denominator,
    count(*) FILTER (WHERE outcome = 'pending') AS pending
FROM outcomes
GROUP BY b_start, kunta
