-- integration_plan_within_30_days (cohort): kotoutuminen customerships with alkupvm in
-- [from, E]. Wait = days from alkupvm to the client's first kotoutumissuunnitelma dated on or
-- after alkupvm (known at A). On time: wait < 30 (a plan on day 30 is late). Resolved once the
-- plan is made, or when A >= alkupvm + 30. Excluded: the customership ended before
-- alkupvm + 30 with no plan. Area: the client's kunta.
WITH cases AS MATERIALIZED (
    SELECT
        row_number() OVER () AS case_id,
        j.asiakas_id,
        j.alkupvm,
        CASE WHEN j.loppupvm <= $as_of THEN j.loppupvm END AS ended,
        j.alkupvm + 30 AS day_30,
        p.b_start
    FROM palvelujaksot AS j
    JOIN kpi_days AS p ON p.d = j.alkupvm
    WHERE j.palvelu = 'kotoutuminen'
),
plans AS (
    SELECT c.case_id, min(t.pvm) AS plan_on
    FROM cases AS c
    JOIN tapahtumat AS t
      ON t.asiakas_id = c.asiakas_id
     AND t.tyyppi = 'kotoutumissuunnitelma'
     AND t.pvm >= c.alkupvm
     AND t.pvm <= $as_of
    GROUP BY c.case_id
),
outcomes AS (
    SELECT
        c.b_start,
        a.kunta,
        -- on time by day 29 (a wait under 30 days); excluded when it ended before day 30
        kpi_deadline_outcome(p.plan_on, c.day_30 - 1, c.ended, c.day_30, $as_of) AS outcome
    FROM cases AS c
    JOIN asiakkaat AS a ON a.asiakas_id = c.asiakas_id
    LEFT JOIN plans AS p ON p.case_id = c.case_id
)
SELECT
    b_start,
    kunta,
    count(*) FILTER (WHERE outcome = 'on_time')::DOUBLE AS numerator,
    count(*) FILTER (WHERE outcome IN ('on_time', 'late'))::DOUBLE AS denominator,
    count(*) FILTER (WHERE outcome = 'pending') AS pending
FROM outcomes
GROUP BY b_start, kunta
