-- Open cases of initial_contact_within_deadline at A (docs/spec/METRICS.md, "Deadlines
-- coming up"): job searches started on or before A and still going on at A (loppupvm empty or
-- after A) with no contact of the rule's types in [alkupvm, A]. The rule of kpi_rules in force
-- on alkupvm gives the types and the limit (the metric's earliest row also covers earlier
-- days); D = the limit-th working day after alkupvm (kpi_calendar). The search goes on at A,
-- so the exclusion "ended before D" cannot hold. Area: the client's kunta.
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
    WHERE metric_id = 'initial_contact_within_deadline'
),
searches AS (
    SELECT j.asiakas_id, j.alkupvm, r.raja, r.tapahtumat AS contact_types
    FROM tyonhakujaksot AS j
    JOIN rules AS r ON j.alkupvm BETWEEN r.valid_from AND r.valid_to
    WHERE j.alkupvm <= $as_of
      AND (j.loppupvm IS NULL OR j.loppupvm > $as_of)
)
SELECT s.asiakas_id, a.kunta, s.alkupvm AS started, dl.d AS deadline
FROM searches AS s
JOIN asiakkaat AS a ON a.asiakas_id = s.asiakas_id
JOIN kpi_calendar AS c0 ON c0.d = s.alkupvm
JOIN kpi_calendar AS dl ON dl.is_working_day AND dl.wd_ord = c0.wd_ord + s.raja
WHERE NOT EXISTS (
    SELECT 1 FROM tapahtumat AS t
    WHERE t.asiakas_id = s.asiakas_id
      AND t.pvm BETWEEN s.alkupvm AND $as_of
      AND list_contains(s.contact_types, t.tyyppi)
)
