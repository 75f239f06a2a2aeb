-- tym_assessment_within_3_months (cohort): TYM customerships with alkupvm in [from, E].
-- D = alkupvm + 3 calendar months (clipped to the month's last day). Done = the client's
-- first palvelutarpeen_arviointi dated on or after alkupvm, not after loppupvm, known at A.
-- On time: done <= D. Excluded: ended before D with no assessment. Late without a deed once
-- D < A. Otherwise pending. Area: the client's kunta.
WITH cases AS MATERIALIZED (
    SELECT
        row_number() OVER () AS case_id,
        j.asiakas_id,
        j.alkupvm,
        CASE WHEN j.loppupvm <= $as_of THEN j.loppupvm END AS ended,
        CAST(j.alkupvm + INTERVAL 3 MONTH AS DATE) AS deadline,
        p.b_start
    FROM palvelujaksot AS j
    JOIN kpi_days AS p ON p.d = j.alkupvm
    WHERE j.palvelu = 'tym'
),
done AS (
    SELECT c.case_id, min(t.pvm) AS done_on
    FROM cases AS c
    JOIN tapahtumat AS t
      ON t.asiakas_id = c.asiakas_id
     AND t.tyyppi = 'palvelutarpeen_arviointi'
     AND t.pvm >= c.alkupvm
     AND t.pvm <= coalesce(c.ended, $as_of)
    GROUP BY c.case_id
),
outcomes AS (
    SELECT
        c.b_start,
        a.kunta,
        kpi_deadline_outcome(d.done_on, c.deadline, c.ended, c.deadline, $as_of) AS outcome
    FROM cases AS c
    JOIN asiakkaat AS a ON a.asiakas_id = c.asiakas_id
    LEFT JOIN done AS d ON d.case_id = c.case_id
)
SELECT
    b_start,
    kunta,
    count(*) FILTER (WHERE outcome = 'on_time')::DOUBLE AS numerator,
    count(*) FILTER (WHERE outcome IN ('on_time', 'late'))::DOUBLE AS denominator,
    count(*) FILTER (WHERE outcome = 'pending') AS pending
FROM outcomes
GROUP BY b_start, kunta
