-- initial_contact_within_deadline (cohort): job-search periods with alkupvm in [from, E].
-- The rule of kpi_rules in force on alkupvm gives the contact event types and the limit in
-- working days. D = the limit-th working day after alkupvm (alkupvm not counted), found in
-- kpi_calendar by the working-day ordinal. Contact = the client's earliest event of the
-- rule's types dated in the job search (alkupvm..loppupvm), known at A. On time: contact <= D.
-- Excluded: the search ended before D with no contact. Late without contact once D < A.
-- Area: the client's kunta. A client's job searches never overlap (the load rejects it), so
-- (asiakas_id, alkupvm) is a case's key. Only contacts up to D are looked for: a case whose
-- first contact came after D is late either way (that contact is known at A, so D < A, and it
-- lies in the search, so the search did not end before D), and the join holds fewer events.
WITH cases AS (
    SELECT
        j.asiakas_id,
        j.alkupvm,
        CASE WHEN j.loppupvm <= $as_of THEN j.loppupvm END AS ended,
        r.tapahtumat AS contact_types,
        dl.d AS deadline,
        p.b_start,
        a.kunta
    FROM tyonhakujaksot AS j
    JOIN kpi_days AS p ON p.d = j.alkupvm
    JOIN asiakkaat AS a ON a.asiakas_id = j.asiakas_id
    JOIN kpi_rules AS r
      ON r.metric_id = 'initial_contact_within_deadline'
     AND j.alkupvm BETWEEN r.voimassa_alkaen AND r.voimassa_asti
    JOIN kpi_calendar AS c0 ON c0.d = j.alkupvm
    JOIN kpi_calendar AS dl ON dl.is_working_day AND dl.wd_ord = c0.wd_ord + r.raja
),
candidates AS (
    -- Events of any type a rule counts as a contact, from the period's first day to A.
    SELECT t.asiakas_id, t.tyyppi, t.pvm
    FROM tapahtumat AS t
    WHERE t.pvm >= (SELECT min(d) FROM kpi_days)
      AND t.pvm <= $as_of
      AND t.tyyppi IN (
          SELECT unnest(tapahtumat) FROM kpi_rules
          WHERE metric_id = 'initial_contact_within_deadline'
      )
),
contacts AS (
    SELECT
        any_value(c.b_start) AS b_start,
        any_value(c.kunta) AS kunta,
        any_value(c.ended) AS ended,
        any_value(c.deadline) AS deadline,
        min(t.pvm) AS contact_on
    FROM cases AS c
    LEFT JOIN candidates AS t
      ON t.asiakas_id = c.asiakas_id
     AND t.pvm >= c.alkupvm
     AND t.pvm <= coalesce(c.ended, $as_of)
     AND t.pvm <= c.deadline
     AND list_contains(c.contact_types, t.tyyppi)
    GROUP BY c.asiakas_id, c.alkupvm
),
outcomes AS (
    SELECT
        b_start,
        kunta,
        kpi_deadline_outcome(contact_on, deadline, ended, deadline, $as_of) AS outcome
    FROM contacts
)
SELECT
    b_start,
    kunta,
    count(*) FILTER (WHERE outcome = 'on_time')::DOUBLE AS numerator,
    count(*) FILTER (WHERE outcome IN ('on_time', 'late'))::DOUBLE AS denominator,
    count(*) FILTER (WHERE outcome = 'pending') AS pending
FROM outcomes
GROUP BY b_start, kunta
